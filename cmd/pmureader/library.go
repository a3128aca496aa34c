package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
)

// libOptions are the flags about the library, and the library itself once
// a command has opened it.
type libOptions struct {
	path      string        // --library; "" means PMUREADER_LIBRARY or the XDG default
	noState   bool          // --no-state
	exportDir string        // --export-dir, where the reader's "e" writes reports
	maxPage   byteSize      // --max-page-size of add and update, and of the reader's "a"
	busy      time.Duration // how long a write waits for another writer (import --wait); 0: the default
	maxSize   int64         // caps the database (library.Options.MaxSize); only tests set it
	// smallLibrary is the most articles show reads whole (see the
	// constant); tests lower it.
	smallLibrary int

	h *libHandle
}

// addLibraryFlags registers the library's flags: --library and --no-state
// on every command, --export-dir on the reader's.
func (a *app) addLibraryFlags(persistent, root *pflag.FlagSet) {
	a.lib.maxPage = byteSize(defaultMaxPage)
	persistent.StringVar(&a.lib.path, "library", "", "the library's database `FILE` (default $PMUREADER_LIBRARY, else $XDG_DATA_HOME/pmureader/library.db)")
	persistent.BoolVar(&a.lib.noState, "no-state", false, "neither read nor save the reader's state (marks, read, positions, sort order)")
	root.StringVar(&a.lib.exportDir, "export-dir", "", "`DIR` where the reader's e writes comparison reports (default: the current folder)")
	root.Var(&a.lib.maxPage, "max-page-size", "largest page or feed the reader's a downloads, e.g. 10MB")
}

// defaultMaxPage is the size cap of a downloaded page or feed.
const defaultMaxPage = 10 << 20

// libraryPath is the library's file: --library, else $PMUREADER_LIBRARY,
// else the XDG data folder.
func (a *app) libraryPath() (string, error) {
	if a.lib.path != "" {
		return a.lib.path, nil
	}
	p, err := library.DefaultPath(a.getenv)
	if err != nil {
		return "", fmt.Errorf("where is the library? %w (name it with --library FILE)", err)
	}
	return p, nil
}

// libHandle opens the library once, on first use, for every part of the
// run that needs it (a command, the reader's background jobs), and closes
// it at the end of the run.
type libHandle struct {
	path string
	opt  library.Options

	once sync.Once
	lib  *library.Library
	err  error
}

// handle returns the run's library handle, made on first use.
func (a *app) handle() (*libHandle, error) {
	if a.lib.h != nil {
		return a.lib.h, nil
	}
	p, err := a.libraryPath()
	if err != nil {
		return nil, err
	}
	a.lib.h = &libHandle{path: p, opt: library.Options{NoState: a.lib.noState, BusyTimeout: a.lib.busy, MaxSize: a.lib.maxSize}}
	return a.lib.h, nil
}

// open opens (and creates when missing) the library.
func (h *libHandle) open(ctx context.Context) (*library.Library, error) {
	h.once.Do(func() {
		h.lib, h.err = library.Open(ctx, h.path, h.opt)
	})
	return h.lib, h.err
}

// exists reports whether the library's file is there (reading commands do
// not create it).
func (h *libHandle) exists() bool {
	_, err := os.Stat(h.path)
	return err == nil
}

// closeLibrary closes the library if the run opened it. A failure to close
// (the write-ahead log not folded back) loses nothing, so it is a warning.
func (a *app) closeLibrary() {
	h := a.lib.h
	if h == nil || h.lib == nil {
		return
	}
	if err := h.lib.Close(); err != nil {
		fmt.Fprintf(a.stderr, "pmureader: warning: %v\n", err)
	}
}

// openLibrary opens the library for a command that writes it (add, rm…).
func (a *app) openLibrary(ctx context.Context) (*library.Library, error) {
	h, err := a.handle()
	if err != nil {
		return nil, failed(err)
	}
	lib, err := h.open(ctx)
	if err != nil {
		return nil, failed(err)
	}
	return lib, nil
}

// existingLibrary opens the library for reading when there is one,
// without creating it; nil when there is none.
func (a *app) existingLibrary(ctx context.Context) (*library.Library, error) {
	h, err := a.handle()
	if err != nil || !h.exists() {
		return nil, nil //nolint:nilerr // no usable path or no file: no library to read, the seeds are read instead
	}
	lib, err := h.open(ctx)
	if err != nil {
		return nil, failed(err)
	}
	return lib, nil
}

// libraryCorpus reads every article of the library for a command given no
// paths, or reports ok false when the library is missing or empty (then
// the seeds are read, so the first run is as before). With bodies false
// it reads only the articles' headers (id, title, outlet, author, date,
// word count), which is all the list table shows: a library of a million
// lists without reading one body.
func (a *app) libraryCorpus(ctx context.Context, bodies bool) (c *corpus.Corpus, ok bool, err error) {
	lib, err := a.existingLibrary(ctx)
	if lib == nil || err != nil {
		return nil, false, err
	}
	n, err := lib.Count(ctx)
	if err != nil || n == 0 {
		return nil, false, err
	}
	arts := make([]*corpus.Article, 0, n)
	err = lib.EachHeader(ctx, 0, func(hs []library.Header) error {
		for i := range hs {
			if !bodies {
				arts = append(arts, headerArticle(&hs[i]))
				continue
			}
			rec, err := lib.Get(ctx, hs[i].ID)
			if errors.Is(err, library.ErrNotFound) {
				continue // removed meanwhile
			}
			if err != nil {
				return err
			}
			arts = append(arts, rec.Article)
		}
		return nil
	})
	if err != nil {
		return nil, false, failed(err)
	}
	a.fromLibrary, a.headersOnly = lib, !bodies
	return corpus.New(arts, nil), true, nil
}

// wholeArticles returns arts with their bodies: read from the library
// when the corpus came from it as headers (loadHeaders), so that a command
// on a library of a million articles reads only the few it shows; as they
// are otherwise.
func (a *app) wholeArticles(ctx context.Context, arts []*corpus.Article) ([]*corpus.Article, error) {
	out := make([]*corpus.Article, len(arts))
	for i, art := range arts {
		whole, err := a.wholeArticle(ctx, art)
		if err != nil {
			return nil, err
		}
		out[i] = whole
	}
	return out, nil
}

// wholeArticle is wholeArticles for one article.
func (a *app) wholeArticle(ctx context.Context, art *corpus.Article) (*corpus.Article, error) {
	if !a.headersOnly || a.fromLibrary == nil {
		return art, nil
	}
	rec, err := a.fromLibrary.Get(ctx, art.ID)
	if errors.Is(err, library.ErrNotFound) {
		return nil, notFound(fmt.Errorf("article %s was removed from the library meanwhile: %w", art.ID, err))
	}
	if err != nil {
		return nil, failed(err)
	}
	return rec.Article, nil
}

// headerArticle is an article made of a header alone: no body.
func headerArticle(h *library.Header) *corpus.Article {
	return &corpus.Article{ID: h.ID, Title: h.Title, TitleDerived: h.TitleDerived, Outlet: h.Outlet, Author: h.Author,
		Date: h.Date(), Words: int(h.Words), CopyOf: h.CopyOf}
}

// smallLibrary is the most articles a library may hold for show to read it
// whole, to name the article's story by grouping them all as it does for
// files (about 5 s for 20,000); a larger library shows the one article
// read alone.
const smallLibrary = 20000

// libraryArticle reads the one article ref names from a library too large
// to read whole (see smallLibrary); ok is false when the library is
// missing, empty or small, and the caller loads it as it loads files.
func (a *app) libraryArticle(ctx context.Context, ref string) (art *corpus.Article, ok bool, err error) {
	lib, err := a.existingLibrary(ctx)
	if lib == nil || err != nil {
		return nil, false, err
	}
	n, err := lib.Count(ctx)
	if err != nil {
		return nil, false, failed(err)
	}
	if n <= a.lib.smallLibrary {
		return nil, false, nil
	}
	id, err := lib.Resolve(ctx, ref)
	if errors.Is(err, library.ErrNotFound) || errors.Is(err, library.ErrAmbiguous) {
		return nil, true, notFound(err)
	}
	if err != nil {
		return nil, true, failed(err)
	}
	rec, err := lib.Get(ctx, id)
	if errors.Is(err, library.ErrNotFound) {
		return nil, true, notFound(err)
	}
	if err != nil {
		return nil, true, failed(err)
	}
	return rec.Article, true, nil
}
