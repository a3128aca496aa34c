// Package tmuxtest drives a program on a real terminal for end-to-end
// tests: a detached tmux session on a private server, whose screen a test
// reads (capture-pane), waits on, and types into (send-keys). Some things
// only happen on a terminal (the alternate screen, cutting to the width,
// colour, escape sequences in untrusted text acting or not), and several
// packages test them; this is their one driver, so a fix to it (a timing,
// a tmux quirk) is made once. Only tests import this package.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Term is one tmux server, private to the test, with one session running
// one command. Every method fails the test (t.Fatalf) when tmux does.
type Term struct {
	t         testing.TB
	socket    string
	session   string
	join      bool
	timeout   time.Duration
	keyDelay  time.Duration
	textDelay time.Duration
}

// config is what Options set; see Start for the defaults.
type config struct {
	session   string
	window    string
	before    [][]string
	after     [][]string
	bare      bool
	linger    int
	join      bool
	timeout   time.Duration
	keyDelay  time.Duration
	textDelay time.Duration
}

// Option changes how Start sets the terminal up.
type Option func(*config)

// Session names the tmux session (default "test"); it is the target of
// every command the Term sends, and of Before/After commands that name it.
func Session(name string) Option { return func(c *config) { c.session = name } }

// Window names the session's window (new-session -n), which also turns
// tmux's automatic renaming off for it.
func Window(name string) Option { return func(c *config) { c.window = name } }

// Before runs a tmux command on the server before the session, and so the
// program, starts (e.g. set-option -g set-clipboard on), so that the
// program's very first output already meets it.
func Before(args ...string) Option {
	return func(c *config) { c.before = append(c.before, args) }
}

// After runs a tmux command right after new-session, in the same tmux
// invocation, so before the server has read anything the program wrote
// (e.g. a window option, which needs the window to exist).
func After(args ...string) Option {
	return func(c *config) { c.after = append(c.after, args) }
}

// Bare runs the command exactly as given (by sh -c), without reporting
// its exit status: for a command that is itself a shell the test types
// into.
func Bare() Option { return func(c *config) { c.bare = true } }

// Linger is how many seconds the pane stays open after the command ended
// and printed its exit status (default 60), so the test can read it.
func Linger(seconds int) Option { return func(c *config) { c.linger = seconds } }

// NoJoin makes Screen and WaitFor see the terminal's rows as they are
// (capture-pane without -J): a line the terminal wrapped is several.
func NoJoin() Option { return func(c *config) { c.join = false } }

// Timeout is how long WaitFor waits (default 10s).
func Timeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// KeyDelay is the pause after each key Keys sends (default 30ms), so that
// the program reads keys one by one (an Escape followed too soon by a key
// reads as an alt-key).
func KeyDelay(d time.Duration) Option { return func(c *config) { c.keyDelay = d } }

// TextDelay is the pause after Text (default 150ms).
func TextDelay(d time.Duration) Option { return func(c *config) { c.textDelay = d } }

// Require skips the test, with a message saying why, when tmux is not
// installed. Start calls it; a test calls it first itself to skip before
// costly setup such as building a binary.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: terminal test skipped")
	}
}

// Build skips the test in -short mode or where tmux is missing, and
// otherwise builds the Go command in pkgDir (a path relative to the test's
// package, e.g. "../cmd/pmureader") into a temporary folder and returns
// the binary's path. A test that drives the real program calls it first.
func Build(t testing.TB, pkgDir string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	Require(t)
	if _, err := os.Stat(pkgDir); err != nil {
		t.Skipf("%s does not exist: end-to-end test skipped", pkgDir)
	}
	bin := filepath.Join(t.TempDir(), filepath.Base(pkgDir))
	if out, err := exec.Command("go", "build", "-o", bin, pkgDir).CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkgDir, err, out)
	}
	return bin
}

// Start runs command (a shell command line, run by sh -c) on a detached
// width×height terminal, on a tmux server with a socket of its own, which
// the test's Cleanup kills. Unless Bare, the command is followed by
// `echo "EXIT=$?"; sleep 60` (see Linger), so the test can wait for
// "EXIT=" and read the status. It skips the test when tmux is missing.
func Start(t testing.TB, width, height int, command string, opts ...Option) *Term {
	t.Helper()
	Require(t)
	c := config{session: "test", linger: 60, join: true, timeout: 10 * time.Second,
		keyDelay: 30 * time.Millisecond, textDelay: 150 * time.Millisecond}
	for _, o := range opts {
		o(&c)
	}
	tm := &Term{
		t:         t,
		socket:    fmt.Sprintf("pmureader-tmuxtest-%d-%d", os.Getpid(), time.Now().UnixNano()),
		session:   c.session,
		join:      c.join,
		timeout:   c.timeout,
		keyDelay:  c.keyDelay,
		textDelay: c.textDelay,
	}
	script := command
	if !c.bare {
		script += `; echo "EXIT=$?"; sleep ` + strconv.Itoa(c.linger)
	}
	var args []string
	for _, b := range c.before {
		args = append(append(args, b...), ";")
	}
	args = append(args, "new-session", "-d", "-s", c.session)
	if c.window != "" {
		args = append(args, "-n", c.window)
	}
	args = append(args, "-x", strconv.Itoa(width), "-y", strconv.Itoa(height), "sh", "-c", script)
	for _, a := range c.after {
		args = append(append(args, ";"), a...)
	}
	// Registered before the server starts, so a half-done start is cleaned too.
	t.Cleanup(func() { _ = tm.command("kill-server").Run() })
	tm.Tmux(args...)
	return tm
}

// command is tmux on the Term's server. -f /dev/null keeps the user's
// configuration out; TERM is set as a terminal that has colours.
func (tm *Term) command(args ...string) *exec.Cmd {
	cmd := exec.Command("tmux", append([]string{"-L", tm.socket, "-f", "/dev/null"}, args...)...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	return cmd
}

// Tmux runs a tmux command on the Term's server and returns its output.
func (tm *Term) Tmux(args ...string) string {
	tm.t.Helper()
	out, err := tm.command(args...).CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %q: %v\n%s", args, err, out)
	}
	return string(out)
}

// Screen is the pane's text; with escapes, tmux's SGR for each cell's
// style too (capture-pane -e). Lines the terminal wrapped are joined,
// so a line wider than the pane shows as one, unless NoJoin.
func (tm *Term) Screen(escapes bool) string {
	tm.t.Helper()
	args := []string{"capture-pane", "-p", "-t", tm.session}
	if tm.join {
		args = append(args, "-J")
	}
	if escapes {
		args = append(args, "-e")
	}
	return tm.Tmux(args...)
}

// WaitFor polls the screen (Screen(false)) until ok says yes and returns
// it; after the timeout it fails the test with "screen never showed what"
// and the last screen.
func (tm *Term) WaitFor(what string, ok func(screen string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(tm.timeout)
	for {
		scr := tm.Screen(false)
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("screen never showed %s:\n%s", what, scr)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitForText is WaitFor until the screen contains s.
func (tm *Term) WaitForText(s string) string {
	tm.t.Helper()
	return tm.WaitFor(strconv.Quote(s), func(scr string) bool { return strings.Contains(scr, s) })
}

// Keys sends tmux key names (Enter, Escape, C-c, j, …) one at a time,
// pausing after each (see KeyDelay).
func (tm *Term) Keys(ks ...string) {
	tm.t.Helper()
	for _, k := range ks {
		tm.Tmux("send-keys", "-t", tm.session, k)
		time.Sleep(tm.keyDelay)
	}
}

// Text types s literally (send-keys -l), then pauses (see TextDelay).
func (tm *Term) Text(s string) {
	tm.t.Helper()
	tm.Tmux("send-keys", "-t", tm.session, "-l", s)
	time.Sleep(tm.textDelay)
}

// Display is a tmux format (e.g. "#{pane_title}", "#{alternate_on}")
// expanded for the session's pane, without surrounding space.
func (tm *Term) Display(format string) string {
	tm.t.Helper()
	return strings.TrimSpace(tm.Tmux("display-message", "-p", "-t", tm.session, format))
}
