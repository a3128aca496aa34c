package tui

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/termtext"
)

// View draws the top bar, the visible document lines and the status line.
// Only the visible lines are styled; wrapping happened in rewrap.
func (r *reader) View() string {
	if r.w <= 0 || r.h <= 0 {
		return ""
	}
	bh := r.bodyHeight()
	body := make([]string, 0, bh)
	for i := r.top; i < len(r.lines) && i < r.top+bh; i++ {
		body = append(body, r.renderLine(i))
	}
	if r.art == nil {
		body = append(body, r.sh.styles.Dim.Render(" No article open."))
	}
	return frame(r.w, r.h, r.barLine(), body, r.statusLine())
}

func (r *reader) barLine() string {
	st := r.sh.styles
	if r.art == nil {
		return st.Bar.Render("pmureader")
	}
	mode := ""
	if r.raw {
		mode = " · raw source"
	}
	by, fallback := r.art.OutletLabel()
	head := st.Bar.Render(termtext.OneLine(by))
	if fallback {
		head = st.BarDim.Render(termtext.OneLine(by))
	}
	title, _ := termtext.TitleLabel(r.art.Title, r.art.ID, r.art.TitleDerived)
	return head + st.BarDim.Render(mode+" · "+title)
}

func (r *reader) styleOf(b block) Paint {
	st := r.sh.styles.P
	switch b.kind {
	case blockTitle:
		return st.Title
	case blockDek:
		return st.Dek
	case blockMeta:
		return st.Meta
	case blockProfile, blockUntitled:
		return st.Dim
	case blockURL:
		return st.URL
	case blockSubhead:
		return st.Subhead
	case blockRaw:
		switch b.role {
		case corpus.RoleChrome, corpus.RoleOther, corpus.RoleBlank:
			return st.Chrome
		case corpus.RoleTitle:
			return st.Title
		case corpus.RoleSubhead:
			return st.Subhead
		case corpus.RoleDek:
			return st.Dek
		case corpus.RoleByline, corpus.RoleVia, corpus.RoleCaption:
			return st.Meta
		}
		return st.Body
	}
	return st.Body
}

// renderLine styles document line i, with its find matches.
func (r *reader) renderLine(i int) string {
	st := r.sh.styles.P
	l := r.lines[i]
	b := r.blocks[l.block]
	base := r.styleOf(b)
	text := b.text[l.start:l.end]
	var out strings.Builder
	out.WriteByte(' ')
	if r.raw {
		g := strings.Repeat(" ", len(b.gutter))
		if i == 0 || r.lines[i-1].block != l.block {
			g = b.gutter
		}
		gs := st.Gutter
		if b.role == corpus.RoleChrome {
			gs = st.ChromeGutter
		}
		out.WriteString(gs.Render(g))
		out.WriteString(st.Gutter.Render("│"))
	}
	if b.kind == blockRule {
		out.WriteString(st.Gutter.Render(strings.Repeat("─", max(r.wrapWidth(), 1))))
		return out.String()
	}
	idx := r.byBlock[l.block]
	if len(idx) == 0 {
		out.WriteString(base.Render(text))
		return out.String()
	}
	// Paint plain runs with base, matches with Match, the current one with
	// Current.
	at := l.start
	for _, mi := range idx {
		m := r.matches[mi]
		a, e := max(m.sp.Start, l.start), min(m.sp.End, l.end)
		if a >= e {
			continue
		}
		if a > at {
			out.WriteString(base.Render(b.text[at:a]))
		}
		hs := st.Match.On(base)
		if mi == r.current {
			hs = st.Current.On(base)
		}
		out.WriteString(hs.Render(b.text[a:e]))
		at = e
	}
	if at < l.end {
		out.WriteString(base.Render(b.text[at:l.end]))
	}
	return out.String()
}

func (r *reader) statusLine() string {
	st := r.sh.styles
	if r.finding {
		count := ""
		if strings.TrimSpace(r.input.Value()) != "" && r.query == r.input.Value() {
			count = fmt.Sprintf("  %d matches", len(r.matches))
			if r.current >= 0 {
				count = fmt.Sprintf("  %d/%d", r.current+1, len(r.matches))
			}
		}
		return r.input.View() + st.Status.Render(count)
	}
	if r.art == nil {
		return ""
	}
	var parts []string
	bh := r.bodyHeight()
	if len(r.lines) <= bh {
		parts = append(parts, "all")
	} else {
		// How far down the text the view is: 0% at the top, 100% at the end.
		parts = append(parts, fmt.Sprintf("%d%%", r.top*100/r.maxTop()))
	}
	if r.query != "" {
		q := termtext.OneLine(r.query)
		switch {
		case len(r.matches) == 0:
			parts = append(parts, fmt.Sprintf("no match for “%s”", q))
		case r.current < 0:
			parts = append(parts, fmt.Sprintf("%d matches for “%s”", len(r.matches), q))
		default:
			parts = append(parts, fmt.Sprintf("%d/%d “%s”", r.current+1, len(r.matches), q))
		}
	}
	if r.raw {
		parts = append(parts, fmt.Sprintf("raw: %s lines %d-%d", r.art.Source.File, r.art.Source.StartLine, r.art.Source.EndLine))
	}
	return " " + st.Status.Render(strings.Join(parts, " · "))
}
