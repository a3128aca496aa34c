package corpus_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/internal/cputime"
)

// synthFeed writes n synthetic articles (about 4.6 KB of JSON each) as
// JSON Lines in a temporary directory and returns the file's path.
func synthFeed(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "feed.jsonl")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, n, 1); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkLoadJSONL loads 100,000 synthetic articles (about 400 MB of JSON
// Lines) from one file: the target is at most 3 s on 2 cores.
func BenchmarkLoadJSONL(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			p := synthFeed(b, n)
			info, err := os.Stat(p)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(info.Size())
			b.ReportAllocs()
			cpu0, loads := cputime.Process(), 0
			for b.Loop() {
				loads++
				c, err := corpus.Load(context.Background(), []string{p}, corpus.Options{MaxFileSize: 1 << 30})
				if err != nil {
					b.Fatal(err)
				}
				if len(c.Articles) != n {
					b.Fatalf("loaded %d articles, want %d: %v", len(c.Articles), n, c.Problems[:min(3, len(c.Problems))])
				}
			}
			// CPU seconds per load: on 2 cores the wall time is at least
			// half of it, whatever else the machine is doing.
			b.ReportMetric((cputime.Process()-cpu0).Seconds()/float64(loads), "cpu-s/op")
		})
	}
}

// BenchmarkLoadTextDir loads a directory of 2,000 plain-text files with a
// meta.yaml: the per-file cost of walking, reading and cleaning.
func BenchmarkLoadTextDir(b *testing.B) {
	dir := b.TempDir()
	recs := synth.Records(2000, 2)
	var meta []byte
	for _, r := range recs {
		name := r.ID + ".txt"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(r.Title+"\n\n"+r.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		meta = append(meta, "- file: "+name+"\n  outlet: "+r.Outlet+"\n  date: "+r.Date+"\n"...)
	}
	if err := os.WriteFile(filepath.Join(dir, "meta.yaml"), meta, 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
		if err != nil || len(c.Articles) < 2000 {
			b.Fatalf("%v, %d articles", err, len(c.Articles))
		}
	}
}
