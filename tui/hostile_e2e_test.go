package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/internal/tmuxtest"
)

// hostileChecks is a tmux terminal set up so that escape sequences act if
// they reach it: OSC 0/2 set the pane title, ESC k renames the window
// (allow-rename), OSC 52 creates a paste buffer (set-clipboard on); and
// what went wrong on it, gathered so a failure says all of it.
type hostileChecks struct {
	*tmuxtest.Term
	t       *testing.T
	w, h    int
	pending []string
}

// sgrOnly matches the escape sequences capture-pane -e writes for styles;
// once they are removed nothing but text may be left.
var sgrOnly = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// check looks at the terminal after step: the pane title is still ours,
// the window name untouched, no paste buffer, every line fits, and the
// screen holds text and styles only.
func (e *hostileChecks) check(step string) {
	e.t.Helper()
	fail := func(format string, args ...any) {
		e.pending = append(e.pending, step+": "+fmt.Sprintf(format, args...))
	}
	if title := e.Display("#{pane_title}"); title != "pmureader" {
		fail("pane title is %q, want pmureader's own", title)
	}
	if name := e.Display("#{window_name}"); name != "hostile" {
		fail("window renamed to %q", name)
	}
	if bufs := strings.TrimSpace(e.Tmux("list-buffers")); bufs != "" {
		fail("a paste buffer was created (OSC 52 reached the terminal): %q", bufs)
	}
	styled := e.Screen(true)
	plain := e.Screen(false)
	if rest := sgrOnly.ReplaceAllString(styled, ""); strings.ContainsAny(rest, "\x1b\x07\x08\x7f\u009b\u009d") {
		i := strings.IndexAny(rest, "\x1b\x07\x08\x7f\u009b\u009d")
		fail("the screen holds a control character other than our SGR near %q", rest[max(i-30, 0):min(i+30, len(rest))])
	}
	// The CSI payload is "ESC[2J ESC[1;31m RED ESC[0m": shown, its text
	// reads "…31mRED"; acted on, "RED" would stand alone, in red.
	for _, l := range strings.Split(plain, "\n") {
		if w := ansi.StringWidth(l); w > e.w {
			fail("a line is %d cells wide on a %d-cell terminal: %q", w, e.w, l)
		}
		for i := strings.Index(l, "RED"); i >= 0; {
			if !strings.HasSuffix(l[:i], "31m") {
				fail("RED without its escape shown before it (the CSI acted?): %q", l)
				break
			}
			j := strings.Index(l[i+3:], "RED")
			if j < 0 {
				break
			}
			i += 3 + j
		}
	}
	if len(strings.Split(strings.TrimRight(plain, "\n"), "\n")) > e.h {
		fail("more lines than the terminal has")
	}
}

// TestHostileEndToEnd runs pmureader on the hostile corpus (escape
// sequences in every field of every format, broken files) in a real
// terminal that would obey them, opens every article, pages through it,
// shows its raw source, and goes back, checking the terminal after each
// step; then quits, expecting exit status 3 (some files could not load).
func TestHostileEndToEnd(t *testing.T) {
	bin := tmuxtest.Build(t, "../cmd/pmureader")
	corpusDir, err := filepath.Abs("../corpus/testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("%s does not exist: hostile end-to-end TUI test skipped", corpusDir)
	}
	// The options are set before the program starts, so its first output
	// already meets a terminal that obeys; the window is named (which turns
	// automatic renaming off) so that a rename shows.
	const w, h = 100, 30
	e := &hostileChecks{t: t, w: w, h: h, Term: tmuxtest.Start(t, w, h,
		"env TERM=xterm-256color "+bin+" "+corpusDir,
		tmuxtest.Session("hostile"), tmuxtest.Window("hostile"), tmuxtest.Linger(600),
		tmuxtest.Before("set-option", "-g", "escape-time", "0"),
		tmuxtest.Before("set-option", "-g", "set-clipboard", "on"),
		tmuxtest.Before("set-option", "-g", "set-titles", "on"),
		tmuxtest.Before("set-window-option", "-g", "allow-rename", "on"),
		tmuxtest.After("set-window-option", "-t", "hostile", "automatic-rename", "off"),
		tmuxtest.After("rename-window", "-t", "hostile", "hostile"),
		tmuxtest.Timeout(15*time.Second), tmuxtest.KeyDelay(90*time.Millisecond))}

	articles := regexp.MustCompile(`(\d+) articles · sorted`)
	scr := e.WaitFor("the library, loaded, with its problems", func(s string) bool {
		return articles.MatchString(s) && strings.Contains(s, "problems (p") && !strings.Contains(s, "loading")
	})
	n, _ := strconv.Atoi(articles.FindStringSubmatch(scr)[1])
	if n < 10 {
		t.Fatalf("only %d hostile articles loaded:\n%s", n, scr)
	}
	e.check("library")
	// The list of problems shows the broken files' names and messages as
	// they are, never obeyed.
	e.Keys("p")
	e.WaitFor("the list of problems", func(s string) bool { return strings.Contains(s, "not loaded") })
	e.check("problems")
	e.Keys("G")
	e.check("problems, at the end")
	e.Keys("Escape")
	e.WaitFor("the library after the problems", func(s string) bool { return articles.MatchString(s) })
	inReader := func(s string) bool { return strings.Contains(s, "r raw") }
	inLibrary := func(s string) bool { return strings.Contains(s, "enter read") }
	opened := 0
	e.Keys("g")
	for i := 0; i < n; i++ {
		if i > 0 {
			e.Keys("j")
		}
		at := fmt.Sprintf("%d/%d ", i+1, n) // the status line starts with it
		e.WaitFor("the cursor on row "+at, func(s string) bool {
			for _, l := range strings.Split(s, "\n") {
				if strings.HasPrefix(strings.TrimSpace(l)+" ", at) {
					return true
				}
			}
			return false
		})
		e.check(fmt.Sprintf("library row %d", i+1))
		e.Keys("Enter")
		e.WaitFor(fmt.Sprintf("article %d in the reader", i+1), inReader)
		for _, k := range []string{"PageDown", "G", "r", "PageDown", "G", "g", "r", "G"} {
			e.Keys(k)
			e.check(fmt.Sprintf("article %d, after %s", i+1, k))
		}
		e.Keys("Escape")
		e.WaitFor("the library again", inLibrary)
		opened++
		if len(e.pending) > 0 {
			break
		}
	}
	for _, p := range e.pending {
		t.Error(p)
	}
	t.Logf("opened %d of %d hostile articles", opened, n)
	e.Keys("q")
	scr = e.WaitFor("the exit status", func(s string) bool { return strings.Contains(s, "EXIT=") })
	if !strings.Contains(scr, "EXIT=3") {
		t.Errorf("exit status after a partial load is not 3:\n%s", scr)
	}
	if bufs := strings.TrimSpace(e.Tmux("list-buffers")); bufs != "" {
		t.Errorf("a paste buffer was created: %q", bufs)
	}
	if name := e.Display("#{window_name}"); name != "hostile" {
		t.Errorf("window renamed to %q", name)
	}
	if title := e.Display("#{pane_title}"); strings.Contains(title, "pwned") || strings.Contains(title, "c1title") {
		t.Errorf("pane title is %q", title)
	}
}
