package tui

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/tmuxtest"
	"github.com/pmureader/pmureader/seeds"
)

// The end-to-end test runs the TUI on a real terminal inside a detached
// tmux session: the test binary runs itself (TestCompareE2EChild, which
// does nothing unless PMUREADER_E2E_CHILD is set) as the program, on the
// bundled seeds. It skips when tmux is missing.

// TestCompareE2EChild is the program the tmux test drives: tui.Run on the
// seeds, on the terminal it was started on.
func TestCompareE2EChild(t *testing.T) {
	if os.Getenv("PMUREADER_E2E_CHILD") == "" {
		t.Skip("the program of TestTerminalCompareCasualtiesLevel; runs only inside it")
	}
	load := func(ctx context.Context) <-chan corpus.Batch {
		ch := make(chan corpus.Batch, 1)
		go func() {
			defer close(ch)
			c, err := corpus.LoadFS(ctx, seeds.FS, corpus.Options{})
			if err != nil {
				return
			}
			ch <- corpus.Batch{Articles: c.Articles, Problems: c.Problems, FilesDone: 1, FilesTotal: 1}
		}()
		return ch
	}
	if err := Run(context.Background(), Options{Load: load}); err != nil {
		fmt.Fprintln(os.Stderr, "pmureader:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Mark the 29 Dec 2019 pair in the library, compare them, and the two
// accounts of the toll ("killing 27 and injuring 51" and "killing at least
// 25") stand level on the terminal: they start on the same row, and each
// figure is within the rows its passage takes.
func TestTerminalCompareCasualtiesLevel(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Skipf("cannot find the test binary: %v", err)
	}
	const w, h = 120, 40
	tm := tmuxtest.Start(t, w, h, "PMUREADER_E2E_CHILD=1 '"+exe+"' -test.run '^TestCompareE2EChild$'")
	tm.WaitFor("the library with stories", func(s string) bool {
		return strings.Contains(s, "Antiwar.com") && strings.Contains(s, "US airstrikes on Ka")
	})
	// Sorted newest first: VICE, News Line ×2, Iranian.com, Antiwar.com.
	tm.Keys("j", "j", "j", "Space", "Space", "c")
	scr := tm.WaitFor("the compare view", func(s string) bool {
		return strings.Contains(s, "Compare · 2 marked articles") && strings.Contains(s, "killing 27")
	})
	level := func(scr string) {
		t.Helper()
		ra, ri := rowOf(scr, strikesStart), rowOf(scr, attacksStart)
		k27, k25 := rowOf(scr, "killing 27"), rowOf(scr, "killing at least 25")
		if ra < 0 || ra != ri || k27 < ri || k27 > ri+2 || k25 < ra || k25 > ra+2 {
			t.Fatalf("casualty passages not level: starts at rows %d and %d, figures at %d and %d:\n%s", ra, ri, k25, k27, scr)
		}
	}
	level(scr)
	// Put the cursor on them, then focus the other pane: still level.
	tm.Keys("j", "j", "j")
	scr = tm.WaitFor("the cursor on the toll", func(s string) bool { return strings.Contains(s, "▍ The strikes targeted") })
	level(scr)
	tm.Keys("Tab")
	scr = tm.WaitFor("the focus on Iranian.com", func(s string) bool { return strings.Contains(s, "▸ Iranian.com") })
	level(scr)
	for i, l := range strings.Split(scr, "\n") {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d columns on a %d-column terminal: %q", i, lw, w, l)
		}
	}
	tm.Keys("C-c")
	scr = tm.WaitFor("the program's end", func(s string) bool { return strings.Contains(s, "EXIT=") })
	if !strings.Contains(scr, "EXIT=0") {
		t.Fatalf("the program did not end cleanly:\n%s", scr)
	}
}
