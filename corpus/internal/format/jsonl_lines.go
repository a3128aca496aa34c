package format

import (
	"bytes"
	"context"
	"fmt"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// Lines is a run of whole lines of a JSON Lines file that a caller cut from
// the file itself: an import that stores the file in batches and resumes in
// the middle of it after an interruption.
type Lines struct {
	Data []byte
	// Offset is where Data starts in the file (a caller skips a
	// byte-order mark): the position an invalid-UTF-8 warning names.
	Offset int64
	// FirstLine is the 1-based number of Data's first line in the file,
	// FirstRecord that of its first record (non-blank line).
	FirstLine, FirstRecord int
}

// ParseLines parses lines of the JSON Lines file f as Parse parses the
// whole file: the same articles, with the same ids (a record without one
// is numbered by its record number in the file), spans, Words and Format,
// and the same problems for its records. The checks of the whole file are
// the caller's (an empty or binary file, a byte-order mark); invalid UTF-8
// is repaired with a warning for each run that holds some, where Parse
// warns once a file. It also returns how many records (non-blank lines)
// the run holds. It never panics: a panic while parsing becomes the run's
// one problem.
func ParseLines(ctx context.Context, f File, l Lines) (arts []*article.Article, probs []article.Problem, records int) {
	p := &jsonlParser{ctx: ctx, file: SafeText(f.Path), checkUTF8: true}
	defer func() {
		if r := recover(); r != nil {
			arts, records = nil, nonBlankLines(l.Data)
			probs = []article.Problem{{Path: p.file, Line: l.FirstLine, Err: fmt.Errorf("internal error while reading these lines: %v", r)}}
		}
	}()
	c := &jsonlChunk{data: l.Data, offset: int(l.Offset), firstLine: l.FirstLine}
	p.parse(c, &scratch{})
	if c.invalidAt > 0 {
		probs = append(probs, invalidUTF8(p.file, c.offset+c.invalid, c.invalidAt))
	}
	stem := fileStem(p.file)
	for i, a := range c.arts {
		if a.ID == "" {
			a.ID = numberedRecordID(stem, l.FirstRecord-1+c.recNo[i])
		}
		a.Format = string(JSONLines)
	}
	return c.arts, append(probs, c.probs...), c.records
}

// nonBlankLines counts the lines of data that hold more than white space.
func nonBlankLines(data []byte) int {
	n := 0
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if len(bytes.TrimSpace(line)) > 0 {
			n++
		}
	}
	return n
}
