package stories

import (
	"context"
	"slices"

	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// edge is a candidate pair of articles i < j with their similarity.
type edge struct {
	i, j    int32
	content float64 // text similarity, dates ignored
	s       float64 // with dates
}

// candidateIndex is an inverted index of the articles' top terms: term
// t's postings are art[start[t]:start[t+1]] with weights
// w[start[t]:start[t+1]], articles ascending.
type candidateIndex struct {
	start []int32
	art   []int32
	w     []float32
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
	art := make([]int32, start[len(start)-1])
	w := make([]float32, len(art))
	for i, d := range docs {
		for k, t := range d.top {
			art[start[t+1]] = int32(i)
			w[start[t+1]] = d.topW[k]
			start[t+1]++
		}
	}
	return candidateIndex{start: start[:vocab+1], art: art, w: w, vocab: vocab}
}

// maxDocFreq is how many articles a term may be a top term of and still
// find candidates: a term everyone has tells nothing and costs the most.
func maxDocFreq(n int) int { return max(20, min(n/10, 300)) }

// candidateEdges finds every article's candidates (see edgeScanner.scan)
// on w workers, block by block, and returns the edges best first (ties by
// i, then j). The blocks' edges, concatenated in order, are the edges one
// scan would give, so the result does not depend on w.
func candidateEdges(ctx context.Context, docs []storyDoc, idx candidateIndex, w int, prog *progress) ([]edge, error) {
	n := len(docs)
	maxDF := maxDocFreq(n)
	blockEdges := make([][]edge, pool.NumBlocks(n))
	scanners := make([]edgeScanner, w)
	stop := &canceller{ctx: ctx}
	pool.Blocks(n, w, func(k, b, lo, hi int) {
		if stop.stopped() {
			return
		}
		sc := &scanners[k]
		if sc.acc == nil {
			sc.acc, sc.dense = make([]float32, n), make([]float32, idx.vocab)
		}
		var edges []edge
		for i := lo; i < hi; i++ {
			edges = sc.scan(edges, docs, idx, i, maxDF)
		}
		blockEdges[b] = edges
		prog.add(hi - lo)
	})
	if stop.cancelled() {
		return nil, ctx.Err()
	}
	total := 0
	for _, es := range blockEdges {
		total += len(es)
	}
	edges := make([]edge, 0, total)
	for _, es := range blockEdges {
		edges = append(edges, es...)
	}
	sortEdges(edges)
	return edges, nil
}

// sortEdges orders edges best first, ties by i, then j.
func sortEdges(edges []edge) {
	slices.SortFunc(edges, func(x, y edge) int {
		switch {
		case x.s > y.s:
			return -1
		case x.s < y.s:
			return 1
		case x.i != y.i:
			return int(x.i - y.i)
		}
		return int(x.j - y.j)
	})
}

// edgeScanner is one worker's scratch for scan.
type edgeScanner struct {
	acc []float32 // by article: the top-term score so far
	// dense holds article i's weights by term id while its candidates are
	// scored: a lookup per term instead of a merge.
	dense   []float32
	touched []int32
}

// scan appends article i's edges to later articles: those sharing a top
// term (one top term of at most maxDF articles), the maxCandidates with
// the highest top-term score (ties to the smaller index), each with its
// full similarity.
func (sc *edgeScanner) scan(edges []edge, docs []storyDoc, idx candidateIndex, i, maxDF int) []edge {
	acc, dense := sc.acc, sc.dense
	d := &docs[i]
	touched := sc.touched[:0]
	for k, t := range d.top {
		from, to := idx.start[t], idx.start[t+1]
		if to-from > int32(maxDF) {
			continue
		}
		for x := from; x < to; x++ {
			j := idx.art[x]
			if int(j) <= i {
				continue
			}
			if acc[j] == 0 {
				touched = append(touched, j)
			}
			acc[j] += d.topW[k] * idx.w[x]
		}
	}
	if len(touched) > maxCandidates {
		slices.SortFunc(touched, func(x, y int32) int {
			switch {
			case acc[x] > acc[y]:
				return -1
			case acc[x] < acc[y]:
				return 1
			}
			return int(x - y)
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
				content += float64(dense[id]) * float64(dj.vec.W[x])
			}
			edges = append(edges, edge{int32(i), j, content, content * dateFactor(*d, *dj)})
		}
		acc[j] = 0
	}
	for _, id := range d.vec.IDs {
		dense[id] = 0
	}
	sc.touched = touched
	return edges
}
