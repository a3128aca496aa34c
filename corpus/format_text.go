package corpus

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// loadText reads a plain-text file: sanitised, split into lines, cleaned
// (which may find several articles in one file), then given the metadata of
// a meta.yaml beside it. The articles get the file's stem as id, the second
// and later ones "-2", "-3", ….
// file is the path to read meta.yaml beside; shown is how to show it.
func (l *loader) loadText(file, shown string, data []byte) ([]*Article, []Problem) {
	lines := strings.Split(textnorm.Sanitize(string(data)), "\n")
	arts := clean.Text(shown, lines)
	recs, probs := l.metaFor(file)
	rec := recs[filepath.Base(file)]
	if l.fsys != nil {
		rec = recs[pathBase(file)]
	}
	stem := fileStem(file)
	if len(arts) == 0 {
		return nil, append(probs, Problem{Path: shown, Err: fmt.Errorf("%w: cleaning found no article text", ErrNoArticles)})
	}
	for i, a := range arts {
		a.ID = numberedID(stem, i+1)
		if rec != nil {
			rec.apply(a)
			if i < len(rec.Parts) {
				rec.Parts[i].apply(a)
			}
		}
		if a.Title == "" {
			a.Title = untitled(a.Body, a.ID)
		}
	}
	if rec != nil && len(rec.Parts) > len(arts) {
		probs = append(probs, Problem{Path: rec.Path, Line: rec.Line, Warning: true,
			Err: fmt.Errorf("%w: the record for %s lists %s but the file holds %s", ErrMeta, rec.File,
				plural(len(rec.Parts), "part"), plural(len(arts), "article"))})
	}
	return arts, probs
}

// pathBase is the last element of a slash-separated fs.FS path.
func pathBase(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[i+1:]
	}
	return p
}
