package library

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
)

// writeSynth writes n synthetic records as JSON Lines and returns the path.
func writeSynth(t *testing.T, dir string, n int, seed int64) string {
	t.Helper()
	var buf bytes.Buffer
	if err := synth.Write(&buf, n, seed); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadDirect is what `pmureader FILE` would read.
func loadDirect(t *testing.T, path string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(context.Background(), []string{path}, corpus.Options{MaxFileSize: 1 << 30})
	if err != nil && !errors.Is(err, corpus.ErrNothingLoaded) {
		t.Fatal(err)
	}
	return c
}

// checkSameAsLoad asserts the library holds exactly the articles corpus.Load
// reads from path, with their ids, spans and bodies.
func checkSameAsLoad(t *testing.T, l *Library, path string) {
	t.Helper()
	ctx := context.Background()
	c := loadDirect(t, path)
	if n, _ := l.Count(ctx); n != len(c.Articles) {
		t.Fatalf("library holds %d, corpus.Load reads %d", n, len(c.Articles))
	}
	for _, want := range c.Articles {
		rec, err := l.Get(ctx, want.ID)
		if err != nil {
			t.Fatalf("%s: %v", want.ID, err)
		}
		got := rec.Article
		if !reflect.DeepEqual(got.Source, want.Source) || !reflect.DeepEqual(got.Body, want.Body) ||
			!reflect.DeepEqual(got.Raw, want.Raw) || got.Title != want.Title || got.Format != want.Format || got.Words != want.Words {
			t.Fatalf("%s differs from corpus.Load:\n got %+v %+v\nwant %+v %+v", want.ID, got.Source, got.Body[:1], want.Source, want.Body[:1])
		}
	}
}

func TestImportJSONLReadsWhatLoadReads(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("\ufeff{\"title\": \"First, with no id\", \"text\": \"Its body has some words.\\n\\nAnd a second paragraph.\"}\n")
	b.WriteString("\n")
	b.WriteString("{\"id\": \"own\", \"title\": \"Has an id\", \"maintext\": \"News-please body text here.\", \"date_publish\": \"2019-12-29 10:31:00\"}\n")
	b.WriteString("not json at all\n")
	b.WriteString("{\"title\": \"Bad date\", \"text\": \"Body of the one with a bad date.\", \"date\": \"someday\"}\n")
	b.WriteString("   \n")
	b.WriteString("{\"title\": \"Fourth record, no id\", \"text\": \"Last body, no newline at the end.\"}")
	path := filepath.Join(dir, "mixed.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, batch := range []int{1, 2, 100} {
		l, _ := openTemp(t)
		var probs []corpus.Problem
		cp, err := l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: batch, Problem: func(p corpus.Problem) { probs = append(probs, p) }})
		if err != nil {
			t.Fatal(err)
		}
		checkSameAsLoad(t, l, path)
		want := loadDirect(t, path).Problems
		if len(probs) != len(want) {
			t.Fatalf("batch %d: problems %v, want %v", batch, probs, want)
		}
		for i := range want {
			if probs[i].Error() != want[i].Error() || probs[i].Warning != want[i].Warning {
				t.Errorf("batch %d: problem %q, want %q", batch, probs[i].Error(), want[i].Error())
			}
		}
		if !cp.Done || cp.Records != 5 || cp.Lines != 7 || cp.Added != 4 || cp.Problems != 1 {
			t.Errorf("batch %d: checkpoint %+v", batch, cp)
		}
		ids := []string{"mixed-1", "own", "mixed-4", "mixed-5"}
		for _, id := range ids {
			if _, err := l.Get(context.Background(), id); err != nil {
				t.Errorf("batch %d: %s: %v", batch, id, err)
			}
		}
	}
}

func TestImportResumesAfterInterruption(t *testing.T) {
	dir := t.TempDir()
	path := writeSynth(t, dir, 230, 5)
	l, _ := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	batches := 0
	cp, err := l.ImportJSONL(ctx, path, ImportOptions{BatchSize: 50, Progress: func(Checkpoint) {
		batches++
		if batches == 2 {
			cancel() // Ctrl-C after the second batch
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if cp.Records != 100 || cp.Added != 100 || cp.Done {
		t.Fatalf("checkpoint after interruption %+v", cp)
	}
	stored, ok, err := l.Checkpoint(context.Background(), cp.Source)
	if err != nil || !ok || stored.Offset != cp.Offset || stored.Records != 100 {
		t.Fatalf("stored checkpoint %+v, %v, %v", stored, ok, err)
	}
	if n, _ := l.Count(context.Background()); n != 100 {
		t.Fatalf("count %d after two batches", n)
	}
	cp, err = l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	if !cp.Done || cp.Records != 230 || cp.Added != 230 || cp.Duplicates != 0 {
		t.Fatalf("resumed checkpoint %+v", cp)
	}
	checkSameAsLoad(t, l, path)

	// Importing the finished file again reads nothing.
	again, err := l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: 50})
	if err != nil || again.Added != 230 || again.Duplicates != 0 {
		t.Fatalf("again: %+v, %v", again, err)
	}
	// A file that grew continues with its new lines.
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"id":"extra","title":"Appended later","text":"A record appended to the file after it was imported."}` + "\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	grown, err := l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: 50})
	if err != nil || grown.Added != 231 || grown.Records != 231 || grown.Duplicates != 0 {
		t.Fatalf("grown: %+v, %v", grown, err)
	}
	// A different file at the same path starts afresh; what it shares
	// with the library is recognised, not stored twice.
	writeSynth(t, dir, 60, 5)
	fresh, err := l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: 50})
	if err != nil || fresh.Records != 60 || fresh.Added != 0 || fresh.Duplicates != 60 {
		t.Fatalf("replaced file: %+v, %v", fresh, err)
	}
}

func TestImportSkipsOverlongRecords(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "long.jsonl")
	long := `{"title":"Too long","text":"` + strings.Repeat("word ", 400) + `"}`
	data := `{"title":"One","text":"First body."}` + "\n" + long + "\n" + `{"title":"Three","text":"Third body."}` + "\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	l, _ := openTemp(t)
	var probs []corpus.Problem
	cp, err := l.ImportJSONL(context.Background(), path, ImportOptions{MaxRecordSize: 1000, Problem: func(p corpus.Problem) { probs = append(probs, p) }})
	if err != nil {
		t.Fatal(err)
	}
	if cp.Added != 2 || len(probs) != 1 || probs[0].Line != 2 || !strings.Contains(probs[0].Error(), "longer than") {
		t.Fatalf("checkpoint %+v, problems %v", cp, probs)
	}
	// The third record keeps its number: 3, as corpus.Load counts it.
	if _, err := l.Get(context.Background(), "long-3"); err != nil {
		t.Fatal(err)
	}
}

func TestImportFullDisk(t *testing.T) {
	dir := t.TempDir()
	path := writeSynth(t, dir, 400, 6)
	libPath := filepath.Join(dir, "lib.db")
	// A first open makes the schema; then a cap of pages leaves room for
	// part of the import only.
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
	cp, err := l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: 25})
	if !errors.Is(err, ErrFull) || !strings.Contains(err.Error(), libPath) {
		t.Fatalf("want ErrFull naming the library, got %v", err)
	}
	if cp.Added == 0 || cp.Added >= 400 {
		t.Fatalf("checkpoint %+v: want some batches stored", cp)
	}
	l.Close()

	// The library opens and holds exactly the batches committed.
	l, err = Open(context.Background(), libPath, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	checkIntegrity(t, l)
	n, _ := l.Count(context.Background())
	stored, _, _ := l.Checkpoint(context.Background(), cp.Source)
	if n != cp.Added || stored.Added != n || stored.Offset != cp.Offset {
		t.Fatalf("count %d, returned %+v, stored %+v", n, cp, stored)
	}
	// With room again, the import resumes to the end.
	cp, err = l.ImportJSONL(context.Background(), path, ImportOptions{BatchSize: 25})
	if err != nil || cp.Added != 400 || cp.Duplicates != 0 {
		t.Fatalf("resumed: %+v, %v", cp, err)
	}
}
