package gbdt

import (
	"bytes"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// xor is a data set no linear model separates: the class is whether the
// two coordinates have the same sign, with a noise column.
func xor(n int, seed uint64) ([][]float64, []int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	X := make([][]float64, n)
	y := make([]int, n)
	for i := range X {
		a, b := rng.Float64()*2-1, rng.Float64()*2-1
		X[i] = []float64{a, b, rng.Float64()}
		if (a > 0) == (b > 0) {
			y[i] = 1
		}
	}
	return X, y
}

func accuracy(m *Model, X [][]float64, y []int) float64 {
	ok := 0
	for i, x := range X {
		p := m.Predict(x)
		best := 0
		for k := range p {
			if p[k] > p[best] {
				best = k
			}
		}
		if best == y[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(X))
}

func TestLearnsXOR(t *testing.T) {
	X, y := xor(2000, 1)
	m, err := Train(X, y, 2, Options{Rounds: 50, Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	tx, ty := xor(1000, 2)
	if acc := accuracy(m, tx, ty); acc < 0.95 {
		t.Errorf("held-out accuracy on XOR %.3f, want >= 0.95", acc)
	}
}

func TestMulticlass(t *testing.T) {
	// Three classes by the first coordinate's third.
	rng := rand.New(rand.NewPCG(3, 3))
	var X [][]float64
	var y []int
	for range 1500 {
		a := rng.Float64()
		X = append(X, []float64{a, rng.Float64()})
		y = append(y, min(int(a*3), 2))
	}
	m, err := Train(X, y, 3, Options{Rounds: 30, Depth: 2, Classes: []string{"a", "b", "c"}})
	if err != nil {
		t.Fatal(err)
	}
	if acc := accuracy(m, X, y); acc < 0.97 {
		t.Errorf("training accuracy %.3f, want >= 0.97", acc)
	}
	p := m.Predict(X[0])
	if s := p[0] + p[1] + p[2]; math.Abs(s-1) > 1e-12 {
		t.Errorf("probabilities sum to %v", s)
	}
}

func TestDeterministic(t *testing.T) {
	X, y := xor(800, 4)
	opts := Options{Rounds: 20, Depth: 3, ClassWeights: []float64{1, 2}}
	var first []byte
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		m, err := Train(X, y, 2, opts)
		runtime.GOMAXPROCS(old)
		if err != nil {
			t.Fatal(err)
		}
		b, err := m.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatalf("GOMAXPROCS=%d trained different bytes", procs)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	X, y := xor(500, 5)
	m, err := Train(X, y, 2, Options{Rounds: 10})
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Unmarshal("test", b)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := m2.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Error("a loaded model marshals to different bytes")
	}
	for _, x := range X[:50] {
		p, p2 := m.Predict(x), m2.Predict(x)
		for k := range p {
			if p[k] != p2[k] {
				t.Fatalf("loaded model predicts %v, trained one %v", p2, p)
			}
		}
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for name, data := range map[string]string{
		"not json":   "{",
		"unknown":    `{"classes":["a","b"],"features":["x"],"base":[0,0],"trees":[[],[]],"extra":1}`,
		"one class":  `{"classes":["a"],"features":["x"],"base":[0],"trees":[[]]}`,
		"bad child":  `{"classes":["a","b"],"features":["x"],"base":[0,0],"trees":[[{"feature":[0],"threshold":[0],"left":[0],"value":[0]}],[]]}`,
		"bad arrays": `{"classes":["a","b"],"features":["x"],"base":[0,0],"trees":[[{"feature":[-1],"threshold":[],"left":[0],"value":[0]}],[]]}`,
		"bad feature": `{"classes":["a","b"],"features":["x"],"base":[0,0],` +
			`"trees":[[{"feature":[3,-1,-1],"threshold":[0,0,0],"left":[1,0,0],"value":[0,0,0]}],[]]}`,
	} {
		if _, err := Unmarshal(name, []byte(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestContributionsSumToMargin(t *testing.T) {
	X, y := xor(1000, 6)
	m, err := Train(X, y, 2, Options{Rounds: 25, Depth: 3})
	if err != nil {
		t.Fatal(err)
	}
	margins := make([]float64, 2)
	for _, x := range X[:100] {
		m.Margins(x, margins)
		for k := range 2 {
			s := m.Bias(k)
			for _, c := range m.Explain(x, k) {
				s += c.Score
			}
			if math.Abs(s-margins[k]) > 1e-9 {
				t.Fatalf("class %d: bias + contributions = %v, margin %v", k, s, margins[k])
			}
		}
	}
	// The noise column should explain far less than the two that matter.
	var signal, noise float64
	for _, x := range X[:200] {
		for _, c := range m.Explain(x, 1) {
			if c.Feature == "f2" {
				noise += math.Abs(c.Score)
			} else {
				signal += math.Abs(c.Score)
			}
		}
	}
	if noise > signal/5 {
		t.Errorf("noise feature credited %.3f against %.3f for the signal", noise, signal)
	}
}

func TestTrainRejects(t *testing.T) {
	if _, err := Train(nil, nil, 2, Options{}); err == nil {
		t.Error("no rows: no error")
	}
	if _, err := Train([][]float64{{math.NaN()}}, []int{0}, 2, Options{}); err == nil {
		t.Error("NaN: no error")
	}
	if _, err := Train([][]float64{{1}}, []int{2}, 2, Options{}); err == nil {
		t.Error("label out of range: no error")
	}
	if _, err := Train([][]float64{{1}}, []int{0}, 2, Options{ClassWeights: []float64{1}}); err == nil {
		t.Error("wrong number of class weights: no error")
	}
}

// A constant feature never splits, and a single-row class still trains.
func TestDegenerate(t *testing.T) {
	X := [][]float64{{1, 0}, {1, 1}, {1, 2}}
	m, err := Train(X, []int{0, 0, 1}, 2, Options{Rounds: 3, MinLeaf: 1, MinHessian: 1e-3})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range m.Trees[0] {
		for _, f := range tr.Feature {
			if f == 0 {
				t.Error("split on a constant feature")
			}
		}
	}
}

func BenchmarkPredict(b *testing.B) {
	X, y := xor(2000, 7)
	m, err := Train(X, y, 2, Options{Rounds: 100, Depth: 4})
	if err != nil {
		b.Fatal(err)
	}
	out := make([]float64, 2)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.PredictInto(X[i%len(X)], out)
	}
}
