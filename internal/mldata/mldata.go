// Package mldata holds the input checks and defaults that the project's
// small learners (internal/logreg, internal/gbdt) share, so that both
// reject bad training data with the same messages.
package mldata

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// Check rejects training data a learner cannot use, naming the first bad
// row; pkg prefixes the messages ("logreg: row 3 has 2 features ...").
func Check(pkg string, X [][]float64, y []int, nClasses int) error {
	if len(X) == 0 {
		return errors.New(pkg + ": no training rows")
	}
	if len(X) != len(y) {
		return fmt.Errorf("%s: %d rows but %d labels", pkg, len(X), len(y))
	}
	if nClasses < 2 {
		return fmt.Errorf("%s: need at least 2 classes, got %d", pkg, nClasses)
	}
	d := len(X[0])
	if d == 0 {
		return errors.New(pkg + ": rows have no features")
	}
	for i, row := range X {
		if len(row) != d {
			return fmt.Errorf("%s: row %d has %d features, row 0 has %d", pkg, i, len(row), d)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%s: row %d feature %d is %v", pkg, i, j, v)
			}
		}
		if y[i] < 0 || y[i] >= nClasses {
			return fmt.Errorf("%s: row %d has label %d, want 0..%d", pkg, i, y[i], nClasses-1)
		}
	}
	return nil
}

// Names returns a copy of given, or, when it is nil, n names made of
// prefix and an index ("f0", "f1", ...).
func Names(given []string, n int, prefix string) []string {
	if given != nil {
		return slices.Clone(given)
	}
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + strconv.Itoa(i)
	}
	return out
}
