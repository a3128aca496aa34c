package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus/differences"
)

// The differences panel lists how the compared accounts differ, as
// corpus/differences found it: figures that disagree (the toll, the number of
// targets), who is quoted or credited in each account, and the labels each
// outlet uses for the same actor. Every article's side of a difference is
// an entry; enter on it closes the panel and puts the cursor on its passage
// in its pane.

// diffKeys are the differences panel's keys.
type diffKeys struct {
	Up, Down, PageUp, PageDown key.Binding
	Jump, Close                key.Binding
	global                     globalKeys
}

func newDiffKeys() diffKeys {
	return diffKeys{
		Up:       bind([]string{"up", "k"}, "↑/k", "previous entry"),
		Down:     bind([]string{"down", "j"}, "↓/j", "next entry"),
		PageUp:   bind([]string{"pgup", "b"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "space", "f"}, "pgdn", "page down"),
		Jump:     bind([]string{"enter"}, "enter", "go to the passage"),
		Close:    bind([]string{"esc", "d", "q", "backspace"}, "esc/d", "close differences"),
		global:   newGlobalKeys(),
	}
}

// ShortHelp is the help line under the panel.
func (k diffKeys) ShortHelp() []key.Binding {
	return []key.Binding{short(k.Jump, "go to passage"), short(k.Down, "next"), short(k.Up, "prev"),
		short(k.Close, "close"), k.global.Help}
}

// ShortHelpRanked keeps close and help when the line is too wide.
func (k diffKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp(), 2) }

// FullHelp is the panel's "?" screen.
func (k diffKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Jump, k.Close, k.global.Help, k.global.Quit}}
}

// Kinds of panel line.
const (
	dlSection = iota // "Numbers that disagree"
	dlSummary        // one difference, in a line
	dlItem           // one article's side of it: selectable
	dlNone           // "none found"
	dlBlank
)

type diffLine struct {
	kind int
	text string
	item differences.Item // dlItem
}

// diffPanel is the differences panel's state: its lines, built once, and
// a cursor over the selectable ones.
type diffPanel struct {
	c      *comparePage
	lines  []diffLine
	items  []int // indexes of dlItem lines
	cursor int   // index into items
	offset int   // first line shown
	h      int   // lines shown at the last draw
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

func newDiffPanel(c *comparePage) *diffPanel {
	d := &diffPanel{c: c}
	if c.cmp == nil {
		return d
	}
	for si, sec := range diffSections {
		if si > 0 {
			d.lines = append(d.lines, diffLine{kind: dlBlank})
		}
		var ds []differences.Difference
		for _, x := range c.cmp.Differences {
			if x.Kind == sec.kind {
				ds = append(ds, x)
			}
		}
		d.lines = append(d.lines, diffLine{kind: dlSection, text: fmt.Sprintf("%s (%d)", sec.title, len(ds))})
		if len(ds) == 0 {
			d.lines = append(d.lines, diffLine{kind: dlNone, text: "none found"})
		}
		for _, x := range ds {
			d.lines = append(d.lines, diffLine{kind: dlSummary, text: x.Summary})
			for _, it := range x.Items {
				d.items = append(d.items, len(d.lines))
				d.lines = append(d.lines, diffLine{kind: dlItem, item: it})
			}
		}
	}
	// Kinds the panel does not know yet still show, under "Other".
	var other []differences.Difference
	for _, x := range c.cmp.Differences {
		known := false
		for _, sec := range diffSections {
			known = known || x.Kind == sec.kind
		}
		if !known {
			other = append(other, x)
		}
	}
	if len(other) > 0 {
		d.lines = append(d.lines, diffLine{kind: dlBlank}, diffLine{kind: dlSection, text: fmt.Sprintf("Other (%d)", len(other))})
		for _, x := range other {
			d.lines = append(d.lines, diffLine{kind: dlSummary, text: x.Summary})
			for _, it := range x.Items {
				d.items = append(d.items, len(d.lines))
				d.lines = append(d.lines, diffLine{kind: dlItem, item: it})
			}
		}
	}
	return d
}

// selected is the entry under the cursor.
func (d *diffPanel) selected() (differences.Item, bool) {
	if d.cursor < 0 || d.cursor >= len(d.items) {
		return differences.Item{}, false
	}
	return d.lines[d.items[d.cursor]].item, true
}

func (d *diffPanel) move(n int) {
	d.cursor = min(max(d.cursor+n, 0), max(len(d.items)-1, 0))
}

// panelKey handles a key while the differences panel is open.
func (c *comparePage) panelKey(msg tea.KeyPressMsg) tea.Cmd {
	d, k := c.panel, c.dkeys
	page := max(d.h/2, 1)
	switch {
	case key.Matches(msg, k.Close):
		c.panel = nil
	case key.Matches(msg, k.Up):
		d.move(-1)
	case key.Matches(msg, k.Down):
		d.move(1)
	case key.Matches(msg, k.PageUp):
		d.move(-page)
	case key.Matches(msg, k.PageDown):
		d.move(page)
	case key.Matches(msg, k.Jump):
		if it, ok := d.selected(); ok {
			c.panel = nil
			c.jump(it.Ref)
		}
	}
	return nil
}

// view draws the panel into w×h, scrolled to keep the cursor in view.
func (d *diffPanel) view(w, h int) []string {
	st := d.c.sh.styles
	d.h = h
	if h <= 0 {
		return nil
	}
	if d.c.cmp == nil {
		return []string{st.Dim.Render(" The comparison is not ready yet.")}
	}
	if len(d.items) > 0 {
		at := d.items[d.cursor]
		// Keep the cursor's difference summary in view too.
		from := at
		for from > 0 && d.lines[from-1].kind == dlItem {
			from--
		}
		if from > 0 && d.lines[from-1].kind == dlSummary {
			from--
		}
		if from < d.offset {
			d.offset = from
		}
		if at >= d.offset+h {
			d.offset = at - h + 1
		}
	}
	d.offset = min(max(d.offset, 0), max(len(d.lines)-h, 0))
	out := make([]string, 0, h)
	for i := d.offset; i < len(d.lines) && len(out) < h; i++ {
		out = append(out, d.line(i, w))
	}
	return out
}

// line renders panel line i at width w.
func (d *diffPanel) line(i, w int) string {
	st := d.c.sh.styles
	l := d.lines[i]
	switch l.kind {
	case dlSection:
		return st.Header.Render(" " + oneLine(l.text))
	case dlSummary:
		return "   " + cell(oneLine(l.text), nil, max(w-3, 1), st.Row, st.Row)
	case dlNone:
		return "   " + st.Dim.Render(l.text)
	case dlBlank:
		return ""
	}
	it := l.item
	sel := len(d.items) > 0 && d.items[d.cursor] == i
	base, meta := st.Row, st.Meta
	mark := "     "
	if sel {
		base, meta = st.Selected, st.Meta.Inherit(st.Selected)
		mark = "   ▸ "
	}
	name := "?"
	if it.Article >= 0 && it.Article < len(d.c.arts) {
		name = oneLine(d.c.arts[it.Article].Outlet)
	}
	head := base.Render(mark) + meta.Render(name) + base.Render(": ") + st.DiffWord.Inherit(base).Render(oneLine(it.Text)) + base.Render("  ")
	rest := max(w-ansi.StringWidth(head), 1)
	quote := ""
	var spans []span
	if p, ok := d.c.cmp.Passage(it.Ref); ok {
		quote = oneLine(p.Text)
		if quote == p.Text && it.Text != "" {
			if at := strings.Index(quote, it.Text); at >= 0 {
				spans = []span{{at, at + len(it.Text)}}
			}
		}
	}
	return head + cell(quote, spans, rest, st.Dim.Inherit(base), st.DiffWord)
}

// status is the panel's part of the status line.
func (d *diffPanel) status() string {
	if len(d.items) == 0 {
		return "no differences found"
	}
	return fmt.Sprintf("entry %d/%d · enter goes to its passage", d.cursor+1, len(d.items))
}
