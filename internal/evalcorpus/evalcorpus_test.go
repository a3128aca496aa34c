package evalcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestArticlesKeepsSentenceIndexes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "docs.json"), []byte(`{"d1": {"0": " Headline ", "2": "Third."}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, err := Articles(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := arts["d1"]
	if a == nil || a.ID != "d1" || a.Title != "" || len(a.Body) != 3 {
		t.Fatalf("Articles = %+v, want d1 untitled with 3 paragraphs", a)
	}
	if a.Body[0].Text != "Headline" || a.Body[1].Text != "" || a.Body[2].Text != "Third." || a.Body[2].Source.StartLine != 3 {
		t.Fatalf("paragraphs = %+v, want sentence i as paragraph i, trimmed, line i+1", a.Body)
	}
}
