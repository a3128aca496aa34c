package compare

import (
	"context"
	"fmt"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
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
				a.Words += len(tokenize(p.Text))
			}
		}
		out[i] = a
	}
	return out
}

func benchmarkCompare(b *testing.B, n int) {
	arts := benchArticles(n)
	words := 0
	for _, a := range arts {
		words += a.Words
	}
	b.ReportMetric(float64(words)/float64(n), "words/article")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compare(arts, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The compare view recomputes on every selection: 6 articles must stay
// under 20 ms.
func BenchmarkCompare2(b *testing.B) { benchmarkCompare(b, 2) }
func BenchmarkCompare6(b *testing.B) { benchmarkCompare(b, 6) }

func benchmarkGroup(b *testing.B, n int) {
	arts := synth.Articles(n, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Group(context.Background(), arts, StoryOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGroup1k(b *testing.B)  { benchmarkGroup(b, 1000) }
func BenchmarkGroup10k(b *testing.B) { benchmarkGroup(b, 10000) }
