package article

import (
	"errors"
	"fmt"
)

// Errors a Problem can wrap, for errors.Is. Their text is the start of the
// message the user sees ("binary file: NUL byte at offset 12").
var (
	ErrUnsupported = errors.New("unsupported format")
	ErrEmptyFile   = errors.New("empty file")
	ErrBinary      = errors.New("binary file")
	ErrTooLarge    = errors.New("file too large")
	// ErrRecordTooLarge is a record of a JSON Lines file over the size
	// limit, which applies per record there (the file is read record by
	// record, whatever its size).
	ErrRecordTooLarge = errors.New("record too large")
	ErrInvalidUTF8    = errors.New("invalid UTF-8")
	ErrDuplicateID    = errors.New("duplicate id")
	// ErrDuplicate is an article loaded twice: the same text, or the same
	// address and title, as one loaded before (see corpus/dedupe). It is a
	// warning: the first one loaded is there.
	ErrDuplicate   = errors.New("duplicate article")
	ErrSymlinkLoop = errors.New("symlink loop")
	ErrNoArticles  = errors.New("no articles found")
	ErrFrontMatter = errors.New("malformed front matter")
	ErrBadRecord   = errors.New("bad record")
	ErrMeta        = errors.New("bad metadata")
)

// Problem is something wrong with one input: a file that could not be read
// or parsed (Fatal: nothing from it loaded, or one record skipped), or a
// repair worth knowing about (invalid UTF-8 replaced).
type Problem struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"` // 0 when no line applies
	Err  error  `json:"-"`
	// Warning is true for repairs: the article still loaded.
	Warning bool `json:"warning,omitempty"`
}

// Error renders "path:line: message", the form editors and grep use.
func (p Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", p.Path, p.Line, p.Err)
	}
	return fmt.Sprintf("%s: %v", p.Path, p.Err)
}

// Unwrap exposes the cause for errors.Is.
func (p Problem) Unwrap() error { return p.Err }
