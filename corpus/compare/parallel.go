package compare

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workerCount is how many goroutines a parallel step uses: want when it is
// set (tests force 1 to get the sequential path, or more than the cores to
// shake out ordering bugs), else GOMAXPROCS; never more than there are
// items, never fewer than one.
func workerCount(want, items int) int {
	w := want
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, items))
}

// forEach runs f(worker, i) for every i in [0, n) on w goroutines
// (worker in [0, w)), handing out items one at a time so that uneven items
// (articles of different lengths) balance, and waits. With w == 1 it runs
// in order on the calling goroutine. Each worker index is used by one
// goroutine at a time, so f may keep per-worker scratch state indexed by it.
func forEach(n, w int, f func(worker, i int)) {
	if w <= 1 || n <= 1 {
		for i := 0; i < n; i++ {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(k, i)
			}
		}()
	}
	wg.Wait()
}

// chunks runs f over [0, n) cut into exactly w contiguous ranges of
// near-equal size, chunk c on its own goroutine, and waits. With w == 1 it
// is f(0, 0, n) on the calling goroutine.
func chunks(n, w int, f func(c, lo, hi int)) {
	if w <= 1 {
		f(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for c := 0; c < w; c++ {
		lo, hi := c*n/w, (c+1)*n/w
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(c, lo, hi)
		}()
	}
	wg.Wait()
}
