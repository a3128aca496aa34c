package library

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// headSize is how much of a source its Head covers.
const headSize = 64 << 10

// sniffSize is how much of the start of a JSON Lines source is searched
// for a NUL byte, as corpus does, to refuse a binary file.
const sniffSize = 8 << 10

// resumePoint returns where an import of the file f (at the absolute path
// src) starts: its checkpoint when the file is the one it was made on,
// else a fresh one; and whether an earlier import read all of it, so that
// there is nothing to do.
func (l *Library) resumePoint(ctx context.Context, f *os.File, src string) (Checkpoint, bool, error) {
	st, err := f.Stat()
	if err != nil {
		return Checkpoint{}, false, fmt.Errorf("import %s: %w", src, err)
	}
	head, err := headHash(f)
	if err != nil {
		return Checkpoint{}, false, fmt.Errorf("import %s: %w", src, err)
	}
	fresh := Checkpoint{Source: src, Size: st.Size(), Head: head, StartedAt: time.Now()}
	cp, ok, err := l.Checkpoint(ctx, src)
	if err != nil || !ok {
		return fresh, false, err
	}
	// The same file, or the same file grown: its first 64 KB (all of it
	// when smaller) are unchanged and it is no shorter.
	sameHead := bytes.Equal(cp.Head, fresh.Head) || (cp.Size < headSize && st.Size() > cp.Size && prefixHash(f, cp.Size, cp.Head))
	if !sameHead || st.Size() < cp.Offset {
		return fresh, false, nil
	}
	if cp.Done && st.Size() == cp.Offset {
		return cp, true, nil
	}
	cp.Size, cp.Head, cp.Done = st.Size(), fresh.Head, false
	return cp, false, nil
}

// headHash is the SHA-256 of the first headSize bytes of f.
func headHash(f *os.File) ([]byte, error) {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, headSize)); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// prefixHash reports whether the first n bytes of f hash to want.
func prefixHash(f *os.File, n int64, want []byte) bool {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, n)); err != nil {
		return false
	}
	return bytes.Equal(h.Sum(nil), want)
}

// fileItem is a file of another format than JSON Lines to import whole,
// with the checkpoint it will be stored with.
type fileItem struct {
	src corpus.Source
	cp  Checkpoint
}

// fileItem checks a file against its checkpoint: done is true when an
// earlier import stored all of it and it has not changed since.
func (l *Library) fileItem(ctx context.Context, s corpus.Source) (it fileItem, done bool, err error) {
	abs, err := filepath.Abs(s.Path)
	if err != nil {
		return it, false, err
	}
	f, err := os.Open(s.Path)
	if err != nil {
		return it, false, err
	}
	defer f.Close()
	head, err := headHash(f)
	if err != nil {
		return it, false, err
	}
	it = fileItem{src: s, cp: Checkpoint{Source: abs, Size: s.Size, Head: head, StartedAt: time.Now()}}
	cp, ok, err := l.Checkpoint(ctx, abs)
	if err != nil || !ok {
		return it, false, err
	}
	return it, cp.Done && cp.Size == s.Size && bytes.Equal(cp.Head, head), nil
}

// linePos is a position in a JSON Lines source: a byte offset at a line
// start, with the lines and records (non-blank lines) before it.
type linePos struct {
	offset        int64
	line, records int
}

// lineReader cuts a JSON Lines stream into runs of whole lines.
type lineReader struct {
	r   *bufio.Reader
	max int
	src string // as problems name it
	pos linePos
	eof bool
}

// newLineReader reads r, which is at pos of the source. At the start of a
// source it skips a byte-order mark and refuses a binary file (a problem).
func newLineReader(r io.Reader, src string, pos linePos, max int) (*lineReader, *corpus.Problem) {
	lr := &lineReader{r: bufio.NewReaderSize(r, 1<<20), max: max, src: src, pos: pos}
	if pos.offset > 0 {
		return lr, nil
	}
	start, _ := lr.r.Peek(sniffSize)
	if i := bytes.IndexByte(start, 0); i >= 0 {
		return lr, &corpus.Problem{Path: src, Err: fmt.Errorf("%w: NUL byte at offset %d", corpus.ErrBinary, i)}
	}
	if bytes.HasPrefix(start, []byte("\ufeff")) {
		n, _ := lr.r.Discard(len("\ufeff"))
		lr.pos.offset += int64(n)
	}
	return lr, nil
}

// next reads up to n records; Data is empty at the end. A line longer
// than max is skipped and reported, and ends the run, so that the run's
// records are numbered from its start.
func (lr *lineReader) next(n int) (corpus.Lines, []corpus.Problem, error) {
	run := corpus.Lines{Offset: lr.pos.offset, FirstLine: lr.pos.line + 1, FirstRecord: lr.pos.records + 1}
	var probs []corpus.Problem
	var buf bytes.Buffer
	for records := 0; records < n && len(probs) == 0 && !lr.eof; {
		line, long, err := lr.readLine()
		if len(line) > 0 || long > 0 {
			lr.pos.line++
		}
		switch {
		case long > 0:
			lr.pos.records++
			probs = append(probs, corpus.Problem{Path: lr.src, Line: lr.pos.line,
				Err: fmt.Errorf("%w: record of %d bytes is longer than the %d allowed; skipped", corpus.ErrBadRecord, long, lr.max)})
		case len(line) > 0:
			if len(bytes.TrimSpace(line)) > 0 {
				records++
				lr.pos.records++
			}
			buf.Write(line)
		}
		if errors.Is(err, io.EOF) {
			lr.eof = true
		} else if err != nil {
			return run, nil, err
		}
	}
	run.Data = buf.Bytes()
	return run, probs, nil
}

// readLine reads one line with its newline. A line over max bytes is
// consumed and not returned; long is then its length.
func (lr *lineReader) readLine() (line []byte, long int, err error) {
	var acc []byte
	for {
		frag, err := lr.r.ReadSlice('\n')
		lr.pos.offset += int64(len(frag))
		switch {
		case long > 0:
			long += len(frag)
		case len(acc)+len(frag) > lr.max:
			long = len(acc) + len(frag)
			acc = nil
		default:
			acc = append(acc, frag...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return acc, long, err
	}
}
