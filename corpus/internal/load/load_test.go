package load

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// drain collects a load's events and their totals.
func drain(events <-chan Event) (arts []*article.Article, probs []article.Problem, total Event) {
	for e := range events {
		arts = append(arts, e.Articles...)
		probs = append(probs, e.Problems...)
		total.Found += e.Found
		total.Done += e.Done
		total.FoundBytes += e.FoundBytes
		total.DoneBytes += e.DoneBytes
	}
	return arts, probs, total
}

// TestPathsCountsEveryFile: every file found is finished, with its bytes,
// whether it loads or not; directories without articles and hostile names
// are problems, safe to print.
func TestPathsCountsEveryFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":            "Headline A\n\nThe body of the first article.",
		"sub/b.md":         "# Headline B\n\nThe body of the second.",
		"sub/c.jsonl":      `{"title": "C", "text": "Body."}` + "\n" + `{"title": "D", "text": "Body."}` + "\n",
		"bad/\x1b[2J.json": "{broken",
		"empty/notes.doc":  "not an article",
	}
	var size int64
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(name) != ".doc" {
			size += int64(len(data))
		}
	}
	arts, probs, total := drain(Paths(context.Background(), []string{dir, filepath.Join(dir, "empty")}, Options{Workers: 2}))
	if len(arts) != 4 || total.Found != 4 || total.Done != 4 || total.FoundBytes != size || total.DoneBytes != size {
		t.Errorf("%d articles, totals %+v, want 4 articles of 4 files, %d bytes", len(arts), total, size)
	}
	empty := false
	for _, p := range probs {
		if !textnorm.Safe(p.Error()) {
			t.Errorf("unsafe problem %q", p.Error())
		}
		empty = empty || errors.Is(p.Err, ErrEmptyDir)
	}
	if len(probs) != 2 || !empty {
		t.Errorf("problems %v, want the bad JSON and the empty directory", probs)
	}
}

// TestFSReadsMetaOnce: the text files of one directory share its
// meta.yaml, read once, its problems reported once.
func TestFSReadsMetaOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"d/a.txt":     {Data: []byte("Headline A\n\nThe body of the first article.")},
		"d/b.txt":     {Data: []byte("Headline B\n\nThe body of the second article.")},
		"d/meta.yaml": {Data: []byte("- file: a.txt\n  outlet: Outlet A\n  colour: red\n- file: b.txt\n  outlet: Outlet B\n")},
	}
	arts, probs, _ := drain(FS(context.Background(), fsys, Options{Workers: 2}))
	outlets := map[string]string{}
	for _, a := range arts {
		outlets[a.ID] = a.Outlet
	}
	if outlets["a"] != "Outlet A" || outlets["b"] != "Outlet B" {
		t.Errorf("outlets %v", outlets)
	}
	if len(probs) != 1 || !errors.Is(probs[0].Err, article.ErrMeta) || probs[0].Line != 3 {
		t.Errorf("problems %v, want the unknown field once", probs)
	}
}
