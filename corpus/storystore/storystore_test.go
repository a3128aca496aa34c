package storystore

import (
	"context"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// equalsGroup stores articles in a new library, groups it, and checks the
// library's stories are stories.Group's of the same articles.
// It returns the library.
func equalsGroup(t *testing.T, what string, arts []*corpus.Article, opt Options) *library.Library {
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
	return l
}

func TestSeedsEqualGroup(t *testing.T) {
	equalsGroup(t, "seeds", seedArticles(t), Options{})
}

// The stored stories of news_ecb are Group's, and as good as the issue
// asks: pairwise F1 at least 0.98 against the gold events (the event is
// the id's prefix).
func TestNewsECBEqualsGroup(t *testing.T) {
	arts := ecbArticles(t)
	l := equalsGroup(t, "news_ecb", arts, Options{})
	var gold []library.Story
	at := map[string]int{}
	for _, a := range arts {
		event, _, _ := strings.Cut(a.ID, "_")
		if _, ok := at[event]; !ok {
			at[event] = len(gold)
			gold = append(gold, library.Story{ID: event})
		}
		gold[at[event]].Members = append(gold[at[event]].Members, a.ID)
	}
	p, r, f1 := agreement(stored(t, l), gold)
	t.Logf("news_ecb stored: %d stories (gold %d): P=%.3f R=%.3f F1=%.3f", len(stored(t, l)), len(gold), p, r, f1)
	if f1 < 0.98 {
		t.Errorf("news_ecb stored stories: F1 %.3f < 0.98", f1)
	}
}

// Dates of every precision, undated articles, pins, articles in reach
// only through their slack: the library's windows and components give
// Group's stories, with the default options and others.
func TestMixedEqualsGroup(t *testing.T) {
	arts := mixedArticles(1200, 7)
	equalsGroup(t, "mixed", arts, Options{})
	equalsGroup(t, "mixed, same outlet, threshold 0.3", arts, Options{SameOutlet: true, Threshold: 0.3})
}
