// Package evalcorpus gives tests the labelled news data of evaldata as
// corpus articles. It is apart from evaldata because it imports corpus,
// and the tests of corpus's own sub-packages (cleaning) use evaldata.
// Only tests import it.
package evalcorpus

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/evaldata"
)

// Articles reads dir/docs.json as articles: one paragraph per sentence
// (paragraph i is sentence i, a missing sentence stays empty), no title
// (sentence 0, usually the headline, is paragraph 0), no outlet, no date.
func Articles(dir string) (map[string]*corpus.Article, error) {
	docs, err := evaldata.Docs(dir)
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
// Articles), or skips t where the data is absent.
func NewsECB(t testing.TB) (dir string, docs map[string]*corpus.Article) {
	t.Helper()
	dir, err := evaldata.NewsECBDir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	docs, err = Articles(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, docs
}
