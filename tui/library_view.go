package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/internal/termtext"
)

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
	b.WriteString(head("Story", c.story, sortNone, false))
	b.WriteString(head("Words", c.words, sortNone, true))
	return b.String()
}

func (l *library) tableRow(i int, c columns) string {
	st := l.sh.styles.P
	a := l.articleAt(i)
	base := st.Row
	if i == l.cur.at {
		base = st.Selected
	}
	var titleSp, outletSp []span
	inText := false
	if l.titleHitsShown() {
		titleSp, outletSp = l.titleHits[i].spans()
		inText = l.titleHits[i].inText
	}
	gap := base.Render(" ")
	var b strings.Builder
	b.WriteString(l.markCell(a, base))
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
		if l.titleHitsShown() {
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
	if i == l.cur.at {
		base, meta = st.Selected, st.Meta.On(st.Selected)
	}
	mark := l.markCell(a, base)
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
		if l.queryTyped() {
			parts = append(parts, fmt.Sprintf("%d of %d match", len(l.titleHits), len(sh.articles)))
			for _, h := range l.titleHits {
				if h.inText {
					parts = append(parts, "¶ the words are in its text")
					break
				}
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
		p := sh.problems[np-1]
		word := termtext.Plural(np, "problem", "problems")
		if len(parts) > 0 {
			line += st.Status.Render(" · ")
		}
		line += st.Error.Render(fmt.Sprintf("%d %s: %s", np, word, termtext.OneLine(p.Error())))
	}
	return line
}
