package gbdt

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/crosscheck-go/crosscheck/internal/modelio"
)

// Margins writes the class scores of x (before the softmax) into out, of
// length NumClasses, and returns it. x must have NumFeatures values.
func (m *Model) Margins(x, out []float64) []float64 {
	for k, trees := range m.Trees {
		s := m.Base[k]
		for i := range trees {
			t := &trees[i]
			s += t.Value[t.leaf(x)]
		}
		out[k] = s
	}
	return out
}

// PredictInto writes the class probabilities of x into out (of length
// NumClasses) and returns it; it does not allocate. x must have
// NumFeatures values.
func (m *Model) PredictInto(x, out []float64) []float64 {
	m.Margins(x, out)
	softmax(out)
	return out
}

// Predict returns the class probabilities of x. A row of the wrong length
// gets nil.
func (m *Model) Predict(x []float64) []float64 {
	if len(x) != m.NumFeatures() {
		return nil
	}
	return m.PredictInto(x, make([]float64, m.NumClasses()))
}

// Bias returns the part of class's score that no feature explains: Base
// plus the root values of the class's trees.
func (m *Model) Bias(class int) float64 {
	s := m.Base[class]
	for i := range m.Trees[class] {
		s += m.Trees[class][i].Value[0]
	}
	return s
}

// Contribution is one feature's push towards a class in one prediction.
type Contribution struct {
	Feature string  `json:"feature"`
	Value   float64 `json:"value"` // the raw input value
	// Score is the sum, over the class's trees, of the changes in node
	// value at the splits on this feature along x's path.
	Score float64 `json:"score"`
}

// Explain lists the features that drove x towards class (or away from it,
// with a negative Score), largest |Score| first, ties broken by feature
// name. Features with no effect are left out. The class's score is
// Bias(class) plus the sum of the Scores.
func (m *Model) Explain(x []float64, class int) []Contribution {
	if len(x) != m.NumFeatures() || class < 0 || class >= m.NumClasses() {
		return nil
	}
	var buf [128]float64
	var score []float64
	if len(x) > len(buf) {
		score = make([]float64, len(x))
	} else {
		score = buf[:len(x)]
	}
	for ti := range m.Trees[class] {
		t := &m.Trees[class][ti]
		i := 0
		for t.Feature[i] >= 0 {
			f := t.Feature[i]
			next := t.Left[i]
			if x[f] > t.Threshold[i] {
				next++
			}
			score[f] += t.Value[next] - t.Value[i]
			i = next
		}
	}
	var out []Contribution
	for j, s := range score {
		if s == 0 {
			continue
		}
		out = append(out, Contribution{Feature: m.Features[j], Value: x[j], Score: s})
	}
	slices.SortFunc(out, func(a, b Contribution) int {
		if c := cmp.Compare(math.Abs(b.Score), math.Abs(a.Score)); c != 0 {
			return c
		}
		return cmp.Compare(a.Feature, b.Feature)
	})
	return out
}

// Marshal returns the model as JSON. The same model always gives the same
// bytes.
func (m *Model) Marshal() ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("gbdt: %w", err)
	}
	return append(b, '\n'), nil
}

// Unmarshal reads a model written by Marshal and checks that its trees fit
// together, so a damaged file fails here rather than in Predict. name is
// used in errors (a file name, say).
func Unmarshal(name string, data []byte) (*Model, error) {
	var m Model
	if err := modelio.Decode("gbdt", name, data, &m, m.validate); err != nil {
		return nil, err
	}
	return &m, nil
}

func (m *Model) validate() error {
	k, d := len(m.Base), len(m.Features)
	if k < 2 || d == 0 {
		return fmt.Errorf("model has %d classes and %d features", k, d)
	}
	if len(m.Classes) != k || len(m.Trees) != k {
		return fmt.Errorf("model sizes disagree: %d classes, %d class names, %d tree lists", k, len(m.Classes), len(m.Trees))
	}
	for c, trees := range m.Trees {
		for ti := range trees {
			t := &trees[ti]
			n := len(t.Feature)
			if n == 0 || len(t.Threshold) != n || len(t.Left) != n || len(t.Value) != n {
				return fmt.Errorf("class %d tree %d: node arrays of lengths %d, %d, %d, %d",
					c, ti, n, len(t.Threshold), len(t.Left), len(t.Value))
			}
			for i, f := range t.Feature {
				if f < 0 {
					continue
				}
				// Children come after their parent, so every path ends.
				if f >= d || t.Left[i] <= i || t.Left[i]+1 >= n {
					return fmt.Errorf("class %d tree %d node %d: feature %d, children %d and %d of %d nodes",
						c, ti, i, f, t.Left[i], t.Left[i]+1, n)
				}
			}
		}
	}
	return nil
}
