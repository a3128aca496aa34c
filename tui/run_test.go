package tui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// runWith runs the real tea.Program on in/out (no terminal) and returns what
// it wrote and Run's error, failing if it does not end.
func runWith(t *testing.T, opt Options) (string, error) {
	t.Helper()
	var out bytes.Buffer
	opt.Output = &out
	done := make(chan error, 1)
	go func() { done <- Run(context.Background(), opt) }()
	select {
	case err := <-done:
		return out.String(), err
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
		return "", nil
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
	out, err := runWith(t, Options{Load: batchLoader(libArticles()), Input: &slowReader{keys: []string{"j", "q"}}})
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
	out, err := runWith(t, Options{Load: load, Input: &slowReader{}})
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

// A panic inside a background job (here: Options.StoryOf, called as the
// load indexes the articles, as corpus code that crashed would be) ends the
// real program with one short line (no stack trace, not Bubble Tea's
// "Caught panic"), and the terminal is restored.
func TestRunPanicInJobIsShortError(t *testing.T) {
	storyOf := func(*corpus.Article) string { panic("boom in a background job\nsecond line") }
	out, err := runWith(t, Options{Load: batchLoader(libArticles()), StoryOf: storyOf, Input: &slowReader{}})
	if err == nil || !strings.Contains(err.Error(), "boom in a background job") {
		t.Fatalf("run returned %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, "goroutine") || strings.Contains(msg, "\n") {
		t.Fatalf("error is not one short line: %q", msg)
	}
	if !strings.Contains(out, "\x1b[?1049l") || strings.Contains(out, "Caught panic") {
		t.Fatalf("alternate screen not left, or Bubble Tea's panic report: %q", out)
	}
}
