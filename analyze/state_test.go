package analyze

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

// realDocs tokenizes short sources with the real tokenizer, each with its
// publication date ("" for none), so that dates written in the text are
// read as the pipeline reads them.
func realDocs(t *testing.T, srcs ...[3]string) []*tokenize.Document {
	t.Helper()
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	var in []tokenize.Source
	for _, s := range srcs {
		src := tokenize.Source{ID: s[0], Text: []byte(s[2])}
		if s[1] != "" {
			d, err := time.Parse("2006-01-02", s[1])
			if err != nil {
				t.Fatal(err)
			}
			src.Date = d
		}
		in = append(in, src)
	}
	docs, err := tk.Documents(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestStateChange covers the change of a state other than exclusivity and
// when it is a later update rather than a contradiction: the time of the
// change is the date written at it, else the reporting source's date; the
// continuing statement speaks of its own publication day.
func TestStateChange(t *testing.T) {
	const (
		goesOn  = "Production continues at the Halden plant of Norvik Foods."
		stopped = "Norvik Foods ceased production at the Halden plant on 3 March."
	)
	tests := []struct {
		name         string
		dateA, dateB string
		a, b         string
		want         Kind // "" means no conflict
	}{
		{"later source reports the stop", "2026-02-01", "2026-03-10", goesOn, stopped, KindTemporal},
		{"stop written before the continuing statement", "2026-03-05", "2026-03-20", goesOn, stopped, KindPolarity},
		{"undated continuing statement", "", "2026-03-10", goesOn, stopped, KindPolarity},
		{"undated report with a full date", "2026-02-01", "", goesOn, "Norvik Foods ceased production at the Halden plant on 3 March 2026.", KindTemporal},
		{"undated report, no date", "2026-02-01", "", goesOn, "Norvik Foods ceased production at the Halden plant.", KindPolarity},
		{"other activity", "2026-02-01", "2026-03-10", goesOn, "Norvik Foods ceased advertising in Halden on 3 March.", ""},
		{"other party", "2026-02-01", "2026-03-10", goesOn, "Brekke Dairy ceased production at its Oslo plant on 3 March.", ""},
		{"a noun, not a change", "2026-02-01", "2026-03-10", "Production continues at the Halden plant of Norvik Foods on three shifts.", "Production at the Halden plant of Norvik Foods continues.", ""},
		{"an office held", "2026-02-01", "2026-03-10", "Anna Berg remains chief executive of Norvik Foods.", "Anna Berg stepped down as chief executive of Norvik Foods on 3 March.", KindTemporal},
		{"a ban in place", "", "", "The export ban on Norvik Foods remains in place.", "The ministry lifted the export ban on Norvik Foods.", KindPolarity},
		{"something else closed", "2026-02-01", "2026-03-10", "Anna Berg remains chief executive of Norvik Foods.", "Norvik Foods closed its Oslo office on 3 March.", ""},
		{"both conditional", "2026-02-01", "2026-03-10", "If the sale succeeds, production would continue at the Halden plant of Norvik Foods.", "If the buyer walks away, Norvik Foods would stop production at the Halden plant.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := realDocs(t, [3]string{"a", tt.dateA, tt.a}, [3]string{"b", tt.dateB, tt.b})
			res, err := Run(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got Kind
			if len(res.Conflicts) > 0 {
				got = res.Conflicts[0].Kind
			}
			if got != tt.want || len(res.Conflicts) > 1 {
				t.Errorf("conflict kind = %q, want %q (conflicts: %+v)", got, tt.want, res.Conflicts)
			}
		})
	}
}

// TestAmountsForDifferentThings checks the same-event gate on amounts: a fee
// for one named player is not the fee for another, while two fees for the
// same player still conflict.
func TestAmountsForDifferentThings(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want Kind
	}{
		{"same player", "Kestrel City paid a fee of £18 million for Mateo Ruiz.", "Kestrel City paid a fee of £12 million for Mateo Ruiz.", KindNumeric},
		{"unnamed in one, same player named elsewhere", "The midfielder Mateo Ruiz joined Kestrel City on Friday. Kestrel City paid a fee of £18 million for the midfielder.", "Kestrel City paid a fee of £12 million for Mateo Ruiz.", KindNumeric},
		{"another player", "The midfielder Mateo Ruiz joined Kestrel City on Friday. Kestrel City paid a fee of £18 million for the midfielder.", "Kestrel City paid a fee of £7 million for defender Lars Vinter.", ""},
		{"two named players", "Kestrel City paid a fee of £18 million for Mateo Ruiz.", "Kestrel City paid a fee of £7 million for Lars Vinter.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(context.Background(), realDocs(t, [3]string{"a", "", tt.a}, [3]string{"b", "", tt.b}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got Kind
			if len(res.Conflicts) > 0 {
				got = res.Conflicts[0].Kind
			}
			if got != tt.want {
				t.Errorf("conflict kind = %q, want %q (conflicts: %+v)", got, tt.want, res.Conflicts)
			}
		})
	}
}

// TestSelfConflict checks what one source contradicting itself takes: the
// same measured thing with two values in two near-identical statements,
// even when one is attributed; looser restatements are left alone.
func TestSelfConflict(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Kind
	}{
		{"two head counts", "The plant employs 640 people in packing and shipping. Sales fell last year. The plant employs 460 people in packing and shipping, according to the council.", KindSelf},
		{"same head count", "The plant employs 640 people in packing and shipping. The plant employs 640 people in packing and shipping, the council said.", ""},
		{"different verbs", "Fighting near the port killed 31 fighters on both sides, a security official said. Later, 36 fighters on both sides were wounded near the port, the official said.", ""},
		{"different things counted", "The plant employs 640 people in packing and shipping. The plant ships 460 pallets a day to shops in the north.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(context.Background(), realDocs(t, [3]string{"a", "", tt.text}, [3]string{"b", "", "The harbour opened a new ferry terminal."}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got Kind
			if len(res.Conflicts) > 0 {
				got = res.Conflicts[0].Kind
			}
			if got != tt.want {
				t.Errorf("conflict kind = %q, want %q (conflicts: %+v)", got, tt.want, res.Conflicts)
			}
		})
	}
}

// TestUnnamedAsserter checks who a statement is credited to when the
// speaker has no name: a determiner and a few nouns next to the verb.
func TestUnnamedAsserter(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Production continues at the Halden plant, the textile union said in a bulletin.", "the textile union"},
		{"According to the union, each worker will receive a payment of 6,000 euros.", "the union"},
		{"Norvik Foods said production continues at the Halden plant.", "Norvik Foods"},
		{"Production continues at the Halden plant, said a worker who asked not to be named.", ""},
	}
	lx := DefaultConfig().compile()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := realDocs(t, [3]string{"a", "", tt.text})[0]
			c := newClaim(lx, identity{}, d, 0, 0)
			if c.asserter != tt.want {
				t.Errorf("asserter = %q, want %q", c.asserter, tt.want)
			}
		})
	}
}

// TestAgreementSupport checks that a statement several sources make is one
// agreement listing every source, also when each wraps it in a sentence of
// its own, and that a negated or numbered clause does not count as the
// same statement.
func TestAgreementSupport(t *testing.T) {
	tests := []struct {
		name    string
		a, b, c string
		want    []string // sources of the agreement; nil for none
	}{
		{"one clause in three sentences",
			"The plant employs 300 people, and it is the largest private employer in Halden.",
			"The plant is the largest private employer in Halden, and its closure is a blow to the town.",
			"The plant is the largest private employer in Halden, the union said.",
			[]string{"a", "b", "c"}},
		{"a state that goes on",
			"Production continues at the Halden plant of Norvik Foods.",
			"Production continues at the Halden plant, where a small crew is packing the last orders.",
			"The harbour opened a new ferry terminal.",
			[]string{"a", "b"}},
		{"negated clause",
			"The plant is the largest private employer in Halden.",
			"The plant is not the largest private employer in Halden.",
			"The harbour opened a new ferry terminal.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := realDocs(t, [3]string{"a", "", tt.a}, [3]string{"b", "", tt.b}, [3]string{"c", "", tt.c})
			res, err := Run(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Agreements {
				if len(f.SupportA) > len(got) {
					got = f.SupportA
				}
			}
			if len(got) != len(tt.want) || len(got) > 0 && strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("agreement sources = %v, want %v (agreements: %+v)", got, tt.want, res.Agreements)
			}
		})
	}
}
