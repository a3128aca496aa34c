package compare

import (
	"cmp"
	"slices"

	"github.com/pmureader/pmureader/corpus/passages"
)

// Link is two passages of different articles that report the same thing,
// as the two-way rule finds them in their pair of articles alone (see
// pairLinks); rows are built from the links of every pair.
type Link struct {
	A passages.Ref `json:"a"` // the passage of the earlier article
	B passages.Ref `json:"b"`
	// Score is the pair's similarity, 0..1 (Comparison.Score): the same
	// whichever other articles are compared.
	Score float64 `json:"score"`
}

// secondShare: a passage links to its runner-up too when that is at least
// this share of its best link's strength (and the threshold): one sentence
// of one account often tells what another tells in two.
const secondShare = 0.8

// pairLinks picks the links of articles i and j (i < j) by their link
// strength: the cells at or above thr, strongest first, each passage at
// most once; then each passage's runner-up (its strongest other cell at or
// above thr and secondShare of its best). They are appended to dst, with
// their strength (s) and similarity (v).
func pairLinks(m *pairMatrix, i, j int, thr float32, dst []link) []link {
	start := len(dst)
	var cells []link
	for p := range m.ni {
		for q := range m.nj {
			if v := m.linkAt(p, q); v >= thr {
				cells = append(cells, link{p: int32(p), q: int32(q), s: v, v: m.at(p, q)})
			}
		}
	}
	if len(cells) == 0 {
		return dst
	}
	slices.SortStableFunc(cells, func(x, y link) int { return cmp.Compare(y.s, x.s) })
	usedP, usedQ := make([]bool, m.ni), make([]bool, m.nj)
	taken := make([]bool, len(cells))
	for k, l := range cells {
		if !usedP[l.p] && !usedQ[l.q] {
			usedP[l.p], usedQ[l.q], taken[k] = true, true, true
			dst = append(dst, l)
		}
	}
	// Runners-up: for each passage on either side, the cells close to
	// its best.
	best := bestCells(m)
	secondP, secondQ := make([]bool, m.ni), make([]bool, m.nj) // the passage has its runner-up
	for k, l := range cells {
		bp, bq := best.p[l.p], best.q[l.q]
		okP := !secondP[l.p] && l.q != bp.q && l.s >= secondShare*bp.s
		okQ := !secondQ[l.q] && l.p != bq.p && l.s >= secondShare*bq.s
		if taken[k] || (!okP && !okQ) {
			continue
		}
		dst = append(dst, l)
		secondP[l.p] = secondP[l.p] || okP
		secondQ[l.q] = secondQ[l.q] || okQ
	}
	for k := start; k < len(dst); k++ {
		dst[k].i, dst[k].j = int32(i), int32(j)
	}
	return dst
}

// link is a Link while rows are built: article and passage indexes, the
// link strength (which orders links) and the similarity.
type link struct {
	i, j, p, q int32
	s, v       float32
}

func (l link) a() passages.Ref { return passages.Ref{Article: int(l.i), Passage: int(l.p)} }
func (l link) b() passages.Ref { return passages.Ref{Article: int(l.j), Passage: int(l.q)} }

// bestOf is, for each passage of both articles of a pair, its strongest
// cell.
type bestOf struct{ p, q []link }

// bestCells finds each passage's strongest cell (the first of equals).
func bestCells(m *pairMatrix) bestOf {
	b := bestOf{p: make([]link, m.ni), q: make([]link, m.nj)}
	for p := range m.ni {
		for q := range m.nj {
			v := m.linkAt(p, q)
			if v > b.p[p].s {
				b.p[p] = link{p: int32(p), q: int32(q), s: v}
			}
			if v > b.q[q].s {
				b.q[q] = link{p: int32(p), q: int32(q), s: v}
			}
		}
	}
	return b
}

// allLinks is the links of every pair of articles (picked as each pair was
// scored), strongest first (ties in pair and passage order).
func (c *Comparison) allLinks() []link {
	var out []link
	for i := range c.pairs {
		for j := i + 1; j < len(c.pairs); j++ {
			out = append(out, c.pairs[i][j].links...)
		}
	}
	slices.SortStableFunc(out, func(x, y link) int { return cmp.Compare(y.s, x.s) })
	return out
}
