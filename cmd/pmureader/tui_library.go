package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/sources"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/storystore"
	"github.com/pmureader/pmureader/tui"
)

// withLibrary gives the reader what it needs of the library and the world
// outside: the library itself when it is to be listed (no paths given),
// adding ("a"), the browser ("o") and writing reports ("e"). The TUI
// calls each from a background command; nothing here runs before the
// first frame.
func (a *app) withLibrary(opt tui.Options, listLibrary bool) tui.Options {
	h, err := a.handle()
	if err == nil {
		if listLibrary {
			opt.Library = func(ctx context.Context) (tui.Library, error) {
				if !h.exists() {
					return nil, nil // no library yet: the seeds, as on the first run
				}
				lib, err := h.open(ctx)
				if err != nil {
					return nil, err
				}
				a.limitMemory(ctx, lib)
				return lib, nil
			}
			opt.GroupLibrary = groupLibrary(h)
		}
		opt.Add = a.tuiAdd(h)
	}
	opt.OpenURL = browserOpener(a.getenv)
	opt.Export = a.writeReport
	return opt
}

// limitMemory sets the soft memory limit for the reader listing lib (see
// tui.MemoryLimit), when it is large and GOMEMLIMIT sets none.
func (a *app) limitMemory(ctx context.Context, lib *library.Library) {
	n, err := lib.Count(ctx)
	if err != nil {
		return
	}
	if limit, ok := readerMemoryLimit(n, a.getenv("GOMEMLIMIT")); ok {
		debug.SetMemoryLimit(limit)
	}
}

// largeForMemory is the size of library from which the reader sets a
// memory limit: below, what it keeps is small, garbage and all.
const largeForMemory = 100_000

// readerMemoryLimit is the memory limit for the reader listing n
// articles, GOMEMLIMIT being gomemlimit; ok is false when none is to be
// set.
func readerMemoryLimit(n int, gomemlimit string) (limit int64, ok bool) {
	if gomemlimit != "" || n < largeForMemory {
		return 0, false
	}
	return tui.MemoryLimit(n), true
}

// groupLibrary is the reader's stories of the library: those it keeps,
// with what is new grouped first (storystore.Current). One grouping runs
// at a time: the reader cancels an older one when it starts a newer, and
// the newer waits until the older has stopped, so that two never count
// the same new articles.
func groupLibrary(h *libHandle) func(context.Context, *entities.Aliases, func(string) (*corpus.Article, bool), func(int, int)) ([]stories.Story, error) {
	var one sync.Mutex
	return func(ctx context.Context, al *entities.Aliases, article func(string) (*corpus.Article, bool), progress func(int, int)) ([]stories.Story, error) {
		one.Lock()
		defer one.Unlock()
		lib, err := h.open(ctx)
		if err != nil {
			return nil, err
		}
		found, _, err := storystore.Current(ctx, lib, storystore.Options{Aliases: al, Progress: progress}, article)
		if err != nil {
			return nil, fmt.Errorf("group the library's stories: %w", err)
		}
		return found, nil
	}
}

// tuiAdd is the reader's "a": sources.Add into the library (created if
// need be), its report turned into what the TUI shows.
func (a *app) tuiAdd(h *libHandle) func(context.Context, []string, func(tui.AddProgress)) tui.AddResult {
	return func(ctx context.Context, refs []string, progress func(tui.AddProgress)) tui.AddResult {
		lib, err := h.open(ctx)
		if err != nil {
			return tui.AddResult{Err: err}
		}
		src := sources.New(lib, sources.Options{MaxFileSize: int64(a.maxSize), Client: a.fetchClient()})
		rep, err := src.Add(ctx, refs, func(p sources.Progress) {
			progress(tui.AddProgress{Done: p.Done, Total: p.Total, Failed: p.Failed, Added: p.Added})
		})
		res := tui.AddResult{Err: err}
		for _, ad := range rep.Added {
			res.Articles = append(res.Articles, ad.Article)
		}
		for _, d := range rep.Duplicates {
			res.Duplicates = append(res.Duplicates, d.Existing)
		}
		for _, f := range rep.Failures {
			res.Failures = append(res.Failures, corpus.Problem{Path: sources.SafeRef(f.Ref), Err: errors.New(f.Reason())})
		}
		return res
	}
}

// browserOpener opens an http(s) address in the user's browser: $BROWSER
// when set (a command, the address added as its last argument), else the
// system's opener (xdg-open, open, or the Windows shell's). Its output is
// discarded, so that it cannot write over the reader's screen, and it is
// not waited for.
func browserOpener(getenv func(string) string) func(string) error {
	return func(addr string) error {
		u, err := url.Parse(addr)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return errors.New("only http and https addresses are opened")
		}
		var cmd *exec.Cmd
		switch b := strings.Fields(getenv("BROWSER")); {
		case len(b) > 0:
			cmd = exec.Command(b[0], append(b[1:], addr)...)
		case runtime.GOOS == "darwin":
			cmd = exec.Command("open", addr)
		case runtime.GOOS == "windows":
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", addr)
		default:
			cmd = exec.Command("xdg-open", addr)
		}
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("starting %s: %w", filepath.Base(cmd.Path), errors.Unwrap(err))
		}
		go func() { _ = cmd.Wait() }()
		return nil
	}
}

// writeReport is the reader's "e": data written to a new file named name
// (or name-2, name-3… when it is taken) in --export-dir or the current
// folder, never over another file: it is written to a temporary file
// first, then linked under its name, which fails rather than replace.
// It returns the file's path.
func (a *app) writeReport(name string, data []byte) (string, error) {
	dir := a.lib.exportDir
	if dir == "" {
		dir = "."
	}
	name = filepath.Base(name)
	f, err := os.CreateTemp(dir, "."+name+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("write report: %w", err)
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("write report: %w", err)
	}
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i <= 999; i++ {
		cand := name
		if i > 1 {
			cand = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		path := filepath.Join(dir, cand)
		err := os.Link(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil { // no hard links here: check, then rename
			if _, serr := os.Lstat(path); serr == nil {
				continue
			}
			if err = os.Rename(tmp, path); err != nil {
				return "", fmt.Errorf("write report: %w", err)
			}
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return path, nil
	}
	return "", fmt.Errorf("write report: %s and 998 numbered names are taken in %s", name, dir)
}
