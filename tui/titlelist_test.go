package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// A "/" answer longer than its first rows: the search makes the first
// screens only; paging down asks a job for the rows ahead of the screen,
// which makes them exactly as "find by title" ranks them. The view never
// makes a row: one whose job has not answered is drawn as "…".
func TestTitleSearchRowsMadeFurtherDown(t *testing.T) {
	arts := synth.Articles(900, 5)
	for _, runJobs := range []bool{true, false} {
		hs := newHarness(t, arts, 100, 20)
		hs.keys("/", "a")
		l := hs.m.library
		want := hs.m.sh.index.FindTitles("a") // with the stories' names
		if n := l.titles.len(); n != len(want) || n < firstTitleRows+100 {
			t.Fatalf("%d hits, want %d (over %d)", n, len(want), firstTitleRows+100)
		}
		if len(l.titles.rows) != firstTitleRows {
			t.Fatalf("the search made %d rows, want the first %d", len(l.titles.rows), firstTitleRows)
		}
		for l.cur.at < firstTitleRows+60 {
			if runJobs {
				hs.keys("pgdown")
				continue
			}
			hs.m.Update(tea.KeyPressMsg(tea.Key{Code: tea.KeyPgDown}))
		}
		scr := hs.screenText()
		if !runJobs {
			if !strings.Contains(scr, "▸  …") {
				t.Fatalf("the row under the cursor is not drawn as not made yet:\n%s", scr)
			}
			continue
		}
		if strings.Contains(scr, "  …") {
			t.Fatalf("rows on the screen not made:\n%s", scr)
		}
		for i := range l.titles.len() {
			if h := l.titles.row(i); h != nil && h.article.ID != want[i].Article.ID {
				t.Fatalf("row %d is %s, want %s", i, h.article.ID, want[i].Article.ID)
			}
		}
		if len(l.titles.rows) <= l.cur.at {
			t.Fatalf("%d rows made, the cursor is at %d", len(l.titles.rows), l.cur.at)
		}
		checkFrame(t, hs.m.render(), 100, 20)
	}
}

// In a library's list the bodies are not in memory: the "¶" tier of "/"
// (the query's words in an article's text, not its header) comes from the
// library's full-text index, as word search does.
func TestLibraryTitleSearchFindsText(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	arts := pagedArticles()
	a, word := arts[77], ""
	for _, w := range strings.Fields(a.Body[len(a.Body)-1].Text) {
		if w = strings.Trim(w, ".,;:'\"()"); len(w) > 5 && !inAnyHeader(arts, w) {
			word = w
			break
		}
	}
	if word == "" {
		t.Fatal("no word of the body is missing from every header")
	}
	hs.keys("/", word)
	l := hs.m.library
	if !l.titles.textHits() || !strings.Contains(hs.screenText(), "¶") {
		t.Fatalf("/%s found nothing by its text:\n%s", word, hs.screenText())
	}
	found := false
	for i := range l.titles.len() {
		h := l.titles.row(i)
		if h == nil || !h.inText {
			continue
		}
		if !strings.Contains(textnorm.Fold(bodyText(h.article)), textnorm.Fold(word)) {
			t.Errorf("%s was found by its text, which lacks %q", h.article.ID, word)
		}
		found = found || h.article.ID == a.ID
	}
	if !found {
		t.Fatalf("/%s did not find %s by its text:\n%s", word, a.ID, hs.screenText())
	}
}

func inAnyHeader(arts []*corpus.Article, w string) bool {
	q := search.FoldQuery(w)
	for _, a := range arts {
		if strings.Contains(search.Haystack(a, a.Story), q) {
			return true
		}
	}
	return false
}

func bodyText(a *corpus.Article) string {
	var b strings.Builder
	for _, p := range a.Body {
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	return b.String()
}
