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
	lib, err := a.largeLibrary(ctx)
	if lib == nil || err != nil {
		return doc, err != nil, err
	}
	words, scores, err := a.libraryWordHits(ctx, lib, query, limit)
	if err != nil {
		return doc, true, err
	}
	doc = searchJSON{SchemaVersion: schemaVersion, Query: query, Mode: "words", Results: []hitJSON{}, Problems: []problemJSON{}}
	for k, w := range words {
		hit := wordHitJSON(w, a.snippetWidth())
		hit.Score = scores[k]
		doc.Results = append(doc.Results, hit)
	}
	return doc, true, nil
}

// searchLibraryTitles is search --title over a library too large to read
// whole: the fuzzy search runs over the headers (with the kept stories'
// names), the text tier comes from the library's full-text index, and
// only the articles it finds are read. ok is as searchLibrary's.
func (a *app) searchLibraryTitles(ctx context.Context, query string, limit int) (doc searchJSON, ok bool, err error) {
	lib, err := a.largeLibrary(ctx)
	if lib == nil || err != nil {
		return doc, err != nil, err
	}
	c, err := a.loadHeaders(ctx, nil)
	if err != nil {
		return doc, true, err
	}
	names, err := a.groupNames(ctx, c, false)
	if err != nil {
		return doc, true, err
	}
	words, _, err := a.libraryWordHits(ctx, lib, query, limit)
	if err != nil {
		return doc, true, err
	}
	hits := search.NewWithOptions(c.Articles, search.Options{Story: names.storyName}).Titles(query)
	return titleSearchDoc(query, search.Tiers(query, hits, words), a.snippetWidth(), limit, c.Problems), true, nil
}

// largeLibrary is the library when it is too large to read whole (more
// than smallLibrary articles), else nil.
func (a *app) largeLibrary(ctx context.Context) (*library.Library, error) {
	lib, err := a.existingLibrary(ctx)
	if lib == nil || err != nil {
		return nil, err
	}
	n, err := lib.Count(ctx)
	if err != nil {
		return nil, failed(err)
	}
	if n <= a.lib.smallLibrary {
		return nil, nil
	}
	return lib, nil
}

// libraryWordHits finds query's words through the library's full-text
// index (at most limit articles, maxLibraryHits when 0, saying so on
// stderr when more match), reads the articles found, and returns their
// word hits in the index's order, with the index's scores.
func (a *app) libraryWordHits(ctx context.Context, lib *library.Library, query string, limit int) ([]search.WordHit, []float64, error) {
	most := limit
	if most <= 0 {
		most = maxLibraryHits
	}
	res, err := lib.Search(ctx, query, library.SearchOptions{Limit: most})
	if err != nil {
		return nil, nil, failed(err)
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
			return nil, nil, failed(err)
		}
		arts = append(arts, rec.Article)
	}
	found := map[string]search.WordHit{}
	for _, w := range search.NewWithOptions(arts, search.Options{}).Words(query) {
		found[w.Article.ID] = w
	}
	var (
		words  []search.WordHit
		scores []float64
	)
	for _, h := range res.Hits {
		if w, ok := found[h.ID]; ok { // else matched by the index but not by the in-memory search: never seen, but not shown wrong
			words, scores = append(words, w), append(scores, h.Score)
		}
	}
	return words, scores, nil
}
