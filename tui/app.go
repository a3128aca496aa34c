package tui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/termtext"
)

// Options configures the TUI. Only Load matters for a normal run.
type Options struct {
	// Load starts loading and returns a channel of batches that is closed
	// when loading ends. It is called once, from a background command; the
	// library shows articles as they arrive. The context is cancelled when
	// the TUI exits. Nil means an empty library.
	Load func(ctx context.Context) <-chan corpus.Batch

	// LoadUnit is what a Batch's FilesDone and FilesTotal count, for the
	// loading progress ("loading 3000/10000 articles"): "files" when
	// empty; "articles" for a loader that reads a search cluster's pages.
	LoadUnit string

	// StoryOf names the story an article belongs to, for the library's
	// Story column. Nil shows the stories the TUI groups (and, until they
	// are grouped, Article.Story: stories pinned by metadata).
	StoryOf func(*corpus.Article) string

	// Aliases is the table of entity spellings the stories and compare
	// views group and align by (stories.Options.Aliases,
	// compare.Options.Aliases): the shipped table, with the user's
	// --aliases file merged over it. Nil means the shipped table.
	Aliases *entities.Aliases

	// NoColor draws without colours, as when NO_COLOR is set or TERM is
	// dumb in the environment (both honoured too).
	NoColor bool

	// Library opens the library, in a background command, so that the
	// first frame does not wait for it. When it holds articles, the TUI
	// lists them (read a window at a time in the library's order, see
	// libpage.go; bodies are read when needed) instead of Load's, and keeps the reader's state there (see store.go). When it
	// returns no library, or an empty one, Load's articles are listed.
	// Nil: Load's articles, and no state.
	Library func(ctx context.Context) (Library, error)

	// GroupLibrary gives the stories of the library the list shows, from
	// what the library keeps (grouping what is new first), instead of
	// grouping every article in memory: article finds a listed article's
	// header by id; progress is called from one goroutine. It runs in a
	// background command. Nil: the library's articles are read whole and
	// grouped in memory (stories.Group).
	GroupLibrary func(ctx context.Context, aliases *entities.Aliases, article func(id string) (*corpus.Article, bool), progress func(done, total int)) ([]stories.Story, error)

	// Add fetches and stores what the user pastes after "a" (web
	// addresses, feeds, files), calling progress as it goes. It runs in a
	// background goroutine. Nil: "a" says adding is not available.
	Add func(ctx context.Context, refs []string, progress func(AddProgress)) AddResult

	// OpenURL opens an http(s) address in the browser ("o"). The TUI
	// passes only http and https addresses. Nil: "o" says it cannot.
	OpenURL func(url string) error

	// Export writes a report ("e" in the compare view: the comparison's
	// Markdown) under a file name the TUI proposes, never over another
	// file, and returns where it went. Nil: "e" says it cannot.
	Export func(name string, data []byte) (path string, err error)

	// Input and Output replace the terminal (tests). Nil: stdin/stdout.
	Input  io.Reader
	Output io.Writer
}

// ViewID names a view of the TUI. The root shows one at a time; a view
// asks for another with a message (openArticleMsg, backMsg, …).
type ViewID int

// The views.
const (
	ViewLibrary ViewID = iota
	ViewReader
	ViewStories
	ViewCompare
	ViewProblems
)

// page is what a view implements to be shown by the root.
//
// The root gives a page a rectangle (SetSize: the whole terminal but the
// help line), routes to it the keys and mouse events while it is shown,
// and asks it for exactly h lines of exactly w cells (View; the root fits
// the lines again, as a guarantee). KeyMap feeds the help line and the "?"
// screen, and changes nothing. Capturing reports that a text field has
// focus: then the root passes every key through (so "q" and "?" are
// letters) except ctrl+c.
type page interface {
	SetSize(w, h int)
	Update(msg tea.Msg) tea.Cmd
	View() string
	KeyMap() help.KeyMap
	Capturing() bool
}

// shared is the state every view reads: the articles loaded so far, the
// search index, the marks, the styles, the background work. Views hold a
// pointer to the one shared value; only the root changes it, but for the
// marks, which are the library's.
type shared struct {
	styles   Styles
	articles []*corpus.Article // in load order
	problems []corpus.Problem
	index    *search.Index         // both searches' index, filled by the load
	titles   *search.TitleSearcher // over index
	marks    map[string]bool
	storyOf  func(*corpus.Article) string
	aliases  *entities.Aliases // Options.Aliases: nil is the shipped table
	jobs     *jobs             // where views start their searches

	loading               bool
	loadUnit              string // Options.LoadUnit, never empty
	filesDone, filesTotal int
	bytesDone, bytesTotal int64

	// The library (see store.go, state.go): lib keeps the reader's state
	// of the list's articles that are in the library: all of them when
	// fromLib (the list is the library's), else those in ids (added while
	// the list is Load's). ids holds no header read at start: a million
	// of them would cost tens of MB for nothing.
	lib     Library
	fromLib bool
	read    map[string]bool // library articles read, by id
	ids     idIndex         // the list's articles that are the library's, by id
	bodies  bodyCache       // articles lately read whole
	state   *stateWriter    // writes the reader's state, in order; nil without a library
}

// story names a's story for the library.
func (s *shared) story(a *corpus.Article) string {
	if s.storyOf != nil {
		return s.storyOf(a)
	}
	return a.Story
}

// marked returns the marked articles, in load order.
func (s *shared) marked() []*corpus.Article {
	var out []*corpus.Article
	for _, a := range s.articles {
		if s.marks[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// The smallest terminal the TUI draws into; below it, it says so.
const (
	minWidth  = 30
	minHeight = 8
)

// Model is the root of the TUI: it owns the size, the views and which one
// is shown, the help screen, and the background work; it routes keys to
// the shown view and results to the view they are for.
type Model struct {
	opt  Options
	sh   *shared
	jobs *jobs

	library  *library
	reader   *reader
	stories  *storiesPage
	compare  *comparePage
	problems *problemsPage
	active   ViewID
	history  []ViewID
	loaded   bool // the loader has finished

	w, h    int
	help    helpScreen
	keys    globalKeys
	dark    bool
	noColor bool

	err  error  // a recovered panic; Run returns it
	kill func() // stops the program from View (set by Run)

	add    addLine // the line where "a" takes addresses, and the add under way
	flash  string  // a one-off message on the bottom line, cleared by the next key
	copied string  // what "y" last put on the clipboard
}

// New builds the root model. Tests drive it directly with Update and View;
// Run wraps it in a tea.Program.
func New(opt Options) *Model {
	m := &Model{
		opt:  opt,
		jobs: &jobs{ctx: context.Background(), groupLibrary: opt.GroupLibrary},
		help: newHelpScreen(),
		keys: newGlobalKeys(),
		dark: true,
	}
	// The index starts empty and is filled by the load (jobs.load); its
	// story names come from opt.StoryOf until grouping names them.
	index := search.NewWithOptions(nil, search.Options{Story: opt.StoryOf})
	m.sh = &shared{
		index:    index,
		titles:   index.NewTitleSearcher(),
		marks:    map[string]bool{},
		storyOf:  opt.StoryOf,
		aliases:  opt.Aliases,
		jobs:     m.jobs,
		loading:  opt.Load != nil || opt.Library != nil,
		loadUnit: cmp.Or(opt.LoadUnit, "files"),
		read:     map[string]bool{},
	}
	m.noColor = opt.NoColor || noColorEnv(os.Getenv)
	m.sh.styles = newStyles(m.dark, m.noColor)
	m.help.line.Styles = m.sh.styles.Help
	m.library = newLibrary(m.sh)
	m.reader = newReader(m.sh)
	m.stories = newStories(m.sh)
	m.compare = newCompare(m.sh)
	m.problems = newProblems(m.sh)
	m.add = newAddLine()
	return m
}

// noColorEnv reports an environment that asks for no colour: NO_COLOR set
// (no-color.org), or TERM=dumb, where the renderer drops every attribute.
func noColorEnv(getenv func(string) string) bool {
	return getenv("NO_COLOR") != "" || getenv("TERM") == "dumb"
}

// restyle builds the styles for the background and colour setting, and
// gives them to the widgets that keep their own.
func (m *Model) restyle() {
	m.sh.styles = newStyles(m.dark, m.noColor)
	m.help.line.Styles = m.sh.styles.Help
	m.library.restyle()
	m.reader.restyle()
}

// page is view v.
func (m *Model) page(v ViewID) page {
	switch v {
	case ViewReader:
		return m.reader
	case ViewStories:
		return m.stories
	case ViewCompare:
		return m.compare
	case ViewProblems:
		return m.problems
	}
	return m.library
}

// pages are every view, for what they all take (sizes, timers).
func (m *Model) pages() []page {
	return []page{m.library, m.reader, m.stories, m.compare, m.problems}
}

// Init asks for the terminal's background colour and starts loading.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	switch {
	case m.opt.Library != nil:
		cmds = append(cmds, m.jobs.openLibrary(m.opt.Library, false))
	case m.opt.Load != nil:
		cmds = append(cmds, m.jobs.load(m.opt.Load, m.sh.index))
	}
	return tea.Batch(cmds...)
}

// Update routes a message; a panic in any view is recovered and ends the
// program with an error instead of a stack trace on a raw terminal.
func (m *Model) Update(msg tea.Msg) (_ tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.err = panicError("internal error", r)
			cmd = tea.Quit
		}
	}()
	return m, guardAll(m.update(msg))
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	if cmd, done := m.updateLibrary(msg); done {
		return cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m.library.follow() // a taller list may need more rows read
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.restyle()
		return nil
	case tea.EnvMsg:
		if noColorEnv(msg.Getenv) {
			m.noColor = true
		}
		m.restyle()
		return nil
	case fatalMsg:
		m.err = msg.err
		return tea.Quit
	case jobResult:
		return m.jobDone(msg)
	case groupTickMsg:
		return m.jobs.tick(msg)
	case openArticleMsg:
		if msg.article == nil {
			return nil
		}
		m.reader.show(msg)
		m.push(ViewReader)
		return nil
	case openCompareMsg:
		cmd := m.openCompare(msg)
		m.push(ViewCompare)
		return cmd
	case openStoriesMsg:
		m.push(ViewStories)
		return nil
	case openProblemsMsg:
		m.problems.show()
		m.push(ViewProblems)
		return nil
	case backMsg:
		if n := len(m.history); n > 0 {
			m.active, m.history = m.history[n-1], m.history[:n-1]
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseMsg:
		if m.help.open || m.tooSmall() {
			return nil
		}
		return m.page(m.active).Update(msg)
	}
	// The rest (the input cursor's blink, the spinner, the differences
	// panel's requests) is for whichever view it belongs to.
	var cmds []tea.Cmd
	for _, p := range m.pages() {
		cmds = append(cmds, p.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (m *Model) resize(w, h int) {
	m.w, m.h = max(w, 0), max(h, 0)
	m.help.line.SetWidth(m.w)
	for _, p := range m.pages() {
		p.SetSize(m.w, max(m.h-1, 0))
	}
}

// push shows view v, remembering the current one for backMsg.
func (m *Model) push(v ViewID) {
	if v == m.active {
		return
	}
	m.history = append(m.history, m.active)
	m.active = v
}

// jobDone takes a job's result to the view it is for, if it answers the
// latest job of its kind, and starts the job that waited for it.
func (m *Model) jobDone(msg jobResult) tea.Cmd {
	fresh, next := m.jobs.finish(msg.job())
	if !fresh {
		return next
	}
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case batchMsg:
		cmd = m.batchLoaded(msg)
	case groupedMsg:
		cmd = m.storiesGrouped(msg)
	case storyNamesMsg:
		m.sh.storyOf = msg.storyOf
		m.library.storiesRenamed()
	case comparedMsg:
		m.compare.setComparison(msg.cmp, msg.err)
	case titleResultsMsg:
		m.library.showTitleHits(msg)
	case titleRowsMsg:
		m.library.showTitleRows(msg)
	case wordResultsMsg:
		m.library.showWordHits(msg)
	case findResultsMsg:
		m.reader.showFound(msg)
	case libOpenedMsg:
		cmd = m.libraryOpened(msg)
	case bodiesMsg:
		cmd = m.bodiesRead(msg)
	case addedMsg:
		cmd = m.addDone(msg)
	case pageMsg:
		cmd = m.library.pageLoaded(msg)
	}
	return tea.Batch(next, cmd)
}

// batchLoaded adds what the loader produced, reads on, and groups the
// stories once the load has finished (and again when articles arrive after
// it).
func (m *Model) batchLoaded(msg batchMsg) tea.Cmd {
	sh, b := m.sh, msg.batch
	sh.articles = append(sh.articles, b.Articles...)
	sh.problems = append(sh.problems, b.Problems...)
	sh.filesDone, sh.filesTotal = b.FilesDone, b.FilesTotal
	sh.bytesDone, sh.bytesTotal = b.BytesDone, b.BytesTotal
	cmds := []tea.Cmd{m.library.articlesAdded(len(b.Articles))}
	if msg.done {
		m.loaded = true
	}
	if m.loaded && (msg.done || len(b.Articles) > 0) && len(sh.articles) > 0 {
		cmds = append(cmds, m.jobs.group(slices.Clone(sh.articles), sh.aliases))
	}
	if msg.done {
		sh.loading = false
	} else if msg.ch != nil {
		cmds = append(cmds, m.jobs.nextBatches(msg.ch, len(sh.articles), sh.index))
	}
	return tea.Batch(cmds...)
}

// storiesGrouped gives the stories to their view and, unless Options named
// the stories, has the title index and the library's Story column name
// them too.
func (m *Model) storiesGrouped(msg groupedMsg) tea.Cmd {
	m.stories.setStories(msg.stories, msg.byID, msg.err)
	if msg.err != nil || m.opt.StoryOf != nil {
		return nil
	}
	return m.jobs.nameStories(m.sh.index, msg.storyOf)
}

// openCompare shows the compare view on msg's articles and, unless it
// shows them already, starts aligning them.
func (m *Model) openCompare(msg openCompareMsg) tea.Cmd {
	if !m.compare.open(msg.articles, msg.title) {
		m.jobs.drop(jobCompare) // no alignment wanted now
		return nil
	}
	// The work first: a synchronous driver (the tests) runs it before the
	// spinner's first tick, so the spinner stops at once.
	return tea.Batch(m.jobs.compare(m.compare.arts, m.sh.aliases), m.compare.spin.Tick)
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	m.flash = ""
	if key.Matches(msg, m.keys.Quit) {
		m.savePosition()
		return tea.Quit
	}
	if m.tooSmall() {
		if key.Matches(msg, m.keys.SmallQuit) {
			return tea.Quit
		}
		return nil
	}
	if m.add.open {
		return m.addKey(msg)
	}
	p := m.page(m.active)
	if m.help.open {
		m.help.key(msg, m.keys, p.KeyMap(), m.w, m.h-1)
		return nil
	}
	if !p.Capturing() && key.Matches(msg, m.keys.Help) {
		m.help.show()
		return nil
	}
	return p.Update(msg)
}

func (m *Model) tooSmall() bool { return m.w < minWidth || m.h < minHeight }

// View draws the shown view and the help line, on the alternate screen
// with mouse reporting. Every line is exactly the terminal's width.
func (m *Model) View() (v tea.View) {
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "pmureader"
	defer func() {
		if r := recover(); r != nil {
			m.err = panicError("internal error while drawing", r)
			v.Content = ""
			if m.kill != nil {
				m.kill()
			}
		}
	}()
	v.Content = m.render()
	return v
}

// render returns the current frame as a string (what View puts on the
// screen), for tests and goldens.
func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.tooSmall() {
		msg := fmt.Sprintf("Terminal too small: %d×%d. pmureader needs at least %d×%d. Resize, or press q to quit.",
			m.w, m.h, minWidth, minHeight)
		return screen(termtext.WrapLines(msg, m.w), m.w, m.h)
	}
	km := m.page(m.active).KeyMap()
	var body, helpLine string
	if m.help.open {
		body, helpLine = m.help.view(m.keys, km, m.sh.styles, m.w, m.h-1)
	} else {
		body = m.page(m.active).View()
		helpLine = m.help.shortHelp(km, m.w)
		if line, ok := m.bottomLine(); ok {
			helpLine = line
		}
	}
	return screen(footed(strings.Split(body, "\n"), m.h, helpLine), m.w, m.h)
}

// Run starts the TUI on the terminal and blocks until the user quits.
// q in the library or ctrl+c anywhere ends it with a nil error; the
// terminal is restored in every case, and a panic anywhere (Update, View,
// a background command) comes back as a short error rather than a stack
// trace.
func Run(ctx context.Context, opt Options) error {
	return run(ctx, New(opt), opt)
}

// run is Run on a model already built.
func run(ctx context.Context, m *Model, opt Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m.jobs.ctx = ctx
	// Bubble Tea puts frames on the screen only on its ticker. At the
	// default 60 per second the first frame (and the answer to every key)
	// waits up to 17 ms for a tick; at its maximum, 120, up to 8 ms. An
	// idle program costs no measurable CPU more either way.
	popts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithFPS(120)}
	if opt.Input != nil {
		popts = append(popts, tea.WithInput(opt.Input))
	}
	if opt.Output != nil {
		popts = append(popts, tea.WithOutput(opt.Output))
	}
	p := tea.NewProgram(m, popts...)
	m.kill = func() { go p.Quit() }
	final, err := p.Run()
	m.closeState()
	if fm, ok := final.(*Model); ok && fm.err != nil {
		return fm.err
	}
	switch {
	case err == nil, errors.Is(err, tea.ErrInterrupted):
		return nil
	case errors.Is(err, tea.ErrProgramPanic):
		return errors.New("internal error: the interface crashed (terminal restored)")
	case ctx.Err() != nil:
		return fmt.Errorf("tui: %w", ctx.Err())
	default:
		return fmt.Errorf("tui: %w", err)
	}
}
