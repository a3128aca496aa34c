package textnorm

import (
	"iter"
	"slices"
	"unicode"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/kljensen/snowball/english"
)

// Word is one word of a text: its byte range in the original string and its
// key, the folded form with apostrophes removed ("Kata’ib" → "kataib"), so
// that spellings with and without an apostrophe meet.
type Word struct {
	Start, End int
	Key        string
}

// Words cuts s into words at Unicode (UAX #29) word boundaries and returns
// those that contain a letter or a digit, with offsets into s. Numbers keep
// their separators ("20,000", "3.5").
func Words(s string) []Word {
	return slices.AppendSeq(make([]Word, 0, len(s)/6), AllWords(s))
}

// AllWords yields the words of s that Words returns, one at a time,
// without making the list: tokenising reads each word once.
func AllWords(s string) iter.Seq[Word] {
	return func(yield func(Word) bool) {
		it := words.FromString(s)
		for it.Next() {
			w := it.Value()
			if isWordy(w) && !yield(Word{Start: it.Start(), End: it.End(), Key: Key(w)}) {
				return
			}
		}
	}
}

// Keys returns just the keys of Words(s), for queries and indexing.
func Keys(s string) []string {
	ws := Words(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Key
	}
	return out
}

func isWordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Stem reduces a word key to its English stem ("strikes" → "strike",
// "killing" → "kill") with the Snowball (Porter2) stemmer. Numbers and
// words with non-Latin letters are returned unchanged.
func Stem(key string) string {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= 0x80 || (c >= '0' && c <= '9') {
			return key
		}
	}
	if stem, ok := tableStem(key); ok {
		return stem
	}
	return SnowballStem(key)
}

// SnowballStem is Stem by the stemmer alone, without the table of
// precomputed stems (stems.go): what the table is made from and checked
// against.
func SnowballStem(key string) string { return english.Stem(key, false) }

// IsStopWord reports whether a word key is an English function word
// ("the", "and", "of") that says nothing about what a text reports.
func IsStopWord(key string) bool { return english.IsStopWord(key) }

// IsNumber reports whether a word key is a number ("27", "20,000", "3.5").
func IsNumber(key string) bool {
	digit := false
	for _, r := range key {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == ',' || r == '.':
		default:
			return false
		}
	}
	return digit
}
