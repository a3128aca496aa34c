package library

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// ImportOptions tunes Import, ImportJSONL and ImportStream. The zero value
// is the default.
type ImportOptions struct {
	// BatchSize is how many records (JSON Lines) or files (other formats)
	// each transaction stores; 0 means 1000. A batch is the most an
	// interruption can lose.
	BatchSize int
	// MaxRecordSize is the longest line of a JSON Lines source read;
	// longer ones are reported and skipped. 0 means 64 MB.
	MaxRecordSize int
	// MaxFileSize is the largest file of another format read (see
	// corpus.Options); 0 means corpus.DefaultMaxFileSize. JSON Lines
	// sources may be of any size: they are read a batch at a time.
	MaxFileSize int64
	// Workers is how many batches are parsed and prepared at once while
	// one connection stores them; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called after each batch is stored with the
	// checkpoint of the source it came from (the last file of a batch of
	// several), from the importing goroutine.
	Progress func(Checkpoint)
	// Status, when set, is called once sources are found and after each
	// batch is stored with how far the whole import has got (a progress
	// bar's numbers), from the importing goroutine.
	Status func(ImportStatus)
	// Problem, when set, is called with each record or file skipped or
	// repaired, and each path that could not be read, in source order.
	Problem func(corpus.Problem)
}

// ImportStatus is how far an Import has got over all its sources; Import
// returns the last one.
type ImportStatus struct {
	Sources     int // files found
	SourcesDone int // read to their end, in this run or an earlier one
	// Skipped counts the sources an earlier run imported whole that have
	// not changed since: they are not read again.
	Skipped   int
	Bytes     int64 // the sources' total size
	BytesDone int64 // of which stored, in this run or an earlier one
	// Records counts what this run read: the records of JSON Lines
	// sources (non-blank lines) and the articles of other files.
	Records    int
	Added      int
	Duplicates int
	Problems   int    // records and files skipped (warnings not counted)
	Source     string // the source of the last batch stored
}

// Import imports articles from files and folders, as `pmureader PATH...`
// would read them (every format corpus reads; folders walked as
// corpus.Load walks them), in batches, one transaction each, streaming:
// a JSON Lines dump of any size is read a batch of lines at a time, so
// memory stays bounded, while Workers goroutines parse and prepare the
// next batches. Each batch is stored with a checkpoint of its source (see
// Checkpoint): run again after an interruption (Ctrl-C, a crash, a full
// disk), Import skips the sources already imported whole and unchanged,
// resumes a JSON Lines source after its last batch stored (one that grew
// continues with its new lines), and reads a changed file again, its
// copies recognised, not stored twice.
//
// A path or file that cannot be read, and every record skipped or
// repaired, is a problem (opt.Problem) and the rest is imported. The error
// is ctx's (wrapping context.Canceled) or the library's (ErrFull,
// ErrLocked…), after which what was stored stays; it also refuses a call
// with no paths. The status says what this run did.
func (l *Library) Import(ctx context.Context, paths []string, opt ImportOptions) (ImportStatus, error) {
	if len(paths) == 0 {
		return ImportStatus{}, fmt.Errorf("import: no paths given")
	}
	srcs, probs := corpus.Sources(ctx, paths)
	specs := make([]sourceSpec, len(srcs))
	for i, s := range srcs {
		specs[i] = sourceSpec{src: s}
	}
	run := l.newImportRun(opt, false)
	run.status.Problems = countFatal(probs)
	for _, p := range probs {
		run.problem(p)
	}
	err := run.run(ctx, specs)
	return run.status, err
}

// ImportJSONL imports one JSON Lines file (any of the JSON shapes corpus
// reads, whatever its name) as Import does, and returns the file's final
// checkpoint; on an error (ctx cancelled, disk full, the file unreadable)
// the checkpoint of the last batch stored.
func (l *Library) ImportJSONL(ctx context.Context, path string, opt ImportOptions) (Checkpoint, error) {
	src, err := filepath.Abs(path)
	if err != nil {
		return Checkpoint{}, fmt.Errorf("import %s: %w", path, err)
	}
	run := l.newImportRun(opt, true)
	err = run.run(ctx, []sourceSpec{{src: corpus.Source{Path: src, Format: corpus.JSONLines}}})
	return run.last, err
}

// ImportStream imports JSON Lines read from r (a pipe, a download) as
// ImportJSONL imports a file, under the name source (problems, spans and
// the ids of records without one use it). A stream cannot be read again,
// so its import does not resume: its checkpoint is stored, but calling
// ImportStream again reads r from its start.
func (l *Library) ImportStream(ctx context.Context, r io.Reader, source string, opt ImportOptions) (Checkpoint, error) {
	run := l.newImportRun(opt, true)
	err := run.run(ctx, []sourceSpec{{src: corpus.Source{Path: source, Format: corpus.JSONLines}, stream: r}})
	return run.last, err
}

// newImportRun fills in opt's defaults. strict runs (one source named by
// the caller) fail on a source that cannot be read, where Import reports
// it and goes on.
func (l *Library) newImportRun(opt ImportOptions, strict bool) *importRun {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 1000
	}
	if opt.MaxRecordSize <= 0 {
		opt.MaxRecordSize = 64 << 20
	}
	return &importRun{l: l, opt: opt, strict: strict, started: time.Now(),
		reader: corpus.NewReader(corpus.Options{MaxFileSize: opt.MaxFileSize, Workers: 1})}
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
