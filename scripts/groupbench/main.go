// Command groupbench measures kept stories (corpus/storystore) on a
// library built by scripts/buildlib: a full regroup (time, peak heap,
// progress; Ctrl-C stops it and a second run resumes it), then the
// grouping of -add more synthetic articles (the stream's next ones, seed
// 1, dated as synth dates them or, with -recent, in its last 30 days).
// The library is changed: work on a copy.
//
// Usage:
//
//	go run ./scripts/buildlib -n 1000000 -o /tmp/lib1m.db
//	cp /tmp/lib1m.db /tmp/g1m.db && go run ./scripts/groupbench -lib /tmp/g1m.db -add 1000 -recent
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/storystore"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/scripts/internal/procstat"
)

func main() {
	path := flag.String("lib", "", "library file built by scripts/buildlib (required; it is changed)")
	n := flag.Int("add", 1000, "synthetic articles to add and group after the regroup (0: none)")
	recent := flag.Bool("recent", false, "date the added articles in the stream's last 30 days")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the whole run to this file")
	flag.Parse()
	if *path == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: groupbench -lib FILE [-add N] [-recent] [-cpuprofile FILE]")
		os.Exit(2)
	}
	if err := profiled(*cpuprofile, func() error { return run(*path, *n, *recent) }); err != nil {
		fmt.Fprintln(os.Stderr, "groupbench:", err)
		os.Exit(1)
	}
}

// profiled runs fn, writing a CPU profile of it to file unless file is "".
func profiled(file string, fn func() error) error {
	if file == "" {
		return fn()
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return err
	}
	defer pprof.StopCPUProfile()
	return fn()
}

func run(path string, n int, recent bool) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	l, err := library.Open(ctx, path, library.Options{})
	if err != nil {
		return err
	}
	defer l.Close()
	var peak atomic.Uint64
	done := sampleHeap(&peak)
	start, last := time.Now(), time.Now()
	rep, err := storystore.Regroup(ctx, l, storystore.Options{Progress: func(d, all int) {
		if time.Since(last) > 10*time.Second || d == all {
			last = time.Now()
			fmt.Printf("regroup %d/%d  %.0f s  heap peak %d MB\n", d, all, time.Since(start).Seconds(), peak.Load()>>20)
		}
	}})
	done()
	if err != nil {
		return fmt.Errorf("regroup (run again to resume): %w", err)
	}
	fmt.Printf("regrouped in %.1f s: %+v; peak heap %d MB; peak RSS %s\n", time.Since(start).Seconds(), rep, peak.Load()>>20, procstat.PeakRSS())
	if n == 0 {
		return nil
	}
	count, err := l.Count(ctx)
	if err != nil {
		return err
	}
	return addAndGroup(ctx, l, count, n, recent)
}

// addAndGroup stores n more synthetic articles and times GroupNew.
func addAndGroup(ctx context.Context, l *library.Library, count, n int, recent bool) error {
	recs := make([]synth.Record, 0, n)
	k := 0
	synth.Each(count+n, 1, func(r *synth.Record) bool {
		if k++; k > count {
			recs = append(recs, *r)
		}
		return true
	})
	end := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 8*365)
	es := make([]library.Entry, len(recs))
	for k := range recs {
		a := recs[k].Article()
		if recent {
			a.Date = corpus.Date{Time: end.AddDate(0, 0, -1-k%30), Precision: corpus.PrecisionDay}
		}
		es[k] = library.Entry{Article: a}
	}
	if _, err := l.Add(ctx, es); err != nil {
		return err
	}
	start := time.Now()
	rep, err := storystore.GroupNew(ctx, l, storystore.Options{})
	if err != nil {
		return err
	}
	if rep.Full {
		return errors.New("GroupNew ran a full regroup")
	}
	fmt.Printf("grouped %d new articles in %.2f s: %+v\n", n, time.Since(start).Seconds(), rep)
	return nil
}

// sampleHeap records the largest HeapAlloc seen every 50 ms until the
// returned function is called.
func sampleHeap(peak *atomic.Uint64) func() {
	stop, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	return func() { close(stop); <-finished }
}
