package quantity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// tokKind tells words, numbers and punctuation apart.
type tokKind uint8

const (
	tkWord  tokKind = iota // letters first: "killed", "twenty-seven", "F-15"
	tkNum                  // a digit first: "27", "20,000", "3.5", "10:30", "27-year-old"
	tkPunct                // one punctuation or symbol rune: "," "$" "%"
)

// token is one word, number or punctuation mark of a passage.
type token struct {
	start, end int
	low        string // folded: lower case, ASCII quotes and dashes
	kind       tokKind
	upper      bool // starts with an upper-case letter
}

// tokenize cuts s into tokens. Words keep inner hyphens and apostrophes
// ("twenty-seven", "o'clock"), numbers their separators ("20,000", "3.5",
// "10:30", "12/29") and ranges ("20-30", "20–30"); everything else that is
// not a space is a one-rune punctuation token.
func tokenize(s string, out []token) []token {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsSpace(r):
			i += size
		case isAlnum(r):
			j := scanWord(s, i)
			out = append(out, makeToken(s, i, j, r))
			i = j
		default:
			out = append(out, token{start: i, end: i + size, low: punctLow(s[i : i+size]), kind: tkPunct})
			i += size
		}
	}
	return out
}

func makeToken(s string, i, j int, first rune) token {
	t := token{start: i, end: j, kind: tkWord}
	if unicode.IsDigit(first) {
		t.kind = tkNum
	}
	t.upper = unicode.IsUpper(first)
	t.low = lower(s[i:j])
	return t
}

// punctLow folds typographic punctuation to ASCII ("’" → "'", "–" → "-").
func punctLow(p string) string {
	if len(p) == 1 {
		return p
	}
	return textnorm.Fold(p)
}

// lower folds a word: ASCII is lowered without copying when already lower.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return textnorm.Fold(w)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(w)
		}
	}
	return w
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanWord returns the end of the word or number that starts at i.
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[j:])
		}
		if isAlnum(r) {
			j += size
			continue
		}
		n := joiner(s, j, r, size)
		if n == 0 {
			break
		}
		j += n
	}
	return j
}

// joiner returns the length of the separator at j when it joins the
// characters on both sides into one token, else 0.
func joiner(s string, j int, r rune, size int) int {
	if j == 0 || j+size >= len(s) {
		return 0
	}
	prev, next := s[j-1], s[j+size]
	switch r {
	case ',':
		// Thousands separator: exactly three digits follow.
		if isDigit(prev) && j+4 <= len(s) && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			return 1
		}
	case '.', ':', '/':
		if isDigit(prev) && isDigit(next) {
			return 1
		}
	case '-', '–', '‑', '‐':
		nr, _ := utf8.DecodeRuneInString(s[j+size:])
		if isAlnum(nr) {
			return size
		}
	case '\'', '’':
		nr, _ := utf8.DecodeRuneInString(s[j+size:])
		pr, _ := utf8.DecodeLastRuneInString(s[:j])
		if unicode.IsLetter(pr) && unicode.IsLetter(nr) {
			return size
		}
	}
	return 0
}

// isBreak reports whether a punctuation token ends a clause for the
// purpose of finding what a figure counts.
func (t token) isBreak() bool {
	if t.kind != tkPunct {
		return false
	}
	switch t.low {
	case ".", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "-":
		return true
	}
	return false
}

// sentenceStart reports whether the token at i opens a sentence (or a
// quotation, or the passage).
func sentenceStart(toks []token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := toks[k]
		if t.kind != tkPunct {
			return false
		}
		switch t.low {
		case ".", "!", "?", ":", "\"", "'", "(", "-":
			return true // "-" ends a dateline: "VARO, Kessara (Meridian) - Nine …"
		}
	}
	return true
}
