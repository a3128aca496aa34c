package pool

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines a parallel step uses: want when it is set
// (tests force 1 to get the sequential path, or more than the cores to
// shake out ordering bugs), else GOMAXPROCS; never more than there are
// items, never fewer than one.
func Workers(want, items int) int {
	w := want
	if w <= 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, items))
}

// ForEach runs f(worker, i) for every i in [0, n) on w goroutines
// (worker in [0, w)), handing out items one at a time so that uneven items
// (articles of different lengths) balance, and waits. With w == 1 it runs
// in order on the calling goroutine. Each worker index is used by one
// goroutine at a time, so f may keep per-worker scratch state indexed by it.
func ForEach(n, w int, f func(worker, i int)) {
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

// BlockSize is how many items Blocks hands a worker at a time: small
// enough that a worker the OS sets aside on a busy machine holds up little
// (the others take the remaining blocks), large enough that handing out
// costs nothing.
const BlockSize = 64

// NumBlocks is how many blocks Blocks cuts n items into.
func NumBlocks(n int) int { return (n + BlockSize - 1) / BlockSize }

// Blocks runs f over [0, n) in blocks of BlockSize on w goroutines, handing
// blocks out as workers come free (see ForEach); block is the block's
// index, [lo, hi) its items.
func Blocks(n, w int, f func(worker, block, lo, hi int)) {
	ForEach(NumBlocks(n), w, func(k, b int) { f(k, b, b*BlockSize, min(n, (b+1)*BlockSize)) })
}
