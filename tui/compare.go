package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The compare view shows 2–6 articles side by side, one pane each, with the
// passages that report the same thing level with each other (see
// compare_layout.go for how they are lined up). tab moves the focus, and
// so re-anchors the alignment on another outlet; d opens the differences
// panel.
//
// The comparison is a job (jobCompare, compare.Compare) the root starts
// when the view is opened on other articles; until its result arrives the
// view says "aligning…".

// minPane is the narrowest a pane may be; when the panes do not all fit at
// this width the view shows as many as fit and pages through the rest.
const minPane = 30

// layoutKey says what an aligned document was built for.
type layoutKey struct {
	cmp                 *compare.Comparison
	focus, first, k, pw int
}

// highlightKey says what the differing words were found for.
type highlightKey struct {
	cmp                         *compare.Comparison
	focus, cursor, first, panes int
}

// comparePage is the compare view.
type comparePage struct {
	sh   *shared
	keys compareKeys
	w, h int

	arts  []*corpus.Article // the panes' articles, oldest first
	title string
	cmp   *compare.Comparison
	err   error
	spin  spinner.Model
	text  [][]string // passages' text as drawn (sanitised again if needed)
	clean [][]bool   // text is the passage text itself, so byte ranges apply

	focus int   // the focused pane (article index)
	cur   []int // each article's cursor passage
	first int   // the first pane shown when they page
	full  bool  // the focused pane alone, full width
	top   int   // first document line shown

	lay    *compareLayout
	layKey layoutKey
	hl     map[passages.Ref][]span // differing words in the cursor band
	hlKey  highlightKey
	note   string

	panel *diffPanel // the differences panel, when open
	// closed is the panel last closed: d opens it again where it was,
	// on the same comparison.
	closed *diffPanel
}

func newCompare(sh *shared) *comparePage {
	return &comparePage{sh: sh, keys: newCompareKeys(), spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// SetSize gives the view its rectangle.
func (c *comparePage) SetSize(w, h int) {
	c.w, c.h = w, h
	c.relayout()
	if c.panel != nil {
		c.panel.SetSize(w, c.panelHeight())
	}
}

// panelHeight is the differences panel's height: all but the bar and the
// status line.
func (c *comparePage) panelHeight() int { return c.h - 2 }

// KeyMap is the compare view's keys, or the differences panel's.
func (c *comparePage) KeyMap() help.KeyMap {
	if c.panel != nil {
		return c.panel.keys
	}
	k := c.keys
	_, n := c.window()
	k.paging = !c.full && n < len(c.arts)
	return k
}

// Capturing is always false: the view has no text field.
func (c *comparePage) Capturing() bool { return false }

// busy reports whether the articles are being aligned.
func (c *comparePage) busy() bool { return c.sh.jobs.waiting(jobCompare) }

// open shows arts, titled title, and reports whether they must be
// aligned: not when they are the ones already compared, nor when there are
// too few or too many of them (the view says so).
func (c *comparePage) open(arts []*corpus.Article, title string) bool {
	c.note = ""
	c.panel = nil
	if c.cmp != nil && c.err == nil && sameSet(c.arts, arts) {
		c.title = title
		return false
	}
	c.arts, c.title = byPublication(arts), title
	c.cmp, c.err, c.lay, c.hl = nil, nil, nil, nil
	c.text, c.clean = nil, nil
	c.focus, c.first, c.full, c.top = 0, 0, false, 0
	c.cur = make([]int, len(arts))
	if len(arts) < 2 || len(arts) > compare.MaxArticles {
		c.err = fmt.Errorf("compare needs 2 to %d articles, got %d", compare.MaxArticles, len(arts))
		return false
	}
	return true
}

// byPublication orders panes by publication, oldest on the left, undated
// last.
func byPublication(arts []*corpus.Article) []*corpus.Article {
	out := slices.Clone(arts)
	slices.SortStableFunc(out, func(x, y *corpus.Article) int {
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
	return out
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

// setComparison takes the comparison of the articles shown, or the error
// that stopped it.
func (c *comparePage) setComparison(cmp *compare.Comparison, err error) {
	if err != nil {
		c.err = err
		return
	}
	c.cmp = cmp
	c.text = make([][]string, len(cmp.Articles))
	c.clean = make([][]bool, len(cmp.Articles))
	for i, a := range cmp.Articles {
		c.text[i] = make([]string, len(a.Passages))
		c.clean[i] = make([]bool, len(a.Passages))
		for j, p := range a.Passages {
			t := termtext.Block(p.Text)
			c.text[i][j], c.clean[i][j] = t, t == p.Text
		}
	}
	c.relayout()
}

// Update handles keys and the mouse while the view is shown, the
// differences panel's requests, and the spinner.
func (c *comparePage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		if !c.busy() {
			return nil
		}
		var cmd tea.Cmd
		c.spin, cmd = c.spin.Update(msg)
		return cmd
	case diffJumpMsg:
		c.closed, c.panel = c.panel, nil
		c.jump(msg.ref)
	case diffCloseMsg:
		c.closed, c.panel = c.panel, nil
	case tea.KeyPressMsg:
		if c.panel != nil {
			return c.panel.Update(msg)
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
			if pl := c.lay.lines[i][p]; pl.kind != lineBlank {
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

// relayout rebuilds the aligned document if the comparison, the focus, the
// panes shown or their width changed.
func (c *comparePage) relayout() {
	if c.cmp == nil || c.w <= 0 {
		return
	}
	first, k := c.window()
	c.first = first
	ws := c.paneWidths(k)
	lk := layoutKey{cmp: c.cmp, focus: c.focus, first: first, k: k, pw: ws[len(ws)-1]}
	if c.lay != nil && c.layKey == lk {
		c.clampTop()
		return
	}
	relaid := c.lay != nil
	panes := make([]int, k)
	for i := range panes {
		panes[i] = first + i
	}
	names := make([]string, len(c.arts))
	for i, a := range c.arts {
		names[i] = outletName(a)
	}
	c.lay = buildLayout(layoutInput{cmp: c.cmp, text: c.text, score: c.cmp.Score, rowsOf: c.cmp.RowsOf, focus: c.focus, panes: panes, widths: ws, names: names})
	c.layKey = lk
	if relaid {
		// A new width or focus: keep the cursor's passages in view.
		c.showCursor()
	}
	c.clampTop()
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

// jump focuses the pane of passage r and puts the cursor on it (the
// differences panel asks for it).
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
	if key.Matches(msg, k.Back) {
		return func() tea.Msg { return backMsg{} }
	}
	if c.cmp == nil {
		return nil
	}
	if mv := k.nav.move(msg); mv != navNone {
		c.navigate(mv)
		return nil
	}
	switch {
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
		c.panel = reopenDiffPanel(c.closed, c.sh, c.cmp, c.arts, c.w, c.panelHeight())
	case key.Matches(msg, k.Read):
		return c.readPassage()
	case key.Matches(msg, k.Copy):
		return c.copyPassage()
	case key.Matches(msg, k.Export):
		return c.exportReport()
	}
	return nil
}

// navigate carries out a navigation key: up, down and the ends move the
// cursor passage by passage, the pages scroll.
func (c *comparePage) navigate(mv navMove) {
	switch mv {
	case navUp, navDown, navTop, navBottom:
		c.step(mv.delta(0, 0, len(c.cmp.Articles[c.focus].Passages)))
	default:
		bh := c.bodyHeight()
		c.scroll(mv.delta(max(bh-1, 1), max(bh/2, 1), 0))
	}
}

// readPassage asks for the reader at the cursor passage's paragraph.
func (c *comparePage) readPassage() tea.Cmd {
	a := c.arts[c.focus]
	para := -1
	if p, ok := c.cmp.Passage(passages.Ref{Article: c.focus, Passage: c.cur[c.focus]}); ok {
		para = p.Paragraph
	}
	return func() tea.Msg { return openArticleMsg{article: a, para: para} }
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
