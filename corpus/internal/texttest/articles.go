package texttest

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// CheckArticles fails for anything unsafe or out of range in articles a
// parser or a load made from an input of lines lines: every one-line field
// safe and without a line break, an id and a title, Words matching the
// body, paragraph, raw line and article spans inside the input.
func CheckArticles(t *testing.T, arts []*article.Article, lines int) {
	t.Helper()
	for _, a := range arts {
		fields := []string{a.ID, a.Title, a.Dek, a.Outlet, a.Via, a.OutletProfile, a.Author, a.Date.Note, a.URL, a.Event, a.Story, a.Source.File}
		for _, s := range fields {
			if !textnorm.Safe(s) || strings.Contains(s, "\n") {
				t.Errorf("unsafe field %q in %+v", s, a)
			}
		}
		if a.ID == "" || a.Title == "" {
			t.Errorf("article without id or title: %+v", a)
		}
		words := 0
		for _, p := range a.Body {
			words += len(strings.Fields(p.Text))
		}
		if words != a.Words && a.Words != 0 {
			t.Errorf("Words = %d, strings.Fields counts %d", a.Words, words)
		}
		for _, p := range a.Body {
			if !textnorm.Safe(p.Text) {
				t.Errorf("unsafe paragraph %q", p.Text)
			}
			if p.Source.StartLine < 1 || p.Source.EndLine > lines {
				t.Errorf("paragraph span %v outside 1..%d", p.Source, lines)
			}
		}
		for _, l := range a.Raw {
			if !textnorm.Safe(l.Text) || strings.Contains(l.Text, "\n") {
				t.Errorf("unsafe raw line %q", l.Text)
			}
			if l.Number < 1 || l.Number > lines {
				t.Errorf("raw line %d outside 1..%d", l.Number, lines)
			}
		}
		if a.Source.StartLine < 1 || a.Source.EndLine > lines || a.Source.EndLine < a.Source.StartLine {
			t.Errorf("article span %v outside 1..%d", a.Source, lines)
		}
	}
}

// LineCount is the number of lines loaders see in data (after Sanitize,
// which turns lone CRs and U+2028/2029 into line breaks).
func LineCount(data []byte) int {
	return strings.Count(textnorm.Sanitize(string(data)), "\n") + 1
}
