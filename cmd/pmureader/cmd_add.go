package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/sources"
	"github.com/pmureader/pmureader/internal/termtext"
)

// libraryCmds are the commands that change the library or print what it
// keeps beside articles.
func (a *app) libraryCmds() []*cobra.Command {
	return []*cobra.Command{a.addCmd(), a.updateCmd(), a.feedsCmd(), a.exportCmd(), a.rmCmd(), a.importCmd()}
}

func (a *app) addCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add URL|FILE|FEED_URL...",
		Short: "Add web pages, feeds and files to the library",
		Long: `Add articles to the library. Each argument is one of:
  - a web address (http or https) of an article page: the page is fetched
    and its article extracted;
  - the address of a feed (RSS 2.0, RSS 1.0, Atom, JSON Feed): every item
    is added (the item's own text when the feed carries the whole article,
    else the page its link leads to), and the feed is followed, so that
    'pmureader update' fetches what is new;
  - the address or file of an OPML list: each of its feeds, likewise;
  - a saved page (.html, .htm), or a file or folder of articles (.txt,
    .md, .json, .jsonl).

Requests carry a User-Agent naming pmureader, time out (connect 10 s,
whole request 30 s), follow at most 10 redirects, and read at most
--max-page-size; at most 4 go to one host at once. Articles already in the
library (the same address and title, or the same text) are not stored
twice. Each failure is one line on stderr, naming the address or file.

Exit status: 0 when everything was added (or was there already), 3 when
some failed, 4 when all failed.`,
		Example: `  pmureader add https://news.example.org/2019/12/29/strikes
  pmureader add https://news.example.org/feed.xml
  pmureader add saved-page.html subscriptions.opml ~/news`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("add needs at least one web address, feed or file")
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			src, err := a.sources(cmd.Context())
			if err != nil {
				return err
			}
			rep, err := src.Add(cmd.Context(), args, a.progressLine())
			return a.finishAdd(rep, err, len(args))
		}),
	}
	cmd.Flags().Var(&a.lib.maxPage, "max-page-size", "largest page or feed downloaded, e.g. 10MB or 500KB")
	return cmd
}

func (a *app) updateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "update",
		Short: "Fetch what is new in the feeds the library follows",
		Long: `Fetch every feed the library follows and add the items not taken before.
Each feed is asked only for what changed since the last fetch (ETag and
Last-Modified are sent back), so an unchanged feed costs one short answer.
Each failure is one line on stderr; exit status 3 when some failed.`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			src, err := a.sources(cmd.Context())
			if err != nil {
				return err
			}
			rep, err := src.Update(cmd.Context(), a.progressLine())
			if err == nil && len(rep.Feeds) == 0 && len(rep.Failures) == 0 {
				fmt.Fprintln(a.stderr, "pmureader: no feeds followed (follow one with: pmureader add FEED_URL)")
			}
			return a.finishAdd(rep, err, -1)
		}),
	}
	cmd.Flags().Var(&a.lib.maxPage, "max-page-size", "largest page or feed downloaded, e.g. 10MB or 500KB")
	return cmd
}

// sources opens the library for adding, with a client that has the
// project's manners and the size cap asked for.
//
// --no-state is about the reader's state; the feed items add and update
// take are remembered whatever it says, so that update fetches only what
// is new.
func (a *app) sources(ctx context.Context) (*sources.Sources, error) {
	a.lib.noState = false
	lib, err := a.openLibrary(ctx)
	if err != nil {
		return nil, err
	}
	return sources.New(lib, sources.Options{Client: a.fetchClient(), MaxFileSize: int64(a.maxSize)}), nil
}

// fetchClient is the run's HTTP client: pmureader's User-Agent, the size
// cap asked for, fetch's other defaults (timeouts, redirects, per-host
// limit).
func (a *app) fetchClient() *fetch.Client {
	return fetch.New(fetch.Options{UserAgent: fetch.UserAgent(versionString()), MaxBytes: int64(a.lib.maxPage)})
}

// progressLine returns a progress reporter that redraws one line on
// stderr when stderr is a terminal, or nil (no progress in pipes and
// logs).
func (a *app) progressLine() func(sources.Progress) {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil
	}
	var last time.Time
	return func(p sources.Progress) {
		if p.Total < 2 || (time.Since(last) < 50*time.Millisecond && p.Done < p.Total) {
			return
		}
		last = time.Now()
		line := fmt.Sprintf("fetched %d/%d · %d added", p.Done, p.Total, p.Added)
		if p.Failed > 0 {
			line += fmt.Sprintf(" · %d failed", p.Failed)
		}
		fmt.Fprintf(a.stderr, "\r%s\x1b[K", line)
	}
}

// finishAdd prints what an add or update did and turns it into the exit
// status: failures one line each on stderr, the rest on stdout. refs is
// how many references were given (-1 for update).
func (a *app) finishAdd(rep sources.Report, err error, refs int) error {
	if a.progressLine() != nil {
		fmt.Fprint(a.stderr, "\r\x1b[K")
	}
	werr := a.printAddReport(rep)
	tooLarge := false
	for _, f := range rep.Failures {
		fmt.Fprintf(a.stderr, "pmureader: %s\n", termtext.OneLine(f.Error()))
		tooLarge = tooLarge || errors.Is(f, fetch.ErrTooLarge)
	}
	if tooLarge {
		fmt.Fprintln(a.stderr, "pmureader: to download larger pages, raise the limit: --max-page-size 50MB")
	}
	a.reportProblems(rep.Problems)
	switch {
	case err != nil:
		return failed(err)
	case werr != nil:
		return failed(werr)
	case len(rep.Failures) > 0 && refs > 0 && len(rep.Added)+len(rep.Duplicates) == 0 && len(rep.Feeds) == 0:
		return &exitError{code: exitNothing, err: errors.New("nothing added")}
	case len(rep.Failures) > 0:
		a.partial = true
	}
	return nil
}

// printAddReport prints one line per article added, per copy not stored
// and per feed read, then a count.
func (a *app) printAddReport(rep sources.Report) error {
	w := a.stdout
	for _, ad := range rep.Added {
		art := ad.Article
		label, _ := art.OutletLabel()
		copyOf := ""
		if art.CopyOf != "" {
			copyOf = " (a copy of " + termtext.OneLine(art.CopyOf) + ")"
		}
		fmt.Fprintf(w, "added %s  %s · %s%s\n", termtext.OneLine(art.ID), termtext.OneLine(label), termtext.OneLine(art.Title), copyOf)
	}
	for _, d := range rep.Duplicates {
		why := "the same text"
		if d.Reason == library.DupURL {
			why = "the same address and title"
		}
		fmt.Fprintf(w, "%s: already there as %s (%s): %s\n", sources.SafeRef(d.From), termtext.OneLine(d.Existing), why, termtext.OneLine(d.Title))
	}
	for _, f := range rep.Feeds {
		if f.NotModified {
			fmt.Fprintf(w, "feed %s: not changed\n", fetch.SafeURL(f.URL))
			continue
		}
		fmt.Fprintf(w, "feed %s (%s): %d %s, %d new\n", fetch.SafeURL(f.URL), termtext.OneLine(f.Title),
			f.Items, termtext.Plural(f.Items, "item", "items"), f.New)
	}
	_, err := fmt.Fprintf(w, "%d added, %d already in the library, %d failed\n", len(rep.Added), len(rep.Duplicates), len(rep.Failures))
	return err
}
