package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// TestDumbTerminalEndToEnd runs the real pmureader with TERM=dumb, which
// strips every attribute (no colour, no reverse video), on a folder of the
// user's own with broken files in it, in tmux at 80×24: the row under the
// cursor is still marked, and "p" lists every load problem with its file
// and message (issue 12, items 12 and 13).
func TestDumbTerminalEndToEnd(t *testing.T) {
	bin := tmuxtest.Build(t, "../cmd/pmureader")
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	files := map[string]string{
		"alpha.txt":   "Alpha Floods in Rivertown\n\nThe river rose overnight and forty houses were flooded.\n",
		"bravo.txt":   "Bravo Storm Hits the Coast\n\nBoats were lost when the storm reached the harbour.\n",
		"empty.txt":   "",
		"broken.json": "{ not json",
		"nul.txt":     "Title\n\x00binary\n",
	}
	if err := os.Mkdir(news, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(news, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := tmuxtest.Start(t, 80, 24, "env TERM=dumb '"+bin+"' '"+news+"'",
		tmuxtest.Before("set-option", "-g", "escape-time", "0"), tmuxtest.NoJoin(),
		tmuxtest.Timeout(15*time.Second), tmuxtest.KeyDelay(150*time.Millisecond))
	scr := e.WaitForText("3 problems")
	status := lineWith(scr, "3 problems")
	if !strings.Contains(status, "p ") {
		t.Errorf("the status line does not name the key that lists the problems: %q", status)
	}

	// The selected row, and only it, carries the cursor mark.
	e.Keys("j")
	scr = e.WaitFor("the cursor on the second row", func(s string) bool {
		return strings.Contains(s, "2/2")
	})
	// Both are undated, so they are listed in load order, which parallel
	// loading does not fix: the mark is on whichever is second.
	var rows []string
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "Alpha Floods") || strings.Contains(l, "Bravo Storm") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 2 || !strings.HasPrefix(rows[1], "▸") || strings.Contains(rows[0], "▸") {
		t.Fatalf("with TERM=dumb the selected row is not marked:\n%s", scr)
	}

	// p lists every problem, file and message.
	e.Keys("p")
	scr = e.WaitForText("Problems")
	for _, want := range []string{"empty.txt: empty file", "broken.json", "nul.txt: binary file"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the problems list lacks %q:\n%s", want, scr)
		}
	}
	e.Keys("Escape")
	e.WaitForText("sorted by date")
	e.Keys("q")
	if scr := e.WaitForText("EXIT="); !strings.Contains(scr, "EXIT=3") {
		t.Errorf("exit status with broken files is not 3:\n%s", scr)
	}
}
