package tui

// wrapSpans wraps plain text to display width w and returns each line as a
// byte span into s. Lines break at spaces (the space itself is dropped);
// a word wider than w is cut at grapheme-cluster boundaries into pieces of
// at most w cells; "\n" forces a break. Widths are display widths
// (see cluster: the larger of grapheme width and wcwidth), so CJK, emoji
// and combining marks wrap where any terminal will draw them.
//
// The one case a line can exceed w is a single grapheme wider than w (a
// double-width character at w = 1); views truncate every line anyway.
func wrapSpans(s string, w int) []span {
	if w < 1 {
		w = 1
	}
	var out []span
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

// wrapLine appends the wrapped lines of s[from:to], which holds no "\n".
func wrapLine(out []span, s string, from, to, w int) []span {
	if from >= to {
		return append(out, span{from, from})
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
		word := s[ws:i]
		ww := textWidth(word)
		if lineStart >= 0 && lineW+1+ww <= w {
			lineEnd, lineW = i, lineW+1+ww
			continue
		}
		if lineStart >= 0 {
			out = append(out, span{lineStart, lineEnd})
			lineStart, lineW = -1, 0
		}
		if ww <= w {
			lineStart, lineEnd, lineW = ws, i, ww
			continue
		}
		// A word wider than the line: hard-break it.
		at := ws
		for at < i {
			n, pw := prefixWidth(s[at:i], w)
			if n == 0 {
				// One grapheme wider than w: give it a line of its own.
				cl, cw := cluster(s[at:i])
				n, pw = max(len(cl), 1), cw
			}
			if at+n >= i {
				lineStart, lineEnd, lineW = at, i, pw
				break
			}
			out = append(out, span{at, at + n})
			at += n
		}
	}
	if lineStart >= 0 {
		out = append(out, span{lineStart, lineEnd})
	}
	if len(out) == 0 || (lineStart < 0 && out[len(out)-1].End < from) {
		out = append(out, span{from, from})
	}
	return out
}

// textWidth is displayWidth for plain text, with a fast path for
// printable ASCII.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 {
			return displayWidth(s)
		}
	}
	return len(s)
}
