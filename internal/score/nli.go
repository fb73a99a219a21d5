package score

import (
	"fmt"
	"strings"
)

// NLI gold labels, in the order of the rows of NLIResult.Confusion.
var NLIGold = []string{"entailment", "neutral", "contradiction"}

// NLI predicted labels, in the order of the columns of NLIResult.Confusion.
// Unrelated has its own column so a reader sees how often the relatedness
// gate fired, although accuracy counts it as neutral.
var NLIPred = []string{"entailment", "neutral", "contradiction", "unrelated"}

// NLI accumulates the figures of an NLI-format set, one pair at a time.
// The zero value is ready to use.
type NLI struct {
	conf [3][4]int
}

// nliGoldIndex maps a gold label to its row. "unknown" is the name some RTE
// releases give the neutral class; score.py treats the two alike.
func nliGoldIndex(label string) (int, bool) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "entailment":
		return 0, true
	case "neutral", "unknown":
		return 1, true
	case "contradiction":
		return 2, true
	}
	return 0, false
}

// nliPredIndex maps a predicted label to its column. An empty label (no
// prediction) is neutral, as in score.py.
func nliPredIndex(label string) (int, bool) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "entailment":
		return 0, true
	case "neutral", "unknown", "":
		return 1, true
	case "contradiction":
		return 2, true
	case "unrelated":
		return 3, true
	}
	return 0, false
}

// Add counts one pair. It fails on a label outside the three-way scheme, so
// a file with another label set is not scored as if it were all neutral.
func (s *NLI) Add(gold, pred string) error {
	g, ok := nliGoldIndex(gold)
	if !ok {
		return fmt.Errorf("unknown gold label %q (want entailment, neutral or contradiction)", gold)
	}
	p, ok := nliPredIndex(pred)
	if !ok {
		return fmt.Errorf("unknown predicted label %q", pred)
	}
	s.conf[g][p]++
	return nil
}

// NLIResult holds the figures of an NLI-format set.
type NLIResult struct {
	N int `json:"n"`
	// Contradiction-class figures.
	Precision float64 `json:"contradiction_precision"`
	Recall    float64 `json:"contradiction_recall"`
	F1        float64 `json:"contradiction_f1"`
	// Accuracy is three-way accuracy, with unrelated counted as neutral.
	Accuracy float64 `json:"accuracy3"`
	// Confusion counts pairs by gold label (rows, NLIGold order) and
	// predicted label (columns, NLIPred order).
	Confusion [3][4]int `json:"confusion"`
}

// Result returns the figures of the pairs added so far. Ratios with a zero
// denominator are 0.
func (s *NLI) Result() NLIResult {
	r := NLIResult{Confusion: s.conf}
	correct := 0
	for g := range 3 {
		for p := range 4 {
			n := s.conf[g][p]
			r.N += n
			pp := p
			if pp == 3 { // unrelated counts as neutral
				pp = 1
			}
			if g == pp {
				correct += n
			}
		}
	}
	tp := s.conf[2][2]
	fp := s.conf[0][2] + s.conf[1][2]
	fn := s.conf[2][0] + s.conf[2][1] + s.conf[2][3]
	r.Precision, r.Recall, r.F1 = prf(tp, fp, fn)
	r.Accuracy = ratio(correct, r.N)
	return r
}

// prf returns precision, recall and F1 from counts; each is 0 when its
// denominator is.
func prf(tp, fp, fn int) (p, r, f1 float64) {
	p = ratio(tp, tp+fp)
	r = ratio(tp, tp+fn)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
