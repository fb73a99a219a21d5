package cluster

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// topBySort is what top computed before: sort every term, keep n.
func topBySort(v Vector, n int) []int32 {
	idx := make([]int, len(v.Terms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(v.Weights[b], v.Weights[a]); c != 0 {
			return c
		}
		return cmp.Compare(v.Terms[a], v.Terms[b])
	})
	if len(idx) > n {
		idx = idx[:n]
	}
	out := make([]int32, len(idx))
	for i, k := range idx {
		out[i] = v.Terms[k]
	}
	return out
}

// TestTopMatchesSort holds top's selection to a full sort, on vectors with
// many equal weights (ties go to the lower term) and n below, at and above
// the number of terms.
func TestTopMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, size := range []int{0, 1, 5, 39, 40, 41, 300} {
		for _, levels := range []int{1, 3, 1000} {
			v := Vector{}
			for _, term := range r.Perm(size) {
				v.Terms = append(v.Terms, int32(term))
				v.Weights = append(v.Weights, float64(r.IntN(levels))/7)
			}
			for _, n := range []int{0, 1, 10, 40, 500} {
				if got, want := v.top(n), topBySort(v, n); !slices.Equal(got, want) {
					t.Errorf("size %d, %d levels, n=%d: top = %v, a full sort %v", size, levels, n, got, want)
				}
			}
		}
	}
}
