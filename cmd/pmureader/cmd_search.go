package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
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

With --title, QUERY is found as the reader's "/" search finds it, with the
same hits in the same order: first the articles whose title, outlet, author
or story contains QUERY as typed, then those whose text contains its words
(marked ¶, with the paragraph), then fuzzy matches of the letters. Story
names are those 'pmureader stories' finds, so the corpus is grouped first.

Quote a QUERY of several words for your shell: pmureader search "kataib
hezbollah". When nothing matches, the exit code is 5 (like grep's 1), with
--json too (an empty "results").

` + pathsHelp,
		Example: `  pmureader search hezbollah
  pmureader search "kataib hezbollah"
  pmureader search '"popular mobilization"' ~/news
  pmureader search --title antiwar
  pmureader search killed --json | jq -r '.results[] | "\(.id) \(.paragraph)"'`,
		Args: func(cmd *cobra.Command, args []string) error {
			lead, _ := a.splitPaths(cmd, args, 1)
			if len(lead) == 0 {
				return usageErrorf("search needs a QUERY")
			}
			return checkQueryWords(cmd, args)
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
			doc, err := a.searchDoc(cmd.Context(), paths, query, titles, limit)
			if err != nil {
				return err
			}
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
	cmd.Flags().BoolVar(&titles, "title", false, `find by title, outlet, author and story, as the reader's "/" does`)
	cmd.Flags().IntVarP(&limit, "limit", "n", 0, "show at most `N` results (0: all)")
	a.addSourceFlags(cmd.Flags(), "source-limit")
	return cmd
}

// searchDoc runs the search: over a large library through its index,
// else over the articles loaded.
func (a *app) searchDoc(ctx context.Context, paths []string, query string, titles bool, limit int) (searchJSON, error) {
	if len(paths) == 0 && a.es.req == nil {
		find := a.searchLibrary
		if titles {
			find = a.searchLibraryTitles
		}
		if doc, ok, err := find(ctx, query, limit); ok || err != nil {
			return doc, err
		}
	}
	c, err := a.load(ctx, paths)
	if err != nil {
		return searchJSON{}, err
	}
	names, err := a.groupNames(ctx, c, !titles)
	if err != nil {
		return searchJSON{}, err
	}
	return runSearch(c, query, titles, a.snippetWidth(), limit, names.storyName), nil
}

// checkQueryWords catches a query of several words typed without quotes
// ("search kataib hezbollah"): a word after the query that is neither a
// file nor a folder, nor looks like a path, was meant as part of it. Paths
// after "--" or given with -C are the user's word that they are paths.
func checkQueryWords(cmd *cobra.Command, args []string) error {
	before := args
	if dash := cmd.ArgsLenAtDash(); dash >= 0 {
		before = args[:dash]
	}
	if len(before) < 2 {
		return nil
	}
	var words []string
	for _, p := range before[1:] {
		if looksLikeWord(p) {
			words = append(words, p)
		}
	}
	if len(words) == 0 {
		return nil
	}
	return usageErrorf("%q is not a file or folder; to search for several words, quote them: pmureader search %q",
		words[0], strings.Join(append([]string{before[0]}, words...), " "))
}

// looksLikeWord reports whether a path argument is rather a word: it
// names nothing on disk and has no separator or dot.
func looksLikeWord(p string) bool {
	if strings.ContainsAny(p, `/\.`) {
		return false
	}
	_, err := os.Stat(p)
	return errors.Is(err, fs.ErrNotExist)
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

// hitJSON is one search result. For a title search found by the header
// (FoundBy "title" or "fuzzy") Paragraph is -1, Paragraphs is empty and
// Snippet is "".
type hitJSON struct {
	ID           string `json:"id"`
	Title        string `json:"title"`
	TitleDerived bool   `json:"title_derived"`
	Outlet       string `json:"outlet"`
	Date         string `json:"date"`
	// FoundBy says why the article was found, and so its tier in a title
	// search: "title" (the query as typed is in its title, outlet, author
	// or story), "text" (its text has the query's words; every word
	// search hit) or "fuzzy" (the query's letters, scattered).
	FoundBy string `json:"found_by"`
	// Score ranks results, higher first: BM25 for words, sahilm/fuzzy's
	// score for titles. Comparable only within one search, and in a title
	// search within one FoundBy (the tiers come in that order).
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

	// For the text printer: the date for people ("~2017-08-08" when
	// approximate), and the article, for its outlet and title labels.
	dateText string
	article  *corpus.Article
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
// storyOf names each article's story for title search (nil: its metadata
// pin); titles searches as the reader's "/" does (search.FindTitles).
func runSearch(c *corpus.Corpus, query string, titles bool, snippetWidth, limit int, storyOf func(*corpus.Article) string) searchJSON {
	doc := searchJSON{SchemaVersion: schemaVersion, Query: query, Mode: "words", Results: []hitJSON{}, Problems: problemsJSON(c.Problems)}
	ix := search.NewWithOptions(c.Articles, search.Options{Story: storyOf})
	add := func(h hitJSON) bool {
		if limit > 0 && len(doc.Results) == limit {
			return false
		}
		doc.Results = append(doc.Results, h)
		return true
	}
	if titles {
		return titleSearchDoc(query, ix.FindTitles(query), snippetWidth, limit, c.Problems)
	}
	for _, h := range ix.Words(query) {
		if !add(wordHitJSON(h, snippetWidth)) {
			break
		}
	}
	return doc
}

// titleSearchDoc is the document of search --title: the tiers of
// search.FindTitles, at most limit of them (0: all).
func titleSearchDoc(query string, found []search.Found, snippetWidth, limit int, problems []corpus.Problem) searchJSON {
	doc := searchJSON{SchemaVersion: schemaVersion, Query: query, Mode: "title", Results: []hitJSON{}, Problems: problemsJSON(problems)}
	for _, f := range found {
		if limit > 0 && len(doc.Results) == limit {
			break
		}
		if f.By == search.FoundByText {
			doc.Results = append(doc.Results, wordHitJSON(f.Words, snippetWidth))
		} else {
			doc.Results = append(doc.Results, titleHitJSON(f.Title, f.By))
		}
	}
	return doc
}

// newHit is the part of a result every kind of hit fills the same way.
func newHit(a *corpus.Article, by search.FoundBy) hitJSON {
	return hitJSON{ID: a.ID, Title: a.Title, TitleDerived: a.TitleDerived, Outlet: a.Outlet, Date: dateOut(a.Date),
		FoundBy: by.String(), dateText: a.Date.String(), article: a}
}

// titleHitJSON is a hit found by the header: no paragraph.
func titleHitJSON(t search.TitleHit, by search.FoundBy) hitJSON {
	h := newHit(t.Article, by)
	hl := t.Highlights()
	h.Score, h.Paragraph, h.Paragraphs, h.Source = float64(t.Score), -1, []int{}, spanOut(t.Article.Source)
	h.Highlights = highlightsJSON{Title: ranges(hl.Title), Outlet: ranges(hl.Outlet), Snippet: [][2]int{}}
	return h
}

// wordHitJSON is a hit found by the words of the text: its best
// paragraph, the others, and a snippet about snippetWidth wide.
func wordHitJSON(w search.WordHit, snippetWidth int) hitJSON {
	h := newHit(w.Article, search.FoundByText)
	d := w.Detail(snippetWidth)
	h.Source = spanOut(w.Article.Source)
	if d.Paragraph >= 0 && d.Paragraph < len(w.Article.Body) {
		h.Source = spanOut(w.Article.Body[d.Paragraph].Source)
	}
	h.Paragraphs = d.Paragraphs
	if h.Paragraphs == nil {
		h.Paragraphs = []int{}
	}
	h.Score, h.Matches, h.Paragraph, h.Snippet = w.Score, w.Matches, d.Paragraph, d.Snippet
	h.Highlights = highlightsJSON{Title: [][2]int{}, Outlet: [][2]int{}, Snippet: ranges(d.Highlights)}
	return h
}

// snippetWidth is the snippet size asked of search: the wrap width less the
// indent the text printer puts before it.
func (a *app) snippetWidth() int {
	return max(a.out.wrapWidth()-snippetIndentWidth, 20)
}
