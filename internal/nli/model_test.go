package nli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultModelLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	s := m.Scores()
	for _, k := range []string{"sick_trial_cv_accuracy", "rte3_dev_cv_contradiction_f1", "fnc_cv_score"} {
		if _, ok := s[k]; !ok {
			t.Errorf("weights file has no score %q", k)
		}
	}
}

// Obvious pairs the embedded model must get right.
func TestClassifyObvious(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, premise, hypothesis string
		want                      Label
	}{
		{"negation", "A man is playing a guitar.", "A man is not playing a guitar.", Contradiction},
		{"there is no", "There is no dog running on the beach.", "A dog is running on the beach.", Contradiction},
		{"same", "A woman is slicing an onion.", "A woman is slicing an onion.", Entailment},
		{"dropped modifier", "A young boy is riding a red bicycle.", "A boy is riding a bicycle.", Entailment},
		{"added detail", "A man is walking.", "A tall man is walking in the park with his daughter.", Neutral},
		{"unrelated article", strings.Repeat("Heavy rain flooded the river valley. Three roads were closed by the police. ", 3),
			"Apple unveils a new phone with a faster chip", Unrelated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := m.ClassifyText(tt.premise, tt.hypothesis)
			if err != nil {
				t.Fatal(err)
			}
			if r.Label != tt.want {
				t.Errorf("label %s (score %.3f, probs %.3f, top %+v), want %s", r.Label, r.Score, r.Probs, r.Top, tt.want)
			}
			sum := 0.0
			for _, p := range r.Probs {
				sum += p
			}
			if sum < 0.999 || sum > 1.001 {
				t.Errorf("probabilities sum to %v", sum)
			}
			if r.Score <= 0 || r.Score > 1 {
				t.Errorf("score %v", r.Score)
			}
			if len(r.Top) == 0 {
				t.Error("no contributions")
			}
			for i := 1; i < len(r.Top); i++ {
				if r.Top[i].Score > r.Top[i-1].Score {
					t.Errorf("contributions out of order: %+v", r.Top)
				}
			}
			if r.Evidence.End > len(tt.premise) || r.Evidence.Start >= r.Evidence.End {
				t.Errorf("evidence %+v out of range", r.Evidence)
			}
		})
	}
}

func TestResultKind(t *testing.T) {
	tests := []struct {
		r    Result
		want string
	}{
		{Result{Label: Entailment, Top: []Contribution{{Feature: "antonym"}}}, ""},
		{Result{Label: Contradiction, Top: []Contribution{{Feature: "align_exact"}, {Feature: "negation_parity"}}}, "polarity"},
		{Result{Label: Contradiction, Top: []Contribution{{Feature: "number_slot_mismatch"}}}, "numeric"},
		{Result{Label: Contradiction, Top: []Contribution{{Feature: "substitution"}, {Feature: "date_mismatch"}}}, "temporal"},
		{Result{Label: Contradiction}, "other"},
	}
	for i, tt := range tests {
		if got := tt.r.Kind(); got != tt.want {
			t.Errorf("%d: Kind() = %q, want %q", i, got, tt.want)
		}
	}
	for name := range kindOf {
		if _, ok := (&Vector{}).Get(name); !ok {
			t.Errorf("kindOf names unknown feature %q", name)
		}
	}
}

func ExampleModel_ClassifyText() {
	m, err := Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := m.ClassifyText("A man is playing a guitar.", "A man is not playing a guitar.")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Label, r.Kind())
	// Output: contradiction polarity
}

func TestClassifyEmpty(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := m.ClassifyText("", "")
	if err != nil {
		t.Fatal(err)
	}
	if r.Label != Neutral {
		t.Errorf("empty pair: %s", r.Label)
	}
	if r := m.Classify(nil, nil); r.Label != Neutral {
		t.Errorf("nil pair: %s", r.Label)
	}
}

func TestNewRejectsBadWeights(t *testing.T) {
	for name, data := range map[string]string{
		"not json":      "{",
		"wrong version": `{"version": 99}`,
		"unknown field": `{"version": 1, "bogus": true}`,
	} {
		if _, err := New(Config{Weights: []byte(data)}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// A model of an unknown kind, or one read as the wrong kind, fails
	// to load rather than judging with garbage.
	for name, kinds := range map[string][2]string{
		"unknown kind": {`"article": "gbdt"`, `"article": "forest"`},
		"wrong kind":   {`"article": "gbdt"`, `"article": "logreg"`},
	} {
		bad := bytes.Replace(modelJSON, []byte(kinds[0]), []byte(kinds[1]), 1)
		if bytes.Equal(bad, modelJSON) {
			t.Fatalf("%s: the weights file has no %s", name, kinds[0])
		}
		if _, err := New(Config{Weights: bad}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// Retraining from ../shared/eval must reproduce the committed weights
// byte for byte (the trainer is deterministic). It takes a while, so it is
// skipped in -short mode and under -race.
func TestRetrainReproducesWeights(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("retraining takes tens of seconds; skipped in -short mode and under -race")
	}
	dir := filepath.Join("..", "..", "..", "shared", "eval")
	if _, err := os.Stat(filepath.Join(dir, "sick_train.jsonl")); err != nil {
		t.Skipf("evaluation data not found (%v); it lives in ../shared/eval beside the repository", err)
	}
	got, err := Train(TrainOptions{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, modelJSON) {
		t.Errorf("retrained weights differ from model.json; if the features or the tokenizer changed on purpose, run go run ./internal/nli/train and commit the result")
	}
}

func BenchmarkClassifySICK(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	p, h := "A young boy is riding a red bicycle down the street.", "There is no boy riding a bicycle."
	b.ReportAllocs()
	b.SetBytes(int64(len(p) + len(h)))
	for b.Loop() {
		if _, err := m.ClassifyText(p, h); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClassifyArticle(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	pd := doc(b, strings.Repeat("The city council met on Tuesday to discuss the new stadium. The mayor said she did not approve it. ", 15))
	hd := doc(b, "Mayor approves new stadium")
	b.ReportAllocs()
	for b.Loop() {
		m.Classify(pd, hd)
	}
}

func TestRoute(t *testing.T) {
	tests := []struct {
		name, premise, hypothesis string
		want                      int
	}{
		{"caption", "A man is playing a guitar.", "A man is not playing a guitar.", routeCaption},
		{"a name", "Obama met the press in Paris.", "Obama met the press in Berlin.", routeSentence},
		{"a number", "Two dogs are running.", "Three dogs are running.", routeSentence},
		{"long premise", "The council, which met on Tuesday in the old town hall, voted to close the ageing stadium and build a smaller arena near the river station by next spring.",
			"The council voted to close the stadium.", routeNews},
		{"article", strings.Repeat("The council met on Tuesday. ", 5), "The council met.", routeArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := vector(t, tt.premise, tt.hypothesis)
			if got := route(&v); got != tt.want {
				t.Errorf("route %d, want %d", got, tt.want)
			}
		})
	}
}
