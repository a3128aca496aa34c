package tui

import (
	"fmt"
	"slices"
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
	sortNone sortKey = -1 // a column the library cannot be sorted by
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

// library is the list of articles: a virtualised table (only visible rows
// are drawn) with sorting, marks, and the two search modes. Its searches
// run as jobs (jobTitles, jobWords); the root hands it their results.
// Load's articles are sorted in memory (order); the library's list is
// read from the library a window at a time (pg, libpage.go).
type library struct {
	sh    *shared
	keys  libraryKeys
	skeys searchKeys

	w, h    int
	sortBy  sortKey
	reverse bool
	order   []*corpus.Article // sh.articles, sorted; unused when pg is set
	sorter  listSorter        // what order holds, to sort only what was added
	pg      *pagedList        // the library's list, when it is the library's
	// anyStory is whether any article has a story yet; until then the
	// Story column is kept narrow.
	anyStory bool
	// widest is the widest title and story of the first measured
	// articles, for sharing the width between the two columns.
	widest   struct{ title, story int }
	measured int

	mode  libMode
	cur   listCursor // over the current list
	input textinput.Model
	bar   progress.Model

	titles   *titleList
	wordHits []*wordHit

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
	switch {
	case l.titleHitsShown():
		return l.titles.len()
	case l.mode == modeWords:
		return len(l.wordHits)
	case l.pg != nil:
		return l.pg.total
	}
	return len(l.order)
}

// listed reports whether the list is the whole library, sorted (browsing,
// or a title search with nothing typed yet).
func (l *library) listed() bool {
	return l.mode == modeBrowse || l.mode == modeTitle && !l.queryTyped()
}

// queryTyped reports whether the search line holds a query (not only
// spaces): then the title search shows hits rather than the whole library.
func (l *library) queryTyped() bool {
	return strings.TrimSpace(l.input.Value()) != ""
}

// titleHitsShown reports whether the list is title search hits.
func (l *library) titleHitsShown() bool { return l.mode == modeTitle && l.queryTyped() }

// articleAt returns the article of list entry i.
func (l *library) articleAt(i int) *corpus.Article {
	if i < 0 || i >= l.listLen() {
		return nil
	}
	switch {
	case l.titleHitsShown():
		if h := l.titles.row(i); h != nil {
			return h.article
		}
		return nil
	case l.mode == modeWords:
		return l.wordHits[i].article
	case l.pg != nil:
		return l.pg.at(i)
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
func (l *library) clamp() { l.cur.clamp(l.listLen(), l.visibleRows()) }

// resort sorts the articles by the current key, keeping the cursor on the
// article it was on. The library's list is sorted by the library: it is
// measured only (see sortChanged and articlesStored for reading it again).
func (l *library) resort() {
	l.measure()
	if l.pg != nil {
		l.clamp()
		return
	}
	var cur *corpus.Article
	if l.mode == modeBrowse {
		cur = l.articleAt(l.cur.at)
	}
	l.order = l.sorter.sort(l.order, l.sh.articles, l.sortBy, l.reverse)
	if cur != nil {
		if i := slices.Index(l.order, cur); i >= 0 {
			l.cur.at = i
		}
	}
	l.clamp()
}

// storiesRenamed takes new story names (grouping has named the stories):
// the Story column is measured and sorted again.
func (l *library) storiesRenamed() {
	l.widest.story, l.measured, l.anyStory = 0, 0, false
	l.resort()
}

// measure takes the width of the titles and stories of the articles
// added since it last ran (a title as titleCell shows it), and whether
// any has a story. Measuring only the new ones keeps a growing library's
// re-sorts cheap.
func (l *library) measure() {
	for _, a := range l.sh.articles[l.measured:] {
		title, _ := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived)
		story := l.sh.story(a)
		l.widest.title = max(l.widest.title, termtext.Width(title))
		l.widest.story = max(l.widest.story, termtext.Width(story))
		l.anyStory = l.anyStory || story != ""
	}
	l.measured = len(l.sh.articles)
}

// sortChanged sorts the list by the current key: the library's list is
// read again in the new order around the article selected.
func (l *library) sortChanged() tea.Cmd {
	l.sh.sortChanged(l.sortBy, l.reverse)
	if l.pg == nil {
		l.resort()
		return nil
	}
	l.pg.sort = toLibrarySort(l.sortBy, l.reverse)
	return l.reanchor(l.selectedID(), true)
}

// selectedID is the id of the article under the cursor, or "".
func (l *library) selectedID() string {
	if a := l.articleAt(l.cur.at); a != nil {
		return a.ID
	}
	return ""
}

// boolFirst orders x before its opposite when x is true.
func boolFirst(x bool) int {
	if x {
		return -1
	}
	return 1
}

// flip turns an order round when reverse is set.
func flip(c int, reverse bool) int {
	if reverse {
		return -c
	}
	return c
}

// articlesAdded re-sorts the library for n more articles and, while a
// query is typed, searches again so the new articles can be found.
func (l *library) articlesAdded(n int) tea.Cmd {
	l.resort()
	if n > 0 && l.mode != modeBrowse && l.queryTyped() {
		return l.queryChanged()
	}
	return nil
}

// articlesStored is articlesAdded for n articles just stored in the
// library (an add): its list is read again, the cursor kept on the
// article it was on.
func (l *library) articlesStored(n int) tea.Cmd {
	cmd := l.articlesAdded(n)
	if l.pg == nil || n == 0 {
		return cmd
	}
	return tea.Batch(cmd, l.reanchor(l.selectedID(), false))
}

// Update handles keys and mouse while the library is shown, and what a
// focused search line takes (the cursor's blink).
func (l *library) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if l.mode != modeBrowse {
			return l.searchKey(msg)
		}
		return l.browseKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			l.cur.at -= 3
		case tea.MouseWheelDown:
			l.cur.at += 3
		}
		return l.follow()
	case tea.MouseClickMsg:
		return l.click(msg)
	}
	if l.mode != modeBrowse {
		var cmd tea.Cmd
		l.input, cmd = l.input.Update(msg)
		return cmd
	}
	return nil
}

// click selects the entry under the mouse, or opens it if it was
// selected.
func (l *library) click(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft {
		return nil
	}
	y := msg.Y - l.listTop()
	if y < 0 || y >= l.visibleRows()*l.rowHeight() {
		return nil
	}
	i := l.cur.top + y/l.rowHeight()
	if i >= l.listLen() {
		return nil
	}
	if i == l.cur.at {
		return l.open()
	}
	l.cur.at = i
	return l.follow()
}

func (l *library) browseKey(msg tea.KeyPressMsg) tea.Cmd {
	k := l.keys
	l.note = ""
	if mv := k.nav.move(msg); mv != navNone {
		l.cur.navigate(mv, l.listLen(), l.visibleRows())
		return l.follow()
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Open):
		return l.open()
	case key.Matches(msg, k.Mark):
		return l.toggleMark()
	case key.Matches(msg, k.ClearMarks):
		clear(l.sh.marks)
		l.sh.marksCleared()
	case key.Matches(msg, k.Compare):
		return l.compareMarked()
	case key.Matches(msg, k.Stories):
		return func() tea.Msg { return openStoriesMsg{} }
	case key.Matches(msg, k.Sort):
		l.sortBy = (l.sortBy + 1) % numSortKeys
		l.reverse = false
		return l.sortChanged()
	case key.Matches(msg, k.Reverse):
		l.reverse = !l.reverse
		return l.sortChanged()
	case key.Matches(msg, k.Find):
		return l.enterSearch(modeTitle)
	case key.Matches(msg, k.Words):
		return l.enterSearch(modeWords)
	case key.Matches(msg, k.Problems):
		if len(l.sh.problems) == 0 {
			l.note = "no load problems"
			return nil
		}
		return func() tea.Msg { return openProblemsMsg{} }
	case key.Matches(msg, k.Add):
		return func() tea.Msg { return openAddMsg{} }
	case key.Matches(msg, k.OpenURL):
		a := l.articleAt(l.cur.at)
		return func() tea.Msg { return openURLMsg{article: a} }
	}
	return nil
}

// toggleMark marks the selected article for comparison, or unmarks it,
// and moves on to the next.
func (l *library) toggleMark() tea.Cmd {
	a := l.articleAt(l.cur.at)
	if a == nil {
		return nil
	}
	if l.sh.marks[a.ID] {
		delete(l.sh.marks, a.ID)
	} else {
		l.sh.marks[a.ID] = true
	}
	l.sh.markChanged(l.sh.marks[a.ID], a.ID)
	l.cur.at++
	return l.follow()
}

// compareMarked asks for the compare view of the marked articles, or says
// why not.
func (l *library) compareMarked() tea.Cmd {
	ms := l.sh.marked()
	if len(ms) < 2 || len(ms) > compare.MaxArticles {
		// The status line counts the marks already.
		l.note = fmt.Sprintf("compare takes 2 to %d marked articles (space marks)", compare.MaxArticles)
		return nil
	}
	return func() tea.Msg { return openCompareMsg{articles: ms} }
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
	l.forgetSearches()
	l.cur.reset()
	return tea.Batch(l.input.Focus(), l.follow())
}

// leaveSearch returns to the sorted table with the cursor on the article
// that was selected in the search.
func (l *library) leaveSearch() tea.Cmd {
	listed := l.listed()
	cur := l.articleAt(l.cur.at)
	l.mode = modeBrowse
	l.input.Blur()
	l.forgetSearches()
	switch {
	case l.pg == nil:
		l.cur.at = max(slices.Index(l.order, cur), 0)
	case listed: // the cursor is on the list already
		return l.follow()
	case cur != nil:
		return l.reanchor(cur.ID, false)
	default:
		l.cur.reset()
	}
	return l.follow()
}

// forgetSearches drops both searches' hits, and their answers still to
// come.
func (l *library) forgetSearches() {
	l.sh.jobs.drop(jobTitles)
	l.sh.jobs.drop(jobWords)
	l.titles, l.wordHits = nil, nil
}

func (l *library) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	k := l.skeys
	switch {
	case key.Matches(msg, k.Leave):
		return l.leaveSearch()
	case key.Matches(msg, k.Open):
		return l.open()
	}
	if mv := k.nav.move(msg); mv != navNone {
		l.cur.navigate(mv, l.listLen(), l.visibleRows())
		return l.follow()
	}
	before := l.input.Value()
	var cmd tea.Cmd
	l.input, cmd = l.input.Update(msg)
	if l.input.Value() != before {
		return tea.Batch(cmd, l.queryChanged())
	}
	return cmd
}

// searchJob is the kind of job the current search mode runs.
func (l *library) searchJob() jobKind {
	if l.mode == modeWords {
		return jobWords
	}
	return jobTitles
}

// queryChanged searches for the new query (jobs runs one search at a time
// and drops answers to older queries), or clears the hits if the line is
// empty.
func (l *library) queryChanged() tea.Cmd {
	if !l.queryTyped() {
		l.sh.jobs.drop(l.searchJob())
		l.titles, l.wordHits = nil, nil
		l.cur.reset()
		return l.follow()
	}
	q := l.input.Value()
	if l.mode == modeWords {
		return l.sh.wordSearch(q)
	}
	return l.sh.titleSearch(q)
}

// showTitleHits shows the hits of the latest title search.
func (l *library) showTitleHits(msg titleResultsMsg) {
	if l.mode != modeTitle {
		return
	}
	l.titles = msg.list
	l.cur.reset()
	l.clamp()
}

// showTitleRows takes rows of the title search's answer made further down.
func (l *library) showTitleRows(msg titleRowsMsg) {
	if l.titles == msg.list {
		l.titles.take(msg.from, msg.rows)
	}
}

// followTitles asks for the rows of the title search's answer the screen
// is about to show, when they are not made or asked for yet. A request
// makes every row from the last made, so that it covers an older one it
// makes stale.
func (l *library) followTitles() tea.Cmd {
	t := l.titles
	if t == nil {
		return nil
	}
	vis := l.visibleRows()
	want := min(l.cur.top+2*vis+pageMargin(vis), t.len())
	if want <= t.asked {
		return nil
	}
	t.asked = want
	return l.sh.jobs.titleRows(t, len(t.rows), want)
}

// showWordHits shows the hits of the latest word search.
func (l *library) showWordHits(msg wordResultsMsg) {
	if l.mode != modeWords {
		return
	}
	l.wordHits = msg.hits
	l.cur.reset()
	l.clamp()
}

// searching reports whether the current mode's search is running.
func (l *library) searching() bool {
	return l.mode != modeBrowse && l.sh.jobs.running(l.searchJob())
}

// open asks the root to show the selected article in the reader.
func (l *library) open() tea.Cmd {
	a := l.articleAt(l.cur.at)
	if a == nil {
		return nil
	}
	msg := openArticleMsg{article: a, para: -1}
	var h *wordHit
	switch {
	case l.mode == modeWords:
		h = l.wordHits[l.cur.at]
	case l.titleHitsShown():
		// Found by the words of its text ("¶"): open where they are, as
		// word search does, rather than at the top with nothing marked.
		if th := l.titles.row(l.cur.at); th != nil {
			h = th.words
		}
	}
	if h != nil {
		msg.para, _, _ = h.detail(l.snippetWidth())
		msg.terms, msg.query = h.terms, strings.TrimSpace(l.input.Value())
	}
	return func() tea.Msg { return msg }
}
