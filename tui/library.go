package tui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/internal/termtext"
)

// sortKey is the column the library is sorted by.
type sortKey int

const (
	sortDate sortKey = iota
	sortOutlet
	sortTitle
	numSortKeys
)

func (k sortKey) String() string {
	return [...]string{"date", "outlet", "title"}[k]
}

// libMode is what the library's list shows.
type libMode int

const (
	modeBrowse libMode = iota // every article, sorted
	modeTitle                 // fuzzy title search: hits ranked by score
	modeWords                 // word search over bodies: hits with snippets
)

// searchState keeps background searches in order: gen numbers each query,
// at most one search runs at a time, and a query typed while one runs is
// remembered (pending) and started when it returns. Results whose gen is
// not the latest are dropped, so holding a key down never queues work and
// never shows an old answer.
type searchState struct {
	gen      int  // generation of the latest query
	inFlight bool // a search command is running
	pending  bool // the query changed while it ran
	shown    int  // generation of the hits on screen
}

// library is the list of articles: a virtualised table (only visible rows
// are drawn) with sorting, marks, and the two search modes.
type library struct {
	sh    *shared
	keys  libraryKeys
	skeys searchKeys

	w, h    int
	sortBy  sortKey
	reverse bool
	order   []*corpus.Article // sh.articles, sorted
	// anyStory is whether any article has a story yet; until then the
	// Story column is kept narrow.
	anyStory bool

	mode   libMode
	cursor int // index into the current list
	offset int // first visible list index
	input  textinput.Model
	bar    progress.Model

	title     searchState
	titleHits []*titleHit
	words     searchState
	wordHits  []*wordHit

	note string // a one-off message for the status line, cleared by the next key
}

func newLibrary(sh *shared) *library {
	in := textinput.New()
	in.CharLimit = 256
	l := &library{sh: sh, keys: newLibraryKeys(), skeys: newSearchKeys(), input: in,
		bar: progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'))}
	l.restyle()
	return l
}

func (l *library) restyle() { l.sh.styles.styleInput(&l.input) }

// SetSize gives the library its rectangle.
func (l *library) SetSize(w, h int) {
	l.w, l.h = w, h
	l.input.SetWidth(max(w-termtext.Width(l.input.Prompt)-1, 1))
	l.bar.SetWidth(max(min(w/4, 30), 1))
	l.clamp()
}

// KeyMap is the library's keys, or the search line's while it has focus.
func (l *library) KeyMap() help.KeyMap {
	l.keys.Compare.SetEnabled(l.sh.hasCompare)
	l.keys.Stories.SetEnabled(l.sh.hasStories)
	if l.mode != modeBrowse {
		return l.skeys
	}
	return l.keys
}

// Capturing is true while a search line has focus and holds text: then
// every key is text. With the line still empty, "?" opens the help
// (searching for a lone "?" is no loss).
func (l *library) Capturing() bool { return l.mode != modeBrowse && l.input.Value() != "" }

// listLen is the number of entries in the current list.
func (l *library) listLen() int {
	switch l.mode {
	case modeTitle:
		if l.titleActive() {
			return len(l.titleHits)
		}
		return len(l.order)
	case modeWords:
		return len(l.wordHits)
	}
	return len(l.order)
}

// titleActive reports whether the title search shows hits (a query is
// typed) rather than the whole library.
func (l *library) titleActive() bool {
	return strings.TrimSpace(l.input.Value()) != ""
}

// articleAt returns the article of list entry i.
func (l *library) articleAt(i int) *corpus.Article {
	if i < 0 || i >= l.listLen() {
		return nil
	}
	switch {
	case l.mode == modeTitle && l.titleActive():
		return l.titleHits[i].article
	case l.mode == modeWords:
		return l.wordHits[i].article
	}
	return l.order[i]
}

// rowHeight is how many lines one list entry takes.
func (l *library) rowHeight() int {
	if l.mode == modeWords {
		return 2
	}
	return 1
}

// listTop is the first line of the list; the lines above are the top bar,
// the search line and the column headings.
func (l *library) listTop() int {
	top := 2 // bar, headings
	if l.mode != modeBrowse {
		top++ // search line
	}
	if l.mode == modeWords {
		top-- // no headings: the hits are not a table
	}
	return top
}

// visibleRows is how many list entries fit.
func (l *library) visibleRows() int {
	return max((l.h-l.listTop()-1)/l.rowHeight(), 1)
}

// clamp keeps the cursor in the list and the list scrolled to it.
func (l *library) clamp() {
	n := l.listLen()
	l.cursor = min(max(l.cursor, 0), max(n-1, 0))
	vis := l.visibleRows()
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+vis {
		l.offset = l.cursor - vis + 1
	}
	l.offset = min(max(l.offset, 0), max(n-vis, 0))
}

// resort sorts the articles by the current key, keeping the cursor on the
// article it was on.
func (l *library) resort() {
	var cur *corpus.Article
	if l.mode == modeBrowse {
		cur = l.articleAt(l.cursor)
	}
	type keyed struct {
		a    *corpus.Article
		k    string
		i    int
		date int64
		has  bool
	}
	ks := make([]keyed, len(l.sh.articles))
	for i, a := range l.sh.articles {
		k := keyed{a: a, i: i, has: a.Date.Known()}
		if k.has {
			k.date = a.Date.Time.Unix()
		}
		switch l.sortBy {
		case sortOutlet:
			k.k = strings.ToLower(a.Outlet)
		case sortTitle:
			k.k = strings.ToLower(a.Title)
		}
		ks[i] = k
	}
	less := func(x, y keyed) bool {
		switch l.sortBy {
		case sortDate:
			if x.has != y.has {
				return x.has // undated last
			}
			if x.date != y.date {
				return (x.date > y.date) != l.reverse // newest first
			}
		default:
			if x.k != y.k {
				if x.k == "" || y.k == "" {
					return y.k == "" // empty last
				}
				return (x.k < y.k) != l.reverse
			}
			if x.has && y.has && x.date != y.date {
				return x.date > y.date
			}
		}
		return x.i < y.i
	}
	sort.Slice(ks, func(i, j int) bool { return less(ks[i], ks[j]) })
	l.order = l.order[:0]
	l.anyStory = false
	for _, k := range ks {
		l.order = append(l.order, k.a)
		if !l.anyStory && l.sh.story(k.a) != "" {
			l.anyStory = true
		}
	}
	if cur != nil {
		for i, a := range l.order {
			if a == cur {
				l.cursor = i
				break
			}
		}
	}
	l.clamp()
}

// Update handles keys and mouse while the library is shown, and results
// and loading progress always.
func (l *library) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case batchMsg:
		l.resort()
		var cmds []tea.Cmd
		if len(msg.batch.Articles) > 0 && l.mode == modeTitle && l.titleActive() {
			cmds = append(cmds, l.queryChanged())
		}
		if len(msg.batch.Articles) > 0 && l.mode == modeWords && strings.TrimSpace(l.input.Value()) != "" {
			cmds = append(cmds, l.queryChanged())
		}
		return tea.Batch(cmds...)
	case storyOfMsg:
		l.resort()
		return nil
	case tea.BackgroundColorMsg, tea.EnvMsg:
		l.restyle()
		return nil
	case titleResultsMsg:
		return l.titleResults(msg)
	case wordResultsMsg:
		return l.wordResults(msg)
	case tea.KeyPressMsg:
		if l.mode != modeBrowse {
			return l.searchKey(msg)
		}
		return l.browseKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			l.move(-3)
		case tea.MouseWheelDown:
			l.move(3)
		}
		return nil
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			return nil
		}
		y := msg.Y - l.listTop()
		if y < 0 || y >= l.visibleRows()*l.rowHeight() {
			return nil
		}
		i := l.offset + y/l.rowHeight()
		if i >= l.listLen() {
			return nil
		}
		if i == l.cursor {
			return l.open()
		}
		l.cursor = i
		l.clamp()
		return nil
	}
	if l.mode != modeBrowse {
		var cmd tea.Cmd
		l.input, cmd = l.input.Update(msg)
		return cmd
	}
	return nil
}

func (l *library) move(d int) {
	l.cursor += d
	l.clamp()
}

func (l *library) nav(msg tea.KeyPressMsg, nk navKeys) bool {
	vis := l.visibleRows()
	switch {
	case key.Matches(msg, nk.Up):
		l.move(-1)
	case key.Matches(msg, nk.Down):
		l.move(1)
	case key.Matches(msg, nk.PageUp):
		l.move(-vis)
	case key.Matches(msg, nk.PageDown):
		l.move(vis)
	case key.Matches(msg, nk.HalfUp):
		l.move(-max(vis/2, 1))
	case key.Matches(msg, nk.HalfDown):
		l.move(max(vis/2, 1))
	case key.Matches(msg, nk.Top):
		l.cursor = 0
		l.clamp()
	case key.Matches(msg, nk.Bottom):
		l.cursor = l.listLen() - 1
		l.clamp()
	default:
		return false
	}
	return true
}

func (l *library) browseKey(msg tea.KeyPressMsg) tea.Cmd {
	l.keys.Compare.SetEnabled(l.sh.hasCompare)
	l.keys.Stories.SetEnabled(l.sh.hasStories)
	k := l.keys
	l.note = ""
	if l.nav(msg, k.nav) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Open):
		return l.open()
	case key.Matches(msg, k.Mark):
		if a := l.articleAt(l.cursor); a != nil {
			if l.sh.marks[a.ID] {
				delete(l.sh.marks, a.ID)
			} else {
				l.sh.marks[a.ID] = true
			}
			l.move(1)
		}
	case key.Matches(msg, k.ClearMarks):
		clear(l.sh.marks)
	case key.Matches(msg, k.Compare) && l.sh.hasCompare:
		ms := l.sh.marked()
		if len(ms) < 2 || len(ms) > compare.MaxArticles {
			l.note = fmt.Sprintf("compare takes 2 to %d marked articles (space marks); %d marked", compare.MaxArticles, len(ms))
			return nil
		}
		return func() tea.Msg { return openCompareMsg{articles: ms} }
	case key.Matches(msg, k.Stories) && l.sh.hasStories:
		return func() tea.Msg { return openStoriesMsg{} }
	case key.Matches(msg, k.Sort):
		l.sortBy = (l.sortBy + 1) % numSortKeys
		l.reverse = false
		l.resort()
	case key.Matches(msg, k.Reverse):
		l.reverse = !l.reverse
		l.resort()
	case key.Matches(msg, k.Find):
		return l.enterSearch(modeTitle)
	case key.Matches(msg, k.Words):
		return l.enterSearch(modeWords)
	}
	return nil
}

// enterSearch focuses the search line in title or word mode.
func (l *library) enterSearch(mode libMode) tea.Cmd {
	l.mode = mode
	l.input.Reset()
	if mode == modeTitle {
		l.input.Prompt = "/ "
		l.input.Placeholder = "fuzzy title, outlet…"
	} else {
		l.input.Prompt = "words: "
		l.input.Placeholder = `all of these words, or a "quoted phrase"`
	}
	l.input.SetWidth(max(l.w-termtext.Width(l.input.Prompt)-1, 1))
	l.titleHits, l.wordHits = nil, nil
	l.title.gen++
	l.words.gen++
	l.cursor, l.offset = 0, 0
	return l.input.Focus()
}

// leaveSearch returns to the sorted table with the cursor on the article
// that was selected in the search.
func (l *library) leaveSearch() {
	cur := l.articleAt(l.cursor)
	l.mode = modeBrowse
	l.input.Blur()
	l.title.gen++
	l.words.gen++
	l.titleHits, l.wordHits = nil, nil
	l.cursor = 0
	for i, a := range l.order {
		if a == cur {
			l.cursor = i
		}
	}
	l.clamp()
}

func (l *library) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := l.skeys
	switch {
	case key.Matches(msg, k.Leave):
		l.leaveSearch()
		return nil
	case key.Matches(msg, k.Open):
		return l.open()
	case key.Matches(msg, k.Up):
		l.move(-1)
		return nil
	case key.Matches(msg, k.Down):
		l.move(1)
		return nil
	case key.Matches(msg, k.PageUp):
		l.move(-l.visibleRows())
		return nil
	case key.Matches(msg, k.PageDown):
		l.move(l.visibleRows())
		return nil
	}
	before := l.input.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	if l.input.Value() != before {
		return tea.Batch(cmd, l.queryChanged())
	}
	return cmd
}

func (l *library) state() *searchState {
	if l.mode == modeWords {
		return &l.words
	}
	return &l.title
}

// queryChanged starts a search for the new query, or marks it pending if
// one is running.
func (l *library) queryChanged() tea.Cmd {
	st := l.state()
	st.gen++
	if strings.TrimSpace(l.input.Value()) == "" {
		l.titleHits, l.wordHits = nil, nil
		st.shown = st.gen
		st.pending = false
		l.cursor, l.offset = 0, 0
		l.clamp()
		return nil
	}
	if st.inFlight {
		st.pending = true
		return nil
	}
	return l.launch()
}

// launch starts the search for the current query in a command.
func (l *library) launch() tea.Cmd {
	st := l.state()
	st.inFlight, st.pending = true, false
	gen, q := st.gen, l.input.Value()
	if l.mode == modeWords {
		ix := l.sh.index
		return guard(func() tea.Msg {
			return wordResultsMsg{gen: gen, query: q, hits: searchWords(ix, q)}
		})
	}
	ix, ts := l.sh.index, l.sh.titles
	return guard(func() tea.Msg {
		return titleResultsMsg{gen: gen, query: q, hits: searchTitles(ix, ts, q)}
	})
}

// titleResults shows title hits if they answer the latest query, drops
// them otherwise, and starts the pending query if there is one.
func (l *library) titleResults(msg titleResultsMsg) tea.Cmd {
	st := &l.title
	st.inFlight = false
	if msg.gen == st.gen && l.mode == modeTitle {
		l.titleHits = msg.hits
		st.shown = msg.gen
		l.cursor, l.offset = 0, 0
		l.clamp()
	}
	if st.pending && l.mode == modeTitle && l.titleActive() {
		return l.launch()
	}
	st.pending = false
	return nil
}

// wordResults is titleResults for word search.
func (l *library) wordResults(msg wordResultsMsg) tea.Cmd {
	st := &l.words
	st.inFlight = false
	if msg.gen == st.gen && l.mode == modeWords {
		l.wordHits = msg.hits
		st.shown = msg.gen
		l.cursor, l.offset = 0, 0
		l.clamp()
	}
	if st.pending && l.mode == modeWords && strings.TrimSpace(l.input.Value()) != "" {
		return l.launch()
	}
	st.pending = false
	return nil
}

// open asks the root to show the selected article in the reader.
func (l *library) open() tea.Cmd {
	a := l.articleAt(l.cursor)
	if a == nil {
		return nil
	}
	msg := openArticleMsg{article: a, para: -1}
	var h *wordHit
	switch {
	case l.mode == modeWords:
		h = l.wordHits[l.cursor]
	case l.mode == modeTitle && l.titleActive():
		// Found by the words of its text ("¶"): open where they are, as
		// word search does, rather than at the top with nothing marked.
		h = l.titleHits[l.cursor].words
	}
	if h != nil {
		msg.para, _, _ = h.detail(l.snippetWidth())
		msg.terms, msg.query = h.terms, strings.TrimSpace(l.input.Value())
	}
	return func() tea.Msg { return msg }
}

// columns is the table layout for a width: 0 hides a column.
type columns struct {
	mark, date, outlet, title, story, words int
}

func (l *library) columns() columns {
	w := l.w
	c := columns{mark: 2, date: 11}
	switch {
	case w >= 100:
		c.outlet = min(max(w/6, 12), 24)
		c.story = 5
		if l.anyStory {
			c.story = min(max(w/6, 10), 24)
		}
		c.words = 6
	case w >= 70:
		c.outlet = min(max(w/5, 12), 20)
		c.words = 6
	case w >= 50:
		c.outlet = 12
	case w >= 40:
		c.outlet = 9
	}
	used := c.mark + c.date + 1
	for _, x := range []int{c.outlet, c.story, c.words} {
		if x > 0 {
			used += x + 1
		}
	}
	c.title = max(w-used, 1)
	return c
}

// View draws the library into its rectangle.
func (l *library) View() string {
	if l.w <= 0 || l.h <= 0 {
		return ""
	}
	st := l.sh.styles
	lines := make([]string, 0, l.h)
	lines = append(lines, l.barLine())
	if l.mode != modeBrowse {
		lines = append(lines, l.input.View())
	}
	cols := l.columns()
	if l.mode != modeWords {
		lines = append(lines, l.headerLine(cols))
	}
	n := l.listLen()
	vis := l.visibleRows()
	for i := l.offset; i < n && i < l.offset+vis; i++ {
		if l.mode == modeWords {
			lines = append(lines, l.wordRow(i)...)
		} else {
			lines = append(lines, l.tableRow(i, cols))
		}
	}
	if n == 0 {
		lines = append(lines, st.Dim.Render("  "+l.emptyText()))
	}
	for len(lines) < l.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:l.h-1], l.statusLine())
	return screen(lines, l.w, l.h)
}

func (l *library) emptyText() string {
	switch {
	case l.mode == modeWords && strings.TrimSpace(l.input.Value()) == "":
		return `Type words to find in article texts, or a "quoted phrase".`
	case l.mode != modeBrowse && l.state().inFlight:
		return "Searching…"
	case l.mode != modeBrowse:
		return "No match."
	case l.sh.loading:
		return "Loading…"
	}
	return "No articles."
}

func (l *library) barLine() string {
	st := l.sh.styles
	arrow := "↓"
	if l.reverse {
		arrow = "↑"
	}
	left := st.Bar.Render("pmureader")
	info := fmt.Sprintf("  %d articles · sorted by %s %s", len(l.sh.articles), l.sortBy, arrow)
	switch l.mode {
	case modeTitle:
		info = "  find by title"
	case modeWords:
		info = "  search words in article texts"
	}
	return left + st.BarDim.Render(info)
}

func (l *library) headerLine(c columns) string {
	st := l.sh.styles
	arrow := " ↓"
	if l.reverse {
		arrow = " ↑"
	}
	head := func(name string, w int, k sortKey, right bool) string {
		if w <= 0 {
			return ""
		}
		s := name
		sty := st.Header
		if l.mode == modeBrowse && k == l.sortBy {
			s += arrow
			sty = st.SortOn
		}
		if right {
			s = strings.Repeat(" ", max(w-termtext.Width(s), 0)) + s
		}
		return sty.Render(termtext.Pad(s, w)) + " "
	}
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", c.mark))
	b.WriteString(head("Date", c.date, sortDate, false))
	b.WriteString(head("Outlet", c.outlet, sortOutlet, false))
	b.WriteString(head("Title", c.title, sortTitle, false))
	b.WriteString(head("Story", c.story, -1, false))
	b.WriteString(head("Words", c.words, -1, true))
	return b.String()
}

func (l *library) tableRow(i int, c columns) string {
	st := l.sh.styles.P
	a := l.articleAt(i)
	base := st.Row
	if i == l.cursor {
		base = st.Selected
	}
	var titleSp, outletSp []span
	inText := false
	if l.mode == modeTitle && l.titleActive() {
		titleSp, outletSp = l.titleHits[i].spans()
		inText = l.titleHits[i].inText
	}
	gap := base.Render(" ")
	var b strings.Builder
	if l.sh.marks[a.ID] {
		b.WriteString(st.Marked.On(base).Render("✓"))
		b.WriteString(gap)
	} else {
		b.WriteString(base.Render("  "))
	}
	b.WriteString(cell(a.Date.String(), nil, c.date, base, st.Match))
	b.WriteString(gap)
	if c.outlet > 0 {
		b.WriteString(cell(termtext.OneLine(a.Outlet), safeSpans(a.Outlet, outletSp), c.outlet, base, st.Match))
		b.WriteString(gap)
	}
	if inText && c.title > 8 {
		// Found by its text, not its title: say so.
		b.WriteString(st.Dim.On(base).Render("¶ "))
		b.WriteString(cell(termtext.OneLine(a.Title), nil, c.title-2, base, st.Match))
	} else {
		b.WriteString(cell(termtext.OneLine(a.Title), safeSpans(a.Title, titleSp), c.title, base, st.Match))
	}
	if c.story > 0 {
		b.WriteString(gap)
		story := l.sh.story(a)
		var storySp []span
		if l.mode == modeTitle && l.titleActive() {
			storySp = safeSpans(story, l.titleHits[i].storySpans(story))
		}
		b.WriteString(cell(termtext.OneLine(story), storySp, c.story, base, st.Match))
	}
	if c.words > 0 {
		b.WriteString(gap)
		ws := strconv.Itoa(a.Words)
		b.WriteString(base.Render(strings.Repeat(" ", max(c.words-len(ws), 0)) + ws))
	}
	return b.String()
}

func (l *library) wordRow(i int) []string {
	st := l.sh.styles.P
	h := l.wordHits[i]
	a := h.article
	base, meta := st.Row, st.Meta
	if i == l.cursor {
		base, meta = st.Selected, st.Meta.On(st.Selected)
	}
	mark := base.Render("  ")
	if l.sh.marks[a.ID] {
		mark = st.Marked.On(base).Render("✓") + base.Render(" ")
	}
	by := termtext.OneLine(a.Byline())
	if by == "" {
		by = "unknown outlet"
	}
	rest := ""
	if d := a.Date.String(); d != "" {
		rest += " · " + d
	}
	rest += " · " + termtext.OneLine(a.Title)
	head := mark + meta.Render(by) + base.Render(rest)
	_, snippet, spans := h.detail(l.snippetWidth())
	line2 := base.Render("    ") + cell(termtext.OneLine(snippet), safeSpans(snippet, spans), max(l.w-4, 1), base, st.Match)
	return []string{termtext.Fit(head, l.w), termtext.Fit(line2, l.w)}
}

// snippetWidth is the width word-hit snippets are cut for.
func (l *library) snippetWidth() int { return max(l.w-5, 10) }

func (l *library) statusLine() string {
	st := l.sh.styles
	var parts []string
	sh := l.sh
	if sh.loading {
		pct := 0.0
		switch {
		case sh.bytesTotal > 0:
			pct = float64(sh.bytesDone) / float64(sh.bytesTotal)
		case sh.filesTotal > 0:
			pct = float64(sh.filesDone) / float64(sh.filesTotal)
		}
		parts = append(parts, fmt.Sprintf("loading %d/%d files ", sh.filesDone, sh.filesTotal)+l.bar.ViewAs(min(max(pct, 0), 1)))
	}
	switch l.mode {
	case modeTitle:
		if l.titleActive() {
			parts = append(parts, fmt.Sprintf("%d of %d match", len(l.titleHits), len(sh.articles)))
			for _, h := range l.titleHits {
				if h.inText {
					parts = append(parts, "¶ the words are in its text")
					break
				}
			}
		}
	case modeWords:
		if strings.TrimSpace(l.input.Value()) != "" {
			parts = append(parts, fmt.Sprintf("%d articles contain it", len(l.wordHits)))
		}
	default:
		if n := l.listLen(); n > 0 {
			parts = append(parts, fmt.Sprintf("%d/%d", l.cursor+1, n))
		}
	}
	if l.mode != modeBrowse && l.state().inFlight {
		parts = append(parts, "searching…")
	}
	if nm := len(sh.marks); nm > 0 {
		parts = append(parts, st.Marked.Render(fmt.Sprintf("%d marked", nm)))
	}
	if l.note != "" {
		parts = append(parts, st.Error.Render(l.note))
	}
	line := st.Status.Render(strings.Join(parts, " · "))
	if np := len(sh.problems); np > 0 {
		p := sh.problems[np-1]
		word := "problems"
		if np == 1 {
			word = "problem"
		}
		if len(parts) > 0 {
			line += st.Status.Render(" · ")
		}
		line += st.Error.Render(fmt.Sprintf("%d %s: %s", np, word, termtext.OneLine(p.Error())))
	}
	return line
}
