package analyze_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
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
	tk, err := tokenize.New(tokenize.Options{NoTags: true})
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
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			sort.Strings(files)
			var srcs []tokenize.Source
			for _, f := range files {
				text, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				srcs = append(srcs, tokenize.Source{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Path: f, Text: text})
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
					found = found || matches(docs, f, g)
				}
				if !found {
					t.Errorf("labelled conflict %s (%s vs %s) not found", g.ID, g.A.Source, g.B.Source)
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
