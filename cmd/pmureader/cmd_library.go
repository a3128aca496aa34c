package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/internal/termtext"
)

func (a *app) feedsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "feeds",
		Short: "List the feeds the library follows",
		Long: `List the feeds the library follows: address, title, when each was last
fetched and what went wrong then, if anything. 'pmureader add FEED_URL'
follows a feed; 'pmureader update' fetches what is new in all of them.`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			lib, err := a.existingLibrary(cmd.Context())
			if err != nil {
				return err
			}
			var feeds []library.Feed
			if lib != nil {
				if feeds, err = lib.Feeds(cmd.Context()); err != nil {
					return failed(err)
				}
			}
			if asJSON {
				return a.writeJSON(feedsJSON(feeds))
			}
			if len(feeds) == 0 {
				fmt.Fprintln(a.stderr, "pmureader: no feeds followed (follow one with: pmureader add FEED_URL)")
				return nil
			}
			rows := [][]string{{"URL", "TITLE", "FETCHED", "LAST ERROR"}}
			for _, f := range feeds {
				rows = append(rows, []string{fetch.SafeURL(f.URL), termtext.OneLine(f.Title), when(f.LastFetched), termtext.OneLine(f.LastError)})
			}
			w := bufio.NewWriter(a.stdout)
			writeTable(w, a.paint, a.out.width, table{rows: rows, capCol: 1, capWidth: 30})
			return flush(w)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of a table")
	return cmd
}

// when renders a time of the library's for a table: local, to the
// minute; "never" for the zero time.
func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// feedJSON is one feed in `feeds --json`.
type feedJSON struct {
	URL          string `json:"url"`
	Title        string `json:"title"`
	ETag         string `json:"etag"`
	LastModified string `json:"last_modified"`
	LastFetched  string `json:"last_fetched"` // RFC 3339, "" when never
	LastError    string `json:"last_error"`
	AddedAt      string `json:"added_at"`
}

type feedsOut struct {
	SchemaVersion int        `json:"schema_version"`
	Feeds         []feedJSON `json:"feeds"`
}

func feedsJSON(feeds []library.Feed) feedsOut {
	out := feedsOut{SchemaVersion: schemaVersion, Feeds: []feedJSON{}}
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	for _, f := range feeds {
		out.Feeds = append(out.Feeds, feedJSON{URL: f.URL, Title: f.Title, ETag: f.ETag, LastModified: f.LastModified,
			LastFetched: stamp(f.LastFetched), LastError: f.LastError, AddedAt: stamp(f.AddedAt)})
	}
	return out
}

func (a *app) exportCmd() *cobra.Command {
	var asJSON, asJSONL bool
	var outPath string
	cmd := &cobra.Command{
		Use:   "export [--json | --jsonl] [-o FILE]",
		Short: "Write the whole library out as pmureader JSON",
		Long: `Write every article of the library, in the order they were added, in
pmureader's own JSON format (the "pmureader" row of the README's table of
JSON formats): one JSON array (--json, the default) or JSON Lines
(--jsonl). The output loads back with 'pmureader FILE' or 'pmureader add
FILE'. With -o the file is written whole or not at all (a temporary file,
renamed into place).`,
		Example: `  pmureader export --jsonl > library.jsonl
  pmureader export -o backup.json`,
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			if asJSON && asJSONL {
				return usageErrorf("--json and --jsonl cannot be used together")
			}
			format := library.FormatJSON
			if asJSONL {
				format = library.FormatJSONL
			}
			lib, err := a.existingLibrary(cmd.Context())
			if err != nil {
				return err
			}
			if lib == nil {
				return &exitError{code: exitNothing, err: errors.New("there is no library yet (add articles with: pmureader add URL)")}
			}
			if outPath == "" {
				w := bufio.NewWriter(a.stdout)
				if _, err := lib.Export(cmd.Context(), w, format); err != nil {
					return failed(err)
				}
				return flush(w)
			}
			return replaceFile(outPath, func(f *os.File) error {
				w := bufio.NewWriter(f)
				if _, err := lib.Export(cmd.Context(), w, format); err != nil {
					return err
				}
				return w.Flush()
			})
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON array (the default)")
	cmd.Flags().BoolVar(&asJSONL, "jsonl", false, "JSON Lines: one article per line")
	cmd.Flags().StringVarP(&outPath, "output", "o", "", "write to `FILE` instead of standard output")
	return cmd
}

// replaceFile writes path whole or not at all: write fills a temporary
// file in the same folder, which is synced and renamed over path.
func replaceFile(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return failed(fmt.Errorf("write %s: %w", path, err))
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return failed(fmt.Errorf("write %s: %w", path, err))
	}
	return nil
}

func (a *app) rmCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rm ID...",
		Short: "Remove articles from the library",
		Long: `Remove articles from the library, with their text, raw HTML, search index
entries and state. ID may be any unique prefix of an article's id (see
'pmureader list'). An id that matches nothing is reported (exit 5) and the
others are still removed.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("rm needs at least one article ID (see 'pmureader list')")
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			lib, err := a.existingLibrary(ctx)
			if err != nil {
				return err
			}
			if lib == nil {
				return notFound(errors.New("there is no library yet: nothing to remove"))
			}
			missing := 0
			for _, ref := range args {
				id, err := lib.Resolve(ctx, ref)
				if err != nil { // no such id, or an ambiguous prefix
					fmt.Fprintf(a.stderr, "pmureader: %s\n", termtext.OneLine(err.Error()))
					missing++
					continue
				}
				rec, err := lib.Get(ctx, id)
				if err == nil {
					err = lib.Remove(ctx, id)
				}
				if err != nil {
					return failed(err)
				}
				fmt.Fprintf(a.stdout, "removed %s  %s\n", termtext.OneLine(id), termtext.OneLine(rec.Article.Title))
			}
			if missing > 0 {
				return notFound(fmt.Errorf("%d of %d not removed", missing, len(args)))
			}
			return nil
		}),
	}
}
