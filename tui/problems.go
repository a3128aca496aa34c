package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/internal/termtext"
)

// The problems view lists every problem the load met, whole: file, line
// and message (corpus.Problem.Error), repairs marked "warning:", wrapped
// to the width and scrolled like the reader. The library's status line
// counts the problems and names the key that opens it (p); problems that
// arrive while it is open are added at the end.

// problemsPage is the list of load problems.
type problemsPage struct {
	sh   *shared
	keys problemsKeys
	w, h int
	top  int // the first line shown

	// lines are sh.problems[:done] wrapped to width. Problems that arrive
	// while loading are wrapped as they come; all of them again only when
	// the width changes.
	lines []problemLine
	done  int
	width int
}

// problemLine is one screen line of a problem.
type problemLine struct {
	text  string
	warn  bool // the problem is a repair, the article loaded
	first bool // the problem's first line
}

func newProblems(sh *shared) *problemsPage {
	return &problemsPage{sh: sh, keys: newProblemsKeys()}
}

// SetSize gives the view its rectangle.
func (p *problemsPage) SetSize(w, h int) {
	p.w, p.h = w, h
	p.clamp()
}

// KeyMap is the list's keys.
func (p *problemsPage) KeyMap() help.KeyMap { return p.keys }

// Capturing is always false: the view has no text field.
func (p *problemsPage) Capturing() bool { return false }

// show puts the list at its first problem.
func (p *problemsPage) show() {
	p.top = 0
	p.clamp()
}

// problemIndent is the indent of a problem's continuation lines; its first line
// starts one column in.
const problemIndent = "   "

// wrapped brings the lines up to date with the problems and the width.
func (p *problemsPage) wrapped() []problemLine {
	tw := max(p.w-len(problemIndent), 1)
	if tw != p.width {
		p.lines, p.done, p.width = p.lines[:0], 0, tw
	}
	for ; p.done < len(p.sh.problems); p.done++ {
		pr := p.sh.problems[p.done]
		text := termtext.OneLine(pr.Error())
		if pr.Warning {
			text = "warning: " + text
		}
		for i, l := range termtext.WrapLines(text, tw) {
			p.lines = append(p.lines, problemLine{text: l, warn: pr.Warning, first: i == 0})
		}
	}
	return p.lines
}

// bodyHeight is how many lines of problems fit between the bar and the
// status line.
func (p *problemsPage) bodyHeight() int { return max(p.h-2, 1) }

// maxTop is the last line the list can start at.
func (p *problemsPage) maxTop() int { return max(len(p.wrapped())-p.bodyHeight(), 0) }

func (p *problemsPage) clamp() { p.top = min(max(p.top, 0), p.maxTop()) }

// Update scrolls with the keys and the wheel, and goes back.
func (p *problemsPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if key.Matches(msg, p.keys.Back) {
			return func() tea.Msg { return backMsg{} }
		}
		if mv := p.keys.nav.move(msg); mv != navNone {
			bh := p.bodyHeight()
			p.top += mv.delta(bh, max(bh/2, 1), len(p.wrapped()))
			p.clamp()
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			p.top -= 3
		case tea.MouseWheelDown:
			p.top += 3
		}
		p.clamp()
	}
	return nil
}

// View draws the bar (how many problems of which kind), the lines on
// screen and the status line (where in the list).
func (p *problemsPage) View() string {
	if p.w <= 0 || p.h <= 0 {
		return ""
	}
	st := p.sh.styles
	lines := p.wrapped()
	p.clamp()
	body := make([]string, 0, p.bodyHeight())
	for i := p.top; i < len(lines) && len(body) < p.bodyHeight(); i++ {
		l := lines[i]
		prefix := problemIndent
		if l.first {
			prefix = " "
		}
		if l.warn {
			body = append(body, prefix+st.Dim.Render(l.text))
		} else {
			body = append(body, prefix+l.text)
		}
	}
	if len(lines) == 0 {
		body = append(body, st.Dim.Render(" No problems: every input loaded."))
	}
	return frame(p.w, p.h, st.Bar.Render("Problems")+st.BarDim.Render(p.barInfo()), body, p.statusLine(len(lines)))
}

// barInfo counts the problems: inputs not loaded, and repairs.
func (p *problemsPage) barInfo() string {
	skipped, repaired := 0, 0
	for _, pr := range p.sh.problems {
		if pr.Warning {
			repaired++
		} else {
			skipped++
		}
	}
	parts := []string{fmt.Sprintf("%d not loaded", skipped)}
	if repaired > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", repaired, termtext.Plural(repaired, "warning (loaded, repaired)", "warnings (loaded, repaired)")))
	}
	if p.sh.loading {
		parts = append(parts, "still loading")
	}
	return "  " + strings.Join(parts, " · ")
}

// statusLine says which lines are shown, of how many.
func (p *problemsPage) statusLine(n int) string {
	if n <= p.bodyHeight() {
		return " " + p.sh.styles.Status.Render("all shown")
	}
	last := min(p.top+p.bodyHeight(), n)
	return " " + p.sh.styles.Status.Render(fmt.Sprintf("lines %d–%d of %d", p.top+1, last, n))
}
