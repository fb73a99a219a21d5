package gbdt_test

import (
	"fmt"

	"github.com/crosscheck-go/crosscheck/internal/gbdt"
)

// Trees learn an interaction a linear model cannot: the label is 1 when
// both cues fire together, and Explain credits both.
func Example() {
	var X [][]float64
	var y []int
	for i := range 400 {
		a, b := float64(i%2), float64(i/2%2)
		X = append(X, []float64{a, b})
		y = append(y, int(a)*int(b))
	}
	m, err := gbdt.Train(X, y, 2, gbdt.Options{Rounds: 30, Depth: 2, Features: []string{"negation", "aligned"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := m.Predict([]float64{1, 1})
	fmt.Printf("P(1 | both) > 0.9: %v\n", p[1] > 0.9)
	for _, c := range m.Explain([]float64{1, 1}, 1) {
		fmt.Printf("%s pushes class 1 up: %v\n", c.Feature, c.Score > 0)
	}
	// Output:
	// P(1 | both) > 0.9: true
	// aligned pushes class 1 up: true
	// negation pushes class 1 up: true
}
