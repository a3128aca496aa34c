package search

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// candidates lists article indexes to match, ascending: a prefix range
// [0, all) and/or an explicit list followed by the range [from, all).
type candidates struct {
	list []int32 // ascending; nil with from == 0 means every article
	from int     // articles from here to all are candidates too
	all  int
}

func allCandidates(n int) candidates { return candidates{all: n} }

func (c candidates) len() int { return len(c.list) + c.all - c.from }

// at returns the i-th candidate.
func (c candidates) at(i int) int {
	if i < len(c.list) {
		return int(c.list[i])
	}
	return c.from + i - len(c.list)
}

// rawHit is a match: an article index and its score. Scores are ints,
// as fuzzy's: the adjacency bonus triples with each adjacent letter, so a
// match of 21 adjacent letters already overflows an int32.
type rawHit struct {
	idx   int32
	score int
}

// minParallel is the number of candidates below which splitting the work
// across goroutines costs more than it saves.
const minParallel = 4096

// matchTitles scores the candidates against pattern (already folded),
// splitting them across the cores, and returns the hits ranked as
// fuzzy.Find ranks (score descending, ties by index) and the matching
// indexes ascending (for narrowing). The caller holds the read lock.
func (ix *Index) matchTitles(pattern string, cand candidates) (*TitleResults, []int32) {
	r := ix.newResults(pattern)
	idxs := r.scoreAll(cand)
	return r, idxs
}

// newResults returns empty results for pattern over the index as it is.
func (ix *Index) newResults(pattern string) *TitleResults {
	return &TitleResults{arts: ix.articles, titles: ix.titles, pattern: pattern, patASCII: isASCII(pattern)}
}

// scoreAll scores the candidates on all cores, ranks the hits into r and
// returns the matching indexes ascending.
func (r *TitleResults) scoreAll(cand candidates) []int32 {
	pm := presenceMask(r.pattern)
	parts := splitWork(cand.len(), func(lo, hi int) []rawHit {
		return r.titles.matchRange(r.pattern, r.patASCII, pm, cand, lo, hi)
	})
	return r.rank(parts)
}

// splitWork runs f over [0, n) split in one range per core (one range
// below minParallel) and returns the results in range order.
func splitWork[T any](n int, f func(lo, hi int) T) []T {
	workers := runtime.GOMAXPROCS(0)
	if n < minParallel {
		workers = 1
	}
	workers = max(1, min(workers, n))
	parts := make([]T, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Go(func() { parts[w] = f(lo, hi) })
	}
	wg.Wait()
	return parts
}

// rank orders the parts' hits (each in index order, parts in index order)
// by score descending, ties in index order, as fuzzy.Find's stable sort
// orders them, and returns the matching indexes ascending. Scores span a
// small range, so a counting sort places every hit directly.
func (r *TitleResults) rank(parts [][]rawHit) []int32 {
	total := 0
	lo, hi := 0, -1
	for _, p := range parts {
		for _, h := range p {
			if total == 0 {
				lo, hi = h.score, h.score
			}
			lo, hi = min(lo, h.score), max(hi, h.score)
			total++
		}
	}
	idxs := make([]int32, 0, total)
	for _, p := range parts {
		for _, h := range p {
			idxs = append(idxs, h.idx)
		}
	}
	r.order = make([]int32, total)
	r.score = make([]int, total)
	if total == 0 {
		return idxs
	}
	// (Scores past an int64 wrap around, in fuzzy too: the unsigned
	// difference is the true one.)
	if uint64(hi-lo) > 1<<16 {
		all := make([]rawHit, 0, total)
		for _, p := range parts {
			all = append(all, p...)
		}
		slices.SortStableFunc(all, func(a, b rawHit) int { return cmp.Compare(b.score, a.score) })
		for i, h := range all {
			r.order[i], r.score[i] = h.idx, h.score
		}
		return idxs
	}
	// next[k]: where the next hit with score hi-k goes.
	next := make([]int, hi-lo+2)
	for _, p := range parts {
		for _, h := range p {
			next[hi-h.score+1]++
		}
	}
	for k := 1; k < len(next); k++ {
		next[k] += next[k-1]
	}
	for _, p := range parts {
		for _, h := range p {
			k := hi - h.score
			r.order[next[k]], r.score[next[k]] = h.idx, h.score
			next[k]++
		}
	}
	return idxs
}

// matchRange scores candidates lo..hi-1.
func (t *titleStore) matchRange(pattern string, patASCII bool, pm uint64, cand candidates, lo, hi int) []rawHit {
	// Most candidates of a narrowed search match: room for all of them
	// saves growing the slice as it fills.
	hits := make([]rawHit, 0, hi-lo)
	var matched []int
	for i := lo; i < hi; i++ {
		idx := cand.at(i)
		asc := t.ascii[idx]
		if asc && patASCII && t.masks[idx]&pm != pm {
			continue
		}
		score, ok := 0, false
		score, matched, ok = matchOne(pattern, patASCII, t.hays[idx], asc, matched[:0])
		if ok {
			hits = append(hits, rawHit{idx: int32(idx), score: score})
		}
	}
	return hits
}
