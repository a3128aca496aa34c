// Command fzfcompare times fzf and pmureader's title search on the same
// titles in one run: it writes n synthetic titles (corpus/synth) to a file,
// runs `fzf --filter QUERY` on it for each query, and runs pmureader's title
// search (corpus/search) on the same titles for the same queries.
//
// fzf's time is a whole process: start, read the file, match, sort, print.
// pmureader's is one search of an index already in memory, as in the TUI,
// where the titles are loaded once; the time to build that index is printed
// separately. Both use every core. Medians of -runs runs.
//
// Usage: go run ./scripts/fzfcompare [-n 100000] [-runs 5] [query...]
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/synth"
)

var defaultQueries = []string{"k", "kataib", "dead as", "vows response", "ministry", "jasonbakr", "qxzv"}

func main() {
	n := flag.Int("n", 100_000, "number of titles")
	runs := flag.Int("runs", 5, "runs per query and tool")
	seed := flag.Int64("seed", 1, "synth seed")
	flag.Parse()
	queries := flag.Args()
	if len(queries) == 0 {
		queries = defaultQueries
	}
	if err := run(*n, *runs, *seed, queries); err != nil {
		fmt.Fprintln(os.Stderr, "fzfcompare:", err)
		os.Exit(1)
	}
}

func run(n, runs int, seed int64, queries []string) error {
	fzf, err := exec.LookPath("fzf")
	if err != nil {
		return fmt.Errorf("fzf not found (scripts/fzf-compare installs it): %w", err)
	}
	dir, err := os.MkdirTemp("", "fzfcompare")
	if err != nil {
		return fmt.Errorf("temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "titles.txt")

	recs := synth.Records(n, seed)
	arts := make([]*corpus.Article, len(recs))
	var buf bytes.Buffer
	for i, r := range recs {
		arts[i] = &corpus.Article{ID: r.ID, Title: r.Title}
		buf.WriteString(r.Title)
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	t0 := time.Now()
	ix := search.New(arts)
	build := time.Since(t0)

	out, _ := exec.Command(fzf, "--version").Output()
	fmt.Printf("%d titles (%d bytes), %d runs per cell; fzf %s", n, buf.Len(), runs, out)
	fmt.Printf("pmureader index built once in %.0f ms (titles only: no bodies)\n\n", ms(build))
	fmt.Printf("%-16s %8s %8s %12s %12s %8s %14s\n", "query", "fzf hits", "pmu hits", "fzf ms", "pmureader ms", "ratio", "typed ms/key")
	for _, q := range queries {
		var ft, pt []time.Duration
		fzfHits, pmuHits := 0, 0
		for range runs {
			t0 := time.Now()
			c := exec.Command(fzf, "--filter", q)
			in, err := os.Open(file)
			if err != nil {
				return fmt.Errorf("open %s: %w", file, err)
			}
			c.Stdin = in
			o, err := c.Output()
			in.Close()
			// fzf exits 1 when nothing matches.
			var ee *exec.ExitError
			if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != 1) {
				return fmt.Errorf("fzf --filter %q: %w", q, err)
			}
			ft = append(ft, time.Since(t0))
			fzfHits = bytes.Count(o, []byte{'\n'})

			t0 = time.Now()
			pmuHits = len(ix.Titles(q))
			pt = append(pt, time.Since(t0))
		}
		// The same query typed letter by letter, as in the TUI.
		var keys []time.Duration
		for range runs {
			s := ix.NewTitleSearcher()
			for k := 1; k <= len(q); k++ {
				t0 := time.Now()
				s.Search(q[:k])
				keys = append(keys, time.Since(t0))
			}
		}
		f, p := median(ft), median(pt)
		fmt.Printf("%-16s %8d %8d %12.2f %12.2f %7.1fx %14.2f\n", quote(q), fzfHits, pmuHits, ms(f), ms(p), ms(f)/ms(p), ms(median(keys)))
	}
	fmt.Println("\nratio = fzf time / pmureader time (higher: pmureader faster). Hit counts differ where the")
	fmt.Println("matchers differ: fzf treats spaces as AND of separate terms; sahilm/fuzzy matches one subsequence.")
	return nil
}

func quote(q string) string { return fmt.Sprintf("%q", q) }

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
