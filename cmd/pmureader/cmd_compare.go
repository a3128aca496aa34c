package main

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/termtext"
	"github.com/spf13/cobra"
)

// storiesJSON is `pmureader stories --json`: stories.Story values as that
// package tags them.
type storiesJSON struct {
	SchemaVersion int           `json:"schema_version"`
	Stories       []storyOut    `json:"stories"`
	Problems      []problemJSON `json:"problems"`
}

// compareSchemaVersion is compare --json's schema_version, one above the
// other documents' since its rows changed meaning (README, "JSON output"):
// a passage may be in several rows, a row's score is the mean similarity of
// the links holding it (the same in a two-way and a six-way comparison),
// and unique passages are those linked to none.
const compareSchemaVersion = 3

// compareJSON is `pmureader compare --json`: the compare.Comparison as that
// package tags it.
type compareJSON struct {
	SchemaVersion int                 `json:"schema_version"`
	Comparison    *compare.Comparison `json:"comparison"`
	Problems      []problemJSON       `json:"problems"`
}

// loadAliases returns the shipped alias table, with the user's file merged
// over it when one is given (its entries win).
func loadAliases(path string) (*entities.Aliases, error) {
	if path == "" {
		return entities.DefaultAliases(), nil
	}
	user, err := entities.LoadAliasFile(path)
	if err != nil {
		return nil, failed(err)
	}
	return entities.DefaultAliases().Merge(user), nil
}

const aliasesHelp = `--aliases FILE adds entity spellings to the shipped table, one entity a
line: "Canonical Name = variant | variant", # comments.`

func (a *app) storiesCmd() *cobra.Command {
	var asJSON, sameOutlet bool
	var aliasFile string
	cmd := &cobra.Command{
		Use:   "stories [PATH...]",
		Short: "Group the articles into stories: the same event, several outlets",
		Long: `Group articles that report the same event into stories, oldest first. Each
story shows its name, dates and member articles; pass the member ids to
'pmureader compare', or the story id to 'pmureader compare --story'.

A story holds at most one article per outlet unless --same-outlet is given.
` + aliasesHelp + `

` + pathsHelp,
		Example: `  pmureader stories
  pmureader stories ~/news --json | jq -r '.stories[] | "\(.id) \(.articles | length)"'`,
		Args: cobra.ArbitraryArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			_, paths := a.splitPaths(cmd, args, 0)
			aliases, err := loadAliases(aliasFile)
			if err != nil {
				return err
			}
			c, err := a.loadHeaders(cmd.Context(), paths) // stories show headers; a library's are kept
			if err != nil {
				return err
			}
			found, err := a.group(cmd.Context(), c, stories.Options{SameOutlet: sameOutlet, Aliases: aliases})
			if err != nil {
				return fmt.Errorf("group stories: %w", err)
			}
			if asJSON {
				doc := storiesJSON{SchemaVersion: schemaVersion, Stories: make([]storyOut, 0, len(found)), Problems: problemsJSON(c.Problems)}
				for _, s := range found {
					doc.Stories = append(doc.Stories, storyJSON(s))
				}
				return a.writeJSON(doc)
			}
			return a.printStories(c, found)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&sameOutlet, "same-outlet", false, "allow several articles of one outlet in a story")
	cmd.Flags().StringVar(&aliasFile, "aliases", "", "extra entity spellings from `FILE`")
	a.addSourceFlags(cmd.Flags(), "limit")
	return cmd
}

// compareFlags are compare's own flags.
type compareFlags struct {
	asJSON, markdown, paragraphs bool
	aliasFile, storyRef          string
	only                         []string // --only: which of the story's articles
}

func (a *app) compareCmd() *cobra.Command {
	var f compareFlags
	cmd := &cobra.Command{
		Use:   "compare ID ID... [-- PATH...]",
		Short: "Line up several outlets' accounts of the same event",
		Long: fmt.Sprintf(`Compare 2 to %d articles side by side: the passages that report the same
thing, aligned in rows; the passages unique to one article; and the
differences: figures that disagree, who is quoted, how each outlet labels
the same actor. IDs may be unique prefixes.

With --story ID, compare the articles of that story (see 'pmureader
stories'). A story of more than %d articles is cut to its first %d, oldest
first, and a warning names the ones left out; --only ID,ID,... picks which
of its articles to compare instead.

Every positional argument is an article ID; give input paths after "--" or
with -C/--corpus. With none, the bundled seeds are read.

--json prints the comparison as data, --markdown as a shareable report.
Passages are sentences; --paragraphs compares whole paragraphs.
%s`, compare.MaxArticles, compare.MaxArticles, compare.MaxArticles, aliasesHelp),
		Example: `  pmureader compare 001 003
  pmureader compare --story 001
  pmureader compare --story 001 --only 001,003
  pmureader compare a1 a2 a3 -- ~/news
  pmureader compare 001 003 --markdown > side-by-side.md
  pmureader compare 001 003 --json | jq '.comparison.differences[].summary'`,
		Args: func(cmd *cobra.Command, args []string) error {
			ids, _ := a.splitPaths(cmd, args, -1)
			return f.check(ids)
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			ids, paths := a.splitPaths(cmd, args, -1)
			return a.runCompare(cmd, f, ids, paths)
		}),
	}
	cmd.Flags().BoolVar(&f.asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&f.markdown, "markdown", false, "print a Markdown report")
	cmd.Flags().BoolVar(&f.paragraphs, "paragraphs", false, "align whole paragraphs, not sentences")
	cmd.Flags().StringVar(&f.aliasFile, "aliases", "", "extra entity spellings from `FILE`")
	cmd.Flags().StringVar(&f.storyRef, "story", "", "compare the articles of story `ID` (a unique prefix will do)")
	cmd.Flags().StringSliceVar(&f.only, "only", nil, "with --story: compare only these of its articles (`ID,ID,...`; prefixes will do)")
	a.addSourceFlags(cmd.Flags(), "limit")
	return cmd
}

// check reports a combination of ids and flags compare cannot take.
func (f compareFlags) check(ids []string) error {
	switch {
	case f.asJSON && f.markdown:
		return usageErrorf("--json and --markdown cannot be used together: choose one")
	case len(f.only) > 0 && f.storyRef == "":
		return usageErrorf("--only chooses among the articles of --story; without a story, give the article IDs themselves")
	case len(f.only) == 1:
		return usageErrorf("--only needs at least 2 of the story's articles, got %q", f.only[0])
	case len(f.only) > compare.MaxArticles:
		return usageErrorf("--only names %d articles; compare takes at most %d", len(f.only), compare.MaxArticles)
	case f.storyRef != "" && len(ids) > 0:
		return usageErrorf("give either --story or article IDs, not both (--only picks articles of a story)")
	case f.storyRef != "":
		return nil
	case len(ids) < 2:
		return usageErrorf("compare needs at least 2 article IDs (or --story ID)")
	case len(ids) > compare.MaxArticles:
		return usageErrorf("compare takes at most %d articles, got %d", compare.MaxArticles, len(ids))
	}
	return nil
}

// runCompare compares the articles ids (or the story's) and prints the
// comparison as f asks.
func (a *app) runCompare(cmd *cobra.Command, f compareFlags, ids, paths []string) error {
	aliases, err := loadAliases(f.aliasFile)
	if err != nil {
		return err
	}
	c, err := a.loadHeaders(cmd.Context(), paths) // a library's bodies: only the compared ones, below
	if err != nil {
		return err
	}
	var (
		arts []*corpus.Article
		pick storyPick
	)
	if f.storyRef != "" {
		pick, err = a.storyArticles(cmd, c, f.storyRef, f.only, aliases)
		arts = pick.arts
	} else {
		arts, err = findAll(c, ids)
	}
	if err != nil {
		return err
	}
	if arts, err = a.wholeArticles(cmd.Context(), arts); err != nil {
		return err
	}
	pick.arts = arts
	problems := c.Problems
	if w := pick.warning(); w != nil {
		fmt.Fprintln(a.stderr, "pmureader: warning: "+termtext.OneLine(w.Err.Error()))
		problems = append(problems[:len(problems):len(problems)], *w)
	}
	opt := compare.Options{Aliases: aliases}
	if f.paragraphs {
		opt.Unit = passages.UnitParagraph
	}
	cmp, err := compare.Compare(arts, opt)
	if err != nil {
		return failed(err)
	}
	switch {
	case f.asJSON:
		return a.writeJSON(compareJSON{SchemaVersion: compareSchemaVersion, Comparison: cmp, Problems: problemsJSON(problems)})
	case f.markdown:
		if _, err := fmt.Fprint(a.stdout, compare.Markdown(cmp)); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	return a.printComparison(cmp, pick)
}

// findAll resolves ids to distinct articles; an unknown or ambiguous id is
// "not found" (exit 5), the same article twice a usage error.
func findAll(c *corpus.Corpus, ids []string) ([]*corpus.Article, error) {
	var arts []*corpus.Article
	seen := map[string]string{}
	for _, id := range ids {
		art, err := c.Find(id)
		if err != nil {
			return nil, notFound(err)
		}
		if prev, dup := seen[art.ID]; dup {
			return nil, usageErrorf("%q and %q are the same article, %s", prev, id, art.ID)
		}
		seen[art.ID] = id
		arts = append(arts, art)
	}
	return arts, nil
}

// storyPick is the articles of a story that compare --story compares,
// and those of its articles it leaves out.
type storyPick struct {
	story    stories.Story
	arts     []*corpus.Article
	leftOut  []*corpus.Article
	selected bool // --only chose them
}

// warning is the load-style problem that names the articles left out, or
// nil when none was.
func (p storyPick) warning() *corpus.Problem {
	if len(p.leftOut) == 0 {
		return nil
	}
	err := fmt.Errorf("story %s has %d articles and compare takes at most %d: left out %s; --only ID,ID chooses which",
		p.story.ID, len(p.story.Articles), compare.MaxArticles, leftOutList(p.leftOut))
	return &corpus.Problem{Err: err, Warning: true}
}

// storyArticles groups c into stories and picks the articles of the one
// whose id is ref or starts with it: those only names (ids or prefixes of
// its members), or its first compare.MaxArticles.
func (a *app) storyArticles(cmd *cobra.Command, c *corpus.Corpus, ref string, only []string, aliases *entities.Aliases) (storyPick, error) {
	found, err := a.group(cmd.Context(), c, stories.Options{Aliases: aliases})
	if err != nil {
		return storyPick{}, fmt.Errorf("group stories: %w", err)
	}
	var hits []stories.Story
	for _, s := range found {
		if s.ID == ref {
			hits = []stories.Story{s}
			break
		}
		if strings.HasPrefix(s.ID, ref) {
			hits = append(hits, s)
		}
	}
	switch {
	case len(hits) == 0:
		return storyPick{}, notFound(fmt.Errorf("no story has id %q (see 'pmureader stories')", ref))
	case len(hits) > 1:
		return storyPick{}, notFound(fmt.Errorf("story id %q is ambiguous: %d stories start with it", ref, len(hits)))
	case len(hits[0].Articles) < 2:
		return storyPick{}, notFound(fmt.Errorf("story %s has only one article; nothing to compare", hits[0].ID))
	}
	pick := storyPick{story: hits[0]}
	ids := pick.story.Articles
	if len(only) > 0 {
		if ids, err = membersNamed(pick.story, only); err != nil {
			return storyPick{}, err
		}
		pick.selected = true
	}
	all, err := findAll(c, ids)
	if err != nil {
		return storyPick{}, err
	}
	pick.arts = all[:min(len(all), compare.MaxArticles)]
	pick.leftOut = all[len(pick.arts):]
	return pick, nil
}

// membersNamed resolves names (ids or unique prefixes) among the story's
// articles, in the order given.
func membersNamed(s stories.Story, names []string) ([]string, error) {
	out := make([]string, 0, len(names))
	for _, n := range names {
		var match []string
		for _, id := range s.Articles {
			if id == n {
				match = []string{id}
				break
			}
			if strings.HasPrefix(id, n) {
				match = append(match, id)
			}
		}
		switch {
		case len(match) == 0:
			return nil, notFound(fmt.Errorf("story %s has no article %q (its articles: %s)", s.ID, n, strings.Join(s.Articles, ", ")))
		case len(match) > 1:
			return nil, notFound(fmt.Errorf("%q is ambiguous in story %s: %s", n, s.ID, strings.Join(match, ", ")))
		}
		out = append(out, match[0])
	}
	return out, nil
}
