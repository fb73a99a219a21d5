package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-go/crosscheck/internal/score"
)

// floorsFile is the one file that records the CI floors.
var floorsFile = filepath.Join("..", "..", "testdata", "floors.json")

// floorSets are the sets TestFloors measures. The FNC-1 sample is fixed
// (evenly spread, see sampleEvenly) so its figure is comparable run to run.
var floorSets = []struct {
	key, file string
	sample    int
}{
	{"sick_trial", "sick_trial.jsonl", 0},
	{"rte3_3way_dev", "rte3_3way_dev.jsonl", 0},
	{"rte1_3way_dev", "rte1_3way_dev.jsonl", 0},
	{"rte2_3way_dev", "rte2_3way_dev.jsonl", 0},
	{"fnc1_train_sample5000", "fnc1_train_stances.jsonl", 5000},
}

type floors struct {
	Margin float64                       `json:"margin"`
	Floors map[string]map[string]float64 `json:"floors"`
}

// TestFloors runs eval on the development sets and the public seed gold and
// fails when a figure drops below its floor in testdata/floors.json. It
// logs every current figure, and the floors they would give, for raising
// the floors by hand.
func TestFloors(t *testing.T) {
	dir := evalDir(t)
	skipIfJudgeStub(t)
	data, err := os.ReadFile(floorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var fl floors
	if err := json.Unmarshal(data, &fl); err != nil {
		t.Fatalf("%s: %v", floorsFile, err)
	}
	eng, err := realEngine("")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	current := map[string]map[string]float64{}
	for _, s := range floorSets {
		start := time.Now()
		rep, err := evalFile(ctx, eng, filepath.Join(dir, s.file), evalOptions{Sample: s.sample}, io.Discard)
		if err != nil {
			t.Fatalf("%s: %v", s.key, err)
		}
		current[s.key] = rep.metrics()
		t.Logf("%s: %d pairs in %.1fs", s.key, rep.Pairs, time.Since(start).Seconds())
	}
	goldPath := filepath.Join(dir, "seeds_gold_public.json")
	g, err := score.LoadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := goldSources(dir, g)
	if err != nil {
		t.Fatal(err)
	}
	st, err := evalStory(ctx, eng, goldPath, g, srcs)
	if err != nil {
		t.Fatal(err)
	}
	current["seeds_gold_public"] = st.metrics()

	// The project's own stories (issue 6), each a directory with its
	// articles and a gold.json, are measured too: "story:<dir name>".
	for _, gold := range storyGolds(t) {
		g, err := score.LoadGold(gold)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Dir(gold)
		srcs, err := goldSources(dir, g)
		if err != nil {
			t.Fatal(err)
		}
		st, err := evalStory(ctx, eng, gold, g, srcs)
		if err != nil {
			t.Fatal(err)
		}
		current["story:"+filepath.Base(dir)] = st.metrics()
	}

	for _, set := range floorKeys(current) {
		for _, name := range floorKeys(current[set]) {
			got := current[set][name]
			floor, ok := fl.Floors[set][name]
			switch {
			case !ok:
				t.Logf("%-22s %-24s %.4f (no floor)", set, name, got)
			case got < floor:
				t.Errorf("%-22s %-24s %.4f is below its floor %.4f", set, name, got, floor)
			default:
				t.Logf("%-22s %-24s %.4f (floor %.4f)", set, name, got, floor)
			}
		}
	}
	if t.Failed() {
		t.Logf("a figure fell below its floor: fix the regression, or, when the drop is a deliberate trade-off, " +
			"lower that floor in testdata/floors.json in the same commit and say why in its message")
	}
	for _, set := range floorKeys(fl.Floors) {
		if current[set] == nil {
			t.Errorf("%s: floors.json has floors for set %q, which TestFloors does not measure", floorsFile, set)
		}
	}
	t.Logf("floors from the current figures (minus %.2f), to paste into %s when raising them:\n%s", fl.Margin, floorsFile, suggestFloors(current, fl.Margin))
}

// storyGlobs find the project's own gold stories, relative to this package.
var storyGlobs = []string{
	filepath.Join("..", "..", "testdata", "stories", "*", "gold.json"),
	filepath.Join("..", "..", "analyze", "testdata", "stories", "*", "gold.json"),
	// Probes: stories written blind, kept with their full gold although
	// the analysis misses some of it, so that their figures are tracked.
	filepath.Join("..", "..", "analyze", "testdata", "probes", "*", "gold.json"),
}

// storyGolds returns the gold files of the project's own stories, sorted.
func storyGolds(t testing.TB) []string {
	var out []string
	for _, g := range storyGlobs {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	sort.Strings(out)
	return out
}

// suggestFloors formats current figures minus margin as a floors block,
// rounded down to 3 decimals.
func suggestFloors(current map[string]map[string]float64, margin float64) string {
	var b strings.Builder
	b.WriteString("{\n")
	sets := floorKeys(current)
	for i, set := range sets {
		fmt.Fprintf(&b, "    %q: {", set)
		names := floorKeys(current[set])
		for j, name := range names {
			v := math.Max(0, math.Floor((current[set][name]-margin)*1000)/1000)
			fmt.Fprintf(&b, "%q: %.3f", name, v)
			if j < len(names)-1 {
				b.WriteString(", ")
			}
		}
		b.WriteString("}")
		if i < len(sets)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("  }")
	return b.String()
}

func floorKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestSuggestFloors(t *testing.T) {
	got := suggestFloors(map[string]map[string]float64{
		"b": {"x": 0.5, "a": 0.0101},
		"a": {"y": 0.87666},
	}, 0.02)
	want := "{\n    \"a\": {\"y\": 0.856},\n    \"b\": {\"a\": 0.000, \"x\": 0.480}\n  }"
	if got != want {
		t.Errorf("suggestFloors =\n%s\nwant\n%s", got, want)
	}
}

func TestFloorsFileParses(t *testing.T) {
	data, err := os.ReadFile(floorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var fl floors
	if err := json.Unmarshal(data, &fl); err != nil {
		t.Fatalf("%s: %v", floorsFile, err)
	}
	known := map[string]bool{"seeds_gold_public": true}
	for _, g := range storyGolds(t) {
		known["story:"+filepath.Base(filepath.Dir(g))] = true
	}
	for _, s := range floorSets {
		known[s.key] = true
	}
	for _, set := range floorKeys(fl.Floors) {
		m := fl.Floors[set]
		if !known[set] {
			t.Errorf("%s: unknown set %q", floorsFile, set)
		}
		for _, name := range floorKeys(m) {
			if v := m[name]; v < 0 || v > 1 {
				t.Errorf("%s: %s %s = %v, want a figure in [0, 1]", floorsFile, set, name, m[name])
			}
		}
	}
}
