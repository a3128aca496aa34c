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
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The differences panel lists how the compared accounts differ, as
// corpus/compare found it, in sections: figures that conflict, figures
// that differ in precision only, figures every account states alike, whom
// each account credits, and what each outlet calls the actors. A fact is
// one entry: its topic and relation, then every outlet's figure on a line
// of its own. A source or a label is an entry of one line. enter on an
// entry asks the compare view (diffJumpMsg) to close the panel and put the
// cursor on its passage (a fact's first figure: the other panes line up
// their counterparts beside it).
//
// The panel is a child of the compare view: it takes the keys while it is
// open and answers with messages, never by reaching into the view. The
// view keeps it when it closes, so that d opens it again where it was on
// the same comparison (reopenDiffPanel).

// diffLineKind is what a line of the panel is.
type diffLineKind int

const (
	diffSection diffLineKind = iota // "Figures that conflict (2)"
	diffSummary                     // a fact's topic and relation, an article's credits, an actor's labels
	diffItem                        // one article's side: a figure, a source, a label
	diffNone                        // "none found"
	diffBlank
)

type diffLine struct {
	kind  diffLineKind
	text  string
	item  differences.Item // diffItem
	entry int              // the entry the line belongs to, -1 for none
}

// diffEntry is one selectable entry: a fact (its summary and figure
// lines) or a source or label (one line).
type diffEntry struct {
	first, last int // its lines
	ref         passages.Ref
}

// diffPanel is the differences panel: its lines, built once, and a cursor
// over the entries. It scrolls by lines, not entries (an entry's summary
// is kept in view with it), so it keeps its own offset.
type diffPanel struct {
	sh      *shared
	keys    diffKeys
	cmp     *compare.Comparison
	arts    []*corpus.Article // the compared articles
	lines   []diffLine
	entries []diffEntry
	cur     listCursor // over entries
	offset  int        // first line shown
	w, h    int
}

// diffSectionSpec is one section of the panel: the differences it lists
// and whether each is one entry (a fact) or an entry per item.
type diffSectionSpec struct {
	title string
	holds func(differences.Difference) bool
	fact  bool
}

// diffSections are the panel's sections, in the order shown: conflicts
// first, then figures that agree but for their precision.
var diffSections = []diffSectionSpec{
	{"Figures that conflict", isFact("conflict"), true},
	{"Figures that differ in precision only", isFact("compatible"), true},
	{"Figures every account states alike", isFact("same"), true},
	{"Who each account credits", isKind(differences.KindAttribution), false},
	{"What each outlet calls the actors", isKind(differences.KindLabel), false},
}

func isFact(relation string) func(differences.Difference) bool {
	return func(d differences.Difference) bool { return d.Kind == differences.KindNumber && d.Relation == relation }
}

func isKind(k differences.Kind) func(differences.Difference) bool {
	return func(d differences.Difference) bool { return d.Kind == k }
}

// newDiffPanel lists cmp's differences (of arts) for a w×h panel.
func newDiffPanel(sh *shared, cmp *compare.Comparison, arts []*corpus.Article, w, h int) *diffPanel {
	d := &diffPanel{sh: sh, keys: newDiffKeys(), cmp: cmp, arts: arts}
	shown := make([]bool, len(cmp.Differences))
	for si, sec := range diffSections {
		if si > 0 {
			d.add(diffLine{kind: diffBlank})
		}
		var ds []differences.Difference
		for k, x := range cmp.Differences {
			if sec.holds(x) {
				ds = append(ds, x)
				shown[k] = true
			}
		}
		d.add(diffLine{kind: diffSection, text: fmt.Sprintf("%s (%d)", sec.title, len(ds))})
		if len(ds) == 0 {
			d.add(diffLine{kind: diffNone, text: "none found"})
		}
		d.addDifferences(ds, sec.fact)
	}
	// Kinds the panel does not know yet still show, under "Other".
	var other []differences.Difference
	for k, x := range cmp.Differences {
		if !shown[k] {
			other = append(other, x)
		}
	}
	if len(other) > 0 {
		d.add(diffLine{kind: diffBlank})
		d.add(diffLine{kind: diffSection, text: fmt.Sprintf("Other (%d)", len(other))})
		d.addDifferences(other, false)
	}
	d.SetSize(w, h)
	return d
}

// reopenDiffPanel is the panel for cmp at w×h: the one last closed, where
// its cursor was, when it shows the same comparison; else a new one.
func reopenDiffPanel(last *diffPanel, sh *shared, cmp *compare.Comparison, arts []*corpus.Article, w, h int) *diffPanel {
	if last != nil && last.cmp == cmp && last.sh == sh {
		last.SetSize(w, h)
		return last
	}
	return newDiffPanel(sh, cmp, arts, w, h)
}

func (d *diffPanel) add(l diffLine) {
	if l.kind == diffBlank || l.kind == diffSection || l.kind == diffNone {
		l.entry = -1
	}
	d.lines = append(d.lines, l)
}

// addDifferences lists each difference: a fact as one entry (its summary
// and its figures), anything else as its summary and an entry per item.
func (d *diffPanel) addDifferences(ds []differences.Difference, fact bool) {
	for _, x := range ds {
		if fact {
			e := diffEntry{first: len(d.lines)}
			if len(x.Items) > 0 {
				e.ref = x.Items[0].Ref
			}
			d.add(diffLine{kind: diffSummary, text: factHead(x), entry: len(d.entries)})
			for _, it := range x.Items {
				d.add(diffLine{kind: diffItem, item: it, entry: len(d.entries)})
			}
			e.last = len(d.lines) - 1
			d.entries = append(d.entries, e)
			continue
		}
		d.add(diffLine{kind: diffSummary, text: x.Summary, entry: -1})
		for _, it := range x.Items {
			d.add(diffLine{kind: diffItem, item: it, entry: len(d.entries)})
			d.entries = append(d.entries, diffEntry{first: len(d.lines) - 1, last: len(d.lines) - 1, ref: it.Ref})
		}
	}
}

// factHead is a fact's first line: what is counted and how the figures
// relate ("killed (workers) — conflict: no value fits every account").
func factHead(x differences.Difference) string {
	rel := x.Summary
	if at := strings.LastIndex(rel, " — "); at >= 0 {
		rel = rel[at+len(" — "):]
	} else {
		rel = x.Relation
	}
	return x.Topic + " — " + rel
}

// SetSize gives the panel its rectangle.
func (d *diffPanel) SetSize(w, h int) {
	d.w, d.h = w, h
	d.scroll()
}

// KeyMap is the panel's keys.
func (d *diffPanel) KeyMap() help.KeyMap { return d.keys }

// selected is the entry under the cursor.
func (d *diffPanel) selected() (diffEntry, bool) {
	if d.cur.at < 0 || d.cur.at >= len(d.entries) {
		return diffEntry{}, false
	}
	return d.entries[d.cur.at], true
}

// Update handles a key: moving through the entries, or asking the compare
// view to jump to one or to close the panel.
func (d *diffPanel) Update(msg tea.KeyPressMsg) tea.Cmd {
	k := d.keys
	switch {
	case key.Matches(msg, k.Close):
		return func() tea.Msg { return diffCloseMsg{} }
	case key.Matches(msg, k.Jump):
		if e, ok := d.selected(); ok {
			return func() tea.Msg { return diffJumpMsg{ref: e.ref} }
		}
	default:
		if mv := k.nav.move(msg); mv != navNone {
			d.cur.navigate(mv, len(d.entries), max(d.h/2, 1))
			d.scroll()
		}
	}
	return nil
}

// scroll keeps the cursor's entry, and the summary above it, in view; an
// entry taller than the panel shows from its top.
func (d *diffPanel) scroll() {
	if d.h <= 0 {
		return
	}
	if e, ok := d.selected(); ok {
		from := e.first
		if from > 0 && d.lines[from-1].kind == diffSummary && d.lines[from-1].entry < 0 {
			from-- // a source's or a label's heading
		}
		if from > 0 && d.lines[from-1].kind == diffSection && e.last-from+1 < d.h {
			from-- // the first entry of a section shows under its title
		}
		if e.last >= d.offset+d.h {
			d.offset = e.last - d.h + 1
		}
		if from < d.offset || e.last-from >= d.h {
			d.offset = from
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

// line renders panel line i; the lines of the selected entry are drawn
// selected from edge to edge.
func (d *diffPanel) line(i int) string {
	st := d.sh.styles
	l := d.lines[i]
	selected := l.entry >= 0 && l.entry == d.cur.at && len(d.entries) > 0
	switch l.kind {
	case diffSection:
		return st.Header.Render(" " + termtext.OneLine(l.text))
	case diffNone:
		return "   " + st.Dim.Render(l.text)
	case diffBlank:
		return ""
	case diffSummary:
		base := st.P.Row
		mark := "   "
		if selected {
			base, mark = st.P.Selected, " ▸ "
		}
		return cell(mark+termtext.OneLine(l.text), nil, max(d.w, 1), base, base)
	}
	return d.itemLine(l, selected)
}

// itemLine renders one article's side of a difference: the article, what
// it has, and its passage with that highlighted.
func (d *diffPanel) itemLine(l diffLine, selected bool) string {
	st := d.sh.styles
	it := l.item
	row := st.Row
	mark := "     "
	if selected {
		row = st.Selected
		if d.entries[l.entry].first == d.entries[l.entry].last {
			mark = "   ▸ "
		}
	}
	// Compiled paints, each carrying the row's attributes: under NO_COLOR
	// the selected row stays in reverse video from edge to edge.
	base, meta, word := compile(row), compile(st.Meta.Inherit(row)), compile(st.DiffWord.Inherit(row))
	name := it.Outlet
	if name == "" && it.Article >= 0 && it.Article < len(d.arts) {
		name, _ = d.arts[it.Article].OutletLabel()
	}
	head := base.Render(mark) + meta.Render(termtext.OneLine(name)) + base.Render(": ") +
		word.Render(termtext.OneLine(it.Text)) + base.Render("  ")
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
	return head + cell(quote, spans, rest, compile(st.Dim.Inherit(row)), word)
}

// status is the panel's part of the status line.
func (d *diffPanel) status() string {
	if len(d.entries) == 0 {
		return "no differences found"
	}
	return fmt.Sprintf("entry %d/%d · enter goes to its passage", d.cur.at+1, len(d.entries))
}
