package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/internal/termtext"
)

// helpScreen is the help: the line of keys under every view (fitted to
// the width, most useful keys first) and the "?" screen, every binding of
// the shown view and what its marks mean, scrolled with j/k when it does
// not fit.
type helpScreen struct {
	open   bool       // the "?" screen is shown
	scroll int        // its first line shown
	line   help.Model // draws the help line
}

func newHelpScreen() helpScreen { return helpScreen{line: help.New()} }

// show opens the "?" screen at its top.
func (h *helpScreen) show() { h.open, h.scroll = true, 0 }

// key handles a key on the "?" screen of key map km, drawn w×ht.
func (h *helpScreen) key(msg tea.KeyPressMsg, g globalKeys, km help.KeyMap, w, ht int) {
	last := h.maxScroll(km, w, ht)
	switch {
	case key.Matches(msg, g.CloseHelp):
		h.open = false
	case key.Matches(msg, g.HelpDown):
		h.scroll = min(h.scroll+1, last)
	case key.Matches(msg, g.HelpUp):
		h.scroll = max(min(h.scroll, last)-1, 0)
	}
}

// maxScroll is the last line the "?" screen of km can start at, drawn
// w×ht.
func (h *helpScreen) maxScroll(km help.KeyMap, w, ht int) int {
	return max(len(fullHelpLines(km, Styles{}, w, ht))-ht, 0)
}

// view draws the "?" screen of km into w×ht, and the help line under it:
// how to close it, and how to scroll it when it does not fit.
func (h *helpScreen) view(g globalKeys, km help.KeyMap, st Styles, w, ht int) (body, helpLine string) {
	lines := fullHelpLines(km, st, w, ht)
	last := max(len(lines)-ht, 0)
	top := min(h.scroll, last)
	bs := []key.Binding{g.CloseHelp, g.Quit}
	if top > 0 || top < last {
		bs = append([]key.Binding{g.HelpScroll}, bs...)
	}
	return strings.Join(lines[top:], "\n"), h.line.ShortHelpView(bs)
}

// shortHelp is the help line under a view: as many of its key map's
// bindings as fit the width, in the order the key map ranks them.
func (h *helpScreen) shortHelp(km help.KeyMap, w int) string {
	bs := km.ShortHelp()
	if rk, ok := km.(rankedHelp); ok {
		free := h.line // measured without the cut to the width
		free.SetWidth(0)
		bs = fitHelp(rk.ShortHelpRanked(), w, func(bs []key.Binding) int {
			return termtext.Width(free.ShortHelpView(bs))
		})
	}
	return h.line.ShortHelpView(bs)
}

// fullHelpLines lists every binding of a key map: its groups side by side
// when they fit w×ht, else one under the other, then the marks the view
// draws and what they mean. Unlike bubbles' FullHelpView it never drops a
// group for lack of width.
func fullHelpLines(km help.KeyMap, st Styles, w, ht int) []string {
	cols, colW := helpColumns(km, st)
	lines := []string{st.HelpTitle.Render(" Keys"), ""}
	total, tall := 0, 0
	for i, c := range cols {
		total += colW[i] + 2
		tall = max(tall, len(c))
	}
	if total <= w && tall+2 <= ht {
		for r := 0; r < tall; r++ {
			var b strings.Builder
			for i, c := range cols {
				cell := strings.Repeat(" ", colW[i])
				if r < len(c) {
					cell = c[r]
				}
				b.WriteString(cell + "  ")
			}
			lines = append(lines, b.String())
		}
	} else {
		for i, c := range cols {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, c...)
		}
	}
	if sk, ok := km.(signed); ok {
		lines = append(lines, signLines(sk.Signs(), st)...)
	}
	return lines
}

// helpColumns renders each group of km's enabled bindings as a column of
// "key  description" lines, and says how wide each column is.
func helpColumns(km help.KeyMap, st Styles) (cols [][]string, widths []int) {
	for _, g := range km.FullHelp() {
		keyW, descW := 0, 0
		for _, b := range g {
			if b.Enabled() {
				keyW = max(keyW, termtext.Width(b.Help().Key))
				descW = max(descW, termtext.Width(b.Help().Desc))
			}
		}
		var col []string
		for _, b := range g {
			if b.Enabled() {
				col = append(col, " "+st.Help.FullKey.Render(termtext.Pad(b.Help().Key, keyW))+"  "+
					st.Help.FullDesc.Render(termtext.Pad(b.Help().Desc, descW)))
			}
		}
		if len(col) > 0 {
			cols = append(cols, col)
			widths = append(widths, 1+keyW+2+descW)
		}
	}
	return cols, widths
}

// signLines lists the marks a view draws, under a heading.
func signLines(signs []sign, st Styles) []string {
	markW := 0
	for _, s := range signs {
		markW = max(markW, termtext.Width(s.mark))
	}
	lines := []string{"", st.HelpTitle.Render(" Marks"), ""}
	for _, s := range signs {
		lines = append(lines, " "+st.Help.FullKey.Render(termtext.Pad(s.mark, markW))+"  "+st.Help.FullDesc.Render(s.meaning))
	}
	return lines
}
