package corpus_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/seeds"
)

// TestDerivedTitlesMarked is issue 12 item 5: a title made from the body
// of an article that has none is marked TitleDerived, in every format, and
// is made by one rule (the first sentence, shortened at a word), so the
// same text gets the same title whatever its format.
func TestDerivedTitlesMarked(t *testing.T) {
	body := "Floodwaters rose through the lower town overnight, forcing 2,000 residents to leave their homes before dawn on Friday. " +
		"Officials said the river crested at nine metres."
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"plain.txt":   "• " + body + "\n",
		"md.md":       "---\noutlet: Example\n---\n\n" + body + "\n",
		"rec.json":    `{"text": "` + body + `", "outlet": "Other Example"}`,
		"recs.jsonl":  `{"text": "` + body + `", "outlet": "Third"}` + "\n" + `{"title": "A real headline", "text": "` + body + `", "outlet": "Fourth"}` + "\n",
		"titled.md":   "---\noutlet: Fifth\n---\n# A real headline\n\n" + body + "\n",
		"titled.txt":  "A real headline\n\n" + body + "\n",
		"nobody.json": `{"title": "", "text": "   "}`,
	})
	c, _ := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	want := "Floodwaters rose through the lower town overnight, forcing 2,000 residents to leave…"
	for id, derived := range map[string]bool{"plain": true, "md": true, "rec": true, "recs-1": true, "recs-2": false, "titled": false} {
		a, ok := c.ByID(id)
		if !ok {
			t.Errorf("%s not loaded: %v %v", id, ids(c), c.Problems)
			continue
		}
		if a.TitleDerived != derived {
			t.Errorf("%s: TitleDerived %v, want %v (title %q)", id, a.TitleDerived, derived, a.Title)
		}
		if derived && a.Title != want {
			t.Errorf("%s: derived title %q, want %q", id, a.Title, want)
		}
		if !derived && a.Title != "A real headline" {
			t.Errorf("%s: title %q", id, a.Title)
		}
	}
	if a, ok := c.ByID("titled"); ok && a.TitleDerived {
		t.Errorf("titled: marked derived")
	}

	// The second item of the bundled 002 has no headline of its own: its
	// title is derived, unless metadata names it (the bundled meta.yaml
	// does).
	data, err := fs.ReadFile(seeds.FS, "002_521e8e9ae6276b4b.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"seed/002.txt": string(data)})
	c = mustLoad(t, filepath.Join(dir, "seed"))
	for _, a := range c.Articles {
		if want := a.ID == "002-2"; a.TitleDerived != want {
			t.Errorf("002 without metadata: %s TitleDerived %v (title %q)", a.ID, a.TitleDerived, a.Title)
		}
	}
	s, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range s.Articles {
		if a.TitleDerived {
			t.Errorf("seed %s: TitleDerived, though meta.yaml names its title %q", a.ID, a.Title)
		}
	}
}

func TestDeriveTitle(t *testing.T) {
	a := &corpus.Article{ID: "x", Body: []corpus.Paragraph{{Text: "Subhead", Subhead: true}, {Text: "First sentence here. Second one."}}}
	corpus.DeriveTitle(a, a.ID)
	if a.Title != "First sentence here" || !a.TitleDerived {
		t.Errorf("title %q derived %v", a.Title, a.TitleDerived)
	}
	b := &corpus.Article{ID: "y"}
	corpus.DeriveTitle(b, b.ID)
	if b.Title != "y" || !b.TitleDerived {
		t.Errorf("no body: title %q derived %v", b.Title, b.TitleDerived)
	}
	titled := &corpus.Article{ID: "z", Title: "Kept", Body: a.Body}
	corpus.DeriveTitle(titled, titled.ID)
	if titled.Title != "Kept" || titled.TitleDerived {
		t.Errorf("a title of its own: %q derived %v", titled.Title, titled.TitleDerived)
	}
}
