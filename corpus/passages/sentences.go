package passages

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence. Keys are
// lower case, without the stop.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "maj": true,
	"adm": true, "cmdr": true, "rep": true, "sen": true, "gov": true, "pres": true,
	"jr": true, "sr": true, "no": true, "nos": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "vs": true, "etc": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
	"rev": true, "fig": true, "approx": true, "dept": true, "univ": true,
	"a.m": true, "p.m": true, "e.g": true, "i.e": true, "u.s": true, "u.n": true,
	"u.k": true, "d.c": true,
}

// Span is a byte range [Start, End) in some text.
type Span struct{ Start, End int }

// Sentences cuts a paragraph into sentences and returns their byte
// ranges, trimmed of surrounding spaces. A sentence ends at . ! ? or …
// (with any closing quotes or brackets) followed by a space and an upper-case
// letter, digit or opening quote, unless the stop ends a known abbreviation
// ("Dr.", "U.S.") or a single initial ("J. Smith").
func Sentences(s string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		for end < len(s) {
			c, n := utf8.DecodeRuneInString(s[end:])
			if !isCloser(c) && c != '.' && c != '!' && c != '?' {
				break
			}
			end += n
		}
		j := end
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j == end || j >= len(s) {
			i = end
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !isOpener(next) {
			i = end
			continue
		}
		if r == '.' && isAbbreviation(s[start:i]) {
			i = end
			continue
		}
		out = appendTrimmed(out, s, start, end)
		start = j
		i = j
	}
	return appendTrimmed(out, s, start, len(s))
}

// appendTrimmed appends s[start:end] trimmed of spaces and line breaks,
// unless nothing is left.
func appendTrimmed(out []Span, s string, start, end int) []Span {
	if sp := trimmed(s, start, end); sp.Start < sp.End {
		out = append(out, sp)
	}
	return out
}

// trimmed is the range [start, end) of s without the spaces and line
// breaks at its ends (empty when there is nothing else).
func trimmed(s string, start, end int) Span {
	for start < end && (s[start] == ' ' || s[start] == '\n') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\n') {
		end--
	}
	return Span{start, end}
}

// isAbbreviation reports whether text (everything before a full stop) ends
// in an abbreviation or an initial.
func isAbbreviation(text string) bool {
	k := strings.LastIndexAny(text, " \n(\"“‘'")
	w := text[k+1:]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '•', '-', '–', '—':
		return true
	}
	return false
}
