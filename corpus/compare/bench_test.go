package compare

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/corpus/tokens"
	"github.com/pmureader/pmureader/internal/cputime"
	"github.com/pmureader/pmureader/internal/evalcorpus"
)

// benchArticles builds n articles of about 1,000 words each from synthetic
// articles: article i takes the paragraphs of synthetic articles i, i+n,
// i+2n, … until it has 1,000 words.
func benchArticles(n int) []*corpus.Article {
	src := synth.Articles(40*n, 7)
	out := make([]*corpus.Article, n)
	for i := range out {
		a := &corpus.Article{ID: fmt.Sprintf("bench-%d", i), Outlet: fmt.Sprintf("Outlet %d", i), Title: src[i].Title}
		for k := i; k < len(src) && a.Words < 1000; k += n {
			for _, p := range src[k].Body {
				a.Body = append(a.Body, p)
				a.Words += len(tokens.Tokenize(p.Text))
			}
		}
		out[i] = a
	}
	return out
}

func benchmarkCompare(b *testing.B, n int) { benchmarkCompareOpt(b, n, Options{}) }

func benchmarkCompareOpt(b *testing.B, n int, opt Options) {
	benchmarkCompareOf(b, benchArticles(n), opt)
}

// newsArticles builds n articles of about as many words as benchArticles'
// from real news (news_ecb), so that the words are English words, with
// stems, vectors and background frequencies, as in the articles people
// compare: article i takes the i-th document of each event in turn (so the
// articles report the same events, as compared articles do) until it has
// 1,500 words. It skips b where the data is absent.
func newsArticles(b *testing.B, n int) []*corpus.Article {
	_, docs := evalcorpus.NewsECB(b)
	events := map[string][]string{}
	for id := range docs {
		ev, _, _ := strings.Cut(id, "_")
		events[ev] = append(events[ev], id)
	}
	names := slices.Sorted(maps.Keys(events))
	out := make([]*corpus.Article, n)
	for i := range out {
		a := &corpus.Article{ID: fmt.Sprintf("news-%d", i), Outlet: fmt.Sprintf("Outlet %d", i)}
		for _, ev := range names {
			ids := slices.Sorted(slices.Values(events[ev]))
			if i >= len(ids) || a.Words >= 1500 {
				continue
			}
			for _, p := range docs[ids[i]].Body {
				a.Body = append(a.Body, p)
				a.Words += len(tokens.Tokenize(p.Text))
			}
		}
		out[i] = a
	}
	return out
}

// BenchmarkCompareNews2 and BenchmarkCompareNews6 are Compare2 and
// Compare6 on real English news instead of synthetic words (see
// newsArticles).
func BenchmarkCompareNews2(b *testing.B) { benchmarkCompareOf(b, newsArticles(b, 2), Options{}) }
func BenchmarkCompareNews6(b *testing.B) { benchmarkCompareOf(b, newsArticles(b, 6), Options{}) }

func benchmarkCompareOf(b *testing.B, arts []*corpus.Article, opt Options) {
	n := len(arts)
	words := 0
	for _, a := range arts {
		words += a.Words
	}
	b.ReportAllocs()
	cpu0, ops := cputime.Process(), 0
	for b.Loop() {
		if _, err := Compare(arts, opt); err != nil {
			b.Fatal(err)
		}
		ops++
	}
	reportCPU(b, cpu0, ops)
	b.ReportMetric(float64(words)/float64(n), "words/article")
}

// reportCPU adds the process CPU time per op (all threads) beside wall
// time: on a loaded machine wall time measures the neighbours too.
func reportCPU(b *testing.B, cpu0 time.Duration, ops int) {
	if ops > 0 {
		b.ReportMetric(float64(cputime.Process()-cpu0)/1e6/float64(ops), "cpu-ms/op")
	}
}

// The compare view recomputes on every selection: 6 articles must stay
// under 20 ms.
func BenchmarkCompare2(b *testing.B) { benchmarkCompare(b, 2) }
func BenchmarkCompare6(b *testing.B) { benchmarkCompare(b, 6) }

// BenchmarkCompare6NoDifferences is Compare6 without the differences
// (facts, credits, labels, and the figures read for them): the two give
// the differences' share of a comparison, which issue 11 holds to 20%.
func BenchmarkCompare6NoDifferences(b *testing.B) {
	benchmarkCompareOpt(b, 6, Options{noDifferences: true})
}

// BenchmarkDifferences6 is the differences alone of Compare6's articles:
// the input they read and Find (facts, credits, labels), on an analysis
// done once.
func BenchmarkDifferences6(b *testing.B) {
	arts := benchArticles(6)
	c := &Comparison{Articles: make([]ArticleInfo, len(arts))}
	for i, a := range arts {
		c.Articles[i] = ArticleInfo{ID: a.ID, Outlet: a.Outlet}
	}
	al := entities.DefaultAliases()
	an, keys, res := c.analyse(arts, 0, al, 1, wordEstimate(arts))
	lex := lexicon.English()
	fs, vocab := features(an, lex, keys, 1)
	c.score(fs, vocab, lex, &defaultScoring, DefaultRowThreshold, 1)
	c.align(an, res, 1)
	b.ReportAllocs()
	cpu0, ops := cputime.Process(), 0
	for b.Loop() {
		differences.Find(c.differencesInput(arts, an, res, DefaultRowThreshold))
		ops++
	}
	reportCPU(b, cpu0, ops)
}

// BenchmarkCompare6TwoWorkers is Compare6 forced onto two workers (as
// Compare6 runs by default on a machine of two cores or more), to show
// what they buy and cost in CPU on any machine.
func BenchmarkCompare6TwoWorkers(b *testing.B) { benchmarkCompareOpt(b, 6, Options{workers: 2}) }
