package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTerminalOpensTUI: with no subcommand on a terminal the reader opens
// on the given paths; after it quits, load problems are printed and the
// exit code says the load was partial.
func TestTerminalOpensTUI(t *testing.T) {
	big := strings.Repeat("A long paragraph that goes on and on about nothing at all. ", 60)
	dir := writeFixture(t, map[string]string{"good.txt": goodArticle, "huge.txt": "Too Big\n\n" + big + "\n"})
	tm := startTmux(t, 100, 30, binPath+" --max-file-size 1KB "+dir)
	tm.waitFor("A Quiet Day in Testville")
	// The reader waits for keys; a printed list would have ended by now.
	time.Sleep(300 * time.Millisecond)
	if scr := tm.screen(false); strings.Contains(scr, "EXIT=") {
		t.Fatalf("no TUI: the command ended by itself:\n%s", scr)
	}
	tm.tmux("send-keys", "q")
	scr := tm.waitFor("EXIT=")
	if !strings.Contains(scr, "EXIT=3") || !strings.Contains(scr, "pmureader: "+filepath.Join(dir, "huge.txt")) {
		t.Errorf("after the TUI: want the problem and EXIT=3:\n%s", scr)
	}
}
