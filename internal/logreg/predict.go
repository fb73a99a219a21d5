package logreg

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/crosscheck-go/crosscheck/internal/modelio"
)

// Predict returns the class probabilities of x. A row of the wrong length
// gets nil.
func (m *Model) Predict(x []float64) []float64 {
	if len(x) != m.NumFeatures() {
		return nil
	}
	return m.PredictInto(x, make([]float64, m.NumClasses()))
}

// PredictInto writes the class probabilities of x into out (of length
// NumClasses) and returns it; it does not allocate. x must have
// NumFeatures values.
func (m *Model) PredictInto(x, out []float64) []float64 {
	mean, scale := m.Mean[:len(x)], m.Scale[:len(x)]
	if len(x) <= 128 {
		// Standardise once on the stack, then one dot product per class.
		var buf [128]float64
		z := buf[:len(x)]
		for j, v := range x {
			z[j] = (v - mean[j]) / scale[j]
		}
		for k, wk := range m.Weights {
			wk = wk[:len(z)]
			s := m.Bias[k]
			for j, v := range z {
				s += wk[j] * v
			}
			out[k] = s
		}
		softmax(out)
		return out
	}
	for k, wk := range m.Weights {
		wk = wk[:len(x)]
		s := m.Bias[k]
		for j, v := range x {
			s += wk[j] * (v - mean[j]) / scale[j]
		}
		out[k] = s
	}
	softmax(out)
	return out
}

// PredictClass returns the most probable class of x and its probability;
// ties go to the lower class index. It allocates only for more than 16
// classes.
func (m *Model) PredictClass(x []float64) (class int, prob float64) {
	var buf [16]float64
	var p []float64
	if m.NumClasses() > len(buf) {
		p = make([]float64, m.NumClasses())
	} else {
		p = buf[:m.NumClasses()]
	}
	if len(x) != m.NumFeatures() {
		return 0, 0
	}
	m.PredictInto(x, p)
	for k, v := range p {
		if v > prob {
			class, prob = k, v
		}
	}
	return class, prob
}

// Contribution is one feature's push towards a class in one prediction.
type Contribution struct {
	Feature string  `json:"feature"`
	Value   float64 `json:"value"`  // the raw input value
	Weight  float64 `json:"weight"` // the class weight on the standardised feature
	// Score is Weight × the standardised value: how much the feature moved
	// the class's score away from what an average row would get.
	Score float64 `json:"score"`
}

// Explain lists the features that drove x towards class (or away from it,
// with a negative Score), largest |Score| first, ties broken by feature
// name. Features with no effect are left out. The class's score is
// Bias[class] plus the sum of the Scores.
func (m *Model) Explain(x []float64, class int) []Contribution {
	if len(x) != m.NumFeatures() || class < 0 || class >= m.NumClasses() {
		return nil
	}
	var out []Contribution
	for j, v := range x {
		w := m.Weights[class][j]
		s := w * (v - m.Mean[j]) / m.Scale[j]
		if s == 0 {
			continue
		}
		out = append(out, Contribution{Feature: m.Features[j], Value: v, Weight: w, Score: s})
	}
	slices.SortFunc(out, func(a, b Contribution) int {
		if c := cmp.Compare(math.Abs(b.Score), math.Abs(a.Score)); c != 0 {
			return c
		}
		return cmp.Compare(a.Feature, b.Feature)
	})
	return out
}

// Marshal returns the model as indented JSON. The same model always gives
// the same bytes.
func (m *Model) Marshal() ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("logreg: %w", err)
	}
	return append(b, '\n'), nil
}

// Unmarshal reads a model written by Marshal and checks that its parts fit
// together, so a damaged file fails here rather than in Predict. name is
// used in errors (a file name, say).
func Unmarshal(name string, data []byte) (*Model, error) {
	var m Model
	if err := modelio.Decode("logreg", name, data, &m, m.validate); err != nil {
		return nil, err
	}
	return &m, nil
}

func (m *Model) validate() error {
	k, d := len(m.Bias), len(m.Mean)
	if k < 2 || d == 0 {
		return fmt.Errorf("model has %d classes and %d features", k, d)
	}
	if len(m.Classes) != k || len(m.Weights) != k || len(m.Features) != d || len(m.Scale) != d {
		return fmt.Errorf("model sizes disagree: %d classes, %d class names, %d weight rows, %d features, %d names, %d scales",
			k, len(m.Classes), len(m.Weights), d, len(m.Features), len(m.Scale))
	}
	for c, wk := range m.Weights {
		if len(wk) != d {
			return fmt.Errorf("weight row %d has %d values, want %d", c, len(wk), d)
		}
	}
	for j, s := range m.Scale {
		if !(s > 0) || math.IsInf(s, 0) {
			return fmt.Errorf("scale of feature %q is %v", m.Features[j], s)
		}
	}
	return nil
}

// HashData returns a SHA-256 over the shape, values and labels of a
// training set, for Meta.DataHash: equal data gives equal hashes on any
// machine.
func HashData(X [][]float64, y []int) string {
	h := sha256.New()
	var b [8]byte
	put := func(u uint64) {
		binary.LittleEndian.PutUint64(b[:], u)
		h.Write(b[:])
	}
	put(uint64(len(X)))
	for _, row := range X {
		put(uint64(len(row)))
		for _, v := range row {
			put(math.Float64bits(v))
		}
	}
	put(uint64(len(y)))
	for _, c := range y {
		put(uint64(c))
	}
	return hex.EncodeToString(h.Sum(nil))
}
