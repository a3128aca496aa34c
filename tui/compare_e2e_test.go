package tui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
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

// cmpTerm is one tmux server running one command.
type cmpTerm struct {
	t      *testing.T
	socket string
}

func startCmpTerm(t *testing.T, w, h int, command string) *cmpTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed: terminal test skipped")
	}
	tm := &cmpTerm{t: t, socket: fmt.Sprintf("pmureader-tui-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	tm.tmux("new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", command+`; echo "EXIT=$?"; sleep 60`)
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *cmpTerm) tmux(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %q: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *cmpTerm) screen() string { return tm.tmux("capture-pane", "-p", "-J") }

// waitFor polls the screen until ok says yes, and fails after 10s.
func (tm *cmpTerm) waitFor(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := tm.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %s:\n%s", what, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *cmpTerm) keys(ks ...string) {
	tm.t.Helper()
	for _, k := range ks {
		tm.tmux("send-keys", "-t", "0", k)
		time.Sleep(30 * time.Millisecond)
	}
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
	tm := startCmpTerm(t, w, h, "PMUREADER_E2E_CHILD=1 '"+exe+"' -test.run '^TestCompareE2EChild$'")
	tm.waitFor("the library with stories", func(s string) bool {
		return strings.Contains(s, "Antiwar.com") && strings.Contains(s, "US airstrikes on Ka")
	})
	// Sorted newest first: VICE, News Line ×2, Iranian.com, Antiwar.com.
	tm.keys("j", "j", "j", "Space", "Space", "c")
	scr := tm.waitFor("the compare view", func(s string) bool {
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
	tm.keys("j", "j", "j")
	scr = tm.waitFor("the cursor on the toll", func(s string) bool { return strings.Contains(s, "▍ The strikes targeted") })
	level(scr)
	tm.keys("Tab")
	scr = tm.waitFor("the focus on Iranian.com", func(s string) bool { return strings.Contains(s, "▸ Iranian.com") })
	level(scr)
	for i, l := range strings.Split(scr, "\n") {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d columns on a %d-column terminal: %q", i, lw, w, l)
		}
	}
	tm.keys("C-c")
	scr = tm.waitFor("the program's end", func(s string) bool { return strings.Contains(s, "EXIT=") })
	if !strings.Contains(scr, "EXIT=0") {
		t.Fatalf("the program did not end cleanly:\n%s", scr)
	}
}
