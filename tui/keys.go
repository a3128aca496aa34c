package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Every key the TUI answers is bound here, in one struct of key.Binding
// per view (and per text field), each implementing help.KeyMap: ShortHelp
// feeds the help line at the bottom and FullHelp the "?" screen, so what
// the help says and what the keys do cannot drift apart. Update code
// matches keys only through these bindings. Arrows and vim keys both work
// everywhere a list or text scrolls.

func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// short is b with a shorter description, for the one-line help.
func short(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}

// brief is b with shorter key text and description, for the one-line
// help: the "?" screen names every key that works, the help line the
// first ones.
func brief(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}

// wheelKey and clickKey are the keys of the bindings that tell the "?"
// screen what the mouse does. No key press is ever named so, so they
// match nothing: the views handle mouse messages themselves.
const (
	wheelKey = "<wheel>"
	clickKey = "<click>"
)

// wheel is the "?" screen's line about the mouse wheel.
func wheel() key.Binding { return bind([]string{wheelKey}, "wheel", "scroll") }

// click is the "?" screen's line about a mouse click.
func click(desc string) key.Binding { return bind([]string{clickKey}, "click", desc) }

// globalKeys are the root's: they work in every view unless a text field
// has focus (then only ctrl+c does), and on the "?" screen.
type globalKeys struct {
	Quit       key.Binding // ctrl+c, anywhere
	Help       key.Binding
	CloseHelp  key.Binding
	HelpDown   key.Binding // scroll the "?" screen
	HelpUp     key.Binding
	HelpScroll key.Binding // HelpDown and HelpUp, as the help line names them
	SmallQuit  key.Binding // quit from the "terminal too small" notice
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:       bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:       bind([]string{"?"}, "?", "help"),
		CloseHelp:  bind([]string{"esc", "?", "q"}, "esc/?/q", "close help"),
		HelpDown:   bind([]string{"down", "j"}, "↓/j", "scroll down"),
		HelpUp:     bind([]string{"up", "k"}, "↑/k", "scroll up"),
		HelpScroll: bind([]string{"j"}, "↓/j ↑/k", "scroll"),
		SmallQuit:  bind([]string{"q", "esc"}, "q", "quit"),
	}
}

// navMove is what a navigation key asks of a list or a text.
type navMove int

const (
	navNone navMove = iota
	navUp
	navDown
	navPageUp
	navPageDown
	navHalfUp
	navHalfDown
	navTop
	navBottom
)

// delta is how far m moves through a list or text: one entry (line), a
// page, half a page, or all of it to an end.
func (m navMove) delta(page, half, all int) int {
	switch m {
	case navUp:
		return -1
	case navDown:
		return 1
	case navPageUp:
		return -page
	case navPageDown:
		return page
	case navHalfUp:
		return -half
	case navHalfDown:
		return half
	case navTop:
		return -all
	case navBottom:
		return all
	}
	return 0
}

// navKeys move a cursor through a list or scroll a text. A view leaves
// the bindings it has no use for empty: those never match.
type navKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
}

func newNavKeys() navKeys {
	return navKeys{
		Up:       bind([]string{"up", "k"}, "↑/k", "up"),
		Down:     bind([]string{"down", "j"}, "↓/j", "down"),
		PageUp:   bind([]string{"pgup", "b"}, "pgup/b", "page up"),
		PageDown: bind([]string{"pgdown", "f"}, "pgdn/f", "page down"),
		HalfUp:   bind([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown: bind([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		Top:      bind([]string{"g", "home"}, "g/home", "top"),
		Bottom:   bind([]string{"G", "end"}, "G/end", "bottom"),
	}
}

// move is the navigation msg asks for, or navNone.
func (n navKeys) move(msg tea.KeyPressMsg) navMove {
	switch {
	case key.Matches(msg, n.Up):
		return navUp
	case key.Matches(msg, n.Down):
		return navDown
	case key.Matches(msg, n.PageUp):
		return navPageUp
	case key.Matches(msg, n.PageDown):
		return navPageDown
	case key.Matches(msg, n.HalfUp):
		return navHalfUp
	case key.Matches(msg, n.HalfDown):
		return navHalfDown
	case key.Matches(msg, n.Top):
		return navTop
	case key.Matches(msg, n.Bottom):
		return navBottom
	}
	return navNone
}

func (n navKeys) all() []key.Binding {
	return []key.Binding{n.Up, n.Down, n.PageUp, n.PageDown, n.HalfUp, n.HalfDown, n.Top, n.Bottom}
}

// libraryKeys are the library's keys when no search line has focus.
type libraryKeys struct {
	nav        navKeys
	Open       key.Binding
	Mark       key.Binding
	ClearMarks key.Binding
	Compare    key.Binding
	Stories    key.Binding
	Sort       key.Binding
	Reverse    key.Binding
	Find       key.Binding
	Words      key.Binding
	Problems   key.Binding
	Add        key.Binding
	OpenURL    key.Binding
	Wheel      key.Binding
	Click      key.Binding
	Quit       key.Binding
	global     globalKeys
}

func newLibraryKeys() libraryKeys {
	nav := newNavKeys()
	// In the library "f" is word search; paging stays on pgup/pgdn,
	// ctrl+u/ctrl+d and the mouse wheel.
	nav.PageDown = bind([]string{"pgdown"}, "pgdn", "page down")
	nav.PageUp = bind([]string{"pgup"}, "pgup", "page up")
	return libraryKeys{
		nav:        nav,
		Open:       bind([]string{"enter"}, "enter", "read"),
		Mark:       bind([]string{"space"}, "space", "mark for compare"),
		ClearMarks: bind([]string{"u"}, "u", "unmark all"),
		Compare:    bind([]string{"c"}, "c", "compare marked (2 to 6)"),
		Stories:    bind([]string{"t"}, "t", "stories"),
		Sort:       bind([]string{"s"}, "s", "sort by date, outlet, title"),
		Reverse:    bind([]string{"S"}, "S", "reverse sort"),
		Find:       bind([]string{"/"}, "/", "find title"),
		Words:      bind([]string{"f", "ctrl+f"}, "f/ctrl+f", "search words in text"),
		Problems:   bind([]string{"p"}, "p", "list the load problems"),
		Add:        bind([]string{"a"}, "a", "add web addresses, feeds, files"),
		OpenURL:    bind([]string{"o"}, "o", "open the article's address in the browser"),
		Wheel:      wheel(),
		Click:      click("select; click again to read"),
		Quit:       bind([]string{"q"}, "q", "quit"),
		global:     newGlobalKeys(),
	}
}

// ShortHelp is the help line under the library: the most useful keys,
// tersely.
func (k libraryKeys) ShortHelp() []key.Binding {
	var bs []key.Binding
	for _, r := range k.ShortHelpRanked() {
		bs = append(bs, r.b)
	}
	return bs
}

// ShortHelpRanked ranks the library's help line: help and quit always
// show; then, as the width allows, read, find, stories, word search,
// compare, mark and sort (80 columns show all but the last two).
func (k libraryKeys) ShortHelpRanked() []ranked {
	return []ranked{{short(k.Open, "read"), 1}, {short(k.Find, "find"), 2}, {brief(k.Words, "f", "words"), 4},
		{short(k.Mark, "mark"), 6}, {short(k.Compare, "compare"), 5}, {short(k.Stories, "stories"), 3},
		{short(k.Sort, "sort"), 7}, {k.global.Help, 0}, {k.Quit, 0}}
}

// FullHelp is the library's "?" screen.
func (k libraryKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(k.nav.all(), k.Wheel, k.Click),
		{k.Open, k.Mark, k.ClearMarks, k.Compare, k.Stories, k.Sort, k.Reverse},
		{k.Find, k.Words, k.Problems, k.Add, k.OpenURL, k.global.Help, k.Quit, k.global.Quit},
	}
}

// Signs explains the library's marks.
func (k libraryKeys) Signs() []sign {
	return []sign{
		{"▸", "the row under the cursor"},
		{"✓", "marked to compare (space)"},
		{"•", "not read yet (the library's articles)"},
		{"~", "date approximate: the day was not published"},
		{"¶", "found by the words of its text, not its title"},
		{"untitled:", "the source had no headline: the title is its first sentence"},
	}
}

// searchKeys are active while a search line (title or words) has focus:
// printable keys are text, so only these and ctrl+c do anything else.
type searchKeys struct {
	nav   navKeys // up, down and a page each way; no others
	Open  key.Binding
	Leave key.Binding
	Wheel key.Binding
	Click key.Binding
	Quit  key.Binding
}

func newSearchKeys() searchKeys {
	return searchKeys{
		nav: navKeys{
			Up:       bind([]string{"up", "ctrl+p", "ctrl+k"}, "↑/ctrl+p/ctrl+k", "previous hit"),
			Down:     bind([]string{"down", "ctrl+n", "ctrl+j"}, "↓/ctrl+n/ctrl+j", "next hit"),
			PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
			PageDown: bind([]string{"pgdown"}, "pgdn", "page down"),
		},
		Open:  bind([]string{"enter"}, "enter", "read hit"),
		Leave: bind([]string{"esc"}, "esc", "leave search"),
		Wheel: wheel(),
		Click: click("select; click again to read"),
		Quit:  bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// ShortHelp is the help line while searching.
func (k searchKeys) ShortHelp() []key.Binding {
	return []key.Binding{short(k.Open, "read"), brief(k.nav.Up, "↑/ctrl+p", "up"), brief(k.nav.Down, "↓/ctrl+n", "down"),
		short(k.Leave, "back"), k.Quit}
}

// ShortHelpRanked keeps back and quit when the line is too wide.
func (k searchKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp()) }

// FullHelp is the "?" screen while searching: "?" opens it while the
// search line is empty; once it holds text, "?" is a letter.
func (k searchKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.nav.Up, k.nav.Down, k.nav.PageUp, k.nav.PageDown, k.Wheel, k.Click}, {k.Open, k.Leave, k.Quit}}
}

// readerKeys are the reader's keys when its find line is closed.
type readerKeys struct {
	nav     navKeys
	Find    key.Binding
	Next    key.Binding
	Prev    key.Binding
	Raw     key.Binding
	Copy    key.Binding
	OpenURL key.Binding
	Back    key.Binding
	Wheel   key.Binding
	global  globalKeys
}

func newReaderKeys() readerKeys {
	nav := newNavKeys()
	nav.PageDown = bind([]string{"pgdown", "space", "f"}, "pgdn/space/f", "page down")
	return readerKeys{
		nav:     nav,
		Find:    bind([]string{"/"}, "/", "find in article"),
		Next:    bind([]string{"n"}, "n", "next match"),
		Prev:    bind([]string{"N"}, "N", "previous match"),
		Raw:     bind([]string{"r"}, "r", "raw source"),
		Copy:    bind([]string{"y"}, "y", "copy the paragraph with its citation"),
		OpenURL: bind([]string{"o"}, "o", "open the address in the browser"),
		Back:    bind([]string{"esc", "q", "backspace"}, "esc/q/backspace", "back"),
		Wheel:   wheel(),
		global:  newGlobalKeys(),
	}
}

// ShortHelp is the help line under the reader.
func (k readerKeys) ShortHelp() []key.Binding {
	return []key.Binding{brief(k.nav.PageDown, "pgdn/space", "page"), short(k.Find, "find"), short(k.Next, "next"),
		short(k.Prev, "prev"), short(k.Raw, "raw"), brief(k.Back, "esc/q", "back"), k.global.Help}
}

// ShortHelpRanked keeps back and help when the line is too wide.
func (k readerKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp()) }

// FullHelp is the reader's "?" screen.
func (k readerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(k.nav.all(), k.Wheel),
		{k.Find, k.Next, k.Prev, k.Raw},
		{k.Copy, k.OpenURL, k.Back, k.global.Help, k.global.Quit},
	}
}

// Signs explains the raw view's marks.
func (k readerKeys) Signs() []sign {
	return []sign{
		{"12 chrome", "raw view (r): a line's number in its file and its role"},
		{"⟨author bio⟩", "raw view: the rule that removed a dimmed line"},
	}
}

// findKeys are active while the reader's find line has focus.
type findKeys struct {
	Accept, Cancel, Quit key.Binding
}

func newFindKeys() findKeys {
	return findKeys{
		Accept: bind([]string{"enter"}, "enter", "find"),
		Cancel: bind([]string{"esc"}, "esc", "cancel"),
		Quit:   bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// ShortHelp is the help line while typing a find query.
func (k findKeys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Quit} }

// FullHelp is the same, in one column.
func (k findKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// storiesKeys are the stories view's keys.
type storiesKeys struct {
	nav    navKeys
	Open   key.Binding
	Read   key.Binding
	Multi  key.Binding
	Back   key.Binding
	Wheel  key.Binding
	Click  key.Binding
	global globalKeys
}

func newStoriesKeys() storiesKeys {
	return storiesKeys{
		nav:    newNavKeys(),
		Open:   bind([]string{"enter"}, "enter", "compare the story's articles"),
		Read:   bind([]string{"r"}, "r", "read the story's first article"),
		Multi:  bind([]string{"m"}, "m", "only stories with several articles (toggle)"),
		Back:   bind([]string{"esc", "q", "backspace"}, "esc/q/backspace", "back"),
		Wheel:  wheel(),
		Click:  click("select; click again to compare"),
		global: newGlobalKeys(),
	}
}

// ShortHelp is the help line under the stories view.
func (k storiesKeys) ShortHelp() []key.Binding {
	return []key.Binding{short(k.Open, "compare"), short(k.Read, "read"), short(k.Multi, "several only"),
		brief(k.Back, "esc/q", "back"), k.global.Help}
}

// ShortHelpRanked keeps back and help when the line is too wide.
func (k storiesKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp()) }

// Signs explains the stories view's marks.
func (k storiesKeys) Signs() []sign {
	return []sign{
		{"▸", "the story under the cursor"},
		{"●", "published on that day (coverage timeline)"},
		{"~", "date approximate, or only the month or year"},
		{"undated", "the article has no date"},
		{"Related", "stories with the same actors at other dates"},
	}
}

// FullHelp is the stories view's "?" screen.
func (k storiesKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(k.nav.all(), k.Wheel, k.Click), {k.Open, k.Read, k.Multi}, {k.Back, k.global.Help, k.global.Quit}}
}

// compareKeys are the compare view's keys.
type compareKeys struct {
	nav         navKeys
	Next, Prev  key.Binding // focus
	Left, Right key.Binding // page the panes
	Full        key.Binding
	Diffs       key.Binding
	Read        key.Binding
	Copy        key.Binding
	Export      key.Binding
	Back        key.Binding
	Wheel       key.Binding
	Click       key.Binding
	global      globalKeys
	// paging: the panes do not all fit, so the help line names the key
	// that pages them.
	paging bool
}

func newCompareKeys() compareKeys {
	nav := newNavKeys()
	nav.Up = bind([]string{"up", "k"}, "↑/k", "previous passage")
	nav.Down = bind([]string{"down", "j"}, "↓/j", "next passage")
	nav.PageDown = bind([]string{"pgdown", "space", "f"}, "pgdn/space/f", "page down")
	nav.Top = bind([]string{"g", "home"}, "g/home", "first passage")
	nav.Bottom = bind([]string{"G", "end"}, "G/end", "last passage")
	return compareKeys{
		nav:    nav,
		Next:   bind([]string{"tab"}, "tab", "focus next pane"),
		Prev:   bind([]string{"shift+tab"}, "shift+tab", "focus previous pane"),
		Left:   bind([]string{"left", "h", "["}, "←/h/[", "previous panes"),
		Right:  bind([]string{"right", "l", "]"}, "→/l/]", "next panes"),
		Full:   bind([]string{"z"}, "z", "focused pane full width"),
		Diffs:  bind([]string{"d"}, "d", "differences"),
		Read:   bind([]string{"enter"}, "enter", "read this passage in its article"),
		Copy:   bind([]string{"y"}, "y", "copy the passage with its citation"),
		Export: bind([]string{"e"}, "e", "write the comparison's report (Markdown) to a file"),
		Back:   bind([]string{"esc", "q", "backspace"}, "esc/q/backspace", "back"),
		Wheel:  wheel(),
		Click:  click("focus a passage"),
		global: newGlobalKeys(),
	}
}

// ShortHelp is the help line under the compare view.
func (k compareKeys) ShortHelp() []key.Binding {
	bs := []key.Binding{short(k.nav.Down, "passage"), short(k.Next, "focus"), short(k.Diffs, "differences"),
		short(k.Full, "full")}
	if k.paging {
		bs = append(bs, brief(k.Right, "→/l", "panes"))
	}
	return append(bs, short(k.Read, "read"), brief(k.Back, "esc/q", "back"), k.global.Help)
}

// ShortHelpRanked keeps back and help when the line is too wide, and,
// when the panes page, the paging key next: without it the panes beyond
// the screen cannot be reached.
func (k compareKeys) ShortHelpRanked() []ranked {
	rs := inOrder(k.ShortHelp())
	for i, r := range rs {
		switch {
		case r.rank == 0:
		case r.b.Help().Desc == "panes":
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
		{"≈ 0.62", "similarity of a counterpart to the focused passage, 0 to 1 (the same in any comparison)"},
		{"≈ 0.41 · weak", "under 0.50, dimmed: about half such pairs tell one fact, the rest related ones"},
		{"↕ moved from §3", "its own article tells it elsewhere, as passage 3"},
		{"also §4 ↓", "a counterpart drawn further down (↑ up), beside a passage it is closer to"},
		{"○", "no counterpart in any other account"},
		{"— only in —", "the focused passage has no counterpart in this pane"},
		{"highlight", "words that differ between two counterparts"},
	}
}

// FullHelp is the compare view's "?" screen.
func (k compareKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(k.nav.all(), k.Wheel, k.Click),
		{k.Next, k.Prev, k.Left, k.Right, k.Full},
		{k.Diffs, k.Read, k.Copy, k.Export, k.Back, k.global.Help, k.global.Quit},
	}
}

// diffKeys are the differences panel's keys.
type diffKeys struct {
	nav    navKeys // up, down and a page each way; no others
	Jump   key.Binding
	Close  key.Binding
	global globalKeys
}

func newDiffKeys() diffKeys {
	return diffKeys{
		nav: navKeys{
			Up:       bind([]string{"up", "k"}, "↑/k", "previous entry"),
			Down:     bind([]string{"down", "j"}, "↓/j", "next entry"),
			PageUp:   bind([]string{"pgup", "b"}, "pgup/b", "page up"),
			PageDown: bind([]string{"pgdown", "space", "f"}, "pgdn/space/f", "page down"),
		},
		Jump:   bind([]string{"enter"}, "enter", "go to the passage"),
		Close:  bind([]string{"esc", "d", "q", "backspace"}, "esc/d/q/backspace", "close differences"),
		global: newGlobalKeys(),
	}
}

// ShortHelp is the help line under the panel.
func (k diffKeys) ShortHelp() []key.Binding {
	return []key.Binding{short(k.Jump, "go to passage"), short(k.nav.Down, "next"), short(k.nav.Up, "prev"),
		brief(k.Close, "esc/d", "close"), k.global.Help}
}

// ShortHelpRanked keeps close and help when the line is too wide.
func (k diffKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp()) }

// FullHelp is the panel's "?" screen.
func (k diffKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.nav.Up, k.nav.Down, k.nav.PageUp, k.nav.PageDown}, {k.Jump, k.Close, k.global.Help, k.global.Quit}}
}

// problemsKeys are the keys of the list of load problems.
type problemsKeys struct {
	nav    navKeys
	Back   key.Binding
	Wheel  key.Binding
	global globalKeys
}

func newProblemsKeys() problemsKeys {
	nav := newNavKeys()
	nav.PageDown = bind([]string{"pgdown", "space", "f"}, "pgdn/space/f", "page down")
	return problemsKeys{
		nav:    nav,
		Back:   bind([]string{"esc", "q", "backspace", "p"}, "esc/q/p/backspace", "back"),
		Wheel:  wheel(),
		global: newGlobalKeys(),
	}
}

// ShortHelp is the help line under the list of problems.
func (k problemsKeys) ShortHelp() []key.Binding {
	return []key.Binding{brief(k.nav.Down, "↓/j ↑/k", "scroll"), brief(k.nav.PageDown, "pgdn/space", "page"),
		short(k.nav.Bottom, "end"), brief(k.Back, "esc/q", "back"), k.global.Help}
}

// ShortHelpRanked keeps back and help when the line is too wide.
func (k problemsKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp()) }

// FullHelp is the "?" screen of the list of problems.
func (k problemsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(k.nav.all(), k.Wheel), {k.Back, k.global.Help, k.global.Quit}}
}

// ranked is a binding of a help line with its rank: when the line is
// too wide for the terminal the highest ranks are left out first; rank 0
// is never left out.
type ranked struct {
	b    key.Binding
	rank int
}

// sign is one mark a view draws, with what it means, for the "?" screen.
type sign struct{ mark, meaning string }

// signed is a key map whose view draws marks worth explaining; the "?"
// screen lists them under the keys.
type signed interface {
	Signs() []sign
}

// rankedHelp is a key map whose help line fits itself to the width: the
// root shows as many of its bindings as fit, most useful first, in the
// order given, instead of cutting the line off at the right.
type rankedHelp interface {
	ShortHelpRanked() []ranked
}

// inOrder ranks a help line by position: its last two bindings (the way
// back and help, or quit) always show, and the others give way from the
// right, so that the earlier a binding is listed, the longer it stays.
func inOrder(bs []key.Binding) []ranked {
	const keep = 2
	rs := make([]ranked, len(bs))
	for i, b := range bs {
		rank := i + 1
		if i >= len(bs)-keep {
			rank = 0
		}
		rs[i] = ranked{b, rank}
	}
	return rs
}

// fitHelp returns the enabled bindings of rs, in order, leaving out the
// highest-ranked (the later of equal ranks first) until width(bs) <= w or
// only rank 0 is left.
func fitHelp(rs []ranked, w int, width func([]key.Binding) int) []key.Binding {
	keep := make([]bool, len(rs))
	for i, r := range rs {
		keep[i] = r.b.Enabled()
	}
	pick := func() []key.Binding {
		var bs []key.Binding
		for i, r := range rs {
			if keep[i] {
				bs = append(bs, r.b)
			}
		}
		return bs
	}
	for {
		bs := pick()
		if width(bs) <= w {
			return bs
		}
		drop := -1
		for i, r := range rs {
			if keep[i] && r.rank > 0 && (drop < 0 || r.rank >= rs[drop].rank) {
				drop = i
			}
		}
		if drop < 0 {
			return bs
		}
		keep[drop] = false
	}
}
