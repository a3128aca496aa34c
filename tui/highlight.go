package tui

import (
	"sort"
	"strings"

	"github.com/pmureader/pmureader/internal/termtext"
)

// span is a half-open byte range [Start, End) into some original string:
// search hits, find matches and highlights are all spans, so that
// multi-byte text (’, é, CJK) is never cut inside a character. Wrapped
// lines are termtext.Span, the same range.
type span struct{ Start, End int }

// highlight renders s with base, drawing the bytes inside spans with hl
// (over base, so a hit on the selected row keeps the row's background).
// Spans may overlap, be unsorted or reach past s; they are clipped to s and
// never cut a UTF-8 sequence.
func highlight(s string, spans []span, base, hl Paint) string {
	if s == "" {
		return ""
	}
	spans = normSpans(s, spans)
	if len(spans) == 0 {
		return base.Render(s)
	}
	hl = hl.On(base)
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.Start > at {
			b.WriteString(base.Render(s[at:sp.Start]))
		}
		b.WriteString(hl.Render(s[sp.Start:sp.End]))
		at = sp.End
	}
	if at < len(s) {
		b.WriteString(base.Render(s[at:]))
	}
	return b.String()
}

// normSpans clips spans to s, moves their ends to UTF-8 boundaries, sorts
// them and merges overlaps.
func normSpans(s string, in []span) []span {
	if len(in) == 0 {
		return nil
	}
	out := make([]span, 0, len(in))
	for _, sp := range in {
		a, e := max(sp.Start, 0), min(sp.End, len(s))
		for a < e && a < len(s) && !isRuneStart(s[a]) {
			a--
		}
		for e < len(s) && !isRuneStart(s[e]) {
			e++
		}
		if a < e {
			out = append(out, span{a, e})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, sp := range out {
		if n := len(merged); n > 0 && sp.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, sp.End)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// shift moves spans by -off and keeps those that overlap [0, n): it turns
// spans into a string into spans into its substring s[off:off+n].
func shift(spans []span, off, n int) []span {
	var out []span
	for _, sp := range spans {
		a, e := sp.Start-off, sp.End-off
		if e <= 0 || a >= n {
			continue
		}
		out = append(out, span{max(a, 0), min(e, n)})
	}
	return out
}

// cell renders plain text in a column of width w: cut with "…",
// highlighted where spans say, padded to w.
func cell(s string, spans []span, w int, base, hl Paint) string {
	if w <= 0 {
		return ""
	}
	t, kept := termtext.Truncate(s, w)
	pad := w - termtext.Width(t)
	if pad > 0 {
		// Padding inside the styled run: one escape sequence fewer.
		if len(spans) == 0 {
			return base.Render(t + strings.Repeat(" ", pad))
		}
	}
	var out string
	if kept == len(s) {
		out = highlight(t, spans, base, hl)
	} else {
		out = highlight(s[:kept], shift(spans, 0, kept), base, hl) + base.Render("…")
	}
	if pad > 0 {
		out += base.Render(strings.Repeat(" ", pad))
	}
	return out
}

// safeSpans returns spans when s is shown as it is, and none when
// termtext.OneLine had to rewrite s (then the byte offsets no longer
// apply).
func safeSpans(s string, spans []span) []span {
	if termtext.OneLine(s) != s {
		return nil
	}
	return spans
}
