package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/synth"
)

// benchLibraryFile is a library of n synthetic articles, built once and
// kept in the system's temp folder under pmureader-bench/ (by schema
// version), so that later runs only read it.
func benchLibraryFile(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "pmureader-bench")
	path := filepath.Join(dir, fmt.Sprintf("tui-synth-%d-v%d.db", n, libdb.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".building"
	os.Remove(tmp)
	start := time.Now()
	lib, err := libdb.Open(context.Background(), tmp, libdb.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(synth.Write(pw, n, 1)) }()
	_, err = lib.ImportStream(context.Background(), pr, "synth.jsonl", libdb.ImportOptions{})
	pr.Close()
	if err := errors.Join(err, lib.Close()); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %s in %v", path, time.Since(start).Round(time.Millisecond))
	return path
}

// BenchmarkLibraryOpen10k opens a library of 10,000 articles as
// `pmureader` does and lists them: open the database, read the state
// (marks, read, sort), read every header in batches, index them for the
// title search, sort the list and draw it. Story grouping, which starts
// once the list is complete and runs beside it, is not included. Target:
// 1 s.
func BenchmarkLibraryOpen10k(b *testing.B) {
	path := benchLibraryFile(b, 10_000)
	for b.Loop() {
		var lib *libdb.Library
		m := New(Options{Library: func(ctx context.Context) (Library, error) {
			var err error
			lib, err = libdb.Open(ctx, path, libdb.Options{})
			return lib, err
		}})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		pending := []tea.Cmd{m.Init()}
		for listed := false; !listed && len(pending) > 0; {
			cmd := pending[0]
			pending = pending[1:]
			if cmd == nil {
				continue
			}
			switch msg := cmd().(type) {
			case tea.BatchMsg:
				pending = append(pending, msg...)
			case libOpenedMsg:
				_, next := m.Update(msg)
				pending = append(pending, next)
			case batchMsg:
				_, next := m.Update(msg)
				if msg.done {
					listed = true
				} else {
					pending = append(pending, next)
				}
			}
		}
		if n := len(m.sh.articles); n != 10_000 {
			b.Fatalf("%d articles listed", n)
		}
		if v := m.View(); !strings.Contains(v.Content, "10000 articles") {
			b.Fatalf("not listed:\n%s", v.Content)
		}
		m.jobs.drop(jobGroup)
		lib.Close()
	}
}
