package library

import (
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Text read back from a library was sanitised when its article was loaded,
// but the file itself may come from elsewhere (--library names any file),
// so whatever is read is checked again before it can reach a terminal:
// text with a control character, or a bidirectional override, goes through
// textnorm.Sanitize; all other text (all of it, in a library pmureader
// wrote) is returned as it is. The check is a byte scan.

// neutral returns s, neutralised if it holds anything Sanitize would
// neutralise.
func neutral(s string) string {
	if plain(s) {
		return s
	}
	return textnorm.Sanitize(s)
}

// neutralize neutralises strings in place.
func neutralize(ss ...*string) {
	for _, s := range ss {
		if !plain(*s) {
			*s = textnorm.Sanitize(*s)
		}
	}
}

// plain reports whether s holds no C0 control but LF, no DEL, no C1
// control (U+0080–U+009F, UTF-8 C2 80–C2 9F) and no bidirectional
// embedding, override or isolate control (U+202A–U+202E, E2 80 AA–AE;
// U+2066–U+2069, E2 81 A6–A9).
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\n', c == 0x7f:
			return false
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return false
		case c == 0xe2 && i+2 < len(s):
			b1, b2 := s[i+1], s[i+2]
			if (b1 == 0x80 && b2 >= 0xaa && b2 <= 0xae) || (b1 == 0x81 && b2 >= 0xa6 && b2 <= 0xa9) {
				return false
			}
		}
	}
	return true
}
