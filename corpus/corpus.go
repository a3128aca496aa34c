package corpus

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/internal/format"
	"github.com/pmureader/pmureader/corpus/internal/load"
)

// DefaultMaxFileSize is the largest input file read unless Options says
// otherwise: 20 MB. Larger files are reported and skipped. For JSON Lines,
// which is read record by record, it is the largest record instead.
const DefaultMaxFileSize = load.DefaultMaxFileSize

// ErrNothingLoaded is returned (wrapped) by Load when not one article could
// be loaded from the given paths.
var ErrNothingLoaded = errors.New("no articles loaded")

// Corpus is a loaded set of articles, in a stable order (by source file, then
// position in the file), with what went wrong along the way.
type Corpus struct {
	Articles []*Article
	Problems []Problem
	byID     map[string]*Article
}

// New builds a corpus from articles already loaded, in the order given. It
// is what Load uses, and what tests and the TUI's incremental loading use.
func New(articles []*Article, problems []Problem) *Corpus {
	c := &Corpus{Articles: articles, Problems: problems, byID: make(map[string]*Article, len(articles))}
	for _, a := range articles {
		c.byID[a.ID] = a
	}
	return c
}

// ByID returns the article with exactly this id.
func (c *Corpus) ByID(id string) (*Article, bool) {
	a, ok := c.byID[id]
	return a, ok
}

// Find resolves what a user typed to one article: an exact id, or else a
// prefix of exactly one id (like git's short hashes: "003" finds
// "003_a3f0896ac364095c"). The error says whether nothing or several matched.
func (c *Corpus) Find(ref string) (*Article, error) {
	if a, ok := c.byID[ref]; ok {
		return a, nil
	}
	var hits []string
	for _, a := range c.Articles {
		if strings.HasPrefix(a.ID, ref) {
			hits = append(hits, a.ID)
		}
	}
	switch len(hits) {
	case 0:
		return nil, fmt.Errorf("no article has id %q", ref)
	case 1:
		return c.byID[hits[0]], nil
	default:
		sort.Strings(hits)
		if len(hits) > 5 {
			hits = append(hits[:5], "…")
		}
		return nil, fmt.Errorf("id %q is ambiguous: %s", ref, strings.Join(hits, ", "))
	}
}

// Fatal returns the problems that kept a file or record from loading,
// leaving out warnings about repairs.
func (c *Corpus) Fatal() []Problem {
	var out []Problem
	for _, p := range c.Problems {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// Batch is one step of a streaming load (see Stream): the articles and
// problems found since the previous batch, and how far the load has got.
type Batch struct {
	Articles   []*Article
	Problems   []Problem
	FilesDone  int
	FilesTotal int // may grow while directories are still being walked
	BytesDone  int64
	BytesTotal int64
}

// Options tunes loading.
type Options struct {
	// MaxFileSize is the largest file read, in bytes; 0 means
	// DefaultMaxFileSize. A JSON Lines file is read record by record, so
	// for it this is the largest record (ErrRecordTooLarge), and the file
	// may be of any size.
	MaxFileSize int64
	// Workers is how many files are parsed at once; 0 means GOMAXPROCS.
	Workers int
	// KeepDuplicates keeps every article, exact duplicates included, and
	// marks no copies (ids are still checked): for a caller that applies
	// corpus/dedupe's rule itself, as the library does against what it
	// has stored.
	KeepDuplicates bool
}

// DeriveTitle gives an article without a title one made from its body
// (the first sentence of its first paragraph, shortened at a word), or
// fallback (its id) when the body has no text, and marks it TitleDerived:
// views show such a title marked and alignment leaves it out, since the
// passage it was made from is in the body already. An article that has a
// title is left as it is. Every format uses this one rule; sources of
// articles outside this package (corpus/essource) call it too.
func DeriveTitle(a *Article, fallback string) { clean.DeriveTitle(a, fallback) }

// ArticleFromHTML reads one web page into an article by the rule that
// reads an .html file (corpus/webpage's extraction mapped by
// corpus/internal/format), so that a page fetched by corpus/sources and
// the same page saved and loaded are one article. from is the page's
// http(s) address or a file's path; contentType the Content-Type it was
// served with ("" for a file). A page read from an address has no id (the
// library gives it one) and, naming no canonical address, takes from as
// its URL; its spans cite the address. The error is what keeps the page
// from being an article (empty, binary, no readable text:
// webpage.ErrNoText); the problems are repairs worth reporting.
func ArticleFromHTML(data []byte, from, contentType string) (*Article, []Problem, error) {
	return format.ParsePage(data, from, contentType)
}
