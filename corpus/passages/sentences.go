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
	"u.k": true, "d.c": true, "dep": true, "det": true, "insp": true, "supt": true,
	"cpl": true, "pvt": true, "msgr": true, "atty": true, "ave": true, "blvd": true,
}

// Span is a byte range [Start, End) in some text.
type Span struct{ Start, End int }

// Sentences cuts a paragraph into sentences and returns their byte
// ranges, trimmed of surrounding spaces. A sentence ends at . ! ? or …
// (with any closing quotes or brackets) followed by a space and an upper-case
// letter, digit or opening quote, unless the stop ends a known abbreviation
// ("Dr.", "U.S."), a single initial ("J. Smith") or a single lower-case
// letter ("a. 357 Magnum", "p. m."), or the next sentence would open with a
// numeral that is not a year: news style spells out a number that starts a
// sentence, so "shot 46. 8 percent" is one sentence with a stray space. A
// straight quote after the stop and before a space closes the sentence
// rather than opening the next ("Did you feel it? " site"), and what is
// left after the last stop with no letter or digit in it (a stray quote)
// stays with its sentence.
func Sentences(s string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := closersAfter(s, i+size)
		j := end
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j == end || j >= len(s) || !opensSentence(s, j) || (r == '.' && isAbbreviation(s[start:i])) {
			i = end
			continue
		}
		out = appendTrimmed(out, s, start, end)
		start = j
		i = j
	}
	return appendTrimmed(out, s, start, len(s))
}

// closersAfter is where the closing quotes, brackets and further stops
// after a stop end, from i; a straight quote that a space follows (after
// spaces) counts as closing.
func closersAfter(s string, i int) int {
	for i < len(s) {
		c, n := utf8.DecodeRuneInString(s[i:])
		if isCloser(c) || c == '.' || c == '!' || c == '?' {
			i += n
			continue
		}
		if c != ' ' {
			return i
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if j < len(s) && (s[j] == '"' || s[j] == '\'') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\n') {
			i = j + 1
			continue
		}
		return i
	}
	return i
}

// opensSentence reports whether s[j:] can open a sentence: an upper-case
// letter, an opening quote or bracket, or a numeral that is a year.
func opensSentence(s string, j int) bool {
	next, _ := utf8.DecodeRuneInString(s[j:])
	switch {
	case unicode.IsUpper(next), isOpener(next):
		return true
	case unicode.IsDigit(next):
		return isYear(s[j:])
	}
	return false
}

// isYear reports whether s opens with a four-digit year (1000–2099) not
// followed by another digit.
func isYear(s string) bool {
	if len(s) < 4 || (s[0] != '1' && s[0] != '2') || (s[0] == '2' && s[1] != '0') {
		return false
	}
	for k := range 4 {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 4 || s[4] < '0' || s[4] > '9'
}

// appendTrimmed appends s[start:end] trimmed of spaces and line breaks,
// unless nothing is left; a part with no letter or digit (a stray quote)
// goes to the sentence before it, when there is one.
func appendTrimmed(out []Span, s string, start, end int) []Span {
	sp := trimmed(s, start, end)
	switch {
	case sp.Start >= sp.End:
		return out
	case len(out) > 0 && !hasWord(s[sp.Start:sp.End]):
		out[len(out)-1].End = sp.End
		return out
	}
	return append(out, sp)
}

// hasWord reports whether s has a letter or a digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
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
		return unicode.IsLetter(r)
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
