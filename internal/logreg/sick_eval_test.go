package logreg

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck-go/crosscheck/internal/lexicon"
)

// This file checks the trainer end to end on real data: a plain
// bag-of-words model on SICK should reach the calibration point quoted in
// issue 5 (about 79% three-way accuracy on SICK trial when trained on SICK
// train), and WordNet features from internal/lexicon should add to it.
// The features here are deliberately crude (no word order, no roles); the
// judge in analyze computes the real ones.

type nliPair struct {
	Premise, Hypothesis, Label string
}

func readNLI(t *testing.T, name string) []nliPair {
	path := filepath.Join("..", "..", "..", "shared", "eval", name)
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("evaluation data not found (%v); it lives in ../shared/eval beside the repository", err)
	}
	defer f.Close()
	var out []nliPair
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var p nliPair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

var (
	wordRE    = regexp.MustCompile(`[a-z]+(?:'[a-z]+)?`)
	negations = map[string]bool{"no": true, "not": true, "n't": true, "nobody": true, "nothing": true, "none": true, "never": true, "isn't": true, "aren't": true, "doesn't": true}
	function  = map[string]bool{"a": true, "an": true, "the": true, "is": true, "are": true, "and": true, "of": true, "in": true, "on": true, "at": true, "to": true, "with": true, "by": true, "there": true, "being": true, "some": true, "into": true, "from": true, "for": true, "his": true, "her": true, "its": true, "their": true, "who": true, "which": true, "that": true}
)

func content(s string) (words []string, neg int) {
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		switch {
		case negations[w]:
			neg++
		case !function[w]:
			words = append(words, w)
		}
	}
	return words, neg
}

var nliLabels = []string{"entailment", "neutral", "contradiction"}

// pairFeatures returns bag-of-words features, plus WordNet ones when
// withLexicon is set.
func pairFeatures(p nliPair, withLexicon bool) []float64 {
	pw, pn := content(p.Premise)
	hw, hn := content(p.Hypothesis)
	aligned := func(h string, strict bool) bool {
		for _, w := range pw {
			if w == h || lexicon.Lemma(w) == lexicon.Lemma(h) {
				return true
			}
			if !strict {
				r := lexicon.Relate(w, h)
				if r.Synonym || r.Hyponym >= 0 && r.Hyponym <= 3 || r.Hypernym >= 0 && r.Hypernym <= 3 {
					return true
				}
			}
		}
		return false
	}
	var exact, loose, ant, sibling float64
	for _, h := range hw {
		if aligned(h, true) {
			exact++
			continue
		}
		if !withLexicon {
			continue
		}
		if aligned(h, false) {
			loose++
			continue
		}
		// An unaligned hypothesis word facing an opposite or an
		// alternative in the premise.
		for _, w := range pw {
			r := lexicon.Relate(w, h)
			if r.Antonym >= lexicon.AntonymSynset {
				ant++
				break
			}
			if r.Cohyponym >= 0 && r.Cohyponym <= 4 {
				sibling++
				break
			}
		}
	}
	n := float64(max(len(hw), 1))
	negMismatch := 0.0
	if (pn > 0) != (hn > 0) {
		negMismatch = 1
	}
	f := []float64{exact / n, (n - exact) / n, float64(len(pw)) - exact, float64(pn), float64(hn), negMismatch}
	if withLexicon {
		f = append(f, loose/n, (n-exact-loose)/n, ant, ant*negMismatch, sibling)
	}
	return f
}

func nliData(pairs []nliPair, withLexicon bool) ([][]float64, []int) {
	var X [][]float64
	var y []int
	for _, p := range pairs {
		c := -1
		for k, l := range nliLabels {
			if p.Label == l {
				c = k
			}
		}
		if c < 0 {
			continue
		}
		X = append(X, pairFeatures(p, withLexicon))
		y = append(y, c)
	}
	return X, y
}

func TestEvalSICKBaseline(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("evaluation test; skipped in -short mode and under -race")
	}
	train, trial := readNLI(t, "sick_train.jsonl"), readNLI(t, "sick_trial.jsonl")
	for _, withLexicon := range []bool{false, true} {
		X, y := nliData(train, withLexicon)
		m, err := Train(X, y, 3, Options{L2: 1e-4, Seed: 1, Classes: nliLabels})
		if err != nil {
			t.Fatal(err)
		}
		tx, ty := nliData(trial, withLexicon)
		pred := make([]int, len(tx))
		for i, x := range tx {
			pred[i], _ = m.PredictClass(x)
		}
		s := Evaluate(ty, pred, 3)
		t.Logf("lexicon=%v: SICK trial accuracy %.3f, contradiction P %.3f R %.3f F1 %.3f, macro F1 %.3f",
			withLexicon, s.Accuracy, s.PerClass[2].Precision, s.PerClass[2].Recall, s.PerClass[2].F1, s.MacroF1)
		// Floors a little under the measured 0.724 and 0.798, so a
		// regression in the trainer or the lexicon shows here.
		floor := 0.70
		if withLexicon {
			floor = 0.77
		}
		if s.Accuracy < floor || s.PerClass[2].F1 < 0.80 {
			t.Errorf("lexicon=%v: accuracy %.3f (floor %.2f), contradiction F1 %.3f (floor 0.80)",
				withLexicon, s.Accuracy, floor, s.PerClass[2].F1)
		}
	}
}
