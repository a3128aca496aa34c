package sources

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// FuzzArticleFromHTML: any bytes, from any address or path, give an article whose every field is safe
// to print, or an error; never a panic, never an article without text.
func FuzzArticleFromHTML(f *testing.F) {
	f.Add([]byte(pageHTML(1, "https://example.org/1", 3)), "https://example.org/1")
	f.Add([]byte(hostilePage), "http://x/\x1b]0;t\x07")
	f.Add([]byte("<html><body><p>short</p>"), "")
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>"), "page.html")
	f.Fuzz(func(t *testing.T, data []byte, from string) {
		a, _, err := corpus.ArticleFromHTML(data, from, "")
		if err != nil {
			return
		}
		if len(a.Body) == 0 || a.Words == 0 {
			t.Fatalf("an article without text: %+v", a)
		}
		fields := []string{a.ID, a.Title, a.Dek, a.Outlet, a.Author, a.URL, a.Source.File}
		for _, p := range a.Body {
			fields = append(fields, p.Text, p.Source.File)
		}
		for _, l := range a.Raw {
			fields = append(fields, l.Text, l.Why)
		}
		for _, s := range fields {
			if !textnorm.Safe(s) || strings.ContainsAny(s, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
				t.Fatalf("unsafe field %q", s)
			}
		}
	})
}
