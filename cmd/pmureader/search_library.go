package main

import (
	"context"
	"fmt"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/search"
)

// maxLibraryHits is the most results a word search of a large library
// prints when --limit does not say: each is an article read.
const maxLibraryHits = 1000

// searchLibrary is a word search of a library too large to read whole
// (see smallLibrary): the library's full-text index finds and ranks the
// hits (BM25, as the in-memory search ranks), and only the articles found
// are read, for their passages and snippets. ok is false when the library
// is missing, empty or small: the caller loads it and searches as for
// files.
func (a *app) searchLibrary(ctx context.Context, query string, limit int) (doc searchJSON, ok bool, err error) {
	lib, err := a.existingLibrary(ctx)
	if lib == nil || err != nil {
		return doc, false, err
	}
	n, err := lib.Count(ctx)
	if err != nil {
		return doc, false, failed(err)
	}
	if n <= a.lib.smallLibrary {
		return doc, false, nil
	}
	most := limit
	if most <= 0 {
		most = maxLibraryHits
	}
	res, err := lib.Search(ctx, query, library.SearchOptions{Limit: most})
	if err != nil {
		return doc, true, failed(err)
	}
	if res.More && limit <= 0 {
		fmt.Fprintf(a.stderr, "pmureader: more than %d articles match; the best %d are shown (--limit N to choose)\n", most, most)
	}
	if res.Capped {
		fmt.Fprintf(a.stderr, "pmureader: every word of %q is in so many articles that the newest matches are shown, unranked\n", query)
	}
	arts := make([]*corpus.Article, 0, len(res.Hits))
	for _, h := range res.Hits {
		rec, err := lib.Get(ctx, h.ID)
		if err != nil {
			return doc, true, failed(err)
		}
		arts = append(arts, rec.Article)
	}
	doc = searchJSON{SchemaVersion: schemaVersion, Query: query, Mode: "words", Results: []hitJSON{}, Problems: []problemJSON{}}
	found := map[string]search.WordHit{}
	for _, w := range search.NewWithOptions(arts, search.Options{}).Words(query) {
		found[w.Article.ID] = w
	}
	for _, h := range res.Hits {
		w, ok := found[h.ID]
		if !ok {
			continue // matched by the index but not by the in-memory search: never seen, but not shown wrong
		}
		hit := wordHitJSON(w, a.snippetWidth())
		hit.Score = h.Score
		doc.Results = append(doc.Results, hit)
	}
	return doc, true, nil
}
