package analyze_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/seeds"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// goldFile is the shape of ../shared/eval/seeds_gold_public.json.
type goldFile struct {
	Conflicts  []goldItem `json:"conflicts"`
	Agreements []goldItem `json:"agreements"`
	Traps      []goldItem `json:"traps"`
}

type goldItem struct {
	ID   string   `json:"id"`
	Kind string   `json:"kind"`
	A    goldSide `json:"a"`
	B    goldSide `json:"b"`
}

type goldSide struct {
	Source string   `json:"source"`
	Quotes []string `json:"quotes"`
}

func evalDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(dir, "seeds_gold_public.json")); err != nil {
		t.Skipf("public eval data not found at %s (it lives beside the repository): %v", dir, err)
	}
	return dir
}

func seedDocs(t testing.TB) []*tokenize.Document {
	t.Helper()
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := tk.Documents(context.Background(), seeds.Sources())
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// shortID maps a seed source id ("001_df86...") to the gold's "001".
func shortID(id string) string {
	s, _, _ := strings.Cut(id, "_")
	return s
}

// overlapsQuote reports whether evidence e overlaps one of side's quotes.
func overlapsQuote(docs []*tokenize.Document, e analyze.Evidence, side goldSide) bool {
	if shortID(e.Source) != side.Source {
		return false
	}
	for _, d := range docs {
		if d.Source.ID != e.Source {
			continue
		}
		text := string(d.Source.Text)
		for _, q := range side.Quotes {
			for off := 0; ; {
				i := strings.Index(text[off:], q)
				if i < 0 {
					break
				}
				s, end := off+i, off+i+len(q)
				if s < e.End && e.Start < end {
					return true
				}
				off = s + 1
			}
		}
	}
	return false
}

func matches(docs []*tokenize.Document, f analyze.Finding, g goldItem) bool {
	return overlapsQuote(docs, f.A, g.A) && overlapsQuote(docs, f.B, g.B) ||
		overlapsQuote(docs, f.A, g.B) && overlapsQuote(docs, f.B, g.A)
}

// TestSeedGold checks the public gold on the seed story: every labelled
// conflict is found, and no trap or agreement is reported as a conflict.
func TestSeedGold(t *testing.T) {
	dir := evalDir(t)
	b, err := os.ReadFile(filepath.Join(dir, "seeds_gold_public.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldFile
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	docs := seedDocs(t)
	res, err := analyze.Run(context.Background(), docs, analyze.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Conflicts {
		t.Logf("conflict %s %.2f %s:%q / %s:%q", f.Kind, f.Score, shortID(f.A.Source), f.A.Text, shortID(f.B.Source), f.B.Text)
	}
	for _, g := range gold.Conflicts {
		found := false
		for _, f := range res.Conflicts {
			found = found || matches(docs, f, g)
		}
		if !found {
			t.Errorf("labelled conflict %s (%s vs %s) not found", g.ID, g.A.Source, g.B.Source)
		}
	}
	for _, g := range append(append([]goldItem{}, gold.Traps...), gold.Agreements...) {
		for _, f := range res.Conflicts {
			if matches(docs, f, g) {
				t.Errorf("%s is reported as a conflict: %s", g.ID, f.Explanation)
			}
		}
	}
}
