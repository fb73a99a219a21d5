package score

import (
	"fmt"
	"strings"
)

// FNCStances are the FNC-1 stances, in the order of FNCResult's rows,
// columns and per-class figures.
var FNCStances = []string{"agree", "disagree", "discuss", "unrelated"}

// StanceOf maps a judge label to an FNC-1 stance: contradiction→disagree,
// entailment→agree, neutral→discuss, unrelated→unrelated. A stance name is
// returned as it is, and an empty label (no prediction) is unrelated, as in
// score.py.
func StanceOf(label string) (string, bool) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "contradiction", "disagree":
		return "disagree", true
	case "entailment", "agree":
		return "agree", true
	case "neutral", "discuss":
		return "discuss", true
	case "unrelated", "":
		return "unrelated", true
	}
	return "", false
}

func stanceIndex(stance string) (int, bool) {
	for i, s := range FNCStances {
		if s == stance {
			return i, true
		}
	}
	return 0, false
}

// FNC accumulates the figures of an FNC-1 stance set. The zero value is
// ready to use.
type FNC struct {
	conf [4][4]int
}

// Add counts one pair: gold is an FNC-1 stance, pred a judge label or a
// stance (see StanceOf).
func (s *FNC) Add(gold, pred string) error {
	g, ok := stanceIndex(strings.ToLower(strings.TrimSpace(gold)))
	if !ok {
		return fmt.Errorf("unknown gold stance %q (want agree, disagree, discuss or unrelated)", gold)
	}
	ps, ok := StanceOf(pred)
	if !ok {
		return fmt.Errorf("unknown predicted label %q", pred)
	}
	p, _ := stanceIndex(ps)
	s.conf[g][p]++
	return nil
}

// ClassF1 holds the figures of one class.
type ClassF1 struct {
	Class     string  `json:"class"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"` // gold pairs of the class
}

// FNCResult holds the figures of an FNC-1 stance set.
type FNCResult struct {
	N int `json:"n"`
	// Score is the official weighted score: 0.25 for a correct
	// related/unrelated decision, and for a related pair predicted related
	// 0.25 more plus 0.5 when the stance is exact. Max is the score of a
	// perfect prediction, and Relative is Score/Max.
	Score    float64 `json:"score"`
	Max      float64 `json:"max"`
	Relative float64 `json:"fnc_relative"`
	// Classes are the per-class figures in FNCStances order.
	Classes []ClassF1 `json:"classes"`
	MacroF1 float64   `json:"macro_f1"`
	// Confusion counts pairs by gold stance (rows) and predicted stance
	// (columns), both in FNCStances order.
	Confusion [4][4]int `json:"confusion"`
}

// Result returns the figures of the pairs added so far.
func (s *FNC) Result() FNCResult {
	const unrelated = 3
	r := FNCResult{Confusion: s.conf}
	for g := range 4 {
		for p := range 4 {
			n := s.conf[g][p]
			r.N += n
			var pts float64
			if g == p {
				pts += 0.25
			}
			if g != unrelated && p != unrelated {
				pts += 0.25
				if g == p {
					pts += 0.5
				}
			}
			r.Score += pts * float64(n)
			if g == unrelated {
				r.Max += 0.25 * float64(n)
			} else {
				r.Max += float64(n)
			}
		}
	}
	if r.Max > 0 {
		r.Relative = r.Score / r.Max
	}
	for c, name := range FNCStances {
		tp := s.conf[c][c]
		fp, fn, support := 0, 0, 0
		for o := range 4 {
			support += s.conf[c][o]
			if o != c {
				fp += s.conf[o][c]
				fn += s.conf[c][o]
			}
		}
		p, rc, f1 := prf(tp, fp, fn)
		r.Classes = append(r.Classes, ClassF1{Class: name, Precision: p, Recall: rc, F1: f1, Support: support})
		r.MacroF1 += f1 / 4
	}
	return r
}

// Class returns the figures of one stance (zero when unknown).
func (r FNCResult) Class(stance string) ClassF1 {
	for _, c := range r.Classes {
		if c.Class == stance {
			return c
		}
	}
	return ClassF1{}
}
