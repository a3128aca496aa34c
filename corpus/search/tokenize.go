package search

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Indexing cuts every body into words exactly as textnorm.Words does
// (Unicode UAX #29 word boundaries, words holding a letter or digit, keys
// folded with apostrophes removed), but textnorm.Words allocates a slice
// and a key per word, which made building the index for 100k articles take
// tens of seconds. wordScanner gives the same words and keys without
// allocating: text made only of runes it knows the word-break class of
// (ASCII, Latin-1 and Latin Extended-A letters, ’ ‘ “ ” – — …) is cut by a
// direct implementation of the UAX #29 rules for those classes; any other
// text goes through the uax29 iterator. Tests check both against
// textnorm.Words on random text (FuzzWordScanner).

// Word-break classes of the runes the fast path knows.
const (
	wbOther   uint8 = iota
	wbLetter        // ALetter
	wbNumeric       // Numeric
	wbExtNum        // ExtendNumLet: _
	wbMidL          // MidLetter: ':'
	wbMidNL         // MidNumLet and Single_Quote: . ' ’ ‘
	wbMidN          // MidNum: , ;
	wbUnknown       // not handled by the fast path
)

// wbClass returns the class of r for the fast path.
func wbClass(r rune) uint8 {
	switch {
	case r < utf8.RuneSelf:
		return asciiClass[r]
	case r >= 0xC0 && r <= 0x17F && r != 0xD7 && r != 0xF7:
		return wbLetter
	}
	switch r {
	case '’', '‘':
		return wbMidNL
	case '“', '”', '–', '—', '…':
		return wbOther
	}
	return wbUnknown
}

var asciiClass = func() (t [128]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = wbLetter
		case '0' <= c && c <= '9':
			t[c] = wbNumeric
		case c == '_':
			t[c] = wbExtNum
		case c == ':':
			t[c] = wbMidL
		case c == '.', c == '\'':
			t[c] = wbMidNL
		case c == ',', c == ';':
			t[c] = wbMidN
		}
	}
	return t
}()

// wordScanner cuts text into words; its key buffer is reused.
type wordScanner struct {
	key []byte
}

// scan calls fn for every word of text, in order, with its byte range and
// its key (textnorm.Key). key is only valid during the call.
func (s *wordScanner) scan(text string, fn func(start, end int, key []byte)) {
	if !s.fast(text, fn) {
		s.slow(text, fn)
	}
}

// fast is the direct implementation; it returns false, having called fn
// for nothing, when text holds a rune it does not know.
func (s *wordScanner) fast(text string, fn func(start, end int, key []byte)) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			if wbClass(r) == wbUnknown || (r == utf8.RuneError && size == 1) {
				return false
			}
			i += size - 1
		}
	}
	// class and size of the rune at i
	at := func(i int) (uint8, int) {
		if i >= len(text) {
			return wbOther, 0
		}
		if c := text[i]; c < utf8.RuneSelf {
			return asciiClass[c], 1
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		return wbClass(r), size
	}
	for i := 0; i < len(text); {
		// Fast path: skip ASCII bytes that cannot start a word.
		if b := text[i]; b < utf8.RuneSelf && asciiClass[b]-wbLetter >= 3 {
			i++
			continue
		}
		cl, size := at(i)
		if cl != wbLetter && cl != wbNumeric && cl != wbExtNum {
			i += size
			continue
		}
		start := i
		wordy := cl != wbExtNum
		last := cl
		i += size
		for i < len(text) {
			// Fast path: an ASCII letter, digit or _ continues the word.
			if b := text[i]; b < utf8.RuneSelf {
				if c := asciiClass[b]; c-wbLetter < 3 {
					wordy = wordy || c != wbExtNum
					last = c
					i++
					continue
				}
			}
			c, sz := at(i)
			switch c {
			case wbLetter, wbNumeric, wbExtNum:
				wordy = wordy || c != wbExtNum
				last = c
				i += sz
				continue
			case wbMidL, wbMidNL, wbMidN:
				next, nsz := at(i + sz)
				if last == wbLetter && next == wbLetter && c != wbMidN ||
					last == wbNumeric && next == wbNumeric && c != wbMidL {
					last = next
					i += sz + nsz
					continue
				}
			}
			break
		}
		if wordy {
			fn(start, i, s.makeKey(text[start:i]))
		}
	}
	return true
}

// makeKey puts the key of a word (textnorm.Key) in s.key.
func (s *wordScanner) makeKey(w string) []byte {
	s.key = textnorm.AppendKey(s.key[:0], w)
	return s.key
}

// slow goes through the uax29 iterator, as textnorm.Words does.
func (s *wordScanner) slow(text string, fn func(start, end int, key []byte)) {
	it := words.FromString(text)
	for it.Next() {
		w := it.Value()
		if !wordy(w) {
			continue
		}
		fn(it.Start(), it.End(), s.makeKey(w))
	}
}

// wordy reports whether w holds a letter or digit (textnorm's rule).
func wordy(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			for _, r := range w[i:] {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					return true
				}
			}
			return false
		}
		if asciiClass[c] == wbLetter || asciiClass[c] == wbNumeric {
			return true
		}
	}
	return false
}
