package tui

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/stories"
)

// The stories view lists the stories corpus/stories found (articles from
// several outlets reporting one event), newest first, and for the one under
// the cursor draws a coverage timeline: a row per outlet, a time axis across
// the width, a mark where each article was published. enter compares the
// story's articles side by side (or reads a story of one article).
//
// Grouping is corpus/stories' (stories.Group), run in a command once the
// load has finished, and again whenever more articles arrive afterwards.
// Each run carries a generation number and cancels the previous run; a
// result that is not the latest is dropped.

// storiesMsg answers a grouping started with generation gen.
type storiesMsg struct {
	gen     int
	stories []stories.Story
	byID    map[string]*corpus.Article // the articles grouped, by ID
	err     error
}

// groupTickMsg redraws the grouping's progress while it runs.
type groupTickMsg struct{ gen int }

// groupTick is how often the progress of a grouping is redrawn.
const groupTick = 200 * time.Millisecond

// groupProgress is how far a grouping has got, written by its workers
// (stories.Options.Progress) and read by View.
type groupProgress struct {
	done, total atomic.Int64
}

func (p *groupProgress) report(done, total int) {
	p.total.Store(int64(total))
	for {
		old := p.done.Load()
		if int64(done) <= old || p.done.CompareAndSwap(old, int64(done)) {
			return
		}
	}
}

// percent is the share done, 0 to 99 (the steps after the counted work
// are quick but not nothing), or -1 before any report.
func (p *groupProgress) percent() int {
	if p == nil || p.total.Load() <= 0 {
		return -1
	}
	return int(min(99, 100*p.done.Load()/p.total.Load()))
}

// progressFrom is the library size from which the stories view shows how
// far grouping has got (below it, grouping takes well under a second).
const progressFrom = 2000

// storiesKeys are the stories view's keys.
type storiesKeys struct {
	nav    navKeys
	Open   key.Binding
	Read   key.Binding
	Multi  key.Binding
	Back   key.Binding
	global globalKeys
}

func newStoriesKeys() storiesKeys {
	return storiesKeys{
		nav:    newNavKeys(),
		Open:   bind([]string{"enter"}, "enter", "compare the story's articles"),
		Read:   bind([]string{"r"}, "r", "read the story's first article"),
		Multi:  bind([]string{"m"}, "m", "only stories with several articles (toggle)"),
		Back:   bind([]string{"esc", "q", "backspace"}, "esc/q", "back"),
		global: newGlobalKeys(),
	}
}

// ShortHelp is the help line under the stories view.
func (k storiesKeys) ShortHelp() []key.Binding {
	return []key.Binding{short(k.Open, "compare"), short(k.Read, "read"), short(k.Multi, "several only"),
		short(k.Back, "back"), k.global.Help}
}

// ShortHelpRanked keeps back and help when the line is too wide.
func (k storiesKeys) ShortHelpRanked() []ranked { return inOrder(k.ShortHelp(), 2) }

// Signs explains the stories view's marks.
func (k storiesKeys) Signs() []sign {
	return []sign{
		{"●", "published on that day (coverage timeline)"},
		{"~", "date approximate"},
		{"Related", "stories with the same actors at other dates"},
	}
}

// FullHelp is the stories view's "?" screen.
func (k storiesKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{k.nav.all(), {k.Open, k.Read, k.Multi}, {k.Back, k.global.Help, k.global.Quit}}
}

// storiesPage is the stories view.
type storiesPage struct {
	sh   *shared
	keys storiesKeys
	w, h int

	gen      int                // generation of the latest grouping
	cancel   context.CancelFunc // stops the grouping in flight
	busy     bool               // a grouping is running
	prog     *groupProgress     // its progress
	grouping int                // how many articles it groups
	loaded   bool               // the load has finished at least once
	// ownStoryOf: nobody set Options.StoryOf, so the library's Story
	// column shows the stories found here.
	ownStoryOf bool

	stories []stories.Story // newest first
	// list is the stories shown: indexes into stories, all of them or,
	// with multiOnly, those of two articles or more. cursor and offset
	// index list.
	list      []int
	multiOnly bool
	byID      map[string]*corpus.Article
	index     map[string]int // story ID -> index in stories
	err       error

	cursor, offset int
	note           string // a one-off message for the status line
}

func newStories(sh *shared) *storiesPage {
	return &storiesPage{sh: sh, keys: newStoriesKeys(), ownStoryOf: sh.storyOf == nil}
}

// SetSize gives the view its rectangle.
func (s *storiesPage) SetSize(w, h int) {
	s.w, s.h = w, h
	s.clamp()
}

// KeyMap is the stories view's keys.
func (s *storiesPage) KeyMap() help.KeyMap { return s.keys }

// Capturing is always false: the view has no text field.
func (s *storiesPage) Capturing() bool { return false }

// bigGrouping is the library size from which grouping's spent memory is
// returned to the system as soon as it is done.
const bigGrouping = 20_000

// launch starts grouping every article loaded so far, cancelling a
// grouping still running.
func (s *storiesPage) launch() tea.Cmd {
	if s.cancel != nil {
		s.cancel()
	}
	s.gen++
	s.busy = true
	gen, aliases := s.gen, s.sh.aliases
	arts := slices.Clone(s.sh.articles)
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	prog := &groupProgress{}
	s.prog, s.grouping = prog, len(arts)
	work := guard(func() tea.Msg {
		defer cancel()
		st, err := stories.Group(ctx, arts, stories.Options{Aliases: aliases, Progress: prog.report})
		if len(arts) >= bigGrouping {
			// Grouping a large library peaks at several times the memory
			// it keeps (about 3 GB for 100,000 articles); give the rest
			// back to the system now rather than over the next minutes.
			debug.FreeOSMemory()
		}
		byID := make(map[string]*corpus.Article, len(arts))
		for _, a := range arts {
			byID[a.ID] = a
		}
		return storiesMsg{gen: gen, stories: st, byID: byID, err: err}
	})
	if len(arts) < progressFrom {
		return work
	}
	return tea.Batch(work, tea.Tick(groupTick, func(time.Time) tea.Msg { return groupTickMsg{gen} }))
}

// Update handles keys while the view is shown, and loading and grouping
// results always.
func (s *storiesPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case batchMsg:
		if msg.done {
			s.loaded = true
		}
		if s.loaded && (msg.done || len(msg.batch.Articles) > 0) && len(s.sh.articles) > 0 {
			return s.launch()
		}
		return nil
	case storiesMsg:
		return s.result(msg)
	case groupTickMsg:
		// Nothing to do but be drawn again, until the grouping ends.
		if msg.gen == s.gen && s.busy {
			return tea.Tick(groupTick, func(time.Time) tea.Msg { return groupTickMsg{msg.gen} })
		}
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.move(-1)
		case tea.MouseWheelDown:
			s.move(1)
		}
	case tea.MouseClickMsg:
		// Under the bar, each story takes entryHeight lines: a click
		// selects one, a click on the selected one opens it.
		listH, _ := s.layout()
		if msg.Button != tea.MouseLeft || msg.Y < 1 || msg.Y > listH {
			return nil
		}
		i := s.offset + (msg.Y-1)/entryHeight
		if i >= len(s.list) {
			return nil
		}
		if i == s.cursor {
			return s.open(false)
		}
		s.cursor = i
		s.clamp()
	}
	return nil
}

// result takes the stories of the latest grouping and drops older ones.
func (s *storiesPage) result(msg storiesMsg) tea.Cmd {
	if msg.gen != s.gen {
		return nil // stale: a newer grouping has been started
	}
	s.busy = false
	if msg.err != nil {
		s.err = msg.err
		return nil
	}
	var cur string
	if st, ok := s.selected(); ok {
		cur = st.ID
	}
	s.err = nil
	s.stories = slices.Clone(msg.stories)
	slices.Reverse(s.stories) // Group returns oldest first; show newest first
	s.byID = msg.byID
	s.index = make(map[string]int, len(s.stories))
	names := map[string]string{}
	for i, st := range s.stories {
		s.index[st.ID] = i
		for _, id := range st.Articles {
			names[id] = st.Name
		}
	}
	s.filter(cur)
	if !s.ownStoryOf {
		return nil
	}
	fn := func(a *corpus.Article) string {
		if n, ok := names[a.ID]; ok {
			return n
		}
		return a.Story
	}
	// Renaming every article's story in the title index is work for a
	// command, not the update loop.
	ix := s.sh.index
	return guard(func() tea.Msg {
		if ix != nil {
			ix.SetStory(fn)
		}
		return storyOfMsg{storyOf: fn}
	})
}

// selected is the story under the cursor.
func (s *storiesPage) selected() (stories.Story, bool) {
	if s.cursor < 0 || s.cursor >= len(s.list) {
		return stories.Story{}, false
	}
	return s.stories[s.list[s.cursor]], true
}

// filter rebuilds the list shown, keeping the cursor on story cur if it
// is still listed.
func (s *storiesPage) filter(cur string) {
	s.list = s.list[:0]
	for i, st := range s.stories {
		if s.multiOnly && len(st.Articles) < 2 {
			continue
		}
		if st.ID == cur {
			s.cursor = len(s.list)
		}
		s.list = append(s.list, i)
	}
	s.clamp()
}

func (s *storiesPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	s.note = ""
	vis := s.visibleEntries()
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.nav.Up):
		s.move(-1)
	case key.Matches(msg, k.nav.Down):
		s.move(1)
	case key.Matches(msg, k.nav.PageUp):
		s.move(-vis)
	case key.Matches(msg, k.nav.PageDown):
		s.move(vis)
	case key.Matches(msg, k.nav.HalfUp):
		s.move(-max(vis/2, 1))
	case key.Matches(msg, k.nav.HalfDown):
		s.move(max(vis/2, 1))
	case key.Matches(msg, k.nav.Top):
		s.cursor = 0
		s.clamp()
	case key.Matches(msg, k.nav.Bottom):
		s.cursor = len(s.list) - 1
		s.clamp()
	case key.Matches(msg, k.Multi):
		cur := ""
		if st, ok := s.selected(); ok {
			cur = st.ID
		}
		s.multiOnly = !s.multiOnly
		s.cursor = 0
		s.filter(cur)
	case key.Matches(msg, k.Open):
		return s.open(false)
	case key.Matches(msg, k.Read):
		return s.open(true)
	}
	return nil
}

// articlesOf returns a story's articles that are loaded, oldest first.
func (s *storiesPage) articlesOf(st stories.Story) []*corpus.Article {
	var out []*corpus.Article
	for _, id := range st.Articles {
		if a := s.byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out
}

// open compares the selected story's articles, or reads its first one
// (read, or a story of one article: there is nothing to compare).
func (s *storiesPage) open(read bool) tea.Cmd {
	st, ok := s.selected()
	if !ok {
		return nil
	}
	arts := s.articlesOf(st)
	if len(arts) == 0 {
		return nil
	}
	if read || len(arts) < 2 || !s.sh.hasCompare {
		a := arts[0]
		return func() tea.Msg { return openArticleMsg{article: a, para: -1} }
	}
	title := st.Name
	if len(arts) > compare.MaxArticles {
		title += fmt.Sprintf(" (the first %d of %d articles)", compare.MaxArticles, len(arts))
		arts = arts[:compare.MaxArticles]
	}
	return func() tea.Msg { return openCompareMsg{articles: arts, title: title} }
}

func (s *storiesPage) move(d int) {
	s.cursor += d
	s.clamp()
}

// entryHeight is the lines one story takes in the list: its name and a
// line of outlets, dates and count.
const entryHeight = 2

// detailLines renders the selected story's timeline and related stories,
// at most maxH lines.
func (s *storiesPage) detailLines(maxH int) []string {
	st, ok := s.selected()
	if !ok || maxH <= 0 {
		return nil
	}
	lines := s.timeline(st, maxH)
	rel := s.relatedLine(st)
	room := maxH - len(lines)
	if rel != "" {
		room--
	}
	// The articles, as much of the list as fits.
	if arts := s.articlesOf(st); room >= 2 {
		sty := s.sh.styles
		lines = append(lines, sty.Header.Render(" Articles"))
		for i, a := range arts {
			if i == room-2 && len(arts) > room-1 {
				lines = append(lines, sty.Dim.Render(fmt.Sprintf("   … %d more", len(arts)-i)))
				break
			}
			mark, ms := "●", sty.Meta
			if a.Date.Precision != corpus.PrecisionDay {
				mark, ms = "~", sty.Approx
			}
			by := oneLine(a.Byline())
			lines = append(lines, "  "+ms.Render(mark)+" "+cell(padPlain(strings.TrimPrefix(a.Date.String(), "~"), 11)+" "+by+" — "+oneLine(a.Title), nil, max(s.w-4, 1), sty.Row, sty.Row))
		}
	}
	if rel != "" {
		lines = append(lines, rel)
	}
	if len(lines) > maxH {
		lines = lines[:maxH]
	}
	return lines
}

// layout splits the body (all but the top bar and the status line) between
// the list and the detail below it: the detail gets what it needs, as long
// as the list keeps room for at least three stories (or what there is).
func (s *storiesPage) layout() (listH int, detail []string) {
	body := max(s.h-2, 0)
	minList := min(3*entryHeight, body)
	detail = s.detailLines(max(body-minList-1, 0))
	listH = body
	if len(detail) > 0 {
		listH = body - len(detail) - 1
	}
	return listH, detail
}

func (s *storiesPage) visibleEntries() int {
	listH, _ := s.layout()
	return max(listH/entryHeight, 1)
}

func (s *storiesPage) clamp() {
	n := len(s.list)
	s.cursor = min(max(s.cursor, 0), max(n-1, 0))
	vis := s.visibleEntries()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+vis {
		s.offset = s.cursor - vis + 1
	}
	s.offset = min(max(s.offset, 0), max(n-vis, 0))
}

// View draws the list of stories, the selected story's coverage timeline
// and related stories, and a status line.
func (s *storiesPage) View() string {
	if s.w <= 0 || s.h <= 0 {
		return ""
	}
	st := s.sh.styles
	lines := make([]string, 0, s.h)
	lines = append(lines, st.Bar.Render("Stories")+st.BarDim.Render(s.barInfo()))
	listH, detail := s.layout()
	n := len(s.list)
	if n == 0 {
		lines = append(lines, st.Dim.Render(" "+s.emptyText()))
	}
	for i := s.offset; i < n && len(lines) < 1+listH-entryHeight+1; i++ {
		lines = append(lines, s.entry(i)...)
	}
	for len(lines) < 1+listH {
		lines = append(lines, "")
	}
	if len(detail) > 0 {
		lines = append(lines, st.Sep.Render(strings.Repeat("─", s.w)))
		lines = append(lines, detail...)
	}
	for len(lines) < s.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:s.h-1], s.statusLine())
	return screen(lines, s.w, s.h)
}

func (s *storiesPage) barInfo() string {
	multi := 0
	for _, st := range s.stories {
		if len(st.Articles) > 1 {
			multi++
		}
	}
	info := fmt.Sprintf("  %d stories · %d with several articles · %d articles", len(s.stories), multi, len(s.byID))
	if s.busy {
		info += " · " + s.groupingText()
	}
	return info
}

// groupingText says that stories are being grouped, and how far along.
func (s *storiesPage) groupingText() string {
	if pct := s.prog.percent(); pct >= 0 {
		return fmt.Sprintf("grouping %d articles… %d%%", s.grouping, pct)
	}
	return "grouping articles…"
}

func (s *storiesPage) emptyText() string {
	switch {
	case s.err != nil:
		return "Could not group stories: " + oneLine(s.err.Error())
	case s.busy:
		return "G" + strings.TrimPrefix(s.groupingText(), "g")
	case !s.loaded && s.sh.loading:
		return "Stories are grouped once loading has finished…"
	case s.multiOnly && len(s.stories) > 0:
		return "No story has several articles; m shows them all."
	}
	return "No stories."
}

// dateSpan renders a story's dates: "2019-12-29 – 2020-01-02", one date,
// or "undated".
func dateSpan(st stories.Story) string {
	a, b := st.Start.String(), st.End.String()
	switch {
	case a == "" && b == "":
		return "undated"
	case a == b || b == "":
		return a
	case a == "":
		return b
	}
	return a + " – " + b
}

// entry renders story i as two lines: its name, then its dates, article
// count and outlets.
func (s *storiesPage) entry(i int) []string {
	pt := s.sh.styles.P
	st := s.stories[s.list[i]]
	base, dim := pt.Row, pt.Dim
	marker := "  "
	if i == s.cursor {
		base, dim = pt.Selected, pt.Dim.On(pt.Selected)
		marker = "▸ "
	}
	count := fmt.Sprintf("%d articles", len(st.Articles))
	if len(st.Articles) == 1 {
		count = "1 article"
	}
	outlets := make([]string, 0, len(st.Outlets))
	for _, o := range st.Outlets {
		outlets = append(outlets, oneLine(o))
	}
	meta := "    " + dateSpan(st) + " · " + count
	if len(outlets) > 0 {
		meta += " · " + strings.Join(outlets, ", ")
	}
	name := oneLine(st.Name)
	if name == "" {
		name = st.ID
	}
	return []string{
		base.Render(marker) + cellP(name, nil, max(s.w-2, 1), base, base),
		cellP(meta, nil, s.w, dim, dim),
	}
}

// relatedLine names the stories related to st (same actors, other times).
func (s *storiesPage) relatedLine(st stories.Story) string {
	if len(st.Related) == 0 {
		return ""
	}
	var parts []string
	for _, id := range st.Related {
		if i, ok := s.index[id]; ok {
			r := s.stories[i]
			parts = append(parts, oneLine(r.Name)+" ("+dateSpan(r)+")")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	sty := s.sh.styles
	return sty.Header.Render(" Related: ") + cell(strings.Join(parts, " · "), nil, max(s.w-10, 1), sty.Dim, sty.Dim)
}

// timeline draws which outlet published when: a heading, a row per outlet
// (at most maxH-3 rows) with a mark at each of its articles' dates, and a
// time axis with the first and last date. Exact days are "●", approximate
// dates "~" (dimmed), undated articles are said so at the end of the row.
func (s *storiesPage) timeline(st stories.Story, maxH int) []string {
	sty := s.sh.styles
	arts := s.articlesOf(st)
	if len(arts) == 0 || maxH < 4 {
		return nil
	}
	// Rows: one per outlet, in the story's outlet order.
	type row struct {
		name string
		arts []*corpus.Article
	}
	var rows []row
	rowOf := map[string]int{}
	for _, a := range arts {
		name := oneLine(a.Byline())
		if name == "" {
			name = "unknown outlet"
		}
		i, ok := rowOf[name]
		if !ok {
			i = len(rows)
			rowOf[name] = i
			rows = append(rows, row{name: name})
		}
		rows[i].arts = append(rows[i].arts, a)
	}
	// The axis: the dates' range, at least a week, a day either side.
	var t0, t1 time.Time
	for _, a := range arts {
		if !a.Date.Known() {
			continue
		}
		t := a.Date.Time
		if t0.IsZero() || t.Before(t0) {
			t0 = t
		}
		if t1.IsZero() || t.After(t1) {
			t1 = t
		}
	}
	const day = 24 * time.Hour
	if !t0.IsZero() {
		t0, t1 = t0.Add(-day), t1.Add(day)
		if span := t1.Sub(t0); span < 7*day {
			pad := (7*day - span) / 2
			t0, t1 = t0.Add(-pad), t1.Add(pad)
		}
	}
	labelW := 0
	for _, r := range rows {
		labelW = max(labelW, textWidth(r.name))
	}
	labelW = min(labelW, max(s.w/3, 8), 28)
	axisW := s.w - labelW - 3 // " label " + axis + " "
	if axisW < 8 {
		return nil
	}
	col := func(t time.Time) int {
		if t1.Equal(t0) {
			return axisW / 2
		}
		f := float64(t.Sub(t0)) / float64(t1.Sub(t0))
		return min(max(int(math.Round(f*float64(axisW-1))), 0), axisW-1)
	}
	out := []string{sty.Header.Render(" Coverage ") + sty.Dim.Render("● dated  ") +
		sty.Approx.Render("~") + sty.Dim.Render(" approximate")}
	// Heading, rows, axis and dates: when the rows do not all fit, a line
	// says how many more there are (or the heading does, if only one
	// row fits).
	shown, more := rows, ""
	if budget := maxH - 3; len(rows) > budget {
		if budget >= 2 {
			shown = rows[:budget-1]
			more = fmt.Sprintf(" … %d more outlets", len(rows)-len(shown))
		} else {
			shown = rows[:1]
			out[0] += sty.Dim.Render(fmt.Sprintf(" · 1 of %d outlets", len(rows)))
		}
	}
	dot, dated, approx := sty.Sep.Render("·"), sty.Meta.Render("●"), sty.Approx.Render("~")
	for _, r := range shown {
		cells := make([]string, axisW)
		for i := range cells {
			cells[i] = dot
		}
		undated := 0
		for _, a := range r.arts {
			if !a.Date.Known() || t0.IsZero() {
				undated++
				continue
			}
			c := col(a.Date.Time)
			if a.Date.Precision == corpus.PrecisionDay {
				cells[c] = dated
			} else if cells[c] != dated {
				cells[c] = approx
			}
		}
		line := " " + cell(r.name, nil, labelW, sty.Row, sty.Row) + " " + strings.Join(cells, "")
		if undated > 0 {
			line = " " + cell(r.name, nil, labelW, sty.Row, sty.Row) + " " + sty.Dim.Render(fmt.Sprintf("undated (%d)", undated))
		}
		out = append(out, line)
	}
	if more != "" {
		out = append(out, sty.Dim.Render(more))
	}
	if t0.IsZero() {
		return out
	}
	// The axis, with the first and last date under its ends.
	pad := strings.Repeat(" ", labelW+2)
	axis := []rune(strings.Repeat("─", axisW))
	axis[0], axis[axisW-1] = '├', '┤'
	for _, a := range arts {
		if a.Date.Known() {
			if c := col(a.Date.Time); c > 0 && c < axisW-1 {
				axis[c] = '┼'
			}
		}
	}
	out = append(out, pad+sty.Sep.Render(string(axis)))
	first, last := t0.Format("2006-01-02"), t1.Format("2006-01-02")
	gap := axisW - len(first) - len(last)
	if gap >= 1 {
		out = append(out, pad+sty.Dim.Render(first+strings.Repeat(" ", gap)+last))
	} else {
		out = append(out, pad+sty.Dim.Render(first))
	}
	return out
}

func (s *storiesPage) statusLine() string {
	sty := s.sh.styles
	var parts []string
	if s.multiOnly {
		parts = append(parts, "several articles only (m)")
	}
	if st, ok := s.selected(); ok {
		parts = append(parts, fmt.Sprintf("%d/%d", s.cursor+1, len(s.list)))
		switch {
		case len(st.Articles) < 2:
			parts = append(parts, "one article: enter reads it")
		case st.Score > 0:
			parts = append(parts, fmt.Sprintf("similarity %.2f", st.Score))
		}
		if st.Pinned {
			parts = append(parts, "named in metadata")
		}
	}
	if s.note != "" {
		parts = append(parts, s.note)
	}
	return " " + sty.Status.Render(strings.Join(parts, " · "))
}
