package library

import (
	"context"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

func TestPlainMatchesSanitize(t *testing.T) {
	for _, s := range []string{"plain", "Kata’ib “quoted” – dash", "line\nbreak", "tab\there", "esc\x1b[31m",
		"bel\a", "del\x7f", "c1\u009b31m", "rtl \u202eevil", "iso \u2066x\u2069", "nbsp\u00a0", "", "é\u0301"} {
		if plain(s) && !textnorm.Safe(s) {
			t.Errorf("plain(%q) but it is not safe", s)
		}
		if !plain(s) && textnorm.Sanitize(s) == s {
			t.Errorf("plain(%q) is false but Sanitize keeps it", s)
		}
	}
}

// A library file from elsewhere may hold anything: what is read from it
// never carries a control character.
func TestHostileLibraryIsNeutralisedOnRead(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	mustAdd(t, l, article("a", "Title", "Outlet", "", "Body words of the article here."))
	evil := "\x1b]0;owned\x07\u202e"
	if _, err := l.w.Exec(`UPDATE articles SET title = ?, outlet = ?, author = ?, story_pin = ?`, "T"+evil, "O"+evil, "A"+evil, "S"+evil); err != nil {
		t.Fatal(err)
	}
	doc, err := encodeDocument(article("x", "", "", "", "Body "+evil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.w.Exec(`UPDATE documents SET doc = ?`, doc); err != nil {
		t.Fatal(err)
	}
	rec, err := l.Get(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	a := rec.Article
	check := func(where string, ss ...string) {
		for _, s := range ss {
			if !textnorm.Safe(s) || strings.ContainsRune(s, '\u202e') {
				t.Errorf("%s: %q reaches the caller", where, s)
			}
		}
	}
	check("Get", a.Title, a.Outlet, a.Author, a.Story, a.Body[0].Text)
	if !strings.Contains(a.Title, "^[]0;owned^G") {
		t.Errorf("title %q: want the escape shown in caret notation", a.Title)
	}
	rows, err := l.Page(ctx, DefaultSort, Key{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	check("Page", rows[0].Title, rows[0].Outlet, rows[0].Author)
	hs, err := l.Headers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	check("Headers", hs[0].Title, hs[0].Outlet, hs[0].Author)
	p, err := l.Passage(ctx, "a", ParseQuery("body", false))
	if err != nil {
		t.Fatal(err)
	}
	check("Passage", p.Text)
}
