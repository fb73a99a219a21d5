package analyze_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/input"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// TestStoryGolds runs the whole analysis on the small stories of
// testdata/stories, each on its own subject with a gold file in the shape
// of the seed gold, and requires every labelled conflict found, no trap or
// agreement reported as a conflict, and at least 0.9 of the reported
// conflicts matching a labelled one.
func TestStoryGolds(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "stories", "*"))
	if err != nil || len(dirs) < 3 {
		t.Fatalf("want at least three stories, got %v (%v)", dirs, err)
	}
	// Tagged, as the CLI reads a handful of articles.
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			var gold goldFile
			if err := json.Unmarshal(b, &gold); err != nil {
				t.Fatalf("%s: %v", dir, err)
			}
			// Read the articles as the CLI does, so that front matter
			// (title, date) and the ids from file names are the same.
			srcs, _, err := input.Read([]string{dir}, input.Options{})
			if err != nil {
				t.Fatal(err)
			}
			docs, err := tk.Documents(context.Background(), srcs)
			if err != nil {
				t.Fatal(err)
			}
			res, err := analyze.Run(context.Background(), docs, analyze.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, g := range gold.Conflicts {
				found := false
				for _, f := range res.Conflicts {
					if matches(docs, f, g) && kindFits(g, f) {
						found = true
					}
				}
				if !found {
					t.Errorf("labelled %s conflict %s (%s vs %s) not found", g.Kind, g.ID, g.A.Source, g.B.Source)
				}
			}
			matched := 0
			for _, f := range res.Conflicts {
				ok := false
				for _, g := range gold.Conflicts {
					ok = ok || matches(docs, f, g)
				}
				if ok {
					matched++
				} else {
					t.Logf("unlabelled conflict %s: %s", f.Kind, f.Explanation)
				}
				for _, g := range append(append([]goldItem{}, gold.Traps...), gold.Agreements...) {
					if matches(docs, f, g) {
						t.Errorf("%s is reported as a conflict: %s", g.ID, f.Explanation)
					}
				}
			}
			if n := len(res.Conflicts); n > 0 && float64(matched) < 0.9*float64(n) {
				t.Errorf("precision %d/%d below 0.9", matched, n)
			}
		})
	}
}

// kindFits reports whether finding f has what gold item g's kind requires.
// Most kinds are for analysis only, but a temporal or self finding must be
// reported as its own kind, and a conflict labelled "attribution" (a fact
// against an attributed or hedged claim) must be marked hedged on a side.
func kindFits(g goldItem, f analyze.Finding) bool {
	switch g.Kind {
	case string(analyze.KindTemporal), string(analyze.KindSelf):
		return string(f.Kind) == g.Kind
	case "attribution":
		return f.A.Hedged != f.B.Hedged
	}
	return true
}
