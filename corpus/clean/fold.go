package clean

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// fold lower-cases s and makes typographic apostrophes, quotes and dashes
// ASCII, so that the phrase tables can be written in plain ASCII. Runs of
// ASCII are lower-cased eight bytes at a time; s itself is returned when
// it has nothing to change.
func fold(s string) string {
	_, l := foldAppend(nil, s)
	return l
}

// foldAppend is fold, writing the folded text (when it differs from s) at
// the end of buf, and returning buf grown and that text. The text shares
// buf's bytes: the caller must not change them while it uses the text.
func foldAppend(buf []byte, s string) ([]byte, string) {
	i := foldedPrefix(s)
	if i == len(s) {
		return buf, s
	}
	switch {
	case buf == nil:
		buf = make([]byte, 0, len(s))
	case cap(buf)-len(buf) < len(s):
		// A fresh array: texts already handed out keep the old one.
		buf = make([]byte, 0, max(2*cap(buf), len(s), 4096))
	}
	start := len(buf)
	buf = append(buf, s[:i]...)
	// Every rewrite below is no longer than what it replaces except
	// unicode.ToLower of a few letters, which append grows for.
	for i < len(s) {
		if i+8 <= len(s) {
			if x := swar.Load(s[i : i+8]); swar.ASCII(x) {
				buf = binary.LittleEndian.AppendUint64(buf, x|swar.InRange(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			buf = append(buf, lowerASCII[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == '‘' || r == 'ʼ' || r == '′':
			buf = append(buf, '\'')
		case r == '“' || r == '”':
			buf = append(buf, '"')
		case r == '–' || r == '—':
			buf = append(buf, '-')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	out := buf[start:]
	return buf, unsafe.String(unsafe.SliceData(out), len(out))
}

// foldedPrefix returns the length of the longest prefix of s that fold
// leaves as it is: ASCII without capitals.
func foldedPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s[i : i+8])
		if !swar.ASCII(x) || swar.InRange(x, 'A', 'Z') != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return i
}

// lowerASCII maps each ASCII byte to its lower case.
var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()
