package essource

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// benchWords is the vocabulary of the benchmark's article bodies.
var benchWords = strings.Fields(`the a of to in and said on for that with was by militia strikes
	Iraq Syria Baghdad Kataib Hezbollah United States Pentagon officials killed wounded bases rocket
	attack contractor embassy protesters government minister statement forces response sovereignty`)

// benchText is a body of about 2,600 characters in eight paragraphs, one
// of them hard-wrapped, different for every i.
func benchText(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var b strings.Builder
	for p := range 8 {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for w := range 50 {
			if w > 0 {
				if p == 3 && w%12 == 0 {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(benchWords[r.IntN(len(benchWords))])
		}
		b.WriteByte('.')
	}
	return b.String()
}

// BenchmarkFetch10k reads 10,000 hits of Media Cloud's layout from the
// stand-in over loopback HTTP, 10 pages of 1,000 (about 29 MB of JSON),
// and opens them as a corpus. It measures the whole read as the command
// runs it: the layout probe, opening and closing the point in time, each
// page's request and its JSON decoding, mapping every hit (sanitising,
// paragraph split, dates, ids) and corpus.New. The stand-in serves pages
// it rendered once, but it shares the machine's cores with the client.
// Target: at most 2 s an op.
func BenchmarkFetch10k(b *testing.B) {
	f := newFake(b, flavorES, mcDocs(10_000, benchText))
	c, err := New(f.source(), Credentials{}, Options{PageSize: 1000})
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	// Render the stand-in's pages once, outside the measurement.
	if _, err := c.Fetch(context.Background(), Query{}, func(Batch) {}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var arts []*corpus.Article
		res, err := c.Fetch(context.Background(), Query{}, func(bt Batch) { arts = append(arts, bt.Articles...) })
		if err != nil || res.Hits != 10_000 || len(arts) != 10_000 {
			b.Fatalf("%d hits, %d articles, %v", res.Hits, len(arts), err)
		}
		if cp := corpus.New(arts, nil); len(cp.Articles) != 10_000 {
			b.Fatal("corpus lost articles")
		}
	}
}
