package tui

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// span is a half-open byte range [Start, End) into some original string.
// Search results, wrapped lines and highlights are all spans, so that
// multi-byte text (’, é, CJK) is never cut inside a character.
type span struct{ Start, End int }

// oneLine makes a metadata string safe for a single terminal line. Articles
// are sanitised at load, so this is nearly always the identity; it guards
// against text that reached the TUI some other way (tests, future loaders).
func oneLine(s string) string {
	if textnorm.Safe(s) && strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return textnorm.Line(s)
}

// safeBlock is oneLine for multi-line text: control characters are shown,
// never obeyed, and line breaks survive.
func safeBlock(s string) string {
	if textnorm.Safe(s) && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return textnorm.Sanitize(s)
}

// prefixWidth returns the byte length of the longest prefix of plain text s
// whose display width is at most w, and that prefix's width. It never cuts
// inside a grapheme cluster.
func prefixWidth(s string, w int) (n, width int) {
	for n < len(s) {
		if c := s[n]; c < 0x80 && c >= 0x20 {
			// ASCII fast path: one byte, one cell.
			if width+1 > w {
				return n, width
			}
			n++
			width++
			continue
		}
		cl, cw := cluster(s[n:])
		if len(cl) == 0 {
			break
		}
		if width+cw > w {
			return n, width
		}
		n += len(cl)
		width += cw
	}
	return n, width
}

// truncPlain cuts plain text to display width w, ending in "…" when cut. It
// returns the shown text and how many bytes of s it kept, so that spans into
// s can be clipped to what is shown.
func truncPlain(s string, w int) (string, int) {
	if w <= 0 {
		return "", 0
	}
	n, _ := prefixWidth(s, w)
	if n == len(s) {
		return s, n
	}
	n, _ = prefixWidth(s, w-1)
	return s[:n] + "…", n
}

// fit makes a (possibly styled) line exactly w cells wide: truncated with
// ansi.Truncate when too wide, padded with spaces when too narrow. Every line
// a view returns goes through fit, which is what makes the "no line wider
// than the terminal" guarantee hold for any text.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := displayWidth(s)
	for cut := w; sw > w && cut > 0; cut -= sw - w {
		// ansi.Truncate measures graphemes only; cut until both measures fit.
		s = ansi.Truncate(s, cut, "")
		sw = displayWidth(s)
	}
	if sw > w {
		return strings.Repeat(" ", w)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// padPlain pads or truncates plain text to exactly w cells, with "…" when
// cut.
func padPlain(s string, w int) string {
	t, _ := truncPlain(s, w)
	if tw := ansi.StringWidth(t); tw < w {
		t += strings.Repeat(" ", w-tw)
	}
	return t
}

// highlight renders s with base, drawing the bytes inside spans with hl
// (over base, so a hit on the selected row keeps the row's background).
// Spans may overlap, be unsorted or reach past s; they are clipped to s and
// never cut a UTF-8 sequence.
func highlight(s string, spans []span, base, hl lipgloss.Style) string {
	return highlightP(s, spans, compile(base), compile(hl))
}

// highlightP is highlight with compiled styles.
func highlightP(s string, spans []span, base, hl Paint) string {
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

// cell renders plain text in a column of width w: truncated with "…",
// highlighted where spans say, padded to w.
func cell(s string, spans []span, w int, base, hl lipgloss.Style) string {
	return cellP(s, spans, w, compile(base), compile(hl))
}

// cellP is cell with compiled styles.
func cellP(s string, spans []span, w int, base, hl Paint) string {
	if w <= 0 {
		return ""
	}
	t, kept := truncPlain(s, w)
	pad := w - textWidth(t)
	if pad > 0 {
		// Padding inside the styled run: one escape sequence fewer.
		if len(spans) == 0 {
			return base.Render(t + strings.Repeat(" ", pad))
		}
	}
	var out string
	if kept == len(s) {
		out = highlightP(t, spans, base, hl)
	} else {
		out = highlightP(s[:kept], shift(spans, 0, kept), base, hl) + base.Render("…")
	}
	if pad > 0 {
		out += base.Render(strings.Repeat(" ", pad))
	}
	return out
}

// screen joins lines into a frame of exactly h lines of exactly w cells.
func screen(lines []string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		b.WriteString(fit(l, w))
	}
	return b.String()
}

// Terminals disagree on the width of some characters: those that measure
// by grapheme cluster (and tell Bubble Tea so, mode 2027) draw a family
// emoji 👨‍👩‍👧 in 2 cells, those that measure by code point (wcwidth: tmux,
// most others) in 6; a text-presentation symbol with VS16 (☺️) goes the
// other way. Bubble Tea lays out by whichever the terminal uses, and clips
// what overflows. So views measure every cluster by the larger of the two:
// a line that fits by that measure fits on every terminal.

// cluster returns the first grapheme cluster of s and its width in cells,
// the larger of its grapheme width and its wcwidth.
func cluster(s string) (string, int) {
	cl, gw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if len(cl) > 1 {
		if wc := ansi.StringWidthWc(cl); wc > gw {
			return cl, wc
		}
	}
	return cl, gw
}

// displayWidth is the width of a (possibly styled) line in cells, by the
// larger of the two measures, cluster by cluster (see cluster). It is at
// least ansi.StringWidth and ansi.StringWidthWc, and equal to both where
// they agree. Printable ASCII counts one cell without grapheme
// segmentation and SGR sequences count nothing, which makes it several
// times faster than ansi.StringWidth on the lines views draw.
func displayWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// CSI: parameters, then one final byte in 0x40–0x7e.
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j + 1
		case c >= 0x20 && c < 0x7f && (i+1 == len(s) || s[i+1] < 0x80):
			// ASCII not followed by a combining or joining character.
			w++
			i++
		case c < 0x20 || c == 0x7f:
			// Another escape or control: let ansi measure the rest.
			rest := s[i:]
			return w + max(ansi.StringWidth(rest), ansi.StringWidthWc(rest))
		default:
			cl, cw := cluster(s[i:])
			if len(cl) == 0 {
				rest := s[i:]
				return w + max(ansi.StringWidth(rest), ansi.StringWidthWc(rest))
			}
			w += cw
			i += len(cl)
		}
	}
	return w
}
