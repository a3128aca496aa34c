package stories

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"

	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// Edge is a candidate pair grouping found: articles A and B (their
// numbers, A added before B), their text similarity (Content, dates
// ignored) and their similarity with dates (Score). B's scan found it: an
// article looks for candidates among the articles added before it, so an
// article added later never changes the edges found before it.
type Edge struct {
	A, B    int64
	Content float64
	Score   float64
}

// Slack groups: articles whose dates have one slack share a group of the
// candidate index, so that the articles within reach of a date are one
// range of each group; undated articles are a group of their own.
var groupSlack = [...]float64{0, 3, 16, 183}

const undatedGroup = len(groupSlack)

// slackGroup is the index group of an article.
func slackGroup(d *storyDoc) int {
	if math.IsNaN(d.day) {
		return undatedGroup
	}
	for g, s := range groupSlack {
		if d.slack == s {
			return g
		}
	}
	return 1 // dateSlack gives no other value
}

// posting is one article having a term among its top terms: its place in
// the docs, its weight, and its key (group, then day) the postings of a
// term are sorted by.
type posting struct {
	doc int32
	w   float32
	key float64
}

// groupSpan separates the groups in a posting key: days since 1970 stay
// well within it.
const groupSpan = 1e7

func postingKey(d *storyDoc) float64 {
	g := slackGroup(d)
	if g == undatedGroup {
		return float64(g) * groupSpan
	}
	return float64(g)*groupSpan + d.day
}

// candidateIndex is an inverted index of the articles' top terms: term
// t's postings are post[start[t]:start[t+1]], sorted by key, then by
// article number.
type candidateIndex struct {
	start []int32
	post  []posting
	vocab int32 // term ids are below vocab
}

// buildCandidateIndex indexes every article's top terms.
func buildCandidateIndex(docs []storyDoc) candidateIndex {
	vocab := int32(0)
	for _, d := range docs {
		if len(d.vec.IDs) > 0 {
			vocab = max(vocab, d.vec.IDs[len(d.vec.IDs)-1]+1)
		}
	}
	start := make([]int32, vocab+2)
	for _, d := range docs {
		for _, t := range d.top {
			start[t+2]++
		}
	}
	for t := 2; t < len(start); t++ {
		start[t] += start[t-1]
	}
	// start[t+1] is now where term t's postings start; filling moves it to
	// where they end, which is where term t+1's start.
	post := make([]posting, start[len(start)-1])
	for i := range docs {
		d := &docs[i]
		key := postingKey(d)
		for k, t := range d.top {
			post[start[t+1]] = posting{int32(i), d.topW[k], key}
			start[t+1]++
		}
	}
	start = start[:vocab+1]
	for t := int32(0); t < vocab; t++ {
		ps := post[start[t]:start[t+1]]
		slices.SortFunc(ps, func(x, y posting) int {
			switch {
			case x.key < y.key:
				return -1
			case x.key > y.key:
				return 1
			}
			return cmp.Compare(docs[x.doc].n, docs[y.doc].n)
		})
	}
	return candidateIndex{start: start, post: post, vocab: vocab}
}

// inReach reports whether article d may link to article o: o was added
// before it, and both are undated or both dated at most relatedDays apart
// beyond their slack. An undated article is grouped only with undated
// ones: without a date it has no window to look in.
func inReach(d, o *storyDoc) bool {
	if o.n >= d.n {
		return false
	}
	du, ou := math.IsNaN(d.day), math.IsNaN(o.day)
	if du || ou {
		return du && ou
	}
	return dayGap(*d, *o) <= relatedDays
}

// eachInReach calls fn for each posting of ps whose article is in d's
// reach, until fn returns false. It looks only at the part of each group
// whose dates can be in reach.
func eachInReach(ps []posting, docs []storyDoc, d *storyDoc, fn func(p posting) bool) {
	groups := []int{undatedGroup}
	if !math.IsNaN(d.day) {
		groups = []int{0, 1, 2, 3}
	}
	for _, g := range groups {
		lo, hi := float64(g)*groupSpan, float64(g)*groupSpan
		if g != undatedGroup {
			// One day more on each side than reach: the exact test is
			// inReach's.
			r := relatedDays + d.slack + groupSlack[g] + 1
			lo, hi = lo+d.day-r, hi+d.day+r
		}
		from := sort.Search(len(ps), func(x int) bool { return ps[x].key >= lo })
		for x := from; x < len(ps) && ps[x].key <= hi; x++ {
			if inReach(d, &docs[ps[x].doc]) && !fn(ps[x]) {
				return
			}
		}
	}
}

// maxDocFreq is how many of the articles an article may link to may have
// a term among their top terms for the term to find it candidates: a
// term everyone has tells nothing and costs the most.
const maxDocFreq = 300

// edgeScanner is one worker's scratch for scan.
type edgeScanner struct {
	acc []float32 // by doc: the top-term score so far
	// dense holds article i's weights by term id while its candidates are
	// scored: a lookup per term instead of a merge.
	dense   []float32
	touched []int32
}

func newEdgeScanner(docs []storyDoc, idx candidateIndex) *edgeScanner {
	vocab := idx.vocab
	for _, d := range docs {
		if len(d.vec.IDs) > 0 {
			vocab = max(vocab, d.vec.IDs[len(d.vec.IDs)-1]+1)
		}
	}
	return &edgeScanner{acc: make([]float32, len(docs)), dense: make([]float32, vocab)}
}

// scan appends article i's edges to out: its candidates are the articles
// in its reach (inReach) sharing a top term with it, through top terms
// that at most maxDocFreq of them have; it keeps the maxCandidates with
// the highest top-term score (ties to the article added first), and of
// those the ones whose similarity (dates ignored) reaches thr, with their
// similarity and their score scaled by dates. An article's edges depend
// only on the articles in its reach: the index may hold any set of
// articles that includes them.
func (sc *edgeScanner) scan(out []Edge, docs []storyDoc, idx candidateIndex, i int, thr float64) []Edge {
	acc, dense := sc.acc, sc.dense
	d := &docs[i]
	touched := sc.touched[:0]
	for k, t := range d.top {
		if t >= idx.vocab {
			continue
		}
		ps := idx.post[idx.start[t]:idx.start[t+1]]
		n := 0
		eachInReach(ps, docs, d, func(posting) bool { n++; return n <= maxDocFreq })
		if n > maxDocFreq {
			continue
		}
		eachInReach(ps, docs, d, func(p posting) bool {
			if acc[p.doc] == 0 {
				touched = append(touched, p.doc)
			}
			acc[p.doc] += d.topW[k] * p.w
			return true
		})
	}
	if len(touched) > maxCandidates {
		slices.SortFunc(touched, func(x, y int32) int {
			switch {
			case acc[x] > acc[y]:
				return -1
			case acc[x] < acc[y]:
				return 1
			}
			return cmp.Compare(docs[x].n, docs[y].n)
		})
	}
	for k, id := range d.vec.IDs {
		dense[id] = d.vec.W[k]
	}
	for k, j := range touched {
		if k < maxCandidates {
			// The same sum, in the same order, as tfidf.Dot(d.vec,
			// docs[j].vec): terms d lacks add zero.
			var content float64
			dj := &docs[j]
			for x, id := range dj.vec.IDs {
				if int(id) < len(dense) {
					content += float64(dense[id]) * float64(dj.vec.W[x])
				}
			}
			if content >= thr {
				out = append(out, Edge{A: dj.n, B: d.n, Content: content, Score: content * dateFactor(*d, *dj)})
			}
		}
		acc[j] = 0
	}
	for _, id := range d.vec.IDs {
		dense[id] = 0
	}
	sc.touched = touched
	return out
}

// scanAll finds the edges of the docs at the given places (all docs when
// nil), on w workers, in block order: the result does not depend on w.
func scanAll(ctx context.Context, docs []storyDoc, idx candidateIndex, which []int, thr float64, w int, prog *progress) ([]Edge, error) {
	n := len(docs)
	if which != nil {
		n = len(which)
	}
	blockEdges := make([][]Edge, pool.NumBlocks(n))
	scanners := make([]*edgeScanner, w)
	stop := &canceller{ctx: ctx}
	pool.Blocks(n, w, func(k, b, lo, hi int) {
		if stop.stopped() {
			return
		}
		if scanners[k] == nil {
			scanners[k] = newEdgeScanner(docs, idx)
		}
		var edges []Edge
		for x := lo; x < hi; x++ {
			i := x
			if which != nil {
				i = which[x]
			}
			edges = scanners[k].scan(edges, docs, idx, i, thr)
		}
		blockEdges[b] = edges
		prog.add(hi - lo)
	})
	if stop.cancelled() {
		return nil, ctx.Err()
	}
	return slices.Concat(blockEdges...), nil
}
