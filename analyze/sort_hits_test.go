package analyze

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortHitsMatchesSortFunc holds sortHits to what align sorted with
// before: the same order of equal pairs, element for element, which is what
// keeps the summed weights bit for bit. Weights tell equal pairs apart.
func TestSortHitsMatchesSortFunc(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 11, 12, 13, 50, 1000, 20000} {
		for _, keys := range []int{1, 3, n/4 + 1, 4 * n} {
			for _, shape := range []string{"random", "sorted", "reversed", "runs"} {
				in := make([]hit, n)
				for i := range in {
					in[i] = hit{p: uint64(r.IntN(keys)), w: float32(i)}
				}
				switch shape {
				case "sorted":
					slices.SortStableFunc(in, func(x, y hit) int { return cmp.Compare(x.p, y.p) })
				case "reversed":
					slices.SortStableFunc(in, func(x, y hit) int { return cmp.Compare(y.p, x.p) })
				case "runs":
					for i := range in {
						in[i].p = uint64(i / 7 % (keys + 1))
					}
				}
				want := slices.Clone(in)
				slices.SortFunc(want, func(x, y hit) int { return cmp.Compare(x.p, y.p) })
				got := slices.Clone(in)
				sortHits(got)
				if !slices.Equal(got, want) {
					t.Fatalf("n=%d keys=%d %s: sortHits differs from slices.SortFunc", n, keys, shape)
				}
			}
		}
	}
}
