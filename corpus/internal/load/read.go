package load

import (
	"context"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/format"
)

// File is an article file found by List.
type File struct {
	Path string // as given, or joined to the directory it was found in
	Size int64
	Kind format.Kind
}

// List walks paths as Paths does (directories recursively, symlinks
// followed, loops caught, each file once) and returns the article files it
// would read, in the order it finds them, with the problems of the paths
// it cannot use, made safe to print. It reads no file.
func List(ctx context.Context, paths []string) ([]File, []article.Problem) {
	jobs := make(chan fileJob, 64)
	var probs []article.Problem
	send := func(e Event) bool {
		for _, p := range e.Problems {
			probs = append(probs, format.SafeProblem(p))
		}
		return ctx.Err() == nil
	}
	go func() {
		defer close(jobs)
		w := &walker{ctx: ctx, send: send, jobs: jobs, files: map[string]bool{}, dirs: map[string]int{}}
		w.walkOS(paths)
	}()
	var files []File
	for j := range jobs {
		files = append(files, File{Path: j.path, Size: j.size, Kind: j.kind})
	}
	// The walker's sends happened before it closed jobs: probs is whole.
	return files, probs
}

// Reader reads single files as a load reads them, keeping each
// directory's meta.yaml once read. Safe for concurrent use.
type Reader struct {
	l *loader
}

// NewReader returns a Reader with a load's options (Progressive is
// ignored: a file is read whole).
func NewReader(opt Options) *Reader {
	opt.Progressive = false
	return &Reader{l: newLoader(opt, nil)}
}

// Read reads and parses one file whole, as a load does (a file over the
// size limit is a problem), with its problems made safe to print.
func (r *Reader) Read(ctx context.Context, f File) ([]*article.Article, []article.Problem) {
	arts, probs := r.l.loadFile(ctx, fileJob{path: f.Path, size: f.Size, kind: f.Kind}, nil)
	for i := range probs {
		probs[i] = format.SafeProblem(probs[i])
	}
	return arts, probs
}
