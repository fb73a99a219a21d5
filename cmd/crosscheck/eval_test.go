package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/google/go-cmp/cmp"
)

// fakeEngine judges with fakeVerdict and, for stories, reports a conflict
// between every "is closed" and "is open" sentence of two sources, plus a
// numeric false alarm between "rose" sentences.
func fakeEngine(string) (*engine, error) {
	return &engine{
		premise: func(text string) (*tokenize.Document, error) {
			return &tokenize.Document{Source: tokenize.Source{Text: []byte(text)}}, nil
		},
		judge: func(p *tokenize.Document, h string) (analyze.Verdict, error) {
			return fakeVerdict(string(p.Source.Text), h), nil
		},
		story: fakeStory,
	}, nil
}

func fakeStory(_ context.Context, srcs []tokenize.Source) (*analyze.Result, error) {
	res := &analyze.Result{}
	find := func(s tokenize.Source, word string) (analyze.Evidence, bool) {
		for off := 0; off < len(s.Text); {
			end := bytes.IndexByte(s.Text[off:], '.')
			if end < 0 {
				end = len(s.Text) - off
			}
			sent := string(s.Text[off : off+end])
			if strings.Contains(sent, word) {
				return analyze.Evidence{Source: s.ID, Start: off, End: off + end, Text: sent}, true
			}
			off += end + 1
			for off < len(s.Text) && s.Text[off] == ' ' {
				off++
			}
		}
		return analyze.Evidence{}, false
	}
	for _, a := range srcs {
		res.Sources = append(res.Sources, analyze.SourceInfo{ID: a.ID, Path: a.Path})
		for _, b := range srcs {
			if ea, ok := find(a, "is closed"); ok {
				if eb, ok := find(b, "is open"); ok {
					res.Conflicts = append(res.Conflicts, analyze.Finding{Kind: analyze.KindPolarity, Score: 0.9, A: ea, B: eb})
				}
			}
			if a.ID < b.ID {
				ea, oka := find(a, "rose")
				eb, okb := find(b, "rose")
				if oka && okb {
					res.Conflicts = append(res.Conflicts, analyze.Finding{Kind: analyze.KindNumeric, Score: 0.5, A: ea, B: eb})
				}
			}
		}
	}
	return res, nil
}

func runEvalFake(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = evalMain(args, &out, &errb, fakeEngine)
	return code, out.String(), errb.String()
}

// nliToy: 2 contradictions (1 found), 1 entailment (found), 2 neutrals (one
// called unrelated, one called contradiction).
const nliToy = `{"id": "n1", "premise": "a man plays", "hypothesis": "a man does not play", "label": "contradiction"}
{"id": "n2", "premise": "a dog runs", "hypothesis": "a dog sleeps", "label": "contradiction"}
{"id": "n3", "premise": "a cat", "hypothesis": "a cat", "label": "entailment"}
{"id": "n4", "premise": "x", "hypothesis": "y z", "label": "neutral"}

{"id": "n5", "premise": "a b", "hypothesis": "b is not a", "label": "neutral"}
`

func TestEvalNLI(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "toy.jsonl", nliToy)
	code, out, errs := runEvalFake(t, f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// tp 1, fp 1, fn 1: P = R = F1 = 0.5; correct: n1, n3, n4 (unrelated
	// counted as neutral) = 3 of 5.
	want := f + `: NLI, 5 pairs
contradiction: precision 0.500  recall 0.500  F1 0.500
3-way accuracy: 0.600 (unrelated counted as neutral)
confusion (rows: gold, columns: predicted):
                 entailment  neutral  contradiction  unrelated
     entailment           1        0              0          0
        neutral           0        0              1          1
  contradiction           0        1              1          0
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("stdout mismatch (-want +got):\n%s", diff)
	}
	if !strings.Contains(errs, "5 pairs in ") {
		t.Errorf("stderr lacks the timing line: %q", errs)
	}

	code, out, _ = runEvalFake(t, f, "-json") // flags may follow the file
	var rep setReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("-json: exit %d, %v:\n%s", code, err, out)
	}
	if rep.Format != "nli" || rep.NLI == nil || rep.NLI.F1 != 0.5 || rep.NLI.Accuracy != 0.6 || rep.Pairs != 5 {
		t.Errorf("-json report: %+v %+v", rep, rep.NLI)
	}

	if code, _, errs = runEvalFake(t, "-fail-under", "0.6", f); code != 1 || !strings.Contains(errs, "toy contradiction_f1=0.500") {
		t.Errorf("-fail-under 0.6: exit %d, stderr %q; want 1 naming the figure", code, errs)
	}
	if code, _, _ = runEvalFake(t, "-fail-under", "0.5", f); code != 0 {
		t.Errorf("-fail-under 0.5: exit %d, want 0", code)
	}
}

func TestEvalLimitAndSample(t *testing.T) {
	dir := t.TempDir()
	f := writeFile(t, dir, "toy.jsonl", nliToy)
	for _, tc := range []struct {
		args  []string
		pairs int
		sel   string
	}{
		{[]string{"-limit", "2"}, 2, "first 2"},
		{[]string{"-sample", "2"}, 2, "evenly spread sample of 2"},
		{[]string{"-limit", "4", "-sample", "3"}, 3, "first 4, then evenly spread sample of 3"},
		{[]string{"-sample", "50"}, 5, ""},
	} {
		code, out, errs := runEvalFake(t, append(append([]string{"-json"}, tc.args...), f)...)
		var rep setReport
		if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
			t.Fatalf("%v: exit %d, %v: %s", tc.args, code, err, errs)
		}
		if rep.Pairs != tc.pairs || rep.Total != 5 || rep.Selection != tc.sel {
			t.Errorf("%v: pairs %d of %d (%q), want %d of 5 (%q)", tc.args, rep.Pairs, rep.Total, rep.Selection, tc.pairs, tc.sel)
		}
	}
}

func TestSampleEvenly(t *testing.T) {
	items := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	for n, want := range map[int][]int{1: {0}, 3: {0, 3, 6}, 4: {0, 2, 5, 7}, 10: items} {
		if diff := cmp.Diff(want, sampleEvenly(items, n)); diff != "" {
			t.Errorf("sampleEvenly(10 items, %d) mismatch (-want +got):\n%s", n, diff)
		}
	}
}

func TestEvalFNC(t *testing.T) {
	dir := t.TempDir()
	// agree right; disagree right; discuss called agree (0.25);
	// unrelated right; unrelated called discuss (0).
	f := writeFile(t, dir, "toy_stances.jsonl", `{"id": "f1", "headline": "the cat was found", "body_id": 1, "stance": "agree"}
{"id": "f2", "headline": "cat not found", "body_id": 1, "stance": "disagree"}
{"id": "f3", "headline": "the cat was found", "body_id": "1", "stance": "discuss"}
{"id": "f4", "headline": "zebra", "body": "an inline body", "stance": "unrelated"}
{"id": "f5", "headline": "body", "body": "an inline body", "stance": "unrelated"}
`)
	writeFile(t, dir, "toy_bodies.jsonl", `{"body_id": 1, "body": "the cat was found"}`+"\n")
	code, out, errs := runEvalFake(t, "-json", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep setReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Format != "fnc1" || rep.FNC == nil {
		t.Fatalf("report: %+v", rep)
	}
	// score 1 + 1 + 0.25 + 0.25 + 0 = 2.5 of 3 + 0.5 = 3.5.
	if rep.FNC.Score != 2.5 || rep.FNC.Max != 3.5 {
		t.Errorf("FNC score %v of %v, want 2.5 of 3.5", rep.FNC.Score, rep.FNC.Max)
	}
	if got := rep.FNC.Class("disagree").F1; got != 1 {
		t.Errorf("disagree F1 = %v, want 1", got)
	}

	code, out, _ = runEvalFake(t, f)
	for _, s := range []string{"FNC-1, 5 pairs", "FNC score: 0.7143 of maximum (2.50 of 3.50)", "macro F1: "} {
		if code != 0 || !strings.Contains(out, s) {
			t.Errorf("text output lacks %q:\n%s", s, out)
		}
	}
}

func TestEvalBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, content, want string
		args                []string
	}{
		{"mixed.jsonl", `{"premise": "a", "hypothesis": "b", "label": "neutral"}` + "\n" + `{"headline": "h", "body": "b", "stance": "agree"}`,
			"mixed.jsonl: line 2: a fnc1 record in a nli file", nil},
		{"unlabelled.jsonl", `{"premise": "a", "hypothesis": "b"}`, `unlabelled.jsonl: line 1: neither "label" (NLI) nor "stance" (FNC-1)`, nil},
		{"broken.jsonl", `{"premise": "a", "hypothesis": "b", "label": "neutral"}` + "\n\n" + `{"premise": `, "broken.jsonl: line 3: bad JSON", nil},
		{"badlabel.jsonl", `{"premise": "a", "hypothesis": "b", "label": "maybe"}`, `badlabel.jsonl: line 1: unknown gold label "maybe"`, nil},
		{"nobodies_stances.jsonl", `{"headline": "h", "body_id": 3, "stance": "agree"}`, "fnc1_train_bodies.jsonl", nil},
		{"empty.jsonl", "\n\n", "empty.jsonl: no records", nil},
		{"usage.jsonl", "", "give one FILE.jsonl", []string{"-gold", "g.json", "-all"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := writeFile(t, dir, tc.name, tc.content)
			code, _, errs := runEvalFake(t, append(tc.args, f)...)
			if code != 2 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.want)
			}
		})
	}
}

// storyGoldToy matches the fake story: c1 is found (reversed sides too), c2
// is missed, and the "rose" false alarm hits trap t1.
const storyGoldToy = `{
 "story": "toy",
 "sources": [{"id": "s1", "file": "s1.txt"}, {"id": "s2", "file": "s2.txt"}],
 "conflicts": [
  {"id": "c1", "kind": "polarity", "a": {"source": "s1", "quotes": ["The plant is closed"]}, "b": {"source": "s2", "quotes": ["The plant is open"]}},
  {"id": "c2", "kind": "numeric", "a": {"source": "s1", "quotes": ["It has 40 staff"]}, "b": {"source": "s2", "quotes": ["It has 45 staff"]}, "note": "staff count"}
 ],
 "agreements": [],
 "traps": [
  {"id": "t1", "a": {"source": "s1", "quotes": ["Sales rose 5% last year"]}, "b": {"source": "s2", "quotes": ["Sales rose 7% this year"]}}
 ]
}`

func storyDir(t *testing.T) (dir, gold string) {
	dir = t.TempDir()
	writeFile(t, dir, "s1.txt", "The plant is closed. Sales rose 5% last year. It has 40 staff.")
	writeFile(t, dir, "s2.txt", "The plant is open. Sales rose 7% this year. It has 45 staff.")
	gold = writeFile(t, t.TempDir(), "toy_gold.json", storyGoldToy)
	return dir, gold
}

func TestEvalGold(t *testing.T) {
	dir, gold := storyDir(t)
	code, out, errs := runEvalFake(t, "-gold", gold, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := gold + `: story
conflicts: recall 0.500 (1 of 2 gold found), precision 0.500 (1 of 2 reported match)
traps and agreements reported as conflicts: t1
gold agreements found: 0 of 0
reported conflicts by kind: numeric 1, polarity 1
missed c2 (numeric):
  a s1: It has 40 staff
  b s2: It has 45 staff
unmatched numeric 0.50:
  a s1:21-44 Sales rose 5% last year
  b s2:19-42 Sales rose 7% this year
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("stdout mismatch (-want +got):\n%s", diff)
	}
	if code, _, errs := runEvalFake(t, "-gold", gold, "-fail-under", "0.9", dir); code != 1 || !strings.Contains(errs, "recall=0.500") {
		t.Errorf("-fail-under: exit %d, stderr %q", code, errs)
	}
	// A gold source that is not in the directory is an input error.
	other := t.TempDir()
	writeFile(t, other, "s1.txt", "The plant is closed.")
	if code, _, errs := runEvalFake(t, "-gold", gold, other); code != 2 || !strings.Contains(errs, "source s2 (s2.txt) is not among the articles read") {
		t.Errorf("missing source: exit %d, stderr %q", code, errs)
	}
}

func TestEvalAll(t *testing.T) {
	dir, _ := storyDir(t)
	writeFile(t, dir, "toy_gold.json", storyGoldToy)
	writeFile(t, dir, "a_nli.jsonl", nliToy)
	writeFile(t, dir, "b_stances.jsonl", `{"id": "f1", "headline": "the cat was found", "body_id": 1, "stance": "agree"}`+"\n")
	writeFile(t, dir, "b_bodies.jsonl", `{"body_id": 1, "body": "the cat was found"}`+"\n")
	// A second directory holds a story with a gold.json, named after it.
	storyDir2, _ := storyDir(t)
	plant := filepath.Join(storyDir2, "plant")
	if err := os.Mkdir(plant, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"s1.txt", "s2.txt"} {
		if err := os.Rename(filepath.Join(storyDir2, n), filepath.Join(plant, n)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, plant, "gold.json", storyGoldToy)
	code, out, errs := runEvalFake(t, "-all", dir, plant)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := `| set | split | pairs | contradiction P | contradiction R | contradiction F1 | 3-way accuracy | FNC-1 score | macro F1 | disagree F1 |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|
| a_nli | – | 5 | 0.500 | 0.500 | 0.500 | 0.600 | – | – | – |
| b_stances | – | 1 | – | – | – | – | 1.000 | 0.250 | 0.000 |

| story | gold conflicts found | recall | precision | traps or agreements reported as conflicts | gold agreements found |
|---|---:|---:|---:|---:|---:|
| toy_gold | 1 of 2 | 0.500 | 0.500 | 1 | 0 of 0 |
| plant | 1 of 2 | 0.500 | 0.500 | 1 | 0 of 0 |
`
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("stdout mismatch (-want +got):\n%s", diff)
	}
}

func TestSplitOf(t *testing.T) {
	for name, want := range map[string]string{
		"sick_train": "train", "rte3_3way_dev": "dev", "sick_trial": "trial", "rte1_3way_test": "test",
		"fnc1_train_stances": "train", "contest_results": "–", "mine": "–",
	} {
		if got := splitOf(name); got != want {
			t.Errorf("splitOf(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestSplitCol checks that a development set the pair judge was trained on
// (issue 5 allows it with CV) is marked in-sample in the eval table.
func TestSplitCol(t *testing.T) {
	for name, want := range map[string]string{
		"sick_train": "train", "sick_trial": "trial, in training", "rte3_3way_dev": "dev, in training",
		"rte1_3way_test": "test, in training", "sick_test": "test", "mine": "–",
	} {
		if got := splitCol(name); got != want {
			t.Errorf("splitCol(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestStoryName(t *testing.T) {
	for in, want := range map[string]string{
		"../shared/eval/seeds_gold_public.json": "seeds_gold_public",
		"testdata/stories/merger/gold.json":     "merger",
		"gold.json":                             "gold",
	} {
		if got := storyName(in); got != want {
			t.Errorf("storyName(%q) = %q, want %q", in, got, want)
		}
	}
}
