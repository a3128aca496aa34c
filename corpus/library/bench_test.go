package library

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/internal/cputime"
)

// Benchmarks of the library at scale. The libraries of 10k and 100k
// synthetic articles they read are built once (imported from corpus/synth's
// JSON Lines, as scripts/buildlib builds one of a million) and kept in the
// system's temp folder under pmureader-bench/, so that later runs only read
// them.

// buildSynthetic imports n synthetic articles (seed 1) into a new library.
func buildSynthetic(path string, n int) error {
	l, err := Open(context.Background(), path, Options{})
	if err != nil {
		return err
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(synth.Write(pw, n, 1)) }()
	_, err = l.ImportStream(context.Background(), pr, "synth.jsonl", ImportOptions{})
	pr.Close()
	return errors.Join(err, l.Close())
}

// benchLibrary returns the path of a library of n synthetic articles,
// building it when it is not there yet.
func benchLibrary(b *testing.B, n int) string {
	b.Helper()
	path := benchLibraryPath(n)
	dir := filepath.Dir(path)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	start := time.Now()
	if err := buildSynthetic(tmp, n); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %v", path, time.Since(start).Round(time.Millisecond))
	return path
}

// benchLibraryPath is where the benchmark library of n synthetic articles
// is kept. The name changes with the schema, so a cache from another
// schema is never read.
func benchLibraryPath(n int) string {
	schema := crc32.ChecksumIEEE([]byte(fmt.Sprint(migrations, pageSize)))
	return filepath.Join(os.TempDir(), "pmureader-bench", fmt.Sprintf("synth-%d-%08x.db", n, schema))
}

// BenchmarkLibraryAdd stores synthetic articles in batches of 500 with
// their full-text index, as Add does for a fetch or a load.
func BenchmarkLibraryAdd(b *testing.B) {
	arts := synth.Articles(5000, 2)
	l, _ := openTemp(b)
	ctx := context.Background()
	b.ResetTimer()
	added := 0
	for i := 0; b.Loop(); i++ {
		batch := make([]*corpus.Article, 500)
		for j := range batch {
			a := *arts[(i*500+j)%len(arts)]
			a.ID = fmt.Sprintf("x%d-%d", i, j)
			a.URL = ""
			a.Title = fmt.Sprintf("%s %d", a.Title, i)
			a.Body = append([]corpus.Paragraph{{Text: a.ID}}, a.Body...)
			batch[j] = &a
		}
		res, err := l.Add(ctx, entries(batch...))
		if err != nil {
			b.Fatal(err)
		}
		added += len(res.Added)
	}
	b.ReportMetric(float64(added)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkLibraryImport imports 5,000 synthetic records from JSON Lines
// (parsing, cleaning, indexing): `pmureader import`'s throughput. Besides
// articles/s (wall clock, as loaded as the machine is) it reports the CPU
// time an article costs (cpu-ms/article, all threads), which other work on
// a shared machine does not inflate: on 2 cores the import reaches 1,000
// articles/s when that is under 2 ms and the one writing goroutine keeps
// up.
func BenchmarkLibraryImport(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "synth.jsonl")
	f, err := os.Create(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, 5000, 3); err != nil {
		b.Fatal(err)
	}
	f.Close()
	b.ResetTimer()
	total := 0
	cpu0 := cputime.Process()
	for i := 0; b.Loop(); i++ {
		l, err := Open(context.Background(), filepath.Join(dir, fmt.Sprintf("lib%d.db", i)), Options{})
		if err != nil {
			b.Fatal(err)
		}
		cp, err := l.ImportJSONL(context.Background(), src, ImportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		total += cp.Added
		l.Close()
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(cputime.Process()-cpu0)/1e6/float64(max(total, 1)), "cpu-ms/article")
}

// BenchmarkLibraryOpenFirstPage opens a library and reads the first page
// of 200 rows in the default order: what the first frame waits for.
func BenchmarkLibraryOpenFirstPage(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			path := benchLibrary(b, n)
			ctx := context.Background()
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
	}
}

// openBench opens the benchmark library of 100k articles for reading.
func openBench(b *testing.B) *Library {
	b.Helper()
	l, err := Open(context.Background(), benchLibrary(b, 100_000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { l.Close() })
	return l
}

// BenchmarkLibraryPageDeep reads a page of 200 rows from the middle of the
// list of 100k in every order, by key (scrolling) and by position (a
// jump).
func BenchmarkLibraryPageDeep(b *testing.B) {
	l := openBench(b)
	ctx := context.Background()
	for _, s := range []Sort{DefaultSort, {By: ByOutlet}, {By: ByTitle, Desc: true}} {
		rows, err := l.PageAt(ctx, s, 50_000, 1)
		if err != nil || len(rows) != 1 {
			b.Fatal(err)
		}
		k := rows[0].Key(s)
		b.Run("key/"+s.String(), func(b *testing.B) {
			for b.Loop() {
				if rows, err := l.Page(ctx, s, k, 200); err != nil || len(rows) != 200 {
					b.Fatal(err)
				}
			}
		})
		b.Run("before/"+s.String(), func(b *testing.B) {
			for b.Loop() {
				if rows, err := l.PageBefore(ctx, s, k, 200); err != nil || len(rows) != 200 {
					b.Fatal(err)
				}
			}
		})
		b.Run("at/"+s.String(), func(b *testing.B) {
			for b.Loop() {
				if rows, err := l.PageAt(ctx, s, 50_000, 200); err != nil || len(rows) != 200 {
					b.Fatal(err)
				}
			}
		})
		b.Run("position/"+s.String(), func(b *testing.B) {
			for b.Loop() {
				if p, err := l.Position(ctx, s, k); err != nil || p != 50_000 {
					b.Fatal(p, err)
				}
			}
		})
	}
}

// benchQueries are word queries of several kinds drawn from the synthetic
// vocabulary: rare and common words, pairs, phrases, a prefix.
func benchQueries(l *Library, b *testing.B) []string {
	rec, err := l.Get(context.Background(), "syn-000123")
	if err != nil {
		b.Fatal(err)
	}
	p := rec.Article.Body[0].Text
	return []string{"killed", "wounded hospitals", `"were killed"`, "ministry", rec.Article.Outlet, p[:20],
		"dollars pledged", "kataib", "residents described", "analysts said", "fighters attacked"}
}

// BenchmarkLibrarySearch runs word searches over 100k articles (first 100
// hits, best first) and reports the median query time.
func BenchmarkLibrarySearch(b *testing.B) {
	l := openBench(b)
	ctx := context.Background()
	qs := benchQueries(l, b)
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

// BenchmarkLibraryGet reads whole articles (metadata, body, raw lines) at
// random from 100k: opening an article in the reader.
func BenchmarkLibraryGet(b *testing.B) {
	l := openBench(b)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 1))
	for b.Loop() {
		if _, err := l.Get(ctx, fmt.Sprintf("syn-%06d", r.IntN(100_000))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLibraryHeaders reads every header of 100k: what the in-memory
// title search loads in the background. It reports the heap the headers
// keep, per header.
func BenchmarkLibraryHeaders(b *testing.B) {
	l := openBench(b)
	for b.Loop() {
		hs, err := l.Headers(context.Background())
		if err != nil || len(hs) != 100_000 {
			b.Fatal(len(hs), err)
		}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	keep, err := l.Headers(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(len(keep)), "heap-B/header")
	runtime.KeepAlive(keep)
}
