package storystore

import (
	"context"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/evaldata"
	"github.com/pmureader/pmureader/seeds"
)

// openTemp opens a new library in the test's temporary folder.
func openTemp(t testing.TB) *library.Library {
	t.Helper()
	l, err := library.Open(context.Background(), filepath.Join(t.TempDir(), library.FileName), library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l
}

// add stores articles in the order given; they must all be new.
func add(t testing.TB, l *library.Library, arts []*corpus.Article) {
	t.Helper()
	for len(arts) > 0 {
		k := min(len(arts), 1000)
		es := make([]library.Entry, k)
		for i, a := range arts[:k] {
			es[i] = library.Entry{Article: a}
		}
		res, err := l.Add(context.Background(), es)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Duplicates) > 0 {
			t.Fatalf("%d duplicates, the first %+v", len(res.Duplicates), res.Duplicates[0])
		}
		for _, a := range res.Added {
			if a.Renamed {
				t.Fatalf("article %s renamed %s", arts[a.Index].ID, a.ID)
			}
		}
		arts = arts[k:]
	}
}

// stored is the library's stories.
func stored(t testing.TB, l *library.Library) []library.Story {
	t.Helper()
	ss, err := l.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// asStored is the in-memory grouping as the library keeps it, by id.
func asStored(ss []stories.Story) []library.Story {
	out := make([]library.Story, len(ss))
	for k, s := range ss {
		rel := s.Related
		if rel == nil {
			rel = []string{}
		}
		out[k] = library.Story{ID: s.ID, Name: s.Name, Members: s.Articles, Related: rel, Pinned: s.Pinned, Score: s.Score}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// sameStories fails the test, saying where, unless got and want are the
// same stories.
func sameStories(t testing.TB, what string, got, want []library.Story) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d stories, want %d", what, len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: story %d:\n got %+v\nwant %+v", what, i, got[i], want[i])
		}
	}
}

// groupNew runs GroupNew and fails the test on an error.
func groupNew(t testing.TB, l *library.Library, opt Options) Report {
	t.Helper()
	rep, err := GroupNew(context.Background(), l, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// seedArticles loads the bundled corpus.
func seedArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Articles
}

// ecbArticles reads news_ecb as articles (one paragraph per sentence, no
// title, outlet or date), by id, or skips the test.
func ecbArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	dir, err := evaldata.NewsECBDir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	docs, err := evaldata.Docs(dir)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []*corpus.Article
	for _, id := range ids {
		a := &corpus.Article{ID: id, Format: "json", Source: corpus.Span{File: id}}
		for n, text := range docs[id] {
			a.Body = append(a.Body, corpus.Paragraph{Text: strings.TrimSpace(text), Source: corpus.Span{File: id, StartLine: n + 1, EndLine: n + 1}})
		}
		out = append(out, a)
	}
	return out
}
