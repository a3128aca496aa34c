package load

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/format"
)

// loadFile reads and parses one file. It never panics: a panic in a parser
// becomes a Problem, so that one hostile file cannot take the load down.
//
// emit, when not nil, lets a large JSON Lines file hand over its records in
// file order as they are parsed, with the bytes they came from; what it
// returns then is only what is left.
func (l *loader) loadFile(ctx context.Context, j fileJob, emit func([]*article.Article, []article.Problem, int64)) (arts []*article.Article, probs []article.Problem) {
	defer func() {
		if r := recover(); r != nil {
			arts = nil
			probs = append(probs, article.Problem{Path: j.path, Err: fmt.Errorf("internal error while reading: %v", r)})
		}
	}()
	maxSize := l.opt.MaxFileSize
	f := format.File{Kind: j.kind, Path: j.path, Workers: l.opt.Workers}
	if j.kind == format.JSONLines {
		// Read record by record: the limit is each record's, not the
		// file's. A large file is streamed, never in memory whole.
		f.MaxRecord = maxSize
		if j.size >= format.StreamMin {
			return l.streamFile(ctx, f, emit)
		}
		maxSize = format.StreamMin
	}
	if j.size > maxSize {
		return nil, []article.Problem{format.TooLarge(j.path, j.size, maxSize)}
	}
	if j.kind == format.Text {
		f.Meta = func() (*format.Meta, []article.Problem) { return l.metaFor(j.path) }
	}
	data, err := l.readFile(j.path, maxSize)
	if err != nil {
		return nil, []article.Problem{{Path: j.path, Err: osErr(err)}}
	}
	if int64(len(data)) > maxSize {
		if j.kind == format.JSONLines { // it grew since the walk: stream it
			return l.streamFile(ctx, f, emit)
		}
		return nil, []article.Problem{format.TooLarge(j.path, int64(len(data)), maxSize)}
	}
	return format.Parse(ctx, f, data)
}

// streamFile loads a large JSON Lines file with format.Stream, which parses
// it on the workers while it is read (one worker at least).
func (l *loader) streamFile(ctx context.Context, f format.File, emit func([]*article.Article, []article.Problem, int64)) ([]*article.Article, []article.Problem) {
	file, err := l.open(f.Path)
	if err != nil {
		return nil, []article.Problem{{Path: f.Path, Err: osErr(err)}}
	}
	defer file.Close()
	arts, probs, err := format.Stream(ctx, f, file, emit)
	if err != nil {
		return nil, []article.Problem{{Path: f.Path, Err: osErr(err)}}
	}
	return arts, probs
}

// open opens a file of the load's file system.
func (l *loader) open(p string) (fs.File, error) {
	if l.fsys != nil {
		return l.fsys.Open(p)
	}
	return os.Open(p)
}

// readFile reads at most maxSize+1 bytes of a file, so that a file that
// grew past the limit after the walk is still caught without reading it
// all.
func (l *loader) readFile(p string, maxSize int64) ([]byte, error) {
	f, err := l.open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Like os.ReadFile: one buffer of the file's size (plus one byte to see
	// the end), grown only if the file grew since it was measured.
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		size = min(fi.Size(), maxSize)
	}
	buf := make([]byte, 0, size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) || int64(len(buf)) > maxSize {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
	}
}

// base is the last element of a file's path: slash-separated in an fs.FS,
// the operating system's form otherwise.
func (l *loader) base(p string) string {
	if l.fsys != nil {
		return path.Base(p)
	}
	return filepath.Base(p)
}
