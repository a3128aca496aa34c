package search

import (
	"runtime"
	"sync"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
)

// TitleResults is the answer to a title query, ranked exactly as
// fuzzy.Find ranks (best score first, ties in index order), held compactly:
// an article index and a score per hit, no pointers. A TitleHit (with the
// matched offsets, computed again) is made only for the hits asked for, so
// that a query matching most of a million titles costs little more than
// scoring them, and a list shows the count and its first rows at once.
//
// An answer of a TitleSearcher is ranked lazily: its count and its best
// topK hits at once, the rest when one of them is first asked for (see
// title_bound.go).
//
// A TitleResults never changes: articles added to the index later, or
// story names set, are not in it. It is safe for concurrent use. The nil
// *TitleResults holds no hits.
type TitleResults struct {
	arts     []*corpus.Article
	titles   titleStore // as it was when searched
	pattern  string
	patASCII bool
	order    []int32 // article indexes, best first (when lazy, once allOnce ran)
	score    []int   // their scores

	lazy    bool
	matches []int32  // when lazy: the matching indexes, ascending
	top     []rawHit // when lazy: the best min(topK, len(matches)) hits
	allOnce sync.Once
}

// Len returns the number of hits.
func (r *TitleResults) Len() int {
	if r == nil {
		return 0
	}
	if r.lazy {
		return len(r.matches)
	}
	return len(r.order)
}

// at returns the article index and score of the i-th hit, ranking every
// hit of a lazy answer when i is below its top.
func (r *TitleResults) at(i int) (idx int32, score int) {
	if r.lazy {
		if i < len(r.top) {
			return r.top[i].idx, r.top[i].score
		}
		r.rankAll()
	}
	return r.order[i], r.score[i]
}

// rankedPrefix returns how many of the best hits are ranked without
// ranking them all.
func (r *TitleResults) rankedPrefix() int {
	if r.lazy {
		return len(r.top)
	}
	return len(r.order)
}

// rankAll ranks every hit of a lazy answer into order and score.
func (r *TitleResults) rankAll() {
	r.allOnce.Do(func() { r.scoreAll(candidates{list: r.matches}) })
}

// ranked returns the i-th hit of order and score (ranked already).
func (r *TitleResults) ranked(i int) (idx int32, score int) { return r.order[i], r.score[i] }

// Index returns the index (in the Index's order) of the i-th hit's
// article, without making its TitleHit.
func (r *TitleResults) Index(i int) int {
	idx, _ := r.at(i)
	return int(idx)
}

// Article returns the i-th hit's article.
func (r *TitleResults) Article(i int) *corpus.Article {
	idx, _ := r.at(i)
	return r.arts[idx]
}

// Hit returns the i-th hit (0 is the best).
func (r *TitleResults) Hit(i int) TitleHit {
	idx, score := r.at(i)
	hay := r.titles.hays[idx]
	_, matched, _ := matchOne(r.pattern, r.patASCII, hay, r.titles.ascii[idx], nil)
	return TitleHit{
		Article: r.arts[idx],
		Index:   int(idx),
		Score:   score,
		Story:   r.titles.stories[idx],
		matched: matched,
		hay:     hay,
	}
}

// Hits returns the hits from..to-1 (clamped to the hits there are).
func (r *TitleResults) Hits(from, to int) []TitleHit {
	from, to = max(from, 0), min(to, r.Len())
	if from >= to {
		return nil
	}
	out := make([]TitleHit, to-from)
	r.fill(out, from, r.at)
	return out
}

// All returns every hit, best first, made on all cores.
func (r *TitleResults) All() []TitleHit {
	out := make([]TitleHit, r.Len())
	if r.lazy {
		r.rankAll()
	}
	workers := runtime.GOMAXPROCS(0)
	if len(out) < minParallel {
		workers = 1
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(out)/workers, (w+1)*len(out)/workers
		wg.Go(func() { r.fill(out[lo:hi], lo, r.ranked) })
	}
	wg.Wait()
	return out
}

// fill makes out[k] the hit from+k, found by at. The matched offsets of
// all of them share one array (a hit has one per rune of the pattern).
func (r *TitleResults) fill(out []TitleHit, from int, at func(int) (int32, int)) {
	matched := make([]int, 0, len(out)*utf8.RuneCountInString(r.pattern))
	ends := make([]int32, len(out))
	for k := range out {
		idx, score := at(from + k)
		hay := r.titles.hays[idx]
		_, matched, _ = matchOne(r.pattern, r.patASCII, hay, r.titles.ascii[idx], matched)
		ends[k] = int32(len(matched))
		out[k] = TitleHit{Article: r.arts[idx], Index: int(idx), Score: score, Story: r.titles.stories[idx], hay: hay}
	}
	// Taken only now, from the array matched ended in.
	start := int32(0)
	for k := range out {
		out[k].matched = matched[start:ends[k]:ends[k]]
		start = ends[k]
	}
}
