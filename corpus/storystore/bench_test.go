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
	"github.com/pmureader/pmureader/internal/cputime"
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
// are the synthetic stream's next 1,000, either dated anywhere in its
// eight years ("spread": every stretch of the timeline is read, so the
// whole library's features are) or moved into its last 30 days
// ("recent": what update brings; one stretch of about 250 days is read).
func BenchmarkGroupNew1000(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		for _, when := range []string{"spread", "recent"} {
			b.Run(fmt.Sprintf("%dk/%s", n/1000, when), func(b *testing.B) {
				benchGroupNew(b, n, when == "recent")
			})
		}
	}
}

func benchGroupNew(b *testing.B, n int, recent bool) {
	base := groupedLibrary(b, n)
	recs := synth.Records(n+1000, 1)[n:]
	arts := make([]*corpus.Article, len(recs))
	last := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 8*365)
	for k := range recs {
		arts[k] = recs[k].Article()
		if recent {
			arts[k].Date.Time = last.AddDate(0, 0, -1-k%30)
		}
	}
	cpu := time.Duration(0)
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), library.FileName)
		copyFile(b, base, path)
		l, err := library.Open(context.Background(), path, library.Options{})
		if err != nil {
			b.Fatal(err)
		}
		add(b, l, arts)
		cpu0 := cputime.Process()
		b.StartTimer()
		rep, err := GroupNew(context.Background(), l, Options{})
		b.StopTimer()
		cpu += cputime.Process() - cpu0
		if err != nil || rep.Full || rep.Scanned != len(arts) {
			b.Fatalf("%+v, %v", rep, err)
		}
		b.ReportMetric(float64(rep.Clustered), "clustered")
		l.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
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
	cpu0 := cputime.Process()
	for b.Loop() {
		if _, err := Regroup(context.Background(), l, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cputime.Process()-cpu0).Seconds()*1000/float64(b.N), "cpu-ms/op")
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
