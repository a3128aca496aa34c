package load

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/format"
)

// DefaultMaxFileSize is the largest input file read unless Options says
// otherwise: 20 MB.
const DefaultMaxFileSize int64 = 20 << 20

// Options tunes a load.
type Options struct {
	// MaxFileSize is the largest file read, in bytes; 0 means
	// DefaultMaxFileSize. Larger files are reported and skipped. For JSON
	// Lines it is the largest record (line) instead: such a file is read
	// record by record, streamed when it is large, whatever its size.
	MaxFileSize int64
	// Workers is how many files are parsed at once; 0 means GOMAXPROCS.
	Workers int
	// Progressive makes a large JSON Lines file report its records in
	// pieces as they are parsed (for a streaming load), instead of all at
	// the end.
	Progressive bool
}

// Event is what the walker and the workers report as they go: articles
// and problems, files found and finished, and their bytes. Problems are
// already safe to print (format.SafeProblem).
type Event struct {
	Articles []*article.Article
	Problems []article.Problem
	Found    int // files discovered
	Done     int // files finished, loaded or not
	// FoundBytes and DoneBytes count file sizes.
	FoundBytes int64
	DoneBytes  int64
}

// ErrEmptyDir is the problem of a directory with no article files in it:
// nothing failed there, there was just nothing to read.
var ErrEmptyDir = fmt.Errorf("%w in directory", article.ErrNoArticles)

// Paths loads the files and directories named by paths (from the
// operating system's file system), walking directories recursively and
// following symlinks, and returns the channel of the load's events, closed
// when it is done or ctx is cancelled. The receiver must read the channel
// to its end.
func Paths(ctx context.Context, paths []string, opt Options) <-chan Event {
	return newLoader(opt, nil).run(ctx, func(w *walker) { w.walkOS(paths) })
}

// FS is Paths for every file of fsys, from its root.
func FS(ctx context.Context, fsys fs.FS, opt Options) <-chan Event {
	return newLoader(opt, fsys).run(ctx, func(w *walker) { w.walkFS(fsys) })
}

// loader holds one load's settings and the metadata files read so far.
type loader struct {
	opt   Options
	fsys  fs.FS // nil: the operating system's files
	metas metaCache
}

func newLoader(opt Options, fsys fs.FS) *loader {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return &loader{opt: opt, fsys: fsys, metas: metaCache{dirs: map[string]*dirMeta{}}}
}

// fileJob is one file to read.
type fileJob struct {
	path string // as shown to the user and in Source spans
	size int64
	kind format.Kind
}

// run starts the walker and the worker pool and returns the channel of
// their events, closed when all are done.
func (l *loader) run(ctx context.Context, walk func(w *walker)) <-chan Event {
	events := make(chan Event, 64)
	jobs := make(chan fileJob, 64)
	send := func(e Event) bool {
		for i := range e.Problems {
			e.Problems[i] = format.SafeProblem(e.Problems[i])
		}
		select {
		case events <- e:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(jobs)
		walk(&walker{ctx: ctx, send: send, jobs: jobs, files: map[string]bool{}, dirs: map[string]int{}})
	})
	for range l.opt.Workers {
		wg.Go(func() { l.work(ctx, jobs, send) })
	}
	go func() {
		wg.Wait()
		close(events)
	}()
	return events
}

// work loads the files of jobs until it is closed, sending what each gives.
func (l *loader) work(ctx context.Context, jobs <-chan fileJob, send func(Event) bool) {
	for j := range jobs {
		if ctx.Err() != nil {
			continue // drain so the walker is not blocked
		}
		// A large JSON Lines file may report pieces first (emit); the
		// last event finishes the file and its bytes.
		var emitted int64
		var emit func([]*article.Article, []article.Problem, int64)
		if l.opt.Progressive {
			emit = func(arts []*article.Article, probs []article.Problem, n int64) {
				emitted += n
				send(Event{Articles: arts, Problems: probs, DoneBytes: n})
			}
		}
		arts, probs := l.loadFile(ctx, j, emit)
		send(Event{Articles: arts, Problems: probs, Done: 1, DoneBytes: max(j.size-emitted, 0)})
	}
}
