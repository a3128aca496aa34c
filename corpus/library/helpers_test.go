package library

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// openTemp opens a new library in a test's temporary folder.
func openTemp(t testing.TB) (*Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib", FileName)
	l, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

// article builds a small article with a body of the given paragraphs.
func article(id, title, outlet, url string, paras ...string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: title, Outlet: outlet, URL: url, Format: "json",
		Date:   corpus.Date{Time: time.Date(2019, 12, 29, 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionDay},
		Source: corpus.Span{File: id + ".json", StartLine: 1, EndLine: 1}}
	for _, p := range paras {
		a.Body = append(a.Body, corpus.Paragraph{Text: p, Source: a.Source})
		a.Words += len(splitWords(p))
	}
	return a
}

func splitWords(s string) []string {
	var out []string
	in := false
	start := 0
	for i := 0; i <= len(s); i++ {
		sp := i == len(s) || s[i] == ' ' || s[i] == '\n'
		if !sp && !in {
			start, in = i, true
		} else if sp && in {
			out = append(out, s[start:i])
			in = false
		}
	}
	return out
}

func entries(arts ...*corpus.Article) []Entry {
	out := make([]Entry, len(arts))
	for i, a := range arts {
		out[i] = Entry{Article: a}
	}
	return out
}

func mustAdd(t testing.TB, l *Library, arts ...*corpus.Article) AddResult {
	t.Helper()
	res, err := l.Add(context.Background(), entries(arts...))
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	return res
}
