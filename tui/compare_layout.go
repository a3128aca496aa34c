package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The compare view's aligned document: what each visible pane shows on
// each line, for one focused pane, set of visible panes and pane widths.
// It is built once per change of those (buildLayout) and sliced by View.
//
// The focused pane's passages run in their own order; each one's
// counterparts in the other panes (the passages corpus/compare put in a
// row with it; a passage can be in several rows) are drawn level with it,
// in a band, each with its similarity under it ("≈ 0.62", "≈ 0.41 · weak"
// under WeakBelow). A counterpart is drawn once, beside the focused
// passage of its strongest row; beside the others a note says where it is
// ("also §4 ↓": drawn further down). A counterpart that had
// to be taken out of its own article's order to be level is labelled
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
	weak  bool // a counterpart (text or note) scoring under WeakBelow
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
	// rowsOf[a][q] are the rows (indexes in cmp.Rows) holding article a's
	// passage q, in cmp.Rows order; none for a passage unique to its
	// article.
	rowsOf [][][]int
}

// inRow reports whether passage r is in a row.
func (l *compareLayout) inRow(r passages.Ref) bool {
	return r.Article < len(l.rowsOf) && r.Passage < len(l.rowsOf[r.Article]) && len(l.rowsOf[r.Article][r.Passage]) > 0
}

// layoutInput is what an aligned document is built from.
type layoutInput struct {
	// cmp gives the articles' passages and the rows; nothing else of it
	// is read, so a test can build one by hand.
	cmp   *compare.Comparison
	text  [][]string                      // each passage's text as drawn
	score func(a, b passages.Ref) float64 // similarity of two passages
	// rowsOf gives a passage's rows, the one it is drawn level in first
	// (compare.Comparison.RowsOf); nil: in the order of cmp.Rows.
	rowsOf func(passages.Ref) []int
	focus  int // the focused article
	// panes are the articles shown, left to right, the focused one among
	// them; widths are their widths (text is wrapped 2 narrower).
	panes  []int
	widths []int
	// names are the articles' outlet names (outletName: the id for an
	// article without an outlet), for the "≈ with" labels; without them
	// the outlets of cmp, or their ids.
	names []string
}

// name is how the "≈ with" labels name article i.
func (in layoutInput) name(i int) string {
	if i < len(in.names) {
		return in.names[i]
	}
	return articleLabel(in.cmp.Articles[i])
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
	// member[r][a] is article a's passage in row r, or -1; lay.rowsOf
	// holds each passage's rows.
	member [][]int
	// claim[a][q] is the focused passage article a's passage q is drawn
	// level with (the closest one it shares a row with), or -1: then it
	// is drawn in its own order.
	claim [][]int
	next  []int // each article's next passage in its own order
}

func newLayoutBuilder(in layoutInput) *layoutBuilder {
	cmp, n := in.cmp, len(in.cmp.Articles)
	b := &layoutBuilder{
		in:     in,
		lay:    &compareLayout{bandOf: make([]int, len(cmp.Articles[in.focus].Passages)), rowsOf: make([][][]int, n)},
		member: make([][]int, len(cmp.Rows)),
		claim:  make([][]int, n),
		next:   make([]int, n),
	}
	for p, a := range in.panes {
		if a == in.focus {
			b.fp = p
		}
	}
	for a := range n {
		b.lay.rowsOf[a] = make([][]int, len(cmp.Articles[a].Passages))
		b.claim[a] = make([]int, len(cmp.Articles[a].Passages))
		for q := range b.claim[a] {
			b.claim[a][q] = -1
		}
	}
	for r, row := range cmp.Rows {
		b.member[r] = make([]int, n)
		for a := range b.member[r] {
			b.member[r][a] = -1
		}
		for _, ref := range row.Passages {
			b.member[r][ref.Article] = ref.Passage
			b.lay.rowsOf[ref.Article][ref.Passage] = append(b.lay.rowsOf[ref.Article][ref.Passage], r)
		}
	}
	b.claimCounterparts()
	return b
}

// claimCounterparts gives each passage of the other articles that shares
// a row with a focused passage the focused passage it is drawn beside:
// the one in its first row that has one (see layoutInput.rowsOf), else the
// one it scores best with.
func (b *layoutBuilder) claimCounterparts() {
	if b.in.rowsOf != nil {
		for a := range b.claim {
			if a == b.in.focus {
				continue
			}
			for q := range b.claim[a] {
				for _, r := range b.in.rowsOf(passages.Ref{Article: a, Passage: q}) {
					if fp := b.member[r][b.in.focus]; fp >= 0 {
						b.claim[a][q] = fp
						break
					}
				}
			}
		}
		return
	}
	best := make([][]float64, len(b.claim))
	for a := range best {
		best[a] = make([]float64, len(b.claim[a]))
	}
	for fp := range b.in.cmp.Articles[b.in.focus].Passages {
		fref := passages.Ref{Article: b.in.focus, Passage: fp}
		for _, o := range b.counterparts(fref) {
			if s := b.in.score(fref, o); b.claim[o.Article][o.Passage] < 0 || s > best[o.Article][o.Passage] {
				b.claim[o.Article][o.Passage], best[o.Article][o.Passage] = fp, s
			}
		}
	}
}

// counterparts lists the passages of the other articles that share a row
// with passage r, each once: those of its first row first (see
// layoutInput.rowsOf), then the next row's.
func (b *layoutBuilder) counterparts(r passages.Ref) []passages.Ref {
	rows := b.lay.rowsOf[r.Article][r.Passage]
	if b.in.rowsOf != nil {
		rows = b.in.rowsOf(r)
	}
	var out []passages.Ref
	for _, row := range rows {
		for a, q := range b.member[row] {
			o := passages.Ref{Article: a, Passage: q}
			if a != r.Article && q >= 0 && !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

// row is the first row holding passage r, or -1.
func (b *layoutBuilder) row(r passages.Ref) int {
	if rs := b.lay.rowsOf[r.Article][r.Passage]; len(rs) > 0 {
		return rs[0]
	}
	return -1
}

// claimed reports whether passage q of article a is drawn level with a
// focused passage, not in its own order.
func (b *layoutBuilder) claimed(a, q int) bool { return b.claim[a][q] >= 0 }

// cellItem is a passage to draw in a band, with the note under it; a note
// alone (ref set, text false) when the passage is drawn elsewhere.
type cellItem struct {
	ref   passages.Ref
	label string
	note  bool // only the label: the passage is drawn beside another
	weak  bool
}

// addFocused adds the focused pane's passage fpass: first the other panes'
// passages before its first counterpart, then a band with it and its
// counterparts level, the closest first.
func (b *layoutBuilder) addFocused(fpass int) {
	in := b.in
	fref := passages.Ref{Article: in.focus, Passage: fpass}
	cps := b.counterparts(fref)
	upto := make([]int, len(in.panes))
	for p, a := range in.panes {
		upto[p] = b.next[a]
		for _, o := range cps {
			if o.Article == a && b.claim[a][o.Passage] == fpass && o.Passage >= b.next[a] {
				upto[p] = o.Passage // the first, in its own order
				break
			}
		}
	}
	b.addOthersBefore(upto)
	cells := make([][]cellItem, len(in.panes))
	cells[b.fp] = []cellItem{{ref: fref}}
	for p, a := range in.panes {
		if a == in.focus {
			continue
		}
		cells[p] = b.counterpartCells(fref, a, cps)
	}
	b.addBand(fpass, cells)
}

// counterpartCells are the cells of article a's counterparts of the
// focused passage fref: those drawn here, the one of its first row first,
// each with its similarity and, when out of its own order, where it comes
// from; then one note naming those drawn beside another focused passage,
// above (↑) or below (↓); weak ones are left out of the note.
func (b *layoutBuilder) counterpartCells(fref passages.Ref, a int, cps []passages.Ref) []cellItem {
	mine := slices.DeleteFunc(slices.Clone(cps), func(o passages.Ref) bool { return o.Article != a })
	// Passages in their own order decide what is out of order.
	order := slices.Clone(mine)
	slices.SortFunc(order, func(x, y passages.Ref) int { return x.Passage - y.Passage })
	moved := map[int]bool{}
	var elsewhere []string
	for _, o := range order {
		switch c := b.claim[a][o.Passage]; {
		case c != fref.Passage:
			if b.in.score(fref, o) >= compare.WeakBelow {
				arrow := "↓"
				if c < fref.Passage {
					arrow = "↑"
				}
				elsewhere = append(elsewhere, fmt.Sprintf("§%d %s", o.Passage+1, arrow))
			}
		case o.Passage == b.next[a]:
			b.next[a]++
		default:
			moved[o.Passage] = true
		}
	}
	var cells []cellItem
	for _, o := range mine {
		if b.claim[a][o.Passage] != fref.Passage {
			continue
		}
		s := b.in.score(fref, o)
		label := similarityLabel(s)
		if moved[o.Passage] {
			label += fmt.Sprintf(" · ↕ moved from §%d", o.Passage+1)
		}
		cells = append(cells, cellItem{ref: o, label: label, weak: s < compare.WeakBelow})
	}
	if len(elsewhere) > 0 {
		cells = append(cells, cellItem{ref: fref, note: true, label: "also " + strings.Join(elsewhere, ", ")})
	}
	return cells
}

// similarityLabel is how a counterpart's similarity reads: "≈ 0.62", and
// "≈ 0.41 · weak" under compare.WeakBelow.
func similarityLabel(s float64) string {
	if s < compare.WeakBelow {
		return fmt.Sprintf("≈ %.2f · weak", s)
	}
	return fmt.Sprintf("≈ %.2f", s)
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
			if it.note {
				cols[p] = append(cols[p], paneLine{kind: lineLabel, ref: it.ref, label: it.label, weak: it.weak})
				continue
			}
			if x > 0 {
				cols[p] = append(cols[p], paneLine{})
			}
			txt := b.in.text[it.ref.Article][it.ref.Passage]
			for i, sp := range termtext.Wrap(txt, tw) {
				cols[p] = append(cols[p], paneLine{kind: lineText, first: i == 0, ref: it.ref, sp: span(sp), weak: it.weak})
			}
			// The note goes under the text, so that counterparts start
			// on the same line.
			if it.label != "" {
				cols[p] = append(cols[p], paneLine{kind: lineLabel, ref: it.ref, label: it.label, weak: it.weak})
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
			if !b.claimed(a, b.next[a]) {
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
		s := b.in.score(q, m)
		cells[o] = []cellItem{{ref: m, label: similarityLabel(s) + " with " + name, weak: s < compare.WeakBelow}}
		g.head[o]++
	}
	b.addBand(-1, cells)
}

// articleLabel names an article in notes: its outlet, else its id.
func articleLabel(a compare.ArticleInfo) string {
	if a.Outlet != "" {
		return termtext.OneLine(a.Outlet)
	}
	return termtext.OneLine(a.ID)
}
