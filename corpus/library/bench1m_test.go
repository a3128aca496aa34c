package library

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"
)

// env1M names the environment variable that runs the benchmarks over a
// library of a million synthetic articles (seed 1): its value is the
// library's path. Building that library takes a quarter of an hour or
// more, so the benchmarks never build it: scripts/bench1m does, with
// scripts/buildlib, then runs them.
const env1M = "PMUREADER_BENCH_1M"

const million = 1_000_000

// lib1M returns the path of the million-article library, or skips.
func lib1M(b *testing.B) string {
	b.Helper()
	v := os.Getenv(env1M)
	if v == "" {
		b.Skipf("%s is not set: scripts/bench1m builds the library of a million and runs this", env1M)
	}
	if st, err := os.Stat(v); err != nil || st.IsDir() {
		b.Skipf("%s=%s is not a library file: scripts/bench1m builds one", env1M, v)
	}
	return v
}

// BenchmarkLibrary1M measures the library of a million synthetic articles
// against the targets of the "million articles" issue: the first page of
// the list (open and read 200 rows: what the first frame waits for,
// ≤ 100 ms), a page deep in the list, word search (FTS5, median of warm
// queries, ≤ 50 ms) and opening an article (Get, ≤ 10 ms). It runs only
// with PMUREADER_BENCH_1M set (see env1M).
func BenchmarkLibrary1M(b *testing.B) {
	path := lib1M(b)
	ctx := context.Background()
	b.Run("OpenFirstPage", func(b *testing.B) {
		for b.Loop() {
			l, err := Open(ctx, path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			rows, err := l.Page(ctx, DefaultSort, Key{}, 200)
			if err != nil || len(rows) != 200 {
				b.Fatalf("%d rows, %v", len(rows), err)
			}
			l.Close()
		}
	})
	l, err := Open(ctx, path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	n, err := l.Count(ctx)
	if err != nil || n < million {
		b.Fatalf("the library holds %d articles, want a million (%v)", n, err)
	}
	b.Run("PageDeep", func(b *testing.B) {
		s := Sort{By: ByTitle}
		rows, err := l.PageAt(ctx, s, n/2, 1)
		if err != nil || len(rows) != 1 {
			b.Fatal(err)
		}
		k := rows[0].Key(s)
		for b.Loop() {
			if rows, err := l.Page(ctx, s, k, 200); err != nil || len(rows) != 200 {
				b.Fatal(err)
			}
		}
	})
	b.Run("Search", func(b *testing.B) { benchSearchWarm(b, l) })
	b.Run("Get", func(b *testing.B) {
		r := rand.New(rand.NewPCG(1, 1))
		for b.Loop() {
			if _, err := l.Get(ctx, fmt.Sprintf("syn-%06d", r.IntN(n))); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchSearchWarm runs each query once untimed (the database's pages in
// the cache, as after the first search of a session), then times them and
// reports the median and slowest.
func benchSearchWarm(b *testing.B, l *Library) {
	ctx := context.Background()
	qs := benchQueries(l, b)
	for _, q := range qs {
		if _, err := l.Search(ctx, q, SearchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if _, err := l.Search(ctx, qs[i%len(qs)], SearchOptions{}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}
