package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// These tests run the binary on a real terminal, inside a detached tmux
// session, for what only happens on a terminal: cutting to the width,
// colour (and NO_COLOR), and the TUI. They skip when tmux is missing.

func TestTerminalListFitsAndColours(t *testing.T) {
	tm := tmuxtest.Start(t, 60, 20, binPath+" list")
	scr := tm.WaitForText("EXIT=0")
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
	if !strings.Contains(tm.Screen(true), "\x1b[") {
		t.Error("no colour on a terminal")
	}

	for _, cmd := range []string{"NO_COLOR=1 " + binPath + " list", binPath + " list --no-color"} {
		tm := tmuxtest.Start(t, 60, 20, cmd)
		tm.WaitForText("EXIT=0")
		if strings.Contains(tm.Screen(true), "\x1b[1m") {
			t.Errorf("%s: bold text despite no colour:\n%q", cmd, tm.Screen(true))
		}
	}
}

func TestTerminalShowWrapsToWidth(t *testing.T) {
	tm := tmuxtest.Start(t, 50, 60, binPath+" show 003")
	scr := tm.WaitForText("EXIT=0")
	for _, l := range strings.Split(scr, "\n") {
		if w := ansi.StringWidth(l); w > 50 && !strings.HasPrefix(l, "http") {
			t.Errorf("line is %d columns on a 50-column terminal: %q", w, l)
		}
	}
}
