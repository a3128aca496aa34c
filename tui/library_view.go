package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/termtext"
)

// columns is the table layout for a width: 0 hides a column.
type columns struct {
	mark, date, outlet, title, story, words int
}

func (l *library) columns() columns {
	w := l.w
	c := columns{mark: 3, date: 11}
	switch {
	case w >= 100:
		c.outlet = min(max(w/6, 12), 24)
		c.story = 5
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
	for _, x := range []int{c.outlet, c.words} {
		if x > 0 {
			used += x + 1
		}
	}
	if c.story > 0 && l.anyStory {
		c.story = l.storyWidth(w-used-1, min(max(w/6, 10), 24))
	}
	if c.story > 0 {
		used += c.story + 1
	}
	c.title = max(w-used, 1)
	return c
}

// storyWidth shares room cells between the Title and Story columns: the
// story gets a quarter, at least least, or what the longest title (with a
// "¶ " in front) leaves over when that is more; but never more than the
// longest story name needs, nor so much that the title gets less than
// least.
func (l *library) storyWidth(room, least int) int {
	share := max(room/4, least)
	if spare := room - l.widest.title - 2; spare > share {
		share = spare
	}
	return max(min(share, l.widest.story, room-least), len("Story"), 1)
}

// View draws the library into its rectangle: the bar, the search line
// while searching, the column headings (not for word hits), the visible
// rows and the status line.
func (l *library) View() string {
	if l.w <= 0 || l.h <= 0 {
		return ""
	}
	body := make([]string, 0, l.h)
	if l.mode != modeBrowse {
		body = append(body, l.input.View())
	}
	cols := l.columns()
	if l.mode != modeWords {
		body = append(body, l.headerLine(cols))
	}
	n, vis := l.listLen(), l.visibleRows()
	for i := l.cur.top; i < n && i < l.cur.top+vis; i++ {
		if l.mode == modeWords {
			body = append(body, l.wordRow(i)...)
		} else {
			body = append(body, l.tableRow(i, cols))
		}
	}
	if n == 0 {
		body = append(body, l.sh.styles.Dim.Render("  "+l.emptyText()))
	}
	return frame(l.w, l.h, l.barLine(), body, l.statusLine())
}

func (l *library) emptyText() string {
	switch {
	case l.mode == modeWords && !l.queryTyped():
		return `Type words to find in article texts, or a "quoted phrase".`
	case l.searching():
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
	n := len(l.sh.articles)
	if l.pg != nil && l.pg.known {
		n = l.pg.total
	}
	info := fmt.Sprintf("  %d articles · sorted by %s %s", n, l.sortBy, arrow)
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
	b.WriteString(head("Story", c.story, sortNone, false))
	b.WriteString(head("Words", c.words, sortNone, true))
	return b.String()
}

func (l *library) tableRow(i int, c columns) string {
	st := l.sh.styles.P
	a := l.articleAt(i)
	selected := i == l.cur.at
	base := st.Row
	if selected {
		base = st.Selected
	}
	if a == nil { // a row of the library's list not read yet
		cursor := " "
		if selected {
			cursor = "▸"
		}
		return base.Render(cursor) + st.Dim.On(base).Render(termtext.Pad("  …", max(l.w-1, 1)))
	}
	var titleSp, outletSp []span
	inText := false
	th := l.titles.row(i)
	if l.titleHitsShown() && th != nil {
		titleSp, outletSp = th.spans()
		inText = th.inText
	}
	gap := base.Render(" ")
	var b strings.Builder
	b.WriteString(l.markCell(a, selected, base))
	b.WriteString(cell(a.Date.String(), nil, c.date, base, st.Match))
	b.WriteString(gap)
	if c.outlet > 0 {
		b.WriteString(outletCell(a, outletSp, c.outlet, base, st))
		b.WriteString(gap)
	}
	tw := c.title
	if inText && tw > 8 {
		// Found by its text, not its title: say so.
		b.WriteString(st.Dim.On(base).Render("¶ "))
		tw -= 2
		titleSp = nil
	}
	b.WriteString(titleCell(a, titleSp, tw, base, st))
	if c.story > 0 {
		b.WriteString(gap)
		story := l.sh.story(a)
		var storySp []span
		if l.titleHitsShown() && th != nil {
			storySp = safeSpans(story, th.storySpans(story))
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

// markCell is the three cells in front of a row (columns.mark): "▸" on
// the row under the cursor (which a terminal without colour or reverse
// video shows by nothing else), then "✓" when the article is marked, or
// "•" when it is one of the library's articles not read yet.
func (l *library) markCell(a *corpus.Article, selected bool, base Paint) string {
	st := l.sh.styles.P
	cursor := base.Render(" ")
	if selected {
		cursor = base.Render("▸")
	}
	switch {
	case l.sh.marks[a.ID]:
		return cursor + st.Marked.On(base).Render("✓") + base.Render(" ")
	case l.sh.unread(a):
		return cursor + st.Meta.On(base).Render("•") + base.Render(" ")
	}
	return cursor + base.Render("  ")
}

// outletName is how a narrow place names a's outlet: the outlet alone
// ("(via X)" is for the reader's header), or, without one, the rest of its
// outlet label (corpus.Article.OutletLabel): the original outlet, or the
// id that stands in for one.
func outletName(a *corpus.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	label, _ := a.OutletLabel()
	return label
}

// outletCell draws a's outlet in w cells, spans (into a.Outlet)
// highlighted. The column is narrow and sorted by outlet, so it shows the
// outlet alone; "(via X)" is for the reader's header. Without an outlet it
// shows the rest of the outlet label (corpus.Article.OutletLabel): the
// original outlet, or the id, dimmed, that stands in for one.
func outletCell(a *corpus.Article, spans []span, w int, base Paint, st Paints) string {
	if a.Outlet != "" {
		return cell(termtext.OneLine(a.Outlet), safeSpans(a.Outlet, spans), w, base, st.Match)
	}
	label, fallback := a.OutletLabel()
	if fallback {
		return cell(termtext.OneLine(label), nil, w, st.Dim.On(base), st.Match)
	}
	return cell(termtext.OneLine(label), nil, w, base, st.Match)
}

// titleCell draws a's title label (termtext.TitleLabel) in w cells, spans
// (into a.Title) highlighted: a title made from the text is dimmed after
// "untitled: ", a missing one is "no title (ID)".
func titleCell(a *corpus.Article, spans []span, w int, base Paint, st Paints) string {
	switch {
	case a.Title == "":
		label, _ := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived)
		return cell(label, nil, w, st.Dim.On(base), st.Match)
	case a.TitleDerived:
		pw := termtext.Width(termtext.Untitled)
		if w <= pw+1 {
			return cell(termtext.Untitled, nil, w, st.Dim.On(base), st.Match)
		}
		dim := st.Dim.On(base)
		return dim.Render(termtext.Untitled) + cell(termtext.OneLine(a.Title), safeSpans(a.Title, spans), w-pw, dim, st.Match)
	}
	return cell(termtext.OneLine(a.Title), safeSpans(a.Title, spans), w, base, st.Match)
}

func (l *library) wordRow(i int) []string {
	st := l.sh.styles.P
	h := l.wordHits[i]
	a := h.article
	selected := i == l.cur.at
	base, meta, dim := st.Row, st.Meta, st.Dim
	if selected {
		base, meta, dim = st.Selected, st.Meta.On(st.Selected), st.Dim.On(st.Selected)
	}
	by, fallback := a.OutletLabel()
	if fallback {
		meta = dim
	}
	head := l.markCell(a, selected, base) + meta.Render(termtext.OneLine(by))
	if d := a.Date.String(); d != "" {
		head += base.Render(" · " + d)
	}
	title, dimTitle := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived)
	if dimTitle {
		head += base.Render(" · ") + dim.Render(title)
	} else {
		head += base.Render(" · " + title)
	}
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
		parts = append(parts, fmt.Sprintf("loading %d/%d %s ", sh.filesDone, sh.filesTotal, sh.loadUnit)+l.bar.ViewAs(min(max(pct, 0), 1)))
	}
	switch l.mode {
	case modeTitle:
		if l.queryTyped() {
			parts = append(parts, fmt.Sprintf("%d of %d match", l.titles.len(), len(sh.articles)))
			if l.titles.textHits() {
				parts = append(parts, "¶ the words are in its text")
			}
		}
	case modeWords:
		if l.queryTyped() {
			parts = append(parts, fmt.Sprintf("%d articles contain it", len(l.wordHits)))
		}
	default:
		if n := l.listLen(); n > 0 {
			parts = append(parts, fmt.Sprintf("%d/%d", l.cur.at+1, n))
		}
	}
	if l.searching() {
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
		if len(parts) > 0 {
			line += st.Status.Render(" · ")
		}
		line += st.Error.Render(problemsText(sh.problems))
	}
	return line
}

// problemsText is the status line's word on the load problems, with the
// key that lists them: the problem itself when there is one (it may be
// cut at the edge; the list shows it whole).
func problemsText(ps []corpus.Problem) string {
	if len(ps) == 1 {
		return "1 problem (p): " + termtext.OneLine(ps[0].Error())
	}
	return fmt.Sprintf("%d problems (p lists them)", len(ps))
}
