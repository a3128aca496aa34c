package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeURL returns a URL fit to print and store: control characters (C0,
// DEL, C1), the line and paragraph separators, format characters
// (bidirectional controls, zero-width characters, the byte-order mark, the
// soft hyphen) and invalid UTF-8 are percent-encoded, byte by byte, which a
// browser reads as the same address; everything else is left as it is.
//
// It decodes nothing: not HTML entities (the query "…&region=Footer" must
// not become "…®ion=Footer"), not percent-escapes. It is the one rule for
// every address pmureader shows: the loaders' url fields, fetched and
// feed addresses.
func SafeURL(s string) string {
	i := unsafeURLAt(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if urlUnsafe(r, size) {
			for _, c := range []byte(s[i : i+size]) {
				b.WriteByte('%')
				b.WriteByte(upperHex[c>>4])
				b.WriteByte(upperHex[c&0xf])
			}
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

const upperHex = "0123456789ABCDEF"

// unsafeURLAt is the offset of the first byte SafeURL must encode, or -1.
func unsafeURLAt(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if urlUnsafe(r, size) {
			return i
		}
		i += size
	}
	return -1
}

// urlUnsafe reports a rune (decoded with the given size) SafeURL encodes.
func urlUnsafe(r rune, size int) bool {
	return r == utf8.RuneError && size <= 1 || r < 0x20 || r >= 0x7f && r <= 0x9f ||
		r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}
