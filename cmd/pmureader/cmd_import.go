package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/storystore"
	"github.com/pmureader/pmureader/internal/termtext"
)

// importOptions are the import command's flags.
type importOptions struct {
	batch   int           // --batch
	wait    time.Duration // --wait
	noGroup bool          // --no-group

	// onStatus, when set, is called after each batch is stored, after the
	// progress is drawn: tests use it to interrupt an import part-way.
	onStatus func(library.ImportStatus)
}

func (a *app) importCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import FILE|DIR... | import --source es+https://HOST:9200/INDEX [--query WORDS] [--since DAY] [--until DAY]",
		Short: "Import files, folders or an Elasticsearch index into the library, in batches",
		Long: `Import files and folders of articles (every format pmureader reads: .txt,
.md, .json, .jsonl, .html) into the library. A JSON Lines dump may be of
any size: it is read a batch of records at a time (--batch), so memory
stays small, and each batch is stored in one transaction with a note of
how far the import got.

An import stopped part-way (Ctrl-C, a full disk, a crash) loses at most the
batch being stored: run the same command again and it resumes after the
last batch stored, skipping files already imported whole. Articles already
in the library (the same address and title, or the same text) are not
stored twice.

On a terminal a progress bar is drawn on stderr; otherwise a progress line
is printed every 10 seconds. Each file or record that cannot be read is one
line on stderr, naming it (and its line); the rest is imported. At the end
one line on stdout says what was done.

Exit status: 0 when everything was imported (or was there already), 3 when
some files or records were skipped (each named on stderr), 4 when nothing
could be read, 1 when the library could not be written (locked by another
pmureader for longer than --wait, disk full, damaged, or from a newer
pmureader), 130 when interrupted (run it again to resume).

With --source, copy the articles --source selects (with --query, --since,
--until, --outlet, --limit, as the reader reads them) from an Elasticsearch
or OpenSearch index instead, a page of 1,000 per transaction; then no
paths are taken. Articles already in the library are not stored again, so
running the same import twice, or again after Ctrl-C, stores only what is
missing. Credentials come from the environment only: PMUREADER_ES_USER and
PMUREADER_ES_PASSWORD, or PMUREADER_ES_API_KEY; PMUREADER_ES_CA names a PEM
file of the authority that signed the cluster's certificate. Exit status
with --source: 0 done, 2 a mistake in the flags or the environment, 3
partial (the read stopped after some pages, or shards failed: what was
read is stored), 4 nothing read (unreachable, refused, no such index, no
text field), 5 the query matched nothing, 130 interrupted (what was stored
stays).`,
		Example: `  pmureader import ~/archive/mediacloud-2019.jsonl
  pmureader import ~/news/iraq ~/news/syria
  pmureader --library /data/big.db import dump.jsonl --batch 5000
  PMUREADER_ES_API_KEY=… pmureader import --source es+https://es.example.org:9200/mc_search-* \
      --query 'kataib hezbollah' --since 2019-12-01 --until 2020-01-31`,
		Args: func(cmd *cobra.Command, args []string) error {
			source := cmd.Flags().Lookup("source").Changed
			switch {
			case source && len(args) > 0:
				return usageErrorf("import takes files and folders or --source, not both (got %q with --source)", args[0])
			case !source && len(args) == 0:
				return usageErrorf("import needs at least one file or folder, or --source es+https://HOST:9200/INDEX")
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if a.es.req != nil {
				return a.importSource(cmd.Context())
			}
			return a.runImport(cmd, args)
		}),
	}
	cmd.Flags().IntVar(&a.imp.batch, "batch", 1000, "records (JSON Lines) or files stored per transaction")
	cmd.Flags().DurationVar(&a.imp.wait, "wait", library.DefaultBusyTimeout, "how long to wait for another pmureader writing to the library")
	cmd.Flags().BoolVar(&a.imp.noGroup, "no-group", false, "store only: the new articles are grouped into stories when the stories are next read")
	a.addSourceFlags(cmd.Flags(), "limit")
	return cmd
}

// runImport imports args into the library and turns the outcome into the
// exit status.
func (a *app) runImport(cmd *cobra.Command, args []string) error {
	if a.imp.batch < 1 {
		return usageErrorf("--batch must be at least 1, not %d", a.imp.batch)
	}
	a.lib.busy = a.imp.wait
	lib, err := a.openLibrary(cmd.Context())
	if err != nil {
		return err
	}
	prog := newImportProgress(a.stderr)
	probs := problemPrinter{a: a, prog: prog}
	st, err := lib.Import(cmd.Context(), args, library.ImportOptions{
		BatchSize:   a.imp.batch,
		MaxFileSize: int64(a.maxSize),
		Status: func(s library.ImportStatus) {
			prog.status(s)
			if a.imp.onStatus != nil {
				a.imp.onStatus(s)
			}
		},
		Problem: probs.print,
	})
	prog.clear()
	probs.hint()
	if err != nil {
		if cmd.Context().Err() != nil {
			fmt.Fprintf(a.stderr, "pmureader: import stopped: %d articles of this run stored; run the same command again to resume\n", st.Added)
			return err
		}
		return failed(err)
	}
	if _, werr := fmt.Fprintln(a.stdout, importSummary(st, prog.elapsed())); werr != nil {
		return failed(werr)
	}
	if st.Added > 0 && !a.imp.noGroup {
		a.groupImported(cmd.Context(), lib)
	}
	return a.importOutcome(st)
}

// groupImported groups what an import stored into the library's kept
// stories (storystore.GroupNew: only what is new, against its stretch of
// time; a library never grouped is grouped whole, in windows). Stopping
// it loses nothing: the articles are stored, and the next reading of the
// stories goes on where it stopped; so a failure is a warning.
func (a *app) groupImported(ctx context.Context, lib *library.Library) {
	progress := a.groupingLine()
	_, err := storystore.GroupNew(ctx, lib, storystore.Options{Progress: progress})
	if progress != nil {
		fmt.Fprint(a.stderr, "\r\x1b[K")
	}
	switch {
	case err == nil:
	case ctx.Err() != nil:
		fmt.Fprintln(a.stderr, "pmureader: grouping stopped: the articles are stored; reading the stories goes on with it")
	default:
		fmt.Fprintf(a.stderr, "pmureader: warning: the new articles are stored but not grouped into stories yet (%v); reading the stories will group them\n", err)
	}
}

// importOutcome is the exit status of an import that ran to its end.
func (a *app) importOutcome(st library.ImportStatus) error {
	switch {
	case st.Problems > 0 && st.Added+st.Duplicates+st.Skipped == 0:
		return &exitError{code: exitNothing, err: errors.New("import: nothing could be read")}
	case st.Sources == 0:
		return &exitError{code: exitNothing, err: errors.New("import: no files of articles found")}
	case st.Problems > 0:
		a.partial = true
	}
	return nil
}

// importSummary is the line an import prints at its end.
func importSummary(st library.ImportStatus, took time.Duration) string {
	s := fmt.Sprintf("imported %d %s: %d %s read, %d added, %d already in the library",
		st.Sources, termtext.Plural(st.Sources, "file", "files"),
		st.Records, termtext.Plural(st.Records, "article", "articles"), st.Added, st.Duplicates)
	if st.Skipped > 0 {
		s += fmt.Sprintf(", %d %s imported before and unchanged", st.Skipped, termtext.Plural(st.Skipped, "file", "files"))
	}
	if st.Problems > 0 {
		s += fmt.Sprintf(", %d skipped", st.Problems)
	}
	s += fmt.Sprintf(" (%s", took.Round(100*time.Millisecond))
	if secs := took.Seconds(); secs > 0 && st.Records > 0 {
		s += fmt.Sprintf(", %.0f articles/s", float64(st.Records)/secs)
	}
	return s + ")"
}

// problemPrinter prints an import's problems as load does, one line each,
// clearing the progress bar first, and the hint about large files once at
// the end.
type problemPrinter struct {
	a        *app
	prog     *importProgress
	tooLarge bool
}

func (p *problemPrinter) print(pr corpus.Problem) {
	p.prog.clear()
	prefix := "pmureader: "
	if pr.Warning {
		prefix += "warning: "
	}
	fmt.Fprintln(p.a.stderr, prefix+termtext.OneLine(pr.Error()))
	p.tooLarge = p.tooLarge || errors.Is(pr, corpus.ErrTooLarge)
}

func (p *problemPrinter) hint() {
	if p.tooLarge {
		fmt.Fprintln(p.a.stderr, "pmureader: to import larger files, raise the limit: --max-file-size 1GB")
	}
}
