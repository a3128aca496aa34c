package library

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// Terms are numbered in the order they are first added, keep their ids,
// and are found by text and by block; a batch of features saves df and
// class changes with them.
func TestTermsAndFeatureBatch(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	mustAdd(t, l, article("a", "A", "O", "", "Body of a, with words."), article("b", "B", "O", "", "Body of b, other words."))
	ts, err := l.AddTerms(ctx, []string{"w:strike", "e:qasim muslih", "e:qassem musleh"}, []string{"", "ksm mslh", "ksm mslh"})
	if err != nil || len(ts) != 3 || ts[0] != (Term{ID: 1, Text: "w:strike", Class: 1}) || ts[2] != (Term{ID: 3, Text: "e:qassem musleh", Class: 3, Block: "ksm mslh"}) {
		t.Fatalf("terms %+v, %v", ts, err)
	}
	ts, err = l.AddTerms(ctx, []string{"e:qassem musleh", "w:base"}, []string{"ksm mslh", ""})
	if err != nil || ts[0].ID != 3 || ts[1].ID != 4 {
		t.Fatalf("again: terms %+v, %v", ts, err)
	}
	got, err := l.TermsInBlocks(ctx, []string{"ksm mslh"})
	if err != nil || len(got) != 2 {
		t.Fatalf("block: %+v, %v", got, err)
	}
	err = l.SaveFeatureBatch(ctx, FeatureBatch{
		Features: []Features{{ID: "a", Version: 7, Data: []byte{1}}, {ID: "b", Version: 7, Data: []byte{2}}},
		DF:       map[int64]int64{1: 2, 2: 1, 3: 1},
		Classes:  map[int64]int64{3: 2},
		State:    map[string]string{"stories.n": "2"},
	})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := l.TermStats(ctx)
	want := []Term{{ID: 1, Class: 1, DF: 2}, {ID: 2, Class: 2, DF: 1}, {ID: 3, Class: 2, DF: 1}, {ID: 4, Class: 4, DF: 0}}
	if err != nil || !reflect.DeepEqual(stats, want) {
		t.Fatalf("stats %+v, %v", stats, err)
	}
	terms, _ := l.Terms(ctx, []string{"e:qassem musleh", "w:nothing"})
	if len(terms) != 1 || terms[0] != (Term{ID: 3, Text: "e:qassem musleh", DF: 1, Class: 2, Block: "ksm mslh"}) {
		t.Fatalf("terms %+v", terms)
	}
	if v, ok, _ := l.GroupingState(ctx, "stories.n"); !ok || v != "2" {
		t.Fatalf("state %q %v", v, ok)
	}
	if n, _ := l.FeatureCount(ctx, 7); n != 2 {
		t.Fatalf("%d featured", n)
	}
	// A batch naming an article that is not stored saves nothing.
	err = l.SaveFeatureBatch(ctx, FeatureBatch{Features: []Features{{ID: "zzz", Version: 7}}, DF: map[int64]int64{1: 5}})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown article: %v", err)
	}
	if stats, _ := l.TermStats(ctx); stats[0].DF != 2 {
		t.Fatalf("failed batch changed df: %+v", stats[0])
	}
	// A batch holding an article that has features of its version (two
	// groupings at once) saves nothing: the df is not counted twice.
	err = l.SaveFeatureBatch(ctx, FeatureBatch{Features: []Features{{ID: "b", Version: 7, Data: []byte{3}}}, DF: map[int64]int64{1: 1}})
	if !errors.Is(err, ErrFeatured) {
		t.Fatalf("featured twice: %v", err)
	}
	if stats, _ := l.TermStats(ctx); stats[0].DF != 2 {
		t.Fatalf("a batch of featured articles changed df: %+v", stats[0])
	}
	if err := l.SaveFeatureBatch(ctx, FeatureBatch{Features: []Features{{ID: "b", Version: 8, Data: []byte{3}}}}); err != nil {
		t.Fatalf("features of another version: %v", err)
	}
	if err := l.SetDF(ctx, map[int64]int64{4: 1}, map[string]string{"stories.n": ""}); err != nil {
		t.Fatal(err)
	}
	if stats, _ := l.TermStats(ctx); stats[0].DF != 0 || stats[3].DF != 1 {
		t.Fatalf("after SetDF: %+v", stats)
	}
	if _, ok, _ := l.GroupingState(ctx, "stories.n"); ok {
		t.Fatal("an empty value did not delete the key")
	}
	if err := l.ClearGrouping(ctx, map[string]string{"stories.version": "8"}); err != nil {
		t.Fatal(err)
	}
	if stats, _ := l.TermStats(ctx); len(stats) != 0 {
		t.Fatalf("terms left: %+v", stats)
	}
	if n, _ := l.FeatureCount(ctx, 7); n != 0 {
		t.Fatalf("%d features left", n)
	}
}

// Features are read by number, after a number, and whole articles
// without features are read for extraction.
func TestFeaturesByNumber(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	b := article("b", "B", "O", "", "Body of b, other words.")
	b.Date = corpus.Date{}
	mustAdd(t, l, article("a", "A", "O", "", "Body of a, with words.", "Second paragraph."), b, article("c", "C", "O", "", "Body of c here."))
	recs, err := l.UnfeaturedArticles(ctx, 1, 0, 2)
	if err != nil || len(recs) != 2 || recs[0].N != 1 || len(recs[0].Article.Body) != 2 || recs[1].Article.ID != "b" {
		t.Fatalf("unfeatured %+v, %v", recs, err)
	}
	if err := l.SaveFeatures(ctx, []Features{{ID: "a", Version: 1, Data: []byte("A")}, {ID: "b", Version: 1, Data: []byte("B")}}); err != nil {
		t.Fatal(err)
	}
	if recs, _ := l.UnfeaturedArticles(ctx, 1, 0, 10); len(recs) != 1 || recs[0].Article.ID != "c" {
		t.Fatalf("left unfeatured %+v", recs)
	}
	if n, err := l.UnfeaturedCount(ctx, 1, 0); n != 1 || err != nil {
		t.Fatalf("%d unfeatured, %v", n, err)
	}
	if n, _ := l.UnfeaturedCount(ctx, 2, 0); n != 3 {
		t.Fatalf("%d unfeatured of another version", n)
	}
	if n, _ := l.UnfeaturedCount(ctx, 2, 2); n != 1 {
		t.Fatalf("%d unfeatured above 2", n)
	}
	fs, err := l.FeaturesOf(ctx, 1, []int64{3, 2, 1})
	if err != nil || len(fs) != 2 || fs[0].ID != "a" || fs[1].ID != "b" || fs[1].Dated || string(fs[0].Data) != "A" {
		t.Fatalf("features of %+v, %v", fs, err)
	}
	if fs, _ := l.FeaturedAfter(ctx, 1, 1, 10, true); len(fs) != 1 || fs[0].N != 2 || string(fs[0].Data) != "B" {
		t.Fatalf("featured after 1: %+v", fs)
	}
	if fs, _ := l.FeaturedAfter(ctx, 1, 0, 10, false); len(fs) != 2 || fs[0].Data != nil || fs[1].ID != "b" {
		t.Fatalf("featured after 0, no data: %+v", fs)
	}
	if ps, _ := l.DatePrecisions(ctx); !slices.Equal(ps, []corpus.Precision{corpus.PrecisionDay}) {
		t.Fatalf("precisions %v", ps)
	}
	// Every precision of a dated article, once, in order; an undated
	// article's none.
	var more []*corpus.Article
	for i, p := range []corpus.Precision{corpus.PrecisionYear, corpus.PrecisionMonth, corpus.PrecisionYear, corpus.PrecisionApproximate} {
		a := article(fmt.Sprintf("p%d", i), "P", "O", "", fmt.Sprintf("Body %d of another precision.", i))
		a.Date.Precision = p
		more = append(more, a)
	}
	u := article("u", "U", "O", "", "Undated, with a precision all the same.")
	u.Date = corpus.Date{Precision: corpus.PrecisionUnknown}
	mustAdd(t, l, append(more, u)...)
	want := []corpus.Precision{corpus.PrecisionApproximate, corpus.PrecisionDay, corpus.PrecisionMonth, corpus.PrecisionYear}
	slices.Sort(want)
	if ps, err := l.DatePrecisions(ctx); !slices.Equal(ps, want) {
		t.Fatalf("precisions %v, %v; want %v", ps, err, want)
	}
}

// Edges are replaced by scan, found from either end, listed whole, and
// go with their articles.
func TestEdges(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	mustAdd(t, l, article("a", "A", "O", "", "Body of a, with words."), article("b", "B", "O", "", "Body of b, other words."),
		article("c", "C", "O", "", "Body of c here."))
	e12, e13, e23 := Edge{1, 2, 0.5, 0.4}, Edge{1, 3, 0.3, 0.3}, Edge{2, 3, 0.2, 0.1}
	if err := l.SaveEdges(ctx, []int64{2, 3}, []Edge{e12, e13, e23}, map[string]string{"stories.scanned": "3"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.EdgesOf(ctx, []int64{2}); !slices.Equal(got, []Edge{e12, e23}) {
		t.Fatalf("edges of 2: %+v", got)
	}
	e13.Score = 0.25
	if err := l.SaveEdges(ctx, []int64{3}, []Edge{e13}, nil); err != nil {
		t.Fatal(err)
	}
	var all []Edge
	if err := l.EachEdge(ctx, func(es []Edge) error { all = append(all, es...); return nil }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(all, []Edge{e12, e13}) {
		t.Fatalf("all edges %+v", all)
	}
	if err := l.Remove(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.EdgesOf(ctx, []int64{1, 2, 3}); len(got) != 0 {
		t.Fatalf("edges of a removed article: %+v", got)
	}
}

// A round of grouping replaces related lists, drops the stories left
// without members and saves state, at once; stories are read back by
// article and by member.
func TestUpdateStories(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	p := article("p", "P", "O", "", "Body of p, pinned.")
	p.Story = "My pin"
	mustAdd(t, l, article("a", "A", "O", "", "Body of a, with words."), article("b", "B", "O", "", "Body of b, other words."), p)
	if err := l.SaveStories(ctx, nil, []Story{{ID: "a", Name: "A", Members: []string{"a"}}, {ID: "b", Name: "B", Members: []string{"b"}}}); err != nil {
		t.Fatal(err)
	}
	err := l.UpdateStories(ctx, StoryUpdate{
		Put:       []Story{{ID: "x", Name: "X", Members: []string{"a", "b"}}},
		Related:   map[string][]string{"b": {"x"}},
		DropEmpty: true,
		State:     map[string]string{"stories.scanned": "3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := l.Stories(ctx)
	if len(got) != 1 || got[0].ID != "x" || !slices.Equal(got[0].Members, []string{"a", "b"}) {
		t.Fatalf("stories %+v", got)
	}
	of, err := l.StoriesOf(ctx, []int64{1, 2, 3})
	if err != nil || !maps.Equal(of, map[int64]string{1: "x", 2: "x"}) {
		t.Fatalf("stories of %v, %v", of, err)
	}
	if ms, _ := l.StoryMembers(ctx, []string{"x", "none"}); !maps.EqualFunc(ms, map[string][]int64{"x": {1, 2}}, slices.Equal) {
		t.Fatalf("members %v", ms)
	}
	for _, ask := range [][]string{{"My pin", "Other"}, nil} {
		if pins, _ := l.PinnedArticles(ctx, ask); !maps.EqualFunc(pins, map[string][]int64{"My pin": {3}}, slices.Equal) {
			t.Fatalf("pins of %q: %v", ask, pins)
		}
	}
	if v, _, _ := l.GroupingState(ctx, "stories.scanned"); v != "3" {
		t.Fatalf("state %q", v)
	}
}

// A library written before grouping kept terms and edges gains their
// tables when opened, its articles untouched.
func TestMigrationAddsGroupingTables(t *testing.T) {
	l, path := openTemp(t)
	mustAdd(t, l, article("a", "A", "O", "", "Body of a, with words."))
	// Make it a version 2 library.
	fresh := schemaObjects(t, l)
	if _, err := l.w.Exec(`DROP TABLE story_terms; DROP TABLE story_edges; DROP INDEX articles_by_pin;
		DROP INDEX articles_by_precision; PRAGMA user_version = 2`); err != nil {
		t.Fatal(err)
	}
	l.Close()
	l, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if got := schemaObjects(t, l); !slices.Equal(got, fresh) {
		t.Errorf("upgraded, the schema holds %q; a new library %q", got, fresh)
	}
	if n, _ := l.Count(context.Background()); n != 1 {
		t.Fatalf("%d articles after the upgrade", n)
	}
	if _, err := l.AddTerms(context.Background(), []string{"w:x"}, []string{""}); err != nil {
		t.Fatalf("terms after the upgrade: %v", err)
	}
}

// schemaObjects lists the library's tables, indexes and triggers.
func schemaObjects(t *testing.T, l *Library) []string {
	t.Helper()
	rows, err := l.r.Query(`SELECT type || ' ' || name FROM sqlite_schema ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}
