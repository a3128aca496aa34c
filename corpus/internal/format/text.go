package format

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// parseText reads a plain-text file: sanitised, split into lines, cleaned
// (which may find several articles in one file), then given the metadata of
// a meta.yaml beside it (from meta, when not nil). The articles get the
// file's stem as id, the second and later ones "-2", "-3", ….
// file is the path as given; shown is how to show it.
func parseText(file, shown string, data []byte, meta func() (*Meta, []article.Problem)) ([]*article.Article, []article.Problem) {
	lines := strings.Split(textnorm.Sanitize(string(data)), "\n")
	arts := clean.Text(shown, lines)
	var rec *Meta
	var probs []article.Problem
	if meta != nil {
		rec, probs = meta()
	}
	stem := fileStem(file)
	if len(arts) == 0 {
		return nil, append(probs, article.Problem{Path: shown, Err: fmt.Errorf("%w: cleaning found no article text", article.ErrNoArticles)})
	}
	for i, a := range arts {
		a.ID = numberedID(stem, i+1)
		if rec != nil {
			rec.apply(a)
			if i < len(rec.Parts) {
				rec.Parts[i].apply(a)
			}
		}
		clean.DeriveTitle(a, a.ID)
		dateFromLine(a)
	}
	if rec != nil && len(rec.Parts) > len(arts) {
		probs = append(probs, article.Problem{Path: rec.Path, Line: rec.Line, Warning: true,
			Err: fmt.Errorf("%w: the record for %s lists %s but the file holds %s", article.ErrMeta, rec.File,
				plural(len(rec.Parts), "part"), plural(len(arts), "article"))})
	}
	return arts, probs
}
