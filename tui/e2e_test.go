package tui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// e2eTerm is a tmux session on a private server, running a shell.
type e2eTerm struct {
	t    *testing.T
	sock string
}

func (e *e2eTerm) tmux(args ...string) string {
	e.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", e.sock}, args...)...).CombinedOutput()
	if err != nil {
		e.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (e *e2eTerm) screen() string { return e.tmux("capture-pane", "-p", "-t", "e2e") }

// waitFor polls the screen until it contains want.
func (e *e2eTerm) waitFor(want string) string {
	e.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr := e.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		if time.Now().After(deadline) {
			e.t.Fatalf("screen never showed %q:\n%s", want, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// keys sends tmux key names (Enter, Escape, …) one at a time, pausing so
// that an Escape is not read as the start of an alt-key sequence.
func (e *e2eTerm) keys(ks ...string) {
	for _, k := range ks {
		e.tmux("send-keys", "-t", "e2e", k)
		time.Sleep(120 * time.Millisecond)
	}
}

// text types literal text.
func (e *e2eTerm) text(s string) {
	e.tmux("send-keys", "-t", "e2e", "-l", s)
	time.Sleep(150 * time.Millisecond)
}

// TestEndToEnd builds the pmureader command and drives it in a real
// terminal (tmux): the library on the alternate screen, fuzzy search,
// the reader, find in the article, back, quit with status 0 and the shell
// back as it was.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: end-to-end TUI test skipped")
	}
	if _, err := os.Stat("../cmd/pmureader"); err != nil {
		t.Skip("../cmd/pmureader does not exist: end-to-end TUI test skipped")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "pmureader")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/pmureader").CombinedOutput(); err != nil {
		t.Fatalf("go build ../cmd/pmureader: %v\n%s", err, out)
	}
	e := &e2eTerm{t: t, sock: fmt.Sprintf("pmureader-e2e-%d", os.Getpid())}
	e.tmux("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30",
		"env", "PS1=e2e$ ", "TERM=xterm-256color", "ENV=/dev/null", "sh", "-i")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", e.sock, "kill-server").Run() })
	e.tmux("set-option", "-g", "escape-time", "0")
	e.waitFor("e2e$")

	e.text("echo before-tui; " + bin + "; echo EXIT=$?")
	e.keys("Enter")
	scr := e.waitFor("sorted by date")
	if strings.Contains(scr, "before-tui") {
		t.Fatalf("the library is not on the alternate screen:\n%s", scr)
	}
	if alt := strings.TrimSpace(e.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on}")); alt != "1" {
		t.Fatalf("alternate screen not on (alternate_on=%s)", alt)
	}

	// Fuzzy search: the Antiwar.com article is first.
	e.keys("/")
	e.text("ketaib")
	scr = e.waitFor("match")
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
	e.keys("Enter")
	e.waitFor("US F-15 warplanes")

	// Find in the article.
	e.keys("/")
	e.text("hezbollah")
	e.keys("Enter")
	scr = e.waitFor("“hezbollah”")
	if !strings.Contains(scr, "1/2") {
		t.Fatalf("find did not count matches:\n%s", scr)
	}
	e.keys("n")
	e.waitFor("2/2")

	// Back to the library (still searching), leave search, quit.
	e.keys("Escape")
	e.waitFor("find by title")
	e.keys("Escape")
	e.waitFor("sorted by date")
	e.keys("q")
	scr = e.waitFor("EXIT=")
	if !strings.Contains(scr, "EXIT=0") {
		t.Fatalf("exit status not 0:\n%s", scr)
	}
	if !strings.Contains(scr, "before-tui") {
		t.Fatalf("the shell's screen was not restored:\n%s", scr)
	}
	if alt := strings.TrimSpace(e.tmux("display-message", "-p", "-t", "e2e", "#{alternate_on}")); alt != "0" {
		t.Fatalf("alternate screen still on after quitting")
	}
}
