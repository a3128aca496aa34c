// Command buildlib builds a library of N synthetic articles (corpus/synth)
// for measuring the library at scale, the way `pmureader import` would:
// synth's JSON Lines, streamed through a pipe (no temporary file), parsed
// and cleaned by corpus's JSON reader, stored in batches with the full-text
// index. It prints progress every -every articles and, at the end, the
// time, the rate, the file's size and the peak resident memory. Each
// progress line gives the rate over the whole run and over the last -every
// articles (how the rate changes as the library grows), the CPU time used
// so far, and the load average (the numbers are only as good as the
// machine is quiet).
//
// Usage: go run ./scripts/buildlib -n 1000000 -o /tmp/lib1m.db
//
// Ctrl-C stops after the batch being stored; what was stored stays, and
// running the same command again resumes: synth is deterministic and its
// records have no duplicates, so the first Count() records of the stream
// are the ones already stored, and they are generated and skipped.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/scripts/internal/procstat"
)

func main() {
	n := flag.Int("n", 100_000, "number of articles")
	out := flag.String("o", "", "library file to create (required)")
	seed := flag.Int64("seed", 1, "synth seed")
	batch := flag.Int("batch", 1000, "articles per transaction")
	every := flag.Int("every", 10_000, "print progress every this many articles")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: buildlib -n N -o FILE [-seed S] [-batch B] [-every E]")
		os.Exit(2)
	}
	if err := run(*out, *n, *seed, *batch, *every); err != nil {
		fmt.Fprintln(os.Stderr, "buildlib:", err)
		os.Exit(1)
	}
}

func run(out string, n int, seed int64, batch, every int) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	l, err := library.Open(ctx, out, library.Options{})
	if err != nil {
		return err
	}
	have, err := l.Count(ctx)
	if err != nil {
		return errors.Join(err, l.Close())
	}
	if have >= n {
		fmt.Printf("%s already holds %d articles\n", out, have)
		return l.Close()
	}
	if have > 0 {
		fmt.Printf("%s holds %d articles: resuming after them\n", out, have)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(synth.Write(pw, n, seed)) }()
	rest, err := skipLines(pr, have)
	if err != nil {
		return errors.Join(err, l.Close())
	}
	start := time.Now()
	every = max(every, 1)
	next, lastN, lastT := every, 0, start
	cp, err := l.ImportStream(ctx, rest, "synth.jsonl", library.ImportOptions{
		BatchSize: batch,
		Progress: func(cp library.Checkpoint) {
			if cp.Added >= next {
				next += every
				now := time.Now()
				el := now.Sub(start)
				fmt.Printf("%9d articles  %7.1f s  %6.0f articles/s  last %d: %6.0f/s  cpu %7.1f s  %s\n", cp.Added, el.Seconds(),
					float64(cp.Added)/el.Seconds(), cp.Added-lastN, float64(cp.Added-lastN)/now.Sub(lastT).Seconds(), procstat.CPUSeconds(), procstat.LoadAverage())
				lastN, lastT = cp.Added, now
			}
		},
	})
	pr.Close()
	el := time.Since(start)
	err = errors.Join(err, l.Close())
	size := int64(0)
	if st, serr := os.Stat(out); serr == nil {
		size = st.Size()
	}
	fmt.Printf("stored %d articles (%d duplicates) in %.1f s: %.0f articles/s; cpu %.1f s (%.2f ms an article); %s is %.1f MB; peak RSS %s; %s\n",
		cp.Added, cp.Duplicates, el.Seconds(), float64(cp.Added)/el.Seconds(), procstat.CPUSeconds(), 1000*procstat.CPUSeconds()/float64(max(cp.Added, 1)),
		out, float64(size)/1e6, procstat.PeakRSS(), procstat.LoadAverage())
	return err
}

// skipLines returns r after its first n lines.
func skipLines(r io.Reader, n int) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	for range n {
		if _, err := br.ReadSlice('\n'); err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, fmt.Errorf("skip the %d records stored: %w", n, err)
		} else if errors.Is(err, bufio.ErrBufferFull) {
			if _, err := br.ReadString('\n'); err != nil {
				return nil, fmt.Errorf("skip the %d records stored: %w", n, err)
			}
		}
	}
	return br, nil
}
