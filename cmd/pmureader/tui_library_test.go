package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// TestTUILibraryEndToEnd drives the real binary in tmux, set to obey OSC
// 52 (set-clipboard on: a clipboard write becomes a paste buffer): "a"
// adds two pages and a hostile one from a local server, "o" opens an
// address with a stub browser ($BROWSER), reading the hostile page writes
// no clipboard, "y" does (the paragraph and its citation), "e" writes the
// comparison's report in the current folder; a second run lists the
// library with the marks and read articles of the first, and "/" finds an
// article by a word of its text.
func TestTUILibraryEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	tmuxtest.Require(t)
	site := newNewsSite(t)
	dir := t.TempDir()
	opened := filepath.Join(dir, "opened.txt")
	browser := filepath.Join(dir, "browser.sh")
	if err := os.WriteFile(browser, []byte("#!/bin/sh\necho \"$1\" >> "+opened+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(dir, "data", "library.db")
	cmd := "cd " + dir + " && env PMUREADER_LIBRARY=" + lib + " BROWSER=" + browser + " TERM=xterm-256color " + binPath
	tm := tmuxtest.Start(t, 120, 30, cmd, tmuxtest.Session("lib"),
		tmuxtest.Before("set-option", "-g", "escape-time", "0"),
		tmuxtest.Before("set-option", "-g", "set-clipboard", "on"),
		tmuxtest.Timeout(20*time.Second), tmuxtest.KeyDelay(100*time.Millisecond))
	noBuffer := func(when string) {
		t.Helper()
		if bufs := strings.TrimSpace(tm.Tmux("list-buffers")); bufs != "" {
			t.Fatalf("%s: a paste buffer exists (a clipboard write): %q", when, bufs)
		}
	}
	tm.WaitForText("sorted by date") // no library yet: the seeds
	tm.Keys("a")
	tm.WaitForText("add: ")
	tm.Text(site.URL + "/a/1 " + site.URL + "/a/2 " + site.URL + "/hostile")
	tm.Keys("Enter")
	scr := tm.WaitForText("added 3 articles")
	if !strings.Contains(scr, "Story 1") || !strings.Contains(scr, "Story 2") {
		t.Fatalf("the new articles are not listed:\n%s", scr)
	}
	noBuffer("after adding")

	// o: the selected article (the first added) in the stub browser.
	tm.Keys("o")
	tm.WaitForText("opened " + site.URL + "/a/1")
	waitFile(t, opened, site.URL+"/a/1")

	// The hostile page, read and paged: no clipboard write, no title.
	tm.Keys("G", "Enter")
	tm.WaitForText("Hostile text")
	tm.Keys("PageDown", "r", "r")
	noBuffer("reading the hostile page")
	tm.Keys("Escape")

	// y in the reader: the paragraph with its citation, now.
	tm.Keys("g", "j", "Enter")
	tm.WaitForText("Story 1 begins")
	noBuffer("before y")
	tm.Keys("y")
	tm.WaitForText("copied the paragraph")
	clip := waitBuffer(t, tm)
	want := "“Story 1 begins: the harbour authority said on Friday that 10 boats were kept in port by the storm.”\n— Local News, “Story 1”, 2024-05-01, " + site.URL + "/a/1"
	if clip != want {
		t.Errorf("clipboard:\n%q\nwant\n%q", clip, want)
	}
	tm.Keys("Escape")

	// e in the compare view of the two stories.
	tm.Keys("g", "Space", "Space", "c")
	tm.WaitFor("the comparison", func(s string) bool { return strings.Contains(s, "row ") || strings.Contains(s, "§") })
	tm.Keys("e")
	scr = tm.WaitForText("report written to")
	reports, _ := filepath.Glob(filepath.Join(dir, "compare-*.md"))
	if len(reports) != 1 {
		t.Fatalf("reports in %s: %v\n%s", dir, reports, scr)
	}
	data, err := os.ReadFile(reports[0])
	if err != nil || !strings.Contains(string(data), "Local News") || !strings.Contains(string(data), "|") {
		t.Errorf("report %s: %v\n%s", reports[0], err, data)
	}
	tm.Keys("e")
	tm.WaitForText("-2.md")
	tm.Keys("Escape", "q")
	tm.WaitForText("EXIT=0")

	// A second run lists the library, with what the first one left.
	tm2 := tmuxtest.Start(t, 120, 30, cmd, tmuxtest.Session("again"), tmuxtest.Timeout(20*time.Second),
		tmuxtest.Before("set-option", "-g", "escape-time", "0"), tmuxtest.KeyDelay(100*time.Millisecond))
	scr = tm2.WaitForText("3 articles")
	if !strings.Contains(scr, "2 marked") || strings.Contains(scr, "Antiwar.com") {
		t.Errorf("second run:\n%s", scr)
	}
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, "Evil") && strings.HasPrefix(l, "•") {
			t.Errorf("the hostile page, read in the first run, is unread: %q", l)
		}
	}
	// "/" finds by the text too: the bodies are in the library only.
	tm2.Keys("/")
	tm2.Text("harbour")
	scr = tm2.WaitForText("¶ the words are in its text")
	if !strings.Contains(scr, "¶ Story 1") {
		t.Errorf("/harbour does not list Story 1 as found by its text:\n%s", scr)
	}
	tm2.Keys("Enter")
	tm2.WaitForText("1/2 “harbour”") // opened at the passage, the words found
	// Each key waits for the screen it leads to: an Escape read together
	// with the next key is Alt and that key.
	tm2.Keys("Escape") // back to the search
	tm2.WaitForText("find by title")
	tm2.Keys("Escape") // out of it
	tm2.WaitForText("sorted by date")
	tm2.Keys("q")
	tm2.WaitForText("EXIT=0")
}

// waitFile waits for path to hold want.
func waitFile(t *testing.T, path, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, _ := os.ReadFile(path)
		if strings.Contains(string(data), want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never held %q: %q", path, want, data)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitBuffer waits for tmux's paste buffer and returns it.
func waitBuffer(t *testing.T, tm *tmuxtest.Term) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if strings.TrimSpace(tm.Tmux("list-buffers")) != "" {
			return tm.Tmux("show-buffer")
		}
		if time.Now().After(deadline) {
			t.Fatal("no paste buffer after y")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
