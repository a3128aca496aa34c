package corpus

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/load"
)

// Load reads articles from files and directories. Each path is a file or a
// directory walked recursively (following symlinks, with loops detected);
// files are read by extension (.txt with an optional meta.yaml beside it,
// .md/.markdown, .json, .jsonl/.ndjson, .html/.htm), in parallel on
// Options.Workers goroutines.
//
// Whatever could not be read is a Problem in the returned Corpus and the rest
// still loads. The error is non-nil only when not one article loaded (it
// wraps ErrNothingLoaded) or ctx was cancelled. Articles are sorted by
// source path, then by position in the file; when two share an id the later
// one is skipped and reported.
//
// An article is loaded once (corpus/dedupe's rule): an exact duplicate of
// one before it (the same text told by the same outlet, or the same
// address and title) is skipped with a warning (ErrDuplicate) naming both
// places; a republication (the same text by another outlet or with a
// "Via", or one text within the other) is kept and marked: Article.CopyOf
// names the original.
func Load(ctx context.Context, paths []string, opt Options) (*Corpus, error) {
	if len(paths) == 0 {
		return New(nil, nil), nothingLoaded(ErrNothingLoaded.Error() + ": no paths given")
	}
	return collect(ctx, load.Paths(ctx, paths, opt.loaderOptions()), strings.Join(paths, ", "), opt)
}

// LoadFS is Load for a file system such as the embedded seeds: every file
// of fsys is considered, from its root. Paths in Problems and Source spans
// are fsys paths.
func LoadFS(ctx context.Context, fsys fs.FS, opt Options) (*Corpus, error) {
	return collect(ctx, load.FS(ctx, fsys, opt.loaderOptions()), "the file system", opt)
}

// Stream loads like Load but delivers the articles in batches as files
// finish, so that a user interface can show progress and the first articles
// at once. Batches carry the running counts of files and bytes. Articles
// within a batch are in file order; batches are in the order files finish.
// Duplicate ids and duplicate articles are dropped (and reported) in
// arrival order, and of an original and its copy the later to arrive is
// marked the copy (an article handed over is never changed). The channel is
// closed when loading is done or ctx is cancelled.
func Stream(ctx context.Context, paths []string, opt Options) <-chan Batch {
	o := opt.loaderOptions()
	o.Progressive = true
	events := load.Paths(ctx, paths, o)
	out := make(chan Batch)
	go func() {
		defer close(out)
		batch(ctx, events, out, opt.KeepDuplicates)
	}()
	return out
}

// loaderOptions returns the loader's options for these.
func (o Options) loaderOptions() load.Options {
	return load.Options{MaxFileSize: o.MaxFileSize, Workers: o.Workers}
}

// batch gathers the loader's events into Batches and sends one whenever
// the receiver is ready and something new has arrived, until the events
// end (the last batch is then sent) or ctx is cancelled.
func batch(ctx context.Context, events <-chan load.Event, out chan<- Batch, keep bool) {
	seen := newDeduper(true, keep, 0)
	var pending Batch
	dirty := false
	for {
		var send chan<- Batch
		if dirty {
			send = out
		}
		select {
		case e, ok := <-events:
			if !ok {
				if ctx.Err() == nil {
					select {
					case out <- pending:
					case <-ctx.Done():
					}
				}
				return
			}
			pending.add(e, seen)
			dirty = true
		case send <- pending:
			pending = Batch{FilesDone: pending.FilesDone, FilesTotal: pending.FilesTotal,
				BytesDone: pending.BytesDone, BytesTotal: pending.BytesTotal}
			dirty = false
		case <-ctx.Done():
			// Drain so that the walker and workers, which also watch
			// ctx, are never left blocked; then close.
			for range events {
			}
			return
		}
	}
}

// add adds an event's articles (less the duplicates seen finds), its
// problems and its counts to the batch.
func (b *Batch) add(e load.Event, seen *deduper) {
	arts, dups := seen.add(e.Articles)
	b.Articles = append(b.Articles, arts...)
	b.Problems = append(b.Problems, e.Problems...)
	b.Problems = append(b.Problems, dups...)
	b.FilesTotal += e.Found
	b.BytesTotal += e.FoundBytes
	b.FilesDone += e.Done
	b.BytesDone += e.DoneBytes
}

// collect runs a whole load and builds the Corpus: sorted, deduplicated,
// with the error Load documents. what names the inputs for that error.
func collect(ctx context.Context, events <-chan load.Event, what string, opt Options) (*Corpus, error) {
	var arts []*Article
	var probs []Problem
	for e := range events {
		arts = append(arts, e.Articles...)
		probs = append(probs, e.Problems...)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("load cancelled: %w", err)
	}
	// Articles of one file arrive together and in order, so a stable sort
	// by file keeps the position within each file.
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Source.File < arts[j].Source.File })
	seen := newDeduper(false, opt.KeepDuplicates, len(arts))
	arts, dups := seen.add(arts)
	seen.finish()
	probs = append(probs, dups...)
	sortProblems(probs)
	c := New(arts, probs)
	if len(arts) > 0 {
		return c, nil
	}
	return c, nothingLoadedFrom(probs, what)
}

// nothingLoadedFrom is the error of a load that produced no article: that
// nothing was found in what, or how many files failed.
func nothingLoadedFrom(probs []Problem, what string) error {
	failed := map[string]bool{}
	for _, p := range probs {
		if !p.Warning && !errors.Is(p.Err, load.ErrEmptyDir) {
			failed[p.Path] = true
		}
	}
	if len(failed) == 0 {
		return nothingLoaded("no articles found in " + what)
	}
	files := strconv.Itoa(len(failed)) + " files"
	if len(failed) == 1 {
		files = "1 file"
	}
	return nothingLoaded(fmt.Sprintf("%s: %s failed", ErrNothingLoaded, files))
}

// nothingLoaded is the error of a load that produced no article: its text
// says why, and it wraps ErrNothingLoaded.
type nothingLoaded string

func (e nothingLoaded) Error() string { return string(e) }
func (e nothingLoaded) Unwrap() error { return ErrNothingLoaded }

// sortProblems orders problems by path, then line, keeping the order of
// problems on the same line.
func sortProblems(p []Problem) {
	sort.SliceStable(p, func(i, j int) bool {
		if p[i].Path != p[j].Path {
			return p[i].Path < p[j].Path
		}
		return p[i].Line < p[j].Line
	})
}
