package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pmureader/pmureader/corpus"
)

// TestJSONLinesLimitIsPerRecord is issue 12 item 2: a JSON Lines file is
// read record by record, so the size limit applies to each record, not to
// the file; a single JSON document keeps the file limit.
func TestJSONLinesLimitIsPerRecord(t *testing.T) {
	var jsonl strings.Builder
	for i := 1; i <= 100; i++ {
		if i == 50 {
			fmt.Fprintf(&jsonl, `{"title": "too big", "text": "%s"}`+"\n", strings.Repeat("x", 1200))
			continue
		}
		fmt.Fprintf(&jsonl, `{"title": "Record %d", "text": "Text %d."}`+"\n", i, i)
	}
	array := "[" + strings.Repeat(`{"title": "x", "text": "y"},`, 99) + `{"title": "x", "text": "y"}]`
	fsys := fstest.MapFS{
		"d/big.jsonl": {Data: []byte(jsonl.String())},
		"d/big.json":  {Data: []byte(array)},
	}
	for _, workers := range []int{1, 2} {
		c, err := corpus.LoadFS(context.Background(), fsys, corpus.Options{MaxFileSize: 1000, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Articles) != 99 {
			t.Errorf("workers %d: %d articles from a %d-byte JSON Lines file under a 1000-byte limit, want 99", workers, len(c.Articles), jsonl.Len())
		}
		if a, ok := c.ByID("big-51"); !ok || a.Title != "Record 51" || a.Source.StartLine != 51 {
			t.Errorf("workers %d: the record after the skipped one: %+v", workers, a)
		}
		want := []string{
			"d/big.json: file too large: 2.7 KB, over the 1000 bytes limit; not read",
			"d/big.jsonl:50: record too large: 1.2 KB, over the 1000 bytes limit; skipped",
		}
		var got []string
		for _, p := range c.Problems {
			got = append(got, p.Error())
			if errors.Is(p, corpus.ErrTooLarge) != strings.HasSuffix(p.Path, ".json") ||
				errors.Is(p, corpus.ErrRecordTooLarge) != strings.HasSuffix(p.Path, ".jsonl") {
				t.Errorf("problem %q wraps the wrong error", p.Error())
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("workers %d: problems\n%s\nwant\n%s", workers, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestStreamedJSONLinesOverLimit: a file far over the limit is streamed,
// and a record longer than the limit (and than the pieces the file is read
// in) is skipped without being held in memory, the records after it keeping
// their lines and numbers.
func TestStreamedJSONLinesOverLimit(t *testing.T) {
	var b strings.Builder
	giantLine := 0
	for i := 1; b.Len() < 5<<20; i++ {
		if i == 4000 {
			giantLine = i
			b.WriteString(`{"title": "giant", "text": "` + strings.Repeat("y", 3<<20) + `"}` + "\n")
			continue
		}
		fmt.Fprintf(&b, `{"title": "Record %d", "text": "Text of record %d, which is short."}`+"\n", i, i)
	}
	p := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	n := strings.Count(b.String(), "\n")
	for _, workers := range []int{1, 2} {
		c, err := corpus.Load(context.Background(), []string{p}, corpus.Options{MaxFileSize: 1 << 20, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Articles) != n-1 {
			t.Errorf("workers %d: %d articles, want %d", workers, len(c.Articles), n-1)
		}
		if len(c.Problems) != 1 || !errors.Is(c.Problems[0], corpus.ErrRecordTooLarge) || c.Problems[0].Line != giantLine {
			t.Errorf("workers %d: problems %v, want the record on line %d too large", workers, c.Problems, giantLine)
		}
		after := fmt.Sprintf("feed-%d", giantLine+1)
		if a, ok := c.ByID(after); !ok || a.Source.StartLine != giantLine+1 || a.Title != fmt.Sprintf("Record %d", giantLine+1) {
			t.Errorf("workers %d: %s: %+v", workers, after, a)
		}
	}
}
