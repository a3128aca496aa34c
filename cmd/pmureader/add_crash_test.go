package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/library"
)

// TestAddKilledMidwayLeavesLibraryWhole kills `pmureader add` of 300
// pages at two moments (while it fetches, and as it stores), reopens the
// library each time and checks it holds whole articles only, then adds
// again: the add completes, every page stored once.
func TestAddKilledMidwayLeavesLibraryWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	site := newNewsSite(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	var urls []string
	for n := 100; n < 400; n++ {
		urls = append(urls, fmt.Sprintf("%s/a/%d", site.URL, n))
	}
	for round, after := range []int64{150, 280} {
		served := site.pages.Load()
		cmd := exec.Command(binPath, append([]string{"add"}, urls...)...)
		cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "PMUREADER_LIBRARY=" + lib}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(30 * time.Second)
		for site.pages.Load()-served < after && time.Now().Before(deadline) {
			time.Sleep(2 * time.Millisecond)
		}
		time.Sleep(time.Duration(round*40) * time.Millisecond)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		n := checkWhole(t, lib)
		t.Logf("round %d: killed after %d pages served; %d articles stored", round, site.pages.Load()-served, n)
	}
	r := inproc(t, lib, append([]string{"add"}, urls...)...)
	r.want(t, 0, "add")
	if n := checkWhole(t, lib); n != 300 {
		t.Fatalf("%d articles after the add completed, want 300\n%s", n, r.stdout[max(len(r.stdout)-200, 0):])
	}
}

// checkWhole opens the library and checks that every article in it is
// whole: counted, readable with its body, and found by its words.
func checkWhole(t *testing.T, path string) int {
	t.Helper()
	ctx := context.Background()
	l, err := library.Open(ctx, path, library.Options{})
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer l.Close()
	count, err := l.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	hs, err := l.Headers(ctx)
	if err != nil || len(hs) != count {
		t.Fatalf("%d headers, count %d, %v", len(hs), count, err)
	}
	for _, h := range hs {
		rec, err := l.Get(ctx, h.ID)
		if err != nil || len(rec.Article.Body) != 3 || !strings.HasPrefix(rec.Article.Title, "Story ") {
			t.Fatalf("%s: %v, %+v", h.ID, err, rec)
		}
		n := strings.TrimPrefix(rec.Article.Title, "Story ")
		res, err := l.Search(ctx, fmt.Sprintf(`"that %s0 boats"`, n), library.SearchOptions{})
		if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != h.ID {
			t.Fatalf("%s not found by its words: %+v %v", h.ID, res.Hits, err)
		}
	}
	return count
}
