package storystore

import (
	"context"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/stories"
)

// equalsGroup stores articles in a new library, groups it, and checks the
// library's stories are stories.Group's of the same articles.
func equalsGroup(t *testing.T, what string, arts []*corpus.Article, opt Options) {
	t.Helper()
	want, err := stories.Group(context.Background(), arts, stories.Options{SameOutlet: opt.SameOutlet, Threshold: opt.Threshold})
	if err != nil {
		t.Fatal(err)
	}
	l := openTemp(t)
	add(t, l, arts)
	rep := groupNew(t, l, opt)
	if !rep.Full || rep.Extracted != len(arts) || rep.Scanned != len(arts) || rep.Clustered != len(arts) {
		t.Errorf("%s: first grouping %+v", what, rep)
	}
	sameStories(t, what, stored(t, l), asStored(want))
	if rep := groupNew(t, l, opt); rep != (Report{}) {
		t.Errorf("%s: grouping again did %+v", what, rep)
	}
}

func TestSeedsEqualGroup(t *testing.T) {
	equalsGroup(t, "seeds", seedArticles(t), Options{})
}

func TestNewsECBEqualsGroup(t *testing.T) {
	equalsGroup(t, "news_ecb", ecbArticles(t), Options{})
}

// Dates of every precision, undated articles, pins, articles in reach
// only through their slack: the library's windows and components give
// Group's stories, with the default options and others.
func TestMixedEqualsGroup(t *testing.T) {
	arts := mixedArticles(1200, 7)
	equalsGroup(t, "mixed", arts, Options{})
	equalsGroup(t, "mixed, same outlet, threshold 0.3", arts, Options{SameOutlet: true, Threshold: 0.3})
}
