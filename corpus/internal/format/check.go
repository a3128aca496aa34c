package format

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// binarySniff is how much of a file is searched for a NUL byte.
const binarySniff = 8 << 10

// checkShape rejects empty and binary files (ok false); wide says the text
// is UTF-16, whose NUL bytes are no sign of a binary file. Invalid UTF-8 is
// only a warning (checkUTF8): Sanitize repairs it.
func checkShape(file string, data []byte, wide bool) (p article.Problem, ok bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return article.Problem{Path: file, Err: article.ErrEmptyFile}, false
		}
		return article.Problem{Path: file, Err: fmt.Errorf("%w (only white space)", article.ErrEmptyFile)}, false
	}
	if i := bytes.IndexByte(data[:min(len(data), binarySniff)], 0); i >= 0 && !wide {
		return article.Problem{Path: file, Err: fmt.Errorf("%w: NUL byte at offset %d", article.ErrBinary, i)}, false
	}
	return article.Problem{}, true
}

// wideText reports text that starts with a UTF-16 byte order mark.
func wideText(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE})
}

// checkUTF8 returns the warning for invalid UTF-8 in data (ok false), if
// there is any.
func checkUTF8(file string, data []byte) (p article.Problem, ok bool) {
	if utf8.Valid(data) {
		return article.Problem{}, true
	}
	off := firstInvalid(data)
	return invalidUTF8(file, off, 1+bytes.Count(data[:off], []byte{'\n'})), false
}

// invalidUTF8 is the warning for a file whose first invalid UTF-8 is at
// byte off, on line line.
func invalidUTF8(file string, off, line int) article.Problem {
	return article.Problem{Path: file, Line: line, Warning: true,
		Err: fmt.Errorf("%w replaced with U+FFFD (first at byte %d)", article.ErrInvalidUTF8, off)}
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// TooLarge is the problem of a file of size bytes over the limit of max.
func TooLarge(file string, size, max int64) article.Problem {
	return article.Problem{Path: file, Err: fmt.Errorf("%w: %s, over the %s limit; not read", article.ErrTooLarge, humanBytes(size), humanBytes(max))}
}

// RecordTooLarge is the problem of a JSON Lines record, on line line, of
// size bytes or more, over the limit of max.
func RecordTooLarge(file string, line int, size, max int64) article.Problem {
	return article.Problem{Path: file, Line: line, Err: fmt.Errorf("%w: %s, over the %s limit; skipped", article.ErrRecordTooLarge, humanBytes(size), humanBytes(max))}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// SafeText returns s unchanged when it could reach a terminal as it is,
// else sanitised to one line. For paths and messages that hold them.
func SafeText(s string) string {
	if textnorm.Safe(s) && !strings.Contains(s, "\n") {
		return s
	}
	return textnorm.Line(s)
}

// SafeProblem makes a problem's path and message safe to print: both can
// carry a hostile file name or a quoted piece of input.
func SafeProblem(p article.Problem) article.Problem {
	p.Path = SafeText(p.Path)
	if p.Err != nil && SafeText(p.Err.Error()) != p.Err.Error() {
		p.Err = safeError{p.Err}
	}
	return p
}

// safeError shows an error's message sanitised and still unwraps to it.
type safeError struct{ err error }

func (e safeError) Error() string { return textnorm.Line(e.err.Error()) }

func (e safeError) Unwrap() error { return e.err }
