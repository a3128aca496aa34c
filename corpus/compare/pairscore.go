package compare

import (
	"math"
	"slices"

	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/lexicon"
)

// scoring is how a pair of passages is scored and linked;
// defaultScoring is what Compare uses (measured on ../shared/eval: see the
// README's "How passages are lined up"). The evaluation tests vary it;
// nothing else does.
type scoring struct {
	// vector is the weight of the sentence vectors' cosine against the
	// terms' (0..1).
	vector float32
	// bgMix is the weight of a term's background IDF against the pair's
	// own (tfidf.MixedIDF).
	bgMix float64
	// neigh is the gain from the diagonal neighbours (the passages before
	// both and after both): accounts often tell a fact over two
	// sentences in the same order. A neighbour counts at most neighCap
	// more than the cell itself.
	neigh, neighCap float32
	// pos: a pair loses up to pos of its score as the passages' relative
	// positions in their articles drift apart (accounts tend to tell a
	// story in a similar order; it never forbids crossing). lead: pairs
	// near the top of both (headline, lead) gain up to lead. Positions
	// count the passages that have any content (a dateline has none).
	pos, lead float64
	// The guard: a pair scoring guardFrom or more may make a row only if
	// guardWords content words (background IDF guardContent or more) of
	// each passage are in the other, or have a word there whose vector
	// cosine is guardNear or more (all names together count once). A pair
	// that fails keeps guardKeep × its score for links. (A guardNear of
	// lexicon.NearFloor or more is a look-up in the near lists; below, a
	// dot product per pair of words.)
	guardFrom, guardContent, guardNear, guardKeep float32
	guardWords                                    int
	// stand: a pair's link strength is its score standing out from both
	// passages' usual best: (1 + stand) × score − stand × the mean of the
	// two passages' three best scores in the pair (cross-
	// domain similarity local scaling, CSLS), never more than the score
	// itself. A passage that resembles every sentence of the other account
	// a little links to none.
	stand float32
	// conflictKeep: a pair passing the guard whose passages both name
	// entities, none of them shared (the same kind of event elsewhere:
	// "a quake hit Iran" beside "a quake hit Aceh"), keeps conflictKeep
	// of its score for links.
	conflictKeep float32
}

var defaultScoring = scoring{vector: 0.4, bgMix: 0.5, neigh: 0.3, neighCap: 0.2, pos: 0.3, lead: 0.5,
	guardFrom: 0.3, guardContent: 4, guardNear: 0.7, guardKeep: 0.15, guardWords: 2, conflictKeep: 0.8,
	stand: 1}

// pairMatrix is the passage similarities of two articles (i before j):
// v[p*nj+q] for passage p of i and q of j, 0..1; the pair's link
// strength, link[p*nj+q] (see scoring.stand; the guard applied), which
// links are chosen by, while the pair is scored (it is the scorer's
// scratch, nil afterwards); and the links chosen (pairLinks).
type pairMatrix struct {
	ni, nj int
	v      []float32
	link   []float32
	links  []link
}

// at is the similarity of passage p of the first article and q of the
// second.
func (m *pairMatrix) at(p, q int) float32 { return m.v[p*m.nj+q] }

// linkAt is their link strength.
func (m *pairMatrix) linkAt(p, q int) float32 { return m.link[p*m.nj+q] }

// score fills c.pairs, one pair of articles per task on up to w
// goroutines, and picks each pair's links at or above thr (pairLinks).
// Each pair's scores and links depend on the two articles only.
func (c *Comparison) score(fs []artFeatures, vocab int32, lex *lexicon.Lexicon, sc *scoring, thr float32, w int) {
	n := len(fs)
	pool.ForEach(n, w, func(_, i int) { fs[i].index(vocab) })
	most := 0
	for i := range fs {
		most = max(most, fs[i].n())
	}
	lead := leadWeights(most)
	type pair struct{ i, j int }
	var pairs []pair
	c.pairs = make([][]pairMatrix, n)
	for i := range n {
		c.pairs[i] = make([]pairMatrix, n)
		for j := i + 1; j < n; j++ {
			pairs = append(pairs, pair{i, j})
		}
	}
	var present []uint64
	if n > 0 {
		present = comparisonWords(fs, lex.Len())
	}
	scratch := make([]pairScorer, w)
	pool.ForEach(len(pairs), w, func(k, x int) {
		i, j := pairs[x].i, pairs[x].j
		s := &scratch[k]
		if s.idf == nil {
			*s = newPairScorer(lex, sc, vocab, lead, present, fs[0].words)
		}
		m := s.score(&fs[i], &fs[j])
		m.links = pairLinks(&m, i, j, thr, nil)
		m.link = nil // the scorer's scratch, which the next pair reuses
		c.pairs[i][j] = m
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

// index counts in how many passages each term occurs, numbers the
// passages that have content (pos: a dateline is not counted; pos[n] is
// how many there are), and indexes the passages by term (postings).
func (f *artFeatures) index(vocab int32) {
	f.pos = make([]int32, f.n()+1)
	k := int32(0)
	for p := range f.n() {
		f.pos[p] = k
		if f.off[p+1] > f.off[p] || f.hasVec[p] {
			k++
		}
	}
	f.pos[f.n()] = k
	f.df = make([]int32, vocab)
	for _, t := range f.terms {
		f.df[t.id]++
	}
	f.post = buildPostings(f, vocab)
}

// posting is a passage q that has a term, at x in its article's terms.
type posting struct{ q, x int32 }

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
func buildPostings(f *artFeatures, vocab int32) postings {
	st := make([]int32, vocab+2)
	for _, t := range f.terms {
		st[t.id+2]++
	}
	for t := 2; t < len(st); t++ {
		st[t] += st[t-1]
	}
	// st[t+1] is now where term t's postings start; filling moves it to
	// where they end, which is where term t+1's start.
	ps := make([]posting, len(f.terms))
	for q := range f.n() {
		for x := f.off[q]; x < f.off[q+1]; x++ {
			id := f.terms[x].id
			ps[st[id+1]] = posting{int32(q), x}
			st[id+1]++
		}
	}
	return postings{post: ps, start: st[:vocab+1]}
}

// pairScorer is one worker's scratch for scoring pairs of articles.
type pairScorer struct {
	lex  *lexicon.Lexicon
	sc   *scoring
	lead []float64
	// The pair's own IDF of each term, valid where stamp is the pair's.
	idf   []float32
	stamp []int32
	pairN int32
	wi    []float32 // weights of the first article's terms
	wj    []float32 // and of the second's
	base  []float32 // the scores before the neighbours' gain
	link  []float32 // the link strengths of the pair being scored
	near  nearCache
	bt    []float32 // the second article's vectors, transposed (vectors)
	dots  []float32 // one passage's cosines with the second's (vectors)
	// Each passage's relative position and lead weight, for priors.
	relI, relJ []float64
	leadJ      []float64
}

// newPairScorer is a worker's scratch for a comparison with vocab term ids,
// the lead prior's weights, and words words (numbered) whose set is
// present (comparisonWords).
func newPairScorer(lex *lexicon.Lexicon, sc *scoring, vocab int32, lead []float64, present []uint64, words int) pairScorer {
	return pairScorer{lex: lex, sc: sc, lead: lead, idf: make([]float32, vocab), stamp: make([]int32, vocab),
		near: newNearCache(present, words)}
}

// score is the similarity matrix of the passages of two articles, in
// named steps: the terms' cosine, the sentence vectors' cosine beside it,
// the neighbours' gain, the news priors; then the guard and the link
// strength (in the scorer's scratch, valid until the next pair).
func (s *pairScorer) score(fi, fj *artFeatures) pairMatrix {
	ni, nj := fi.n(), fj.n()
	s.link = slices.Grow(s.link[:0], ni*nj)[:ni*nj] // guard fills it
	m := pairMatrix{ni: ni, nj: nj, v: make([]float32, ni*nj), link: s.link}
	if ni == 0 || nj == 0 {
		return m
	}
	s.pairN++
	docs := float64(ni + nj)
	s.wi = s.weigh(fi, fj, docs, s.wi)
	s.wj = s.weigh(fj, fi, docs, s.wj)
	s.lexical(&m, fi, fj)
	s.vectors(&m, fi, fj)
	s.neighbours(&m)
	s.priors(&m, fi, fj)
	s.guard(&m, fi, fj)
	s.strength(&m)
	return m
}

// weigh is the weight of each term of article f in the pair (f, o): its
// term frequency times tfidf.MixedIDF over the pair's docs passages,
// L2-normalised per passage; into dst's storage.
func (s *pairScorer) weigh(f, o *artFeatures, docs float64, dst []float32) []float32 {
	if cap(dst) < len(f.terms) {
		dst = make([]float32, len(f.terms))
	}
	dst = dst[:len(f.terms)]
	for p := range f.n() {
		var norm float64
		lo, hi := f.off[p], f.off[p+1]
		for x := lo; x < hi; x++ {
			t := &f.terms[x]
			if s.stamp[t.id] != s.pairN {
				s.stamp[t.id] = s.pairN
				s.idf[t.id] = float32(tfidf.SmoothIDF(docs, f.df[t.id]+o.df[t.id]))
			}
			idf := tfidf.MixedIDF(float64(t.bg), contentFloor, s.sc.bgMix, float64(s.idf[t.id]))
			w := float64(t.tf) * idf
			dst[x] = float32(w)
			norm += w * w
		}
		if norm > 0 {
			inv := float32(1 / math.Sqrt(norm))
			for x := lo; x < hi; x++ {
				dst[x] *= inv
			}
		}
	}
	return dst
}

// lexical puts (1 − vector) × the cosine of the passages' weighted terms
// into m: each passage of fi meets, through fj's postings, only the
// passages that share a term with it.
func (s *pairScorer) lexical(m *pairMatrix, fi, fj *artFeatures) {
	lw := 1 - s.sc.vector
	for p := range fi.n() {
		row := m.v[p*m.nj : (p+1)*m.nj]
		for x := fi.off[p]; x < fi.off[p+1]; x++ {
			w := s.wi[x] * lw
			for _, po := range fj.post.of(fi.terms[x].id) {
				row[po.q] += w * s.wj[po.x]
			}
		}
	}
}

// vectors adds vector × the sentence vectors' cosine (0 when negative).
// A passage without a vector has a zero one, so every cell is computed
// alike: a passage of the first article against every passage of the
// second at once, through the second's vectors transposed (dotCols).
func (s *pairScorer) vectors(m *pairMatrix, fi, fj *artFeatures) {
	vw, dims, nj := s.sc.vector, fi.dims, m.nj
	s.bt = transpose(s.bt, fj.vecs[:nj*dims], nj, dims)
	s.dots = slices.Grow(s.dots[:0], nj)[:nj]
	for p := range m.ni {
		dotCols(fi.vecs[p*dims:(p+1)*dims], s.bt, s.dots)
		row := m.v[p*nj : (p+1)*nj]
		for q, d := range s.dots {
			row[q] += vw * max(d, 0)
		}
	}
}

// transpose puts the rows×cols matrix m (row by row) into dst's storage
// as cols×rows.
func transpose(dst, m []float32, rows, cols int) []float32 {
	dst = slices.Grow(dst[:0], rows*cols)[:rows*cols]
	for r := range rows {
		for c, x := range m[r*cols : (r+1)*cols] {
			dst[c*rows+r] = x
		}
	}
	return dst
}

// dotColsGo is dotCols in Go, for the columns from c0 on.
func dotColsGo(a, bt, out []float32, c0 int) {
	n := len(out)
	for c := c0; c < n; c++ {
		var s float32
		for k, x := range a {
			s += float32(x * bt[k*n+c]) // rounded before the sum, as the kernels do
		}
		out[c] = s
	}
}

// dot is the dot product of two vectors of one length, summed in order.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s float32
	for k, x := range a {
		s += float32(x * b[k]) // rounded before the sum: never a fused multiply-add
	}
	return s
}

// neighbours adds neigh × the mean score of the diagonal neighbours (p−1,
// q−1) and (p+1, q+1), each side 0 past an end, at most the cell's own
// score + neighCap.
func (s *pairScorer) neighbours(m *pairMatrix) {
	if s.sc.neigh == 0 {
		return
	}
	if cap(s.base) < len(m.v) {
		s.base = make([]float32, len(m.v))
	}
	b := s.base[:len(m.v)]
	copy(b, m.v)
	ni, nj := m.ni, m.nj
	for p := range ni {
		for q := range nj {
			var nb float32
			if p > 0 && q > 0 {
				nb += b[(p-1)*nj+q-1]
			}
			if p+1 < ni && q+1 < nj {
				nb += b[(p+1)*nj+q+1]
			}
			x := p*nj + q
			m.v[x] += s.sc.neigh * min(nb/2, b[x]+s.sc.neighCap)
		}
	}
}

// priors applies the news priors to every cell (see scoring.pos and
// scoring.lead), at most 1.
func (s *pairScorer) priors(m *pairMatrix, fi, fj *artFeatures) {
	relJ := s.relative(fj, s.relJ[:0])
	s.relJ = relJ
	leadJ := s.leadJ[:0]
	for q := range m.nj {
		leadJ = append(leadJ, s.lead[fj.pos[q]])
	}
	s.leadJ = leadJ
	relI := s.relative(fi, s.relI[:0])
	s.relI = relI
	for p := range m.ni {
		rp, lp := relI[p], s.lead[fi.pos[p]]
		row := m.v[p*m.nj : (p+1)*m.nj]
		for q, v := range row {
			if v <= 0 {
				continue
			}
			x := float64(v) * (1 - s.sc.pos*math.Abs(rp-relJ[q]))
			x *= 1 + s.sc.lead*(lp+leadJ[q])/2
			row[q] = float32(min(x, 1))
		}
	}
}

// relative is each passage's relative position in its article, among
// the passages with content: 0 for the first, 1 for the last.
func (s *pairScorer) relative(f *artFeatures, dst []float64) []float64 {
	n := float64(max(1, int(f.pos[f.n()])-1))
	for p := range f.n() {
		dst = append(dst, float64(f.pos[p])/n)
	}
	return dst
}

// strength turns the guarded scores in m.link into link strengths: a
// cell's score standing out from the three best of its row and of its
// column (see scoring.stand), at least 0 and at most the guarded score.
func (s *pairScorer) strength(m *pairMatrix) {
	if s.sc.stand == 0 {
		return
	}
	rowBest := make([]float32, m.ni)
	cols := make([]top3, m.nj)
	for p := range m.ni {
		var row top3
		for q, v := range m.link[p*m.nj : (p+1)*m.nj] {
			row.add(v)
			cols[q].add(v)
		}
		rowBest[p] = row.mean()
	}
	colBest := make([]float32, m.nj)
	for q := range cols {
		colBest[q] = cols[q].mean()
	}
	l := s.sc.stand
	for p := range m.ni {
		row := m.link[p*m.nj : (p+1)*m.nj]
		for q, g := range row {
			row[q] = min(max((1+l)*g-l*(rowBest[p]+colBest[q])/2, 0), g)
		}
	}
}

// top3 keeps the three largest values added, largest first.
type top3 struct {
	v [3]float32
	n int
}

func (t *top3) add(x float32) {
	switch {
	case t.n < 3:
		t.n++
	case x <= t.v[2]:
		return
	}
	k := t.n - 1
	for k > 0 && t.v[k-1] < x {
		t.v[k] = t.v[k-1]
		k--
	}
	t.v[k] = x
}

// mean is the mean of the values kept, 0 for none.
func (t *top3) mean() float32 {
	if t.n == 0 {
		return 0
	}
	return (t.v[0] + t.v[1] + t.v[2]) / float32(t.n)
}
