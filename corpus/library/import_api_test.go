package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// TestImportFoldersAsLoadReadsThem imports the format and hostile test
// folders (every format, bad files, hostile text) and checks that the
// library holds what corpus.Load reads from them, with the same problems,
// but for ids repeated across files (which Load drops and the library
// renames) and copies of an article's text (which the library stores
// once), and that the status adds up.
func TestImportFoldersAsLoadReadsThem(t *testing.T) {
	paths := []string{"../testdata/formats", "../testdata/hostile"}
	want, err := corpus.Load(context.Background(), paths, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := openTemp(t)
	var probs []corpus.Problem
	var statuses []ImportStatus
	st, err := l.Import(context.Background(), paths, ImportOptions{BatchSize: 3,
		Problem: func(p corpus.Problem) { probs = append(probs, p) },
		Status:  func(s ImportStatus) { statuses = append(statuses, s) }})
	if err != nil {
		t.Fatal(err)
	}
	missing := 0
	for _, w := range want.Articles {
		rec, err := l.Get(context.Background(), w.ID)
		if errors.Is(err, ErrNotFound) {
			missing++ // a copy
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", w.ID, err)
		}
		g := rec.Article
		if g.Title != w.Title || g.Format != w.Format || g.Words != w.Words || g.Author != w.Author ||
			!reflect.DeepEqual(g.Source, w.Source) || !reflect.DeepEqual(g.Body, w.Body) || !reflect.DeepEqual(g.Raw, w.Raw) {
			t.Errorf("%s differs from corpus.Load's:\n got %+v\nwant %+v", w.ID, g, w)
		}
	}
	var wantProbs, gotProbs []string
	dups, copies := 0, 0
	for _, p := range want.Problems {
		if errors.Is(p.Err, corpus.ErrDuplicateID) {
			dups++
			continue
		}
		if errors.Is(p.Err, corpus.ErrDuplicate) { // Load skips a copy; the library finds it (Duplicates)
			copies++
			continue
		}
		wantProbs = append(wantProbs, p.Error())
	}
	for _, p := range probs {
		gotProbs = append(gotProbs, p.Error())
	}
	slices.Sort(wantProbs)
	slices.Sort(gotProbs)
	if !slices.Equal(gotProbs, wantProbs) {
		t.Errorf("problems\n%q\nwant\n%q", gotProbs, wantProbs)
	}
	if n, _ := l.Count(context.Background()); n != len(want.Articles)+dups-missing || st.Added != n || st.Duplicates != missing+copies || st.Records < n+missing+copies {
		t.Errorf("count %d, status %+v; Load read %d (+%d repeated ids), %d not stored", n, st, len(want.Articles), dups, missing)
	}
	if st.SourcesDone != st.Sources || st.BytesDone != st.Bytes || st.Sources == 0 || st.Skipped != 0 {
		t.Errorf("status at the end %+v", st)
	}
	if len(statuses) < 3 || statuses[0].BytesDone != 0 || !reflect.DeepEqual(statuses[len(statuses)-1], st) {
		t.Errorf("status reports %+v", statuses)
	}
}

// writeFolder writes a folder of n small text files and a JSON Lines file
// of m records, and returns it.
func writeFolder(t *testing.T, n, m int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		body := fmt.Sprintf("Headline number %d\n\nThe body of text article %d, which says something of its own.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("t%03d.txt", i)), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	for i := range m {
		fmt.Fprintf(&b, `{"id": "j%d", "title": "Record %d", "text": "The text of record %d, unlike any other."}`+"\n", i, i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "dump.jsonl"), []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestImportResumesFolderAfterInterruption stops an import of a folder
// after its second batch (Ctrl-C), resumes it, imports it again (nothing
// to do), and changes one file (only that one is read again).
func TestImportResumesFolderAfterInterruption(t *testing.T) {
	dir := writeFolder(t, 30, 120)
	l, _ := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	batches := 0
	st, err := l.Import(ctx, []string{dir}, ImportOptions{BatchSize: 20, Progress: func(Checkpoint) {
		if batches++; batches == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || st.Added != 40 || st.SourcesDone == st.Sources {
		t.Fatalf("interrupted: %+v, %v", st, err)
	}
	if n, _ := l.Count(context.Background()); n != 40 {
		t.Fatalf("%d stored after two batches of 20", n)
	}
	st, err = l.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 20})
	if err != nil || st.Added != 110 || st.Duplicates != 0 || st.SourcesDone != 31 || st.BytesDone != st.Bytes {
		t.Fatalf("resumed: %+v, %v", st, err)
	}
	if n, _ := l.Count(context.Background()); n != 150 {
		t.Fatalf("%d stored, want 150", n)
	}
	st, err = l.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 20})
	if err != nil || st.Skipped != 31 || st.Records != 0 || st.Added != 0 || st.BytesDone != st.Bytes {
		t.Fatalf("again: %+v, %v", st, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "t007.txt"), []byte("A new headline\n\nNew text for an old file.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err = l.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 20})
	if err != nil || st.Skipped != 30 || st.Records != 1 || st.Added != 1 {
		t.Fatalf("changed file: %+v, %v", st, err)
	}
}

// TestImportReportsBadSourcesAndGoesOn: a missing path, an unsupported
// file, a binary and an empty JSON Lines file are problems; the rest is
// imported.
func TestImportReportsBadSourcesAndGoesOn(t *testing.T) {
	dir := writeFolder(t, 2, 3)
	for name, data := range map[string]string{"bin.jsonl": "{}\n\x00\x01", "empty.jsonl": "", "blank.ndjson": " \n\n", "x.docx": "?"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	l, _ := openTemp(t)
	var probs []string
	st, err := l.Import(context.Background(), []string{dir, filepath.Join(dir, "missing.jsonl"), filepath.Join(dir, "x.docx")},
		ImportOptions{Problem: func(p corpus.Problem) { probs = append(probs, filepath.Base(p.Path)+": "+p.Err.Error()) }})
	if err != nil || st.Added != 5 || st.Problems != 5 || st.SourcesDone != st.Sources {
		t.Fatalf("status %+v, %v; problems %q", st, err, probs)
	}
	for _, want := range []string{"bin.jsonl", "empty.jsonl", "blank.ndjson", "missing.jsonl", "x.docx"} {
		if !slices.ContainsFunc(probs, func(p string) bool { return strings.HasPrefix(p, want+":") }) {
			t.Errorf("no problem for %s in %q", want, probs)
		}
	}
	if _, err := l.Import(context.Background(), nil, ImportOptions{}); err == nil {
		t.Error("an import of no paths must fail")
	}
}

// TestImportFailures: the library's failures stop an Import with an error
// naming the file, and leave it as it was after the last batch stored: a
// library another process is writing (locked), a full disk, a damaged
// file. A library from a newer pmureader never opens (TestOpenRefuses-
// NewerVersion), so no import can reach it.
func TestImportFailures(t *testing.T) {
	dir := writeFolder(t, 10, 300)
	t.Run("locked", func(t *testing.T) {
		l, path := openTemp(t)
		other, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		conn, err := other.Conn(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
			t.Fatal(err)
		}
		l2, err := Open(context.Background(), path, Options{BusyTimeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer l2.Close()
		if _, err := l2.Import(context.Background(), []string{dir}, ImportOptions{}); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) {
			t.Fatalf("want ErrLocked naming the library, got %v", err)
		}
		if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
			t.Fatal(err)
		}
		if st, err := l.Import(context.Background(), []string{dir}, ImportOptions{}); err != nil || st.Added != 310 {
			t.Fatalf("after the lock: %+v, %v", st, err)
		}
	})
	t.Run("full disk", func(t *testing.T) {
		libPath := filepath.Join(t.TempDir(), "lib.db")
		l, err := Open(context.Background(), libPath, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var pages int
		if err := l.w.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
			t.Fatal(err)
		}
		l.Close()
		l, err = Open(context.Background(), libPath, Options{MaxSize: int64(pages)*pageSize + 1<<20})
		if err != nil {
			t.Fatal(err)
		}
		big := writeFolder(t, 10, 0)
		writeSynth(t, big, 400, 6)
		st, err := l.Import(context.Background(), []string{big}, ImportOptions{BatchSize: 25})
		if !errors.Is(err, ErrFull) || !strings.Contains(err.Error(), libPath) || st.Added == 0 || st.Added >= 410 {
			t.Fatalf("want ErrFull naming the library after some batches, got %+v, %v", st, err)
		}
		l.Close()
		l, err = Open(context.Background(), libPath, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		checkIntegrity(t, l)
		if n, _ := l.Count(context.Background()); n != st.Added {
			t.Fatalf("%d stored, the import said %d", n, st.Added)
		}
		if st2, err := l.Import(context.Background(), []string{big}, ImportOptions{BatchSize: 25}); err != nil || st.Added+st2.Added != 410 || st2.Duplicates != 0 {
			t.Fatalf("resumed: %+v, %v", st2, err)
		}
	})
	t.Run("damaged", func(t *testing.T) {
		l, path := openTemp(t)
		if _, err := l.Import(context.Background(), []string{dir}, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
		l.Close()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i := 2 * pageSize; i < len(data); i++ {
			data[i] = byte(i * 7)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		l2, err := Open(context.Background(), path, Options{})
		if err == nil {
			defer l2.Close()
			_, err = l2.Import(context.Background(), []string{writeFolder(t, 3, 3)}, ImportOptions{})
		}
		if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), path) {
			t.Fatalf("want ErrNotLibrary naming the file, got %v", err)
		}
	})
}
