package storystore

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/synth"
)

// Benchmarks of kept stories at scale. The grouped libraries of 10k and
// 100k synthetic articles (corpus/synth, seed 1) are built once, imported
// as scripts/buildlib builds them and then regrouped, and kept in the
// system's temp folder under pmureader-bench/; each run of the incremental
// benchmark works on a copy.

// groupedLibrary returns the path of a grouped library of n synthetic
// articles, building it when it is not there yet.
func groupedLibrary(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "pmureader-bench")
	// The name changes with the schema and the feature encoding, so that
	// a cache of another one is never read.
	tag := crc32.ChecksumIEEE([]byte(fmt.Sprint(library.SchemaVersion(), stories.FeatureVersion(nil))))
	path := filepath.Join(dir, fmt.Sprintf("grouped-synth-%d-%08x.db", n, tag))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	start := time.Now()
	l, err := library.Open(context.Background(), tmp, library.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(synth.Write(pw, n, 1)) }()
	_, err = l.ImportStream(context.Background(), pr, "synth.jsonl", library.ImportOptions{})
	pr.Close()
	imported := time.Since(start)
	if err == nil {
		_, err = Regroup(context.Background(), l, Options{})
	}
	if err = errors.Join(err, l.Close()); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s: imported in %v, regrouped in %v", path, imported.Round(time.Millisecond), (time.Since(start) - imported).Round(time.Millisecond))
	return path
}

// copyFile copies a closed library to a new file.
func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGroupNew1000 adds 1,000 articles to a grouped library of 10k
// or 100k and times GroupNew alone: their features, their scans over
// their stretches of time, and the stories they touch. The new articles
// are the synthetic stream's next 1,000, dated anywhere in its eight
// years (the worst case for windows: news usually comes in recent).
func BenchmarkGroupNew1000(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			base := groupedLibrary(b, n)
			recs := synth.Records(n+1000, 1)[n:]
			arts := make([]*corpus.Article, len(recs))
			for k := range recs {
				arts[k] = recs[k].Article()
			}
			for b.Loop() {
				b.StopTimer()
				path := filepath.Join(b.TempDir(), library.FileName)
				copyFile(b, base, path)
				l, err := library.Open(context.Background(), path, library.Options{})
				if err != nil {
					b.Fatal(err)
				}
				add(b, l, arts)
				b.StartTimer()
				rep, err := GroupNew(context.Background(), l, Options{})
				b.StopTimer()
				if err != nil || rep.Full || rep.Scanned != len(arts) {
					b.Fatalf("%+v, %v", rep, err)
				}
				b.ReportMetric(float64(rep.Clustered), "clustered")
				l.Close()
				b.StartTimer()
			}
		})
	}
}

// BenchmarkRegroup10k regroups a grouped library of 10k articles from its
// stored features, reporting the peak heap (sampled) beside the time: a
// full regroup holds a window of the timeline and a batch of components,
// so its heap should not grow with the library.
func BenchmarkRegroup10k(b *testing.B) {
	base := groupedLibrary(b, 10_000)
	path := filepath.Join(b.TempDir(), library.FileName)
	copyFile(b, base, path)
	l, err := library.Open(context.Background(), path, library.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	var peak atomic.Uint64
	stop := sampleHeap(&peak)
	defer stop()
	for b.Loop() {
		if _, err := Regroup(context.Background(), l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak.Load())/(1<<20), "MB-heap-peak")
}

// sampleHeap records the largest HeapAlloc seen every 20 ms until stop.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished }
}
