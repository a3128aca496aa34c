package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/essource"
	"github.com/pmureader/pmureader/internal/termtext"
)

// --source: an Elasticsearch or OpenSearch index as the corpus (see
// corpus/essource and the README). The flags are checked once, before the
// command runs, so that a mistake is a usage error before anything is read
// or the terminal is taken over. Then the articles are read by load (the
// printing commands), runTUI (the reader) or importSource (import), all
// through esRequest.

// esFlags are the flags that pick and filter the articles of --source.
type esFlags struct {
	source       string
	query        string
	since, until string
	limit        int
	mapping      string
	outlets      []string

	req *esRequest // set by prepareSource when --source is given
}

// esAnnotation marks the flags that mean something only with --source.
const esAnnotation = "pmureader-source"

// addSourceFlags registers --source and its filters on a command that
// reads a corpus. limitName is "limit", or "source-limit" on search, whose
// own -n/--limit counts the results it prints.
func (a *app) addSourceFlags(fs *pflag.FlagSet, limitName string) {
	fs.StringVar(&a.es.source, "source", "", "read the articles from an Elasticsearch or OpenSearch index: es+https://HOST:9200/`INDEX` (credentials from PMUREADER_ES_* only)")
	fs.StringVar(&a.es.query, "query", "", "with --source: the articles whose title or text has all these `WORDS` (\"a phrase\", -word, a | b)")
	fs.StringVar(&a.es.since, "since", "", "with --source: published on or after `YYYY-MM-DD`")
	fs.StringVar(&a.es.until, "until", "", "with --source: published on or before `YYYY-MM-DD`")
	fs.IntVar(&a.es.limit, limitName, essource.DefaultLimit, "with --source: read at most `N` articles, oldest first (0: all)")
	fs.StringVar(&a.es.mapping, "mapping", "", "with --source: the index's field layout, a `FILE` or ROLE=FIELD,... (default: Media Cloud's, else detected)")
	fs.StringArrayVar(&a.es.outlets, "outlet", nil, "with --source: only articles of this outlet `DOMAIN` (exact; repeatable)")
	for _, name := range []string{"query", "since", "until", limitName, "mapping", "outlet"} {
		_ = fs.SetAnnotation(name, esAnnotation, []string{"true"}) // the flag was just defined
	}
}

// prepareSource checks the --source flags of cmd and, when --source is
// given, makes the request every reading path uses (a.es.req). Every
// mistake is a usage error (exit 2).
func (a *app) prepareSource(cmd *cobra.Command) error {
	if a.es.source == "" {
		var err error
		cmd.Flags().Visit(func(f *pflag.Flag) {
			if _, ok := f.Annotations[esAnnotation]; ok && err == nil {
				err = usageErrorf("--%s needs --source es+https://HOST:9200/INDEX", f.Name)
			}
		})
		return err
	}
	if len(a.corpusPaths) > 0 {
		return usageErrorf("--source and -C/--corpus cannot be used together: the articles come from one or the other")
	}
	limitFlag := "--limit"
	if cmd.Flags().Lookup("source-limit") != nil {
		limitFlag = "--source-limit"
	}
	req, err := newESRequest(a.es, limitFlag, a.getenv)
	if err != nil {
		return err
	}
	a.es.req = req
	return nil
}

// esRequest is one read of --source, checked: the client (with the
// credentials from the environment) and the query.
type esRequest struct {
	src    essource.Source
	client *essource.Client
	query  essource.Query
}

// newESRequest checks the flags and the environment and makes the client.
func newESRequest(f esFlags, limitFlag string, getenv func(string) string) (*esRequest, error) {
	src, err := essource.ParseSource(f.source)
	if err != nil {
		return nil, usageErrorf("--source: %w", err)
	}
	creds, err := essource.CredentialsFromEnv(getenv)
	if err != nil {
		return nil, usageErrorf("%s: %w", src, err)
	}
	q := essource.Query{Text: strings.TrimSpace(f.query), Outlets: f.outlets, Limit: f.limit}
	switch {
	case f.limit < 0:
		return nil, usageErrorf("%s wants 0 (all) or more, got %d", limitFlag, f.limit)
	case f.limit == 0:
		q.Limit = -1 // essource: a negative limit is none
	}
	for _, d := range []struct {
		flag, value string
		dst         *time.Time
	}{{"since", f.since, &q.Since}, {"until", f.until, &q.Until}} {
		if d.value == "" {
			continue
		}
		if *d.dst, err = essource.ParseDay(d.value); err != nil {
			return nil, usageErrorf("--%s: %w", d.flag, err)
		}
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return nil, usageErrorf("--until %s is before --since %s", f.until, f.since)
	}
	opt := essource.Options{}
	if f.mapping != "" {
		if opt.Mapping, err = readMapping(f.mapping); err != nil {
			return nil, usageErrorf("--mapping: %w", err)
		}
	}
	client, err := essource.New(src, creds, opt)
	if err != nil {
		return nil, usageErrorf("%w", err)
	}
	return &esRequest{src: src, client: client, query: q}, nil
}

// readMapping reads --mapping: a mapping file when one has that name, else
// the pairs inline (essource.ParseMapping).
func readMapping(v string) (*essource.Mapping, error) {
	st, err := os.Stat(v)
	switch {
	case err == nil && !st.IsDir():
		data, err := os.ReadFile(v)
		if err != nil {
			return nil, err
		}
		return essource.ParseMappingFile(v, data)
	case strings.Contains(v, "="):
		return essource.ParseMapping(v)
	case err != nil:
		return nil, fmt.Errorf("%s: %w (want a mapping file, or ROLE=FIELD pairs such as text=body,title=headline)", termtext.OneLine(v), errors.Unwrap(err))
	}
	return nil, fmt.Errorf("%s is a folder (want a mapping file, or ROLE=FIELD pairs such as text=body,title=headline)", termtext.OneLine(v))
}

// closeSource releases the client's connections, if the run made one.
func (a *app) closeSource() {
	if a.es.req != nil {
		_ = a.es.req.client.Close() // idle connections only: nothing to lose
	}
}

// loadSource reads every article --source selects, for a printing
// command, then makes one corpus of them. Problems (shard failures, hits
// that could not be mapped, how the read ended early) are printed as load
// problems are; the exit status follows esOutcome.
func (a *app) loadSource(ctx context.Context, paths []string) (*corpus.Corpus, error) {
	r := a.es.req
	if len(paths) > 0 {
		return nil, usageErrorf("--source reads the articles from %s; paths cannot be added to it (got %q)", r.src, paths[0])
	}
	progress := a.readProgressLine(r)
	var (
		arts  []*corpus.Article
		probs []corpus.Problem
	)
	res, err := r.client.Fetch(ctx, r.query, func(b essource.Batch) {
		arts = append(arts, b.Articles...)
		probs = append(probs, b.Problems...)
		progress(b)
	})
	progress(essource.Batch{Hits: -1})
	probs = append(probs, r.ending(ctx, err)...)
	a.reportProblems(probs)
	if err := a.esOutcome(ctx, r, res, err, probs); err != nil {
		return nil, err
	}
	return corpus.New(arts, probs), nil
}

// ending is how a read that stopped early ended, as a problem of the
// source, for the status line and stderr; none when it ran to the end or
// the user stopped it.
func (r *esRequest) ending(ctx context.Context, err error) []corpus.Problem {
	if err == nil || ctx.Err() != nil || errors.Is(err, context.Canceled) {
		return nil
	}
	msg := strings.TrimPrefix(err.Error(), r.src.String()+": ")
	return []corpus.Problem{{Path: r.src.String(), Err: bareError{err: err, msg: msg}}}
}

// bareError is an error told without the source it names, which the
// problem's path gives; errors.Is still sees the cause.
type bareError struct {
	err error
	msg string
}

func (e bareError) Error() string { return e.msg }
func (e bareError) Unwrap() error { return e.err }

// esOutcome turns how a read of --source ended into the command's error,
// nil to go on with what was read (see "Exit codes" in the README):
//   - the query cannot run on the index (a date range without a date
//     field): 2;
//   - the read failed before any article (unreachable, 401, 403, 404, no
//     text field, …): 4;
//   - the query matched nothing: 5;
//   - it failed after some pages, shards failed, or some hits could not be
//     mapped: 3 (partial), after the command has done its work;
//   - more matched than --limit: 0, with a warning.
//
// How it ended has been reported already (ending).
func (a *app) esOutcome(ctx context.Context, r *esRequest, res essource.Result, err error, probs []corpus.Problem) error {
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, essource.ErrBadQuery):
		return usageErrorf("nothing read from %s: the query cannot run on this index", r.src)
	case err != nil && res.Articles == 0 && !errors.Is(err, context.Canceled):
		return &exitError{code: exitNothing, err: fmt.Errorf("nothing read from %s", r.src)}
	case err == nil && res.Hits == 0:
		return notFound(fmt.Errorf("%s: no article matched the query", r.src))
	case err == nil && res.Articles == 0:
		return &exitError{code: exitNothing, err: fmt.Errorf("nothing read from %s: no hit could be read as an article", r.src)}
	}
	for _, p := range probs {
		if !p.Warning || errors.Is(p, essource.ErrShardFailure) {
			a.partial = true
		}
	}
	return nil
}

// readProgressLine returns a reporter that redraws one line on stderr
// while pages arrive, when stderr is a terminal (a no-op otherwise); a
// batch with Hits -1 clears the line.
func (a *app) readProgressLine(r *esRequest) func(essource.Batch) {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return func(essource.Batch) {}
	}
	return func(b essource.Batch) {
		if b.Hits < 0 {
			fmt.Fprint(a.stderr, "\r\x1b[K")
			return
		}
		fmt.Fprintf(a.stderr, "\rread %d/%d articles from %s\x1b[K", b.Hits, expectedHits(b, r.query), r.src)
	}
}

// expectedHits is how many hits the read will bring, as far as the first
// page tells: the total, or the limit when that is lower.
func expectedHits(b essource.Batch, q essource.Query) int {
	n := int(min(b.Total, int64(^uint(0)>>1)))
	if q.Limit > 0 {
		n = min(n, q.Limit)
	}
	return max(n, b.Hits)
}

// produce is the reader's loader for --source (tuiFeed.produce): the read,
// each page a batch whose progress counts articles, and how the read ended
// as a last problem. It runs on the feed's goroutine and records the
// outcome for runTUI.
func (r *esRequest) produce(out *esOutcomeRec) func(ctx context.Context, emit func(corpus.Batch) bool) {
	return func(ctx context.Context, emit func(corpus.Batch) bool) {
		res, err := r.client.Fetch(ctx, r.query, func(b essource.Batch) {
			emit(corpus.Batch{Articles: b.Articles, Problems: b.Problems, FilesDone: b.Hits, FilesTotal: expectedHits(b, r.query)})
		})
		out.res, out.err, out.done = res, err, true
		if end := r.ending(ctx, err); len(end) > 0 {
			emit(corpus.Batch{Problems: end, FilesDone: res.Hits, FilesTotal: res.Hits})
		}
	}
}

// esOutcomeRec is how the reader's read ended; written by the feed's
// goroutine and read once it has finished (tuiFeed.wait).
type esOutcomeRec struct {
	done bool
	res  essource.Result
	err  error
}
