package library

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// Checkpoint is how far an import of one source has got, stored in the
// same transaction as the articles it counts, so that an interrupted
// import (Ctrl-C, a crash, a full disk) resumes exactly after the last
// batch stored.
type Checkpoint struct {
	Source string // the source's absolute path
	// Size and Head (SHA-256 of the first 64 KB) identify the file the
	// import began on: a different file at the same path starts afresh.
	Size int64
	Head []byte
	// Offset is how many bytes of the source are imported; always at a
	// line end.
	Offset     int64
	Records    int // non-blank lines read
	Lines      int // lines read
	Added      int
	Duplicates int
	Problems   int // records skipped or repaired (see corpus.Problem)
	StartedAt  time.Time
	UpdatedAt  time.Time
	Done       bool // the whole source was read
}

// headSize is how much of a source its Head covers.
const headSize = 64 << 10

// Checkpoint returns the stored checkpoint of a source (an absolute path),
// and whether there is one.
func (l *Library) Checkpoint(ctx context.Context, source string) (Checkpoint, bool, error) {
	var cp Checkpoint
	var started, updated int64
	var finished sql.NullInt64
	err := l.r.QueryRowContext(ctx, `SELECT source, size, head, pos, records, lines, added, duplicates,
		problems, started_at, updated_at, finished_at FROM imports WHERE source = ?`, source).
		Scan(&cp.Source, &cp.Size, &cp.Head, &cp.Offset, &cp.Records, &cp.Lines, &cp.Added, &cp.Duplicates,
			&cp.Problems, &started, &updated, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return Checkpoint{}, false, nil
	}
	if err != nil {
		return cp, false, l.fail("read checkpoint of "+source, err)
	}
	cp.StartedAt, cp.UpdatedAt = time.Unix(started, 0).UTC(), time.Unix(updated, 0).UTC()
	cp.Done = finished.Valid
	return cp, true, nil
}

// AddWithCheckpoint is Add that also stores a checkpoint in the same
// transaction: either the batch and the checkpoint are both stored or
// neither is. cp is called inside the transaction with the batch's result
// and returns the checkpoint to store (counting this batch's Added and
// Duplicates; UpdatedAt is set here). An importer of its own source
// (corpus.Stream over a folder, say) calls it once per batch and, after an
// interruption, resumes from Checkpoint.
func (l *Library) AddWithCheckpoint(ctx context.Context, entries []Entry, cp func(AddResult) Checkpoint) (AddResult, error) {
	preps, err := prepareAll(entries)
	if err != nil {
		return AddResult{}, l.fail("import", err)
	}
	return l.commitBatch(ctx, preps, cp)
}

// commitBatch stores prepared articles and the checkpoint cp makes of the
// result in one transaction.
func (l *Library) commitBatch(ctx context.Context, preps []prepared, cp func(AddResult) Checkpoint) (AddResult, error) {
	var res AddResult
	err := l.write(ctx, "import", func(tx *sql.Tx) error {
		var err error
		if res, err = insertPrepared(ctx, tx, preps); err != nil {
			return err
		}
		return saveCheckpoint(ctx, tx, cp(res))
	})
	return res, err
}

func saveCheckpoint(ctx context.Context, tx *sql.Tx, cp Checkpoint) error {
	var finished any
	now := time.Now().Unix()
	if cp.Done {
		finished = now
	}
	started := cp.StartedAt.Unix()
	if cp.StartedAt.IsZero() {
		started = now
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO imports (source, size, head, pos, records, lines, added,
		duplicates, problems, started_at, updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT (source) DO UPDATE SET size = excluded.size, head = excluded.head, pos = excluded.pos,
		records = excluded.records, lines = excluded.lines, added = excluded.added,
		duplicates = excluded.duplicates, problems = excluded.problems, started_at = excluded.started_at,
		updated_at = excluded.updated_at, finished_at = excluded.finished_at`,
		cp.Source, cp.Size, cp.Head, cp.Offset, cp.Records, cp.Lines, cp.Added, cp.Duplicates, cp.Problems,
		started, now, finished)
	return err
}

// ImportOptions tunes ImportJSONL.
type ImportOptions struct {
	// BatchSize is how many records each transaction stores; 0 means
	// 1000. A batch is the most an interruption can lose.
	BatchSize int
	// MaxRecordSize is the longest line read; longer ones are reported
	// and skipped. 0 means 64 MB.
	MaxRecordSize int
	// Progress, when set, is called after each batch is stored, from the
	// importing goroutine.
	Progress func(Checkpoint)
	// Problem, when set, is called with each record skipped or repaired.
	Problem func(corpus.Problem)
}

// ImportJSONL imports a JSON Lines file of articles (any of the JSON
// shapes corpus reads) in batches, one transaction each, streaming: the
// file is never in memory whole, and reading and parsing the next batch
// overlap with storing the last. A checkpoint stored with each batch lets
// an interrupted import resume: calling ImportJSONL again on the same file
// continues after the last stored batch (and a file that has grown since
// continues with its new lines); a different file at the same path starts
// from the beginning, which stores nothing twice since duplicates are
// recognised. It returns the final checkpoint; on an error (ctx cancelled,
// disk full) the checkpoint of the last batch stored.
func (l *Library) ImportJSONL(ctx context.Context, path string, opt ImportOptions) (Checkpoint, error) {
	src, err := filepath.Abs(path)
	if err != nil {
		return Checkpoint{}, fmt.Errorf("import %s: %w", path, err)
	}
	f, err := os.Open(src)
	if err != nil {
		return Checkpoint{}, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	cp, err := l.resumePoint(ctx, f, src)
	if err != nil {
		return cp, err
	}
	if _, err := f.Seek(cp.Offset, io.SeekStart); err != nil {
		return cp, fmt.Errorf("import %s: %w", src, err)
	}
	return l.importFrom(ctx, f, cp, opt)
}

// ImportStream imports JSON Lines read from r (a pipe, a download) as
// ImportJSONL imports a file, under the name source (problems, spans and
// the ids of records without one use it). A stream cannot be read again,
// so its import does not resume: its checkpoint is stored, but calling
// ImportStream again reads r from its start.
func (l *Library) ImportStream(ctx context.Context, r io.Reader, source string, opt ImportOptions) (Checkpoint, error) {
	cp := Checkpoint{Source: source, Head: []byte{}, StartedAt: time.Now()}
	return l.importFrom(ctx, r, cp, opt)
}

// importFrom imports the lines of r, which starts at cp's offset.
func (l *Library) importFrom(ctx context.Context, r io.Reader, cp Checkpoint, opt ImportOptions) (Checkpoint, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 1000
	}
	if opt.MaxRecordSize <= 0 {
		opt.MaxRecordSize = 64 << 20
	}
	parser, err := newRecordParser(cp.Source)
	if err != nil {
		return cp, err
	}
	return l.runImport(ctx, r, parser, cp, opt)
}

// resumePoint returns where an import of src starts: its checkpoint when
// the file is the one it was made on, else a fresh one.
func (l *Library) resumePoint(ctx context.Context, f *os.File, src string) (Checkpoint, error) {
	st, err := f.Stat()
	if err != nil {
		return Checkpoint{}, fmt.Errorf("import: %w", err)
	}
	head := sha256.New()
	if _, err := io.Copy(head, io.LimitReader(f, headSize)); err != nil {
		return Checkpoint{}, fmt.Errorf("import %s: %w", src, err)
	}
	fresh := Checkpoint{Source: src, Size: st.Size(), Head: head.Sum(nil), StartedAt: time.Now()}
	cp, ok, err := l.Checkpoint(ctx, src)
	if err != nil || !ok {
		return fresh, err
	}
	// The same file, or the same file grown: its first 64 KB (all of it
	// when smaller) are unchanged and it is no shorter.
	sameHead := bytes.Equal(cp.Head, fresh.Head) || (cp.Size < headSize && st.Size() > cp.Size && prefixHash(f, cp.Size, cp.Head))
	if !sameHead || st.Size() < cp.Offset {
		return fresh, nil
	}
	cp.Size, cp.Head, cp.Done = st.Size(), fresh.Head, false
	return cp, nil
}

// prefixHash reports whether the first n bytes of f hash to want.
func prefixHash(f *os.File, n int64, want []byte) bool {
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, n)); err != nil {
		return false
	}
	return bytes.Equal(h.Sum(nil), want)
}

// parsedBatch is a chunk parsed and prepared, ready to store.
type parsedBatch struct {
	c     *chunk
	preps []prepared
	probs []corpus.Problem
	err   error
}

// runImport reads, parses and prepares chunks on one goroutine while this
// one stores them.
func (l *Library) runImport(ctx context.Context, f io.Reader, p *recordParser, cp Checkpoint, opt ImportOptions) (Checkpoint, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan parsedBatch, 1)
	go func() {
		defer close(batches)
		r := lineReader{r: bufio.NewReaderSize(f, 1<<20), max: opt.MaxRecordSize, src: p.source,
			offset: cp.Offset, line: cp.Lines, record: cp.Records}
		for {
			c, probs, err := r.next(opt.BatchSize)
			var b parsedBatch
			if err != nil {
				b.err = err
			} else if c != nil {
				arts, more, err := p.parse(ctx, c)
				b = parsedBatch{c: c, probs: append(probs, more...), err: err}
				if err == nil {
					b.preps, b.err = prepareAll(entriesOf(arts))
				}
			}
			if c == nil && err == nil {
				return
			}
			select {
			case batches <- b:
			case <-ctx.Done():
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	for b := range batches {
		if err := ctx.Err(); err != nil {
			return cp, fmt.Errorf("import %s: stopped after %d records: %w", p.source, cp.Records, err)
		}
		if b.err != nil {
			return cp, fmt.Errorf("import %s: %w", p.source, b.err)
		}
		next := cp
		_, err := l.commitBatch(ctx, b.preps, func(res AddResult) Checkpoint {
			next.Offset, next.Lines, next.Records = b.c.end, b.c.firstLine-1+b.c.lines, b.c.firstRecord-1+b.c.records
			next.Added += len(res.Added)
			next.Duplicates += len(res.Duplicates)
			next.Problems += countFatal(b.probs)
			return next
		})
		if err != nil {
			return cp, fmt.Errorf("stopped after %d records: %w", cp.Records, err)
		}
		cp = next
		cp.UpdatedAt = time.Now()
		for _, pr := range b.probs {
			if opt.Problem != nil {
				opt.Problem(pr)
			}
		}
		if opt.Progress != nil {
			opt.Progress(cp)
		}
	}
	if err := ctx.Err(); err != nil {
		return cp, fmt.Errorf("import %s: stopped after %d records: %w", p.source, cp.Records, err)
	}
	// The end: the checkpoint says so (and, for a stream, how long it was).
	cp.Done = true
	if cp.Size < cp.Offset {
		cp.Size = cp.Offset
	}
	err := l.write(ctx, "import", func(tx *sql.Tx) error { return saveCheckpoint(ctx, tx, cp) })
	return cp, err
}

func countFatal(probs []corpus.Problem) int {
	n := 0
	for _, p := range probs {
		if !p.Warning {
			n++
		}
	}
	return n
}

func entriesOf(arts []*corpus.Article) []Entry {
	out := make([]Entry, len(arts))
	for i, a := range arts {
		out[i] = Entry{Article: a}
	}
	return out
}

// lineReader cuts a JSON Lines stream into chunks of whole lines.
type lineReader struct {
	r      *bufio.Reader
	max    int
	src    string
	offset int64 // of the next byte to read
	line   int   // lines read
	record int   // non-blank lines read
	eof    bool
}

// next reads up to n records (non-blank lines); nil at the end. A line
// longer than max is skipped and reported, and ends the chunk, so that the
// loader's numbering of the records in it stays the file's.
func (lr *lineReader) next(n int) (*chunk, []corpus.Problem, error) {
	if lr.eof {
		return nil, nil, nil
	}
	c := &chunk{firstLine: lr.line + 1, firstRecord: lr.record + 1}
	var probs []corpus.Problem
	var buf bytes.Buffer
	for c.records < n && len(probs) == 0 {
		line, long, err := lr.readLine()
		if len(line) > 0 || long > 0 {
			lr.line++
			c.lines++
		}
		switch {
		case long > 0:
			lr.record++
			probs = append(probs, corpus.Problem{Path: lr.src, Line: lr.line,
				Err: fmt.Errorf("%w: record of %d bytes is longer than the %d allowed; skipped", corpus.ErrBadRecord, long, lr.max)})
		case len(line) > 0:
			if len(bytes.TrimSpace(line)) > 0 {
				c.records++
				lr.record++
			}
			buf.Write(line)
			if line[len(line)-1] != '\n' {
				buf.WriteByte('\n')
			}
		}
		if errors.Is(err, io.EOF) {
			lr.eof = true
			break
		}
		if err != nil {
			return nil, nil, err
		}
	}
	c.data, c.end = buf.Bytes(), lr.offset
	if c.lines == 0 {
		return nil, probs, nil
	}
	return c, probs, nil
}

// readLine reads one line with its newline. A line over max bytes is
// consumed and not returned; long is then its length.
func (lr *lineReader) readLine() (line []byte, long int, err error) {
	var acc []byte
	for {
		frag, err := lr.r.ReadSlice('\n')
		lr.offset += int64(len(frag))
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
