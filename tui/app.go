// Package tui is pmureader's terminal interface, a Bubble Tea v2 program:
// the library (a sortable table of every article, with fuzzy title search
// and word search over bodies), the reader (one article, wrapped to the
// terminal, with find-in-article and the raw source), and room for more
// views (stories, compare) that plug into the same root.
//
// The TUI never reads files: it is handed a loader (Options.Load) that
// streams corpus.Batch values, and computes nothing itself beyond layout;
// searching is corpus/search's.
package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/search"
)

// Options configures the TUI. Only Load matters for a normal run.
type Options struct {
	// Load starts loading and returns a channel of batches that is closed
	// when loading ends. It is called once, from a background command; the
	// library shows articles as they arrive. The context is cancelled when
	// the TUI exits. Nil means an empty library.
	Load func(ctx context.Context) <-chan corpus.Batch

	// StoryOf names the story an article belongs to, for the library's
	// Story column. Nil shows Article.Story (stories pinned by metadata).
	StoryOf func(*corpus.Article) string

	// Aliases is the table of entity spellings the stories and compare
	// views group and align by (stories.Options.Aliases,
	// compare.Options.Aliases): the shipped table, with the user's
	// --aliases file merged over it. Nil means the shipped table.
	Aliases *entities.Aliases

	// NoColor draws without colours, as when NO_COLOR is set in the
	// environment (which is honoured too).
	NoColor bool

	// Input and Output replace the terminal (tests). Nil: stdin/stdout.
	Input  io.Reader
	Output io.Writer
}

// ViewID names a view of the TUI. The root shows one at a time; a view
// asks for another with a message (openArticleMsg, backMsg, …).
type ViewID int

// The views. Stories and Compare are reserved for the views that group
// articles into stories and compare several outlets' accounts: register
// them in New (m.pages[ViewStories] = …) and they are routed like the rest.
const (
	ViewLibrary ViewID = iota
	ViewReader
	ViewStories
	ViewCompare
)

// page is what a view implements to plug into the root.
//
// The root gives a page a rectangle (SetSize: the whole terminal but the
// help line), routes to it the keys and mouse events while it is shown and
// every other message always (so background results reach it), and asks
// it for exactly h lines of exactly w cells (View; the root fits the lines
// again, as a guarantee). KeyMap feeds the help line and the "?" screen.
// Capturing reports that a text field has focus: then the root passes
// every key through (so "q" and "?" are letters) except ctrl+c.
type page interface {
	SetSize(w, h int)
	Update(msg tea.Msg) tea.Cmd
	View() string
	KeyMap() help.KeyMap
	Capturing() bool
}

// shared is the state every view reads: the articles loaded so far, the
// search index, the marks, the styles. Views hold a pointer to the one
// shared value; only the root and the library change it.
type shared struct {
	styles   Styles
	articles []*corpus.Article // in load order
	problems []corpus.Problem
	index    *search.Index         // nil until something has loaded
	titles   *search.TitleSearcher // over index
	marks    map[string]bool
	storyOf  func(*corpus.Article) string
	aliases  *entities.Aliases // Options.Aliases: nil is the shipped table

	loading                bool
	filesDone, filesTotal  int
	bytesDone, bytesTotal  int64
	hasCompare, hasStories bool // whether those views are registered
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

// Model is the root of the TUI: it owns the size, the focus (which view is
// shown, whether help is open), the loader, and routes messages to views.
type Model struct {
	opt     Options
	ctx     context.Context
	sh      *shared
	pages   map[ViewID]page
	active  ViewID
	history []ViewID

	w, h       int
	showHelp   bool
	helpScroll int
	helpMore   bool // the help screen has more below
	help       help.Model
	global     globalKeys
	dark       bool
	noColor    bool

	err  error  // a recovered panic; Run returns it
	kill func() // stops the program from View (set by Run)
}

// New builds the root model. Tests drive it directly with Update and View;
// Run wraps it in a tea.Program.
func New(opt Options) *Model {
	m := &Model{
		opt:    opt,
		ctx:    context.Background(),
		help:   help.New(),
		global: newGlobalKeys(),
		dark:   true,
		sh: &shared{
			marks:   map[string]bool{},
			storyOf: opt.StoryOf,
			aliases: opt.Aliases,
			loading: opt.Load != nil,
		},
	}
	// The index starts empty and is filled by the loading commands (see
	// waitBatch); its story names come from opt.StoryOf until grouping
	// sets them.
	m.sh.index = search.NewWithOptions(nil, search.Options{Story: opt.StoryOf})
	m.sh.titles = m.sh.index.NewTitleSearcher()
	m.noColor = opt.NoColor || os.Getenv("NO_COLOR") != ""
	m.restyle()
	m.pages = map[ViewID]page{
		ViewLibrary: newLibrary(m.sh),
		ViewReader:  newReader(m.sh),
		ViewStories: newStories(m.sh),
		ViewCompare: newCompare(m.sh),
	}
	_, m.sh.hasCompare = m.pages[ViewCompare]
	_, m.sh.hasStories = m.pages[ViewStories]
	return m
}

func (m *Model) restyle() {
	m.sh.styles = newStyles(m.dark, m.noColor)
	m.help.Styles = m.sh.styles.Help
}

// Init asks for the terminal's background colour and starts loading.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if m.opt.Load != nil {
		load, ctx := m.opt.Load, m.ctx
		cmds = append(cmds, guard(func() tea.Msg {
			ch := load(ctx)
			if ch == nil {
				return batchMsg{done: true}
			}
			return waitBatch(ch, batchWindow(0), m.sh.index)()
		}))
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
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
		m.help.SetWidth(m.w)
		for _, p := range m.pages {
			p.SetSize(m.w, max(m.h-1, 0))
		}
		return nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.restyle()
		return tea.Batch(m.broadcast(msg)...)
	case tea.EnvMsg:
		if msg.Getenv("NO_COLOR") != "" && !m.noColor {
			m.noColor = true
			m.restyle()
		}
		return tea.Batch(m.broadcast(msg)...)
	case fatalMsg:
		m.err = msg.err
		return tea.Quit
	case batchMsg:
		m.addBatch(msg.batch)
		cmds := m.broadcast(msg)
		if msg.done {
			m.sh.loading = false
		} else if msg.ch != nil {
			cmds = append(cmds, waitBatch(msg.ch, batchWindow(len(m.sh.articles)), m.sh.index))
		}
		return tea.Batch(cmds...)
	case storyOfMsg:
		// The index already names the stories (SetStory ran in the
		// command that sent this).
		m.sh.storyOf = msg.storyOf
		return tea.Batch(m.broadcast(msg)...)
	case openArticleMsg:
		if msg.article == nil {
			return nil
		}
		cmd := m.pages[ViewReader].Update(msg)
		m.push(ViewReader)
		return cmd
	case openCompareMsg:
		p, ok := m.pages[ViewCompare]
		if !ok {
			return nil
		}
		cmd := p.Update(msg)
		m.push(ViewCompare)
		return cmd
	case openStoriesMsg:
		if _, ok := m.pages[ViewStories]; ok {
			m.push(ViewStories)
		}
		return nil
	case backMsg:
		if n := len(m.history); n > 0 {
			m.active, m.history = m.history[n-1], m.history[:n-1]
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseMsg:
		if m.showHelp || m.tooSmall() {
			return nil
		}
		return m.pages[m.active].Update(msg)
	}
	return tea.Batch(m.broadcast(msg)...)
}

// push shows view v, remembering the current one for backMsg.
func (m *Model) push(v ViewID) {
	if v == m.active {
		return
	}
	m.history = append(m.history, m.active)
	m.active = v
}

// broadcast sends a message to every page (results, loading, settings).
func (m *Model) broadcast(msg tea.Msg) []tea.Cmd {
	var cmds []tea.Cmd
	for _, id := range []ViewID{ViewLibrary, ViewReader, ViewStories, ViewCompare} {
		if p, ok := m.pages[id]; ok {
			if c := p.Update(msg); c != nil {
				cmds = append(cmds, c)
			}
		}
	}
	return cmds
}

func (m *Model) addBatch(b corpus.Batch) {
	sh := m.sh
	sh.articles = append(sh.articles, b.Articles...)
	sh.problems = append(sh.problems, b.Problems...)
	sh.filesDone, sh.filesTotal = b.FilesDone, b.FilesTotal
	sh.bytesDone, sh.bytesTotal = b.BytesDone, b.BytesTotal
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.global.Quit) {
		return tea.Quit
	}
	if m.tooSmall() {
		if msg.String() == "q" || msg.String() == "esc" {
			return tea.Quit
		}
		return nil
	}
	p := m.pages[m.active]
	if m.showHelp {
		switch {
		case key.Matches(msg, m.global.CloseHelp):
			m.showHelp = false
		case msg.String() == "down" || msg.String() == "j":
			m.helpScroll++
		case msg.String() == "up" || msg.String() == "k":
			m.helpScroll = max(m.helpScroll-1, 0)
		}
		return nil
	}
	if !p.Capturing() && key.Matches(msg, m.global.Help) {
		m.showHelp, m.helpScroll = true, 0
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

// Render returns the current frame as a string (what View puts on the
// screen), for tests and goldens.
func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.tooSmall() {
		msg := fmt.Sprintf("Terminal too small: %d×%d. pmureader needs at least %d×%d. Resize, or press q to quit.",
			m.w, m.h, minWidth, minHeight)
		var lines []string
		for _, sp := range wrapSpans(msg, m.w) {
			lines = append(lines, msg[sp.Start:sp.End])
		}
		return screen(lines, m.w, m.h)
	}
	p := m.pages[m.active]
	var body string
	if m.showHelp {
		body = m.fullHelp(p.KeyMap(), m.h-1)
	} else {
		body = p.View()
	}
	lines := strings.Split(body, "\n")
	if len(lines) > m.h-1 {
		lines = lines[:m.h-1]
	}
	for len(lines) < m.h-1 {
		lines = append(lines, "")
	}
	var hl string
	if m.showHelp {
		bs := []key.Binding{m.global.CloseHelp, m.global.Quit}
		if m.helpMore || m.helpScroll > 0 {
			bs = append([]key.Binding{bind([]string{"j"}, "↓/j ↑/k", "scroll")}, bs...)
		}
		hl = m.help.ShortHelpView(bs)
	} else {
		km := p.KeyMap()
		bs := km.ShortHelp()
		if rk, ok := km.(rankedHelp); ok {
			free := m.help // measured without the cut to the width
			free.SetWidth(0)
			bs = fitHelp(rk.ShortHelpRanked(), m.w, func(bs []key.Binding) int {
				return textWidth(free.ShortHelpView(bs))
			})
		}
		hl = m.help.ShortHelpView(bs)
	}
	lines = append(lines, hl)
	return screen(lines, m.w, m.h)
}

// fullHelp lists every binding of a key map: its groups side by side when
// they fit, else one under the other, then the marks the view draws and
// what they mean; scrolled by helpScroll (j/k) when that is too long.
// Unlike bubbles' FullHelpView it never drops a group for lack of width.
func (m *Model) fullHelp(km help.KeyMap, h int) string {
	st := m.sh.styles
	var cols [][]string
	colW := []int{}
	for _, g := range km.FullHelp() {
		keyW, descW := 0, 0
		for _, b := range g {
			if b.Enabled() {
				keyW = max(keyW, textWidth(b.Help().Key))
				descW = max(descW, textWidth(b.Help().Desc))
			}
		}
		var col []string
		for _, b := range g {
			if b.Enabled() {
				col = append(col, " "+st.Help.FullKey.Render(padPlain(b.Help().Key, keyW))+"  "+
					st.Help.FullDesc.Render(padPlain(b.Help().Desc, descW)))
			}
		}
		if len(col) > 0 {
			cols = append(cols, col)
			colW = append(colW, 1+keyW+2+descW)
		}
	}
	lines := []string{st.HelpTitle.Render(" Keys"), ""}
	total, tall := 0, 0
	for i, c := range cols {
		total += colW[i] + 2
		tall = max(tall, len(c))
	}
	if total <= m.w && tall+2 <= h {
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
		signs := sk.Signs()
		markW := 0
		for _, s := range signs {
			markW = max(markW, textWidth(s.mark))
		}
		lines = append(lines, "", st.HelpTitle.Render(" Marks"), "")
		for _, s := range signs {
			lines = append(lines, " "+st.Help.FullKey.Render(padPlain(s.mark, markW))+"  "+st.Help.FullDesc.Render(s.meaning))
		}
	}
	maxScroll := max(len(lines)-h, 0)
	m.helpScroll = min(m.helpScroll, maxScroll)
	m.helpMore = m.helpScroll < maxScroll
	return strings.Join(lines[m.helpScroll:], "\n")
}

// Run starts the TUI on the terminal and blocks until the user quits.
// q in the library or ctrl+c anywhere ends it with a nil error; the
// terminal is restored in every case, and a panic anywhere (Update, View,
// a background command) comes back as a short error rather than a stack
// trace.
func Run(ctx context.Context, opt Options) error {
	return run(ctx, New(opt), opt)
}

// run is Run on a model already built, so that tests can give it views of
// their own (e.g. one whose command panics).
func run(ctx context.Context, m *Model, opt Options) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	m.ctx = ctx
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
