package stories

import (
	"context"
	"sync/atomic"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// Story is a group of articles that report the same event.
type Story struct {
	// ID is stable across runs and loads: the smallest member article id,
	// or "story:" + the pin for a story pinned in metadata.
	ID string `json:"id"`
	// Name is a short label for people: the pin, or the most central
	// article's metadata Event, or its title.
	Name     string   `json:"name"`
	Articles []string `json:"articles"` // article ids, oldest first
	// Outlets are the distinct outlets of the members, in article order:
	// the accounts of the event. A republication (Article.CopyOf) of a
	// member is no account of its own, and its outlet is not counted.
	Outlets []string `json:"outlets"`
	// Start and End span the members' known dates (zero when none known).
	Start corpus.Date `json:"start"`
	End   corpus.Date `json:"end"`
	// Related lists the IDs of stories about the same actors at other
	// times, most related first.
	Related []string `json:"related,omitempty"`
	// Pinned is true when metadata named the story (Article.Story).
	Pinned bool `json:"pinned,omitempty"`
	// Score is the mean similarity (0..1) of the members' pairs; 1 for a
	// story of one article.
	Score float64 `json:"score"`
}

// Options tunes Group. The zero value is the default.
type Options struct {
	// SameOutlet lifts the rule that a story holds at most one article per
	// outlet (articles without an outlet, and republications, are never
	// restricted).
	SameOutlet bool
	// Threshold is the least similarity (0..1) for two articles to be in
	// one story; 0 means DefaultThreshold. Related stories are linked at
	// the same threshold.
	Threshold float64
	// Aliases resolves entity spellings; nil means entities.DefaultAliases().
	Aliases *entities.Aliases
	// Progress, when not nil, is called as grouping advances, with the
	// work done and the work in all (articles times the passes over
	// them); the last steps, linking and naming, are quick and not
	// counted. It is called from several goroutines at once, so it must
	// be safe for concurrent use, and quick.
	Progress func(done, total int)

	// workers bounds the goroutines Group uses; 0 means GOMAXPROCS. Tests
	// set 1 to check that the parallel path gives exactly what the
	// sequential one gives.
	workers int
}

// groupPasses is how many times Group goes over the articles in blocks:
// words, names, vectors, candidates. Progress counts articles per pass.
const groupPasses = 4

// progress counts Group's work for Options.Progress.
type progress struct {
	report func(done, total int)
	total  int
	done   atomic.Int64
}

// add records k more articles done in a pass.
func (p *progress) add(k int) {
	if p != nil && p.report != nil {
		p.report(int(p.done.Add(int64(k))), p.total)
	}
}

// Defaults for Group.
const (
	DefaultThreshold = 0.15
	// DefaultRelatedThreshold is the least content similarity of related
	// stories by default. Group links related stories at its Threshold,
	// which is DefaultThreshold, the same value, by default.
	DefaultRelatedThreshold = 0.15
	// sameStoryDays is the date gap (beyond each date's slack) within which
	// two articles can report one event; beyond fadeDays they cannot.
	sameStoryDays = 7
	fadeDays      = 21
	// relatedDays bounds how far apart related stories may be.
	relatedDays = 120
	// topTerms is how many of an article's strongest terms go into the
	// candidate index; maxCandidates how many candidates each article keeps.
	topTerms      = 24
	maxCandidates = 40
)

// Group sorts articles into stories. Similarity is the cosine of TF-IDF
// vectors over stemmed content words and resolved entities (title words
// count double), scaled down as known dates drift apart; candidate pairs come
// from an inverted index of each article's rarest strong terms, not from all
// pairs, so 10,000 articles group in seconds. Clusters grow by average link:
// two stories join when their articles' mean similarity reaches the
// threshold, never two articles of one outlet (unless SameOutlet) and never
// two different metadata pins. Stories are returned oldest first.
func Group(ctx context.Context, articles []*corpus.Article, opt Options) ([]Story, error) {
	thr := opt.Threshold
	if thr <= 0 {
		thr = DefaultThreshold
	}
	al := opt.Aliases
	if al == nil {
		al = entities.DefaultAliases()
	}
	w := pool.Workers(opt.workers, len(articles))
	prog := &progress{report: opt.Progress, total: groupPasses * len(articles)}
	docs, err := storyFeatures(ctx, articles, al, w, prog)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	edges, err := candidateEdges(ctx, docs, buildCandidateIndex(docs), w, prog)
	if err != nil {
		return nil, err
	}
	cl := newClusters(docs)
	cl.link(edges, thr, opt.SameOutlet)
	stories, articleStory := buildStories(cl)
	linkRelated(stories, articleStory, edges, docs, thr)
	sortStories(stories)
	return stories, nil
}
