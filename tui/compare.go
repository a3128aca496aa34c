package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
)

// The compare view shows 2–6 articles side by side, one pane each, with the
// passages that report the same thing level with each other.
//
// Alignment is anchored on the focused pane: its passages run in their own
// order, and each one's counterparts in the other panes (the passages
// corpus/compare put in the same row) are drawn level with it. A
// counterpart that had to be taken out of its own article's order to be
// level is labelled "↕ moved from §N" (N: its passage number in its own
// article). The other panes' passages that have no counterpart in the
// focused pane keep their own order and sit between the aligned ones, where
// they fall, with the focused pane blank beside them; among themselves,
// counterparts in two other panes are level too where both orders allow
// ("≈ 0.95 with Bravo Daily"). tab moves the focus, and so re-anchors the
// alignment on another outlet.
//
// The comparison is corpus/compare's (compare.Compare), computed in a
// command with a generation number; until it arrives the view says
// "aligning…", and a result for articles no longer asked about is dropped.

// compareMsg answers a comparison started with generation gen.
type compareMsg struct {
	gen int
	cmp *compare.Comparison
	err error
}

// minPane is the narrowest a pane may be; when the panes do not all fit at
// this width the view shows as many as fit and pages through the rest.
const minPane = 30

// compareKeys are the compare view's keys.
type compareKeys struct {
	nav          navKeys
	Next, Prev   key.Binding // focus
	Left, Right  key.Binding // page the panes
	Full         key.Binding
	Diffs        key.Binding
	Read         key.Binding
	Back         key.Binding
	global       globalKeys
	pagingActive bool
}

func newCompareKeys() compareKeys {
	nav := newNavKeys()
	nav.Up = bind([]string{"up", "k"}, "↑/k", "previous passage")
	nav.Down = bind([]string{"down", "j"}, "↓/j", "next passage")
	nav.PageDown = bind([]string{"pgdown", "space", "f"}, "pgdn/space", "page down")
	nav.Top = bind([]string{"g", "home"}, "g/home", "first passage")
	nav.Bottom = bind([]string{"G", "end"}, "G/end", "last passage")
	return compareKeys{
		nav:    nav,
		Next:   bind([]string{"tab"}, "tab", "focus next pane"),
		Prev:   bind([]string{"shift+tab"}, "shift+tab", "focus previous pane"),
		Left:   bind([]string{"left", "h", "["}, "←/h", "previous panes"),
		Right:  bind([]string{"right", "l", "]"}, "→/l", "next panes"),
		Full:   bind([]string{"z"}, "z", "focused pane full width"),
		Diffs:  bind([]string{"d"}, "d", "differences"),
		Read:   bind([]string{"enter"}, "enter", "read this passage in its article"),
		Back:   bind([]string{"esc", "q", "backspace"}, "esc/q", "back"),
		global: newGlobalKeys(),
	}
}

// ShortHelp is the help line under the compare view.
func (k compareKeys) ShortHelp() []key.Binding {
	bs := []key.Binding{short(k.nav.Down, "passage"), short(k.Next, "focus"), short(k.Diffs, "differences"),
		short(k.Full, "full")}
	if k.pagingActive {
		bs = append(bs, short(k.Right, "panes"))
	}
	return append(bs, short(k.Read, "read"), short(k.Back, "back"), k.global.Help)
}

// ShortHelpRanked keeps back and help when the line is too wide, and,
// when the panes page, the paging key next: without it the panes beyond
// the screen cannot be reached.
func (k compareKeys) ShortHelpRanked() []ranked {
	rs := inOrder(k.ShortHelp(), 2)
	for i, r := range rs {
		switch {
		case r.rank == 0:
		case r.b.Help().Key == k.Right.Help().Key:
			rs[i].rank = 1
		default:
			rs[i].rank++
		}
	}
	return rs
}

// Signs explains the compare view's marks.
func (k compareKeys) Signs() []sign {
	return []sign{
		{"▸", "the focused pane: its account reads in order, the others line up with it"},
		{"▍", "the passage under the cursor and its counterparts"},
		{"≈ 0.37", "similarity of a counterpart to the focused passage, 0 to 1"},
		{"↕ moved from §3", "its own article tells it elsewhere, as passage 3"},
		{"○", "no counterpart in any other account"},
		{"— only in —", "the focused passage has no counterpart in this pane"},
		{"highlight", "words that differ between two counterparts"},
	}
}

// FullHelp is the compare view's "?" screen.
func (k compareKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.nav.all(),
		{k.Next, k.Prev, k.Left, k.Right, k.Full},
		{k.Diffs, k.Read, k.Back, k.global.Help, k.global.Quit},
	}
}

// Kinds of pane line.
const (
	plBlank = iota
	plText  // a wrapped line of a passage
	plLabel // a note under a counterpart: similarity, moved from
)

// paneLine is what one pane shows on one line of the aligned document.
type paneLine struct {
	kind  uint8
	first bool // the passage's first line
	ref   passages.Ref
	sp    span   // plText: the line's bytes in the passage's display text
	label string // plLabel
}

// band is a horizontal strip of the aligned document: a passage of the
// focused pane with its counterparts level (focus >= 0), or passages of the
// other panes that have none in the focused pane (focus < 0).
type band struct {
	start, height int
	focus         int            // passage index in the focused article, or -1
	refs          []passages.Ref // every passage in the band
}

// cmpLayout is the aligned document for one focus, set of visible panes and
// pane width: computed once per change, sliced by View.
type cmpLayout struct {
	key    layoutKey
	lines  [][]paneLine // lines[i][p]: pane p's line i
	bands  []band
	bandAt []int32 // band index of each line (-1: a gap line)
	bandOf []int   // band of each passage of the focused article
}

type layoutKey struct {
	gen, focus, first, k, pw int
}

// comparePage is the compare view.
type comparePage struct {
	sh    *shared
	keys  compareKeys
	dkeys diffKeys
	w, h  int

	arts  []*corpus.Article
	title string
	gen   int
	busy  bool
	cmp   *compare.Comparison
	err   error
	spin  spinner.Model
	disp  [][]string // passages' text as drawn (sanitised again if needed)
	clean [][]bool   // disp is the passage text itself, so byte ranges apply

	focus int   // the focused pane (article index)
	cur   []int // each article's cursor passage
	first int   // the first pane shown when they page
	full  bool  // the focused pane alone, full width
	top   int   // first document line shown

	lay   *cmpLayout
	hl    map[passages.Ref][]span // differing words in the cursor band
	hlKey [5]int                  // gen, focus, cursor, panes shown the highlights are for
	note  string

	panel *diffPanel // the differences panel, when open
}

func newCompare(sh *shared) *comparePage {
	return &comparePage{sh: sh, keys: newCompareKeys(), dkeys: newDiffKeys(),
		spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// SetSize gives the view its rectangle.
func (c *comparePage) SetSize(w, h int) {
	c.w, c.h = w, h
	c.relayout()
}

// KeyMap is the compare view's keys, or the differences panel's.
func (c *comparePage) KeyMap() help.KeyMap {
	if c.panel != nil {
		return c.dkeys
	}
	_, k := c.window()
	c.keys.pagingActive = !c.full && k < len(c.arts)
	return c.keys
}

// Capturing is always false: the view has no text field.
func (c *comparePage) Capturing() bool { return false }

// open starts comparing arts (unless they are the ones already compared).
func (c *comparePage) open(arts []*corpus.Article, title string) tea.Cmd {
	c.note = ""
	c.panel = nil
	if c.cmp != nil && c.err == nil && sameSet(c.arts, arts) {
		c.title = title
		return nil
	}
	c.gen++
	// Panes in publication order, oldest on the left, undated last.
	c.arts, c.title = slices.Clone(arts), title
	slices.SortStableFunc(c.arts, func(x, y *corpus.Article) int {
		switch {
		case x.Date.Known() != y.Date.Known():
			if x.Date.Known() {
				return -1
			}
			return 1
		case !x.Date.Known():
			return 0
		}
		return x.Date.Time.Compare(y.Date.Time)
	})
	c.cmp, c.err, c.lay, c.hl = nil, nil, nil, nil
	c.disp, c.clean = nil, nil
	c.focus, c.first, c.full, c.top = 0, 0, false, 0
	c.cur = make([]int, len(arts))
	if len(arts) < 2 || len(arts) > compare.MaxArticles {
		c.busy = false
		c.err = fmt.Errorf("compare needs 2 to %d articles, got %d", compare.MaxArticles, len(arts))
		return nil
	}
	c.busy = true
	gen, in, aliases := c.gen, c.arts, c.sh.aliases
	work := guard(func() tea.Msg {
		cmp, err := compare.Compare(in, compare.Options{Aliases: aliases})
		return compareMsg{gen: gen, cmp: cmp, err: err}
	})
	// The work first: a synchronous driver (the tests) runs it before the
	// spinner's first tick, so the spinner stops at once.
	return tea.Batch(work, c.spin.Tick)
}

// sameSet reports whether a and b hold the same articles, in any order.
func sameSet(a, b []*corpus.Article) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// Update handles keys while the view is shown, and results always.
func (c *comparePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case openCompareMsg:
		return c.open(msg.articles, msg.title)
	case compareMsg:
		c.result(msg)
		return nil
	case spinner.TickMsg:
		if !c.busy {
			return nil
		}
		var cmd tea.Cmd
		c.spin, cmd = c.spin.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		if c.panel != nil {
			return c.panelKey(msg)
		}
		return c.key(msg)
	case tea.MouseWheelMsg:
		if c.panel != nil {
			return nil
		}
		switch msg.Button {
		case tea.MouseWheelUp:
			c.scroll(-3)
		case tea.MouseWheelDown:
			c.scroll(3)
		}
	case tea.MouseClickMsg:
		if c.panel == nil && msg.Button == tea.MouseLeft {
			c.click(msg.X, msg.Y)
		}
	}
	return nil
}

// click focuses the pane and the passage under the mouse (screen cell x,
// y: the body starts under the bar and the two heading lines).
func (c *comparePage) click(x, y int) {
	if c.lay == nil {
		return
	}
	i := c.top + y - 3
	if y < 3 || i >= len(c.lay.lines) || i >= c.top+c.bodyHeight() {
		return
	}
	first, k := c.window()
	ws := c.paneWidths(k)
	for p, at := 0, 0; p < k; p++ {
		if x >= at && x < at+ws[p] {
			if pl := c.lay.lines[i][p]; pl.kind != plBlank {
				if pl.ref.Article == c.focus {
					c.cur[c.focus] = pl.ref.Passage // the text stays put
				} else {
					c.jump(pl.ref) // re-anchored on that pane
				}
			} else {
				c.setFocus(first + p)
			}
			return
		}
		at += ws[p] + 1
	}
}

// result takes the comparison if it answers the latest request.
func (c *comparePage) result(msg compareMsg) {
	if msg.gen != c.gen {
		return // stale: other articles have been asked for since
	}
	c.busy = false
	if msg.err != nil {
		c.err = msg.err
		return
	}
	c.cmp = msg.cmp
	c.disp = make([][]string, len(c.cmp.Articles))
	c.clean = make([][]bool, len(c.cmp.Articles))
	for i, a := range c.cmp.Articles {
		c.disp[i] = make([]string, len(a.Passages))
		c.clean[i] = make([]bool, len(a.Passages))
		for j, p := range a.Passages {
			t := safeBlock(p.Text)
			c.disp[i][j], c.clean[i][j] = t, t == p.Text
		}
	}
	c.relayout()
}

// window is the panes shown: from first, k of them.
func (c *comparePage) window() (first, k int) {
	n := len(c.arts)
	if n == 0 {
		return 0, 0
	}
	if c.full {
		return c.focus, 1
	}
	k = min(max((c.w+1)/(minPane+1), 1), n)
	first = min(max(c.first, 0), n-k)
	if c.focus < first {
		first = c.focus
	}
	if c.focus >= first+k {
		first = c.focus - k + 1
	}
	return first, k
}

// paneWidths splits the width between k panes and the k-1 rules between
// them.
func (c *comparePage) paneWidths(k int) []int {
	ws := make([]int, k)
	total := max(c.w-(k-1), k)
	for i := range ws {
		ws[i] = total / k
		if i < total%k {
			ws[i]++
		}
	}
	return ws
}

// bodyHeight is the lines of aligned text: all but the top bar, the two
// pane heading lines and the status line.
func (c *comparePage) bodyHeight() int { return max(c.h-4, 1) }

// relayout rebuilds the aligned document if the focus, the panes shown or
// their width changed.
func (c *comparePage) relayout() {
	if c.cmp == nil || c.w <= 0 {
		return
	}
	first, k := c.window()
	c.first = first
	ws := c.paneWidths(k)
	lk := layoutKey{gen: c.gen, focus: c.focus, first: first, k: k, pw: ws[len(ws)-1]}
	if c.lay != nil && c.lay.key == lk {
		c.clampTop()
		return
	}
	relaid := c.lay != nil
	c.lay = buildLayout(c.cmp, c.disp, lk, c.focus, first, k, ws)
	if relaid {
		// A new width or focus: keep the cursor's passages in view.
		c.showCursor()
	}
	c.clampTop()
}

// buildLayout aligns the passages of the visible panes on the focused one
// (see the comment at the top of this file).
func buildLayout(cmp *compare.Comparison, disp [][]string, lk layoutKey, focus, first, k int, ws []int) *cmpLayout {
	panes := make([]int, k)
	paneOf := map[int]int{}
	for i := range panes {
		panes[i] = first + i
		paneOf[first+i] = i
	}
	fp := paneOf[focus]
	// rowMember[r][a] is article a's passage in row r, or -1.
	n := len(cmp.Articles)
	rowMember := make([][]int, len(cmp.Rows))
	for r, row := range cmp.Rows {
		rowMember[r] = make([]int, n)
		for i := range rowMember[r] {
			rowMember[r][i] = -1
		}
		for _, ref := range row.Passages {
			rowMember[r][ref.Article] = ref.Passage
		}
	}
	// claimed[a][q]: passage q of article a is level with a passage of the
	// focused article, so it is drawn there, not in its own order.
	claimed := make([][]bool, n)
	for a := range claimed {
		claimed[a] = make([]bool, len(cmp.Articles[a].Passages))
	}
	for _, m := range rowMember {
		if m[focus] < 0 {
			continue
		}
		for a, q := range m {
			if a != focus && q >= 0 {
				claimed[a][q] = true
			}
		}
	}
	lay := &cmpLayout{key: lk, bandOf: make([]int, len(cmp.Articles[focus].Passages))}
	next := make([]int, n) // each article's next passage in its own order
	type item struct {
		ref   passages.Ref
		label string
	}
	addBand := func(focusP int, cells [][]item) {
		h := 0
		cols := make([][]paneLine, k)
		var refs []passages.Ref
		for p, items := range cells {
			tw := max(ws[p]-2, 1)
			for x, it := range items {
				if x > 0 {
					cols[p] = append(cols[p], paneLine{})
				}
				txt := disp[it.ref.Article][it.ref.Passage]
				for i, sp := range wrapSpans(txt, tw) {
					cols[p] = append(cols[p], paneLine{kind: plText, first: i == 0, ref: it.ref, sp: sp})
				}
				// The note goes under the text, so that counterparts
				// start on the same line.
				if it.label != "" {
					cols[p] = append(cols[p], paneLine{kind: plLabel, ref: it.ref, label: it.label})
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
			lay.bandAt = append(lay.bandAt, -1)
		}
		b := band{start: len(lay.lines), height: h, focus: focusP, refs: refs}
		bi := int32(len(lay.bands))
		for i := 0; i < h; i++ {
			row := make([]paneLine, k)
			for p := range cols {
				if i < len(cols[p]) {
					row[p] = cols[p][i]
				}
			}
			lay.lines = append(lay.lines, row)
			lay.bandAt = append(lay.bandAt, bi)
		}
		if focusP >= 0 {
			lay.bandOf[focusP] = len(lay.bands)
		}
		lay.bands = append(lay.bands, b)
	}
	// gap draws, for each other visible pane, its unclaimed passages
	// before upto[p], in its own order. Where two of those panes have
	// passages of one row (counterparts of each other, with none in the
	// focused pane), these are drawn level too, as far as both panes'
	// order allows; the rest run side by side as they come.
	gap := func(upto []int) {
		lists := make([][]int, k)
		at := make([]map[int]int, k) // passage -> its index in lists[p]
		for p, a := range panes {
			at[p] = map[int]int{}
			if a == focus {
				continue
			}
			for ; next[a] < upto[p]; next[a]++ {
				if !claimed[a][next[a]] {
					at[p][next[a]] = len(lists[p])
					lists[p] = append(lists[p], next[a])
				}
			}
		}
		head := make([]int, k)
		broken := map[passages.Ref]bool{} // counterparts given up on: drawn in order
		// pending lists the counterparts, still to draw, of pane p's
		// passage q in the other panes: pane and index in its list.
		pending := func(p int, q passages.Ref) (out [][2]int) {
			r := cmp.RowOf(q)
			if r < 0 || broken[q] {
				return nil
			}
			for o, b := range panes {
				if o == p || b == focus {
					continue
				}
				if m := rowMember[r][b]; m >= 0 {
					if j, ok := at[o][m]; ok && j >= head[o] && !broken[passages.Ref{Article: b, Passage: m}] {
						out = append(out, [2]int{o, j})
					}
				}
			}
			return out
		}
		refAt := func(p, j int) passages.Ref { return passages.Ref{Article: panes[p], Passage: lists[p][j]} }
		for {
			// Side by side: every pane's passages up to one that waits
			// for a counterpart in another pane.
			cells := make([][]item, k)
			left := -1
			for p := range panes {
				for head[p] < len(lists[p]) && len(pending(p, refAt(p, head[p]))) == 0 {
					cells[p] = append(cells[p], item{ref: refAt(p, head[p])})
					head[p]++
				}
				if head[p] < len(lists[p]) && left < 0 {
					left = p
				}
			}
			addBand(-1, cells)
			if left < 0 {
				return
			}
			// The leftmost waiting passage, level with its counterparts
			// that are next in their panes; those further down are given
			// up on and drawn in their own order.
			q := refAt(left, head[left])
			head[left]++
			cells = make([][]item, k)
			cells[left] = []item{{ref: q}}
			name := oneLine(cmp.Articles[q.Article].Outlet)
			for _, oj := range pending(left, q) {
				o, j := oj[0], oj[1]
				m := refAt(o, j)
				if j != head[o] {
					broken[m] = true
					continue
				}
				cells[o] = []item{{ref: m, label: fmt.Sprintf("≈ %.2f with %s", cmp.Score(q, m), name)}}
				head[o]++
			}
			addBand(-1, cells)
		}
	}
	for fpass := range cmp.Articles[focus].Passages {
		fref := passages.Ref{Article: focus, Passage: fpass}
		row := cmp.RowOf(fref)
		upto := make([]int, k)
		for p, a := range panes {
			upto[p] = next[a]
			if a != focus && row >= 0 {
				if q := rowMember[row][a]; q >= next[a] {
					upto[p] = q
				}
			}
		}
		gap(upto)
		cells := make([][]item, k)
		cells[fp] = []item{{ref: fref}}
		if row >= 0 {
			for p, a := range panes {
				q := rowMember[row][a]
				if a == focus || q < 0 {
					continue
				}
				o := passages.Ref{Article: a, Passage: q}
				label := fmt.Sprintf("≈ %.2f", cmp.Score(fref, o))
				if q < next[a] {
					label += fmt.Sprintf(" · ↕ moved from §%d", q+1)
				} else {
					next[a] = q + 1
				}
				cells[p] = append(cells[p], item{ref: o, label: label})
			}
		}
		addBand(fpass, cells)
	}
	end := make([]int, k)
	for p, a := range panes {
		end[p] = len(cmp.Articles[a].Passages)
	}
	gap(end)
	return lay
}

// cursorBand is the band of the focused pane's cursor passage.
func (c *comparePage) cursorBand() (band, bool) {
	if c.lay == nil || len(c.cur) <= c.focus {
		return band{}, false
	}
	p := c.cur[c.focus]
	if p < 0 || p >= len(c.lay.bandOf) {
		return band{}, false
	}
	return c.lay.bands[c.lay.bandOf[p]], true
}

func (c *comparePage) maxTop() int {
	if c.lay == nil {
		return 0
	}
	return max(len(c.lay.lines)-c.bodyHeight(), 0)
}

func (c *comparePage) clampTop() { c.top = min(max(c.top, 0), c.maxTop()) }

// showCursor scrolls so the cursor band is on screen, with a line of
// context above it when it fits.
func (c *comparePage) showCursor() {
	b, ok := c.cursorBand()
	if !ok {
		return
	}
	bh := c.bodyHeight()
	if b.start < c.top+1 || b.height >= bh {
		c.top = b.start - 1
		// Bring along the passages of other panes just above it, that
		// have no counterpart, when they fit: they come before it.
		if bi := c.lay.bandOf[c.cur[c.focus]]; bi > 0 {
			if pb := c.lay.bands[bi-1]; pb.focus < 0 && b.start+b.height-pb.start <= bh {
				c.top = pb.start
			}
		}
	} else if b.start+b.height > c.top+bh {
		c.top = b.start + b.height - bh
	}
	c.clampTop()
}

// step moves the cursor d passages through the focused pane.
func (c *comparePage) step(d int) {
	if c.cmp == nil {
		return
	}
	n := len(c.cmp.Articles[c.focus].Passages)
	c.cur[c.focus] = min(max(c.cur[c.focus]+d, 0), max(n-1, 0))
	c.showCursor()
}

// scroll moves the view d lines; the cursor follows when it leaves the
// screen, onto the first focused passage in view.
func (c *comparePage) scroll(d int) {
	if c.lay == nil {
		return
	}
	c.top += d
	c.clampTop()
	b, ok := c.cursorBand()
	bh := c.bodyHeight()
	if ok && b.start+b.height > c.top && b.start < c.top+bh {
		return
	}
	for _, bd := range c.lay.bands {
		if bd.focus >= 0 && bd.start >= c.top {
			c.cur[c.focus] = bd.focus
			return
		}
	}
}

// setFocus moves the focus to pane a; its cursor goes to the passage level
// with (or next after) the current cursor, so the text in view stays.
func (c *comparePage) setFocus(a int) {
	if c.cmp == nil || a == c.focus || a < 0 || a >= len(c.arts) {
		return
	}
	if _, ok := c.cursorBand(); ok {
	bands:
		for _, bd := range c.lay.bands[c.lay.bandOf[c.cur[c.focus]]:] {
			for _, r := range bd.refs {
				if r.Article == a {
					c.cur[a] = r.Passage
					break bands
				}
			}
		}
	}
	c.focus = a
	c.relayout()
	c.showCursor()
}

// jump focuses pane a on passage p (from the differences panel).
func (c *comparePage) jump(r passages.Ref) {
	if c.cmp == nil || r.Article < 0 || r.Article >= len(c.arts) {
		return
	}
	c.focus = r.Article
	c.cur[r.Article] = min(max(r.Passage, 0), max(len(c.cmp.Articles[r.Article].Passages)-1, 0))
	c.relayout()
	c.showCursor()
}

func (c *comparePage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := c.keys
	c.note = ""
	bh := c.bodyHeight()
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case c.cmp == nil:
		return nil
	case key.Matches(msg, k.nav.Up):
		c.step(-1)
	case key.Matches(msg, k.nav.Down):
		c.step(1)
	case key.Matches(msg, k.nav.Top):
		c.step(-len(c.cmp.Articles[c.focus].Passages))
	case key.Matches(msg, k.nav.Bottom):
		c.step(len(c.cmp.Articles[c.focus].Passages))
	case key.Matches(msg, k.nav.PageUp):
		c.scroll(-max(bh-1, 1))
	case key.Matches(msg, k.nav.PageDown):
		c.scroll(max(bh-1, 1))
	case key.Matches(msg, k.nav.HalfUp):
		c.scroll(-max(bh/2, 1))
	case key.Matches(msg, k.nav.HalfDown):
		c.scroll(max(bh/2, 1))
	case key.Matches(msg, k.Next):
		c.setFocus((c.focus + 1) % len(c.arts))
	case key.Matches(msg, k.Prev):
		c.setFocus((c.focus - 1 + len(c.arts)) % len(c.arts))
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		c.page(key.Matches(msg, k.Right))
	case key.Matches(msg, k.Full):
		c.full = !c.full
		c.relayout()
		c.showCursor()
	case key.Matches(msg, k.Diffs):
		c.panel = newDiffPanel(c)
	case key.Matches(msg, k.Read):
		a := c.arts[c.focus]
		para := -1
		if p, ok := c.cmp.Passage(passages.Ref{Article: c.focus, Passage: c.cur[c.focus]}); ok {
			para = p.Paragraph
		}
		return func() tea.Msg { return openArticleMsg{article: a, para: para} }
	}
	return nil
}

// page shows the next (or previous) panes that did not fit, and focuses
// the first of them.
func (c *comparePage) page(forward bool) {
	first, k := c.window()
	n := len(c.arts)
	if c.full || k >= n {
		c.note = "all panes are shown"
		return
	}
	if forward {
		first = min(first+k, n-k)
	} else {
		first = max(first-k, 0)
	}
	if c.focus < first || c.focus >= first+k {
		c.setFocus(first)
	}
	c.first = first
	c.relayout()
}

// highlights are the differing words of the cursor band: for each
// counterpart, its words the focused passage lacks; for the focused
// passage, its words some counterpart lacks.
func (c *comparePage) highlights() map[passages.Ref][]span {
	b, ok := c.cursorBand()
	if !ok {
		return nil
	}
	first, k := c.window()
	hk := [5]int{c.gen, c.focus, c.cur[c.focus], first, k}
	if c.hl != nil && c.hlKey == hk {
		return c.hl
	}
	out := map[passages.Ref][]span{}
	fref := passages.Ref{Article: c.focus, Passage: b.focus}
	for _, r := range b.refs {
		if r == fref {
			continue
		}
		d := c.cmp.Diff(fref, r)
		for _, x := range d.A {
			out[fref] = append(out[fref], span{x.Start, x.End})
		}
		for _, x := range d.B {
			out[r] = append(out[r], span{x.Start, x.End})
		}
	}
	c.hl, c.hlKey = out, hk
	return out
}

// View draws the top bar, the pane headings, the aligned passages (or the
// differences panel) and the status line.
func (c *comparePage) View() string {
	if c.w <= 0 || c.h <= 0 {
		return ""
	}
	st := c.sh.styles
	lines := make([]string, 0, c.h)
	lines = append(lines, c.barLine())
	switch {
	case c.err != nil:
		lines = append(lines, "", st.Error.Render(" "+oneLine(c.err.Error())))
	case len(c.arts) == 0:
		lines = append(lines, "", st.Dim.Render(" Nothing to compare: mark 2 to 6 articles in the library (space), then press c."))
	case c.panel != nil:
		lines = append(lines, c.panel.view(c.w, c.h-2)...)
	default:
		lines = append(lines, c.headings()...)
		if c.cmp == nil {
			lines = append(lines, st.Dim.Render(" "+c.spin.View()+" aligning passages…"))
		} else {
			lines = append(lines, c.body()...)
		}
	}
	for len(lines) < c.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:c.h-1], c.statusLine())
	return screen(lines, c.w, c.h)
}

func (c *comparePage) barLine() string {
	st := c.sh.styles
	what := fmt.Sprintf("%d marked articles", len(c.arts))
	if c.title != "" {
		what = oneLine(c.title)
	}
	head := st.Bar.Render("Compare") + st.BarDim.Render(" · ")
	if c.panel != nil {
		head = st.Bar.Render("Differences") + st.BarDim.Render(" · ")
	}
	if c.busy {
		return head + st.BarDim.Render(c.spin.View()+" aligning… · "+what)
	}
	return head + st.BarDim.Render(what)
}

// headings are two lines per pane: outlet and date, then the title.
func (c *comparePage) headings() []string {
	st := c.sh.styles
	first, k := c.window()
	ws := c.paneWidths(k)
	sep := st.Sep.Render("│")
	var l1, l2 strings.Builder
	for p := 0; p < k; p++ {
		a := c.arts[first+p]
		if p > 0 {
			l1.WriteString(sep)
			l2.WriteString(sep)
		}
		by := oneLine(a.Byline())
		if by == "" {
			by = "unknown outlet"
		}
		if d := a.Date.String(); d != "" {
			by += " · " + d
		}
		hs := st.PaneHead
		mark := "  "
		if first+p == c.focus {
			hs = st.PaneFocus
			mark = "▸ "
		}
		l1.WriteString(hs.Render(mark) + cell(by, nil, max(ws[p]-2, 0), hs, hs))
		l2.WriteString("  " + cell(oneLine(a.Title), nil, max(ws[p]-2, 0), st.Dim, st.Dim))
	}
	return []string{l1.String(), l2.String()}
}

// body renders the visible lines of the aligned document.
func (c *comparePage) body() []string {
	if c.lay == nil {
		return nil
	}
	// Compiled once a frame: lipgloss Render per cell would dominate.
	st := c.sh.styles
	p := struct{ dim, cursor, unique, diff Paint }{compile(st.Dim), compile(st.Cursor), compile(st.Unique), compile(st.DiffWord)}
	bases := map[passages.Kind]Paint{passages.KindTitle: compile(st.Title), passages.KindDek: compile(st.Dek),
		passages.KindSubhead: compile(st.Subhead), passages.KindBody: compile(st.Body)}
	first, k := c.window()
	ws := c.paneWidths(k)
	cb, hasCB := c.cursorBand()
	hl := c.highlights()
	sep := st.Sep.Render("│")
	blank := make([]string, k)
	for i := range blank {
		blank[i] = strings.Repeat(" ", ws[i])
	}
	focusName := oneLine(c.arts[c.focus].Outlet)
	if focusName == "" {
		focusName = "this outlet"
	}
	fref := passages.Ref{Article: c.focus, Passage: c.cur[c.focus]}
	uniqueCursor := c.cmp.RowOf(fref) < 0
	bh := c.bodyHeight()
	out := make([]string, 0, bh)
	for i := c.top; i < len(c.lay.lines) && i < c.top+bh; i++ {
		inCB := hasCB && i >= cb.start && i < cb.start+cb.height
		var b strings.Builder
		for pi, pl := range c.lay.lines[i] {
			if pi > 0 {
				b.WriteString(sep)
			}
			tw := max(ws[pi]-2, 0)
			switch pl.kind {
			case plBlank:
				if inCB && i == cb.start && first+pi != c.focus && !c.bandHas(cb, first+pi) {
					label := "— no counterpart —"
					if uniqueCursor {
						label = "— only in " + focusName + " —"
					}
					b.WriteString("  " + cellP(label, nil, tw, p.dim, p.dim))
				} else {
					b.WriteString(blank[pi])
				}
			case plLabel:
				ls := p.dim
				if inCB {
					ls = p.cursor
				}
				b.WriteString("  " + cellP(pl.label, nil, tw, ls, ls))
			case plText:
				switch {
				case inCB:
					b.WriteString(p.cursor.Render("▍ "))
				case pl.first && c.cmp.RowOf(pl.ref) < 0:
					b.WriteString(p.unique.Render("○ "))
				default:
					b.WriteString("  ")
				}
				text := c.disp[pl.ref.Article][pl.ref.Passage]
				var spans []span
				if inCB && c.clean[pl.ref.Article][pl.ref.Passage] {
					spans = shift(hl[pl.ref], pl.sp.Start, pl.sp.End-pl.sp.Start)
				}
				base := bases[c.cmp.Articles[pl.ref.Article].Passages[pl.ref.Passage].Kind]
				b.WriteString(cellP(text[pl.sp.Start:pl.sp.End], spans, tw, base, p.diff))
			}
		}
		out = append(out, b.String())
	}
	return out
}

func (c *comparePage) bandHas(b band, a int) bool {
	for _, r := range b.refs {
		if r.Article == a {
			return true
		}
	}
	return false
}

func (c *comparePage) statusLine() string {
	st := c.sh.styles
	var parts []string
	if c.panel != nil {
		parts = append(parts, c.panel.status())
	} else if c.cmp != nil {
		first, k := c.window()
		n := len(c.arts)
		switch {
		case c.full:
			parts = append(parts, fmt.Sprintf("pane %d of %d, full width (z)", c.focus+1, n))
		case k == 1 && n > 1:
			parts = append(parts, fmt.Sprintf("pane %d of %d (←/→)", first+1, n))
		case k < n:
			parts = append(parts, fmt.Sprintf("panes %d–%d of %d (←/→)", first+1, first+k, n))
		}
		np := len(c.cmp.Articles[c.focus].Passages)
		fref := passages.Ref{Article: c.focus, Passage: c.cur[c.focus]}
		parts = append(parts, fmt.Sprintf("§%d/%d", fref.Passage+1, np))
		if r := c.cmp.RowOf(fref); r >= 0 {
			parts = append(parts, fmt.Sprintf("row %d/%d ≈ %.2f", r+1, len(c.cmp.Rows), c.cmp.Rows[r].Score))
		} else {
			parts = append(parts, "only in "+oneLine(c.arts[c.focus].Outlet))
		}
		if nd := len(c.cmp.Differences); nd > 0 {
			parts = append(parts, fmt.Sprintf("%d differences (d)", nd))
		}
		parts = append(parts, "○ no counterpart")
	}
	if c.note != "" {
		parts = append(parts, c.note)
	}
	return " " + st.Status.Render(strings.Join(parts, " · "))
}
