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
// when they fit w×ht, else one under the other with each description
// wrapped to the width, then the marks the view draws and what they mean.
// Unlike bubbles' FullHelpView it never drops a group for lack of width.
func fullHelpLines(km help.KeyMap, st Styles, w, ht int) []string {
	groups := helpGroups(km)
	lines := []string{st.HelpTitle.Render(" Keys"), ""}
	total, tall := 0, 0
	for _, g := range groups {
		total += g.width() + 2
		tall = max(tall, len(g.keys))
	}
	if total <= w && tall+2 <= ht {
		for r := 0; r < tall; r++ {
			var b strings.Builder
			for _, g := range groups {
				cell := strings.Repeat(" ", g.width())
				if r < len(g.keys) {
					cell = " " + st.Help.FullKey.Render(termtext.Pad(g.keys[r], g.keyW)) + "  " +
						st.Help.FullDesc.Render(termtext.Pad(g.descs[r], g.descW))
				}
				b.WriteString(cell + "  ")
			}
			lines = append(lines, b.String())
		}
	} else {
		for i, g := range groups {
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, g.stacked(st, w)...)
		}
	}
	if sk, ok := km.(signed); ok {
		lines = append(lines, signLines(sk.Signs(), st, w)...)
	}
	return lines
}

// helpGroup is one group of a key map's enabled bindings: their keys and
// descriptions, and the widest of each.
type helpGroup struct {
	keys, descs []string
	keyW, descW int
}

// width is the group's width as a column: " key  description".
func (g helpGroup) width() int { return 1 + g.keyW + 2 + g.descW }

// stacked draws the group for a narrow screen: each description wrapped
// to the width, under itself.
func (g helpGroup) stacked(st Styles, w int) []string {
	var lines []string
	indent := strings.Repeat(" ", 1+g.keyW+2)
	for i, k := range g.keys {
		for j, l := range termtext.WrapLines(g.descs[i], max(w-len(indent), 10)) {
			head := indent
			if j == 0 {
				head = " " + st.Help.FullKey.Render(termtext.Pad(k, g.keyW)) + "  "
			}
			lines = append(lines, head+st.Help.FullDesc.Render(l))
		}
	}
	return lines
}

// helpGroups collects each group of km's enabled bindings.
func helpGroups(km help.KeyMap) []helpGroup {
	var out []helpGroup
	for _, bs := range km.FullHelp() {
		var g helpGroup
		for _, b := range bs {
			if b.Enabled() {
				g.keys = append(g.keys, b.Help().Key)
				g.descs = append(g.descs, b.Help().Desc)
				g.keyW = max(g.keyW, termtext.Width(b.Help().Key))
				g.descW = max(g.descW, termtext.Width(b.Help().Desc))
			}
		}
		if len(g.keys) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// signLines lists the marks a view draws, under a heading, each meaning
// wrapped to the width w under itself.
func signLines(signs []sign, st Styles, w int) []string {
	markW := 0
	for _, s := range signs {
		markW = max(markW, termtext.Width(s.mark))
	}
	lines := []string{"", st.HelpTitle.Render(" Marks"), ""}
	indent := strings.Repeat(" ", 1+markW+2)
	for _, s := range signs {
		for i, l := range termtext.WrapLines(s.meaning, max(w-len(indent), 10)) {
			head := indent
			if i == 0 {
				head = " " + st.Help.FullKey.Render(termtext.Pad(s.mark, markW)) + "  "
			}
			lines = append(lines, head+st.Help.FullDesc.Render(l))
		}
	}
	return lines
}
