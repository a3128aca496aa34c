package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/synth"
)

// benchLibraryFile is a library of n synthetic articles, built once and
// kept in the system's temp folder under pmureader-bench/ (by schema
// version), so that later runs only read it.
func benchLibraryFile(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "pmureader-bench")
	path := filepath.Join(dir, fmt.Sprintf("tui-synth-%d-v%d.db", n, libdb.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	start := time.Now()
	lib, err := libdb.Open(context.Background(), tmp, libdb.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(synth.Write(pw, n, 1)) }()
	_, err = lib.ImportStream(context.Background(), pr, "synth.jsonl", libdb.ImportOptions{})
	pr.Close()
	if err := errors.Join(err, lib.Close()); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %v", path, time.Since(start).Round(time.Millisecond))
	return path
}

// BenchmarkLibraryOpen10k opens a library of 10,000 articles as
// `pmureader` does and lists them: open the database, read the state
// (marks, read, sort), read every header in batches, index them for the
// title search, sort the list and draw it. Story grouping, which starts
// once the list is complete and runs beside it, is not included. Target:
// 1 s.
func BenchmarkLibraryOpen10k(b *testing.B) {
	path := benchLibraryFile(b, 10_000)
	for b.Loop() {
		m, lib := openLibraryModel(b, path, false)
		if n := len(m.sh.articles); n != 10_000 {
			b.Fatalf("%d articles listed", n)
		}
		if v := m.View(); !strings.Contains(v.Content, "10000 articles") {
			b.Fatalf("not listed:\n%s", v.Content)
		}
		m.jobs.drop(jobGroup)
		lib.Close()
	}
}

// openLibraryModel opens the library at path as `pmureader` does, sized
// 120×40, and delivers the list's first rows and the header batches: when
// first is set, only until the first rows are listed (what the first
// frame waits for), else every batch.
func openLibraryModel(b *testing.B, path string, first bool) (*Model, *libdb.Library) {
	b.Helper()
	var lib *libdb.Library
	m := New(Options{Library: func(ctx context.Context) (Library, error) {
		var err error
		if lib, err = libdb.Open(ctx, path, libdb.Options{}); err != nil {
			return nil, err
		}
		// The memory limit the command sets (a library of a million
		// resident in under 1 GB); the test binary's own afterwards.
		n, err := lib.Count(ctx)
		if err == nil {
			old := debug.SetMemoryLimit(MemoryLimit(n))
			b.Cleanup(func() { debug.SetMemoryLimit(old) })
		}
		return lib, err
	}})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	pending := []tea.Cmd{m.Init()}
	for listed := false; !listed && len(pending) > 0; {
		cmd := pending[0]
		pending = pending[1:]
		if cmd == nil {
			continue
		}
		switch msg := cmd().(type) {
		case tea.BatchMsg:
			pending = append(pending, msg...)
		case libOpenedMsg:
			_, next := m.Update(msg)
			pending = append(pending, next)
		case pageMsg: // the list's first rows, read from the library
			_, next := m.Update(msg)
			pending = append(pending, next)
			listed = listed || first && len(msg.rows) > 0
		case batchMsg:
			_, next := m.Update(msg)
			if msg.done || first && len(msg.batch.Articles) > 0 && m.library.pg == nil {
				listed = true
			} else {
				pending = append(pending, next)
			}
		}
	}
	if lib == nil {
		b.Fatal("the library was not opened")
	}
	return m, lib
}

// lib1M is the library of a million synthetic articles that
// PMUREADER_BENCH_1M names (scripts/bench1m builds it); the benchmark is
// skipped without it.
func lib1M(b *testing.B) string {
	b.Helper()
	v := os.Getenv("PMUREADER_BENCH_1M")
	if st, err := os.Stat(v); v == "" || err != nil || st.IsDir() {
		b.Skip("PMUREADER_BENCH_1M does not name a library file: scripts/bench1m builds one and runs this")
	}
	return v
}

// BenchmarkLibraryFirstFrame1M opens a library of a million articles as
// `pmureader` does and draws the first frame with rows listed: open the
// database, read the state, read the list's first rows, draw.
// Target: 100 ms.
func BenchmarkLibraryFirstFrame1M(b *testing.B) {
	path := lib1M(b)
	for b.Loop() {
		m, lib := openLibraryModel(b, path, true)
		if v := m.View(); !strings.Contains(v.Content, "▸") {
			b.Fatalf("no rows in the first frame:\n%s", v.Content)
		}
		m.jobs.drop(jobLoad)
		lib.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}

// BenchmarkLibraryOpen1M lists a library of a million articles whole, as
// BenchmarkLibraryOpen10k does, and reports the process's peak resident
// memory (MB-rss; target 1 GB) and the heap the listed library keeps
// (MB-heap): every header in memory, indexed for the title search.
func BenchmarkLibraryOpen1M(b *testing.B) {
	path := lib1M(b)
	for b.Loop() {
		m, lib := openLibraryModel(b, path, false)
		if n, err := lib.Count(context.Background()); err != nil || len(m.sh.articles) != n {
			b.Fatalf("%d articles listed of %d (%v)", len(m.sh.articles), n, err)
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "MB-heap")
		m.jobs.drop(jobGroup)
		lib.Close()
		runtime.KeepAlive(m)
	}
	b.ReportMetric(peakRSSMB(), "MB-rss")
}

// peakRSSMB is the process's peak resident memory in MB (Linux; 0
// elsewhere).
func peakRSSMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			if err == nil {
				return kb / 1024
			}
		}
	}
	return 0
}

// BenchmarkLibraryScroll1M lists a library of a million articles as the
// reader does (every header read, as BenchmarkLibraryOpen1M), then, each
// op, sorts by outlet and by title, jumps to the end, pages up three
// screens, back to the top and to date order again, each key's work run
// to the end as the program runs it. It reports the time of a sort
// change, of the jump to the end and of a page up (each with its reads),
// and the process's peak resident memory (MB-rss; target 1 GB).
func BenchmarkLibraryScroll1M(b *testing.B) {
	path := lib1M(b)
	m, lib := openLibraryModel(b, path, false)
	defer lib.Close()
	m.jobs.drop(jobGroup)
	spent := map[string]time.Duration{} // by key
	for b.Loop() {
		for _, k := range []string{"s", "s", "G", "pgup", "pgup", "pgup", "g", "s"} {
			start := time.Now()
			for _, msg := range keyMsgs(k) {
				_, cmd := m.Update(msg)
				runAll(m, cmd)
			}
			spent[k] += time.Since(start)
		}
		if v := m.View(); !strings.Contains(v.Content, "▸") || !strings.Contains(v.Content, "sorted by date") {
			b.Fatalf("not listed by date:\n%s", v.Content)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
	b.ReportMetric(float64(spent["s"].Microseconds())/3000/float64(b.N), "ms/sort")
	b.ReportMetric(float64(spent["G"].Microseconds())/1000/float64(b.N), "ms/end")
	b.ReportMetric(float64(spent["pgup"].Microseconds())/3000/float64(b.N), "ms/pgup")
	b.ReportMetric(peakRSSMB(), "MB-rss")
}

// runAll runs cmd and what its messages start, to the end, on m.
func runAll(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			runAll(m, c)
		}
	default:
		_, next := m.Update(msg)
		runAll(m, next)
	}
}

// BenchmarkLibraryTitleSearch1M lists a library of a million articles as
// the reader does, then types title queries letter by letter into "/",
// each keystroke's work run to the end as the program runs it: the three
// tiers over the million titles, the text tier from the library's
// full-text index (the bodies of its hits read), and the first rows made.
// It reports the mean, median and slowest keystroke (target: a median of
// 30 ms) and the process's peak resident memory (MB-rss; target 1 GB).
func BenchmarkLibraryTitleSearch1M(b *testing.B) {
	path := lib1M(b)
	m, lib := openLibraryModel(b, path, false)
	defer lib.Close()
	m.jobs.drop(jobGroup)
	var keys []time.Duration
	for b.Loop() {
		for _, q := range []string{"kataib", "evening post", "ministry of"} {
			runAll(m, m.library.enterSearch(modeTitle))
			for _, r := range q {
				start := time.Now()
				_, cmd := m.Update(tea.KeyPressMsg(tea.Key{Code: r, Text: string(r)}))
				runAll(m, cmd)
				keys = append(keys, time.Since(start))
			}
			if m.library.titles.len() == 0 {
				b.Fatalf("/%s found nothing", q)
			}
			_, cmd := m.Update(tea.KeyPressMsg(tea.Key{Code: tea.KeyEscape}))
			runAll(m, cmd)
		}
	}
	slices.Sort(keys)
	var sum time.Duration
	for _, d := range keys {
		sum += d
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(sum)/float64(len(keys)), "ms/key")
	b.ReportMetric(ms(keys[len(keys)/2]), "ms/key-p50")
	b.ReportMetric(ms(keys[len(keys)-1]), "ms/key-max")
	b.ReportMetric(peakRSSMB(), "MB-rss")
}
