package tokenize

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/internal/golden"

	"github.com/google/go-cmp/cmp"
)

// factTokenizer is shared by the fact tests: the tagger model loads once.
var factTokenizer = sync.OnceValues(func() (*Tokenizer, error) { return New(Options{}) })

// tokenizeFacts runs the real tokenizer on text (published on date, zero
// for unknown) and returns the document.
func tokenizeFacts(t *testing.T, text string, date time.Time) *Document {
	t.Helper()
	tk, err := factTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	d, err := tk.Document(Source{ID: "t", Text: []byte(text), Date: date})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// withConfig tokenizes text with a configuration of its own.
func withConfig(t *testing.T, cfg *Config, text string) *Document {
	t.Helper()
	tk, err := New(Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	d, err := tk.Document(Source{ID: "t", Text: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDefaultConfigValid(t *testing.T) {
	c := DefaultConfig()
	if _, err := c.compile(); err != nil {
		t.Fatal(err)
	}
	if n := len(c.Entities); n < 250 {
		t.Errorf("default alias table has %d entities, want a few hundred", n)
	}
	names := map[string]bool{}
	for _, e := range c.Entities {
		if !slices.Contains(Classes, e.Class) {
			t.Errorf("entity %q: class %q is not in Classes", e.Name, e.Class)
		}
		if names[foldName(e.Name)] {
			t.Errorf("entity %q defined twice", e.Name)
		}
		names[foldName(e.Name)] = true
	}
	for _, k := range CueKinds {
		if k == CueQuestion {
			continue
		}
		if len(c.Cues[k]) == 0 {
			t.Errorf("no default words for cue kind %q", k)
		}
	}
	// DefaultConfig hands out copies: changing one does not change the next.
	c.Entities[0].Aliases = append(c.Entities[0].Aliases, "zzz")
	c.Cues[CueHedge] = nil
	d := DefaultConfig()
	if slices.Contains(d.Entities[0].Aliases, "zzz") || len(d.Cues[CueHedge]) == 0 {
		t.Error("DefaultConfig returned shared data")
	}
}

func TestLoadConfigErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"syntax", "{\n  \"cues\": {\"hedge\": [\"may\",]}\n}", "line 2"},
		{"type", "{\"entities\": [{\"name\": 3}]}", "line 1"},
		{"empty name", `{"entities": [{"name": " ", "aliases": ["x"]}]}`, "entities[0]: empty name"},
		{"empty alias", `{"entities": [{"name": "Acme", "aliases": [""]}]}`, `entity "Acme": aliases[0]: empty alias`},
		{"unknown kind", `{"cues": {"hedging": ["may"]}}`, `unknown kind "hedging"`},
		{"empty cue", `{"cues": {"hedge": ["  "]}}`, "empty word"},
		{"unknown replace kind", `{"replace_cues": ["nope"]}`, `replace_cues: unknown kind "nope"`},
		{"not an object", `[1, 2]`, "tokenize: config"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadConfig(strings.NewReader(tc.json))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestLoadConfigIgnoresUnknownKeys(t *testing.T) {
	c, err := LoadConfig(strings.NewReader(`{"topics": [{"name": "x"}], "cues": {"hedge": ["perchance"]}, "detectors": {}}`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[CueKind][]string{CueHedge: {"perchance"}}, c.Cues); diff != "" {
		t.Errorf("cues (-want +got):\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	base := func() *Config {
		return &Config{
			Entities: []EntityDef{
				{Name: "Acme Corp", Class: "company", Aliases: []string{"Acme"}},
				{Name: "Globex", Class: "company"},
			},
			Cues:       map[CueKind][]string{CueHedge: {"may", "might"}, CueNegation: {"not"}},
			Approx:     []string{"about"},
			Currencies: map[string]string{"$": "USD", "bucks": "USD"},
		}
	}
	tests := []struct {
		name string
		user string
		want *Config
	}{
		{
			name: "add aliases and entities, extend cues",
			user: `{"entities": [{"name": "acme corp", "aliases": ["ACME", "Acme Inc"]}, {"name": "Initech", "class": "company"}],
				"cues": {"hedge": ["perhaps", "May"]}, "approx": ["circa"], "currencies": {"bucks": "", "kr": "SEK"}}`,
			want: &Config{
				Entities: []EntityDef{
					{Name: "Acme Corp", Class: "company", Aliases: []string{"Acme", "Acme Inc"}},
					{Name: "Globex", Class: "company"},
					{Name: "Initech", Class: "company"},
				},
				Cues:       map[CueKind][]string{CueHedge: {"may", "might", "perhaps"}, CueNegation: {"not"}},
				Approx:     []string{"about", "circa"},
				Currencies: map[string]string{"$": "USD", "kr": "SEK"},
			},
		},
		{
			name: "replace one kind and one entity",
			user: `{"entities": [{"name": "Globex", "class": "platform", "aliases": ["GX"], "replace": true}],
				"cues": {"hedge": {"replace": true, "words": ["perhaps"]}}}`,
			want: &Config{
				Entities: []EntityDef{
					{Name: "Acme Corp", Class: "company", Aliases: []string{"Acme"}},
					{Name: "Globex", Class: "platform", Aliases: []string{"GX"}},
				},
				Cues:       map[CueKind][]string{CueHedge: {"perhaps"}, CueNegation: {"not"}},
				Approx:     []string{"about"},
				Currencies: map[string]string{"$": "USD", "bucks": "USD"},
			},
		},
		{
			name: "replace kind with no words empties it",
			user: `{"replace_cues": ["negation"]}`,
			want: &Config{
				Entities: []EntityDef{
					{Name: "Acme Corp", Class: "company", Aliases: []string{"Acme"}},
					{Name: "Globex", Class: "company"},
				},
				Cues:       map[CueKind][]string{CueHedge: {"may", "might"}},
				Approx:     []string{"about"},
				Currencies: map[string]string{"$": "USD", "bucks": "USD"},
			},
		},
		{
			name: "replace everything",
			user: `{"replace": true, "cues": {"negation": ["nope"]}}`,
			want: &Config{Cues: map[CueKind][]string{CueNegation: {"nope"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			user, err := LoadConfig(strings.NewReader(tc.user))
			if err != nil {
				t.Fatal(err)
			}
			got := base()
			got.Merge(user)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("merged config (-want +got):\n%s", diff)
			}
			if _, err := got.compile(); err != nil {
				t.Errorf("merged config does not compile: %v", err)
			}
		})
	}
}

func TestMergeNilAndClone(t *testing.T) {
	c := DefaultConfig()
	n := len(c.Entities)
	c.Merge(nil)
	if len(c.Entities) != n {
		t.Error("Merge(nil) changed the config")
	}
	var nilCfg *Config
	if nilCfg.Clone() != nil {
		t.Error("nil Clone is not nil")
	}
}

func TestCompileRejectsInvalid(t *testing.T) {
	for name, c := range map[string]*Config{
		"empty name":   {Entities: []EntityDef{{Name: ""}}},
		"unknown kind": {Cues: map[CueKind][]string{"vibes": {"wow"}}},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := New(Options{Config: c}); err == nil {
				t.Error("New accepted an invalid config")
			}
		})
	}
}

// A user configuration extends the defaults: here it teaches the tokenizer a
// new company with an alias, and a new hedge word.
func ExampleLoadConfig() {
	user, err := LoadConfig(strings.NewReader(`{
		"entities": [{"name": "Initech", "class": "company", "aliases": ["Initech Corp", "INTC Labs"]}],
		"cues": {"hedge": ["purportedly"]}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cfg := DefaultConfig()
	cfg.Merge(user)
	tk, err := New(Options{Config: cfg, NoTags: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := tk.Document(Source{Text: []byte("Initech Corp purportedly moved its servers to Amazon's cloud.")})
	for _, m := range d.Sentences[0].Mentions {
		fmt.Printf("%q is %s (%s)\n", d.Text(m.Span), m.Entity, m.Class)
	}
	for _, c := range d.Sentences[0].Cues {
		fmt.Printf("%q is a %s cue\n", d.Text(c.Span), c.Kind)
	}
	// Output:
	// "Initech Corp" is Initech (company)
	// "Amazon's cloud" is Amazon Web Services (platform)
	// "purportedly" is a hedge cue
}

// FuzzFacts checks the facts of every sentence on arbitrary text: spans
// inside their sentence and non-empty, mentions and quantities in order and
// not overlapping, dates with From <= To in UTC, values finite.
func FuzzFacts(f *testing.F) {
	for _, s := range []string{
		"Amazon's cloud got around $50 billion on Feb. 27, 2026; AWS rose 13%.",
		"U.S. Department of Defense, Q1 2026, last fall, the 1990s, mid-2025, 2/27/2026.",
		"US$3 million, €20m, £3.5bn, a dozen, twenty-five, 1.5 million, ~40 kg.",
		"Is the Microsoft-OpenAI deal no longer exclusive? It didn't say.",
		"$ $ % ~ US$ 9999999999999999999999 bn 1e308 million billion trillion",
		"Feb 31, 2026 2026-13-45 99/99/2026 Q9 2026 H3 2026 2019-2018",
	} {
		f.Add(s, int64(1772150400)) // 2026-02-27
	}
	tk, err := New(Options{NoTags: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		src := Source{Text: []byte(text)}
		if unix > -1e10 && unix < 1e10 {
			src.Date = time.Unix(unix, 0)
		}
		d, err := tk.document(src)
		if err != nil {
			return
		}
		for si, s := range d.Sentences {
			inside := func(what string, sp Span) {
				if sp.Start < s.Start || sp.End > s.End || sp.Start >= sp.End {
					t.Fatalf("sentence %d %v: %s span %v outside it or empty", si, s.Span, what, sp)
				}
			}
			last := -1
			for _, m := range s.Mentions {
				inside("mention", m.Span)
				if m.Start < last {
					t.Fatalf("sentence %d: mentions overlap or out of order at %v", si, m.Span)
				}
				last = m.End
				if m.Entity == "" {
					t.Fatalf("sentence %d: mention %v without an entity", si, m.Span)
				}
			}
			last = -1
			for _, q := range s.Quantities {
				inside("quantity", q.Span)
				if q.Start < last {
					t.Fatalf("sentence %d: quantities overlap at %v", si, q.Span)
				}
				last = q.End
				if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
					t.Fatalf("sentence %d: quantity %v has value %v", si, q.Span, q.Value)
				}
			}
			for _, r := range s.Dates {
				inside("date", r.Span)
				if r.To.Before(r.From) || r.From.Location() != time.UTC {
					t.Fatalf("sentence %d: date %v runs %v to %v", si, r.Span, r.From, r.To)
				}
			}
			for _, c := range s.Cues {
				inside("cue", c.Span)
				if !slices.Contains(CueKinds, c.Kind) {
					t.Fatalf("sentence %d: cue of unknown kind %q", si, c.Kind)
				}
			}
		}
	})
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestFactsGolden records every fact of whole articles: the seed story and
// a story of our own on another subject (published 2025-10-03, so relative
// dates resolve). A change in any rule shows here as a readable diff; run
// go test ./tokenize -update to accept it, and say why in the commit.
func TestFactsGolden(t *testing.T) {
	seeds, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	inputs := append(seeds, filepath.Join("testdata", "facts", "merger.txt"))
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var date time.Time
			if name == "merger" {
				date = time.Date(2025, 10, 3, 0, 0, 0, 0, time.UTC)
			}
			got := factsText(tokenizeFacts(t, string(text), date))
			golden.Check(t, filepath.Join("testdata", "facts", name+".golden"), []byte(got), *update)
		})
	}
}

// factsText lists the facts of every sentence that has any, one per line.
func factsText(d *Document) string {
	var b strings.Builder
	for si, s := range d.Sentences {
		if len(s.Quantities)+len(s.Dates)+len(s.Mentions)+len(s.Cues) == 0 {
			continue
		}
		fmt.Fprintf(&b, "sentence %d %q\n", si, d.Text(s.Span))
		for _, q := range s.Quantities {
			approx := ""
			if q.Approx {
				approx = " approx"
			}
			fmt.Fprintf(&b, "  quantity %q %g %q%s\n", d.Text(q.Span), q.Value, q.Unit, approx)
		}
		for _, r := range s.Dates {
			fmt.Fprintf(&b, "  date     %q %s..%s\n", d.Text(r.Span), r.From.Format(time.DateOnly), r.To.Format(time.DateOnly))
		}
		for _, m := range s.Mentions {
			fmt.Fprintf(&b, "  mention  %q %s (%s)\n", d.Text(m.Span), m.Entity, m.Class)
		}
		for _, c := range s.Cues {
			fmt.Fprintf(&b, "  cue      %q %s %q\n", d.Text(c.Span), c.Kind, c.Word)
		}
	}
	return b.String()
}

func TestReadConfigFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(good, []byte(`{"cues": {"hedge": ["perchance"]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("{\n\"cues\": {\"vibes\": [\"wow\"]}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := ReadConfigFile(good)
	if err != nil || len(c.Cues[CueHedge]) != 1 {
		t.Errorf("ReadConfigFile(good) = %v, %v", c, err)
	}
	for _, path := range []string{bad, filepath.Join(dir, "missing.json")} {
		if _, err := ReadConfigFile(path); err == nil || !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Errorf("ReadConfigFile(%s): err = %v, want it to name the file", filepath.Base(path), err)
		}
	}
}

// TestPrefixFilter holds prefixFilter to its promise, never "no" for a
// string added, and to its use: most strings not added are ruled out.
func TestPrefixFilter(t *testing.T) {
	var f prefixFilter
	if !f.mayHave([]byte("anything")) {
		t.Error("an empty filter must leave the answer to the map")
	}
	var added []string
	for i := range 2000 {
		s := fmt.Sprintf("key-%d-%c", i, 'a'+i%26)
		for j := 1; j <= len(s); j++ {
			f.add(s[:j])
			added = append(added, s[:j])
		}
	}
	for _, s := range added {
		if !f.mayHave([]byte(s)) {
			t.Fatalf("mayHave(%q) = false for a string added", s)
		}
	}
	if !f.mayHave(nil) {
		t.Error("mayHave of the empty string must be true")
	}
	maybe := 0
	for i := range 1000 {
		if f.mayHave([]byte(fmt.Sprintf("other%dword", i))) {
			maybe++
		}
	}
	if maybe > 300 {
		t.Errorf("%d of 1000 strings not added pass the filter; want most ruled out", maybe)
	}
}
