package tui

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/termtext"
)

// highlights are the differing words of the cursor band: for each
// counterpart, its words the focused passage lacks; for the focused
// passage, its words some counterpart lacks.
func (c *comparePage) highlights() map[passages.Ref][]span {
	b, ok := c.cursorBand()
	if !ok {
		return nil
	}
	first, k := c.window()
	hk := highlightKey{cmp: c.cmp, focus: c.focus, cursor: c.cur[c.focus], first: first, panes: k}
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
	var body []string
	switch {
	case c.err != nil:
		body = []string{"", st.Error.Render(" " + termtext.OneLine(c.err.Error()))}
	case len(c.arts) == 0:
		body = []string{"", st.Dim.Render(" Nothing to compare: mark 2 to 6 articles in the library (space), then press c.")}
	case c.panel != nil:
		body = c.panel.View()
	default:
		body = c.headings()
		if c.cmp == nil {
			body = append(body, st.Dim.Render(" "+c.spin.View()+" aligning passages…"))
		} else {
			body = append(body, c.body()...)
		}
	}
	return frame(c.w, c.h, c.barLine(), body, c.statusLine())
}

func (c *comparePage) barLine() string {
	st := c.sh.styles
	what := fmt.Sprintf("%d marked articles", len(c.arts))
	if c.title != "" {
		what = termtext.OneLine(c.title)
	}
	head := st.Bar.Render("Compare") + st.BarDim.Render(" · ")
	if c.panel != nil {
		head = st.Bar.Render("Differences") + st.BarDim.Render(" · ")
	}
	if c.busy() {
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
		l1.WriteString(c.headingOutlet(a, first+p == c.focus, max(ws[p]-2, 0)))
		l2.WriteString("  " + c.headingTitle(a, max(ws[p]-2, 0)))
	}
	return []string{l1.String(), l2.String()}
}

// headingOutlet is a pane's first heading line: the outlet (its id, dim,
// when it has none) and the date; "▸" marks the focused pane.
func (c *comparePage) headingOutlet(a *corpus.Article, focused bool, w int) string {
	st := c.sh.styles
	hs, mark := st.PaneHead, "  "
	if focused {
		hs, mark = st.PaneFocus, "▸ "
	}
	// The outlet label (the id standing in for a missing outlet,
	// dimmed), as every view names an article.
	label, fallback := a.OutletLabel()
	by := termtext.OneLine(label)
	var dim []span
	if fallback {
		dim = []span{{0, len(by)}}
	}
	if d := a.Date.String(); d != "" {
		by += " · " + d
	}
	paint := compile(hs)
	return hs.Render(mark) + cell(by, dim, w, paint, c.sh.styles.P.Dim.On(paint))
}

// headingTitle is a pane's second heading line: the title, dim; a title
// made from the first sentence reads "untitled: …".
func (c *comparePage) headingTitle(a *corpus.Article, w int) string {
	title, _ := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived)
	return cell(termtext.OneLine(title), nil, w, c.sh.styles.P.Dim, c.sh.styles.P.Dim)
}

// bodyPaints are the styles the aligned passages are drawn with,
// compiled once a frame: lipgloss Render per cell would dominate.
type bodyPaints struct {
	dim, cursor, unique, diff Paint
	kinds                     map[passages.Kind]Paint // by passage kind
}

func newBodyPaints(st Styles) bodyPaints {
	return bodyPaints{dim: compile(st.Dim), cursor: compile(st.Cursor), unique: compile(st.Unique), diff: compile(st.DiffWord),
		kinds: map[passages.Kind]Paint{passages.KindTitle: compile(st.Title), passages.KindDek: compile(st.Dek),
			passages.KindSubhead: compile(st.Subhead), passages.KindBody: compile(st.Body)}}
}

// bodyFrame is what drawing the visible lines of the aligned document
// needs, worked out once a frame.
type bodyFrame struct {
	paint    bodyPaints
	first    int      // the first pane shown
	widths   []int    // the panes' widths
	blank    []string // a blank line of each pane
	cb       band     // the cursor band
	hasCB    bool
	hl       map[passages.Ref][]span
	noneText string // what an empty pane beside the cursor says
}

// body renders the visible lines of the aligned document.
func (c *comparePage) body() []string {
	if c.lay == nil {
		return nil
	}
	st := c.sh.styles
	first, k := c.window()
	f := bodyFrame{paint: newBodyPaints(st), first: first, widths: c.paneWidths(k), hl: c.highlights(),
		noneText: "— no counterpart —"}
	f.cb, f.hasCB = c.cursorBand()
	f.blank = make([]string, k)
	for i := range f.blank {
		f.blank[i] = strings.Repeat(" ", f.widths[i])
	}
	if !c.lay.inRow(passages.Ref{Article: c.focus, Passage: c.cur[c.focus]}) {
		name, _ := c.arts[c.focus].OutletLabel()
		f.noneText = "— only in " + termtext.OneLine(name) + " —"
	}
	sep := st.Sep.Render("│")
	bh := c.bodyHeight()
	out := make([]string, 0, bh)
	for i := c.top; i < len(c.lay.lines) && i < c.top+bh; i++ {
		var b strings.Builder
		for p, pl := range c.lay.lines[i] {
			if p > 0 {
				b.WriteString(sep)
			}
			c.writePaneCell(&b, &f, i, p, pl)
		}
		out = append(out, b.String())
	}
	return out
}

// writePaneCell draws pane p's part of document line i into b.
func (c *comparePage) writePaneCell(b *strings.Builder, f *bodyFrame, i, p int, pl paneLine) {
	pt := f.paint
	inCB := f.hasCB && i >= f.cb.start && i < f.cb.start+f.cb.height
	tw := max(f.widths[p]-2, 0)
	switch pl.kind {
	case lineLabel:
		ls := pt.dim
		if inCB && !pl.weak {
			ls = pt.cursor
		}
		b.WriteString("  ")
		b.WriteString(cell(pl.label, nil, tw, ls, ls))
	case lineText:
		switch {
		case inCB:
			b.WriteString(pt.cursor.Render("▍ "))
		case pl.first && !c.lay.inRow(pl.ref):
			b.WriteString(pt.unique.Render("○ "))
		default:
			b.WriteString("  ")
		}
		text := c.text[pl.ref.Article][pl.ref.Passage]
		var spans []span
		if inCB && c.clean[pl.ref.Article][pl.ref.Passage] {
			spans = shift(f.hl[pl.ref], pl.sp.Start, pl.sp.End-pl.sp.Start)
		}
		base := pt.kinds[c.cmp.Articles[pl.ref.Article].Passages[pl.ref.Passage].Kind]
		if pl.weak {
			base = pt.dim // a weak counterpart looks weak
		}
		b.WriteString(cell(text[pl.sp.Start:pl.sp.End], spans, tw, base, pt.diff))
	default:
		if inCB && i == f.cb.start && f.first+p != c.focus && !f.cb.has(f.first+p) {
			b.WriteString("  ")
			b.WriteString(cell(f.noneText, nil, tw, pt.dim, pt.dim))
		} else {
			b.WriteString(f.blank[p])
		}
	}
}

// has reports whether band b holds a passage of article a.
func (b band) has(a int) bool {
	for _, r := range b.refs {
		if r.Article == a {
			return true
		}
	}
	return false
}

// rowStatus says which row the focused passage is in ("row 3/9 ≈ 0.62",
// "· weak" under compare.WeakBelow, "· 2 rows" when it is in several), or
// that its outlet alone tells it.
func (c *comparePage) rowStatus(fref passages.Ref) string {
	rows := c.cmp.RowsOf(fref)
	if len(rows) == 0 {
		name, _ := c.arts[c.focus].OutletLabel()
		return "only in " + termtext.OneLine(name)
	}
	r := c.cmp.Rows[rows[0]]
	s := fmt.Sprintf("row %d/%d ≈ %.2f", rows[0]+1, len(c.cmp.Rows), r.Score)
	if r.Weak {
		s += " weak"
	}
	if len(rows) > 1 {
		s += fmt.Sprintf(" · %d rows", len(rows))
	}
	return s
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
		parts = append(parts, c.rowStatus(fref))
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
