package analyze

import (
	"context"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/tokenize"
)

var caseAliases = map[string]string{
	"voltara": "Voltara", "cellmax": "Cellmax", "pantera": "Pantera", "pantera energy": "Pantera",
	"medix": "Medix", "corvan": "Corvan", "reyes": "Reyes", "hollis": "Hollis", "veridian": "Veridian",
	"the council": "Council", "council": "Council",
}

// TestDetectors runs each detector on two one-sentence sources, on several
// subjects, with the traps each detector must not fall into.
func TestDetectors(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want Kind // "" means no conflict
	}{
		{"exclusivity/providers differ", "The batteries are made solely by Cellmax.", "The batteries were built entirely by Pantera Energy.", KindExclusivity},
		{"exclusivity/role noun", "Medix remains the sole supplier of the injectors to hospitals.", "The injectors are made entirely by Corvan for hospitals.", KindExclusivity},
		{"exclusivity/same provider agrees", "The batteries are made solely by Cellmax.", "The batteries were built entirely by Cellmax.", ""},
		{"exclusivity/opposite scopes", "Medix remains the sole supplier of the painless injectors.", "The painful injectors are made entirely by Corvan.", ""},
		{"exclusivity/conditional", "If Cellmax were the sole supplier, battery prices would rise.", "The batteries were built entirely by Pantera Energy.", ""},
		{"exclusivity/possessor is the client", "As Voltara's exclusive supplier, Cellmax ships batteries.", "The batteries were built entirely by Pantera Energy.", ""},
		{"exclusivity/sole versus several", "Cellmax is the sole battery supplier for Voltara.", "Voltara buys its batteries from several suppliers.", KindExclusivity},
		{"exclusivity/several under a permission", "Cellmax is the sole battery supplier for Voltara.", "Voltara was approved to test batteries from several suppliers.", ""},
		{"change/remains vs ended", "Cellmax remains the exclusive battery supplier for Voltara.", "Voltara ended its exclusive battery supply deal with Cellmax.", KindPolarity},
		{"change/different things", "Cellmax remains the exclusive battery supplier for Voltara.", "Voltara ended its exclusive marketing deal with Cellmax.", ""},
		{"numeric/same count differs", "Voltara is recalling 120,000 electric scooters.", "Voltara is recalling 150,000 electric scooters.", KindNumeric},
		{"numeric/approximately equal", "Voltara is recalling about 120,000 electric scooters.", "Voltara is recalling 121,000 electric scooters.", ""},
		{"numeric/different things", "Veridian agreed to a $4 billion takeover of Hollis.", "Hollis reported a $4.5 billion annual revenue.", ""},
		{"numeric/vote share", "Reyes won 52% of the vote in the runoff.", "Reyes won 48% of the vote in the runoff.", KindNumeric},
		{"negation/same statement", "The council approved the new stadium budget on Monday.", "The council did not approve the new stadium budget on Monday.", KindPolarity},
		{"negation/different statement", "The council approved the new stadium budget on Monday.", "The council did not discuss the library hours.", ""},
		{"attitude/approval vs objection", "Hollis approved the sale of its plant to Veridian.", "Hollis said the sale of the plant to Veridian violated its contract.", KindAttitude},
		{"attitude/thing inside a compound", "Hollis approved the multi-plant expansion by Veridian.", "Hollis said the new plant of Veridian violated its contract.", KindAttitude},
		{"attitude/nothing in common but the parties", "Hollis approved the expansion by Veridian.", "Hollis said the pricing of Veridian violated its contract.", ""},
		{"attitude/different parties", "Veridian approved the purchase of the plant from Hollis.", "Hollis said the sale of the plant to Veridian violated its contract.", ""},
		{"attitude/speculative objection", "Hollis approved the sale of its plant to Veridian.", "Hollis may argue the sale to Veridian violated its contract.", ""},
		{"antonym/rise vs fall", "Shares of Hollis rose sharply after the merger announcement.", "Shares of Hollis fell sharply after the merger announcement.", KindAntonym},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []*testDocPair{{"a", tt.a}, {"b", tt.b}}
			res, err := Run(context.Background(), buildDocs(t, docs), Options{})
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

type testDocPair struct{ id, text string }

// TestTemporal checks that a change reported by a later source supersedes
// the earlier claim instead of contradicting it, and that undated or
// reversed dates keep the contradiction.
func TestTemporal(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name         string
		dateA, dateB string
		want         Kind
	}{
		{"later source reports the end", "2026-01-10", "2026-03-01", KindTemporal},
		{"earlier source reports the end", "2026-03-01", "2026-01-10", KindPolarity},
		{"undated", "", "", KindPolarity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := buildDocs(t, []*testDocPair{
				{"a", "Cellmax remains the exclusive battery supplier for Voltara."},
				{"b", "Voltara ended its exclusive battery supply deal with Cellmax."},
			})
			if tt.dateA != "" {
				docs[0].Source.Date, docs[1].Source.Date = day(tt.dateA), day(tt.dateB)
			}
			res, err := Run(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Conflicts) != 1 || res.Conflicts[0].Kind != tt.want {
				t.Fatalf("want one %s finding, got %+v", tt.want, res.Conflicts)
			}
			if tt.want == KindTemporal && res.Conflicts[0].Severity != Low {
				t.Errorf("a supersession must be low severity, got %s", res.Conflicts[0].Severity)
			}
		})
	}
}

// TestSelfContradiction checks that one source contradicting itself on the
// same quantity is reported as its own kind, and that an article restating
// itself in looser words is not.
func TestSelfContradiction(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Kind
	}{
		{"numbers", "Voltara is recalling 120,000 electric scooters sold in Europe this spring.\nLater the statement said Voltara is recalling 150,000 electric scooters sold in Europe this spring.\n", KindSelf},
		{"restatement", "Voltara is recalling 120,000 electric scooters.\nThe recall covers scooters sold in Europe.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(context.Background(), buildDocs(t, []*testDocPair{{"a", tt.text}}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got Kind
			if len(res.Conflicts) > 0 {
				got = res.Conflicts[0].Kind
				if res.Conflicts[0].A.Source != res.Conflicts[0].B.Source {
					t.Errorf("a self-contradiction has both sides in one source: %+v", res.Conflicts[0])
				}
			}
			if got != tt.want {
				t.Errorf("kind = %q, want %q (%+v)", got, tt.want, res.Conflicts)
			}
		})
	}
}

// TestHedgedEvidence checks that attributed and modal statements are marked,
// name who asserted them, and score below the same conflict asserted flatly.
func TestHedgedEvidence(t *testing.T) {
	run := func(b string) Finding {
		t.Helper()
		res, err := Run(context.Background(), buildDocs(t, []*testDocPair{
			{"a", "Voltara is recalling 120,000 electric scooters."}, {"b", b},
		}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Conflicts) != 1 {
			t.Fatalf("want one conflict for %q, got %+v", b, res.Conflicts)
		}
		return res.Conflicts[0]
	}
	flat := run("Voltara is recalling 150,000 electric scooters.")
	said := run("Voltara is recalling 150,000 electric scooters, according to Cellmax.")
	if flat.B.Hedged || !said.B.Hedged {
		t.Errorf("hedged: flat %v, attributed %v", flat.B.Hedged, said.B.Hedged)
	}
	if said.B.Asserter != "Cellmax" {
		t.Errorf("asserter = %q, want Cellmax", said.B.Asserter)
	}
	if said.Score >= flat.Score {
		t.Errorf("an attributed claim must score lower: %v >= %v", said.Score, flat.Score)
	}
}

// TestDifferentTimes checks the same-event gate on time: two figures for
// two different years are two facts, not a conflict.
func TestDifferentTimes(t *testing.T) {
	day := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	docs := buildDocs(t, []*testDocPair{
		{"a", "Voltara recalled 120,000 electric scooters last year."},
		{"b", "Voltara recalled 150,000 electric scooters last year."},
	})
	res, err := Run(context.Background(), docs, Options{})
	if err != nil || len(res.Conflicts) != 1 {
		t.Fatalf("same time: want one conflict, got %+v (%v)", res.Conflicts, err)
	}
	for i, y := range []int{2024, 2025} {
		s := &docs[i].Sentences[0]
		s.Dates = []tokenize.DateRef{{Span: s.Span, From: day(y), To: day(y).AddDate(1, 0, -1)}}
	}
	res, err = Run(context.Background(), docs, Options{})
	if err != nil || len(res.Conflicts) != 0 {
		t.Fatalf("different years: want no conflict, got %+v (%v)", res.Conflicts, err)
	}
}
