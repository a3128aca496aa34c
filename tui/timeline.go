package tui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/termtext"
)

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
	cv := newCoverage(arts, s.w)
	if cv.axisW < 8 {
		return nil
	}
	out := []string{sty.Header.Render(" Coverage ") + sty.Dim.Render("● dated  ") +
		sty.Approx.Render("~") + sty.Dim.Render(" approximate")}
	// Heading, rows, axis and dates: when the rows do not all fit, a line
	// says how many more there are (or the heading does, if only one
	// row fits).
	shown, more := cv.rows, ""
	if budget := maxH - 3; len(cv.rows) > budget {
		if budget >= 2 {
			shown = cv.rows[:budget-1]
			more = fmt.Sprintf(" … %d more outlets", len(cv.rows)-len(shown))
		} else {
			shown = cv.rows[:1]
			out[0] += sty.Dim.Render(fmt.Sprintf(" · 1 of %d outlets", len(cv.rows)))
		}
	}
	for _, r := range shown {
		out = append(out, cv.rowLine(r, sty))
	}
	if more != "" {
		out = append(out, sty.Dim.Render(more))
	}
	if cv.t0.IsZero() {
		return out
	}
	return append(out, cv.axisLines(arts, sty)...)
}

// coverage is a story's coverage timeline laid out for a width: a row per
// outlet and a time axis.
type coverage struct {
	rows   []outletRow
	t0, t1 time.Time // the axis's ends; zero when no article is dated
	labelW int       // the outlet names' column
	axisW  int
}

// outletRow is one outlet's articles of a story.
type outletRow struct {
	name string
	arts []*corpus.Article
}

func newCoverage(arts []*corpus.Article, w int) coverage {
	cv := coverage{rows: outletRows(arts)}
	cv.t0, cv.t1 = axisEnds(arts)
	for _, r := range cv.rows {
		cv.labelW = max(cv.labelW, termtext.Width(r.name))
	}
	cv.labelW = min(cv.labelW, max(w/3, 8), 28)
	cv.axisW = w - cv.labelW - 3 // " label " + axis + " "
	return cv
}

// outletRows groups arts by outlet, in the order the outlets first appear.
func outletRows(arts []*corpus.Article) []outletRow {
	var rows []outletRow
	rowOf := map[string]int{}
	for _, a := range arts {
		label, _ := a.OutletLabel()
		name := termtext.OneLine(label)
		i, ok := rowOf[name]
		if !ok {
			i = len(rows)
			rowOf[name] = i
			rows = append(rows, outletRow{name: name})
		}
		rows[i].arts = append(rows[i].arts, a)
	}
	return rows
}

// axisEnds is the span of the articles' dates, a day either side and at
// least a week; zero times when none is dated.
func axisEnds(arts []*corpus.Article) (t0, t1 time.Time) {
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
	return t0, t1
}

// col is the axis column of time t.
func (cv coverage) col(t time.Time) int {
	if cv.t1.Equal(cv.t0) {
		return cv.axisW / 2
	}
	f := float64(t.Sub(cv.t0)) / float64(cv.t1.Sub(cv.t0))
	return min(max(int(math.Round(f*float64(cv.axisW-1))), 0), cv.axisW-1)
}

// rowLine draws an outlet's row: its name, then a mark at each of its
// dated articles' dates and how many are undated (where it fits).
func (cv coverage) rowLine(r outletRow, sty Styles) string {
	dot, dated, approx := sty.Sep.Render("·"), sty.Meta.Render("●"), sty.Approx.Render("~")
	cells := make([]string, cv.axisW)
	for i := range cells {
		cells[i] = dot
	}
	undated, last := 0, -1
	for _, a := range r.arts {
		if !a.Date.Known() || cv.t0.IsZero() {
			undated++
			continue
		}
		c := cv.col(a.Date.Time)
		last = max(last, c)
		if a.Date.Precision == corpus.PrecisionDay {
			cells[c] = dated
		} else if cells[c] != dated {
			cells[c] = approx
		}
	}
	label := " " + cell(r.name, nil, cv.labelW, sty.P.Row, sty.P.Row) + " "
	if undated == 0 {
		return label + strings.Join(cells, "")
	}
	if last < 0 {
		return label + sty.Dim.Render(fmt.Sprintf("undated (%d)", undated))
	}
	// Dated and undated articles: the marks, then the undated count over
	// the empty end of the axis where it fits.
	note := fmt.Sprintf(" +%d undated", undated)
	if keep := cv.axisW - termtext.Width(note); keep > last {
		return label + strings.Join(cells[:keep], "") + sty.Dim.Render(note)
	}
	return label + strings.Join(cells, "")
}

// axisLines draws the time axis, a tick at each article, with the first
// and last date under its ends.
func (cv coverage) axisLines(arts []*corpus.Article, sty Styles) []string {
	pad := strings.Repeat(" ", cv.labelW+2)
	axis := []rune(strings.Repeat("─", cv.axisW))
	axis[0], axis[cv.axisW-1] = '├', '┤'
	for _, a := range arts {
		if a.Date.Known() {
			if c := cv.col(a.Date.Time); c > 0 && c < cv.axisW-1 {
				axis[c] = '┼'
			}
		}
	}
	out := []string{pad + sty.Sep.Render(string(axis))}
	first, last := cv.t0.Format("2006-01-02"), cv.t1.Format("2006-01-02")
	if gap := cv.axisW - len(first) - len(last); gap >= 1 {
		return append(out, pad+sty.Dim.Render(first+strings.Repeat(" ", gap)+last))
	}
	return append(out, pad+sty.Dim.Render(first))
}
