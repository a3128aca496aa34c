package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The differences panel lists how the compared accounts differ, as
// corpus/compare found it: figures that disagree (the toll, the number of
// targets), who is quoted or credited in each account, and the labels each
// outlet uses for the same actor. Every article's side of a difference is
// an entry; enter on it asks the compare view (diffJumpMsg) to close the
// panel and put the cursor on its passage in its pane.
//
// The panel is a child of the compare view: it takes the keys while it is
// open and answers with messages, never by reaching into the view.

// diffLineKind is what a line of the panel is.
type diffLineKind int

const (
	diffSection diffLineKind = iota // "Numbers that disagree"
	diffSummary                     // one difference, in a line
	diffItem                        // one article's side of it: selectable
	diffNone                        // "none found"
	diffBlank
)

type diffLine struct {
	kind diffLineKind
	text string
	item differences.Item // diffItem
}

// diffPanel is the differences panel: its lines, built once, and a cursor
// over the selectable ones. It scrolls by lines, not entries (an entry's
// summary is kept in view with it), so it keeps its own offset.
type diffPanel struct {
	sh     *shared
	keys   diffKeys
	cmp    *compare.Comparison
	arts   []*corpus.Article // the compared articles, for their outlets
	lines  []diffLine
	items  []int      // indexes of diffItem lines
	cur    listCursor // over items
	offset int        // first line shown
	w, h   int
}

// diffSections are the kinds of difference, in the order shown.
var diffSections = []struct {
	kind  differences.Kind
	title string
}{
	{differences.KindNumber, "Numbers that disagree"},
	{differences.KindAttribution, "Who is quoted or credited"},
	{differences.KindLabel, "What each outlet calls the same actor"},
}

// newDiffPanel lists cmp's differences (of arts) for a w×h panel.
func newDiffPanel(sh *shared, cmp *compare.Comparison, arts []*corpus.Article, w, h int) *diffPanel {
	d := &diffPanel{sh: sh, keys: newDiffKeys(), cmp: cmp, arts: arts}
	for si, sec := range diffSections {
		if si > 0 {
			d.lines = append(d.lines, diffLine{kind: diffBlank})
		}
		var ds []differences.Difference
		for _, x := range cmp.Differences {
			if x.Kind == sec.kind {
				ds = append(ds, x)
			}
		}
		d.lines = append(d.lines, diffLine{kind: diffSection, text: fmt.Sprintf("%s (%d)", sec.title, len(ds))})
		if len(ds) == 0 {
			d.lines = append(d.lines, diffLine{kind: diffNone, text: "none found"})
		}
		d.addDifferences(ds)
	}
	// Kinds the panel does not know yet still show, under "Other".
	var other []differences.Difference
	for _, x := range cmp.Differences {
		known := false
		for _, sec := range diffSections {
			known = known || x.Kind == sec.kind
		}
		if !known {
			other = append(other, x)
		}
	}
	if len(other) > 0 {
		d.lines = append(d.lines, diffLine{kind: diffBlank}, diffLine{kind: diffSection, text: fmt.Sprintf("Other (%d)", len(other))})
		d.addDifferences(other)
	}
	d.SetSize(w, h)
	return d
}

// addDifferences lists each difference's summary and its entries.
func (d *diffPanel) addDifferences(ds []differences.Difference) {
	for _, x := range ds {
		d.lines = append(d.lines, diffLine{kind: diffSummary, text: x.Summary})
		for _, it := range x.Items {
			d.items = append(d.items, len(d.lines))
			d.lines = append(d.lines, diffLine{kind: diffItem, item: it})
		}
	}
}

// SetSize gives the panel its rectangle.
func (d *diffPanel) SetSize(w, h int) {
	d.w, d.h = w, h
	d.scroll()
}

// KeyMap is the panel's keys.
func (d *diffPanel) KeyMap() help.KeyMap { return d.keys }

// selected is the entry under the cursor.
func (d *diffPanel) selected() (differences.Item, bool) {
	if d.cur.at < 0 || d.cur.at >= len(d.items) {
		return differences.Item{}, false
	}
	return d.lines[d.items[d.cur.at]].item, true
}

// Update handles a key: moving through the entries, or asking the compare
// view to jump to one or to close the panel.
func (d *diffPanel) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := d.keys
	switch {
	case key.Matches(msg, k.Close):
		return func() tea.Msg { return diffCloseMsg{} }
	case key.Matches(msg, k.Jump):
		if it, ok := d.selected(); ok {
			return func() tea.Msg { return diffJumpMsg{ref: it.Ref} }
		}
	default:
		if mv := k.nav.move(msg); mv != navNone {
			d.cur.navigate(mv, len(d.items), max(d.h/2, 1))
			d.scroll()
		}
	}
	return nil
}

// scroll keeps the cursor's entry, and the summary of its difference, in
// view.
func (d *diffPanel) scroll() {
	if d.h <= 0 {
		return
	}
	if len(d.items) > 0 {
		at := d.items[d.cur.at]
		from := at
		for from > 0 && d.lines[from-1].kind == diffItem {
			from--
		}
		if from > 0 && d.lines[from-1].kind == diffSummary {
			from--
		}
		if from < d.offset {
			d.offset = from
		}
		if at >= d.offset+d.h {
			d.offset = at - d.h + 1
		}
	}
	d.offset = min(max(d.offset, 0), max(len(d.lines)-d.h, 0))
}

// View draws the panel's lines that fit its height.
func (d *diffPanel) View() []string {
	if d.h <= 0 {
		return nil
	}
	out := make([]string, 0, d.h)
	for i := d.offset; i < len(d.lines) && len(out) < d.h; i++ {
		out = append(out, d.line(i))
	}
	return out
}

// line renders panel line i.
func (d *diffPanel) line(i int) string {
	st := d.sh.styles
	l := d.lines[i]
	switch l.kind {
	case diffSection:
		return st.Header.Render(" " + termtext.OneLine(l.text))
	case diffSummary:
		return "   " + cell(termtext.OneLine(l.text), nil, max(d.w-3, 1), st.P.Row, st.P.Row)
	case diffNone:
		return "   " + st.Dim.Render(l.text)
	case diffBlank:
		return ""
	}
	it := l.item
	base, meta := st.Row, st.Meta
	mark := "     "
	if len(d.items) > 0 && d.items[d.cur.at] == i {
		base, meta = st.Selected, st.Meta.Inherit(st.Selected)
		mark = "   ▸ "
	}
	name := "?"
	if it.Article >= 0 && it.Article < len(d.arts) {
		name = termtext.OneLine(d.arts[it.Article].Outlet)
	}
	head := base.Render(mark) + meta.Render(name) + base.Render(": ") + st.DiffWord.Inherit(base).Render(termtext.OneLine(it.Text)) + base.Render("  ")
	rest := max(d.w-termtext.Width(head), 1)
	quote := ""
	var spans []span
	if p, ok := d.cmp.Passage(it.Ref); ok {
		quote = termtext.OneLine(p.Text)
		if quote == p.Text && it.Text != "" {
			if at := strings.Index(quote, it.Text); at >= 0 {
				spans = []span{{at, at + len(it.Text)}}
			}
		}
	}
	return head + cell(quote, spans, rest, compile(st.Dim.Inherit(base)), compile(st.DiffWord))
}

// status is the panel's part of the status line.
func (d *diffPanel) status() string {
	if len(d.items) == 0 {
		return "no differences found"
	}
	return fmt.Sprintf("entry %d/%d · enter goes to its passage", d.cur.at+1, len(d.items))
}
