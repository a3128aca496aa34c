package load

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/format"
)

// walker finds the files to read and hands them to the workers.
type walker struct {
	ctx   context.Context
	send  func(Event) bool
	jobs  chan<- fileJob
	files map[string]bool // real paths of files already queued
	dirs  map[string]int  // real paths of directories walked -> article files found
}

func (w *walker) problem(p article.Problem) { w.send(Event{Problems: []article.Problem{p}}) }

func (w *walker) submit(j fileJob) {
	if !w.send(Event{Found: 1, FoundBytes: j.size}) {
		return
	}
	select {
	case w.jobs <- j:
	case <-w.ctx.Done():
	}
}

// walkOS resolves the paths given to Load.
func (w *walker) walkOS(paths []string) {
	for _, p := range paths {
		if w.ctx.Err() != nil {
			return
		}
		fi, err := os.Stat(p)
		if err != nil {
			w.problem(article.Problem{Path: p, Err: osErr(err)})
			continue
		}
		real, err := realPath(p)
		if err != nil {
			w.problem(article.Problem{Path: p, Err: osErr(err)})
			continue
		}
		if fi.IsDir() {
			if n := w.walkDir(p, real, map[string]string{}); n == 0 && w.ctx.Err() == nil {
				w.problem(article.Problem{Path: p, Err: fmt.Errorf("%w (nothing ending in %s)", ErrEmptyDir, format.Extensions)})
			}
			continue
		}
		kind, ok := format.KindOf(p)
		switch {
		case filepath.Base(p) == format.MetaFile:
			w.problem(article.Problem{Path: p, Err: fmt.Errorf("%w: %s holds metadata for the .txt files beside it; give their directory or the files", article.ErrUnsupported, format.MetaFile)})
			continue
		case !ok:
			w.problem(article.Problem{Path: p, Err: fmt.Errorf("%w %q (want %s)", article.ErrUnsupported, filepath.Ext(p), format.Extensions)})
			continue
		case !fi.Mode().IsRegular():
			w.problem(article.Problem{Path: p, Err: errors.New("not a regular file")})
			continue
		}
		if w.files[real] {
			continue // the same file named twice
		}
		w.files[real] = true
		w.submit(fileJob{path: p, size: fi.Size(), kind: kind})
	}
}

// walkDir walks the directory shown as dir, whose real path is real,
// following symlinks. stack maps the real paths of the directories being
// walked to how they are shown, to catch a link back to one of them. It
// returns how many article files the directory holds.
func (w *walker) walkDir(dir, real string, stack map[string]string) int {
	if n, ok := w.dirs[real]; ok {
		return n // reached again by another link: already walked
	}
	w.dirs[real] = 0
	stack[real] = dir
	defer delete(stack, real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.problem(article.Problem{Path: dir, Err: osErr(err)})
	}
	n := 0
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return n
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden: .git and the like
		}
		p := filepath.Join(dir, name)
		rp := filepath.Join(real, name)
		var info fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				w.problem(article.Problem{Path: p, Err: osErr(err)})
				continue
			}
			if rp, err = realPath(p); err != nil {
				w.problem(article.Problem{Path: p, Err: osErr(err)})
				continue
			}
			info = fi
		} else if e.IsDir() {
			info = nil
		} else if info, err = e.Info(); err != nil {
			w.problem(article.Problem{Path: p, Err: osErr(err)})
			continue
		}
		if e.IsDir() || (info != nil && info.IsDir()) {
			if anc, ok := stack[rp]; ok {
				w.problem(article.Problem{Path: p, Err: fmt.Errorf("%w: %s leads back to %s; not followed", article.ErrSymlinkLoop, p, anc)})
				continue
			}
			n += w.walkDir(p, rp, stack)
			continue
		}
		kind, ok := format.KindOf(name)
		if !ok || name == format.MetaFile || !info.Mode().IsRegular() {
			continue
		}
		n++
		if w.files[rp] {
			continue
		}
		w.files[rp] = true
		w.submit(fileJob{path: p, size: info.Size(), kind: kind})
	}
	w.dirs[real] = n
	return n
}

// walkFS walks a whole fs.FS (which has no symlinks to follow).
func (w *walker) walkFS(fsys fs.FS) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if w.ctx.Err() != nil {
			return fs.SkipAll
		}
		if err != nil {
			w.problem(article.Problem{Path: p, Err: osErr(err)})
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		kind, ok := format.KindOf(p)
		if !ok || d.Name() == format.MetaFile || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			w.problem(article.Problem{Path: p, Err: osErr(err)})
			return nil
		}
		w.submit(fileJob{path: p, size: info.Size(), kind: kind})
		return nil
	})
	if err != nil {
		w.problem(article.Problem{Path: ".", Err: osErr(err)})
	}
}

// realPath is the absolute path of p with every symlink resolved: the
// identity of a file or directory, however it was reached.
func realPath(p string) (string, error) {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(r)
}

// osErr strips the path from an *fs.PathError (a Problem shows it already)
// and names a symlink loop as one.
func osErr(err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return fmt.Errorf("%w: too many levels of symbolic links", article.ErrSymlinkLoop)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) || errors.Is(pe.Err, fs.ErrPermission) {
			return pe.Err
		}
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
