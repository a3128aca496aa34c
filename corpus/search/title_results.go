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
// A TitleResults never changes: articles added to the index later, or
// story names set, are not in it. It is safe for concurrent use. The nil
// *TitleResults holds no hits.
type TitleResults struct {
	arts     []*corpus.Article
	titles   titleStore // as it was when searched
	pattern  string
	patASCII bool
	order    []int32 // article indexes, best first
	score    []int32 // their scores
}

// Len returns the number of hits.
func (r *TitleResults) Len() int {
	if r == nil {
		return 0
	}
	return len(r.order)
}

// Index returns the index (in the Index's order) of the i-th hit's
// article, without making its TitleHit.
func (r *TitleResults) Index(i int) int { return int(r.order[i]) }

// Article returns the i-th hit's article.
func (r *TitleResults) Article(i int) *corpus.Article { return r.arts[r.order[i]] }

// Hit returns the i-th hit (0 is the best).
func (r *TitleResults) Hit(i int) TitleHit {
	idx := r.order[i]
	hay := r.titles.hays[idx]
	_, matched, _ := matchOne(r.pattern, r.patASCII, hay, r.titles.ascii[idx], nil)
	return TitleHit{
		Article: r.arts[idx],
		Index:   int(idx),
		Score:   int(r.score[i]),
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
	r.fill(out, from)
	return out
}

// All returns every hit, best first, made on all cores.
func (r *TitleResults) All() []TitleHit {
	out := make([]TitleHit, r.Len())
	workers := runtime.GOMAXPROCS(0)
	if len(out) < minParallel {
		workers = 1
	}
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(out)/workers, (w+1)*len(out)/workers
		wg.Go(func() { r.fill(out[lo:hi], lo) })
	}
	wg.Wait()
	return out
}

// fill makes out[k] the hit from+k. The matched offsets of all of them
// share one array (a hit has one per rune of the pattern).
func (r *TitleResults) fill(out []TitleHit, from int) {
	matched := make([]int, 0, len(out)*utf8.RuneCountInString(r.pattern))
	ends := make([]int32, len(out))
	for k := range out {
		i := from + k
		idx := r.order[i]
		hay := r.titles.hays[idx]
		_, matched, _ = matchOne(r.pattern, r.patASCII, hay, r.titles.ascii[idx], matched)
		ends[k] = int32(len(matched))
		out[k] = TitleHit{Article: r.arts[idx], Index: int(idx), Score: int(r.score[i]), Story: r.titles.stories[idx], hay: hay}
	}
	// Taken only now, from the array matched ended in.
	start := int32(0)
	for k := range out {
		out[k].matched = matched[start:ends[k]:ends[k]]
		start = ends[k]
	}
}
