package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// TestTerminalOpensTUI: with no subcommand on a terminal the reader opens
// on the given paths; after it quits, load problems are printed and the
// exit code says the load was partial.
func TestTerminalOpensTUI(t *testing.T) {
	big := strings.Repeat("A long paragraph that goes on and on about nothing at all. ", 60)
	dir := writeFixture(t, map[string]string{"good.txt": goodArticle, "huge.txt": "Too Big\n\n" + big + "\n"})
	tm := tmuxtest.Start(t, 100, 30, binPath+" --max-file-size 1KB "+dir)
	tm.WaitForText("A Quiet Day in Testville")
	// The reader waits for keys; a printed list would have ended by now.
	time.Sleep(300 * time.Millisecond)
	if scr := tm.Screen(false); strings.Contains(scr, "EXIT=") {
		t.Fatalf("no TUI: the command ended by itself:\n%s", scr)
	}
	tm.Tmux("send-keys", "q")
	scr := tm.WaitForText("EXIT=")
	if !strings.Contains(scr, "EXIT=3") || !strings.Contains(scr, "pmureader: "+filepath.Join(dir, "huge.txt")) {
		t.Errorf("after the TUI: want the problem and EXIT=3:\n%s", scr)
	}
}
