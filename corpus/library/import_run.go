package library

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// An import runs as a pipeline: one goroutine reads the sources and cuts
// them into batches (runs of lines of a JSON Lines source, or a few whole
// files), Workers goroutines parse and prepare batches (corpus's readers,
// then keys, hashes, index text and compressed documents: most of the
// CPU time), and the calling goroutine stores them in order, one
// transaction each, on the library's one writing connection. The batches
// in flight are bounded, so memory is too, whatever the size of a source.

// sourceSpec is one source of an import: a file, or a stream read under
// the name src.Path.
type sourceSpec struct {
	src    corpus.Source
	stream io.Reader // nil: open the file
}

// linesSource is a JSON Lines source being imported. Its checkpoint is
// set before its first batch is queued and then only changed by the
// storing goroutine.
type linesSource struct {
	name string // as problems and spans name it
	cp   Checkpoint
}

// batch is what one transaction stores: a run of lines of a JSON Lines
// source (lines), or whole files (files); or nothing, when it only brings
// the storing goroutine news in source order (sources skipped, problems).
type batch struct {
	lines   *linesSource
	run     corpus.Lines
	end     linePos
	last    bool  // the run ends its source
	resumed int64 // bytes of lines' source stored by earlier runs
	files   []fileItem
	// probs are found before parsing: a line too long, an unreadable or
	// binary file; they come after the run's own problems.
	probs   []corpus.Problem
	skipped []corpus.Source // imported whole before, and unchanged
	failed  error           // a strict run's source could not be read
	out     chan parsed     // the batch parsed and prepared
}

func (b *batch) work() bool { return b.run.Data != nil || len(b.files) > 0 }

// parsed is a batch's articles, prepared for storing.
type parsed struct {
	preps  []prepared
	probs  []corpus.Problem
	fileOf []int       // files: the file each prepared entry came from
	tally  []fileTally // files: what each one held
	err    error
}

type fileTally struct{ records, problems int }

// importRun is one Import, ImportJSONL or ImportStream.
type importRun struct {
	l       *Library
	opt     ImportOptions
	strict  bool
	reader  *corpus.Reader
	started time.Time
	status  ImportStatus
	last    Checkpoint // of the last batch of a JSON Lines source stored
}

// run imports the sources: the reading and parsing goroutines run until
// every batch is stored, or until the first error, which stops them all.
func (r *importRun) run(ctx context.Context, specs []sourceSpec) error {
	for _, s := range specs {
		r.status.Sources++
		r.status.Bytes += s.src.Size
	}
	r.report()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := r.opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	order := make(chan *batch, workers+1)
	work := make(chan *batch)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for b := range work {
				b.out <- r.parse(ctx, b)
			}
		})
	}
	wg.Go(func() { r.produce(ctx, specs, order, work) })
	var err error
	for b := range order {
		if err == nil {
			err = r.storeNext(ctx, b)
		}
		if err != nil {
			cancel() // and drain order, so that the reader ends
		}
	}
	wg.Wait()
	if err == nil && ctx.Err() != nil { // the caller's ctx ended the reading
		err = r.stopped(ctx.Err())
	}
	return err
}

// stopped is the error of an import that ctx stopped.
func (r *importRun) stopped(err error) error {
	return fmt.Errorf("import: stopped after %d records of this run: %w", r.status.Records, err)
}

// storeNext waits for batch b to be parsed and stores it.
func (r *importRun) storeNext(ctx context.Context, b *batch) error {
	var p parsed
	select {
	case p = <-b.out:
	case <-ctx.Done():
		return r.stopped(ctx.Err())
	}
	if err := ctx.Err(); err != nil {
		return r.stopped(err) // the batch may be cut short: store none of it
	}
	if b.failed != nil {
		return b.failed
	}
	if p.err != nil {
		return r.l.fail("import", p.err)
	}
	for _, s := range b.skipped {
		r.status.Skipped++
		r.status.SourcesDone++
		r.status.BytesDone += s.Size
		r.status.Source = s.Path
	}
	var err error
	switch {
	case b.lines != nil && len(b.skipped) > 0:
		r.last = b.lines.cp
	case b.lines != nil:
		err = r.storeLines(ctx, b, p)
	case len(b.files) > 0:
		err = r.storeFiles(ctx, b, p)
	}
	if err != nil {
		return fmt.Errorf("%w (the import stopped after %d records of this run; run it again to resume)", err, r.status.Records)
	}
	r.status.Problems += countFatal(p.probs) + countFatal(b.probs)
	r.problems(p.probs)
	r.problems(b.probs)
	r.report()
	return nil
}

// storeLines stores a run of lines of a JSON Lines source with the
// source's checkpoint.
func (r *importRun) storeLines(ctx context.Context, b *batch, p parsed) error {
	src := b.lines
	if b.resumed > 0 {
		r.status.BytesDone += b.resumed
	}
	r.last = src.cp
	next := src.cp
	res, err := r.l.commitBatch(ctx, p.preps, func(res AddResult) []Checkpoint {
		next.Offset, next.Lines, next.Records = b.end.offset, b.end.line, b.end.records
		next.Added += len(res.Added)
		next.Duplicates += len(res.Duplicates)
		next.Problems += countFatal(p.probs) + countFatal(b.probs)
		next.Done = b.last
		if next.Done && next.Size < next.Offset {
			next.Size = next.Offset // a stream: now its length is known
		}
		return []Checkpoint{next}
	})
	if err != nil {
		return err
	}
	r.status.BytesDone += next.Offset - src.cp.Offset
	r.status.Records += next.Records - src.cp.Records
	r.count(res, next.Source, b.last)
	next.UpdatedAt = time.Now()
	src.cp, r.last = next, next
	if r.opt.Progress != nil {
		r.opt.Progress(next)
	}
	return nil
}

// storeFiles stores whole files, each with a checkpoint that says it is
// done.
func (r *importRun) storeFiles(ctx context.Context, b *batch, p parsed) error {
	cps := make([]Checkpoint, len(b.files))
	res, err := r.l.commitBatch(ctx, p.preps, func(res AddResult) []Checkpoint {
		for i, f := range b.files {
			cps[i] = f.cp
			cps[i].Offset, cps[i].Records, cps[i].Problems, cps[i].Done = f.cp.Size, p.tally[i].records, p.tally[i].problems, true
		}
		for _, a := range res.Added {
			cps[p.fileOf[a.Index]].Added++
		}
		for _, d := range res.Duplicates {
			cps[p.fileOf[d.Index]].Duplicates++
		}
		return cps
	})
	if err != nil {
		return err
	}
	for i, f := range b.files {
		r.status.BytesDone += f.src.Size
		r.status.Records += p.tally[i].records
		r.status.SourcesDone++
	}
	r.count(res, cps[len(cps)-1].Source, false)
	if r.opt.Progress != nil {
		cp := cps[len(cps)-1]
		cp.UpdatedAt = time.Now()
		r.opt.Progress(cp)
	}
	return nil
}

func (r *importRun) count(res AddResult, source string, done bool) {
	r.status.Added += len(res.Added)
	r.status.Duplicates += len(res.Duplicates)
	r.status.Source = source
	if done {
		r.status.SourcesDone++
	}
}

func (r *importRun) problems(ps []corpus.Problem) {
	for _, p := range ps {
		r.problem(p)
	}
}

func (r *importRun) problem(p corpus.Problem) {
	if r.opt.Problem != nil {
		r.opt.Problem(p)
	}
}

func (r *importRun) report() {
	if r.opt.Status != nil {
		r.opt.Status(r.status)
	}
}

// parse parses and prepares a batch. It never panics: a panic while
// reading becomes the batch's error.
func (r *importRun) parse(ctx context.Context, b *batch) (p parsed) {
	defer func() {
		if v := recover(); v != nil {
			p = parsed{err: fmt.Errorf("internal error while reading: %v", v)}
		}
	}()
	var arts []*corpus.Article
	if b.lines != nil {
		arts, p.probs, _ = corpus.ParseLines(ctx, b.lines.name, b.run)
	} else {
		p.tally = make([]fileTally, len(b.files))
		for i, f := range b.files {
			a, probs := r.reader.Read(ctx, f.src)
			for range a {
				p.fileOf = append(p.fileOf, i)
			}
			arts, p.probs = append(arts, a...), append(p.probs, probs...)
			p.tally[i] = fileTally{records: len(a), problems: countFatal(probs)}
		}
	}
	p.preps = make([]prepared, len(arts))
	for i, a := range arts {
		if p.preps[i], p.err = prepare(i, Entry{Article: a}); p.err != nil {
			return p
		}
	}
	return p
}

// produce reads the sources in order and queues their batches, until the
// last or until ctx ends. Files of other formats than JSON Lines are
// gathered, BatchSize files or 8 MB a batch.
func (r *importRun) produce(ctx context.Context, specs []sourceSpec, order, work chan<- *batch) {
	defer close(work)
	defer close(order)
	send := func(b *batch) bool {
		b.out = make(chan parsed, 1)
		select {
		case order <- b:
		case <-ctx.Done():
			return false
		}
		if !b.work() {
			b.out <- parsed{}
			return true
		}
		select {
		case work <- b:
			return true
		case <-ctx.Done():
			b.out <- parsed{err: ctx.Err()}
			return false
		}
	}
	pending := &batch{}
	var size int64
	flush := func() bool {
		if !pending.work() && len(pending.skipped) == 0 && len(pending.probs) == 0 {
			return true
		}
		b := pending
		pending, size = &batch{}, 0
		return send(b)
	}
	for _, s := range specs {
		if ctx.Err() != nil {
			return
		}
		if s.stream != nil || s.src.Format == corpus.JSONLines {
			if !flush() || !r.produceLines(ctx, s, send) {
				return
			}
			continue
		}
		it, done, err := r.l.fileItem(ctx, s.src)
		switch {
		case err != nil:
			pending.probs = append(pending.probs, corpus.Problem{Path: s.src.Path, Err: err})
		case done:
			pending.skipped = append(pending.skipped, s.src)
		default:
			pending.files = append(pending.files, it)
			size += s.src.Size
		}
		if len(pending.files)+len(pending.skipped) >= r.opt.BatchSize || size >= 8<<20 {
			if !flush() {
				return
			}
		}
	}
	flush()
}

// produceLines queues the batches of one JSON Lines source.
func (r *importRun) produceLines(ctx context.Context, s sourceSpec, send func(*batch) bool) bool {
	src := &linesSource{name: s.src.Path}
	in := s.stream
	resumed := int64(0)
	if in == nil {
		f, err := os.Open(s.src.Path)
		if err != nil {
			return r.sourceFailed(s.src.Path, err, send)
		}
		defer f.Close()
		cp, done, err := r.l.resumePoint(ctx, f, s.src.Path)
		switch {
		case err != nil:
			send(&batch{failed: r.l.fail("import", err)})
			return false
		case done:
			src.cp = cp
			return send(&batch{lines: src, skipped: []corpus.Source{s.src}})
		}
		if _, err := f.Seek(cp.Offset, io.SeekStart); err != nil {
			return r.sourceFailed(s.src.Path, err, send)
		}
		src.cp, in, resumed = cp, f, cp.Offset
	} else {
		src.cp = Checkpoint{Source: s.src.Path, Head: []byte{}, StartedAt: time.Now()}
	}
	start := linePos{offset: src.cp.Offset, line: src.cp.Lines, records: src.cp.Records}
	lr, bad := newLineReader(in, src.name, start, r.opt.MaxRecordSize)
	if bad != nil {
		end := linePos{offset: max(src.cp.Size, start.offset)}
		return send(&batch{lines: src, end: end, last: true, probs: []corpus.Problem{*bad}})
	}
	for first := true; ; first = false {
		run, probs, err := lr.next(r.opt.BatchSize)
		if err != nil {
			return r.sourceFailed(s.src.Path, err, send)
		}
		b := &batch{lines: src, run: run, end: lr.pos, last: lr.eof, probs: probs}
		if first {
			b.resumed = resumed
		}
		if b.last && start.offset == 0 && lr.pos.records == 0 {
			b.probs = append(b.probs, emptyProblem(src.name, lr.pos.offset))
		}
		if !send(b) {
			return false
		}
		if b.last {
			return true
		}
	}
}

// emptyProblem is corpus's problem of a JSON Lines file without records.
func emptyProblem(name string, size int64) corpus.Problem {
	if size == 0 {
		return corpus.Problem{Path: name, Err: corpus.ErrEmptyFile}
	}
	return corpus.Problem{Path: name, Err: fmt.Errorf("%w (only white space)", corpus.ErrEmptyFile)}
}

// sourceFailed reports a source that cannot be read: a problem for
// Import, which goes on with the next source, an error for a strict run.
func (r *importRun) sourceFailed(path string, err error, send func(*batch) bool) bool {
	if r.strict {
		send(&batch{failed: fmt.Errorf("import %s: %w", path, err)})
		return false
	}
	return send(&batch{probs: []corpus.Problem{{Path: path, Err: err}}})
}
