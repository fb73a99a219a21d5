package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

func TestForCallsEveryIndexOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {5, 0}, {5, 1}, {100, 3}, {1000, 64}} {
		counts := make([]atomic.Int32, tc.n)
		For(tc.n, tc.workers, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: index %d called %d times", tc.n, tc.workers, i, c)
			}
		}
	}
}

func TestForSerialKeepsOrder(t *testing.T) {
	var got []int
	For(5, 1, func(i int) { got = append(got, i) })
	for i, v := range got {
		if v != i {
			t.Fatalf("serial For called %v, want 0..4 in order", got)
		}
	}
	if len(got) != 5 {
		t.Fatalf("serial For made %d calls, want 5", len(got))
	}
}
