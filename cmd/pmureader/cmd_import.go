package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/essource"
	"github.com/pmureader/pmureader/corpus/library"
)

// importCmd is `pmureader import --source …`. It takes only --source for
// now: importing files and folders (pmureader import FILE|DIR) is being
// built separately and will join it here.
func (a *app) importCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import --source es+https://HOST:9200/INDEX [--query WORDS] [--since DAY] [--until DAY]",
		Short: "Copy the articles of an Elasticsearch or OpenSearch index into the library",
		Long: `Copy the articles --source selects (with --query, --since, --until,
--outlet, --limit, as the reader reads them) into the library, a page of
1,000 per transaction. Articles already in the library (the same address
and title, or the same text) are not stored again, so running the same
import twice, or again after Ctrl-C, stores only what is missing.

Credentials come from the environment only: PMUREADER_ES_USER and
PMUREADER_ES_PASSWORD, or PMUREADER_ES_API_KEY; PMUREADER_ES_CA names a PEM
file of the authority that signed the cluster's certificate.

Exit status: 0 done, 2 a mistake in the flags or the environment, 3 partial
(the read stopped after some pages, or shards failed: what was read is
stored), 4 nothing read (unreachable, refused, no such index, no text
field), 5 the query matched nothing, 130 interrupted (what was stored
stays).`,
		Example: `  PMUREADER_ES_API_KEY=… pmureader import --source es+https://es.example.org:9200/mc_search-* \
      --query 'kataib hezbollah' --since 2019-12-01 --until 2020-01-31`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("import takes --source only for now (got %q); to add files and folders use 'pmureader add FILE...'", args[0])
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if a.es.req == nil {
				return usageErrorf("import needs --source es+https://HOST:9200/INDEX")
			}
			return a.importSource(cmd.Context())
		}),
	}
	a.addSourceFlags(cmd.Flags(), "limit")
	return cmd
}

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
