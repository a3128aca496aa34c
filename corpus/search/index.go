package search

import (
	"sync"

	"github.com/pmureader/pmureader/corpus"
)

// Range is a byte range [Start, End) into a string.
type Range struct {
	Start, End int
}

// Options tunes an Index.
type Options struct {
	// Story names the story an article belongs to, for title search. Nil
	// means the article's own Story field. Story grouping runs after
	// loading; call SetStory when its names are known.
	Story func(*corpus.Article) string
}

// Index holds the articles and what is needed to search them: the folded
// header strings for fuzzy title search and the inverted index of body words.
type Index struct {
	// addMu serialises Add and SetStory, the only writers, so that they can
	// do their heavy work before taking mu, which searches wait for.
	addMu    sync.Mutex
	mu       sync.RWMutex
	story    func(*corpus.Article) string
	articles []*corpus.Article
	titles   titleStore
	words    wordIndex
	// gen changes whenever existing title strings change (SetStory), so a
	// TitleSearcher knows its narrowing cache is no longer valid.
	gen uint64
}

// New indexes articles for both searches.
func New(articles []*corpus.Article) *Index {
	return NewWithOptions(articles, Options{})
}

// NewWithOptions is New with options.
func NewWithOptions(articles []*corpus.Article, opt Options) *Index {
	ix := &Index{story: opt.Story}
	ix.Add(articles)
	return ix
}

// Add indexes more articles, appended after those already indexed (the TUI
// adds batches while a large corpus streams in). Searches wait while Add
// runs; a TitleSearcher includes the new articles in its next search.
func (ix *Index) Add(articles []*corpus.Article) {
	if len(articles) == 0 {
		return
	}
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	// Only Add and SetStory change articles and story, and they hold
	// addMu: both can be read here without mu. The batch is tokenised and
	// indexed before mu is taken; under mu it is only merged.
	base := len(ix.articles)
	var titles titleStore
	titles.add(articles, ix.storyOf)
	parts := buildParts(base, articles)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.articles = append(ix.articles, articles...)
	ix.titles.appendStore(&titles)
	ix.words.merge(parts)
}

// SetStory changes how story names are found (see Options.Story) and
// rebuilds the title strings. Call it after story grouping.
func (ix *Index) SetStory(fn func(*corpus.Article) string) {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	var titles titleStore
	story := func(a *corpus.Article) string {
		if fn != nil {
			return fn(a)
		}
		return a.Story
	}
	titles.add(ix.articles, story)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.story = fn
	ix.titles = titles
	ix.gen++
}

// Len returns how many articles are indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.articles)
}

// Article returns the i-th indexed article (the order of New and Add).
func (ix *Index) Article(i int) *corpus.Article {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.articles[i]
}

func (ix *Index) storyOf(a *corpus.Article) string {
	if ix.story != nil {
		return ix.story(a)
	}
	return a.Story
}
