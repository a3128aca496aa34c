package tui

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/search"
)

// The library as the TUI's source: when Options.Library opens a library
// that holds articles, the TUI lists the library's rows a window at a time
// (libpage.go), reads an article's body only when it is opened, compared
// or grouped, and keeps marks, read and unread, the position in each
// article and the sort order there. The headers of every article (title,
// outlet, author, date, words: no bodies) are in memory too (about 200
// bytes each), for the title search and the stories; the bodies never all
// at once: grouping reads them in its job and lets them go.

// Library is what the TUI asks of the library (corpus/library's
// *Library is one). Every method is called from a background command or
// the state writer, never from Update.
type Library interface {
	Count(ctx context.Context) (int, error)
	EachHeader(ctx context.Context, after int64, fn func([]libdb.Header) error) error
	Get(ctx context.Context, id string) (*libdb.Record, error)
	Search(ctx context.Context, query string, opt libdb.SearchOptions) (libdb.SearchResult, error)
	Marked(ctx context.Context) ([]string, error)
	ReadIDs(ctx context.Context) ([]string, error)
	ArticleState(ctx context.Context, id string) (libdb.ArticleState, error)
	SetMarked(ctx context.Context, marked bool, ids ...string) error
	ClearMarks(ctx context.Context) error
	SetRead(ctx context.Context, read bool, ids ...string) error
	SetPosition(ctx context.Context, id string, p libdb.Position) error
	SavedSort(ctx context.Context) (libdb.Sort, error)
	SetSort(ctx context.Context, s libdb.Sort) error
	// The list's pages (libpage.go).
	Page(ctx context.Context, s libdb.Sort, after libdb.Key, n int) ([]libdb.Row, error)
	PageBefore(ctx context.Context, s libdb.Sort, before libdb.Key, n int) ([]libdb.Row, error)
	PageAt(ctx context.Context, s libdb.Sort, pos, n int) ([]libdb.Row, error)
	KeyOf(ctx context.Context, s libdb.Sort, id string) (libdb.Key, error)
	Position(ctx context.Context, s libdb.Sort, k libdb.Key) (int, error)
}

// AddProgress is how far an add (the "a" key) has got.
type AddProgress struct {
	Done, Total, Failed, Added int
}

// AddResult is what an add did: the articles stored (with their library
// ids), the ids of stored articles the references turned out to be
// copies of, and one problem per reference that failed (Path the
// reference, Err the reason).
type AddResult struct {
	Articles   []*corpus.Article
	Duplicates []string
	Failures   []corpus.Problem
	// Err stopped the add (the library failed, or it was cancelled).
	Err error
}

// shell is an article of the library list without its body: what a header
// holds. The body is read (Library.Get) when it is needed.
func shell(h *libdb.Header) *corpus.Article {
	return &corpus.Article{ID: h.ID, Title: h.Title, TitleDerived: h.TitleDerived, Outlet: h.Outlet, Author: h.Author,
		Date: h.Date(), Words: int(h.Words), CopyOf: h.CopyOf}
}

// headerLoader lists the library's articles as batches of shells, for the
// load job (the same path files take, so the list fills as they come).
func headerLoader(lib Library) func(ctx context.Context) <-chan corpus.Batch {
	return func(ctx context.Context) <-chan corpus.Batch {
		ch := make(chan corpus.Batch)
		go func() {
			defer close(ch)
			total, err := lib.Count(ctx)
			done := 0
			if err == nil {
				err = lib.EachHeader(ctx, 0, func(hs []libdb.Header) error {
					arts := make([]*corpus.Article, len(hs))
					for i := range hs {
						arts[i] = shell(&hs[i])
					}
					done += len(arts)
					select {
					case ch <- corpus.Batch{Articles: arts, FilesDone: done, FilesTotal: max(total, done)}:
						return nil
					case <-ctx.Done():
						return ctx.Err()
					}
				})
			}
			if err != nil && ctx.Err() == nil {
				select {
				case ch <- corpus.Batch{Problems: []corpus.Problem{{Path: "library", Err: err}}}:
				case <-ctx.Done():
				}
			}
		}()
		return ch
	}
}

// needsBody reports whether a is a shell of the library list, whose body
// must be read before it is shown.
func (s *shared) needsBody(a *corpus.Article) bool {
	return s.lib != nil && a != nil && len(a.Body) == 0 && a.Words > 0
}

// bodyCacheSize is how many whole articles the TUI keeps after reading
// them, so that going back and forth between a few does not read them
// again (and a comparison of the same ones is not aligned again).
const bodyCacheSize = 16

// bodyCache keeps the last articles read whole, by id. Jobs read it, the
// root fills it.
type bodyCache struct {
	mu    sync.Mutex
	byID  map[string]*corpus.Article
	order []string
}

// get returns the cached article with id, or nil.
func (c *bodyCache) get(id string) *corpus.Article {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byID[id]
}

// put remembers a, forgetting the oldest beyond bodyCacheSize.
func (c *bodyCache) put(a *corpus.Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byID == nil {
		c.byID = map[string]*corpus.Article{}
	}
	if _, ok := c.byID[a.ID]; !ok {
		c.order = append(c.order, a.ID)
	}
	c.byID[a.ID] = a
	for len(c.order) > bodyCacheSize {
		delete(c.byID, c.order[0])
		c.order = c.order[1:]
	}
}

// idIndex finds the list's article by id, for answers of the library
// that name articles by id (word search). The root adds, jobs look up.
type idIndex struct {
	mu   sync.RWMutex
	byID map[string]*corpus.Article
}

func (x *idIndex) add(arts []*corpus.Article) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.byID == nil {
		x.byID = make(map[string]*corpus.Article, len(arts))
	}
	for _, a := range arts {
		x.byID[a.ID] = a
	}
}

func (x *idIndex) get(id string) *corpus.Article {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.byID[id]
}

// readBodies reads the whole articles of arts from lib, in order: shells
// are read, whole articles returned as they are. The article keeps the
// shell's id, so that marks and the list still find it.
func readBodies(ctx context.Context, lib Library, arts []*corpus.Article, cached func(string) *corpus.Article) ([]*corpus.Article, error) {
	out := make([]*corpus.Article, len(arts))
	for i, a := range arts {
		if len(a.Body) > 0 {
			out[i] = a
			continue
		}
		if c := cached(a.ID); c != nil {
			out[i] = c
			continue
		}
		rec, err := lib.Get(ctx, a.ID)
		if err != nil {
			if errors.Is(err, libdb.ErrNotFound) {
				return nil, fmt.Errorf("%q is no longer in the library", a.ID)
			}
			return nil, err
		}
		out[i] = rec.Article
	}
	return out, nil
}

// The most hits a library's word search shows (f), and the most of the
// "/" list's text tier (¶) over a library: each is read whole, 0.4 ms an
// article at a million, and "/" reads them at every keystroke.
const (
	libraryWordLimit = 100
	libraryTextLimit = 25
)

// libraryWordHits runs a word query over the library's index (FTS5) and
// gives each hit its snippet: the bodies of the hits (at most limit) are
// read and searched in a small index of their own, so that snippets and
// highlights are exactly the in-memory search's. With prefix, the last
// word also matches longer words it begins (word search while typing);
// without, words match whole (the text tier of "/", as Index.Words).
// byID finds the list's article for an id, if it holds one (articles added
// while the list is Load's); the hits point at it, else at a shell of the
// hit's row.
func libraryWordHits(ctx context.Context, lib Library, q string, limit int, prefix bool, byID func(string) *corpus.Article, cached func(string) *corpus.Article) ([]*wordHit, error) {
	res, err := lib.Search(ctx, q, libdb.SearchOptions{Limit: limit, Prefix: prefix})
	if err != nil || len(res.Hits) == 0 {
		return nil, err
	}
	shells := make([]*corpus.Article, len(res.Hits))
	for i := range res.Hits {
		if shells[i] = byID(res.Hits[i].ID); shells[i] == nil {
			shells[i] = rowArticle(&res.Hits[i].Row) // the library's list holds no index by id
		}
	}
	full, err := readBodies(ctx, lib, shells, cached)
	if err != nil {
		return nil, err
	}
	words := search.New(full).Words
	if prefix {
		words = search.New(full).WordsPrefix
	}
	found := map[string]search.WordHit{}
	for _, h := range words(q) {
		found[h.Article.ID] = h
	}
	terms := queryTerms(q)
	out := make([]*wordHit, 0, len(shells))
	for _, a := range shells { // the library's ranking, over the whole library
		if h, ok := found[a.ID]; ok {
			out = append(out, &wordHit{article: a, hit: h, terms: terms, para: -1})
		}
	}
	return out, nil
}
