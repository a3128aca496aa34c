package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// Sanitize makes untrusted text safe to print and pleasant to read. It is
// applied exactly once, when an article is loaded, to every field.
//
// It decodes nothing: HTML entities are a matter of the format (see
// DecodeEntities, which callers run first where a format is HTML-escaped,
// so that whatever a reference decodes to is neutralised here). In order:
//  1. Invalid UTF-8 becomes U+FFFD (callers report it; see ValidUTF8).
//  2. CRLF and lone CR become LF; U+2028/U+2029 become LF.
//  3. Control characters are shown, never obeyed: C0 controls other than LF
//     and TAB, and DEL, in caret notation (ESC is "^[", BEL "^G", NUL "^@",
//     DEL "^?"); C1 controls (U+0080–U+009F) as "M-^[" and so on, the
//     notation of `cat -v`. What followed an ESC stays as plain text, so an
//     escape sequence is visible for what it is and cannot act.
//  4. TAB, NO-BREAK SPACE and the other Unicode spaces become a plain space;
//     a byte-order mark, soft hyphens and the bidirectional override,
//     embedding and isolate controls (U+202A–U+202E, U+2066–U+2069) are
//     dropped, so text shows in its logical order; right-to-left script
//     itself is untouched.
//  5. Spaces at the end of each line are trimmed.
func Sanitize(s string) string {
	clean := cleanPrefix(s)
	if clean == len(s) {
		return trimLineEnds(s)
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:clean])
	for i := clean; i < len(s); {
		// Copy runs that need no change in one go: most text is such runs.
		if n := cleanPrefix(s[i:]); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // CRLF: the LF follows
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteByte('^')
			b.WriteByte(byte(r) + 0x40)
		case r == 0x7f:
			b.WriteString("^?")
		case r >= 0x80 && r <= 0x9f:
			b.WriteString("M-^")
			b.WriteByte(byte(r-0x80) + 0x40)
		case r == '\ufeff' || r == '\u00ad':
			// byte-order mark, soft hyphen: invisible, drop
		case isBidiOverride(r):
			// embedding, override and isolate controls: they would reorder
			// what the terminal shows; text keeps its logical order
		case r != ' ' && unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return trimLineEnds(b.String())
}

// Line sanitises text meant for one line (a title, an outlet, an author):
// everything Sanitize does, then line breaks become spaces, runs of spaces
// collapse to one, and the ends are trimmed.
func Line(s string) string {
	return CollapseSpaces(strings.ReplaceAll(Sanitize(s), "\n", " "))
}

// CollapseSpaces turns runs of spaces into one and trims both ends. It
// leaves line breaks alone.
func CollapseSpaces(s string) string {
	if !strings.Contains(s, "  ") && strings.TrimSpace(s) == s {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// ValidUTF8 reports whether s is valid UTF-8; loaders call it before
// Sanitize so that they can report the repair with the file's name.
func ValidUTF8(s string) bool { return utf8.ValidString(s) }

// Safe reports whether s could reach a terminal as it is: no control
// character other than LF. Tests use it on every rendered string.
func Safe(s string) bool {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			return false
		}
	}
	return true
}

// cleanPrefix returns the length of the longest prefix of s that Sanitize
// leaves unchanged (before trimming line ends).
func cleanPrefix(s string) int {
	i := 0
	for i < len(s) {
		// Eight printable ASCII bytes (or line breaks) at a time: most
		// text is such runs.
		if i+8 <= len(s) {
			x := swar.Load(s[i : i+8])
			ctrl := swar.Zero(x&swar.Repeat(0xe0)) &^ swar.Equal(x, '\n')
			if x&swar.High|ctrl|swar.Equal(x, 0x7f) == 0 {
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if rewrites(r, size) {
			return i
		}
		i += size
	}
	return i
}

// rewrites reports whether Sanitize changes a non-ASCII rune (decoded with
// the given size): invalid bytes, C1 controls, no-break and other Unicode
// spaces, line and paragraph separators, soft hyphen, byte-order mark and
// bidi overrides. The fast path stops at such a rune.
func rewrites(r rune, size int) bool {
	return r == utf8.RuneError && size <= 1 ||
		r <= 0xa0 || r == 0xad || r == 0x1680 || r >= 0x2000 && r <= 0x200a ||
		r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000 || r == 0xfeff ||
		isBidiOverride(r)
}

// isBidiOverride reports the explicit bidirectional embedding, override and
// isolate controls (U+202A–U+202E, U+2066–U+2069). Right-to-left text itself
// and the marks U+200E/U+200F are kept.
func isBidiOverride(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

func trimLineEnds(s string) string {
	if !strings.Contains(s, " \n") && !strings.HasSuffix(s, " ") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
