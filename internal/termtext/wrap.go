package termtext

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Span is a half-open byte range [Start, End) into some original string.
// Wrapped lines, search hits and highlights are all spans, so that
// multi-byte text (’, é, CJK) is never cut inside a character.
type Span struct{ Start, End int }

// Wrap wraps plain text to width w and returns each line as a byte span
// into s. Lines break at spaces (the spaces between two lines are
// dropped, and runs of spaces inside a line count as one); a word wider
// than w is cut at grapheme-cluster boundaries into pieces of at most w
// cells; "\n" forces a break, and an empty line is an empty span. Widths
// are Width's, so CJK, emoji and combining marks wrap where any terminal
// will draw them.
//
// The one case a line can exceed w is a single grapheme wider than w (a
// double-width character at w = 1).
func Wrap(s string, w int) []Span {
	if w < 1 {
		w = 1
	}
	var out []Span
	start := 0
	for start <= len(s) {
		end := start
		for end < len(s) && s[end] != '\n' {
			end++
		}
		out = wrapLine(out, s, start, end, w)
		start = end + 1
	}
	return out
}

// WrapLines is Wrap returning the lines themselves, each with runs of
// spaces made one (the width Wrap measured them at).
func WrapLines(s string, w int) []string {
	spans := Wrap(s, w)
	out := make([]string, len(spans))
	for i, sp := range spans {
		line := s[sp.Start:sp.End]
		if strings.Contains(line, "  ") {
			line = textnorm.CollapseSpaces(line)
		}
		out[i] = line
	}
	return out
}

// wrapLine appends the wrapped lines of s[from:to], which holds no "\n".
func wrapLine(out []Span, s string, from, to, w int) []Span {
	if from >= to {
		return append(out, Span{from, from})
	}
	lineStart, lineW := -1, 0 // lineStart < 0: the line is empty so far
	lineEnd := from
	i := from
	for i < to {
		// Skip the spaces between words.
		for i < to && s[i] == ' ' {
			i++
		}
		if i >= to {
			break
		}
		ws := i
		for i < to && s[i] != ' ' {
			i++
		}
		ww := Width(s[ws:i])
		if lineStart >= 0 && lineW+1+ww <= w {
			lineEnd, lineW = i, lineW+1+ww
			continue
		}
		if lineStart >= 0 {
			out = append(out, Span{lineStart, lineEnd}) // the word starts a new line
		}
		if ww <= w {
			lineStart, lineEnd, lineW = ws, i, ww
			continue
		}
		out, lineStart, lineEnd, lineW = breakWord(out, s, ws, i, w)
	}
	if lineStart >= 0 {
		out = append(out, Span{lineStart, lineEnd})
	}
	if len(out) == 0 || (lineStart < 0 && out[len(out)-1].End < from) {
		out = append(out, Span{from, from})
	}
	return out
}

// breakWord cuts the word s[from:to], wider than w, into lines of at most
// w cells: it appends all but the last piece to out and returns the last
// one, which the next words may join.
func breakWord(out []Span, s string, from, to, w int) (_ []Span, lineStart, lineEnd, lineW int) {
	at := from
	for {
		n, pw := prefixWidth(s[at:to], w)
		if n == 0 {
			// One grapheme wider than w: give it a line of its own.
			cl, cw := cluster(s[at:to])
			n, pw = max(len(cl), 1), cw
		}
		if at+n >= to {
			return out, at, to, pw
		}
		out = append(out, Span{at, at + n})
		at += n
	}
}
