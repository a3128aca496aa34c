package format

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// StreamMin is the size from which a JSON Lines file is worth reading with
// Stream, its pieces parsed on several cores while it is read.
const StreamMin = jsonlParallelMin

// Stream reads a large JSON Lines file from r and parses it as Parse would
// parse the whole of it, reading it in pieces of whole lines that f.Workers
// goroutines parse while reading goes on: the file is never in memory
// whole, and its pieces' buffers are reused. It makes the checks Parse
// makes on the whole file (empty, binary, invalid UTF-8) piece by piece,
// with the same problems. A line longer than f.MaxRecord is reported as
// RecordTooLarge and skipped without being kept in memory.
//
// With emit, the records are handed over chunk by chunk, in file order, as
// soon as every chunk before them is parsed (see jsonlDelivery), with the
// bytes of the file they came from, and Stream returns only the problems
// found at the end. A read error stops the parsing and is returned, for
// the caller to name; the chunks already handed over keep their records.
func Stream(ctx context.Context, f File, r io.Reader, emit func([]*article.Article, []article.Problem, int64)) ([]*article.Article, []article.Problem, error) {
	s := newJSONLStream(ctx, f, emit)
	for first, eof := true, false; !eof; first = false {
		buf, piece, atEOF, err := s.read(r)
		eof = atEOF
		if err != nil {
			s.stop()
			return nil, nil, err
		}
		if s.bad != nil {
			return s.fail(*s.bad)
		}
		if first && !s.sniffed {
			if p, ok := s.checkStart(buf, piece); !ok {
				return s.fail(p)
			}
		}
		if p, ok := s.queue(piece, first && !s.sniffed); !ok {
			return s.fail(p)
		}
	}
	return s.finish()
}

// jsonlStream is the state of one Stream: the parser and its workers, the
// chunks queued so far and where the next one starts.
type jsonlStream struct {
	ctx    context.Context
	kind   Kind
	p      *jsonlParser
	next   chan<- *jsonlChunk // to the workers
	wait   func()             // returns when the workers are done
	free   chan []byte        // parsed chunks' buffers, for reuse
	d      *jsonlDelivery     // nil without emit
	chunks []*jsonlChunk
	carry  []byte // the start of a line the last piece cut
	total  int64  // bytes read
	line   int    // the line the next chunk starts on
	offset int    // where the next chunk starts, after any byte-order mark
	bom    int    // length of the file's byte-order mark
	blank  bool   // only white space so far
	max    int64  // the longest record read; 0: no limit
	// sniffed is true once the start of the file was checked for a NUL
	// byte by skipLine (the first line was over the limit); bad is the
	// file's problem when that found one.
	sniffed bool
	bad     *article.Problem
}

// newJSONLStream starts the workers (and, with emit, the delivery of their
// chunks in file order).
func newJSONLStream(ctx context.Context, f File, emit func([]*article.Article, []article.Problem, int64)) *jsonlStream {
	s := &jsonlStream{ctx: ctx, kind: f.Kind, line: 1, blank: true, max: f.MaxRecord,
		p:    &jsonlParser{ctx: ctx, file: SafeText(f.Path), maxRecord: f.MaxRecord, checkUTF8: true},
		free: make(chan []byte, f.Workers+2)}
	s.next, s.wait = s.p.start(f.Workers, s.free)
	if emit != nil {
		s.d = s.p.deliver(f.Workers+2, func(arts []*article.Article, probs []article.Problem, n int64) {
			for _, a := range arts {
				a.Format = string(s.kind)
			}
			emit(arts, probs, n)
		})
	}
	return s
}

// read fills a buffer (a reused one when a worker has freed one) with the
// carried start of a line and what follows it in r, up to the buffer's
// capacity and a line break (a line longer than the buffer grows it, up to
// the record limit: a longer one is skipped, see skipLine). It returns the
// buffer and the piece of it to parse: all of it at the end of the file,
// else up to its last line break, the rest carried to the next piece.
func (s *jsonlStream) read(r io.Reader) (buf, piece []byte, eof bool, err error) {
	select {
	case buf = <-s.free:
	default:
		buf = make([]byte, 0, jsonlChunkSize)
	}
	buf = append(buf, s.carry...)
	end := -1
	for !eof && (end < 0 || len(buf) < cap(buf)) {
		if end < 0 && s.max > 0 && int64(len(buf)) > s.max {
			// buf is one line under way, over the limit.
			if buf, eof, err = s.skipLine(r, buf); err != nil || s.bad != nil {
				return nil, nil, false, err
			}
			end = bytes.LastIndexByte(buf, '\n')
			continue
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		if i := bytes.LastIndexByte(buf[len(buf):len(buf)+n], '\n'); i >= 0 {
			end = len(buf) + i
		}
		buf = buf[:len(buf)+n]
		s.total += int64(n)
		switch {
		case errors.Is(err, io.EOF):
			eof = true
		case err != nil:
			return nil, nil, false, fmt.Errorf("read: %w", err)
		}
	}
	piece = buf
	s.carry = s.carry[:0]
	if !eof {
		s.carry = append(s.carry, buf[end+1:]...)
		piece = buf[:end+1]
	}
	return buf, piece, eof, nil
}

// skipLine drops the line under way, over the record limit, whose start
// buf holds (all of buf: it has no line break): it reads on to the end of
// the line without keeping it, queues the record's problem in its place
// (so that records keep their numbers and the problem its place), and
// returns buf holding what followed the line. When the line starts the
// file, it first makes checkStart's test for a NUL byte (bad is set).
func (s *jsonlStream) skipLine(r io.Reader, buf []byte) ([]byte, bool, error) {
	if s.offset == 0 && !s.sniffed {
		s.sniffed = true
		if i := bytes.IndexByte(buf[:min(len(buf), binarySniff)], 0); i >= 0 {
			s.bad = &article.Problem{Path: s.p.file, Err: fmt.Errorf("%w: NUL byte at offset %d", article.ErrBinary, i)}
			return buf, false, nil
		}
	}
	size, eof, newline := int64(len(buf)), false, false
	for !newline && !eof {
		if err := s.ctx.Err(); err != nil {
			return nil, false, err
		}
		buf = buf[:cap(buf)]
		n, err := r.Read(buf)
		s.total += int64(n)
		buf = buf[:n]
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			size += int64(i)
			buf = buf[:copy(buf, buf[i+1:])]
			newline = true
		} else {
			size += int64(n)
			buf = buf[:0]
		}
		switch {
		case errors.Is(err, io.EOF):
			eof = true
		case err != nil:
			return nil, false, fmt.Errorf("read: %w", err)
		}
	}
	lineBytes := size
	if newline {
		lineBytes++
	}
	c := &jsonlChunk{offset: s.offset, firstLine: s.line, size: int(lineBytes), records: 1,
		probs: []article.Problem{RecordTooLarge(s.p.file, s.line, size, s.max)}}
	s.line++
	s.offset += int(lineBytes)
	s.blank = false
	if !s.send(c) {
		return nil, false, s.ctx.Err()
	}
	return buf, eof, nil
}

// checkStart makes the checks of the start of the file that checkShape
// makes (buf holds all of the file or more than binarySniff bytes of it),
// and notes a byte-order mark.
func (s *jsonlStream) checkStart(buf, piece []byte) (article.Problem, bool) {
	if i := bytes.IndexByte(buf[:min(len(buf), binarySniff)], 0); i >= 0 {
		return article.Problem{Path: s.p.file, Err: fmt.Errorf("%w: NUL byte at offset %d", article.ErrBinary, i)}, false
	}
	if bytes.HasPrefix(piece, []byte("\ufeff")) {
		s.bom = len("\ufeff")
	}
	return article.Problem{}, true
}

// queue hands a piece of whole lines to the workers as a chunk (and to the
// delivery, which waits for it to be parsed). It is false when ctx was
// cancelled meanwhile.
func (s *jsonlStream) queue(piece []byte, first bool) (article.Problem, bool) {
	// Pieces end at line breaks, so no white-space character is cut.
	s.blank = s.blank && len(bytes.TrimSpace(piece)) == 0
	data := piece
	if first {
		data = piece[s.bom:]
	}
	if len(data) == 0 {
		return article.Problem{}, true
	}
	c := &jsonlChunk{data: data, offset: s.offset, firstLine: s.line, size: len(piece)}
	s.line += bytes.Count(data, []byte{'\n'})
	s.offset += len(data)
	if !s.send(c) {
		return article.Problem{Path: s.p.file, Err: s.ctx.Err()}, false
	}
	return article.Problem{}, true
}

// send hands a chunk to the workers (and to the delivery, which waits for
// it to be parsed). It is false when ctx was cancelled meanwhile.
func (s *jsonlStream) send(c *jsonlChunk) bool {
	s.chunks = append(s.chunks, c)
	if s.d != nil {
		c.parsed = make(chan struct{})
		if len(s.chunks) == 1 {
			s.d.bom = s.bom // before the first add, so the deliverer sees it
		}
	}
	select {
	case s.next <- c:
	case <-s.ctx.Done():
		return false
	}
	if s.d != nil {
		s.d.add(c) // after next: a chunk added is always parsed
	}
	return true
}

// finish waits for the workers and returns the articles and problems of
// the whole file; with a delivery, only the problems the end can tell.
func (s *jsonlStream) finish() ([]*article.Article, []article.Problem, error) {
	if s.blank {
		if s.total == 0 {
			return s.fail(article.Problem{Path: s.p.file, Err: article.ErrEmptyFile})
		}
		return s.fail(article.Problem{Path: s.p.file, Err: fmt.Errorf("%w (only white space)", article.ErrEmptyFile)})
	}
	close(s.next)
	s.wait()
	if s.d != nil {
		return nil, s.d.finish(), nil
	}
	arts, probs := s.p.merge(s.chunks, s.bom)
	for _, a := range arts {
		a.Format = string(s.kind)
	}
	return arts, probs, nil
}

// stop stops the workers and drops what they made (what was already
// handed over stays).
func (s *jsonlStream) stop() {
	close(s.next)
	s.wait()
	if s.d != nil {
		s.d.finish()
	}
}

// fail is stop, with prob as the file's one problem.
func (s *jsonlStream) fail(prob article.Problem) ([]*article.Article, []article.Problem, error) {
	s.stop()
	return nil, []article.Problem{prob}, nil
}
