package compare

import (
	"errors"
	"fmt"
	"slices"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/passages"
)

// Compare lines up 2 to MaxArticles articles: it cuts each into passages,
// scores every pair of passages from different articles, groups the
// passages that report the same thing into rows, and lists what has no
// counterpart and how the accounts differ.
//
// A pair of passages is scored from the two articles alone: the cosine of
// their content terms (stems, numbers, resolved entities) weighted by
// rarity in English and in the pair, beside the cosine of sentence vectors
// of what their words mean, with news priors; see the README's "How
// passages are lined up". Each pair of articles is linked on its own (the
// best pairs first, one sentence to two where it covers both), and rows
// are built from the links of every pair, never assuming the accounts tell
// things in the same order.
func Compare(articles []*corpus.Article, opt Options) (*Comparison, error) {
	if len(articles) < 2 {
		return nil, fmt.Errorf("compare: need at least 2 articles, got %d", len(articles))
	}
	if len(articles) > MaxArticles {
		return nil, fmt.Errorf("compare: at most %d articles, got %d", MaxArticles, len(articles))
	}
	seen := map[string]bool{}
	for i, a := range articles {
		if a == nil {
			return nil, fmt.Errorf("compare: article %d is nil", i)
		}
		if seen[a.ID] && a.ID != "" {
			return nil, fmt.Errorf("compare: article %s given twice", a.ID)
		}
		seen[a.ID] = true
	}
	c := &Comparison{Articles: make([]ArticleInfo, len(articles))}
	for i, a := range articles {
		// Passages are cut by build, in parallel.
		c.Articles[i] = ArticleInfo{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline(), Date: a.Date}
	}
	c.build(articles, opt)
	return c, nil
}

// ErrTooFew is returned by functions that need two or more texts.
var ErrTooFew = errors.New("need at least two texts")

// parallelWords is how many words (all articles together) a comparison
// needs before build uses more than one goroutine. Six articles of 1,000
// words take about 12 ms on one core; split over two, the hand-offs at each
// step and the shared stem memo cost more than they save on a busy machine
// (measured on the 2-core reference machine at load 10: median 24 ms on
// two workers against 14.5 ms on one; at load 2 the two were level).
// Longer texts, whose steps take tens of milliseconds, use every core.
const parallelWords = 40000

// build analyses the passages and fills rows, unique passages, entities and
// differences. The work on one article (cutting passages, tokens, names,
// figures) and the scoring of one pair of articles run on up to
// opt.workers goroutines; what crosses articles (capitalisation statistics,
// entity resolution, term ids, rows) is done in article order, so the
// result does not depend on scheduling.
func (c *Comparison) build(articles []*corpus.Article, opt Options) {
	al := opt.Aliases
	if al == nil {
		al = entities.DefaultAliases()
	}
	thr := opt.Threshold
	if thr <= 0 {
		thr = DefaultRowThreshold
	}
	sc := opt.scoring
	if sc == nil {
		sc = &defaultScoring
	}
	words := wordEstimate(articles)
	want := opt.workers
	if want == 0 && words < parallelWords {
		want = 1
	}
	w := pool.Workers(want, len(articles))
	an, keys, res := c.analyse(articles, opt.Unit, al, w, words)
	lex := lexicon.English()
	fs, vocab := features(an, lex, keys)
	c.score(fs, vocab, lex, sc, scoreWorkers(opt.workers, w, fs))
	c.align(an, float32(thr), res)
	c.Differences = differences.Find(c.differencesInput(an, res))
}

// parallelCells is how many passage pairs (all pairs of articles
// together) scoring needs before it uses every core when build uses one:
// a pair of articles is a task of its own, so the hand-off costs next to
// nothing, and the dense part (100-d vector cosines, about 30 ns a pair)
// dominates a comparison of six long articles (measured on the 2-core
// reference machine: six articles of 1,600 words, 158,000 pairs).
const parallelCells = 40000

// scoreWorkers is how many goroutines score the pairs of articles: want
// when set (tests), else every core when there are parallelCells passage
// pairs or more, else what build uses (w).
func scoreWorkers(want, w int, fs []artFeatures) int {
	if want > 0 {
		return w
	}
	cells, pairs := 0, 0
	for i := range fs {
		for j := i + 1; j < len(fs); j++ {
			cells += fs[i].n() * fs[j].n()
			pairs++
		}
	}
	if cells >= parallelCells {
		return pool.Workers(0, pairs)
	}
	return w
}

// wordEstimate is about how many words the articles hold (bytes / 6).
func wordEstimate(articles []*corpus.Article) int {
	words := 0
	for _, a := range articles {
		words += len(a.Title) + len(a.Dek)
		for _, p := range a.Body {
			words += len(p.Text)
		}
	}
	return words / 6
}

// differencesInput is what the difference rules read of a comparison: each
// article's name and passages with their analysis and row, the passage
// scores, and the resolver that named the entities.
func (c *Comparison) differencesInput(an [][]analysed, res *entities.Resolver) differences.Input {
	in := differences.Input{Articles: make([]differences.Article, len(c.Articles)), Scores: c.scoresTo, Entities: res}
	for i, a := range c.Articles {
		ps := make([]differences.Passage, len(a.Passages))
		for p, pa := range a.Passages {
			ps[p] = differences.Passage{Text: pa.Text, Paragraph: pa.Paragraph, Row: c.RowOf(passages.Ref{Article: i, Passage: p}),
				Tokens: an[i][p].toks, Mentions: an[i][p].ments, Figures: an[i][p].figs}
		}
		in.Articles[i] = differences.Article{Name: articleName(a, i), Passages: ps}
	}
	return in
}

// articleName is how difference summaries name an article: its outlet,
// else its id, else its place ("article 2").
func articleName(a ArticleInfo, i int) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	if a.ID != "" {
		return a.ID
	}
	return fmt.Sprintf("article %d", i+1)
}

// scoresTo returns the scores of passage a against every passage of
// article j, by passage, in dst's storage.
func (c *Comparison) scoresTo(a passages.Ref, j int, dst []float32) []float32 {
	n := 0
	if j >= 0 && j < len(c.Articles) {
		n = len(c.Articles[j].Passages)
	}
	dst = slices.Grow(dst[:0], n)[:n]
	clear(dst)
	if !c.valid(a) || n == 0 || a.Article == j {
		return dst
	}
	if a.Article > j {
		m := &c.pairs[j][a.Article]
		for q := range dst {
			dst[q] = m.at(q, a.Passage)
		}
		return dst
	}
	m := &c.pairs[a.Article][j]
	copy(dst, m.v[a.Passage*m.nj:(a.Passage+1)*m.nj])
	return dst
}
