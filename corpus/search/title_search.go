package search

import (
	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/sahilm/fuzzy"
)

// TitleHit is one article found by title search.
type TitleHit struct {
	Article *corpus.Article
	// Index is the article's position in the Index (order of New and Add).
	Index int
	// Score is sahilm/fuzzy's score of the query against the article's
	// haystack (see Haystack); higher is better.
	Score int
	// Story is the story name that was searched for this article.
	Story string
	// matched are byte offsets into the haystack, as fuzzy reports them.
	matched []int
	hay     string
}

// Haystack returns the string that was matched (see the function
// Haystack), as stored in the index: no work, no allocation, so a view can
// test every hit cheaply (e.g. strings.Contains with FoldQuery(query) to
// tell contiguous matches from scattered ones).
func (h TitleHit) Haystack() string { return h.hay }

// Highlights maps the matched characters back to the original title,
// outlet, author and story. It is computed on demand, so a search that
// finds 80,000 articles costs nothing for the rows nobody looks at.
func (h TitleHit) Highlights() Highlights {
	fields := h.fields()
	return highlights(&fields, h.matched)
}

// MatchedIndexes returns the byte offsets into Haystack of the matched
// characters, as sahilm/fuzzy reports them.
func (h TitleHit) MatchedIndexes() []int { return h.matched }

func (h TitleHit) fields() [numFields]string {
	a := h.Article
	return [numFields]string{a.Title, a.Outlet, a.Author, h.Story}
}

// Haystack returns the string title search matches for an article with the
// given story name: folded title, outlet, author and story, the non-empty
// ones joined by " | ". Exposed so tests and tools can compare with a plain
// fuzzy.Find over the same strings.
func Haystack(a *corpus.Article, story string) string {
	f := [numFields]string{a.Title, a.Outlet, a.Author, story}
	return string(buildHay(nil, &f))
}

// FoldQuery returns the form of a title query that is matched: the key
// form of the haystacks (textnorm.Key).
func FoldQuery(q string) string {
	return textnorm.Key(q)
}

// titleStore holds, per article, the folded haystack, whether it is
// ASCII, and for ASCII haystacks the presence mask of its bytes and where
// letters start words (wordStarts, what tightens score bounds).
type titleStore struct {
	hays    []string
	stories []string
	masks   []uint64
	starts  []uint64
	ascii   []bool
}

// appendStore appends u's entries to t.
func (t *titleStore) appendStore(u *titleStore) {
	t.hays = append(t.hays, u.hays...)
	t.stories = append(t.stories, u.stories...)
	t.masks = append(t.masks, u.masks...)
	t.starts = append(t.starts, u.starts...)
	t.ascii = append(t.ascii, u.ascii...)
}

func (t *titleStore) add(articles []*corpus.Article, story func(*corpus.Article) string) {
	for len(articles) > 0 {
		n := min(len(articles), arenaArticles)
		t.addArena(articles[:n], story)
		articles = articles[n:]
	}
}

// arenaArticles is how many haystacks share one string (see addArena):
// about 800 KB of them.
const arenaArticles = 1 << 13

// addArena adds the haystacks of articles, built into one buffer and cut
// from one string: a keystroke reads them in order, and from contiguous
// memory it reads them about twice as fast as from a string allocated
// each (BenchmarkTitleSearch/1M, median keystroke 27-39 ms -> 15-18 ms,
// the same minutes).
func (t *titleStore) addArena(articles []*corpus.Article, story func(*corpus.Article) string) {
	var buf []byte
	ends := make([]int, len(articles))
	for i, a := range articles {
		s := story(a)
		f := [numFields]string{a.Title, a.Outlet, a.Author, s}
		buf = buildHay(buf, &f)
		ends[i] = len(buf)
		t.stories = append(t.stories, s)
	}
	all := string(buf)
	start := 0
	for _, end := range ends {
		h := all[start:end]
		start = end
		t.hays = append(t.hays, h)
		asc := isASCII(h)
		t.ascii = append(t.ascii, asc)
		var m, starts uint64
		if asc {
			m, starts = presenceMask(h), wordStarts(h)
		}
		t.masks = append(t.masks, m)
		t.starts = append(t.starts, starts)
	}
}

// Titles fuzzy-matches query against every article's title, outlet, author
// and story, and returns the matches ranked exactly as fuzzy.Find ranks
// them (best score first, ties in index order). An empty query returns nil.
// A person typing should use a TitleSearcher, which narrows as they type.
func (ix *Index) Titles(query string) []TitleHit {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	pattern := FoldQuery(query)
	if pattern == "" {
		return nil
	}
	res, _ := ix.matchTitles(pattern, allCandidates(len(ix.articles)))
	return res.All()
}

// titlesPlain is Titles done by fuzzy.Find itself, the reference.
func (ix *Index) titlesPlain(query string) []TitleHit {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	pattern := FoldQuery(query)
	if pattern == "" {
		return nil
	}
	ms := fuzzy.Find(pattern, ix.titles.hays)
	out := make([]TitleHit, len(ms))
	for i, m := range ms {
		out[i] = TitleHit{
			Article: ix.articles[m.Index],
			Index:   m.Index,
			Score:   m.Score,
			Story:   ix.titles.stories[m.Index],
			matched: m.MatchedIndexes,
			hay:     ix.titles.hays[m.Index],
		}
	}
	return out
}
