package compare

import (
	"errors"
	"fmt"
	"slices"
	"time"

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
		c.Articles[i] = ArticleInfo{ID: a.ID, Title: a.Title, TitleDerived: a.TitleDerived, Outlet: a.Outlet, Byline: a.Byline(), Date: a.Date}
	}
	c.build(articles, opt)
	return c, nil
}

// ErrTooFew is returned by functions that need two or more texts.
var ErrTooFew = errors.New("need at least two texts")

// parallelWords is how many words (all articles together) a comparison
// needs before build uses more than one goroutine: below it, the hand-offs
// cost more than they save. Two news articles of 1,700 words
// (BenchmarkCompareNews2) take 5.8 ms at best on the 2-core reference
// machine on two workers against 7.5 ms on one (the medians are level at
// load 2); six, 26 ms against 30 ms. (It was 40,000 while the workers
// shared one stem memo behind a lock: contending for it, two workers were
// slower than one.)
const parallelWords = 2000

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
	listed := c.listEntities(an, res, w)
	defer listed()
	lex := opt.lex
	if lex == nil {
		lex = lexicon.English()
	}
	dense := denseWorkers(opt.workers, w, an)
	fs, vocab := features(an, lex, keys, dense)
	c.score(fs, vocab, lex, sc, float32(thr), dense)
	c.align(an, res, w)
	if !opt.noDifferences {
		in := c.differencesInput(articles, an, res, thr)
		in.Workers = w
		c.Differences = differences.Find(in)
	}
	if c.Differences == nil {
		c.Differences = []differences.Difference{}
	}
}

// parallelCells is how many passage pairs (all pairs of articles
// together) scoring needs before it uses every core when build uses one:
// a pair of articles is a task of its own, so the hand-off costs next to
// nothing, and the dense part (100-d vector cosines, about 30 ns a pair)
// dominates a comparison of six long articles (measured on the 2-core
// reference machine: six articles of 1,600 words, 158,000 pairs).
const parallelCells = 40000

// denseWorkers is how many goroutines do the dense work, the sentence
// vectors and the scoring of the pairs of articles: want
// when set (tests), else every core when there are parallelCells passage
// pairs or more, else what build uses (w).
func denseWorkers(want, w int, an [][]analysed) int {
	if want > 0 {
		return w
	}
	cells, pairs := 0, 0
	for i := range an {
		for j := i + 1; j < len(an); j++ {
			cells += len(an[i]) * len(an[j])
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
// article's name, date and whether it republishes another compared
// article, its passages with their analysis and rows, the passage scores
// and row threshold, and the resolver that named the entities.
func (c *Comparison) differencesInput(articles []*corpus.Article, an [][]analysed, res *entities.Resolver, thr float64) differences.Input {
	in := differences.Input{Articles: make([]differences.Article, len(c.Articles)), Scores: c.scoresTo, Threshold: thr, Entities: res}
	names := articleNames(articles)
	ids := map[string]bool{}
	for _, a := range articles {
		ids[a.ID] = true
	}
	for i, a := range c.Articles {
		ps := make([]differences.Passage, len(a.Passages))
		for p, pa := range a.Passages {
			ps[p] = differences.Passage{Text: pa.Text, Kind: pa.Kind, Paragraph: pa.Paragraph,
				Rows:   c.rowsOfRef(passages.Ref{Article: i, Passage: p}), // every row holding it
				Tokens: an[i][p].toks, Mentions: an[i][p].ments, Figures: an[i][p].figs}
		}
		art := articles[i]
		in.Articles[i] = differences.Article{Name: names[i], Date: art.Date.Time, DateSlack: dateSlack(art.Date.Precision),
			Copy: art.CopyOf != "" && art.CopyOf != art.ID && ids[art.CopyOf], Passages: ps}
	}
	return in
}

// articleNames are how differences name the compared articles: each one's
// outlet label (its id when it names no outlet), and, for articles sharing
// a label, a short title after it, or the id when titles do not tell them
// apart ("The News Line: US Aiding Terrorists In Iraq…").
func articleNames(articles []*corpus.Article) []string {
	names := make([]string, len(articles))
	count := map[string]int{}
	for i, a := range articles {
		names[i], _ = a.OutletLabel()
		if names[i] == "" {
			names[i] = fmt.Sprintf("article %d", i+1)
		}
		count[names[i]]++
	}
	titles := map[string]int{}
	for i, a := range articles {
		if count[names[i]] > 1 {
			titles[names[i]+"\x00"+clip(a.Title, 32)]++
		}
	}
	for i, a := range articles {
		if count[names[i]] < 2 {
			continue
		}
		t := clip(a.Title, 32)
		if t == "" || titles[names[i]+"\x00"+t] > 1 {
			t = a.ID
		}
		names[i] += ": " + t
	}
	return names
}

// dateSlack is how far off a date of this precision may be.
func dateSlack(p corpus.Precision) time.Duration {
	day := 24 * time.Hour
	switch p {
	case corpus.PrecisionApproximate:
		return 3 * day
	case corpus.PrecisionMonth:
		return 16 * day
	case corpus.PrecisionYear:
		return 183 * day
	}
	return 0
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
