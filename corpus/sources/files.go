package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/feed"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// addFiles reads files and folders: a saved page (.html, .htm) through
// the page extractor, an OPML list (.opml) for its feeds, and everything
// else through corpus.Load, as `pmureader PATH` reads it. The articles
// are queued and stored.
func (r *run) addFiles(ctx context.Context, files []string) error {
	var load []string
	var pages []*pageJob
	for _, f := range files {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".html", ".htm":
			data, err := r.readFile(f)
			if err != nil {
				r.fail(f, err)
			} else {
				pages = append(pages, &pageJob{from: f, base: f, data: data, fetched: false, file: true})
			}
			r.tick(f)
		case ".opml":
			r.addOPMLFile(f)
			r.tick(f)
		default:
			load = append(load, f)
		}
	}
	r.extract(pages)
	if len(load) > 0 {
		r.loadFiles(ctx, load)
	}
	r.store(ctx)
	if r.err == nil {
		r.err = ctx.Err()
	}
	return r.err
}

// readFile reads a file of at most MaxFileSize bytes.
func (r *run) readFile(path string) ([]byte, error) {
	limit := r.s.opt.MaxFileSize
	if limit <= 0 {
		limit = corpus.DefaultMaxFileSize
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, plainFileError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, plainFileError(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over the %d MB limit; not read", corpus.ErrTooLarge, limit>>20)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, corpus.ErrEmptyFile
	}
	return data, nil
}

// plainFileError is err without the path the os package puts in it (the
// failure names the file already).
func plainFileError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// addOPMLFile queues the feeds of an OPML file.
func (r *run) addOPMLFile(path string) {
	data, err := r.readFile(path)
	if err != nil {
		r.fail(path, err)
		return
	}
	o, err := feed.ParseOPML(data, "", "")
	if err != nil {
		r.fail(path, err)
		return
	}
	r.takeSubscriptions(path, o)
}

// loadFiles reads article files and folders with corpus.Load and queues
// their articles; a file or record that does not load is a failure, a
// repair a problem.
func (r *run) loadFiles(ctx context.Context, paths []string) {
	c, err := corpus.Load(ctx, paths, corpus.Options{MaxFileSize: r.s.opt.MaxFileSize})
	if c != nil {
		for _, p := range c.Problems {
			if p.Warning {
				r.report.Problems = append(r.report.Problems, p)
				continue
			}
			ref := p.Path
			if p.Line > 0 {
				ref = fmt.Sprintf("%s:%d", p.Path, p.Line)
			}
			r.fail(ref, p.Err)
		}
		for _, a := range c.Articles {
			r.queue = append(r.queue, queued{entry: library.Entry{Article: a}, from: a.Source.File})
		}
	}
	if err != nil && !errors.Is(err, corpus.ErrNothingLoaded) && ctx.Err() == nil {
		r.fail(strings.Join(paths, ", "), err)
	}
	for _, p := range paths {
		r.tick(p)
	}
}

// fileID is the id of an article read from a saved page: the file's
// name without its extension, as for other article files.
func fileID(path string) string {
	return textnorm.Line(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
}
