package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
)

// Messages of the library, adding, and the actions on an article (open
// its address, copy a passage, write a report). See messages.go for how
// messages flow.

// libOpenedMsg answers the opening of the library: lib is nil when there
// is none (or it could not be opened: err), empty when it holds no
// article; otherwise the reader's state as stored.
type libOpenedMsg struct {
	jobID
	attach bool // opened after an add, for the state of the articles added
	lib    Library
	err    error
	empty  bool
	marked []string
	read   []string
	sort   libdb.Sort
}

// bodiesMsg answers the reading of articles' bodies: then is the message
// that waited for them, now carrying the whole articles; state is the
// reader's state of the first one (for the position to reopen at).
type bodiesMsg struct {
	jobID
	then  func(full []*corpus.Article, st libdb.ArticleState) tea.Msg
	full  []*corpus.Article
	state libdb.ArticleState
	err   error
}

// addProgressMsg is an add's progress; wait reads the next.
type addProgressMsg struct {
	gen  int
	p    AddProgress
	wait tea.Cmd
}

// addedMsg answers an add.
type addedMsg struct {
	jobID
	res AddResult
}

// openAddMsg asks the root for the line where addresses are pasted.
type openAddMsg struct{}

// openURLMsg asks the root to open an article's address in the browser.
type openURLMsg struct{ article *corpus.Article }

// urlOpenedMsg says how opening an address went.
type urlOpenedMsg struct {
	url string
	err error
}

// copyMsg asks the root to put text on the clipboard (OSC 52), at the
// user's keypress: nothing else ever writes the clipboard.
type copyMsg struct {
	text string
	what string // what was copied, for the status line
}

// exportMsg asks the root to write a report through Options.Export.
type exportMsg struct {
	name string
	data []byte
}

// exportedMsg says where a report was written, or why not.
type exportedMsg struct {
	path string
	err  error
}
