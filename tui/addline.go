package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/internal/termtext"
)

// addLine is the line "a" opens at the bottom of the screen, where one or
// more web addresses (or feeds, or files) are pasted, separated by spaces
// or new lines; enter adds them in the background while the reader stays
// usable, the bottom line showing how far it has got. Adds run one at a
// time: what is entered meanwhile waits for the one running.
type addLine struct {
	open  bool
	input textinput.Model
	keys  addKeys

	running  bool
	refs     int // how many references the running add was given
	progress AddProgress
	queue    [][]string
}

func newAddLine() addLine {
	in := textinput.New()
	in.Prompt = "add: "
	in.Placeholder = "paste web addresses, feeds or files, then enter"
	in.CharLimit = 64 << 10
	return addLine{input: in, keys: newAddKeys()}
}

// addKeys are the add line's keys; every other key is text.
type addKeys struct {
	Accept, Cancel, Quit key.Binding
}

func newAddKeys() addKeys {
	return addKeys{
		Accept: bind([]string{"enter"}, "enter", "add"),
		Cancel: bind([]string{"esc"}, "esc", "cancel"),
		Quit:   bind([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// openAdd opens the add line, or says why it cannot.
func (m *Model) openAdd() tea.Cmd {
	if m.opt.Add == nil {
		m.flash = "adding is not available here"
		return nil
	}
	m.add.open = true
	m.add.input.Reset()
	m.add.input.SetWidth(max(m.w-termtext.Width(m.add.input.Prompt)-1, 1))
	m.sh.styles.styleInput(&m.add.input)
	return m.add.input.Focus()
}

// addKey handles a key while the add line is open.
func (m *Model) addKey(msg tea.KeyPressMsg) tea.Cmd {
	a := &m.add
	switch {
	case key.Matches(msg, a.keys.Cancel):
		a.open = false
		a.input.Blur()
		return nil
	case key.Matches(msg, a.keys.Accept):
		a.open = false
		a.input.Blur()
		refs := strings.Fields(a.input.Value())
		if len(refs) == 0 {
			return nil
		}
		if a.running {
			a.queue = append(a.queue, refs)
			m.flash = fmt.Sprintf("%d more waiting for the add under way", len(refs))
			return nil
		}
		return m.startAdd(refs)
	}
	var cmd tea.Cmd
	a.input, cmd = a.input.Update(msg)
	return cmd
}

// startAdd starts adding refs in the background.
func (m *Model) startAdd(refs []string) tea.Cmd {
	m.add.running, m.add.refs, m.add.progress = true, len(refs), AddProgress{Total: len(refs)}
	return m.jobs.add(m.opt.Add, refs, m.sh.index)
}

// addDone lists what an add stored, says what happened, and starts the
// add that waited, if any.
func (m *Model) addDone(msg addedMsg) tea.Cmd {
	a := &m.add
	a.running = false
	res := msg.res
	var cmds []tea.Cmd
	if len(res.Articles) > 0 || len(res.Failures) > 0 {
		cmds = append(cmds, m.articlesArrived(res.Articles, res.Failures))
	}
	m.flash = addSummary(res)
	switch {
	case len(res.Articles) > 0:
		cmds = append(cmds, m.library.selectID(res.Articles[0].ID))
	case len(res.Duplicates) > 0:
		cmds = append(cmds, m.library.selectID(res.Duplicates[0]))
	}
	if m.sh.lib == nil && m.opt.Library != nil && len(res.Articles) > 0 {
		// The list is Load's (the library was empty or missing); the
		// added articles are the library's: keep their state there.
		cmds = append(cmds, m.jobs.openLibrary(m.opt.Library, true))
	}
	if len(a.queue) > 0 {
		next := a.queue[0]
		a.queue = a.queue[1:]
		cmds = append(cmds, m.startAdd(next))
	}
	return tea.Batch(cmds...)
}

// addSummary says in one line what an add did.
func addSummary(res AddResult) string {
	parts := []string{fmt.Sprintf("added %d %s", len(res.Articles), termtext.Plural(len(res.Articles), "article", "articles"))}
	if n := len(res.Duplicates); n > 0 {
		parts = append(parts, fmt.Sprintf("%d already in the library", n))
	}
	if n := len(res.Failures); n > 0 {
		parts = append(parts, fmt.Sprintf("%d failed (%s)", n, termtext.OneLine(res.Failures[len(res.Failures)-1].Error())))
	}
	if res.Err != nil {
		parts = append(parts, "stopped: "+termtext.OneLine(res.Err.Error()))
	}
	return strings.Join(parts, " · ")
}

// selectID puts the library's cursor on the article with id, when the
// list shows it (the library's list: once it is read around it).
func (l *library) selectID(id string) tea.Cmd {
	if l.mode != modeBrowse {
		return nil
	}
	if l.pg != nil {
		return l.reanchor(id, false)
	}
	for i, a := range l.order {
		if a.ID == id {
			l.cur.at = i
			l.clamp()
			return nil
		}
	}
	return nil
}
