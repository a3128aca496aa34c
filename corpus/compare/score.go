package compare

import (
	"math"
	"slices"

	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// News priors on passage similarity. They follow from how news is written
// and were checked (not fitted) on ../shared/eval/news_ecb:
//   - posPrior: accounts tend to tell a story in a similar order, so a pair
//     loses up to 30% of its score as its relative positions drift apart;
//     it never forbids crossing links, which are common;
//   - leadPrior: headlines and leads summarise the main event, so pairs near
//     the top of both articles gain up to 30%.
const (
	posPrior  = 0.3
	leadPrior = 0.3
)

// score fills the pairwise passage similarity matrices, one pair of
// articles per task on up to w goroutines. Each article's passages are
// indexed by term (postings), so a passage meets only the passages that
// share a term with it; every other pair scores 0 without being looked at.
// A pair's terms are summed in ascending term id, as a merge of the two
// sparse vectors would, so the scores do not depend on the method.
func (c *Comparison) score(an [][]analysed, w int) {
	n := len(an)
	vocab, most := int32(0), 0
	for i := range an {
		most = max(most, len(an[i]))
		for _, a := range an[i] {
			for _, id := range a.vec.IDs {
				vocab = max(vocab, id+1)
			}
		}
	}
	lead := leadWeights(most)
	post := make([]postings, n)
	pool.ForEach(n-1, w, func(_, x int) {
		j := x + 1 // article 0 is never the second of a pair
		post[j] = buildPostings(an[j], vocab)
	})
	type pair struct{ i, j int }
	var pairs []pair
	c.scores = make([][]sparseScores, n)
	for i := 0; i < n; i++ {
		c.scores[i] = make([]sparseScores, n)
		for j := i + 1; j < n; j++ {
			pairs = append(pairs, pair{i, j})
		}
	}
	scratch := make([]pairScorer, w)
	pool.ForEach(len(pairs), w, func(k, x int) {
		i, j := pairs[x].i, pairs[x].j
		c.scores[i][j] = scratch[k].score(an[i], an[j], post[j], lead)
	})
}

// leadWeights is the lead prior's weight of each position below most:
// e^(-p/3).
func leadWeights(most int) []float64 {
	lead := make([]float64, most)
	for p := range lead {
		lead[p] = math.Exp(-float64(p) / 3)
	}
	return lead
}

// posting is a passage q that has a term, with the term's weight there.
type posting struct {
	q int32
	w float32
}

// postings indexes one article's passages by term: term t's postings are
// post[start[t]:start[t+1]], passages ascending.
type postings struct {
	post  []posting
	start []int32
}

// of is term t's postings.
func (ps postings) of(t int32) []posting { return ps.post[ps.start[t]:ps.start[t+1]] }

// buildPostings indexes an article's passages by term; term ids are below
// vocab.
func buildPostings(art []analysed, vocab int32) postings {
	st := make([]int32, vocab+2)
	size := 0
	for _, a := range art {
		for _, id := range a.vec.IDs {
			st[id+2]++
		}
		size += len(a.vec.IDs)
	}
	for t := 2; t < len(st); t++ {
		st[t] += st[t-1]
	}
	// st[t+1] is now where term t's postings start; filling moves it to
	// where they end, which is where term t+1's start.
	ps := make([]posting, size)
	for q, a := range art {
		for k, id := range a.vec.IDs {
			ps[st[id+1]] = posting{int32(q), a.vec.W[k]}
			st[id+1]++
		}
	}
	return postings{post: ps, start: st[:vocab+1]}
}

// pairScorer is one worker's scratch for scoring pairs of articles.
type pairScorer struct {
	acc     []float64 // by passage of the second article: the dot product so far
	mark    []bool    // by passage: acc is in use
	touched []int32
	qs      []int32
	vs      []float32
}

// score is the similarity matrix of the passages of two articles (ai
// first), with the news priors applied (see prior); ps indexes aj.
func (sc *pairScorer) score(ai, aj []analysed, ps postings, lead []float64) sparseScores {
	if sc.acc == nil {
		sc.acc = make([]float64, len(lead))
		sc.mark = make([]bool, len(lead))
	}
	acc, mark, touched := sc.acc, sc.mark, sc.touched[:0]
	ni, nj := len(ai), len(aj)
	m := sparseScores{start: make([]int32, 1, ni+1)}
	// The cells go to the scratch first, then to slices of their exact
	// size.
	qs, vs := sc.qs[:0], sc.vs[:0]
	for p := range ai {
		pv := ai[p].vec
		for t, id := range pv.IDs {
			pw := pv.W[t]
			for _, po := range ps.of(id) {
				if !mark[po.q] {
					mark[po.q] = true
					touched = append(touched, po.q)
				}
				acc[po.q] += float64(pw * po.w)
			}
		}
		touched = ascending(touched, mark, nj)
		for _, q := range touched {
			v := acc[q]
			acc[q], mark[q] = 0, false
			qs = append(qs, q)
			vs = append(vs, float32(prior(v, p, int(q), ni, nj, lead)))
		}
		m.start = append(m.start, int32(len(qs)))
		touched = touched[:0]
	}
	m.q, m.v = slices.Clone(qs), slices.Clone(vs)
	sc.touched, sc.qs, sc.vs = touched, qs, vs
	return m
}

// ascending puts the touched columns in ascending order: it sorts a few,
// or sweeps the marks of all n when many are touched.
func ascending(touched []int32, mark []bool, n int) []int32 {
	if len(touched) > 0 && len(touched)*8 < n {
		slices.Sort(touched)
	} else if len(touched) > 0 {
		touched = touched[:0]
		for q := range n {
			if mark[q] {
				touched = append(touched, int32(q))
			}
		}
	}
	return touched
}

// prior applies the news priors to the cosine v of passage p of ni and
// passage q of nj: up to posPrior off as their relative positions drift
// apart, up to leadPrior on for pairs near the top of both (lead holds
// the weights by position), at most 1.
func prior(v float64, p, q, ni, nj int, lead []float64) float64 {
	if v > 0 && posPrior > 0 {
		rp := float64(p) / float64(max(1, ni-1))
		rq := float64(q) / float64(max(1, nj-1))
		v *= 1 - posPrior*math.Abs(rp-rq)
	}
	if v > 0 && leadPrior > 0 {
		v *= 1 + leadPrior*(lead[p]+lead[q])/2
		if v > 1 { // math.Min(v, 1) for the positive v here
			v = 1
		}
	}
	return v
}

// sparseScores is a passage similarity matrix with its zeros left out:
// row p's nonzero cells are in columns q[start[p]:start[p+1]] (ascending)
// with values v[start[p]:start[p+1]]. Most pairs of passages share no term,
// so this is several times smaller than the full matrix.
type sparseScores struct {
	start []int32
	q     []int32
	v     []float32
}

// at is cell (p, q), 0 when left out.
func (m *sparseScores) at(p, q int) float32 {
	lo, hi := int(m.start[p]), int(m.start[p+1])
	if x, ok := slices.BinarySearch(m.q[lo:hi], int32(q)); ok {
		return m.v[lo+x]
	}
	return 0
}
