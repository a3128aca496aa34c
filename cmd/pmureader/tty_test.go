package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// These tests run the binary on a real terminal, inside a detached tmux
// session, for what only happens on a terminal: cutting to the width,
// colour (and NO_COLOR), and the TUI. They skip when tmux is missing.

// tmuxTerm is one tmux server with one session running a shell command.
type tmuxTerm struct {
	t      *testing.T
	socket string
}

// startTmux runs command (a shell command line) on a width×height terminal.
// The command's exit code is printed as "EXIT=n" when it ends.
func startTmux(t *testing.T, width, height int, command string) *tmuxTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed: terminal tests skipped")
	}
	tm := &tmuxTerm{t: t, socket: fmt.Sprintf("pmureader-test-%d-%d", os.Getpid(), time.Now().UnixNano())}
	script := command + `; echo "EXIT=$?"; sleep 60`
	tm.tmux("new-session", "-d", "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "sh", "-c", script)
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxTerm) tmux(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %q: %v\n%s", args, err, out)
	}
	return string(out)
}

// screen returns the pane's text; with escapes, its styling too. Lines the
// terminal wrapped are joined, so a line wider than the pane shows as such.
func (tm *tmuxTerm) screen(escapes bool) string {
	args := []string{"capture-pane", "-p", "-J"}
	if escapes {
		args = append(args, "-e")
	}
	return tm.tmux(args...)
}

// waitFor polls the screen until it contains s, and fails after 10s.
func (tm *tmuxTerm) waitFor(s string) string {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := tm.screen(false)
		if strings.Contains(scr, s) {
			return scr
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %q:\n%s", s, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestTerminalListFitsAndColours(t *testing.T) {
	tm := startTmux(t, 60, 20, binPath+" list")
	scr := tm.waitFor("EXIT=0")
	rows := 0
	for _, l := range strings.Split(scr, "\n") {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("line is %d columns on a 60-column terminal: %q", w, l)
		}
		if strings.HasPrefix(l, "00") {
			rows++
		}
	}
	if rows != 6 || !strings.Contains(scr, "…") {
		t.Errorf("want 6 rows cut with …:\n%s", scr)
	}
	if !strings.Contains(tm.screen(true), "\x1b[") {
		t.Error("no colour on a terminal")
	}

	for _, cmd := range []string{"NO_COLOR=1 " + binPath + " list", binPath + " list --no-color"} {
		tm := startTmux(t, 60, 20, cmd)
		tm.waitFor("EXIT=0")
		if strings.Contains(tm.screen(true), "\x1b[1m") {
			t.Errorf("%s: bold text despite no colour:\n%q", cmd, tm.screen(true))
		}
	}
}

func TestTerminalShowWrapsToWidth(t *testing.T) {
	tm := startTmux(t, 50, 60, binPath+" show 003")
	scr := tm.waitFor("EXIT=0")
	for _, l := range strings.Split(scr, "\n") {
		if w := ansi.StringWidth(l); w > 50 && !strings.HasPrefix(l, "http") {
			t.Errorf("line is %d columns on a 50-column terminal: %q", w, l)
		}
	}
}
