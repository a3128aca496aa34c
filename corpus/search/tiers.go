package search

import (
	"strings"

	"github.com/pmureader/pmureader/corpus"
)

// FoundBy says why "find by title" found an article, which is also the
// tier it is ranked in.
type FoundBy int

// The tiers, best first.
const (
	// FoundByHeader: the query occurs as typed (contiguously, after
	// folding) in the title, outlet, author or story.
	FoundByHeader FoundBy = iota + 1
	// FoundByText: the article's text contains the query's words (word
	// search, exact words), though its header does not contain the query.
	FoundByText
	// FoundByLetters: the query's letters are scattered through the header
	// (fuzzy matching only).
	FoundByLetters
)

// String is the name scripts see: "title", "text" or "fuzzy".
func (f FoundBy) String() string {
	switch f {
	case FoundByHeader:
		return "title"
	case FoundByText:
		return "text"
	case FoundByLetters:
		return "fuzzy"
	}
	return ""
}

// Found is one result of "find by title" (Index.FindTitles,
// TitleSearcher.Find): the article, why it was found, and the hit that
// found it: Title for FoundByHeader and FoundByLetters (Words is zero),
// Words for FoundByText (Title is zero).
type Found struct {
	Article *corpus.Article
	By      FoundBy
	Title   TitleHit
	Words   WordHit
}

// FindTitles is "find by title", the reader's "/" search: fuzzy matching
// of the header (Titles) with the evidence ranked in three tiers,
//
//  1. headers that contain the query as typed, by fuzzy score;
//  2. articles whose text contains the query's words (Words), by BM25,
//     so "ketaib" finds the article that spells it so though no title
//     does;
//  3. the remaining fuzzy matches, letters scattered, by fuzzy score.
//
// A scattered fuzzy match over a long header is weak evidence ("ketaib" is
// scattered through "…airstrikes That targeted Iran-Backed…"), an exact
// word in the text is strong; the tiers keep both and put the strong
// first. Each article appears once, in its best tier. A query of nothing
// but spaces returns nil.
func (ix *Index) FindTitles(query string) []Found {
	return ix.tiers(query, ix.Titles(query))
}

// Find is FindTitles for a person typing: the fuzzy part narrows from the
// previous query as Search does. Its results equal FindTitles'. Over a
// large index, Found is the cheaper answer: it makes only the hits a view
// shows.
func (s *TitleSearcher) Find(query string) []Found {
	if strings.TrimSpace(FoldQuery(query)) == "" {
		return nil
	}
	return s.Found(query, s.ix.Words(query)).All()
}

// tiers ranks the fuzzy header hits of query and the word hits of its
// text in the three tiers of FindTitles.
func (ix *Index) tiers(query string, hits []TitleHit) []Found {
	if strings.TrimSpace(FoldQuery(query)) == "" {
		return nil
	}
	return Tiers(query, hits, ix.Words(query))
}

// Tiers ranks fuzzy header hits and word hits of query's text in the three
// tiers of FindTitles. The word hits may come from elsewhere than the
// index the header hits come from (a library's full-text index, whose
// articles are read whole while the headers are not), so an article is
// known by its ID.
func Tiers(query string, hits []TitleHit, words []WordHit) []Found {
	fq := FoldQuery(query)
	if strings.TrimSpace(fq) == "" {
		return nil
	}
	inText := make(map[string]bool, len(words))
	for _, h := range words {
		inText[h.Article.ID] = true
	}
	var tight, loose []Found
	seen := make(map[string]bool, len(hits))
	for _, h := range hits {
		switch {
		case strings.Contains(h.Haystack(), fq):
			tight = append(tight, Found{Article: h.Article, By: FoundByHeader, Title: h})
			seen[h.Article.ID] = true
		case !inText[h.Article.ID]:
			loose = append(loose, Found{Article: h.Article, By: FoundByLetters, Title: h})
			seen[h.Article.ID] = true
		}
	}
	out := tight
	for _, h := range words {
		if !seen[h.Article.ID] {
			seen[h.Article.ID] = true
			out = append(out, Found{Article: h.Article, By: FoundByText, Words: h})
		}
	}
	return append(out, loose...)
}
