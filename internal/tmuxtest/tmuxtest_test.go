package tmuxtest

import (
	"strings"
	"testing"
)

// Options set with Before are in force for the program's very first
// output: an OSC 52 written at once makes a paste buffer, and an ESC k
// renames the window only because allow-rename was on.
func TestBeforeAppliesToFirstOutput(t *testing.T) {
	tm := Start(t, 40, 5, `printf '\033]52;c;aGVsbG8=\007\033kpwned\033\\'`,
		Session("s"), Before("set-option", "-g", "set-clipboard", "on"),
		Before("set-window-option", "-g", "allow-rename", "on"))
	tm.WaitForText("EXIT=0")
	if bufs := tm.Tmux("list-buffers"); !strings.Contains(bufs, "hello") {
		t.Errorf("no paste buffer from OSC 52: %q", bufs)
	}
	if name := tm.Display("#{window_name}"); name != "pwned" {
		t.Errorf("window name %q, want pwned (allow-rename on)", name)
	}
}

// Keys and Text reach the program, whose exit status WaitFor then sees.
func TestKeysTextAndExitStatus(t *testing.T) {
	tm := Start(t, 40, 5, `read a; read b; echo "got $a$b"; sh -c "exit 3"`)
	tm.Text("ab")
	tm.Keys("Enter")
	tm.Text("c")
	tm.Keys("Enter")
	scr := tm.WaitFor("the exit status", func(s string) bool { return strings.Contains(s, "EXIT=") })
	if !strings.Contains(scr, "got abc") || !strings.Contains(scr, "EXIT=3") {
		t.Fatalf("want got abc and EXIT=3:\n%s", scr)
	}
}

// A line wider than the terminal is one line in Screen, several with NoJoin.
func TestScreenJoinsWrappedLines(t *testing.T) {
	long := strings.Repeat("x", 30)
	joined := Start(t, 20, 5, "echo "+long)
	if scr := joined.WaitForText("EXIT=0"); !strings.Contains(scr, long) {
		t.Errorf("joined screen lacks the whole line:\n%s", scr)
	}
	rows := Start(t, 20, 5, "echo "+long, NoJoin())
	if scr := rows.WaitForText("EXIT=0"); strings.Contains(scr, long) || !strings.Contains(scr, long[:20]+"\n") {
		t.Errorf("NoJoin screen does not show the terminal's rows:\n%s", scr)
	}
}
