package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/crosscheck-go/crosscheck/tokenize"
	"github.com/google/go-cmp/cmp"
)

// fakeVerdict is a stand-in judge for command tests: a hypothesis with
// "not" contradicts, one equal to the premise is entailed, one sharing no
// word with it is unrelated, anything else is neutral.
func fakeVerdict(premise, hypothesis string) analyze.Verdict {
	switch {
	case strings.Contains(" "+hypothesis+" ", " not "):
		return analyze.Verdict{Label: analyze.Contradiction, Score: 0.9, Kind: analyze.KindPolarity,
			Cues: []analyze.Cue{{Kind: "negation", Side: "b", Text: "not"}}, Evidence: tokenize.Span{End: len(premise)}}
	case premise == hypothesis:
		return analyze.Verdict{Label: analyze.Entailment, Score: 1, Evidence: tokenize.Span{End: len(premise)}}
	}
	for _, w := range strings.Fields(hypothesis) {
		if strings.Contains(premise, w) {
			return analyze.Verdict{Label: analyze.Neutral, Score: 0.5}
		}
	}
	return analyze.Verdict{Label: analyze.Unrelated, Score: 0.8}
}

func fakeTextJudge(string) (textJudge, error) {
	return func(p, h string) (analyze.Verdict, error) { return fakeVerdict(p, h), nil }, nil
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPairsCommand(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.jsonl", `{"id": "a", "premise": "the cat sat", "hypothesis": "the cat did not sit"}
{"id": 2, "premise": "x y", "hypothesis": "x y", "label": "entailment"}
`)
	bad := writeFile(t, dir, "bad.jsonl", `{"id": 1, "premise": "p", "hypothesis": "p"}
{"id": 2, "premise": "p"}
{"id": 3, "premise": "q", "hypothesis": "q"}
not json
`)
	stances := writeFile(t, dir, "toy_stances.jsonl", `{"id": "s1", "headline": "cat not found", "body_id": 4}`+"\n")
	writeFile(t, dir, "toy_bodies.jsonl", `{"body_id": 4, "body": "the cat was found"}`+"\n")

	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		stdout     string
		stderrHas  []string
		stderrNone bool
	}{
		{
			name: "file", args: []string{good}, code: 0,
			stdout: `{"id":"a","label":"contradiction","score":0.9,"kind":"polarity","cues":[{"kind":"negation","side":"b","text":"not"}],"evidence":{"start":0,"end":11}}
{"id":2,"label":"entailment","score":1,"kind":"","cues":[],"evidence":{"start":0,"end":3}}
`,
			stderrNone: true,
		},
		{
			name: "stdin", args: []string{"-workers", "1"}, stdin: `{"premise": "a b", "hypothesis": "c d"}`, code: 0,
			stdout:     `{"id":1,"label":"unrelated","score":0.8,"kind":"","cues":[],"evidence":{"start":0,"end":0}}` + "\n",
			stderrNone: true,
		},
		{
			name: "bad line stops with its number", args: []string{bad}, code: 2,
			stdout:    `{"id":1,"label":"entailment","score":1,"kind":"","cues":[],"evidence":{"start":0,"end":1}}` + "\n",
			stderrHas: []string{bad + `: line 2: missing "hypothesis"`, "-skip-bad"},
		},
		{
			name: "skip-bad counts and lists", args: []string{"-skip-bad", bad}, code: 0,
			stdout: `{"id":1,"label":"entailment","score":1,"kind":"","cues":[],"evidence":{"start":0,"end":1}}
{"id":3,"label":"entailment","score":1,"kind":"","cues":[],"evidence":{"start":0,"end":1}}
`,
			stderrHas: []string{"skipped 2 bad lines:\n", "  line 2: missing \"hypothesis\"\n", "  line 4: not a JSON object\n"},
		},
		{
			name: "FNC-1 stances find their bodies", args: []string{stances}, code: 0,
			stdout:     `{"id":"s1","label":"contradiction","score":0.9,"kind":"polarity","cues":[{"kind":"negation","side":"b","text":"not"}],"evidence":{"start":0,"end":17}}` + "\n",
			stderrNone: true,
		},
		{
			name: "flags after the file", args: []string{bad, "-skip-bad", "-workers", "2"}, code: 0,
			stdout: `{"id":1,"label":"entailment","score":1,"kind":"","cues":[],"evidence":{"start":0,"end":1}}
{"id":3,"label":"entailment","score":1,"kind":"","cues":[],"evidence":{"start":0,"end":1}}
`,
			stderrHas: []string{"skipped 2 bad lines:\n"},
		},
		{name: "after -- a dash name is a file", args: []string{"--", "-skip-bad"}, code: 2, stderrHas: []string{"-skip-bad: no such file"}},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.jsonl")}, code: 2, stderrHas: []string{"nope.jsonl"}},
		{name: "two files", args: []string{good, good}, code: 2, stderrHas: []string{"at most one input file"}},
		{name: "unknown flag", args: []string{"-frobnicate"}, code: 2, stderrHas: []string{"-frobnicate"}},
		{name: "help", args: []string{"-h"}, code: 0, stderrHas: []string{"usage: crosscheck pairs"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := pairsMain(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr, fakeTextJudge)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
			if tc.stdout != "" || tc.code == 0 {
				if diff := cmp.Diff(tc.stdout, stdout.String()); diff != "" && tc.name != "help" {
					t.Errorf("stdout mismatch (-want +got):\n%s", diff)
				}
			}
			for _, s := range tc.stderrHas {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			if tc.stderrNone && stderr.Len() > 0 {
				t.Errorf("unexpected stderr:\n%s", stderr.String())
			}
		})
	}
}

// TestPairsEveryEvalFile runs the real judge over the pair files of
// ../shared/eval (a prefix of each, to stay fast) and checks one valid
// output line per input line, ids as given.
func TestPairsEveryEvalFile(t *testing.T) {
	dir := evalDir(t)
	skipIfJudgeStub(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	for _, f := range files {
		if strings.Contains(f, "bodies") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitAfter(string(data), "\n")
			if len(lines) > 40 {
				lines = lines[:40]
			}
			in := strings.Join(lines, "")
			var stdout, stderr bytes.Buffer
			args := []string{"-bodies", filepath.Join(dir, "fnc1_train_bodies.jsonl")}
			if code := runPairs(args, strings.NewReader(in), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			out := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
			if len(out) != strings.Count(in, "\n") {
				t.Fatalf("%d output lines for %d input lines", len(out), strings.Count(in, "\n"))
			}
			for i, l := range out {
				var o struct {
					ID       json.RawMessage
					Label    string
					Score    float64
					Evidence struct{ Start, End int }
				}
				var rec struct{ ID json.RawMessage }
				if err := json.Unmarshal([]byte(l), &o); err != nil {
					t.Fatalf("output line %d: %v", i+1, err)
				}
				if err := json.Unmarshal([]byte(lines[i]), &rec); err != nil {
					t.Fatal(err)
				}
				if string(o.ID) != string(rec.ID) {
					t.Errorf("line %d: id %s, want %s", i+1, o.ID, rec.ID)
				}
				switch o.Label {
				case "contradiction", "entailment", "neutral", "unrelated":
				default:
					t.Errorf("line %d: label %q", i+1, o.Label)
				}
				if o.Score < 0 || o.Score > 1 || o.Evidence.Start < 0 || o.Evidence.End < o.Evidence.Start {
					t.Errorf("line %d: score %v evidence %+v out of range", i+1, o.Score, o.Evidence)
				}
			}
		})
	}
}

// evalDir returns ../shared/eval beside the repository, or skips.
func evalDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(dir, "sick_trial.jsonl")); err != nil {
		t.Skipf("public eval data not found at %s (it lives beside the repository, never in it): %v", dir, err)
	}
	return dir
}

// skipIfJudgeStub skips while analyze.Judge or the tokenizer is still a
// stub that panics.
func skipIfJudgeStub(t testing.TB) {
	t.Helper()
	var err error
	func() {
		defer func() {
			if v := recover(); v != nil {
				err = fmt.Errorf("%v", v)
			}
		}()
		var pj *pairJudge
		if pj, err = newPairJudge(""); err == nil {
			_, err = pj.texts("A man is not playing a guitar.", "A man is playing a guitar.")
		}
	}()
	if err != nil {
		t.Skipf("judge not implemented: %v", err)
	}
}

// BenchmarkPairs measures the pair judgement (tokenizing both sides and
// judging) on SICK-sized pairs and on FNC-1 body+headline pairs. It
// bypasses the premise cache, which would make repeated rounds over the
// same pairs cheaper than any real input.
func BenchmarkPairs(b *testing.B) {
	dir := evalDir(b)
	skipIfJudgeStub(b)
	pj, err := newPairJudge("")
	if err != nil {
		b.Fatal(err)
	}
	load := func(name string, n int) [][2]string {
		var out [][2]string
		set, err := loadSet(filepath.Join(dir, name), "", 0, n)
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range set.items {
			out = append(out, [2]string{it.premise, it.hypothesis})
		}
		return out
	}
	for _, bc := range []struct {
		name string
		data [][2]string
	}{
		{"sick", load("sick_trial.jsonl", 0)},
		{"fnc1", load("fnc1_train_stances.jsonl", 500)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var bytes int64
			for _, p := range bc.data {
				bytes += int64(len(p[0]) + len(p[1]))
			}
			b.SetBytes(bytes / int64(len(bc.data)))
			b.ReportAllocs()
			b.SetParallelism(1)
			b.ResetTimer()
			// Like the command: one worker per core over the pairs.
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					p := bc.data[i%len(bc.data)]
					i++
					if _, err := pj.uncached(p[0], p[1]); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
		})
	}
}

// TestPremiseCache checks that repeated premises are tokenized once and
// that the cache stays within its bounds however many premises pass.
func TestPremiseCache(t *testing.T) {
	var c premiseCache
	doc := func(s string) *tokenize.Document { return &tokenize.Document{Source: tokenize.Source{Text: []byte(s)}} }
	a := doc("a")
	c.put("a", a)
	c.put("a", doc("a again")) // a second put keeps the first document
	if got := c.get("a"); got != a {
		t.Fatalf("get(a) = %p, want the first document %p", got, a)
	}
	for i := range 3 * premiseCacheEntries {
		k := fmt.Sprintf("premise %d", i)
		c.put(k, doc(k))
		if len(c.docs) > premiseCacheEntries || len(c.order) != len(c.docs) {
			t.Fatalf("after %d puts: %d docs, %d keys (bound %d)", i+1, len(c.docs), len(c.order), premiseCacheEntries)
		}
	}
	if c.get("a") != nil {
		t.Error("the oldest premise was not evicted")
	}
	last := fmt.Sprintf("premise %d", 3*premiseCacheEntries-1)
	if c.get(last) == nil {
		t.Errorf("the newest premise %q is missing", last)
	}
	big := strings.Repeat("x", premiseCacheBytes/8)
	for i := range 16 {
		k := fmt.Sprint(i) + big
		c.put(k, doc(""))
		if c.bytes > premiseCacheBytes {
			t.Fatalf("after %d big premises: %d bytes cached, bound %d", i+1, c.bytes, premiseCacheBytes)
		}
	}
	huge := strings.Repeat("y", premiseCacheBytes/2)
	c.put(huge, doc(""))
	if c.get(huge) != nil {
		t.Error("a premise over a quarter of the byte bound was cached")
	}
}

// TestPairsCacheSameVerdicts judges pairs that share premises twice, with
// the cache warm the second time, and wants the same verdicts: caching may
// change the speed only.
func TestPairsCacheSameVerdicts(t *testing.T) {
	pj, err := newPairJudge("")
	if err != nil {
		t.Fatal(err)
	}
	premise := "The council approved the budget on Monday. The mayor said it was balanced."
	hyps := []string{"The council rejected the budget.", "The budget was approved.", "The mayor resigned."}
	var first []analyze.Verdict
	for round := range 2 {
		for i, h := range hyps {
			v, err := pj.texts(premise, h)
			if err != nil {
				t.Fatal(err)
			}
			if round == 0 {
				first = append(first, v)
				continue
			}
			if diff := cmp.Diff(first[i], v); diff != "" {
				t.Errorf("%q: verdict changed with the cache warm (-cold +warm):\n%s", h, diff)
			}
		}
	}
	fresh, err := newPairJudge("")
	if err != nil {
		t.Fatal(err)
	}
	v, err := fresh.texts(premise, hyps[0])
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(first[0], v); diff != "" {
		t.Errorf("verdict differs from a fresh judge (-cached +fresh):\n%s", diff)
	}
	if pj.premises.get(premise) == nil {
		t.Error("the premise was not cached")
	}
}
