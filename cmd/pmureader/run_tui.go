package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/termtext"
	"github.com/pmureader/pmureader/seeds"
	"github.com/pmureader/pmureader/tui"
)

// runTUI opens the reader on paths (the seeds when empty), or on the
// articles of --source. Loading streams into the TUI; what went wrong is
// collected meanwhile and printed on stderr once the TUI has given the
// terminal back, and decides the exit code like any other command: 3 when
// some inputs failed, 4 when nothing loaded (and, for --source, as
// esOutcome says). An --aliases file is read first, so a bad one fails
// (exit 1) before the terminal is taken over.
func (a *app) runTUI(ctx context.Context, paths []string) error {
	opts, feed, err := a.readerOptions(paths)
	if err != nil {
		return err
	}
	return a.afterReader(ctx, tui.Run(ctx, opts), feed)
}

// readerFeed is the reader's loader and, for --source, how its read ended.
type readerFeed struct {
	*tuiFeed
	es *esOutcomeRec // nil without --source
}

// readerOptions are the reader's options for paths or --source, and its
// loader.
func (a *app) readerOptions(paths []string) (tui.Options, readerFeed, error) {
	aliases, err := loadAliases(a.aliasFile)
	if err != nil {
		return tui.Options{}, readerFeed{}, err
	}
	feed := readerFeed{tuiFeed: &tuiFeed{opt: corpus.Options{MaxFileSize: int64(a.maxSize)}, paths: paths}}
	opts := tui.Options{Load: feed.load, NoColor: !a.out.color, Aliases: aliases}
	if r := a.es.req; r != nil {
		if len(paths) > 0 {
			return tui.Options{}, readerFeed{}, usageErrorf("--source reads the articles from %s; paths cannot be added to it (got %q)", r.src, paths[0])
		}
		feed.es = &esOutcomeRec{}
		feed.produce, opts.LoadUnit = r.produce(feed.es), "articles"
	}
	return a.withLibrary(opts, len(paths) == 0 && feed.es == nil), feed, nil
}

// afterReader reports what went wrong while the reader ran (err is what
// it returned) and decides the exit code.
func (a *app) afterReader(ctx context.Context, err error, feed readerFeed) error {
	if feed.es != nil {
		feed.wait() // the read stops with the reader; it closes its point in time first
	}
	problems, articles, started, panicked := feed.result()
	if panicked != nil {
		return &exitError{code: exitInternal, err: panicked}
	}
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The TUI recovers its panics into errors that say "internal
		// error"; they keep the internal-error exit code.
		if strings.HasPrefix(err.Error(), "internal error") {
			return &exitError{code: exitInternal, err: err}
		}
		return failed(err)
	}
	a.reportProblems(problems)
	if feed.es != nil && feed.es.done {
		return a.esOutcome(ctx, a.es.req, feed.es.res, feed.es.err, problems)
	}
	fatal := 0
	for _, p := range problems {
		if !p.Warning {
			fatal++
		}
	}
	switch {
	case started && articles == 0 && fatal > 0:
		return &exitError{code: exitNothing, err: corpus.ErrNothingLoaded}
	case fatal > 0:
		a.partial = true
	}
	return nil
}

// tuiFeed is the TUI's loader: it streams batches from the files (or one
// batch from the embedded seeds, or the pages of --source), and keeps count
// of what it forwarded. The TUI calls load from a background goroutine;
// result is read after the TUI has returned, possibly while the feed is
// still winding down, hence the mutex.
type tuiFeed struct {
	opt   corpus.Options
	paths []string
	// open replaces source (tests); nil means source.
	open func(ctx context.Context) <-chan corpus.Batch
	// produce, when set, replaces both: it runs on the feed's goroutine
	// and hands over each batch with emit, which reports false once the
	// reader has gone (--source's read, esRequest.produce).
	produce func(ctx context.Context, emit func(corpus.Batch) bool)

	mu       sync.Mutex
	finished chan struct{} // closed when load's goroutine returns
	started  bool
	articles int
	problems []corpus.Problem
	panicked error
}

// load starts loading and returns the channel the TUI reads. The goroutine
// it starts recovers a panic into an internal error: the TUI is sent it as
// a problem (its status line shows it; the library keeps what loaded), and
// runTUI reports it, in one line, once the terminal is restored (exit 70).
func (f *tuiFeed) load(ctx context.Context) <-chan corpus.Batch {
	f.mu.Lock()
	f.started = true
	finished := make(chan struct{})
	f.finished = finished
	f.mu.Unlock()
	open := f.open
	if open == nil {
		open = f.source
	}
	out := make(chan corpus.Batch)
	go func() {
		defer close(finished)
		defer close(out)
		defer func() {
			if r := recover(); r != nil {
				err := fmt.Errorf("internal error while loading: %s", termtext.OneLine(fmt.Sprint(r)))
				f.mu.Lock()
				f.panicked = err
				f.mu.Unlock()
				select {
				case out <- corpus.Batch{Problems: []corpus.Problem{{Path: "pmureader", Err: err}}}:
				case <-ctx.Done():
				}
			}
		}()
		emit := func(b corpus.Batch) bool {
			f.mu.Lock()
			f.articles += len(b.Articles)
			f.problems = append(f.problems, b.Problems...)
			f.mu.Unlock()
			select {
			case out <- b:
				return true
			case <-ctx.Done():
				return false
			}
		}
		if f.produce != nil {
			f.produce(ctx, emit)
			return
		}
		for b := range open(ctx) {
			if !emit(b) {
				return
			}
		}
	}()
	return out
}

// wait waits for load's goroutine to return, if load was called.
func (f *tuiFeed) wait() {
	f.mu.Lock()
	finished := f.finished
	f.mu.Unlock()
	if finished != nil {
		<-finished
	}
}

// source is corpus.Stream over the paths, or, for the embedded seeds
// (there is no streaming loader over an fs.FS, and five files need none),
// LoadFS delivered as one batch.
func (f *tuiFeed) source(ctx context.Context) <-chan corpus.Batch {
	if len(f.paths) > 0 {
		return corpus.Stream(ctx, f.paths, f.opt)
	}
	ch := make(chan corpus.Batch, 1)
	c, err := corpus.LoadFS(ctx, seeds.FS, f.opt)
	if c != nil {
		files := map[string]bool{}
		for _, a := range c.Articles {
			files[a.Source.File] = true
		}
		for _, p := range c.Problems {
			files[p.Path] = true
		}
		ch <- corpus.Batch{Articles: c.Articles, Problems: c.Problems, FilesDone: len(files), FilesTotal: len(files)}
	} else if err != nil && !errors.Is(err, context.Canceled) {
		ch <- corpus.Batch{Problems: []corpus.Problem{{Path: "seeds", Err: err}}}
	}
	close(ch)
	return ch
}

// result reports what the feed saw.
func (f *tuiFeed) result() (problems []corpus.Problem, articles int, started bool, panicked error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]corpus.Problem(nil), f.problems...), f.articles, f.started, f.panicked
}
