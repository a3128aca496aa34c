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
	"github.com/pmureader/pmureader/corpus/passages"
)

// Compare lines up 2 to MaxArticles articles: it cuts each into passages,
// scores every pair of passages from different articles, groups the
// passages that report the same thing into rows, and lists what has no
// counterpart and how the accounts differ.
//
// Passage similarity is the cosine of TF-IDF vectors over stemmed content
// words, numbers and resolved entities (an entity counts once however it
// is spelled), with IDF taken over all passages compared. Counterparts are
// chosen greedily from the best-scoring pair down, one passage per article
// per row, never assuming the accounts tell things in the same order.
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
	words := wordEstimate(articles)
	want := opt.workers
	if want == 0 && words < parallelWords {
		want = 1
	}
	w := pool.Workers(want, len(articles))
	an, keys, res := c.analyse(articles, opt.Unit, al, w, words)
	vectorize(an, keys)
	c.score(an, w)
	c.align(an, thr, res)
	if !opt.noDifferences {
		c.Differences = differences.Find(c.differencesInput(articles, an, res, thr))
	}
	if c.Differences == nil {
		c.Differences = []differences.Difference{}
	}
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
		rowOf := c.rowOf[i] // each passage's one row, the backing of its Rows
		for p, pa := range a.Passages {
			var rows []int
			if rowOf[p] >= 0 {
				rows = rowOf[p : p+1 : p+1]
			}
			ps[p] = differences.Passage{Text: pa.Text, Kind: pa.Kind, Paragraph: pa.Paragraph, Rows: rows,
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
// article j, by passage, in dst's storage: a row of the stored matrix when
// a's article comes first, cell by cell otherwise.
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
		for q := range dst {
			dst[q] = float32(c.Score(a, passages.Ref{Article: j, Passage: q}))
		}
		return dst
	}
	m := &c.scores[a.Article][j]
	for x := m.start[a.Passage]; x < m.start[a.Passage+1]; x++ {
		dst[m.q[x]] = m.v[x]
	}
	return dst
}
