package main

import (
	"context"
	"fmt"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/essource"
	"github.com/pmureader/pmureader/corpus/library"
)

// importCounts is what an import from --source did.
type importCounts struct {
	read, added, duplicates int
}

// importSource copies the articles --source selects into the library
// (created if need be), one transaction a page (library.Add: a page is
// stored whole or not at all), prints what it did and returns the exit
// status as the reading commands do (esOutcome). A failure to store stops
// the read (exit 1); what earlier pages stored stays.
func (a *app) importSource(ctx context.Context) error {
	r := a.es.req
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return err
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		n        importCounts
		probs    []corpus.Problem
		storeErr error
	)
	progress := a.readProgressLine(r)
	res, err := r.client.Fetch(rctx, r.query, func(b essource.Batch) {
		probs = append(probs, b.Problems...)
		if storeErr != nil {
			return
		}
		if storeErr = n.store(rctx, lib, b.Articles); storeErr != nil {
			cancel()
			return
		}
		progress(b)
	})
	progress(essource.Batch{Hits: -1})
	if storeErr == nil {
		probs = append(probs, r.ending(ctx, err)...)
	}
	a.reportProblems(probs)
	fmt.Fprintf(a.stdout, "%d added, %d already in the library, of %d articles read from %s\n", n.added, n.duplicates, n.read, r.src)
	if storeErr != nil && ctx.Err() == nil {
		return failed(fmt.Errorf("import from %s: %w", r.src, storeErr))
	}
	return a.esOutcome(ctx, r, res, err, probs)
}

// store adds one page's articles to the library and counts them.
func (n *importCounts) store(ctx context.Context, lib *library.Library, arts []*corpus.Article) error {
	if len(arts) == 0 {
		return nil
	}
	now := time.Now()
	entries := make([]library.Entry, len(arts))
	for i, art := range arts {
		entries[i] = library.Entry{Article: art, FetchedFrom: art.Source.File, FetchedAt: now}
	}
	res, err := lib.Add(ctx, entries)
	if err != nil {
		return err
	}
	n.read += len(arts)
	n.added += len(res.Added)
	n.duplicates += len(res.Duplicates)
	return nil
}
