package analyze

import (
	"testing"
)

// TestJudgeRules checks the rules the judge falls back on without a model,
// and whose signals the model weighs.
func TestJudgeRules(t *testing.T) {
	j, err := NewJudge(Options{})
	if err != nil {
		t.Fatal(err)
	}
	j.rulesOnly = true
	tests := []struct {
		name          string
		premise, hyp  string
		want          Label
		wantEvidence0 string // the premise sentence that must decide it, if set
	}{
		{"negation", "A man is playing a guitar.", "A man is not playing a guitar.", Contradiction, ""},
		{"no one", "A woman is slicing an onion.", "Nobody is slicing an onion.", Contradiction, ""},
		{"same statement", "A man is playing a guitar.", "A man is playing a guitar.", Entailment, ""},
		{"hypernym", "A dog is running in the park.", "An animal is running in the park.", Entailment, ""},
		{"unrelated", "The council approved the stadium budget.", "A child is eating a banana.", Unrelated, ""},
		{"antonym", "Shares of Hollis rose after the announcement.", "Shares of Hollis fell after the announcement.", Contradiction, ""},
		{"number", "Voltara is recalling 120,000 electric scooters.", "Voltara is recalling 150,000 electric scooters.", Contradiction, ""},
		{"long premise picks the sentence",
			"The regulator met on Monday. Voltara said the recall covers 120,000 scooters. The weather was mild.",
			"Voltara is recalling 150,000 scooters.", Contradiction, "Voltara said the recall covers 120,000 scooters."},
		{"neutral", "A man is playing a guitar.", "A man is playing a guitar on a stage in Paris for a large crowd.", Neutral, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testDoc(t, "p", tt.premise, caseAliases)
			h := testDoc(t, "h", tt.hyp, caseAliases)
			v := j.Pair(p, h)
			if v.Label != tt.want {
				t.Errorf("label = %s, want %s (cues %+v)", v.Label, tt.want, v.Cues)
			}
			if v.Score < 0 || v.Score > 1 || v.Related < 0 || v.Related > 1 {
				t.Errorf("score %v or related %v out of range", v.Score, v.Related)
			}
			if tt.wantEvidence0 != "" && p.Text(v.Evidence) != tt.wantEvidence0 {
				t.Errorf("evidence = %q, want %q", p.Text(v.Evidence), tt.wantEvidence0)
			}
		})
	}
}

// TestJudgeModel checks plain cases with the trained models in use.
func TestJudgeModel(t *testing.T) {
	j, _ := NewJudge(Options{})
	tests := []struct {
		premise, hyp string
		want         Label
	}{
		{"A man is playing a guitar.", "A man is not playing a guitar.", Contradiction},
		{"A man is playing a guitar.", "A man is playing a guitar.", Entailment},
		{"The council approved the stadium budget.", "A child is eating a banana.", Unrelated},
		{"Voltara is recalling 120,000 electric scooters.", "Voltara is recalling 150,000 electric scooters.", Contradiction},
	}
	for _, tt := range tests {
		v := j.Pair(testDoc(t, "p", tt.premise, caseAliases), testDoc(t, "h", tt.hyp, caseAliases))
		if v.Label != tt.want {
			t.Errorf("%q / %q: %s, want %s (cues %+v)", tt.premise, tt.hyp, v.Label, tt.want, v.Cues)
		}
		if len(v.Cues) == 0 {
			t.Errorf("%q / %q: no cues explain the verdict", tt.premise, tt.hyp)
		}
	}
}

func TestJudgeDegenerate(t *testing.T) {
	j, _ := NewJudge(Options{})
	empty := testDoc(t, "e", "", nil)
	full := testDoc(t, "f", "A man is playing a guitar.", nil)
	for _, v := range []Verdict{j.Pair(nil, full), j.Pair(full, nil), j.Pair(empty, full), j.Pair(full, empty)} {
		if v.Label == Contradiction || v.Label == Entailment {
			t.Errorf("degenerate input judged %s", v.Label)
		}
	}
	var zero Judge
	if v := zero.Pair(full, full); v.Label != Entailment {
		t.Errorf("zero Judge: %s, want entailment", v.Label)
	}
}

func BenchmarkJudgePair(b *testing.B) {
	j, _ := NewJudge(Options{})
	p := testDoc(b, "p", "A man is playing a guitar on the stage.", nil)
	h := testDoc(b, "h", "There is no man playing a guitar.", nil)
	b.ReportAllocs()
	for b.Loop() {
		j.Pair(p, h)
	}
}
