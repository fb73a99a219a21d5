package logreg

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update is accepted so `go test ./... -update` works; logreg has no goldens.
var _ = flag.Bool("update", false, "unused: logreg has no golden files")

// blobs returns n rows per class of d features around class centres:
// class c has mean 3 on feature c and 0 elsewhere, plus unit noise.
func blobs(nPer, classes, d int, seed uint64) ([][]float64, []int) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var X [][]float64
	var y []int
	for c := range classes {
		for range nPer {
			row := make([]float64, d)
			for j := range row {
				row[j] = rng.NormFloat64() * 0.5
			}
			row[c] += 3
			X = append(X, row)
			y = append(y, c)
		}
	}
	return X, y
}

func TestTrainSeparable(t *testing.T) {
	// Feature 0 alone decides the class; feature 1 is noise on a large scale
	// and feature 2 is constant, to exercise standardisation.
	X := [][]float64{{-2, 100, 7}, {-1, -300, 7}, {-3, 50, 7}, {-1.5, 0, 7}, {1, 200, 7}, {2, -100, 7}, {3, 10, 7}, {1.5, -20, 7}}
	y := []int{0, 0, 0, 0, 1, 1, 1, 1}
	m, err := Train(X, y, 2, Options{Epochs: 200, Features: []string{"sign", "noise", "const"}, Classes: []string{"neg", "pos"}})
	if err != nil {
		t.Fatal(err)
	}
	for i, x := range X {
		c, p := m.PredictClass(x)
		if c != y[i] || p < 0.9 {
			t.Errorf("row %d: class %d prob %.3f, want class %d with prob > 0.9", i, c, p, y[i])
		}
	}
	if m.Weights[1][0] <= 0 || m.Weights[0][0] >= 0 {
		t.Errorf("weights on the deciding feature = %v, %v; want pos > 0 > neg", m.Weights[1][0], m.Weights[0][0])
	}
	if m.Weights[1][2] != 0 {
		t.Errorf("constant feature got weight %v, want 0", m.Weights[1][2])
	}
	ex := m.Explain([]float64{3, 0, 7}, 1)
	if len(ex) == 0 || ex[0].Feature != "sign" || ex[0].Score <= 0 {
		t.Errorf("Explain = %+v, want sign first with a positive score", ex)
	}
	for _, c := range ex {
		if c.Feature == "const" {
			t.Errorf("Explain lists the constant feature: %+v", c)
		}
	}
}

func TestTrainThreeClasses(t *testing.T) {
	X, y := blobs(60, 3, 5, 7)
	m, err := Train(X, y, 3, Options{L2: 1e-3})
	if err != nil {
		t.Fatal(err)
	}
	tx, ty := blobs(30, 3, 5, 8)
	pred := make([]int, len(tx))
	for i, x := range tx {
		pred[i], _ = m.PredictClass(x)
		if p := m.Predict(x); math.Abs(p[0]+p[1]+p[2]-1) > 1e-9 {
			t.Fatalf("probabilities %v do not sum to 1", p)
		}
	}
	if s := Evaluate(ty, pred, 3); s.Accuracy < 0.95 {
		t.Errorf("held-out accuracy %.3f, want ≥ 0.95", s.Accuracy)
	}
	// Each class's own feature pushes hardest towards it.
	for c := range 3 {
		x := make([]float64, 5)
		x[c] = 3
		if ex := m.Explain(x, c); ex[0].Feature != fmt.Sprint("f", c) {
			t.Errorf("class %d: top contribution %+v", c, ex[0])
		}
	}
	// Explain adds up to the class score.
	x := tx[0]
	for c := range 3 {
		s := m.Bias[c]
		for _, e := range m.Explain(x, c) {
			s += e.Score
		}
		logits := make([]float64, 3)
		for k := range 3 {
			logits[k] = m.Bias[k]
			for j := range x {
				logits[k] += m.Weights[k][j] * (x[j] - m.Mean[j]) / m.Scale[j]
			}
		}
		if math.Abs(s-logits[c]) > 1e-9 {
			t.Errorf("class %d: bias + contributions = %v, score = %v", c, s, logits[c])
		}
	}
}

func TestDeterministic(t *testing.T) {
	X, y := blobs(40, 3, 4, 3)
	opts := Options{L2: 1e-3, Seed: 42, Epochs: 10}
	a, err := Train(X, y, 3, opts)
	if err != nil {
		t.Fatal(err)
	}
	prev := runtime.GOMAXPROCS(1)
	b, err := Train(X, y, 3, opts)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	ja, _ := a.Marshal()
	jb, _ := b.Marshal()
	if !bytes.Equal(ja, jb) {
		t.Error("two trainings with one seed differ")
	}
	opts.Seed = 43
	c, _ := Train(X, y, 3, opts)
	if jc, _ := c.Marshal(); bytes.Equal(ja, jc) {
		t.Error("a different seed gave identical weights; is the seed used?")
	}
}

func TestRoundTrip(t *testing.T) {
	X, y := blobs(20, 3, 4, 5)
	m, err := Train(X, y, 3, Options{Epochs: 5, Classes: []string{"entail", "contradict", "neutral"}})
	if err != nil {
		t.Fatal(err)
	}
	m.Meta.Scores = map[string]float64{"cv_accuracy": 0.9, "cv_macro_f1": 0.8}
	m.Meta.Data = map[string]string{"sick_train.jsonl": "abc"}
	data, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	back, err := Unmarshal("model.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, back); diff != "" {
		t.Errorf("round trip changed the model (-want +got):\n%s", diff)
	}
	again, _ := back.Marshal()
	if !bytes.Equal(data, again) {
		t.Error("re-marshalling changed the bytes")
	}
	if back.Meta.DataHash != HashData(X, y) || back.Meta.Samples != 60 {
		t.Errorf("meta = %+v", back.Meta)
	}
}

func TestUnmarshalRejects(t *testing.T) {
	X, y := blobs(5, 2, 2, 1)
	m, _ := Train(X, y, 2, Options{Epochs: 1})
	good, _ := m.Marshal()
	tests := map[string]string{
		"not json":      "{",
		"unknown field": `{"bogus": 1}`,
		"empty":         `{}`,
		"short row":     string(bytes.Replace(good, []byte(`"mean": [`), []byte(`"mean": [1,`), 1)),
		"zero scale":    `{"classes":["a","b"],"features":["x"],"mean":[0],"scale":[0],"weights":[[1],[-1]],"bias":[0,0]}`,
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := Unmarshal("m.json", []byte(data)); err == nil {
				t.Error("Unmarshal accepted a bad model")
			}
		})
	}
}

func TestTrainRejects(t *testing.T) {
	tests := []struct {
		name string
		X    [][]float64
		y    []int
		k    int
	}{
		{"no rows", nil, nil, 2},
		{"label count", [][]float64{{1}}, []int{0, 1}, 2},
		{"one class", [][]float64{{1}}, []int{0}, 1},
		{"ragged", [][]float64{{1, 2}, {1}}, []int{0, 1}, 2},
		{"nan", [][]float64{{math.NaN()}, {1}}, []int{0, 1}, 2},
		{"label range", [][]float64{{1}, {2}}, []int{0, 2}, 2},
		{"no features", [][]float64{{}, {}}, []int{0, 1}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Train(tt.X, tt.y, tt.k, Options{}); err == nil {
				t.Error("Train accepted bad data")
			}
		})
	}
}

func TestClassWeights(t *testing.T) {
	// 90 rows of class 0 and 10 of class 1, overlapping: balanced weights
	// must raise the rare class's recall.
	rng := rand.New(rand.NewPCG(9, 9))
	var X [][]float64
	var y []int
	for i := range 100 {
		c := 0
		if i%10 == 0 {
			c = 1
		}
		X = append(X, []float64{float64(c) + rng.NormFloat64()})
		y = append(y, c)
	}
	recall := func(o Options) float64 {
		m, err := Train(X, y, 2, o)
		if err != nil {
			t.Fatal(err)
		}
		pred := make([]int, len(X))
		for i, x := range X {
			pred[i], _ = m.PredictClass(x)
		}
		return Evaluate(y, pred, 2).PerClass[1].Recall
	}
	plain, balanced := recall(Options{}), recall(Options{Balanced: true})
	if balanced <= plain {
		t.Errorf("rare-class recall %.2f balanced vs %.2f plain; want higher", balanced, plain)
	}
	if _, err := Train(X, y, 2, Options{ClassWeights: []float64{1}}); err == nil {
		t.Error("Train accepted one class weight for two classes")
	}
}

func TestFolds(t *testing.T) {
	groups := []string{"a", "a", "b", "c", "c", "c", "d", "e", "e", "f"}
	folds, err := Folds(len(groups), 3, groups, 1)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]int{}
	groupFold := map[string]int{}
	for f, rows := range folds {
		for _, i := range rows {
			seen[i]++
			if g, ok := groupFold[groups[i]]; ok && g != f {
				t.Errorf("group %s split over folds %d and %d", groups[i], g, f)
			}
			groupFold[groups[i]] = f
		}
	}
	if len(seen) != len(groups) {
		t.Errorf("folds cover %d of %d rows", len(seen), len(groups))
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("row %d in %d folds", i, n)
		}
	}
	again, _ := Folds(len(groups), 3, groups, 1)
	if diff := cmp.Diff(folds, again); diff != "" {
		t.Errorf("folds not deterministic:\n%s", diff)
	}
	plain, _ := Folds(10, 5, nil, 0)
	for _, f := range plain {
		if len(f) != 2 {
			t.Errorf("ungrouped folds %v are not even", plain)
		}
	}
	if _, err := Folds(3, 5, nil, 0); err == nil {
		t.Error("Folds accepted more folds than rows")
	}
	if _, err := Folds(3, 2, []string{"a"}, 0); err == nil {
		t.Error("Folds accepted the wrong number of group keys")
	}
}

func TestCrossValidate(t *testing.T) {
	X, y := blobs(30, 3, 4, 11)
	groups := make([]string, len(X))
	for i := range groups {
		groups[i] = fmt.Sprint(i / 3) // triples share a group
	}
	opts := Options{L2: 1e-3, Epochs: 10, Seed: 5}
	a, err := CrossValidate(X, y, 3, 5, groups, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.Accuracy < 0.9 {
		t.Errorf("cross-validated accuracy %.3f, want ≥ 0.9", a.Accuracy)
	}
	b, _ := CrossValidate(X, y, 3, 5, groups, opts)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("cross-validation not deterministic:\n%s", diff)
	}
}

func TestEvaluate(t *testing.T) {
	got := Evaluate([]int{0, 0, 1, 1, 2}, []int{0, 1, 1, 1, 0}, 3)
	want := Scores{
		Accuracy: 0.6,
		MacroF1:  (0.5 + 0.8 + 0) / 3,
		PerClass: []ClassScore{
			{Precision: 0.5, Recall: 0.5, F1: 0.5, Support: 2},
			{Precision: 2.0 / 3, Recall: 1, F1: 0.8, Support: 2},
			{Support: 1},
		},
		Confusion: [][]int{{1, 1, 0}, {0, 2, 0}, {1, 0, 0}},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b float64) bool { return math.Abs(a-b) < 1e-12 })); diff != "" {
		t.Errorf("Evaluate (-want +got):\n%s", diff)
	}
}

func TestPredictWrongLength(t *testing.T) {
	X, y := blobs(5, 2, 2, 1)
	m, _ := Train(X, y, 2, Options{Epochs: 1})
	if m.Predict([]float64{1}) != nil || m.Explain([]float64{1}, 0) != nil || m.Explain(X[0], 5) != nil {
		t.Error("wrong-length input or class accepted")
	}
	if c, p := m.PredictClass(nil); c != 0 || p != 0 {
		t.Errorf("PredictClass(nil) = %d, %v", c, p)
	}
}

func BenchmarkPredict(b *testing.B) {
	X, y := blobs(50, 3, 50, 2)
	m, err := Train(X, y, 3, Options{Epochs: 2})
	if err != nil {
		b.Fatal(err)
	}
	out := make([]float64, 3)
	x := X[7]
	b.ReportAllocs()
	for b.Loop() {
		m.PredictInto(x, out)
	}
}

func BenchmarkPredictClass(b *testing.B) {
	X, y := blobs(50, 3, 50, 2)
	m, _ := Train(X, y, 3, Options{Epochs: 2})
	x := X[7]
	b.ReportAllocs()
	for b.Loop() {
		m.PredictClass(x)
	}
}

func ExampleModel_Explain() {
	// Whether two statements contradict, from two toy features.
	X := [][]float64{{1, 0}, {1, 1}, {0, 0}, {0, 1}, {1, 0}, {0, 1}}
	y := []int{1, 1, 0, 0, 1, 0}
	m, _ := Train(X, y, 2, Options{Epochs: 100, Features: []string{"antonym", "overlap"}, Classes: []string{"other", "contradiction"}})
	class, _ := m.PredictClass([]float64{1, 1})
	fmt.Println(m.Classes[class])
	fmt.Println(m.Explain([]float64{1, 1}, class)[0].Feature)
	// Output:
	// contradiction
	// antonym
}

// FuzzUnmarshal checks that a damaged model file is rejected or, if
// accepted, predicts without panicking.
func FuzzUnmarshal(f *testing.F) {
	X, y := blobs(5, 2, 2, 1)
	m, _ := Train(X, y, 2, Options{Epochs: 1})
	good, _ := m.Marshal()
	f.Add(good)
	f.Add([]byte(`{"classes":["a","b"],"features":["x"],"mean":[0],"scale":[1],"weights":[[1],[-1]],"bias":[0,0]}`))
	f.Add([]byte(`{"weights":[null,[1]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Unmarshal("fuzz.json", data)
		if err != nil {
			return
		}
		x := make([]float64, m.NumFeatures())
		m.Predict(x)
		m.PredictClass(x)
		m.Explain(x, 0)
	})
}
