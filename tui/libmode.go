package tui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The root's part in the library, adding and the actions on an article:
// it opens the library and lists it, reads bodies before a view shows
// them, runs adds, and carries out opening an address, copying and
// writing a report. Views ask for these with messages (messages_lib.go).

// updateLibrary takes the messages of this file's concern; done is false
// for the others (and for backMsg, which it only looks at).
func (m *Model) updateLibrary(msg tea.Msg) (cmd tea.Cmd, done bool) {
	if err := m.sh.state.takeErr(); err != nil {
		m.sh.problems = append(m.sh.problems, corpus.Problem{Path: "library", Err: fmt.Errorf("saving the reader's state: %w", err)})
	}
	switch msg := msg.(type) {
	case openArticleMsg:
		if m.sh.needsBody(msg.article) {
			return m.withBodies([]*corpus.Article{msg.article}, func(full []*corpus.Article, st libdb.ArticleState) tea.Msg {
				return openedMsg{open: openArticleMsg{article: full[0], para: msg.para, terms: msg.terms, query: msg.query}, state: st}
			}), true
		}
		if msg.article != nil {
			m.sh.markRead(msg.article)
		}
		return nil, false
	case openedMsg:
		cmd := m.update(msg.open)
		if msg.open.para < 0 && len(msg.open.terms) == 0 {
			m.reader.restore(msg.state.Position)
		}
		return cmd, true
	case openCompareMsg:
		if slices.ContainsFunc(msg.articles, m.sh.needsBody) {
			return m.withBodies(msg.articles, func(full []*corpus.Article, _ libdb.ArticleState) tea.Msg {
				return openCompareMsg{articles: full, title: msg.title}
			}), true
		}
		return nil, false
	case backMsg:
		m.savePosition()
		return nil, false
	case openAddMsg:
		return m.openAdd(), true
	case addProgressMsg:
		if msg.gen == m.jobs.kinds[jobAdd].gen {
			m.add.progress = msg.p
		}
		return msg.wait, true
	case openURLMsg:
		return m.openURL(msg.article), true
	case urlOpenedMsg:
		if msg.err != nil {
			m.flash = "could not open " + msg.url + ": " + termtext.OneLine(msg.err.Error())
		} else {
			m.flash = "opened " + msg.url + " in the browser"
		}
		return nil, true
	case copyMsg:
		m.copied = msg.text
		m.flash = "copied " + msg.what + " with its citation"
		return tea.SetClipboard(msg.text), true
	case exportMsg:
		return m.export(msg), true
	case exportedMsg:
		if msg.err != nil {
			m.flash = "report not written: " + termtext.OneLine(msg.err.Error())
		} else {
			m.flash = "report written to " + termtext.OneLine(msg.path)
		}
		return nil, true
	}
	return nil, false
}

// openedMsg is an article read whole, to open in the reader at its saved
// position.
type openedMsg struct {
	open  openArticleMsg
	state libdb.ArticleState
}

// withBodies reads the bodies of arts in the background, then handles the
// message then makes of them.
func (m *Model) withBodies(arts []*corpus.Article, then func([]*corpus.Article, libdb.ArticleState) tea.Msg) tea.Cmd {
	m.flash = "reading…"
	return m.jobs.bodies(m.sh.lib, &m.sh.bodies, arts, then)
}

// bodiesRead takes the bodies read and handles the message that waited
// for them.
func (m *Model) bodiesRead(msg bodiesMsg) tea.Cmd {
	m.flash = ""
	if msg.err != nil {
		m.flash = "could not read the article: " + termtext.OneLine(msg.err.Error())
		return nil
	}
	for _, a := range msg.full {
		m.sh.bodies.put(a)
	}
	return m.update(msg.then(msg.full, msg.state))
}

// libraryOpened lists the library when it holds articles, with the
// state stored there; otherwise it lists Load's articles. Opened after
// an add (attach), it keeps the state of the added articles from then on.
func (m *Model) libraryOpened(msg libOpenedMsg) tea.Cmd {
	if msg.err != nil {
		m.sh.problems = append(m.sh.problems, corpus.Problem{Path: "library", Err: msg.err})
	}
	if msg.attach {
		if msg.lib != nil && m.sh.lib == nil {
			m.useLibrary(msg)
			m.saveMarksOfLibrary()
		}
		return nil
	}
	if msg.lib == nil {
		if m.opt.Load == nil {
			m.sh.loading = false
			return nil
		}
		return m.jobs.load(m.opt.Load, m.sh.index)
	}
	m.useLibrary(msg)
	m.sh.fromLib = true
	l := m.library
	l.sortBy, l.reverse = fromLibrarySort(msg.sort)
	// The list is read from the library a window at a time, the first
	// window first; the headers are read whole for the title search and
	// the stories.
	l.pg = newPagedList(msg.lib, toLibrarySort(l.sortBy, l.reverse))
	return tea.Batch(l.follow(), m.jobs.load(headerLoader(msg.lib), m.sh.index))
}

// useLibrary keeps the reader's state in the library from now on, and
// takes what it has stored.
func (m *Model) useLibrary(msg libOpenedMsg) {
	sh := m.sh
	sh.lib = msg.lib
	m.jobs.lib, m.jobs.cache = msg.lib, &sh.bodies
	sh.state = newStateWriter(msg.lib)
	for _, id := range msg.marked {
		sh.marks[id] = true
	}
	for _, id := range msg.read {
		sh.read[id] = true
	}
}

// saveMarksOfLibrary stores the marks made, before the library was
// attached, on articles that are in it.
func (m *Model) saveMarksOfLibrary() {
	var ids []string
	for id := range m.sh.marks {
		if m.sh.ids.get(id) != nil {
			ids = append(ids, id)
		}
	}
	if len(ids) > 0 {
		m.sh.markChanged(true, ids...)
	}
}

// titleSearch starts the library's title search for q ("/"): the three
// tiers over the title index, the middle one (words in the text) from the
// library's full-text index when the list is the library's, as word search
// is (its best libraryTextLimit hits: f shows more).
func (s *shared) titleSearch(q string) tea.Cmd {
	ix := s.index
	words := func(context.Context, string) []search.WordHit {
		if ix == nil {
			return nil
		}
		return ix.Words(q)
	}
	if s.fromLib {
		lib, ids, bodies := s.lib, &s.ids, &s.bodies
		words = func(ctx context.Context, q string) []search.WordHit {
			hits, err := libraryWordHits(ctx, lib, q, libraryTextLimit, false, ids.get, bodies.get)
			if err != nil {
				return nil // the title tiers still answer
			}
			out := make([]search.WordHit, len(hits))
			for i, h := range hits {
				out[i] = h.hit
			}
			return out
		}
	}
	return s.jobs.searchTitles(s.titles, q, words)
}

// wordSearch starts the library's word search for q: over the library's
// index when the list is the library's (its articles' bodies are not in
// memory), else over the in-memory index.
func (s *shared) wordSearch(q string) tea.Cmd {
	if s.fromLib {
		return s.jobs.searchLibraryWords(s.lib, &s.ids, &s.bodies, q)
	}
	return s.jobs.searchWords(s.index, q)
}

// articlesArrived adds articles that came after the load (an add): the
// library lists them and the stories are grouped again.
func (m *Model) articlesArrived(arts []*corpus.Article, problems []corpus.Problem) tea.Cmd {
	sh := m.sh
	sh.articles = append(sh.articles, arts...)
	sh.problems = append(sh.problems, problems...)
	sh.ids.add(arts) // they were added to the library
	cmds := []tea.Cmd{m.library.articlesStored(len(arts))}
	if m.loaded && len(arts) > 0 {
		cmds = append(cmds, m.jobs.group(slices.Clone(sh.articles), sh.aliases))
	}
	return tea.Batch(cmds...)
}

// bottomLine is what the last line shows instead of the help: the add
// line while it is open, an add's progress, or a message for the user.
func (m *Model) bottomLine() (string, bool) {
	st := m.sh.styles
	switch {
	case m.add.open:
		return termtext.Fit(m.add.input.View(), m.w), true
	case m.add.running:
		p := m.add.progress
		s := fmt.Sprintf("adding %d %s: %d/%d fetched · %d added", m.add.refs, termtext.Plural(m.add.refs, "address", "addresses"), p.Done, max(p.Total, p.Done), p.Added)
		if p.Failed > 0 {
			s += fmt.Sprintf(" · %d failed", p.Failed)
		}
		if m.flash != "" {
			s += " · " + m.flash
		}
		return st.Status.Render(termtext.Fit(s, m.w)), true
	case m.flash != "":
		return st.Status.Render(termtext.Fit(termtext.OneLine(m.flash), m.w)), true
	}
	return "", false
}
