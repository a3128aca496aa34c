package corpus_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/seeds"
)

// wireStory is an article's text long enough to be told apart by its
// words alone.
const wireStory = "US warplanes struck five sites of Kata'ib Hezbollah in western Iraq and eastern Syria on Sunday, the Pentagon said.\n\n" +
	"At least 25 fighters were killed and 51 wounded, according to the Popular Mobilization Units, of which the group is part.\n\n" +
	"The strikes answered a rocket attack on a base near Kirkuk on Friday that killed an American contractor.\n\n" +
	"Iraq's caretaker prime minister called the strikes a violation of the country's sovereignty."

// TestDuplicatesLoadOnce is issue 12 item 3: an exact duplicate (the same
// text from the same outlet, or the same address and title) loads once,
// with a warning naming both places; a republication (the same text with a
// "Via" line, or with an extra paragraph) is kept and marked CopyOf the
// original; one address with two different texts is two articles.
func TestDuplicatesLoadOnce(t *testing.T) {
	dir := t.TempDir()
	rec := `{"title": "US strikes Kata'ib Hezbollah", "maintext": "` + strings.ReplaceAll(wireStory, "\n", `\n`) +
		`", "url": "https://news.example.org/2019/12/29/strikes?utm_source=feed", "source_domain": "news.example.org"}`
	writeFiles(t, dir, map[string]string{
		// Two identical files.
		"a/original.txt": "US strikes Kata'ib Hezbollah\n\n" + wireStory + "\n",
		"a/same.txt":     "US strikes Kata'ib Hezbollah\n\n" + wireStory + "\n",
		// The same record twice in a feed, the second from another
		// tracking link and with its text retyped.
		"feed.jsonl": rec + "\n" + `{"title": "Other news", "text": "Something else happened somewhere else on another day, officials said, and nobody was hurt at all."}` + "\n" +
			strings.Replace(rec, "utm_source=feed", "utm_source=twitter", 1) + "\n",
		// Republications: with a Via line, and with an editor's note.
		"b/copy.txt":   "US strikes Kata'ib Hezbollah\n\nVia Antiwar.com\n\n" + wireStory + "\n",
		"b/noted.json": `{"title": "US strikes Iraqi militia", "outlet": "Mirror Site", "text": "` + strings.ReplaceAll(wireStory, "\n", `\n`) + `\n\nThis article first appeared on Antiwar.com and is republished with permission of the editors."}`,
	})
	c := mustLoad(t, dir)
	var dups []string
	for _, p := range c.Problems {
		if !errors.Is(p, corpus.ErrDuplicate) || !p.Warning {
			t.Errorf("problem: %v", p)
			continue
		}
		dups = append(dups, strings.ReplaceAll(p.Error(), dir+string(filepath.Separator), ""))
	}
	want := []string{
		"a/same.txt:1: duplicate article: the same text as original (a/original.txt:1-10); skipped",
		"feed.jsonl:3: duplicate article: the same text as feed-1 (feed.jsonl:1); skipped",
	}
	if strings.Join(dups, "\n") != strings.Join(want, "\n") {
		t.Errorf("duplicates reported\n%s\nwant\n%s", strings.Join(dups, "\n"), strings.Join(want, "\n"))
	}
	if got := strings.Join(ids(c), " "); got != "original copy noted feed-1 feed-2" {
		t.Errorf("ids %q", got)
	}
	// The feed's record is the same text under an outlet's name: a copy too.
	for id, of := range map[string]string{"original": "", "feed-1": "original", "feed-2": "", "copy": "original", "noted": "original"} {
		if a, ok := c.ByID(id); ok && a.CopyOf != of {
			t.Errorf("%s: CopyOf %q, want %q", id, a.CopyOf, of)
		}
	}

	// The bundled 002 holds two articles under one address.
	data, err := fs.ReadFile(seeds.FS, "002_521e8e9ae6276b4b.txt")
	if err != nil {
		t.Fatal(err)
	}
	meta, err := fs.ReadFile(seeds.FS, "meta.yaml")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{"seed/002_521e8e9ae6276b4b.txt": string(data), "seed/meta.yaml": string(meta)})
	s, _ := corpus.Load(context.Background(), []string{filepath.Join(dir, "seed")}, corpus.Options{})
	if len(s.Articles) != 2 || s.Articles[0].URL != s.Articles[1].URL || s.Articles[0].URL == "" ||
		s.Articles[0].CopyOf != "" || s.Articles[1].CopyOf != "" {
		t.Errorf("002 and 002-2 share an address and are two articles: %v %v", ids(s), s.Problems)
	}
}

// TestDuplicatesStreamed: Stream drops duplicates too, and marks the later
// of an original and its copy, whichever file finishes first.
func TestDuplicatesStreamed(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"one.txt":   "US strikes Kata'ib Hezbollah\n\n" + wireStory + "\n",
		"two.txt":   "US strikes Kata'ib Hezbollah\n\n" + wireStory + "\n",
		"three.txt": "US strikes Kata'ib Hezbollah\n\nVia Antiwar.com\n\n" + wireStory + "\n",
	})
	var arts []*corpus.Article
	var probs []corpus.Problem
	for b := range corpus.Stream(context.Background(), []string{dir}, corpus.Options{Workers: 2}) {
		arts = append(arts, b.Articles...)
		probs = append(probs, b.Problems...)
	}
	if len(arts) != 2 || len(probs) != 1 || !errors.Is(probs[0], corpus.ErrDuplicate) {
		t.Fatalf("%d articles, problems %v", len(arts), probs)
	}
	if arts[0].CopyOf != "" || arts[1].CopyOf != arts[0].ID {
		t.Errorf("the later is the copy: %s CopyOf %q, %s CopyOf %q", arts[0].ID, arts[0].CopyOf, arts[1].ID, arts[1].CopyOf)
	}
}
