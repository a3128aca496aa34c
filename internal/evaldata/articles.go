package evaldata

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// ECBArticles reads dir/docs.json as articles: one paragraph per sentence
// (paragraph i is sentence i, a missing sentence stays empty), no title
// (sentence 0, usually the headline, is paragraph 0), no outlet, no date.
func ECBArticles(dir string) (map[string]*corpus.Article, error) {
	docs, err := Docs(dir)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*corpus.Article, len(docs))
	for id, sents := range docs {
		a := &corpus.Article{ID: id, Source: corpus.Span{File: id}}
		for n, text := range sents {
			a.Body = append(a.Body, corpus.Paragraph{Text: strings.TrimSpace(text),
				Source: corpus.Span{File: id, StartLine: n + 1, EndLine: n + 1}})
		}
		out[id] = a
	}
	return out, nil
}

// NewsECB returns the news_ecb folder and its documents as articles (see
// ECBArticles), or skips t where the data is absent.
func NewsECB(t testing.TB) (dir string, docs map[string]*corpus.Article) {
	t.Helper()
	dir, err := NewsECBDir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	docs, err = ECBArticles(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, docs
}
