package textnorm

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// Folding is pmureader's one rule for comparing text regardless of case,
// accents and typography. Every comparison folds with it: word keys for
// search, stories and alignment (Key), title search's haystacks, the
// reader's find-in-article (KeyOffsets) and cleaning's phrase rules (Fold).
// It works rune by rune, so that every byte of a folded text can be traced
// to the rune it came from:
//
//   - ASCII letters are lower-cased;
//   - apostrophe variants become the ASCII apostrophe ': ’ ‘ ʼ ′ ´ ʻ and the
//     backtick ` (typed for an apostrophe on many keyboards);
//   - double quotes “ ” „ ″ « » become ", and dashes – — ‐ ‑ − become -;
//   - ß becomes ss, æ ae, ø o, and the dotless ı i;
//   - any other character is decomposed (Unicode NFD), its combining marks
//     dropped ("é" → "e", "İ" → "i") and the rest lower-cased. Ligatures
//     such as ﬁ have no canonical decomposition and stay as they are; so do
//     scripts without case (Arabic, CJK).
//
// Keys drop the apostrophes as well, so that "Kata’ib", "Kata'ib",
// "Kata`ib" and "kataib" are one word; Fold keeps them, for cleaning's
// phrases ("don't miss"). Fold changes byte lengths ("é" → "e", "ß" →
// "ss"), so its offsets are not the original's: Words and KeyOffsets give
// offsets into the original.

// Fold maps s to its folded form (see above); s itself when nothing
// changes. Runs of ASCII are folded eight bytes at a time.
func Fold(s string) string {
	i, plain := foldedPrefix(s)
	if i == len(s) {
		return s
	}
	b := appendFold(make([]byte, 0, len(s)), s, i, plain, false)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendFold appends Fold(s) to dst and returns the extended buffer.
func AppendFold(dst []byte, s string) []byte {
	return appendFold(dst, s, 0, len(s) >= plainMin && plain(s, false), false)
}

// Key is the key of a word (or of any text): Fold with the apostrophes
// dropped.
func Key(w string) string {
	i, plain := foldedKeyPrefix(w)
	if i == len(w) {
		return w
	}
	b := appendFold(make([]byte, 0, len(w)), w, i, plain, true)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendKey appends Key(s) to dst and returns the extended buffer.
func AppendKey(dst []byte, s string) []byte {
	if len(s) >= 16 {
		return appendFold(dst, s, 0, len(s) >= plainMin && plain(s, true), true)
	}
	// A word, most likely: byte by byte (this runs for every word of
	// every body indexed).
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c = lowerASCII[c]; c != '\'' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		var size int
		dst, size = appendFoldAt(dst, s, i, true)
		i += size
	}
	return dst
}

// plainMin is the length from which appendFold's callers scan a text for
// backticks (and apostrophes) first: a shorter one, a word, is not scanned
// (not plain), as testing its few runs of eight bytes costs less.
const plainMin = 32

// plain reports whether s holds no backtick (and, for a key, no
// apostrophe), for appendFold.
func plain(s string, key bool) bool {
	return strings.IndexByte(s, '`') < 0 && (!key || strings.IndexByte(s, '\'') < 0)
}

// AppendKeyRune appends the key of the one rune at s[i:] to dst (nothing
// for an apostrophe or a combining mark) and returns the extended buffer
// and the rune's size in s. Keys are made rune by rune, so the key of s is
// the keys of its runes one after the other: title search uses this to map
// a match in a haystack back to the original.
func AppendKeyRune(dst []byte, s string, i int) ([]byte, int) {
	if c := s[i]; c < utf8.RuneSelf {
		if c = lowerASCII[c]; c != '\'' {
			dst = append(dst, c)
		}
		return dst, 1
	}
	return appendFoldAt(dst, s, i, true)
}

// AppendFoldRune is AppendKeyRune for Fold: apostrophes are kept.
func AppendFoldRune(dst []byte, s string, i int) ([]byte, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return append(dst, lowerASCII[c]), 1
	}
	return appendFoldAt(dst, s, i, false)
}

// KeyOffsets returns Key(s) and, for each of its bytes, the byte offset in
// s of the rune it came from, and then len(s): a match at key[a:e] covers
// s[src[a]:] up to the end of the rune at src[e-1]. The reader's
// find-in-article searches the key of a paragraph this way and highlights
// the original.
func KeyOffsets(s string) (key string, src []int) {
	b := make([]byte, 0, len(s))
	src = make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		n := len(b)
		var size int
		b, size = AppendKeyRune(b, s, i)
		for range len(b) - n {
			src = append(src, i)
		}
		i += size
	}
	src = append(src, len(s))
	return unsafe.String(unsafe.SliceData(b), len(b)), src
}

// A FoldBuffer folds many short texts into one growing buffer, so that
// folding the lines of a text allocates once rather than once per line
// (cleaning folds every short line it reads). The zero FoldBuffer is ready
// to use.
type FoldBuffer struct {
	buf []byte
}

// Fold is Fold(s). The string returned shares the buffer's bytes: it stays
// valid until Reset, which must wait until none is in use any more.
func (f *FoldBuffer) Fold(s string) string {
	i, plain := foldedPrefix(s)
	if i == len(s) {
		return s
	}
	if cap(f.buf)-len(f.buf) < len(s) {
		// A fresh array: texts already handed out keep the old one. Every
		// rewrite is no longer than what it replaces except a few
		// letters' lower case and ß, which append grows for.
		f.buf = make([]byte, 0, max(2*cap(f.buf), len(s), 4096))
	}
	start := len(f.buf)
	f.buf = appendFold(f.buf, s, i, plain, false)
	out := f.buf[start:]
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// Reset empties the buffer for the next text, keeping its memory.
func (f *FoldBuffer) Reset() { f.buf = f.buf[:0] }

// appendFold appends the fold (with key, the key) of s to dst. s[:i] is
// known to fold to itself. plain says that s holds no backtick (and, for a
// key, no apostrophe): those are rare, and without them eight ASCII bytes
// need no test for them.
func appendFold(dst []byte, s string, i int, plain, key bool) []byte {
	if i > 0 {
		dst = append(dst, s[:i]...)
	}
	for i < len(s) {
		// Eight ASCII bytes at a time: A-Z to a-z by setting bit 5.
		if i+8 <= len(s) {
			x := swar.Load(s[i : i+8])
			if swar.ASCII(x) && (plain || swar.Equal(x, '`')|keyApostrophes(x, key) == 0) {
				dst = binary.LittleEndian.AppendUint64(dst, x|swar.InRange(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c = lowerASCII[c]; !key || c != '\'' {
				dst = append(dst, c)
			}
			i++
			continue
		}
		var size int
		dst, size = appendFoldAt(dst, s, i, key)
		i += size
	}
	return dst
}

// appendFoldAt appends the fold (with key, the key) of the non-ASCII rune
// at s[i:] to dst, and returns the rune's size.
func appendFoldAt(dst []byte, s string, i int, key bool) ([]byte, int) {
	r, size := utf8.DecodeRuneInString(s[i:])
	// The typographic quotes and dashes of most news text, before the
	// general case.
	switch r {
	case '’', '‘':
		if !key {
			dst = append(dst, '\'')
		}
	case '“', '”':
		dst = append(dst, '"')
	case '–', '—':
		dst = append(dst, '-')
	default:
		dst = appendFoldRune(dst, s[i:i+size], r, key)
	}
	return dst, size
}

// keyApostrophes marks the apostrophes of x when making a key.
func keyApostrophes(x uint64, key bool) uint64 {
	if !key {
		return 0
	}
	return swar.Equal(x, '\'')
}

// foldedPrefix returns the length of the longest prefix of s that Fold
// leaves as it is (ASCII without capitals or backticks), and whether s
// holds no backtick.
func foldedPrefix(s string) (n int, plain bool) {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s[i : i+8])
		if !swar.ASCII(x) || swar.InRange(x, 'A', 'Z') != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
	}
	if j := strings.IndexByte(s, '`'); j >= 0 {
		return min(i, j), false
	}
	return i, true
}

// foldedKeyPrefix is foldedPrefix for Key: no apostrophes either.
func foldedKeyPrefix(s string) (n int, plain bool) {
	i, plain := foldedPrefix(s)
	if j := strings.IndexByte(s, '\''); j >= 0 {
		return min(i, j), false
	}
	return i, plain
}

// lowerASCII maps each ASCII byte to its fold: capitals to lower case, the
// backtick to the apostrophe, the rest to itself.
var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] += 'a' - 'A'
		case c == '`':
			t[c] = '\''
		}
	}
	return t
}()

// appendFoldRune appends the fold of the non-ASCII rune r, which is s, to
// dst; with key, an apostrophe is dropped.
func appendFoldRune(dst []byte, s string, r rune, key bool) []byte {
	if out, ok := appendSpecial(dst, r, key); ok {
		return out
	}
	if r < latinEnd {
		return append(dst, latinFold[r-utf8.RuneSelf]...)
	}
	// Most characters have no canonical decomposition (Hangul syllables,
	// decomposed by rule, aside): one trie lookup tells, and saves
	// building the decomposition.
	if norm.NFD.PropertiesString(s).Decomposition() == nil && !isHangul(r) {
		if unicode.Is(unicode.Mn, r) {
			return dst
		}
		return utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return appendDecomposed(dst, s)
}

// appendSpecial appends the fold of the non-ASCII characters folded by
// name rather than by decomposition, and reports whether r is one.
func appendSpecial(dst []byte, r rune, key bool) ([]byte, bool) {
	switch r {
	case '’', '‘', 'ʼ', '′', '´', 'ʻ':
		if key {
			return dst, true
		}
		return append(dst, '\''), true
	case '“', '”', '„', '″', '«', '»':
		return append(dst, '"'), true
	case '–', '—', '‐', '‑', '−':
		return append(dst, '-'), true
	case 'ß':
		return append(dst, "ss"...), true
	case 'æ', 'Æ':
		return append(dst, "ae"...), true
	case 'ø', 'Ø':
		return append(dst, 'o'), true
	case 'ı':
		return append(dst, 'i'), true
	case utf8.RuneError:
		return utf8.AppendRune(dst, r), true // invalid UTF-8 folds to U+FFFD
	}
	return dst, false
}

// appendDecomposed appends the fold of one character by its definition:
// decomposed (NFD), combining marks dropped, lower-cased.
func appendDecomposed(dst []byte, s string) []byte {
	for _, d := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(d))
	}
	return dst
}

// isHangul reports a precomposed Hangul syllable.
func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// latinEnd ends the runes whose fold is in latinFold: Latin-1 Supplement,
// Latin Extended-A and B, the accented letters of most European text.
const latinEnd = 0x250
