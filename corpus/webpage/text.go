package webpage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// invisible reports characters that are never seen on a page: soft hyphens,
// zero-width spaces and joiners used as break hints, the word joiner and the
// byte order mark. Zero-width (non-)joiners are kept: they shape Persian,
// Arabic and Indic text and emoji.
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u2060', '\uFEFF', '\u180E':
		return true
	}
	return false
}

// collapse turns every run of white space (including no-break and other
// Unicode spaces) into one space, drops invisible characters and trims.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case unicode.IsSpace(r) || r == '\u00A0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isCollapsed is the fast path of collapse: plain ASCII with single spaces
// inside and none at the ends.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c < ' ' || c == 0x7f {
			return false
		}
		if c == ' ' && prevSpace {
			return false
		}
		prevSpace = c == ' '
	}
	return true
}

// collapseLines is collapse for preformatted text: spaces inside a line are
// kept as they are, line breaks are kept, blank lines at the ends go.
func collapseLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, l)
		out = append(out, strings.TrimRightFunc(l, unicode.IsSpace))
	}
	return strings.Trim(strings.Join(out, "\n"), "\n")
}

// words counts the words of s (runs of letters or digits).
func words(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// sameText compares two texts ignoring case, spaces and punctuation.
func sameText(a, b string) bool {
	return letterKey(a) == letterKey(b) && letterKey(a) != ""
}

// letterKey is s reduced to lower-case letters and digits.
func letterKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
