// Package par runs independent pieces of work on all cores. The callers
// keep their results in slices indexed like the work, so what they produce
// never depends on which goroutine ran which piece.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(i) for every i in [0, n), on at most workers goroutines and
// never more than GOMAXPROCS; each goroutine takes the next index not yet
// started, so uneven pieces still keep every core busy. With fewer than two
// goroutines to use it runs f in the caller's goroutine, in index order. It
// returns when every call has returned.
func For(n, workers int, f func(i int)) {
	workers = min(workers, runtime.GOMAXPROCS(0), n)
	if workers < 2 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		}()
	}
	wg.Wait()
}
