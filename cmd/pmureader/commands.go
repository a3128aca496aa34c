package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus"
)

// version is the release version, set at build time with
// -ldflags "-X main.version=v1.2.3". Left at "dev", the module version Go
// stamps into the binary is used when there is one.
var version = "dev"

// versionString is what --version prints after "pmureader ".
func versionString() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// pathsHelp is the paragraph every subcommand's help shares about inputs.
const pathsHelp = `Inputs: files or folders of articles (.txt, .md, .json, .jsonl). With none,
the library is read (see 'pmureader add'), or the bundled seed articles
while there is no library or it is empty. Paths can always be given with
-C/--corpus PATH (repeatable), or after "--". Where a command takes an id or
a query, that comes first and further arguments are paths; compare takes
only ids, so its paths go after "--" or with -C.`

// rootCmd builds the command tree for this run. Flags bind to a's fields,
// so nothing is shared between runs.
func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "pmureader [PATH...]",
		Short: "Read and compare how news outlets covered the same event",
		Long: `pmureader reads news articles and compares how different outlets covered the
same event: a library list, search, a clean reader view, and side-by-side
comparison of several accounts.

With no subcommand it opens the terminal reader on PATHs (files or folders),
or on the library when none are given (the bundled seed articles while the
library is missing or empty). 'pmureader add' fills the library from web
pages, feeds and files. When stdout is not a
terminal it prints the article list instead.

--source es+https://HOST:9200/INDEX reads the articles of an Elasticsearch
or OpenSearch index instead (with --query, --since, --until, --outlet,
--limit, --mapping; credentials from PMUREADER_ES_USER and
PMUREADER_ES_PASSWORD, or PMUREADER_ES_API_KEY), here and in list, show,
search, stories and compare; 'pmureader import --source' copies them into
the library.

` + pathsHelp + `

Exit codes: 0 ok, 1 failed, 2 usage error, 3 partial (some inputs could not
be loaded; output covers the rest), 4 nothing loaded, 5 not found,
70 internal error, 130 interrupted.`,
		Example: `  pmureader                      # read the bundled seed articles
  pmureader ~/news/iraq          # read your own folder of articles
  pmureader list --json | jq '.articles[].title'
  pmureader show 003             # an id prefix is enough when unique
  pmureader --source es+https://es.example.org:9200/mc_search-* --query 'kataib hezbollah' --since 2019-12-01`,
		Args:                       cobra.ArbitraryArgs,
		Version:                    versionString(),
		SilenceErrors:              true,
		SilenceUsage:               true,
		SuggestionsMinimumDistance: 2,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			a.out = detectOutput(a.stdout, a.noColor, a.getenv)
			a.paint = paint{on: a.out.color}
			return a.prepareSource(cmd)
		},
		RunE: runE(a.runRoot),
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetVersionTemplate("pmureader {{.Version}}\n")
	root.SetFlagErrorFunc(flagError)
	root.CompletionOptions.HiddenDefaultCmd = true

	pf := root.PersistentFlags()
	pf.StringArrayVarP(&a.corpusPaths, "corpus", "C", nil, "read articles from `PATH`, a file or folder (repeatable)")
	pf.Var(&a.maxSize, "max-file-size", "skip input files larger than `SIZE`, e.g. 20MB, 500KB or 1048576")
	pf.BoolVar(&a.noColor, "no-color", false, "no colour even on a terminal (so does NO_COLOR=1)")

	root.Flags().StringVar(&a.aliasFile, "aliases", "", "extra entity spellings from `FILE` for the reader's stories and compare views")
	a.addLibraryFlags(pf, root.Flags())
	a.addSourceFlags(root.Flags(), "limit")
	root.AddCommand(a.listCmd(), a.showCmd(), a.searchCmd(), a.storiesCmd(), a.compareCmd())
	root.AddCommand(a.libraryCmds()...)
	return root
}

// runRoot is `pmureader [PATH...]`: the reader on a terminal, the list
// otherwise.
func (a *app) runRoot(cmd *cobra.Command, args []string) error {
	if err := checkNotCommand(cmd, args); err != nil {
		return err
	}
	paths := append(append([]string(nil), args...), a.corpusPaths...)
	if a.out.tty {
		return a.runTUI(cmd.Context(), paths)
	}
	c, err := a.loadHeaders(cmd.Context(), paths)
	if err != nil {
		return err
	}
	return a.printList(cmd.Context(), c, false, storyNames{})
}

// checkNotCommand turns a first argument that is neither a file nor a
// subcommand into a usage error ("pmureader lsit"), rather than a
// "no such file" load failure. Anything that looks like a path (has a
// separator or a dot) is left to the loader, which names it.
func checkNotCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 || cmd.ArgsLenAtDash() == 0 {
		return nil
	}
	first := args[0]
	if strings.ContainsAny(first, `/\.`) {
		return nil
	}
	if _, err := os.Stat(first); err == nil {
		return nil
	}
	msg := fmt.Sprintf("unknown command or path %q", first)
	if s := cmd.SuggestionsFor(first); len(s) > 0 {
		msg += fmt.Sprintf("; did you mean %q?", s[0])
	}
	return usageErrorf("%s", msg)
}

// noStoriesHelp is the help of --no-stories, for the commands that name
// each article's story.
const noStoriesHelp = "do not group stories: faster on a large corpus; \"story\" is then only what metadata pins"

func (a *app) listCmd() *cobra.Command {
	var asJSON, noStories bool
	cmd := &cobra.Command{
		Use:   "list [PATH...]",
		Short: "List the articles: id, date, outlet, words, title",
		Long: `List every article that loads, one per line: id, date, outlet, number of
words and title. On a terminal lines are cut to its width; piped, they are
printed in full. A title made from the article's text (the source had
none) is marked "untitled: "; an article without an outlet shows its id.

With --json, print one JSON document (see README, "JSON output") with every
article's metadata, the story it is in ("story", "story_id", as 'pmureader
stories' groups them; --no-stories skips the grouping, which takes about
2.5 s per 10,000 articles) and its paragraphs with line ranges.

` + pathsHelp,
		Example: `  pmureader list
  pmureader list ~/news/*.md
  pmureader list --json | jq -r '.articles[] | [.id, .outlet, .story] | @tsv'`,
		Args: cobra.ArbitraryArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			_, paths := a.splitPaths(cmd, args, 0)
			// The table shows no body; the JSON reads each as it prints it.
			c, err := a.loadHeaders(cmd.Context(), paths)
			if err != nil {
				return err
			}
			names, err := a.groupNames(cmd.Context(), c, !asJSON || noStories)
			if err != nil {
				return err
			}
			return a.printList(cmd.Context(), c, asJSON, names)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of a table")
	cmd.Flags().BoolVar(&noStories, "no-stories", false, noStoriesHelp)
	a.addSourceFlags(cmd.Flags(), "limit")
	return cmd
}

func (a *app) showCmd() *cobra.Command {
	var asJSON, raw, noStories bool
	cmd := &cobra.Command{
		Use:   "show ID [PATH...]",
		Short: "Print one article, cleaned, or its raw lines",
		Long: `Print one article: a header (title, dek, outlet, author, date, address,
event, the story it is in) and its paragraphs wrapped to the terminal's
width (80 columns when piped), subheads marked "## ". ID may be any unique
prefix of an article's id. Naming the story groups the corpus into stories
first; --no-stories skips that.

With --raw, print the article's source lines instead, each with its line
number and the role cleaning gave it; the lines removed as site chrome are
marked with the rule that removed them. With --json, print the article as
one JSON document; --json --raw adds the raw lines to it.

` + pathsHelp,
		Example: `  pmureader show 003
  pmureader show 003 --raw | grep chrome
  pmureader show my-article ~/news
  pmureader show 001 --json | jq -r '.article.paragraphs[].text'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if lead, _ := a.splitPaths(cmd, args, 1); len(lead) == 0 {
				return usageErrorf("show needs an article ID (see 'pmureader list')")
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			lead, paths := a.splitPaths(cmd, args, 1)
			if len(paths) == 0 && a.es.req == nil {
				art, ok, err := a.libraryArticle(cmd.Context(), lead[0])
				if err != nil {
					return err
				}
				if ok { // a large library: the article alone, no story named
					return a.printShown(art, raw, asJSON, storyNames{}, nil)
				}
			}
			c, err := a.load(cmd.Context(), paths)
			if err != nil {
				return err
			}
			art, err := c.Find(lead[0])
			if err != nil {
				return notFound(err)
			}
			if raw && !asJSON {
				return a.printRaw(art)
			}
			names, err := a.groupNames(cmd.Context(), c, noStories)
			if err != nil {
				return err
			}
			return a.printShown(art, raw, asJSON, names, c.Problems)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&raw, "raw", false, "print the source lines with their roles, chrome marked")
	cmd.Flags().BoolVar(&noStories, "no-stories", false, noStoriesHelp)
	a.addSourceFlags(cmd.Flags(), "limit")
	return cmd
}

// printShown prints the article show found: its raw lines, JSON or text.
func (a *app) printShown(art *corpus.Article, raw, asJSON bool, names storyNames, probs []corpus.Problem) error {
	switch {
	case raw && !asJSON:
		return a.printRaw(art)
	case asJSON:
		return a.writeJSON(showJSON{SchemaVersion: schemaVersion, Article: articleJSON(art, raw, names), Problems: problemsJSON(probs)})
	}
	return a.printArticle(art, names)
}
