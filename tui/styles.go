package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// palette is the handful of colours every style is built from. Each entry
// is chosen for the terminal's background (see newStyles), so text stays
// readable on light and dark terminals alike.
type palette struct {
	fg, subtle, faint color.Color // text, secondary text, furniture
	accent            color.Color // titles, keys, the active sort
	mark              color.Color // articles marked for comparison
	matchFG, matchBG  color.Color // search hits
	selBG             color.Color // the selected row
	errFG             color.Color // problems and errors
}

func newPalette(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return palette{
		fg:      ld(c("#1f2328"), c("#e6edf3")),
		subtle:  ld(c("#57606a"), c("#9da7b3")),
		faint:   ld(c("#8c959f"), c("#6e7681")),
		accent:  ld(c("#0550ae"), c("#79c0ff")),
		mark:    ld(c("#8250df"), c("#d2a8ff")),
		matchFG: ld(c("#1f2328"), c("#1f2328")),
		matchBG: ld(c("#fff8c5"), c("#e3b341")),
		selBG:   ld(c("#ddf4ff"), c("#1f3b5c")),
		errFG:   ld(c("#cf222e"), c("#ff7b72")),
	}
}

// Styles is every style the TUI draws with, in one place. Views never build
// their own styles; they read these. With NO_COLOR set the colours are
// dropped and selection, hits and marks are shown with reverse video, bold
// and underline instead, so nothing that matters is carried by colour alone.
type Styles struct {
	Dark    bool // built for a dark background
	NoColor bool // built without colours (NO_COLOR)

	Bar       lipgloss.Style // the top line of every view
	BarDim    lipgloss.Style // secondary text in the top line
	Header    lipgloss.Style // table column headings
	SortOn    lipgloss.Style // the column the table is sorted by
	Row       lipgloss.Style // a plain table row
	Selected  lipgloss.Style // the row under the cursor
	Marked    lipgloss.Style // the mark in front of a marked article
	Dim       lipgloss.Style // secondary text: dates, counts, URLs
	Match     lipgloss.Style // a search hit inside text
	Current   lipgloss.Style // the search hit the reader is on
	Status    lipgloss.Style // the status line above the help
	Error     lipgloss.Style // problems, errors
	Prompt    lipgloss.Style // the "/" of a search line
	Title     lipgloss.Style // an article's headline in the reader
	Dek       lipgloss.Style // the standfirst under it
	Meta      lipgloss.Style // outlet, author, date
	URL       lipgloss.Style // the article's address
	Subhead   lipgloss.Style // an in-body heading
	Body      lipgloss.Style // body text
	Chrome    lipgloss.Style // raw lines cleaning removed
	Gutter    lipgloss.Style // line numbers and roles in the raw view
	HelpTitle lipgloss.Style // group names in the full help
	Help      help.Styles    // the bubbles help line

	// P holds the row and line styles compiled for the hot paths.
	P Paints

	// Stories and compare views.
	PaneHead  lipgloss.Style // a compare pane's outlet and date
	PaneFocus lipgloss.Style // the focused pane's heading
	Cursor    lipgloss.Style // the gutter mark of the passages under the cursor
	Unique    lipgloss.Style // the gutter mark of a passage no other outlet has
	DiffWord  lipgloss.Style // words that differ between counterpart passages
	Sep       lipgloss.Style // the rule between panes
	Approx    lipgloss.Style // an approximate date on the timeline
}

// newStyles builds the styles for a dark or light background, with or
// without colour.
func newStyles(dark, noColor bool) Styles {
	p := newPalette(dark)
	if noColor {
		var none color.Color = lipgloss.NoColor{}
		p = palette{fg: none, subtle: none, faint: none, accent: none, mark: none,
			matchFG: none, matchBG: none, selBG: none, errFG: none}
	}
	ns := lipgloss.NewStyle
	s := Styles{Dark: dark, NoColor: noColor}
	s.Bar = ns().Bold(true).Foreground(p.accent)
	s.BarDim = ns().Foreground(p.subtle)
	s.Header = ns().Bold(true).Foreground(p.subtle)
	s.SortOn = ns().Bold(true).Underline(true).Foreground(p.accent)
	s.Row = ns().Foreground(p.fg)
	s.Selected = ns().Foreground(p.fg).Background(p.selBG).Bold(true)
	s.Marked = ns().Bold(true).Foreground(p.mark)
	s.Dim = ns().Foreground(p.subtle)
	s.Match = ns().Bold(true).Foreground(p.matchFG).Background(p.matchBG)
	s.Current = ns().Bold(true).Reverse(true)
	s.Status = ns().Foreground(p.subtle)
	s.Error = ns().Bold(true).Foreground(p.errFG)
	s.Prompt = ns().Bold(true).Foreground(p.accent)
	s.Title = ns().Bold(true).Foreground(p.fg)
	s.Dek = ns().Italic(true).Foreground(p.subtle)
	s.Meta = ns().Foreground(p.accent)
	s.URL = ns().Foreground(p.faint).Underline(true)
	s.Subhead = ns().Bold(true).Foreground(p.accent)
	s.Body = ns().Foreground(p.fg)
	s.Chrome = ns().Faint(true).Foreground(p.faint)
	s.Gutter = ns().Foreground(p.faint)
	s.HelpTitle = ns().Bold(true).Foreground(p.accent)
	s.PaneHead = ns().Bold(true).Foreground(p.subtle)
	s.PaneFocus = ns().Bold(true).Foreground(p.accent).Underline(true)
	s.Cursor = ns().Bold(true).Foreground(p.accent)
	s.Unique = ns().Foreground(p.mark)
	s.DiffWord = ns().Bold(true).Foreground(p.matchFG).Background(p.matchBG)
	s.Sep = ns().Foreground(p.faint)
	s.Approx = ns().Faint(true).Foreground(p.subtle)
	s.Help = help.Styles{
		Ellipsis:       ns().Foreground(p.faint),
		ShortKey:       ns().Bold(true).Foreground(p.subtle),
		ShortDesc:      ns().Foreground(p.faint),
		ShortSeparator: ns().Foreground(p.faint),
		FullKey:        ns().Bold(true).Foreground(p.subtle),
		FullDesc:       ns().Foreground(p.faint),
		FullSeparator:  ns().Foreground(p.faint),
	}
	if noColor {
		// Without colour, attributes carry what colour would have.
		s.Selected = ns().Reverse(true).Bold(true)
		s.Match = ns().Bold(true).Underline(true)
		s.Current = ns().Reverse(true).Bold(true).Underline(true)
		s.Chrome = ns().Faint(true)
		s.Marked = ns().Bold(true)
		s.DiffWord = ns().Bold(true).Underline(true)
		s.Cursor = ns().Bold(true)
		s.Approx = ns().Faint(true)
	}
	s.P = compilePaints(s)
	return s
}

// Paint is a style compiled to the escape sequence that switches it on.
// The hot paths (every visible table row and reader line, every frame)
// draw with Paints: lipgloss.Style.Render costs microseconds a call, and a
// 200×60 frame makes hundreds of them.
type Paint string

// compile extracts the escape sequence lipgloss writes before text in ls.
// Only inline attributes (colours, bold, reverse…) survive; ls must not
// pad, border or size.
func compile(ls lipgloss.Style) Paint {
	r := ls.Render("x")
	if i := strings.IndexByte(r, 'x'); i > 0 {
		return Paint(r[:i])
	}
	return ""
}

// Render draws s in p, ending with a reset.
func (p Paint) Render(s string) string {
	if p == "" || s == "" {
		return s
	}
	return string(p) + s + "\x1b[m"
}

// On is p drawn over base: base's attributes, with p's where it sets them
// (as lipgloss Inherit: a hit on the selected row keeps its background).
func (p Paint) On(base Paint) Paint {
	if p == "" {
		return base
	}
	return base + p
}

// Paints are the compiled styles the library and reader draw rows with.
type Paints struct {
	Row, Selected, Marked, Dim, Match, Current, Meta             Paint
	Title, Dek, URL, Subhead, Body, Chrome, Gutter, ChromeGutter Paint
}

func compilePaints(s Styles) Paints {
	return Paints{
		Row: compile(s.Row), Selected: compile(s.Selected), Marked: compile(s.Marked),
		Dim: compile(s.Dim), Match: compile(s.Match), Current: compile(s.Current), Meta: compile(s.Meta),
		Title: compile(s.Title), Dek: compile(s.Dek), URL: compile(s.URL), Subhead: compile(s.Subhead),
		Body: compile(s.Body), Chrome: compile(s.Chrome), Gutter: compile(s.Gutter),
		ChromeGutter: compile(s.Error.Faint(true)),
	}
}

// styleInput gives a search line the current theme: the bubbles defaults
// for a light or dark background, a steady cursor, and the accented
// prompt; under NO_COLOR only a block cursor.
func (s Styles) styleInput(in *textinput.Model) {
	st := textinput.DefaultStyles(s.Dark)
	st.Cursor.Blink = false
	if s.NoColor {
		st = textinput.Styles{Cursor: textinput.CursorStyle{Shape: tea.CursorBlock}}
	}
	st.Focused.Prompt = s.Prompt
	in.SetStyles(st)
}
