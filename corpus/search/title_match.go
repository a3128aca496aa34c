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
	return ix.rankTitles(parts)
}

// rankTitles merges the parts' hits (each in index order, parts in index
// order) into TitleHits ordered by score descending, ties in index order,
// as fuzzy.Find's stable sort orders them, and returns the matching
// indexes ascending. Scores span a small range, so a counting sort places
// every hit directly.
func (ix *Index) rankTitles(parts []titlePart) ([]TitleHit, []int32) {
	total := 0
	lo, hi := int32(0), int32(-1)
	for _, p := range parts {
		for _, h := range p.hits {
			if total == 0 {
				lo, hi = h.score, h.score
			}
			lo, hi = min(lo, h.score), max(hi, h.score)
			total++
		}
	}
	idxs := make([]int32, 0, total)
	for _, p := range parts {
		for _, h := range p.hits {
			idxs = append(idxs, h.idx)
		}
	}
	out := make([]TitleHit, total)
	if total == 0 {
		return out, idxs
	}
	hit := func(p *titlePart, h rawHit) TitleHit {
		return TitleHit{
			Article: ix.articles[h.idx],
			Index:   int(h.idx),
			Score:   int(h.score),
			Story:   ix.titles.stories[h.idx],
			matched: p.matched[h.m0:h.m1:h.m1],
			hay:     ix.titles.hays[h.idx],
		}
	}
	if int(hi)-int(lo) > 1<<16 {
		i := 0
		for pi := range parts {
			for _, h := range parts[pi].hits {
				out[i] = hit(&parts[pi], h)
				i++
			}
		}
		slices.SortStableFunc(out, func(a, b TitleHit) int { return cmp.Compare(b.Score, a.Score) })
		return out, idxs
	}
	// next[k]: where the next hit with score hi-k goes.
	next := make([]int, int(hi-lo)+2)
	for _, p := range parts {
		for _, h := range p.hits {
			next[hi-h.score+1]++
		}
	}
	for k := 1; k < len(next); k++ {
		next[k] += next[k-1]
	}
	for pi := range parts {
		for _, h := range parts[pi].hits {
			k := hi - h.score
			out[next[k]] = hit(&parts[pi], h)
			next[k]++
		}
	}
	return out, idxs
}

// matchRange scores candidates lo..hi-1.
func (ix *Index) matchRange(pattern string, patASCII bool, pm uint64, cand candidates, lo, hi int) titlePart {
	// Most candidates of a narrowed search match: room for all of them
	// saves growing the slices as they fill.
	p := titlePart{
		hits:    make([]rawHit, 0, hi-lo),
		matched: make([]int, 0, min((hi-lo)*len(pattern), 1<<20)),
	}
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
