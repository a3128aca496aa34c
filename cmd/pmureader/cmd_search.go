package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

func (a *app) searchCmd() *cobra.Command {
	var asJSON, titles bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY [PATH...]",
		Short: "Find articles by the words of their bodies, or by title",
		Long: `Search article bodies for every word of QUERY (any order, any paragraph;
"double quotes" for an exact phrase within one paragraph). Matching ignores
case and accents, and "Kata’ib" matches "Kataib". Results are ranked best
first (BM25) and show the outlet, the title and a snippet of the best
paragraph.

With --title, QUERY is matched fuzzily against titles, outlets, authors and
story names instead, as in the reader's "/" search.

Quote a QUERY of several words for your shell. When nothing matches, the
exit code is 5 (like grep's 1), with --json too (an empty "results").

` + pathsHelp,
		Example: `  pmureader search hezbollah
  pmureader search '"popular mobilization"' ~/news
  pmureader search --title antiwar
  pmureader search killed --json | jq -r '.results[] | "\(.id) \(.paragraph)"'`,
		Args: func(cmd *cobra.Command, args []string) error {
			if lead, _ := a.splitPaths(cmd, args, 1); len(lead) == 0 {
				return usageErrorf("search needs a QUERY")
			}
			return nil
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			lead, paths := a.splitPaths(cmd, args, 1)
			query := lead[0]
			if strings.TrimSpace(query) == "" || (!titles && len(textnorm.Keys(query)) == 0) {
				return usageErrorf("the search QUERY %q has no words to search for", query)
			}
			if limit < 0 {
				return usageErrorf("--limit must be 0 (no limit) or more")
			}
			c, err := a.load(cmd.Context(), paths)
			if err != nil {
				return err
			}
			doc := runSearch(c, query, titles, a.snippetWidth(), limit)
			if asJSON {
				err = a.writeJSON(doc)
			} else {
				err = a.printSearch(doc)
			}
			if err != nil {
				return err
			}
			if len(doc.Results) == 0 {
				return notFound(fmt.Errorf("no article matches %q", query))
			}
			return nil
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON instead of text")
	cmd.Flags().BoolVar(&titles, "title", false, "fuzzy search of titles, outlets and authors instead of bodies")
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "show at most `N` results (0: all)")
	return cmd
}

// searchJSON is `pmureader search --json`, and what the text printer reads.
type searchJSON struct {
	SchemaVersion int    `json:"schema_version"`
	Query         string `json:"query"`
	// Mode is "words" (body search) or "title" (--title).
	Mode     string        `json:"mode"`
	Results  []hitJSON     `json:"results"`
	Problems []problemJSON `json:"problems"`
}

// hitJSON is one search result. For a title search Paragraph is -1,
// Paragraphs is empty and Snippet is "".
type hitJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	// dateText is the date for people ("~2017-08-08" when approximate).
	dateText string
	// Score ranks results, higher first: BM25 for words, sahilm/fuzzy's
	// score for titles. Comparable only within one search.
	Score float64 `json:"score"`
	// Matches is how often the query's words occur in the body (words only).
	Matches int `json:"matches"`
	// Paragraph is the index (into the article's paragraphs) of the best
	// matching paragraph; Paragraphs lists every paragraph with a match.
	Paragraph  int   `json:"paragraph"`
	Paragraphs []int `json:"paragraphs"`
	// Snippet is about one line of the best paragraph around the match.
	Snippet string `json:"snippet"`
	// Source is the best paragraph's lines, or the article's for a title hit.
	Source     spanJSON       `json:"source"`
	Highlights highlightsJSON `json:"highlights"`
}

// highlightsJSON are matched byte ranges [start, end) into the strings of
// the same name in the result.
type highlightsJSON struct {
	Title   [][2]int `json:"title"`
	Outlet  [][2]int `json:"outlet"`
	Snippet [][2]int `json:"snippet"`
}

func ranges(rs []search.Range) [][2]int {
	out := make([][2]int, 0, len(rs))
	for _, r := range rs {
		out = append(out, [2]int{r.Start, r.End})
	}
	return out
}

// runSearch searches c and converts the hits; limit 0 keeps them all.
func runSearch(c *corpus.Corpus, query string, titles bool, snippetWidth, limit int) searchJSON {
	doc := searchJSON{SchemaVersion: schemaVersion, Query: query, Mode: "words", Results: []hitJSON{}, Problems: problemsJSON(c.Problems)}
	ix := search.New(c.Articles)
	if titles {
		doc.Mode = "title"
		for _, h := range ix.Titles(query) {
			if limit > 0 && len(doc.Results) == limit {
				break
			}
			hl := h.Highlights()
			doc.Results = append(doc.Results, hitJSON{
				ID: h.Article.ID, Title: h.Article.Title, Outlet: h.Article.Outlet, Date: dateOut(h.Article.Date), dateText: h.Article.Date.String(),
				Score: float64(h.Score), Paragraph: -1, Paragraphs: []int{}, Source: spanOut(h.Article.Source),
				Highlights: highlightsJSON{Title: ranges(hl.Title), Outlet: ranges(hl.Outlet), Snippet: [][2]int{}},
			})
		}
		return doc
	}
	for _, h := range ix.Words(query) {
		if limit > 0 && len(doc.Results) == limit {
			break
		}
		d := h.Detail(snippetWidth)
		src := spanOut(h.Article.Source)
		if d.Paragraph >= 0 && d.Paragraph < len(h.Article.Body) {
			src = spanOut(h.Article.Body[d.Paragraph].Source)
		}
		paras := d.Paragraphs
		if paras == nil {
			paras = []int{}
		}
		doc.Results = append(doc.Results, hitJSON{
			ID: h.Article.ID, Title: h.Article.Title, Outlet: h.Article.Outlet, Date: dateOut(h.Article.Date), dateText: h.Article.Date.String(),
			Score: h.Score, Matches: h.Matches, Paragraph: d.Paragraph, Paragraphs: paras,
			Snippet: d.Snippet, Source: src,
			Highlights: highlightsJSON{Title: [][2]int{}, Outlet: [][2]int{}, Snippet: ranges(d.Highlights)},
		})
	}
	return doc
}

// snippetWidth is the snippet size asked of search: the wrap width less the
// indent the text printer puts before it.
func (a *app) snippetWidth() int {
	return max(a.out.wrapWidth()-snippetIndentWidth, 20)
}
