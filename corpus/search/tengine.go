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

// rawHit is a match before it becomes a TitleHit.
type rawHit struct {
	idx   int32
	score int32
	m0    int32 // matched offsets: part.matched[m0:m1]
	m1    int32
}

type titlePart struct {
	hits    []rawHit
	matched []int
}

// ranked is a raw hit and the part holding its matched offsets.
type ranked struct {
	rawHit
	part int32
}

// rankHits orders hits (given in index order) by score descending, ties
// in index order, as fuzzy.Find's stable sort does. Scores span a small
// range, so a counting sort does it in linear time.
func rankHits(hs []ranked) []ranked {
	if len(hs) < 2 {
		return hs
	}
	lo, hi := hs[0].score, hs[0].score
	for _, h := range hs {
		lo, hi = min(lo, h.score), max(hi, h.score)
	}
	if int(hi)-int(lo) > 1<<16 {
		slices.SortStableFunc(hs, func(a, b ranked) int { return cmp.Compare(b.score, a.score) })
		return hs
	}
	count := make([]int, int(hi-lo)+2)
	for _, h := range hs {
		count[hi-h.score+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	out := make([]ranked, len(hs))
	for _, h := range hs {
		k := hi - h.score
		out[count[k]] = h
		count[k]++
	}
	return out
}

// minParallel is the number of candidates below which splitting the work
// across goroutines costs more than it saves.
const minParallel = 4096

// matchTitles scores the candidates against pattern (already folded),
// splitting them across the cores, and returns the hits ranked as
// fuzzy.Find ranks (score descending, ties by index) and the matching
// indexes ascending (for narrowing). The caller holds the read lock.
func (ix *Index) matchTitles(pattern string, cand candidates, _ []int32) ([]TitleHit, []int32) {
	n := cand.len()
	workers := runtime.GOMAXPROCS(0)
	if n < minParallel {
		workers = 1
	}
	workers = max(1, min(workers, n))
	parts := make([]titlePart, workers)
	patASCII := isASCII(pattern)
	pm := presenceMask(pattern)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = ix.matchRange(pattern, patASCII, pm, cand, lo, hi)
		}()
	}
	wg.Wait()
	total := 0
	for _, p := range parts {
		total += len(p.hits)
	}
	all := make([]ranked, 0, total)
	idxs := make([]int32, 0, total)
	for pi, p := range parts {
		for _, h := range p.hits {
			all = append(all, ranked{h, int32(pi)})
			idxs = append(idxs, h.idx)
		}
	}
	// Score descending, then index: the order of fuzzy.Find's stable sort.
	all = rankHits(all)
	out := make([]TitleHit, len(all))
	for i, h := range all {
		out[i] = TitleHit{
			Article: ix.articles[h.idx],
			Index:   int(h.idx),
			Score:   int(h.score),
			Story:   ix.titles.stories[h.idx],
			matched: parts[h.part].matched[h.m0:h.m1:h.m1],
		}
	}
	return out, idxs
}

// matchRange scores candidates lo..hi-1.
func (ix *Index) matchRange(pattern string, patASCII bool, pm uint64, cand candidates, lo, hi int) titlePart {
	var p titlePart
	t := &ix.titles
	for i := lo; i < hi; i++ {
		idx := cand.at(i)
		asc := t.ascii[idx]
		if asc && patASCII && t.masks[idx]&pm != pm {
			continue
		}
		m0 := len(p.matched)
		score, matched, ok := matchOne(pattern, patASCII, t.hays[idx], asc, p.matched)
		p.matched = matched
		if !ok {
			continue
		}
		p.hits = append(p.hits, rawHit{idx: int32(idx), score: int32(score), m0: int32(m0), m1: int32(len(matched))})
	}
	return p
}
