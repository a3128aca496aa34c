package tui

import (
	"fmt"

	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The compare view's aligned document: what each visible pane shows on
// each line, for one focused pane, set of visible panes and pane widths.
// It is built once per change of those (buildLayout) and sliced by View.
//
// The focused pane's passages run in their own order; each one's
// counterparts in the other panes (the passages corpus/compare put in the
// same row) are drawn level with it, in a band. A counterpart that had to
// be taken out of its own article's order to be level is labelled
// "↕ moved from §N". The other panes' passages with no counterpart in the
// focused pane keep their own order and sit in bands between the focused
// ones, where they fall, with the focused pane blank beside them; among
// themselves, counterparts in two other panes are level too where both
// orders allow ("≈ 0.95 with Bravo Daily").

// paneLineKind is what a pane shows on a line.
type paneLineKind uint8

const (
	lineBlank paneLineKind = iota
	lineText               // a wrapped line of a passage
	lineLabel              // a note under a counterpart: similarity, moved from
)

// paneLine is what one pane shows on one line of the aligned document.
type paneLine struct {
	kind  paneLineKind
	first bool // lineText: the passage's first line
	ref   passages.Ref
	sp    span   // lineText: the line's bytes in the passage's text as drawn
	label string // lineLabel
}

// band is a horizontal strip of the aligned document: a passage of the
// focused pane with its counterparts level (focus >= 0), or passages of the
// other panes that have none in the focused pane (focus < 0).
type band struct {
	start, height int
	focus         int            // passage index in the focused article, or -1
	refs          []passages.Ref // every passage in the band
}

// compareLayout is the aligned document.
type compareLayout struct {
	lines  [][]paneLine // lines[i][p]: pane p's line i
	bands  []band
	bandOf []int // band of each passage of the focused article
}

// layoutInput is what an aligned document is built from.
type layoutInput struct {
	// cmp gives the articles' passages and the rows; nothing else of it
	// is read, so a test can build one by hand.
	cmp   *compare.Comparison
	text  [][]string                      // each passage's text as drawn
	score func(a, b passages.Ref) float64 // similarity of two passages
	focus int                             // the focused article
	// panes are the articles shown, left to right, the focused one among
	// them; widths are their widths (text is wrapped 2 narrower).
	panes  []int
	widths []int
	// names are the articles' outlet names (outletName: the id for an
	// article without an outlet), for the "≈ with" labels; without them
	// the outlets of cmp.
	names []string
}

// name is how the "≈ with" labels name article i.
func (in layoutInput) name(i int) string {
	if i < len(in.names) {
		return in.names[i]
	}
	return in.cmp.Articles[i].Outlet
}

// buildLayout aligns the passages of the visible panes on the focused one:
// for each focused passage in turn, first the other panes' passages that
// come before its counterparts, then the passage level with them; then
// what is left of the other panes.
func buildLayout(in layoutInput) *compareLayout {
	b := newLayoutBuilder(in)
	for p := range in.cmp.Articles[in.focus].Passages {
		b.addFocused(p)
	}
	end := make([]int, len(in.panes))
	for p, a := range in.panes {
		end[p] = len(in.cmp.Articles[a].Passages)
	}
	b.addOthersBefore(end)
	return b.lay
}

// layoutBuilder is buildLayout's state.
type layoutBuilder struct {
	in  layoutInput
	lay *compareLayout
	fp  int // the focused pane
	// member[r][a] is article a's passage in row r, or -1; rowOf[a][q] is
	// the row of article a's passage q, or -1.
	member [][]int
	rowOf  [][]int
	// claimed[a][q]: article a's passage q is level with a passage of the
	// focused article, so it is drawn there, not in its own order.
	claimed [][]bool
	next    []int // each article's next passage in its own order
}

func newLayoutBuilder(in layoutInput) *layoutBuilder {
	cmp, n := in.cmp, len(in.cmp.Articles)
	b := &layoutBuilder{
		in:      in,
		lay:     &compareLayout{bandOf: make([]int, len(cmp.Articles[in.focus].Passages))},
		member:  make([][]int, len(cmp.Rows)),
		rowOf:   make([][]int, n),
		claimed: make([][]bool, n),
		next:    make([]int, n),
	}
	for p, a := range in.panes {
		if a == in.focus {
			b.fp = p
		}
	}
	for a := range n {
		b.rowOf[a] = make([]int, len(cmp.Articles[a].Passages))
		for q := range b.rowOf[a] {
			b.rowOf[a][q] = -1
		}
		b.claimed[a] = make([]bool, len(cmp.Articles[a].Passages))
	}
	for r, row := range cmp.Rows {
		b.member[r] = make([]int, n)
		for a := range b.member[r] {
			b.member[r][a] = -1
		}
		for _, ref := range row.Passages {
			b.member[r][ref.Article] = ref.Passage
			b.rowOf[ref.Article][ref.Passage] = r
		}
	}
	for _, m := range b.member {
		if m[in.focus] < 0 {
			continue
		}
		for a, q := range m {
			if a != in.focus && q >= 0 {
				b.claimed[a][q] = true
			}
		}
	}
	return b
}

// row is the row of passage r, or -1.
func (b *layoutBuilder) row(r passages.Ref) int { return b.rowOf[r.Article][r.Passage] }

// cellItem is a passage to draw in a band, with the note under it.
type cellItem struct {
	ref   passages.Ref
	label string
}

// addFocused adds the focused pane's passage fpass: first the other panes'
// passages before its counterparts, then a band with it and them level.
func (b *layoutBuilder) addFocused(fpass int) {
	in := b.in
	fref := passages.Ref{Article: in.focus, Passage: fpass}
	row := b.row(fref)
	upto := make([]int, len(in.panes))
	for p, a := range in.panes {
		upto[p] = b.next[a]
		if a != in.focus && row >= 0 {
			if q := b.member[row][a]; q >= b.next[a] {
				upto[p] = q
			}
		}
	}
	b.addOthersBefore(upto)
	cells := make([][]cellItem, len(in.panes))
	cells[b.fp] = []cellItem{{ref: fref}}
	if row >= 0 {
		for p, a := range in.panes {
			q := b.member[row][a]
			if a == in.focus || q < 0 {
				continue
			}
			o := passages.Ref{Article: a, Passage: q}
			label := fmt.Sprintf("≈ %.2f", in.score(fref, o))
			if q < b.next[a] {
				label += fmt.Sprintf(" · ↕ moved from §%d", q+1)
			} else {
				b.next[a] = q + 1
			}
			cells[p] = append(cells[p], cellItem{ref: o, label: label})
		}
	}
	b.addBand(fpass, cells)
}

// addBand adds a band of cells (each pane's passages, one under the
// other) wrapped to the panes' widths; focusP is its focused passage, or
// -1. An empty band adds nothing; bands are a blank line apart.
func (b *layoutBuilder) addBand(focusP int, cells [][]cellItem) {
	k, lay := len(b.in.panes), b.lay
	h := 0
	cols := make([][]paneLine, k)
	var refs []passages.Ref
	for p, items := range cells {
		tw := max(b.in.widths[p]-2, 1)
		for x, it := range items {
			if x > 0 {
				cols[p] = append(cols[p], paneLine{})
			}
			txt := b.in.text[it.ref.Article][it.ref.Passage]
			for i, sp := range termtext.Wrap(txt, tw) {
				cols[p] = append(cols[p], paneLine{kind: lineText, first: i == 0, ref: it.ref, sp: span(sp)})
			}
			// The note goes under the text, so that counterparts start
			// on the same line.
			if it.label != "" {
				cols[p] = append(cols[p], paneLine{kind: lineLabel, ref: it.ref, label: it.label})
			}
			refs = append(refs, it.ref)
		}
		h = max(h, len(cols[p]))
	}
	if h == 0 {
		return
	}
	if len(lay.bands) > 0 {
		lay.lines = append(lay.lines, make([]paneLine, k))
	}
	start := len(lay.lines)
	for i := 0; i < h; i++ {
		row := make([]paneLine, k)
		for p := range cols {
			if i < len(cols[p]) {
				row[p] = cols[p][i]
			}
		}
		lay.lines = append(lay.lines, row)
	}
	if focusP >= 0 {
		lay.bandOf[focusP] = len(lay.bands)
	}
	lay.bands = append(lay.bands, band{start: start, height: h, focus: focusP, refs: refs})
}

// addOthersBefore adds, for each other visible pane, its unclaimed
// passages before upto[p], in its own order: side by side as they come,
// but where two of those panes have passages of one row (counterparts of
// each other, with none in the focused pane) those are drawn level, as far
// as both panes' order allows.
func (b *layoutBuilder) addOthersBefore(upto []int) {
	g := b.newOthersRun(upto)
	for {
		// Side by side: every pane's passages up to one that waits for a
		// counterpart in another pane.
		left := g.addSideBySide()
		if left < 0 {
			return
		}
		g.addLevel(left)
	}
}

// othersRun is addOthersBefore's state: each other pane's passages to
// draw, and how far it has got.
type othersRun struct {
	b     *layoutBuilder
	lists [][]int       // lists[p]: pane p's passages to draw, in order
	at    []map[int]int // at[p][q]: passage q's index in lists[p]
	head  []int         // head[p]: the next of lists[p] to draw
	// broken are counterparts given up on: drawn in their own order.
	broken map[passages.Ref]bool
}

func (b *layoutBuilder) newOthersRun(upto []int) *othersRun {
	k := len(b.in.panes)
	g := &othersRun{b: b, lists: make([][]int, k), at: make([]map[int]int, k), head: make([]int, k),
		broken: map[passages.Ref]bool{}}
	for p, a := range b.in.panes {
		g.at[p] = map[int]int{}
		if a == b.in.focus {
			continue
		}
		for ; b.next[a] < upto[p]; b.next[a]++ {
			if !b.claimed[a][b.next[a]] {
				g.at[p][b.next[a]] = len(g.lists[p])
				g.lists[p] = append(g.lists[p], b.next[a])
			}
		}
	}
	return g
}

// refAt is pane p's j-th passage to draw.
func (g *othersRun) refAt(p, j int) passages.Ref {
	return passages.Ref{Article: g.b.in.panes[p], Passage: g.lists[p][j]}
}

// pending lists the counterparts, still to draw, of pane p's passage q in
// the other panes (not the focused one): pane and index in its list.
func (g *othersRun) pending(p int, q passages.Ref) (out [][2]int) {
	b := g.b
	r := b.row(q)
	if r < 0 || g.broken[q] {
		return nil
	}
	for o, a := range b.in.panes {
		if o == p || a == b.in.focus {
			continue
		}
		if m := b.member[r][a]; m >= 0 {
			if j, ok := g.at[o][m]; ok && j >= g.head[o] && !g.broken[passages.Ref{Article: a, Passage: m}] {
				out = append(out, [2]int{o, j})
			}
		}
	}
	return out
}

// addSideBySide adds a band of each pane's next passages up to one that
// waits for a counterpart, and returns the leftmost pane with a passage
// left to draw, or -1.
func (g *othersRun) addSideBySide() (left int) {
	cells := make([][]cellItem, len(g.lists))
	left = -1
	for p := range g.lists {
		for g.head[p] < len(g.lists[p]) && len(g.pending(p, g.refAt(p, g.head[p]))) == 0 {
			cells[p] = append(cells[p], cellItem{ref: g.refAt(p, g.head[p])})
			g.head[p]++
		}
		if g.head[p] < len(g.lists[p]) && left < 0 {
			left = p
		}
	}
	g.b.addBand(-1, cells)
	return left
}

// addLevel adds a band of pane left's waiting passage, level with its
// counterparts that are next in their panes; those further down are given
// up on and drawn in their own order.
func (g *othersRun) addLevel(left int) {
	b := g.b
	q := g.refAt(left, g.head[left])
	g.head[left]++
	cells := make([][]cellItem, len(g.lists))
	cells[left] = []cellItem{{ref: q}}
	name := termtext.OneLine(b.in.name(q.Article))
	for _, oj := range g.pending(left, q) {
		o, j := oj[0], oj[1]
		m := g.refAt(o, j)
		if j != g.head[o] {
			g.broken[m] = true
			continue
		}
		cells[o] = []cellItem{{ref: m, label: fmt.Sprintf("≈ %.2f with %s", b.in.score(q, m), name)}}
		g.head[o]++
	}
	b.addBand(-1, cells)
}
