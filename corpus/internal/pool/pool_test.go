package pool

import (
	"runtime"
	"slices"
	"sync"
	"testing"
)

func TestWorkers(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	for _, tc := range []struct {
		want, items, out int
	}{
		{1, 100, 1},
		{3, 100, 3},
		{7, 2, 2},                    // never more than the items
		{4, 0, 1},                    // never fewer than one
		{0, 1000, min(procs, 1000)},  // 0: GOMAXPROCS
		{-1, 1000, min(procs, 1000)}, // negative: GOMAXPROCS
		{0, 1, 1},
	} {
		if got := Workers(tc.want, tc.items); got != tc.out {
			t.Errorf("Workers(%d, %d) = %d, want %d", tc.want, tc.items, got, tc.out)
		}
	}
}

// ForEach calls f once for every item, on worker numbers below w, and one
// worker runs the items in order on the calling goroutine.
func TestForEach(t *testing.T) {
	for _, tc := range []struct{ n, w int }{{0, 3}, {1, 3}, {5, 1}, {100, 2}, {100, 7}, {3, 10}} {
		var mu sync.Mutex
		var got []int
		ForEach(tc.n, tc.w, func(k, i int) {
			if k < 0 || k >= max(tc.w, 1) {
				t.Errorf("n %d w %d: worker %d out of range", tc.n, tc.w, k)
			}
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
		})
		if tc.w == 1 && !slices.IsSorted(got) {
			t.Errorf("one worker ran out of order: %v", got)
		}
		slices.Sort(got)
		want := make([]int, tc.n)
		for i := range want {
			want[i] = i
		}
		if !slices.Equal(got, want) {
			t.Errorf("n %d w %d: items %v, want each of 0..%d once", tc.n, tc.w, got, tc.n-1)
		}
	}
}

// A worker number is never used by two goroutines at once: per-worker
// scratch needs no lock.
func TestForEachWorkerExclusive(t *testing.T) {
	const w = 4
	var busy [w]int32
	var mu sync.Mutex
	ForEach(400, w, func(k, _ int) {
		mu.Lock()
		busy[k]++
		if busy[k] != 1 {
			t.Errorf("worker %d runs twice at once", k)
		}
		mu.Unlock()
		runtime.Gosched()
		mu.Lock()
		busy[k]--
		mu.Unlock()
	})
}

func TestBlocks(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want [][3]int // block, lo, hi
	}{
		{0, nil},
		{1, [][3]int{{0, 0, 1}}},
		{BlockSize, [][3]int{{0, 0, BlockSize}}},
		{BlockSize + 1, [][3]int{{0, 0, BlockSize}, {1, BlockSize, BlockSize + 1}}},
		{2*BlockSize + 5, [][3]int{{0, 0, BlockSize}, {1, BlockSize, 2 * BlockSize}, {2, 2 * BlockSize, 2*BlockSize + 5}}},
	} {
		if got := NumBlocks(tc.n); got != len(tc.want) {
			t.Errorf("NumBlocks(%d) = %d, want %d", tc.n, got, len(tc.want))
		}
		for _, w := range []int{1, 3} {
			var mu sync.Mutex
			var got [][3]int
			Blocks(tc.n, w, func(_, b, lo, hi int) {
				mu.Lock()
				got = append(got, [3]int{b, lo, hi})
				mu.Unlock()
			})
			slices.SortFunc(got, func(x, y [3]int) int { return x[0] - y[0] })
			if !slices.Equal(got, tc.want) {
				t.Errorf("Blocks(%d) on %d workers: %v, want %v", tc.n, w, got, tc.want)
			}
		}
	}
}
