package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/format"
)

// metaCache reads each directory's meta.yaml once, however many files of
// the directory the workers load at the same time.
type metaCache struct {
	mu   sync.Mutex
	dirs map[string]*dirMeta
}

type dirMeta struct {
	once  sync.Once
	recs  map[string]*format.Meta
	probs []article.Problem
}

// metaFor returns the record of the meta.yaml beside file for that file
// (nil when there is none). The problems of a meta.yaml are returned to
// the first caller of its directory only, so that they are reported once.
func (l *loader) metaFor(file string) (*format.Meta, []article.Problem) {
	dir, mpath := l.dir(file), ""
	if l.fsys != nil {
		mpath = path.Join(dir, format.MetaFile)
	} else {
		mpath = filepath.Join(dir, format.MetaFile)
	}
	l.metas.mu.Lock()
	d := l.metas.dirs[dir]
	if d == nil {
		d = &dirMeta{}
		l.metas.dirs[dir] = d
	}
	l.metas.mu.Unlock()
	var probs []article.Problem
	d.once.Do(func() {
		d.recs, d.probs = l.readMeta(mpath)
		probs = d.probs
	})
	return d.recs[l.base(file)], probs
}

// readMeta reads and parses one meta.yaml; a missing file is no problem.
func (l *loader) readMeta(mpath string) (map[string]*format.Meta, []article.Problem) {
	info, err := l.stat(mpath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []article.Problem{{Path: mpath, Err: osErr(err)}}
	}
	if info.Size() > l.opt.MaxFileSize {
		return nil, []article.Problem{format.TooLarge(mpath, info.Size(), l.opt.MaxFileSize)}
	}
	data, err := l.readFile(mpath, l.opt.MaxFileSize)
	if err != nil {
		return nil, []article.Problem{{Path: mpath, Err: osErr(err)}}
	}
	recs, probs := format.ParseMeta(mpath, data)
	// A misspelt file name would leave its metadata silently unused.
	for name, rec := range recs {
		var err error
		if l.fsys != nil {
			_, err = l.stat(path.Join(path.Dir(mpath), name))
		} else {
			_, err = l.stat(filepath.Join(filepath.Dir(mpath), name))
		}
		if errors.Is(err, fs.ErrNotExist) {
			probs = append(probs, article.Problem{Path: mpath, Line: rec.Line, Warning: true,
				Err: fmt.Errorf("%w: no file %s beside it; record unused", article.ErrMeta, name)})
		}
	}
	return recs, probs
}

// stat describes a file of the load's file system.
func (l *loader) stat(p string) (fs.FileInfo, error) {
	if l.fsys != nil {
		return fs.Stat(l.fsys, p)
	}
	return os.Stat(p)
}

// dir is the directory of a file's path (see base).
func (l *loader) dir(p string) string {
	if l.fsys != nil {
		return path.Dir(p)
	}
	return filepath.Dir(p)
}
