package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
)

// align groups passages into rows: candidate pairs at or above thr, best
// first; a pair starts a row, extends one (when the row has no passage of
// that article yet and the newcomer is on average as close to the row's
// passages as thr), or joins two rows with no article in common on the
// same condition. Rows are then ordered (see rowKey) and numbered, and the
// passages in none are unique.
func (c *Comparison) align(an [][]analysed, thr float64, res *entities.Resolver) {
	rb := newRowBuilder(c, thr)
	for _, pr := range candidatePairs(c.scores, thr) {
		rb.add(pr)
	}
	ordered := orderRows(c, rb.rows)
	c.Rows = make([]Row, 0, len(ordered))
	for i := range c.rowOf {
		for p := range c.rowOf[i] {
			c.rowOf[i][p] = -1
		}
	}
	for ri, members := range ordered {
		for _, m := range members {
			c.rowOf[m.Article][m.Passage] = ri
		}
		c.Rows = append(c.Rows, Row{Passages: members, Score: round3(c.meanScore(members)), Shared: shared(c, an, members, res)})
	}
	c.Unique = uniquePassages(c.rowOf)
}

// passagePair is two passages of different articles and their score.
type passagePair struct {
	a, b passages.Ref
	s    float64
}

// candidatePairs lists the pairs of passages scoring thr or more, best
// first (ties in article and passage order). thr > 0, so the cells left
// out of the matrices (zeros) never count.
func candidatePairs(scores [][]sparseScores, thr float64) []passagePair {
	var pairs []passagePair
	n := len(scores)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			m := &scores[i][j]
			for p := 0; p+1 < len(m.start); p++ {
				for x := m.start[p]; x < m.start[p+1]; x++ {
					if s := float64(m.v[x]); s >= thr {
						pairs = append(pairs, passagePair{passages.Ref{Article: i, Passage: p}, passages.Ref{Article: j, Passage: int(m.q[x])}, s})
					}
				}
			}
		}
	}
	slices.SortStableFunc(pairs, func(x, y passagePair) int { return cmp.Compare(y.s, x.s) })
	return pairs
}

// rowBuilder grows rows from pairs of passages.
type rowBuilder struct {
	c     *Comparison
	thr   float64
	rows  [][]passages.Ref // row → members; nil once joined into another
	rowOf [][]int          // article, passage → row, -1 for none (c.rowOf)
}

func newRowBuilder(c *Comparison, thr float64) *rowBuilder {
	c.rowOf = make([][]int, len(c.Articles))
	for i := range c.rowOf {
		c.rowOf[i] = make([]int, len(c.Articles[i].Passages))
		for p := range c.rowOf[i] {
			c.rowOf[i][p] = -1
		}
	}
	return &rowBuilder{c: c, thr: thr, rowOf: c.rowOf}
}

// add takes one pair: a new row when neither passage has one, the other
// passage into the row of the one that has, or the two rows joined.
func (rb *rowBuilder) add(pr passagePair) {
	ra, rb2 := rb.rowOf[pr.a.Article][pr.a.Passage], rb.rowOf[pr.b.Article][pr.b.Passage]
	switch {
	case ra < 0 && rb2 < 0:
		rb.rows = append(rb.rows, []passages.Ref{pr.a, pr.b})
		rb.rowOf[pr.a.Article][pr.a.Passage] = len(rb.rows) - 1
		rb.rowOf[pr.b.Article][pr.b.Passage] = len(rb.rows) - 1
	case ra >= 0 && rb2 >= 0:
		rb.join(ra, rb2)
	case ra >= 0:
		rb.extend(ra, pr.b)
	default:
		rb.extend(rb2, pr.a)
	}
}

// extend adds passage x to row r when r has no passage of x's article and
// x's mean score with r's passages reaches thr.
func (rb *rowBuilder) extend(r int, x passages.Ref) {
	if rb.has(r, x.Article) || rb.link(rb.rows[r], []passages.Ref{x}) < rb.thr {
		return
	}
	rb.rows[r] = append(rb.rows[r], x)
	rb.rowOf[x.Article][x.Passage] = r
}

// join moves row b into row a when they have no article in common and the
// mean score of their passages' pairs reaches thr.
func (rb *rowBuilder) join(a, b int) {
	if a == b {
		return
	}
	for _, m := range rb.rows[b] {
		if rb.has(a, m.Article) {
			return
		}
	}
	if rb.link(rb.rows[a], rb.rows[b]) < rb.thr {
		return
	}
	for _, m := range rb.rows[b] {
		rb.rowOf[m.Article][m.Passage] = a
	}
	rb.rows[a] = append(rb.rows[a], rb.rows[b]...)
	rb.rows[b] = nil
}

// has reports whether row r holds a passage of article art.
func (rb *rowBuilder) has(r, art int) bool {
	for _, m := range rb.rows[r] {
		if m.Article == art {
			return true
		}
	}
	return false
}

// link is the mean score of the pairs of passages of xs and ys.
func (rb *rowBuilder) link(xs, ys []passages.Ref) float64 {
	var sum float64
	for _, x := range xs {
		for _, y := range ys {
			sum += rb.c.Score(x, y)
		}
	}
	return sum / float64(len(xs)*len(ys))
}

// orderRows drops the emptied rows, orders each row's members by article
// and the rows by rowKey.
func orderRows(c *Comparison, rows [][]passages.Ref) [][]passages.Ref {
	type keyed struct {
		members []passages.Ref
		key     float64
	}
	var ks []keyed
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		slices.SortFunc(r, func(x, y passages.Ref) int { return x.Article - y.Article }) // one passage per article
		ks = append(ks, keyed{r, rowKey(c, r)})
	}
	slices.SortStableFunc(ks, func(x, y keyed) int { return cmp.Compare(x.key, y.key) })
	out := make([][]passages.Ref, len(ks))
	for i, k := range ks {
		out[i] = k.members
	}
	return out
}

// rowKey orders rows: by the position of the first article's passage when
// it has one, else by the relative position of its first member, so rows
// read down in the first article's order and the rest fall in between.
func rowKey(c *Comparison, members []passages.Ref) float64 {
	m := members[0]
	total := len(c.Articles[m.Article].Passages)
	rel := float64(m.Passage) / float64(max(total, 1))
	if m.Article == 0 {
		return rel
	}
	return rel + 1e-6*float64(m.Article)
}

// meanScore is the mean score of the pairs of a row's members.
func (c *Comparison) meanScore(members []passages.Ref) float64 {
	var sum float64
	cnt := 0
	for x := 0; x < len(members); x++ {
		for y := x + 1; y < len(members); y++ {
			sum += c.Score(members[x], members[y])
			cnt++
		}
	}
	return sum / float64(cnt)
}

// uniquePassages lists the passages in no row, in article and passage
// order.
func uniquePassages(rowOf [][]int) []passages.Ref {
	var out []passages.Ref
	for i := range rowOf {
		for p, r := range rowOf[i] {
			if r < 0 {
				out = append(out, passages.Ref{Article: i, Passage: p})
			}
		}
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// shared lists what the passages of a row have in common: the entities,
// figures and other content words (stems, shown as first written) that two
// or more of them have, each list sorted.
func shared(c *Comparison, an [][]analysed, members []passages.Ref, res *entities.Resolver) Shared {
	var sh Shared
	ents := map[string]int{}
	words := map[string]int{}
	nums := map[string]int{}
	surface := map[string]string{}
	for _, m := range members {
		a := an[m.Article][m.Passage]
		text := c.Articles[m.Article].Passages[m.Passage].Text
		seenE, seenW, seenN := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for _, x := range a.ments {
			if !seenE[x.Entity] {
				seenE[x.Entity] = true
				ents[x.Entity]++
			}
		}
		for _, t := range a.toks {
			// A word inside a name counts as the name, listed once among
			// the entities ("Iraq", not also "iraq").
			if entities.MentionAt(a.ments, t.Start) != nil {
				continue
			}
			if t.Stem != "" && !seenW[t.Stem] {
				seenW[t.Stem] = true
				words[t.Stem]++
				if _, ok := surface[t.Stem]; !ok {
					surface[t.Stem] = strings.ToLower(text[t.Start:t.End])
				}
			}
		}
		for _, f := range a.figs {
			k := f.Label()
			if !seenN[k] {
				seenN[k] = true
				nums[k]++
			}
		}
	}
	for e, k := range ents {
		if k >= 2 {
			sh.Entities = append(sh.Entities, res.Display(e))
		}
	}
	sort.Strings(sh.Entities)
	for w, k := range nums {
		if k >= 2 {
			sh.Numbers = append(sh.Numbers, w)
		}
	}
	sort.Strings(sh.Numbers)
	for w, k := range words {
		if k >= 2 {
			sh.Words = append(sh.Words, surface[w])
		}
	}
	sort.Strings(sh.Words)
	return sh
}
