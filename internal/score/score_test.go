package score

import (
	"flag"
	"math"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/analyze"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// update is accepted so `go test ./... -update` works; score has no golden files.
var _ = flag.Bool("update", false, "unused: score has no golden files")

var approx = cmpopts.EquateApprox(0, 1e-9)

func TestNLI(t *testing.T) {
	tests := []struct {
		name  string
		pairs [][2]string // gold, pred
		want  NLIResult
	}{
		{
			name: "empty set scores zero everywhere",
			want: NLIResult{},
		},
		{
			name: "all right",
			pairs: [][2]string{
				{"entailment", "entailment"}, {"neutral", "neutral"}, {"contradiction", "contradiction"},
			},
			want: NLIResult{N: 3, Precision: 1, Recall: 1, F1: 1, Accuracy: 1,
				Confusion: [3][4]int{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}}},
		},
		{
			// tp=1, fp=2 (one entailment, one neutral called contradiction),
			// fn=1 (a contradiction called unrelated): P=1/3, R=1/2, F1=0.4.
			// Correct: the contradiction, and the neutral called unrelated.
			name: "unrelated counts as neutral for accuracy but not for recall",
			pairs: [][2]string{
				{"contradiction", "contradiction"},
				{"contradiction", "unrelated"},
				{"entailment", "contradiction"},
				{"neutral", "contradiction"},
				{"neutral", "unrelated"},
			},
			want: NLIResult{N: 5, Precision: 1.0 / 3, Recall: 0.5, F1: 0.4, Accuracy: 2.0 / 5,
				Confusion: [3][4]int{{0, 0, 1, 0}, {0, 0, 1, 1}, {0, 0, 1, 1}}},
		},
		{
			name: "unknown gold and missing prediction are neutral",
			pairs: [][2]string{
				{"unknown", "neutral"}, {"neutral", ""}, {"contradiction", ""},
			},
			want: NLIResult{N: 3, Accuracy: 2.0 / 3,
				Confusion: [3][4]int{{0, 0, 0, 0}, {0, 2, 0, 0}, {0, 1, 0, 0}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s NLI
			for _, p := range tc.pairs {
				if err := s.Add(p[0], p[1]); err != nil {
					t.Fatal(err)
				}
			}
			if diff := cmp.Diff(tc.want, s.Result(), approx); diff != "" {
				t.Errorf("Result() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNLIRejectsUnknownLabels(t *testing.T) {
	var s NLI
	if err := s.Add("maybe", "neutral"); err == nil {
		t.Error("Add accepted gold label \"maybe\"")
	}
	if err := s.Add("neutral", "perhaps"); err == nil {
		t.Error("Add accepted predicted label \"perhaps\"")
	}
	if got := s.Result().N; got != 0 {
		t.Errorf("rejected pairs were counted: N = %d", got)
	}
}

func TestFNCScoreCases(t *testing.T) {
	// Each weighting case of the official score, on a single pair.
	tests := []struct {
		name       string
		gold, pred string
		score, max float64
	}{
		{"unrelated right", "unrelated", "unrelated", 0.25, 0.25},
		{"unrelated called related", "unrelated", "contradiction", 0, 0.25},
		{"related called unrelated", "agree", "unrelated", 0, 1},
		{"exact agree", "agree", "entailment", 1, 1},
		{"exact disagree", "disagree", "contradiction", 1, 1},
		{"exact discuss", "discuss", "neutral", 1, 1},
		{"related with wrong stance", "disagree", "entailment", 0.25, 1},
		{"stance name as prediction", "agree", "discuss", 0.25, 1},
		{"no prediction is unrelated", "discuss", "", 0, 1},
		{"no prediction on unrelated", "unrelated", "", 0.25, 0.25},
		{"labels are case-insensitive", "disagree", " Contradiction ", 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s FNC
			if err := s.Add(tc.gold, tc.pred); err != nil {
				t.Fatal(err)
			}
			r := s.Result()
			if r.Score != tc.score || r.Max != tc.max {
				t.Errorf("Add(%q, %q): score %v of %v, want %v of %v", tc.gold, tc.pred, r.Score, r.Max, tc.score, tc.max)
			}
		})
	}
}

func TestFNCResult(t *testing.T) {
	// 2 agree (1 right, 1 called discuss), 1 disagree right, 1 discuss
	// called unrelated, 4 unrelated (3 right, 1 called agree).
	pairs := [][2]string{
		{"agree", "entailment"}, {"agree", "neutral"},
		{"disagree", "contradiction"},
		{"discuss", "unrelated"},
		{"unrelated", "unrelated"}, {"unrelated", "unrelated"}, {"unrelated", "unrelated"},
		{"unrelated", "entailment"},
	}
	var s FNC
	for _, p := range pairs {
		if err := s.Add(p[0], p[1]); err != nil {
			t.Fatal(err)
		}
	}
	// Score: 1 + 0.25 + 1 + 0 + 3*0.25 + 0 = 3; max: 4*1 + 4*0.25 = 5.
	// agree: tp 1, fp 1 (the unrelated), fn 1: P=R=F1=0.5.
	// disagree: all right: 1. discuss: tp 0: 0.
	// unrelated: tp 3, fp 1 (the discuss), fn 1: P=R=F1=0.75.
	want := FNCResult{
		N: 8, Score: 3, Max: 5, Relative: 0.6,
		Classes: []ClassF1{
			{Class: "agree", Precision: 0.5, Recall: 0.5, F1: 0.5, Support: 2},
			{Class: "disagree", Precision: 1, Recall: 1, F1: 1, Support: 1},
			{Class: "discuss", Support: 1},
			{Class: "unrelated", Precision: 0.75, Recall: 0.75, F1: 0.75, Support: 4},
		},
		MacroF1: (0.5 + 1 + 0 + 0.75) / 4,
		Confusion: [4][4]int{
			{1, 0, 1, 0},
			{0, 1, 0, 0},
			{0, 0, 0, 1},
			{1, 0, 0, 3},
		},
	}
	if diff := cmp.Diff(want, s.Result(), approx); diff != "" {
		t.Errorf("Result() mismatch (-want +got):\n%s", diff)
	}
	if got := s.Result().Class("disagree").F1; got != 1 {
		t.Errorf("Class(disagree).F1 = %v, want 1", got)
	}
}

func TestFNCRejectsUnknownStance(t *testing.T) {
	var s FNC
	if err := s.Add("contradiction", "contradiction"); err == nil {
		t.Error("Add accepted gold stance \"contradiction\"; FNC-1 gold uses agree/disagree/discuss/unrelated")
	}
	if err := s.Add("agree", "maybe"); err == nil {
		t.Error("Add accepted predicted label \"maybe\"")
	}
}

// storyTexts are two tiny sources; the gold below quotes them.
var storyTexts = map[string][]byte{
	"s1": []byte("The plant is closed. Sales rose 5% last year. The plant is closed."),
	"s2": []byte("The plant is open. Sales rose 7% this year."),
}

const storyGold = `{
 "story": "toy",
 "sources": [{"id": "s1", "file": "s1_abc.txt"}, {"id": "s2", "file": "s2_def.txt"}],
 "conflicts": [
  {"id": "c1", "kind": "polarity",
   "a": {"source": "s1", "quotes": ["The plant is closed"]},
   "b": {"source": "s2", "quotes": ["The plant is open"]}},
  {"id": "c2", "kind": "other",
   "a": {"source": "s1", "spans": [[0, 5]]},
   "b": {"source": "s2", "quotes": ["nowhere in the text"]}}
 ],
 "agreements": [
  {"id": "a1", "a": {"source": "s1", "quotes": ["Sales rose"]}, "b": {"source": "s2", "quotes": ["Sales rose"]}}
 ],
 "traps": [
  {"id": "t1", "a": {"source": "s1", "quotes": ["5% last year"]}, "b": {"source": "s2", "quotes": ["7% this year"]}}
 ]
}`

// ev builds the evidence of a reported finding for the text in storyTexts.
func ev(src, id, text string, nth int) analyze.Evidence {
	body := string(storyTexts[src])
	off := -1
	for range nth + 1 {
		i := strings.Index(body[off+1:], text)
		if i < 0 {
			panic("test text not found: " + text)
		}
		off += 1 + i
	}
	return analyze.Evidence{Source: id, Start: off, End: off + len(text), Text: text}
}

func TestStory(t *testing.T) {
	g, err := ParseGold("toy.json", []byte(storyGold))
	if err != nil {
		t.Fatal(err)
	}
	res := &analyze.Result{
		// Report ids are file stems; the mapper must find gold ids s1, s2.
		Sources: []analyze.SourceInfo{{ID: "s1_abc", Path: "dir/s1_abc.txt"}, {ID: "s2_def"}},
		Conflicts: []analyze.Finding{
			// 0: matches c1 with the sides reversed, on the second
			// occurrence of the quote.
			{Kind: analyze.KindPolarity, A: ev("s2", "s2_def", "plant is open", 0), B: ev("s1", "s1_abc", "is closed.", 1)},
			// 1: matches c1 again (precision counts it, recall does not
			// count c1 twice).
			{Kind: analyze.KindPolarity, A: ev("s1", "s1_abc", "The plant", 0), B: ev("s2", "s2_def", "The plant is open.", 0)},
			// 2: a number matcher's false alarm: hits trap t1 and also
			// agreement a1 (the spans overlap "Sales rose").
			{Kind: analyze.KindNumeric, A: ev("s1", "s1_abc", "Sales rose 5%", 0), B: ev("s2", "s2_def", "Sales rose 7% this year", 0)},
			// 3: both sides in one source: matches nothing.
			{Kind: analyze.KindSelf, A: ev("s1", "s1_abc", "The plant is closed", 0), B: ev("s1", "s1_abc", "The plant is closed", 1)},
		},
		Agreements: []analyze.Finding{
			{Kind: analyze.KindAgreement, A: ev("s1", "s1_abc", "Sales rose 5%", 0), B: ev("s2", "s2_def", "Sales rose 7%", 0)},
		},
	}
	got := Story(g, storyTexts, res)
	want := StoryResult{
		Gold: 2, Found: []string{"c1"}, Missed: []string{"c2"},
		Predicted: 4, Matched: 2, Recall: 0.5, Precision: 0.5,
		Traps:           []string{"a1", "t1"},
		AgreementsFound: []string{"a1"}, AgreementsTotal: 1,
		Unmatched: []int{2, 3},
		Kinds:     []KindCount{{"numeric", 1}, {"polarity", 2}, {"self", 1}},
		Warnings:  []string{`conflict c2: quote not found in source s2: "nowhere in the text"`},
	}
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("Story() mismatch (-want +got):\n%s", diff)
	}
}

func TestStoryExplicitSpans(t *testing.T) {
	// Gold sides given as byte spans: "Sales" in each text. A report
	// overlapping both matches; one that only touches the span's end does not.
	g, err := ParseGold("toy.json", []byte(storyGold))
	if err != nil {
		t.Fatal(err)
	}
	g.Conflicts[1].A = GoldSide{Source: "s1", Spans: [][2]int{{21, 26}}}
	g.Conflicts[1].B = GoldSide{Source: "s2", Spans: [][2]int{{19, 24}}}
	res := &analyze.Result{Conflicts: []analyze.Finding{
		{A: analyze.Evidence{Source: "s2", Start: 20, End: 22}, B: analyze.Evidence{Source: "s1", Start: 22, End: 24}},
		{A: analyze.Evidence{Source: "s1", Start: 26, End: 27}, B: analyze.Evidence{Source: "s2", Start: 20, End: 22}},
	}}
	got := Story(g, storyTexts, res)
	if diff := cmp.Diff([]string{"c2"}, got.Found); diff != "" {
		t.Errorf("Found mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1}, got.Unmatched); diff != "" {
		t.Errorf("Unmatched mismatch (-want +got):\n%s", diff)
	}
}

func TestStoryEmpty(t *testing.T) {
	g, err := ParseGold("toy.json", []byte(storyGold))
	if err != nil {
		t.Fatal(err)
	}
	got := Story(g, storyTexts, &analyze.Result{})
	if got.Recall != 0 || got.Precision != 0 || got.Predicted != 0 {
		t.Errorf("empty report: recall %v precision %v predicted %d, want zeros", got.Recall, got.Precision, got.Predicted)
	}
	if diff := cmp.Diff([]string{"c1", "c2"}, got.Missed); diff != "" {
		t.Errorf("Missed mismatch (-want +got):\n%s", diff)
	}
}

func TestParseGoldErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"bad json", `{"sources": [`, "g.json: unexpected end of JSON input"},
		{"source without file", `{"sources": [{"id": "a"}]}`, "g.json: sources[0]: id and file are required"},
		{"duplicate source", `{"sources": [{"id": "a", "file": "a.txt"}, {"id": "a", "file": "b.txt"}]}`, `g.json: sources[1]: duplicate id "a"`},
		{"unknown source", `{"sources": [{"id": "a", "file": "a.txt"}], "traps": [{"id": "t1", "a": {"source": "a"}, "b": {"source": "z"}}]}`, `g.json: traps t1: unknown source "z"`},
		{"missing id", `{"sources": [{"id": "a", "file": "a.txt"}], "conflicts": [{"a": {"source": "a"}, "b": {"source": "a"}}]}`, "g.json: conflicts[0]: missing id"},
		{"bad span", `{"sources": [{"id": "a", "file": "a.txt"}], "agreements": [{"id": "x", "a": {"source": "a", "spans": [[5, 2]]}, "b": {"source": "a"}}]}`, "g.json: agreements x: bad span [5 2]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGold("g.json", []byte(tc.data))
			if err == nil || err.Error() != tc.want {
				t.Errorf("ParseGold error = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestNormID(t *testing.T) {
	for in, want := range map[string]string{
		"000_29e8.txt":          "000_29e8",
		"dir/sub/003.md":        "003",
		`C:\news\004.html`:      "004",
		"plain":                 "plain",
		"seeds/001_df86.txt.gz": "001_df86.txt.gz",
	} {
		if got := normID(in); got != want {
			t.Errorf("normID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRatioIsFinite(t *testing.T) {
	p, r, f := prf(0, 0, 0)
	for _, v := range []float64{p, r, f} {
		if math.IsNaN(v) || v != 0 {
			t.Errorf("prf(0,0,0) = %v %v %v, want zeros", p, r, f)
		}
	}
}
