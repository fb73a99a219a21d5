package pairs

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
)

// slot carries one item through Ordered: the reader fills in, a worker fills
// out and closes done, and the emitter waits on done in input order.
type slot[T, R any] struct {
	index int
	in    T
	out   R
	panic error
	done  chan struct{}
}

// Ordered calls work on every item next yields, on up to workers goroutines
// at once, and calls emit with each item and its result in input order.
// At most window items are in flight, so memory stays bounded however many
// items next yields. workers <= 0 means GOMAXPROCS; window < workers means
// 4×workers.
//
// next returns the next item, or ok=false at the end, or an error that stops
// the run (after the items before it are emitted). Ordered stops at the first
// error from next or emit, or when ctx is done, and returns it; a panic in
// work is returned as an error naming the item's 0-based index rather than
// crashing the process. It returns only after every goroutine it started has
// finished.
func Ordered[T, R any](ctx context.Context, workers, window int,
	next func() (item T, ok bool, err error),
	work func(T) R,
	emit func(T, R) error,
) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if window < workers {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	order := make(chan *slot[T, R], window)
	jobs := make(chan *slot[T, R], window)
	var readErr error
	var wg sync.WaitGroup

	wg.Add(1)
	go func() { // reader: the only caller of next
		defer wg.Done()
		defer close(order)
		defer close(jobs)
		for i := 0; ; i++ {
			if ctx.Err() != nil {
				return
			}
			item, ok, err := next()
			if err != nil {
				readErr = err // read by the emitter after order is closed
				return
			}
			if !ok {
				return
			}
			s := &slot[T, R]{index: i, in: item, done: make(chan struct{})}
			// The order queue is the window: this blocks while window
			// items wait to be emitted.
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			jobs <- s // never blocks for long: jobs has the window's capacity
		}
	}()

	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range jobs {
				if ctx.Err() == nil {
					s.run(work)
				}
				close(s.done)
			}
		}()
	}

	var err error
	for s := range order {
		select {
		case <-s.done:
		case <-ctx.Done():
		}
		if err = ctx.Err(); err != nil {
			break
		}
		if s.panic != nil {
			err = s.panic
			break
		}
		if err = emit(s.in, s.out); err != nil {
			break
		}
	}
	cancel()
	// Drain so the reader is never stuck on a full order queue, then wait.
	for range order {
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	return err
}

func (s *slot[T, R]) run(work func(T) R) {
	defer func() {
		if v := recover(); v != nil {
			s.panic = fmt.Errorf("item %d: panic: %v\n%s", s.index, v, debug.Stack())
		}
	}()
	s.out = work(s.in)
}
