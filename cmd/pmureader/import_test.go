package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/synth"
)

// importApp runs pmureader in this process with a library at lib, after
// setup has adjusted the app (a hook, a size cap).
func importApp(ctx context.Context, t *testing.T, lib string, setup func(*app), args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"PMUREADER_LIBRARY": lib, "HOME": t.TempDir()}
	a := newApp(&out, &errb, func(k string) string { return env[k] })
	if setup != nil {
		setup(a)
	}
	code := a.execute(ctx, args)
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// synthFile writes n synthetic records (JSON Lines) to a new file.
func synthFile(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dump.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := synth.Write(f, n, 7); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// libraryCount opens the library and counts its articles and distinct
// ids.
func libraryCount(t *testing.T, lib string) (articles, ids int) {
	t.Helper()
	l, err := library.Open(context.Background(), lib, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	n, err := l.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	hs, err := l.Headers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, h := range hs {
		seen[h.ID] = true
	}
	return n, len(seen)
}

func TestImportInterruptedResumes(t *testing.T) {
	const n, batch = 600, 100
	src := synthFile(t, n)
	lib := filepath.Join(t.TempDir(), "library.db")

	// Interrupted, as Ctrl-C does (the signal cancels the context), once
	// the first batch is stored.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	r := importApp(ctx, t, lib, func(a *app) {
		a.imp.onStatus = func(s library.ImportStatus) {
			if s.Added > 0 {
				cancel()
			}
		}
	}, "import", "--batch", "100", src)
	r.want(t, exitInterrupted, "import, interrupted")
	if !strings.Contains(r.stderr, "run the same command again to resume") {
		t.Errorf("an interrupted import says how to resume:\n%s", r.stderr)
	}
	stored, _ := libraryCount(t, lib)
	if stored == 0 || stored == n || stored%batch != 0 {
		t.Fatalf("after the interruption the library holds %d articles, want whole batches of %d, fewer than %d", stored, batch, n)
	}

	// Run again: it resumes after what was stored, reading nothing twice.
	r = importApp(context.Background(), t, lib, nil, "import", "--batch", "100", src)
	r.want(t, exitOK, "import, resumed")
	want := "imported 1 file: " + strconv.Itoa(n-stored) + " articles read, " + strconv.Itoa(n-stored) + " added, 0 already in the library"
	if !strings.HasPrefix(r.stdout, want) {
		t.Errorf("resumed import printed %q, want it to begin %q", r.stdout, want)
	}
	if got, ids := libraryCount(t, lib); got != n || ids != n {
		t.Fatalf("after resuming: %d articles, %d ids; want %d of each", got, ids, n)
	}

	// A third run finds the file imported whole and reads nothing.
	r = importApp(context.Background(), t, lib, nil, "import", src)
	r.want(t, exitOK, "import, again")
	if !strings.Contains(r.stdout, "0 articles read, 0 added, 0 already in the library, 1 file imported before and unchanged") {
		t.Errorf("third import printed %q", r.stdout)
	}
}

func TestImportFullDiskThenResumes(t *testing.T) {
	src := synthFile(t, 400)
	lib := filepath.Join(t.TempDir(), "library.db")
	// Room for the empty library and about one batch of 100.
	r := importApp(context.Background(), t, lib, func(a *app) { a.lib.maxSize = 1 << 20 }, "import", "--batch", "100", src)
	r.want(t, exitFailed, "import into a full library")
	for _, want := range []string{lib, "disk full", "run it again to resume"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("full disk message lacks %q:\n%s", want, r.stderr)
		}
	}
	stored, _ := libraryCount(t, lib)
	if stored%100 != 0 || stored >= 400 {
		t.Fatalf("a full disk left %d articles, want whole batches only", stored)
	}
	// Space freed: the same command finishes the import.
	r = importApp(context.Background(), t, lib, nil, "import", "--batch", "100", src)
	r.want(t, exitOK, "import after space was freed")
	if got, ids := libraryCount(t, lib); got != 400 || ids != 400 {
		t.Fatalf("after the second import: %d articles, %d ids; want 400", got, ids)
	}
}

func TestImportRefusesBadLibraries(t *testing.T) {
	src := synthFile(t, 20)
	dir := t.TempDir()

	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, bytes.Repeat([]byte("not a database at all\n"), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	l, err := library.Open(context.Background(), newer, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	rawExec(t, newer, "PRAGMA user_version = 99")

	locked := filepath.Join(dir, "locked.db")
	l, err = library.Open(context.Background(), locked, library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.Close()
	release := holdWriteLock(t, locked)
	defer release()

	for _, c := range []struct {
		name, lib string
		args      []string
		want      []string
	}{
		{"damaged", garbage, nil, []string{garbage, "not a pmureader library, or damaged"}},
		{"newer", newer, nil, []string{newer, "newer version of pmureader", "version 99", "use a newer pmureader"}},
		{"locked", locked, []string{"--wait", "50ms"}, []string{locked, "locked by another process", "waited 50ms"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := importApp(context.Background(), t, c.lib, nil, append(append([]string{"import"}, c.args...), src)...)
			r.want(t, exitFailed, "import", c.name)
			if strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("want one line on stderr, got:\n%s", r.stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("message lacks %q:\n%s", w, r.stderr)
				}
			}
		})
	}
	release()
	if got, _ := libraryCount(t, locked); got != 0 {
		t.Errorf("the locked library holds %d articles", got)
	}
}

// rawExec runs one statement on a database file, as another program would.
func rawExec(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatal(err)
	}
}

// holdWriteLock holds the library's write lock, as another pmureader's
// long write does, until release is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	done := false
	return func() {
		if done {
			return
		}
		done = true
		conn.ExecContext(context.Background(), "ROLLBACK") //nolint:errcheck // closing releases the lock anyway
		conn.Close()
		db.Close()
	}
}

func TestImportExitStatus(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "news")
	if err := os.MkdirAll(good, 0o755); err != nil {
		t.Fatal(err)
	}
	body := "Title: Storm keeps boats in port\nOutlet: Harbour News\n\nThe harbour authority said on Friday that forty boats were kept in port by the storm.\n"
	if err := os.WriteFile(filepath.Join(good, "a.txt"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(good, "b.json"), []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	lib := filepath.Join(dir, "library.db")

	r := importApp(context.Background(), t, lib, nil, "import", good)
	r.want(t, exitPartial, "import with a bad file")
	if !strings.Contains(r.stderr, "b.json") || !strings.Contains(r.stdout, "1 added") {
		t.Errorf("partial import:\nstdout %s\nstderr %s", r.stdout, r.stderr)
	}
	r = importApp(context.Background(), t, lib, nil, "import", filepath.Join(dir, "missing"))
	r.want(t, exitNothing, "import of a missing path")
	if !strings.Contains(r.stderr, "missing") {
		t.Errorf("missing path not named:\n%s", r.stderr)
	}
	r = importApp(context.Background(), t, lib, nil, "import")
	r.want(t, exitUsage, "import without paths")
	r = importApp(context.Background(), t, lib, nil, "import", "--batch", "0", good)
	r.want(t, exitUsage, "import --batch 0")
}

func TestImportProgressLines(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	p := &importProgress{w: &buf, every: plainEvery, now: func() time.Time { return clock }}
	p.start, p.last = clock, clock
	st := library.ImportStatus{Sources: 2, Bytes: 10 << 20}
	p.status(st)
	clock = clock.Add(5 * time.Second)
	st.Records, st.Added, st.BytesDone = 500, 480, 2<<20
	p.status(st) // too soon after the start: nothing
	if buf.Len() != 0 {
		t.Fatalf("a line before %v: %q", plainEvery, buf.String())
	}
	clock = clock.Add(5 * time.Second)
	st.Records, st.Added, st.BytesDone, st.SourcesDone = 1000, 990, 5<<20, 1
	p.status(st)
	want := "pmureader: import:  50% · 1000 articles (100/s) · 990 added · 1/2 files · 5.0 MB of 10.0 MB · about 11 s left\n"
	if buf.String() != want {
		t.Errorf("plain progress\n got %q\nwant %q", buf.String(), want)
	}

	// On a terminal: a bar redrawn in place, cleared at the end.
	buf.Reset()
	p = &importProgress{w: &buf, tty: true, cols: 60, every: barEvery, now: func() time.Time { return clock }}
	p.start, p.last = clock.Add(-time.Second), clock.Add(-time.Second)
	p.status(st)
	got := buf.String()
	if !strings.HasPrefix(got, "\r[############............] ") || !strings.HasSuffix(got, "\x1b[K") || len([]rune(got)) > 60+4 {
		t.Errorf("bar: %q", got)
	}
	buf.Reset()
	p.clear()
	if buf.String() != "\r\x1b[K" {
		t.Errorf("clear: %q", buf.String())
	}
}

func TestLibraryListAndShowReadLittle(t *testing.T) {
	src := synthFile(t, 40)
	lib := filepath.Join(t.TempDir(), "library.db")
	importApp(context.Background(), t, lib, nil, "import", src).want(t, exitOK, "import")

	fromFile := importApp(context.Background(), t, lib, nil, "list", src)
	fromFile.want(t, exitOK, "list FILE")
	// The list reads no body: with every body gone, it is unchanged.
	rawExec(t, lib, "DELETE FROM documents")
	fromLib := importApp(context.Background(), t, lib, nil, "list")
	fromLib.want(t, exitOK, "list")
	if fromLib.stdout != fromFile.stdout || strings.Count(fromLib.stdout, "\n") != 41 {
		t.Errorf("the library's list differs from the file's:\n%s\nfile:\n%s", fromLib.stdout, fromFile.stdout)
	}

	// Over a large library, show reads the one article it names.
	lib2 := filepath.Join(t.TempDir(), "library.db")
	importApp(context.Background(), t, lib2, nil, "import", src).want(t, exitOK, "import")
	large := func(a *app) { a.lib.smallLibrary = 10 }
	want := importApp(context.Background(), t, lib2, nil, "show", "syn-000012", "--no-stories", src)
	want.want(t, exitOK, "show FILE")
	got := importApp(context.Background(), t, lib2, large, "show", "syn-000012")
	got.want(t, exitOK, "show from a large library")
	if got.stdout != want.stdout {
		t.Errorf("show from the library:\n%s\nfrom the file:\n%s", got.stdout, want.stdout)
	}
	r := importApp(context.Background(), t, lib2, large, "show", "syn-00001")
	r.want(t, exitNotFound, "show of an ambiguous prefix")
	if !strings.Contains(r.stderr, "ambiguous") {
		t.Errorf("ambiguous prefix: %s", r.stderr)
	}
	r = importApp(context.Background(), t, lib2, large, "show", "nosuch")
	r.want(t, exitNotFound, "show of a missing id")
}

func TestLargeLibraryWordSearchUsesTheIndex(t *testing.T) {
	src := synthFile(t, 60)
	lib := filepath.Join(t.TempDir(), "library.db")
	importApp(context.Background(), t, lib, nil, "import", src).want(t, exitOK, "import")
	large := func(a *app) { a.lib.smallLibrary = 10 }
	for _, q := range []string{"killed", "ministry said"} {
		want := importApp(context.Background(), t, lib, nil, "search", q, "--json", src)
		want.want(t, exitOK, "search FILE", q)
		got := importApp(context.Background(), t, lib, large, "search", q, "--json")
		got.want(t, exitOK, "search the library", q)
		var w, g searchJSON
		if err := json.Unmarshal([]byte(want.stdout), &w); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(got.stdout), &g); err != nil {
			t.Fatal(err)
		}
		if len(g.Results) == 0 || len(g.Results) != len(w.Results) {
			t.Fatalf("%q: %d hits from the library's index, %d in memory", q, len(g.Results), len(w.Results))
		}
		byID := map[string]hitJSON{}
		for _, h := range w.Results {
			byID[h.ID] = h
		}
		for _, h := range g.Results {
			m, ok := byID[h.ID]
			if !ok || m.Snippet != h.Snippet || m.Paragraph != h.Paragraph || m.Matches != h.Matches {
				t.Errorf("%q: hit %s from the index %+v, in memory %+v", q, h.ID, h, m)
			}
		}
	}
	r := importApp(context.Background(), t, lib, large, "search", "zzzunknownword")
	r.want(t, exitNotFound, "search for nothing")
}

// TestImportGroupsWhatItStored: an import groups the articles it stored
// into the library's kept stories, so that the stories view and `stories`
// read them back instead of grouping a large import then; with
// --no-group it stores only.
func TestImportGroupsWhatItStored(t *testing.T) {
	src := synthFile(t, 300)
	memberCount := func(lib string) int {
		l, err := library.Open(context.Background(), lib, library.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		sts, err := l.Stories(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, s := range sts {
			n += len(s.Members)
		}
		return n
	}

	grouped := filepath.Join(t.TempDir(), "library.db")
	importApp(context.Background(), t, grouped, nil, "import", src).want(t, exitOK, "import")
	if got, _ := libraryCount(t, grouped); memberCount(grouped) != got {
		t.Errorf("after import, kept stories hold %d of the %d articles stored; want every one grouped", memberCount(grouped), got)
	}

	plain := filepath.Join(t.TempDir(), "library.db")
	importApp(context.Background(), t, plain, nil, "import", "--no-group", src).want(t, exitOK, "import --no-group")
	if n := memberCount(plain); n != 0 {
		t.Errorf("import --no-group grouped %d articles into stories; want none until the stories are read", n)
	}
}
