package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// TestEndToEnd builds the pmureader command and drives it in a real
// terminal (tmux): the library on the alternate screen, fuzzy search,
// the reader, find in the article, back, quit with status 0 and the shell
// back as it was.
func TestEndToEnd(t *testing.T) {
	bin := tmuxtest.Build(t, "../cmd/pmureader")
	dir := t.TempDir()
	// An interactive shell the test types into, so that the screen before
	// and after the TUI can be seen. Rows are read as the terminal shows
	// them (NoJoin); keys are spaced so an Escape is not read as the start
	// of an alt-key sequence.
	e := tmuxtest.Start(t, 100, 30, "exec env 'PS1=e2e$ ' TERM=xterm-256color ENV=/dev/null sh -i",
		tmuxtest.Bare(), tmuxtest.Session("e2e"), tmuxtest.NoJoin(),
		tmuxtest.Before("set-option", "-g", "escape-time", "0"),
		tmuxtest.Timeout(15*time.Second), tmuxtest.KeyDelay(120*time.Millisecond),
		tmuxtest.TextDelay(150*time.Millisecond))
	e.WaitForText("e2e$")

	// A library of its own that does not exist: the seeds are listed, and
	// the user's own library is neither read nor created.
	e.Text("echo before-tui; PMUREADER_LIBRARY=" + filepath.Join(dir, "none", "library.db") + " " + bin + "; echo EXIT=$?")
	e.Keys("Enter")
	scr := e.WaitForText("sorted by date")
	if strings.Contains(scr, "before-tui") {
		t.Fatalf("the library is not on the alternate screen:\n%s", scr)
	}
	if alt := e.Display("#{alternate_on}"); alt != "1" {
		t.Fatalf("alternate screen not on (alternate_on=%s)", alt)
	}

	// Fuzzy search: the Antiwar.com article is first.
	e.Keys("/")
	e.Text("ketaib")
	scr = e.WaitForText("match")
	first := ""
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "20") && (strings.Contains(l, "-") || strings.Contains(l, "~")) && !strings.Contains(l, "Date") {
			first = l
			break
		}
	}
	if !strings.Contains(first, "Antiwar.com") {
		t.Fatalf("first hit for ketaib is not Antiwar.com: %q\n%s", first, scr)
	}

	// Open it: its body shows.
	e.Keys("Enter")
	e.WaitForText("US F-15 warplanes")

	// Find in the article.
	e.Keys("/")
	e.Text("hezbollah")
	e.Keys("Enter")
	scr = e.WaitForText("“hezbollah”")
	if !strings.Contains(scr, "1/2") {
		t.Fatalf("find did not count matches:\n%s", scr)
	}
	e.Keys("n")
	e.WaitForText("2/2")

	// Back to the library (still searching), leave search, quit.
	e.Keys("Escape")
	e.WaitForText("find by title")
	e.Keys("Escape")
	e.WaitForText("sorted by date")
	e.Keys("q")
	scr = e.WaitForText("EXIT=")
	if !strings.Contains(scr, "EXIT=0") {
		t.Fatalf("exit status not 0:\n%s", scr)
	}
	if !strings.Contains(scr, "before-tui") {
		t.Fatalf("the shell's screen was not restored:\n%s", scr)
	}
	if alt := e.Display("#{alternate_on}"); alt != "0" {
		t.Fatalf("alternate screen still on after quitting")
	}
}
