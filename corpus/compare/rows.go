package compare

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// align builds the rows from the links of every pair of articles,
// strongest first. A link whose passages already share a row adds nothing;
// otherwise it joins the rows of its two passages into one when they have
// no article in common and every passage of one agrees with every passage
// of the other (see rowBuilder.agree), brings one passage into the other's
// row on the same condition, or starts a row of its own. So every link is
// in a row, whatever else is compared: a pair of passages that two
// accounts line up on their own stays lined up when more are added, and a
// passage that covers two of another account's is in two rows. Rows are
// then ordered (see rowKey) and numbered, and what each row's passages
// share is listed, on w workers; the passages in no row are unique.
func (c *Comparison) align(an [][]analysed, res *entities.Resolver, w int) {
	links := c.allLinks()
	rb := newRowBuilder(c, links)
	for _, l := range links {
		rb.add(l.a(), l.b())
	}
	ordered := orderRows(c, rb.rows)
	c.Rows = make([]Row, 0, len(ordered))
	c.rowsOf = make([][][]int, len(c.Articles))
	for i := range c.rowsOf {
		c.rowsOf[i] = make([][]int, len(c.Articles[i].Passages))
	}
	for ri, members := range ordered {
		for _, m := range members {
			c.rowsOf[m.Article][m.Passage] = append(c.rowsOf[m.Article][m.Passage], ri)
		}
		c.Rows = append(c.Rows, Row{Passages: members})
	}
	rt := make([]rowTallies, w)
	pool.ForEach(len(c.Rows), w, func(k, ri int) {
		c.Rows[ri].Shared = shared(c, an, c.Rows[ri].Passages, res, &rt[k])
	})
	c.Links = make([]Link, len(links))
	for k, l := range links {
		c.Links[k] = Link{A: l.a(), B: l.b(), Score: round3(float64(l.v))}
	}
	strength := c.scoreRows(links)
	c.primaryFirst(strength)
	c.Unique = c.uniquePassages()
}

// rowBuilder grows rows from links; a passage may be in several rows.
type rowBuilder struct {
	c      *Comparison
	rows   [][]passages.Ref             // row → members; nil once joined into another
	in     map[passages.Ref][]int       // passage → its rows, in the order it joined them
	linked map[[2]passages.Ref]struct{} // the links, both ways
}

func newRowBuilder(c *Comparison, links []link) *rowBuilder {
	rb := &rowBuilder{c: c, in: map[passages.Ref][]int{}, linked: make(map[[2]passages.Ref]struct{}, 2*len(links))}
	for _, l := range links {
		rb.linked[[2]passages.Ref{l.a(), l.b()}] = struct{}{}
		rb.linked[[2]passages.Ref{l.b(), l.a()}] = struct{}{}
	}
	return rb
}

// add takes one link between passages a and b.
func (rb *rowBuilder) add(a, b passages.Ref) {
	for _, r := range rb.in[a] {
		if slices.Contains(rb.rows[r], b) {
			return
		}
	}
	for _, ra := range rb.in[a] {
		for _, rbb := range rb.in[b] {
			if rb.canJoin(rb.rows[ra], rb.rows[rbb]) {
				rb.join(ra, rbb)
				return
			}
		}
	}
	one := func(x passages.Ref) []passages.Ref { return []passages.Ref{x} }
	for _, r := range rb.in[a] {
		if rb.canJoin(rb.rows[r], one(b)) {
			rb.put(r, b)
			return
		}
	}
	for _, r := range rb.in[b] {
		if rb.canJoin(rb.rows[r], one(a)) {
			rb.put(r, a)
			return
		}
	}
	rb.rows = append(rb.rows, nil)
	rb.put(len(rb.rows)-1, a)
	rb.put(len(rb.rows)-1, b)
}

// canJoin reports whether two groups of passages can be one row: no
// article in both, and every passage of one agreeing with every passage
// of the other.
func (rb *rowBuilder) canJoin(xs, ys []passages.Ref) bool {
	for _, x := range xs {
		for _, y := range ys {
			if x.Article == y.Article || !rb.agree(x, y) {
				return false
			}
		}
	}
	return true
}

// agree reports whether two passages may share a row: linked, or similar
// enough that a link between them would not be weak.
func (rb *rowBuilder) agree(x, y passages.Ref) bool {
	if _, ok := rb.linked[[2]passages.Ref{x, y}]; ok {
		return true
	}
	return rb.c.Score(x, y) >= WeakBelow
}

// put adds passage x to row r.
func (rb *rowBuilder) put(r int, x passages.Ref) {
	rb.rows[r] = append(rb.rows[r], x)
	rb.in[x] = append(rb.in[x], r)
}

// join moves row b into row a.
func (rb *rowBuilder) join(a, b int) {
	for _, m := range rb.rows[b] {
		rs := rb.in[m]
		k := slices.Index(rs, b)
		rs = slices.Delete(rs, k, k+1)
		if !slices.Contains(rs, a) {
			rs = append(rs, a)
		}
		rb.in[m] = rs
	}
	rb.rows[a] = append(rb.rows[a], rb.rows[b]...)
	rb.rows[b] = nil
}

// scoreRows sets each row's score, the mean score of the links inside it
// (c.Links, in the order of links; for a row of two, its one link's score:
// what the pair scores in any comparison), and whether it is weak. It
// returns each row's strength: its strongest link's.
func (c *Comparison) scoreRows(links []link) []float32 {
	sum := make([]float64, len(c.Rows))
	cnt := make([]int, len(c.Rows))
	strength := make([]float32, len(c.Rows))
	for k, l := range c.Links {
		for _, r := range c.rowsOf[l.A.Article][l.A.Passage] {
			if slices.Contains(c.rowsOf[l.B.Article][l.B.Passage], r) {
				sum[r] += l.Score
				cnt[r]++
				strength[r] = max(strength[r], links[k].s)
			}
		}
	}
	for r := range c.Rows {
		if cnt[r] > 0 {
			c.Rows[r].Score = round3(sum[r] / float64(cnt[r]))
		}
		c.Rows[r].Weak = c.Rows[r].Score < WeakBelow
	}
	return strength
}

// primaryFirst orders each passage's rows strongest first (by their
// strongest link: the one chosen first, one to one), so that the first is
// the row it is drawn level in.
func (c *Comparison) primaryFirst(strength []float32) {
	for i := range c.rowsOf {
		for _, rs := range c.rowsOf[i] {
			slices.SortStableFunc(rs, func(x, y int) int { return cmp.Compare(strength[y], strength[x]) })
		}
	}
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

// uniquePassages lists the passages in no row, in article and passage
// order.
func (c *Comparison) uniquePassages() []passages.Ref {
	out := []passages.Ref{}
	for i := range c.rowsOf {
		for p, rs := range c.rowsOf[i] {
			if len(rs) == 0 {
				out = append(out, passages.Ref{Article: i, Passage: p})
			}
		}
	}
	return out
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// shared lists what the passages of a row have in common: the entities,
// figures and other content words (stems, shown as first written) that two
// or more of them have, each list sorted; a word of a shared name is
// listed with the name, not again as a word. It counts in rt, which the
// rows of a comparison reuse one after another (nil: counts of its own).
func shared(c *Comparison, an [][]analysed, members []passages.Ref, res *entities.Resolver, rt *rowTallies) Shared {
	if rt == nil {
		rt = &rowTallies{}
	}
	rt.reset()
	for k, m := range members {
		rt.countMember(k+1, an[m.Article][m.Passage], c.Articles[m.Article].Passages[m.Passage].Text)
	}
	var sh Shared
	for e, t := range rt.ents {
		if t.n >= 2 {
			sh.Entities = append(sh.Entities, res.Display(e))
			for w := range textnorm.AllWords(res.Display(e)) {
				rt.inNames[w.Key] = true
			}
		}
	}
	sort.Strings(sh.Entities)
	for l, t := range rt.nums {
		if t.n >= 2 {
			sh.Numbers = append(sh.Numbers, l)
		}
	}
	sort.Strings(sh.Numbers)
	for _, t := range rt.words {
		if t.n < 2 {
			continue
		}
		if surface := strings.ToLower(t.surface); !rt.inNames[textnorm.Key(surface)] {
			sh.Words = append(sh.Words, surface)
		}
	}
	sort.Strings(sh.Words)
	return sh
}

// rowTallies is what shared counts a row's members in: how many members
// have each entity, figure and stem, and the words of the shared names
// (as keys). The maps are kept from row to row, emptied, so that a
// comparison grows them once rather than once a row.
type rowTallies struct {
	ents, nums, words map[string]tally
	inNames           map[string]bool
}

// reset empties the tallies (making them on first use).
func (rt *rowTallies) reset() {
	if rt.ents == nil {
		rt.ents, rt.nums, rt.words, rt.inNames = map[string]tally{}, map[string]tally{}, map[string]tally{}, map[string]bool{}
	}
	clear(rt.ents)
	clear(rt.nums)
	clear(rt.words)
	clear(rt.inNames)
}

// countMember counts the entities, stems and figures of one member of a
// row (1-based, so that a member counts each once); a stem's surface is
// its first occurrence as written (lowered when listed).
func (rt *rowTallies) countMember(member int, a analysed, text string) {
	for _, x := range a.ments {
		rt.ents[x.Entity] = rt.ents[x.Entity].count(member)
	}
	for _, t := range a.toks {
		// A word inside a name counts as the name, listed once among
		// the entities ("Iraq", not also "iraq").
		if t.Stem == "" || entities.MentionAt(a.ments, t.Start) != nil {
			continue
		}
		w := rt.words[t.Stem]
		if w.n == 0 {
			w.surface = text[t.Start:t.End]
		}
		rt.words[t.Stem] = w.count(member)
	}
	for _, f := range a.figs {
		l := f.Label()
		rt.nums[l] = rt.nums[l].count(member)
	}
}

// tally is how many members of a row have a thing (n), the member that
// counted it last (1-based) and, for a word, how it was first written
// (lowered when listed).
type tally struct {
	n, last int
	surface string
}

// count counts member (1-based) once.
func (t tally) count(member int) tally {
	if t.last != member {
		t.last = member
		t.n++
	}
	return t
}
