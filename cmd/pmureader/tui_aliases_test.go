package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// aliasFixture is two accounts of one visit that name its subject
// differently, and an alias file that says the names are one person.
func aliasFixture(t *testing.T) (dir, aliases string) {
	t.Helper()
	dir = writeFixture(t, map[string]string{
		"a.txt": "Zorblax Quuxington visits the harbour\n\nZorblax Quuxington arrived at the harbour on Monday. Zorblax Quuxington spoke to workers.\n\nCritics of Zorblax Quuxington said the visit was staged by Zorblax Quuxington allies.\n",
		"b.txt": "Vrennick visits the harbour\n\nVrennick arrived at the docks on Tuesday. Vrennick greeted dockhands there.\n\nOpponents of Vrennick called the tour a stunt arranged by Vrennick supporters.\n",
		"meta.yaml": "- file: a.txt\n  outlet: Outlet One\n  date: 2024-03-01\n" +
			"- file: b.txt\n  outlet: Outlet Two\n  date: 2024-03-01\n",
	})
	al := writeFixture(t, map[string]string{"aliases.txt": "Zorblax Quuxington = Mayor Vrennick | Vrennick\n"})
	return dir, filepath.Join(al, "aliases.txt")
}

// TestTUIAliases: `pmureader --aliases FILE PATH` hands the table to the
// reader, whose stories view then groups the two accounts as one story;
// without the flag they stay two.
func TestTUIAliases(t *testing.T) {
	dir, aliases := aliasFixture(t)
	for _, tc := range []struct {
		args, want string
	}{
		{"--aliases " + aliases + " " + dir, "1 with several articles"},
		{dir, "0 with several articles"},
	} {
		tm := tmuxtest.Start(t, 100, 24, binPath+" "+tc.args)
		tm.WaitForText("sorted by date")
		tm.Tmux("send-keys", "t")
		tm.WaitForText(tc.want)
		tm.Tmux("send-keys", "q")
		tm.WaitForText("sorted by date")
		tm.Tmux("send-keys", "q")
		if scr := tm.WaitForText("EXIT="); !strings.Contains(scr, "EXIT=0") {
			t.Errorf("%s: want exit 0:\n%s", tc.args, scr)
		}
	}
}

// A bad --aliases file is reported, naming file and line, before the
// terminal is taken over: exit 1, no TUI.
func TestTUIBadAliases(t *testing.T) {
	dir, _ := aliasFixture(t)
	bad := writeFixture(t, map[string]string{"aliases.txt": "no equals sign here\n"})
	tm := tmuxtest.Start(t, 100, 24, binPath+" --aliases "+filepath.Join(bad, "aliases.txt")+" "+dir)
	scr := tm.WaitForText("EXIT=")
	if !strings.Contains(scr, "EXIT=1") || !strings.Contains(scr, "aliases.txt:1:") {
		t.Errorf("want the file and line and exit 1:\n%s", scr)
	}
	if strings.Contains(scr, "sorted by date") {
		t.Errorf("the TUI opened:\n%s", scr)
	}
}
