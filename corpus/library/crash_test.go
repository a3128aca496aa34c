package library

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
)

// crashEnv names the library the crash child writes to.
const crashEnv = "PMUREADER_LIBRARY_CRASH_CHILD"

const crashBatch = 40

// crashArticle is article i of batch b: a synthetic article with a marker
// paragraph that makes it unique and searchable.
func crashArticle(src []*corpus.Article, b, i int) *corpus.Article {
	a := *src[(b*crashBatch+i)%len(src)]
	a.ID = fmt.Sprintf("b%04d-%02d", b, i)
	a.URL = ""
	marker := fmt.Sprintf("marker%dx%d", b, i)
	a.Body = append(append([]corpus.Paragraph{}, a.Body...), corpus.Paragraph{Text: marker})
	return &a
}

// TestCrashChild is not a test of its own: TestCrashMidAdd runs the test
// binary again with crashEnv set, and this adds batches until killed.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("run by TestCrashMidAdd in a child process")
	}
	ctx := context.Background()
	l, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := l.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	src := synth.Articles(400, 1)
	deadline := time.Now().Add(20 * time.Second) // stops by itself if never killed
	for b := n / crashBatch; time.Now().Before(deadline); b++ {
		arts := make([]*corpus.Article, crashBatch)
		for i := range arts {
			arts[i] = crashArticle(src, b, i)
		}
		if _, err := l.Add(ctx, entries(arts...)); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("committed %d\n", b)
	}
}

// TestCrashMidAdd kills a process that is adding articles, at random
// moments (mostly inside a transaction: a batch takes tens of
// milliseconds), three times over, and checks each time that the library
// opens, passes SQLite's and FTS5's integrity checks, and holds whole
// batches only: every batch committed before the kill, complete with
// bodies and index entries, and nothing of the batch in flight.
func TestCrashMidAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := t.TempDir() + "/crash.db"
	r := rand.New(rand.NewPCG(3, 4))
	committed := -1
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(out)
		seen := 0
		for sc.Scan() {
			if b, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
				committed, _ = strconv.Atoi(b)
				if seen++; seen == 3 {
					break
				}
			}
		}
		time.Sleep(time.Duration(r.IntN(40)) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		for sc.Scan() { // what the child printed before it died
			if b, ok := strings.CutPrefix(sc.Text(), "committed "); ok {
				committed, _ = strconv.Atoi(b)
			}
		}
		_ = cmd.Wait()
		if seen < 3 {
			t.Fatalf("round %d: the child committed %d batches before it stopped", round, seen)
		}
		checkCrashed(t, path, committed)
	}
}

// checkCrashed opens the library a killed child wrote and checks it.
func checkCrashed(t *testing.T, path string, committed int) {
	t.Helper()
	ctx := context.Background()
	l, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer l.Close()
	checkIntegrity(t, l)
	hs, err := l.Headers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	batches := map[int]int{}
	for _, h := range hs {
		var b, i int
		if _, err := fmt.Sscanf(h.ID, "b%04d-%02d", &b, &i); err != nil {
			t.Fatalf("unexpected id %q", h.ID)
		}
		batches[b]++
	}
	for b := 0; b < len(batches); b++ {
		if batches[b] != crashBatch {
			t.Fatalf("batch %d has %d of %d articles: %v", b, batches[b], crashBatch, batches)
		}
	}
	if len(batches) < committed+1 {
		t.Fatalf("%d batches stored, but batch %d was reported committed", len(batches), committed)
	}
	// Every article is whole: its body reads and its words are indexed.
	src := synth.Articles(400, 1)
	for _, h := range hs[len(hs)-crashBatch:] {
		rec, err := l.Get(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		var b, i int
		fmt.Sscanf(h.ID, "b%04d-%02d", &b, &i) //nolint:errcheck // checked above
		want := crashArticle(src, b, i)
		if len(rec.Article.Body) != len(want.Body) || rec.Article.Body[len(want.Body)-1].Text != want.Body[len(want.Body)-1].Text {
			t.Fatalf("%s: body incomplete", h.ID)
		}
		res, err := l.Search(ctx, fmt.Sprintf("marker%dx%d", b, i), SearchOptions{})
		if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != h.ID {
			t.Fatalf("%s: not found by its marker: %+v, %v", h.ID, res.Hits, err)
		}
	}
}

// checkIntegrity runs SQLite's and FTS5's integrity checks and checks the
// article counter and the index hold one entry per article.
func checkIntegrity(t *testing.T, l *Library) {
	t.Helper()
	var res string
	if err := l.r.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q, %v", res, err)
	}
	if _, err := l.w.Exec("INSERT INTO words (words) VALUES ('integrity-check')"); err != nil {
		t.Fatalf("FTS5 integrity-check: %v", err)
	}
	var rows, counter, docs, indexed int
	if err := l.r.QueryRow(`SELECT (SELECT count(*) FROM articles), (SELECT n FROM counts WHERE name = 'articles'),
		(SELECT count(*) FROM documents), (SELECT count(*) FROM words)`).Scan(&rows, &counter, &docs, &indexed); err != nil {
		t.Fatal(err)
	}
	if rows != counter || rows != docs || rows != indexed {
		t.Fatalf("articles %d, counter %d, documents %d, index entries %d", rows, counter, docs, indexed)
	}
}
