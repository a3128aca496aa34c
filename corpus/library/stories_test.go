package library

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

func TestFeaturesIncrementally(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC) }
	mk := func(id string, d int) *corpus.Article {
		a := article(id, "Title "+id, "O", "", "Body of article "+id+" with its own words in it.")
		if d == 0 {
			a.Date = corpus.Date{}
		} else {
			a.Date.Time = day(d)
		}
		return a
	}
	mustAdd(t, l, mk("a", 1), mk("b", 5), mk("c", 10), mk("u", 0))
	todo, err := l.Unfeatured(ctx, 1, 0, 100)
	if err != nil || len(todo) != 4 {
		t.Fatalf("unfeatured %v, %v", todo, err)
	}
	var fs []Features
	for _, h := range todo {
		fs = append(fs, Features{ID: h.ID, Version: 1, Data: []byte("f:" + h.ID)})
	}
	if err := l.SaveFeatures(ctx, fs); err != nil {
		t.Fatal(err)
	}
	// Only what is new is left to do, and the scan can start after the
	// last article featured.
	mustAdd(t, l, mk("d", 6))
	todo, _ = l.Unfeatured(ctx, 1, 0, 100)
	if len(todo) != 1 || todo[0].ID != "d" {
		t.Fatalf("after adding d: %+v", todo)
	}
	last, err := l.LastFeatured(ctx, 1)
	if err != nil || last != 4 {
		t.Fatalf("LastFeatured = %d, %v; want 4", last, err)
	}
	if todo, _ := l.Unfeatured(ctx, 1, last, 100); len(todo) != 1 || todo[0].ID != "d" {
		t.Fatalf("unfeatured after %d: %+v", last, todo)
	}
	if none, err := l.LastFeatured(ctx, 9); err != nil || none != 0 {
		t.Fatalf("LastFeatured of an unused version = %d, %v", none, err)
	}
	// A new encoding makes every article due again.
	if todo, _ := l.Unfeatured(ctx, 2, 0, 100); len(todo) != 5 {
		t.Fatalf("version 2: %d due", len(todo))
	}
	got, err := l.FeaturesBetween(ctx, 1, day(4), day(10), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "b" || got[1].ID != "c" || string(got[0].Data) != "f:b" || !got[0].Dated {
		t.Fatalf("window: %+v", got)
	}
	got, _ = l.FeaturesBetween(ctx, 1, day(4), day(10), true)
	if len(got) != 3 || got[0].ID != "u" || got[0].Dated {
		t.Fatalf("window with undated: %+v", got)
	}
	if err := l.SaveFeatures(ctx, []Features{{ID: "a", Version: 1}, {ID: "gone", Version: 1}}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown article: %v", err)
	}
}

func TestSaveStories(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	a := article("a", "A", "O1", "", "Body of a with enough words.")
	b := article("b", "B", "O2", "", "Body of b with enough words.")
	b.Date.Time = a.Date.Time.AddDate(0, 0, -1)
	c := article("c", "C", "O3", "", "Body of c with enough words.")
	mustAdd(t, l, a, b, c)
	s1 := Story{ID: "a", Name: "Strikes", Members: []string{"a", "b"}, Related: []string{"c"}, Score: 0.4}
	s2 := Story{ID: "c", Name: "Other", Members: []string{"c"}, Score: 1}
	if err := l.SaveStories(ctx, nil, []Story{s1, s2}); err != nil {
		t.Fatal(err)
	}
	got, err := l.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s1.Members = []string{"b", "a"} // oldest first
	s2.Related = []string{}
	if !reflect.DeepEqual(got, []Story{s1, s2}) {
		t.Fatalf("stories %+v", got)
	}
	rows, _ := l.Page(ctx, Sort{By: ByTitle}, Key{}, 10)
	if rows[0].Story != "a" || rows[0].StoryName != "Strikes" || rows[2].StoryName != "Other" {
		t.Fatalf("rows %+v", rows)
	}
	// A regrouping: c joins story a, story c goes.
	s1.Members = []string{"a", "b", "c"}
	if err := l.SaveStories(ctx, []string{"c"}, []Story{s1}); err != nil {
		t.Fatal(err)
	}
	got, _ = l.Stories(ctx)
	if len(got) != 1 || !slices.Equal(got[0].Members, []string{"b", "a", "c"}) {
		t.Fatalf("after regrouping %+v", got)
	}
	// A story with an unknown member changes nothing.
	if err := l.SaveStories(ctx, []string{"a"}, []Story{{ID: "x", Members: []string{"zzz"}}}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown member: %v", err)
	}
	if got, _ := l.Stories(ctx); len(got) != 1 || got[0].ID != "a" {
		t.Fatalf("failed save changed stories: %+v", got)
	}
	// Removing a member's article leaves the story without it.
	if err := l.Remove(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.Stories(ctx); !slices.Equal(got[0].Members, []string{"a", "c"}) {
		t.Fatalf("after removing b: %+v", got)
	}
	// Removing the last members removes the story.
	for _, id := range []string{"a", "c"} {
		if err := l.Remove(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := l.Stories(ctx); len(got) != 0 {
		t.Fatalf("story without members kept: %+v", got)
	}
}
