package main

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/spf13/cobra"
)

// storiesJSON is `pmureader stories --json`: stories.Story values as that
// package tags them.
type storiesJSON struct {
	SchemaVersion int             `json:"schema_version"`
	Stories       []stories.Story `json:"stories"`
	Problems      []problemJSON   `json:"problems"`
}

// compareSchemaVersion is compare --json's schemaVersion: 2 since rows
// changed meaning (a passage may be in several rows; a row's score is the
// mean similarity of the links that hold it, the same in any comparison).
const compareSchemaVersion = 2

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
			c, err := a.load(cmd.Context(), paths)
			if err != nil {
				return err
			}
			found, err := stories.Group(cmd.Context(), c.Articles, stories.Options{SameOutlet: sameOutlet, Aliases: aliases})
			if err != nil {
				return fmt.Errorf("group stories: %w", err)
			}
			if asJSON {
				if found == nil {
					found = []stories.Story{}
				}
				return a.writeJSON(storiesJSON{SchemaVersion: schemaVersion, Stories: found, Problems: problemsJSON(c.Problems)})
			}
			return a.printStories(c, found)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&sameOutlet, "same-outlet", false, "allow several articles of one outlet in a story")
	cmd.Flags().StringVar(&aliasFile, "aliases", "", "extra entity spellings from `FILE`")
	return cmd
}

func (a *app) compareCmd() *cobra.Command {
	var asJSON, markdown, paragraphs bool
	var aliasFile, storyRef string
	cmd := &cobra.Command{
		Use:   "compare ID ID... [-- PATH...]",
		Short: "Line up several outlets' accounts of the same event",
		Long: fmt.Sprintf(`Compare 2 to %d articles side by side: the passages that report the same
thing, aligned in rows; the passages unique to one article; and the
differences: figures that disagree, who is quoted, how each outlet labels
the same actor. IDs may be unique prefixes. With --story ID, compare the
articles of that story (see 'pmureader stories'; the first %d).

Every positional argument is an article ID; give input paths after "--" or
with -C/--corpus. With none, the bundled seeds are read.

--json prints the comparison as data, --markdown as a shareable report.
Passages are sentences; --paragraphs compares whole paragraphs.
%s`, compare.MaxArticles, compare.MaxArticles, aliasesHelp),
		Example: `  pmureader compare 001 003
  pmureader compare --story 001
  pmureader compare a1 a2 a3 -- ~/news
  pmureader compare 001 003 --markdown > side-by-side.md
  pmureader compare 001 003 --json | jq '.comparison.differences[].summary'`,
		Args: func(cmd *cobra.Command, args []string) error {
			ids, _ := a.splitPaths(cmd, args, -1)
			switch {
			case storyRef != "" && len(ids) > 0:
				return usageErrorf("give either --story or article IDs, not both")
			case storyRef != "":
				return nil
			case len(ids) < 2:
				return usageErrorf("compare needs at least 2 article IDs (or --story ID)")
			case len(ids) > compare.MaxArticles:
				return usageErrorf("compare takes at most %d articles, got %d", compare.MaxArticles, len(ids))
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			ids, paths := a.splitPaths(cmd, args, -1)
			aliases, err := loadAliases(aliasFile)
			if err != nil {
				return err
			}
			c, err := a.load(cmd.Context(), paths)
			if err != nil {
				return err
			}
			var arts []*corpus.Article
			if storyRef != "" {
				arts, err = storyArticles(cmd, c, storyRef, aliases)
			} else {
				arts, err = findAll(c, ids)
			}
			if err != nil {
				return err
			}
			opt := compare.Options{Aliases: aliases}
			if paragraphs {
				opt.Unit = passages.UnitParagraph
			}
			cmp, err := compare.Compare(arts, opt)
			if err != nil {
				return failed(err)
			}
			switch {
			case asJSON:
				return a.writeJSON(compareJSON{SchemaVersion: compareSchemaVersion, Comparison: cmp, Problems: problemsJSON(c.Problems)})
			case markdown:
				if _, err := fmt.Fprint(a.stdout, compare.Markdown(cmp)); err != nil {
					return fmt.Errorf("write output: %w", err)
				}
				return nil
			}
			return a.printComparison(cmp)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&markdown, "markdown", false, "print a Markdown report")
	cmd.Flags().BoolVar(&paragraphs, "paragraphs", false, "align whole paragraphs, not sentences")
	cmd.Flags().StringVar(&aliasFile, "aliases", "", "extra entity spellings from `FILE`")
	cmd.Flags().StringVar(&storyRef, "story", "", "compare the articles of story `ID` (a unique prefix will do)")
	cmd.MarkFlagsMutuallyExclusive("json", "markdown")
	return cmd
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

// storyArticles groups c into stories and returns the articles of the one
// whose id is ref or starts with it (at most compare.MaxArticles).
func storyArticles(cmd *cobra.Command, c *corpus.Corpus, ref string, aliases *entities.Aliases) ([]*corpus.Article, error) {
	found, err := stories.Group(cmd.Context(), c.Articles, stories.Options{Aliases: aliases})
	if err != nil {
		return nil, fmt.Errorf("group stories: %w", err)
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
		return nil, notFound(fmt.Errorf("no story has id %q (see 'pmureader stories')", ref))
	case len(hits) > 1:
		return nil, notFound(fmt.Errorf("story id %q is ambiguous: %d stories start with it", ref, len(hits)))
	case len(hits[0].Articles) < 2:
		return nil, notFound(fmt.Errorf("story %s has only one article; nothing to compare", hits[0].ID))
	}
	ids := hits[0].Articles
	if len(ids) > compare.MaxArticles {
		ids = ids[:compare.MaxArticles]
	}
	return findAll(c, ids)
}
