package tui

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/termtext"
)

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
			lines = append(lines, termtext.Cut(s.articleLine(a), max(s.w, 1)))
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

// articleLine is one article of the selected story: a mark ("●" dated
// to the day, "~" approximate or only month or year, none when undated),
// its date or "undated", its outlet label and its title label, the
// stand-ins for missing ones dimmed, and for a republication what it
// copies.
func (s *storiesPage) articleLine(a *corpus.Article) string {
	sty := s.sh.styles
	mark, ms, date := "●", sty.Meta, strings.TrimPrefix(a.Date.String(), "~")
	switch {
	case !a.Date.Known():
		mark, ms, date = " ", sty.Dim, "undated"
	case a.Date.Precision != corpus.PrecisionDay:
		mark, ms = "~", sty.Approx
	}
	line := "  " + ms.Render(mark) + " " + termtext.Pad(date, 11) + " "
	by, fallback := a.OutletLabel()
	if fallback {
		line += sty.Dim.Render(termtext.OneLine(by))
	} else {
		line += termtext.OneLine(by)
	}
	title, dim := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived)
	if dim {
		line += " — " + sty.Dim.Render(title)
	} else {
		line += " — " + title
	}
	if a.CopyOf != "" {
		line += sty.Dim.Render(" · copy of " + termtext.OneLine(a.CopyOf))
	}
	return line
}

// View draws the list of stories, the selected story's coverage timeline
// and related stories, and a status line.
func (s *storiesPage) View() string {
	if s.w <= 0 || s.h <= 0 {
		return ""
	}
	st := s.sh.styles
	listH, detail := s.layout()
	body := make([]string, 0, s.h)
	n := len(s.list)
	if n == 0 {
		body = append(body, st.Dim.Render(" "+s.emptyText()))
	}
	for i := s.cur.top; i < n && len(body) < listH-entryHeight+1; i++ {
		body = append(body, s.entry(i)...)
	}
	for len(body) < listH {
		body = append(body, "")
	}
	if len(detail) > 0 {
		body = append(body, st.Sep.Render(strings.Repeat("─", s.w)))
		body = append(body, detail...)
	}
	return frame(s.w, s.h, st.Bar.Render("Stories")+st.BarDim.Render(s.barInfo()), body, s.statusLine())
}

func (s *storiesPage) barInfo() string {
	multi := 0
	for _, st := range s.stories {
		if len(st.Articles) > 1 {
			multi++
		}
	}
	info := fmt.Sprintf("  %d stories · %d with several articles · %d articles", len(s.stories), multi, len(s.byID))
	if s.busy() {
		info += " · " + s.groupingText()
	}
	return info
}

// groupingText says that stories are being grouped, and how far along.
func (s *storiesPage) groupingText() string {
	g := s.sh.jobs.grouping
	if pct := g.prog.percent(); pct >= 0 {
		return fmt.Sprintf("grouping %d articles… %d%%", g.n, pct)
	}
	return "grouping articles…"
}

func (s *storiesPage) emptyText() string {
	switch {
	case s.err != nil:
		return "Could not group stories: " + termtext.OneLine(s.err.Error())
	case s.busy():
		return "G" + strings.TrimPrefix(s.groupingText(), "g")
	case s.sh.loading:
		return "Stories are grouped once loading has finished…"
	case s.multiOnly && len(s.stories) > 0:
		return "No story has several articles; m shows them all."
	}
	return "No stories."
}

// storyDates renders a story's dates: "2019-12-29 – 2020-01-02", one
// date, or "undated".
func storyDates(st stories.Story) string {
	if d := termtext.DateSpan(st.Start.String(), st.End.String()); d != "" {
		return d
	}
	return "undated"
}

// entry renders story i as two lines: its name, then its dates, article
// count and outlets.
func (s *storiesPage) entry(i int) []string {
	pt := s.sh.styles.P
	st := s.stories[s.list[i]]
	base, dim := pt.Row, pt.Dim
	marker := "  "
	if i == s.cur.at {
		base, dim = pt.Selected, pt.Dim.On(pt.Selected)
		marker = "▸ "
	}
	count := fmt.Sprintf("%d %s", len(st.Articles), termtext.Plural(len(st.Articles), "article", "articles"))
	outlets := s.outletLabels(st)
	meta := "    " + storyDates(st) + " · " + count
	if len(outlets) > 0 {
		meta += " · " + strings.Join(outlets, ", ")
	}
	name := termtext.OneLine(st.Name)
	if name == "" {
		name = st.ID
	}
	return []string{
		base.Render(marker) + cell(name, nil, max(s.w-2, 1), base, base),
		cell(meta, nil, s.w, dim, dim),
	}
}

// outletLabels names who published a story's articles, each once, in
// article order: their outlet labels, so an article without an outlet is
// named by its id. A republication of another of its articles (CopyOf)
// is no other account and names no outlet.
func (s *storiesPage) outletLabels(st stories.Story) []string {
	var out []string
	seen := map[string]bool{}
	arts := s.articlesOf(st)
	members := make(map[string]bool, len(arts))
	for _, a := range arts {
		members[a.ID] = true
	}
	for _, a := range arts {
		if a.CopyOf != "" && members[a.CopyOf] {
			continue // a republication is no other account (as Story.Outlets)
		}
		label, _ := a.OutletLabel()
		if label = termtext.OneLine(label); !seen[label] {
			seen[label] = true
			out = append(out, label)
		}
	}
	return out
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
			parts = append(parts, termtext.OneLine(r.Name)+" ("+storyDates(r)+")")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	sty := s.sh.styles
	return sty.Header.Render(" Related: ") + cell(strings.Join(parts, " · "), nil, max(s.w-10, 1), sty.P.Dim, sty.P.Dim)
}

func (s *storiesPage) statusLine() string {
	sty := s.sh.styles
	var parts []string
	if s.multiOnly {
		parts = append(parts, "several articles only (m)")
	}
	if st, ok := s.selected(); ok {
		parts = append(parts, fmt.Sprintf("%d/%d", s.cur.at+1, len(s.list)))
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
