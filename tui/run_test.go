package tui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
)

// runWith runs the real tea.Program on in/out (no terminal) and returns
// Run's error, failing if it does not end.
func runWith(t *testing.T, opt Options) (error, string) {
	t.Helper()
	var out bytes.Buffer
	opt.Output = &out
	done := make(chan error, 1)
	go func() { done <- Run(context.Background(), opt) }()
	select {
	case err := <-done:
		return err, out.String()
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
		return nil, ""
	}
}

// slowReader delivers its keys one at a time, after the program started.
type slowReader struct{ keys []string }

func (r *slowReader) Read(p []byte) (int, error) {
	if len(r.keys) == 0 {
		time.Sleep(50 * time.Millisecond)
		return 0, io.EOF
	}
	time.Sleep(150 * time.Millisecond)
	n := copy(p, r.keys[0])
	r.keys = r.keys[1:]
	return n, nil
}

func TestRunQuitsWithNilError(t *testing.T) {
	err, out := runWith(t, Options{Load: batchLoader(libArticles()), Input: &slowReader{keys: []string{"j", "q"}}})
	if err != nil {
		t.Fatalf("q: Run returned %v", err)
	}
	if !strings.Contains(out, "\x1b[?1049h") || !strings.Contains(out, "\x1b[?1049l") {
		t.Fatalf("alternate screen not entered and left: %q", out)
	}
}

// A panic in a background command (here: the loader) ends the program
// with a short error, not a stack trace, and the terminal is restored.
func TestRunPanicInCommandIsShortError(t *testing.T) {
	load := func(context.Context) <-chan corpus.Batch { panic("loader exploded") }
	err, out := runWith(t, Options{Load: load, Input: &slowReader{}})
	if err == nil || !strings.Contains(err.Error(), "loader exploded") {
		t.Fatalf("Run returned %v", err)
	}
	if strings.Contains(err.Error(), "goroutine") || strings.Count(err.Error(), "\n") > 0 {
		t.Fatalf("error is not short: %q", err)
	}
	if !strings.Contains(out, "\x1b[?1049l") {
		t.Fatalf("alternate screen not left: %q", out)
	}
}

// cmdPanicPage is a view whose command panics on a goroutine of its own,
// as a search or a grouping would if corpus code crashed: it starts one
// when the articles arrive (a broadcast, so the terminal's size, none
// here, does not matter).
type cmdPanicPage struct{ panicPage }

func (p *cmdPanicPage) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(batchMsg); ok {
		return func() tea.Msg { panic("boom in a view's command\nsecond line") }
	}
	return nil
}

// A panic inside a command a view returns, running on Bubble Tea's
// goroutine, ends the real program with one short line (no stack trace,
// not Bubble Tea's "Caught panic"), and the terminal is restored.
func TestRunPanicInViewCommandIsShortError(t *testing.T) {
	var out bytes.Buffer
	opt := Options{Load: batchLoader(libArticles()), Input: &slowReader{}, Output: &out}
	m := New(opt)
	m.pages[ViewLibrary] = &cmdPanicPage{}
	done := make(chan error, 1)
	go func() { done <- run(context.Background(), m, opt) }()
	var err error
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after the panic")
	}
	if err == nil || !strings.Contains(err.Error(), "boom in a view's command") {
		t.Fatalf("run returned %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, "goroutine") || strings.Contains(msg, "\n") {
		t.Fatalf("error is not one short line: %q", msg)
	}
	if s := out.String(); !strings.Contains(s, "\x1b[?1049l") || strings.Contains(s, "Caught panic") {
		t.Fatalf("alternate screen not left, or Bubble Tea's panic report: %q", s)
	}
}
