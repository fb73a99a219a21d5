package mldata

import (
	"math"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	good := [][]float64{{1, 2}, {3, 4}}
	tests := []struct {
		name     string
		X        [][]float64
		y        []int
		classes  int
		wantPart string // "" means no error
	}{
		{"good", good, []int{0, 1}, 2, ""},
		{"no rows", nil, nil, 2, "logreg: no training rows"},
		{"label count", good, []int{0}, 2, "2 rows but 1 labels"},
		{"one class", good, []int{0, 0}, 1, "at least 2 classes"},
		{"no features", [][]float64{{}, {}}, []int{0, 1}, 2, "no features"},
		{"ragged", [][]float64{{1, 2}, {3}}, []int{0, 1}, 2, "row 1 has 1 features"},
		{"NaN", [][]float64{{1, 2}, {math.NaN(), 4}}, []int{0, 1}, 2, "row 1 feature 0 is NaN"},
		{"label range", good, []int{0, 2}, 2, "row 1 has label 2, want 0..1"},
	}
	for _, tc := range tests {
		err := Check("logreg", tc.X, tc.y, tc.classes)
		switch {
		case tc.wantPart == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, err)
		case tc.wantPart != "" && (err == nil || !strings.Contains(err.Error(), tc.wantPart)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.wantPart)
		}
	}
}

func TestNames(t *testing.T) {
	if got := Names(nil, 3, "f"); strings.Join(got, ",") != "f0,f1,f2" {
		t.Errorf("Names(nil, 3, f) = %v", got)
	}
	given := []string{"a", "b"}
	got := Names(given, 2, "f")
	got[0] = "z"
	if given[0] != "a" {
		t.Error("Names returned the given slice, not a copy")
	}
}
