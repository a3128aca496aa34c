package tokens

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Token is one word of a text with its analysis. It is kept at 64 bytes:
// grouping holds millions of them.
type Token struct {
	Start, End int    // byte range in the text
	Key        string // textnorm.Key of the word (possessive cut)
	Stem       string // textnorm.Stem of Key; "" for stop words and numbers
	Stop       bool   // a stop word, or a single character
	Num        bool   // a number ("27", "1,000", "3.5")
	Upper      bool   // starts with an upper-case letter
	Caps       bool   // all letters upper case, two or more ("PMU")
	Poss       bool   // ends in a possessive ’s, which Key and Stem leave out
	// Casualty is the casualty class of the stem (NoCasualty for most
	// words).
	Casualty Casualty
	// KeyID is the memo's number of Key when Stem is set (see Memo); -1
	// when tokenized without a memo.
	KeyID int32
}

// Tokenize analyses the words of a text.
func Tokenize(text string) []Token { return TokenizeInto(nil, text, nil) }

// TokenizeInto is Tokenize with a worker's memo (may be nil), appending to dst[:0] (its storage reused, grown as
// needed; pass nil to get fresh storage). A caller that keeps the tokens of
// many texts tokenises into one scratch slice and copies each result out,
// at its length.
func TokenizeInto(dst []Token, text string, memo Memo) []Token {
	out := dst[:0]
	for w := range textnorm.AllWords(text) {
		t := Token{Start: w.Start, End: w.End, Key: w.Key}
		surface := text[w.Start:w.End]
		r, _ := utf8.DecodeRuneInString(surface)
		t.Upper = unicode.IsUpper(r)
		t.Caps = isCaps(surface)
		if base, ok := CutPossessive(surface); ok {
			t.Poss = true
			t.Key = textnorm.Key(base)
		}
		switch {
		case textnorm.IsNumber(w.Key):
			t.Num = true
		case textnorm.IsStopWord(w.Key) || len(w.Key) < 2:
			t.Stop = true
		default:
			e := stemOf(t.Key, memo)
			t.Stem, t.Casualty, t.KeyID = e.stem, e.casualty, e.id
		}
		out = append(out, t)
	}
	return out
}

// CutPossessive removes a possessive ’s / 's from a word ("Iraq’s" →
// "Iraq").
func CutPossessive(w string) (string, bool) {
	for _, suf := range []string{"’s", "'s", "’S", "'S"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], true
		}
	}
	return w, false
}

// isCaps reports whether w is an acronym: at least two letters, all upper
// case ("PMU", "U.S", "F-15" is not: it has one letter).
func isCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
