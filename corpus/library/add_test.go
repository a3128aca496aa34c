package library

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/seeds"
)

func TestAddGetRoundTripEveryField(t *testing.T) {
	l, _ := openTemp(t)
	a := &corpus.Article{
		ID: "003_x", Title: "US strikes Kata’ib Hezbollah", Dek: "A dek", Outlet: "Antiwar.com",
		Via: "Press TV", OutletProfile: "US libertarian site", Author: "Jason Ditz",
		Date: corpus.Date{Time: time.Date(2019, 12, 29, 10, 31, 0, 0, time.FixedZone("", 3*3600)),
			Precision: corpus.PrecisionApproximate, Note: "inferred"},
		URL: "https://news.antiwar.com/a?utm_source=x", Event: "strikes", Story: "dec-2019",
		Body: []corpus.Paragraph{
			{Text: "US F-15 warplanes carried out airstrikes.", Source: corpus.Span{File: "f.txt", StartLine: 5, EndLine: 6}},
			{Text: "The aftermath", Subhead: true, Source: corpus.Span{File: "f.txt", StartLine: 8, EndLine: 8}},
		},
		Raw: []corpus.Line{
			{Number: 1, Text: "US strikes", Role: corpus.RoleTitle},
			{Number: 3, Text: "Donate now", Role: corpus.RoleChrome, Why: "donation appeal"},
		},
		Source: corpus.Span{File: "f.txt", StartLine: 1, EndLine: 9}, Format: "text", Words: 7,
	}
	fetched := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	html := []byte("<html><body><p>US F-15 warplanes…</p></body></html>")
	res, err := l.Add(context.Background(), []Entry{{Article: a, FetchedFrom: "https://news.antiwar.com/a", FetchedAt: fetched, HTML: html}})
	if err != nil || len(res.Added) != 1 || res.Added[0].ID != a.ID || res.Added[0].Renamed {
		t.Fatalf("Add: %+v, %v", res, err)
	}
	rec, err := l.Get(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := rec.Article
	if !got.Date.Time.Equal(a.Date.Time) {
		t.Errorf("date %v, want %v", got.Date.Time, a.Date.Time)
	}
	if _, off := got.Date.Time.Zone(); off != 3*3600 {
		t.Errorf("zone offset %d lost", off)
	}
	got.Date.Time, a.Date.Time = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, a)
	}
	if rec.CanonicalURL != "https://news.antiwar.com/a" || rec.FetchedFrom != "https://news.antiwar.com/a" ||
		!rec.FetchedAt.Equal(fetched) || !rec.HasHTML || len(rec.Hash) != 16 || time.Since(rec.AddedAt) > time.Minute {
		t.Errorf("provenance %+v", rec)
	}
	back, err := l.HTML(context.Background(), a.ID)
	if err != nil || string(back) != string(html) {
		t.Errorf("HTML %q, %v", back, err)
	}
}

// TestAddDuplicates: the library applies corpus/dedupe's rule, as the
// loader does: the same text from the same teller, or the same address
// and title, is not stored again; the same text from another outlet (or
// from one outlet at two addresses) is a republication, stored and
// marked a copy of the first (a copy of a copy points to the first).
func TestAddDuplicates(t *testing.T) {
	l, _ := openTemp(t)
	body := "US F-15 warplanes carried out a series of airstrikes targeting Iraq’s Shi’ite militias, the Popular Mobilization Units, over the course of Sunday, killing at least 25."
	orig := article("a1", "US strikes militias", "Antiwar.com", "https://news.antiwar.com/a", body)
	mustAdd(t, l, orig)

	retyped := strings.ToUpper(strings.ReplaceAll(body, "’", "'"))
	sameText := article("b1", "Another headline", "Other", "https://other.example/x", retyped)
	sameURL := article("c1", "US Strikes Militias", "Antiwar.com", "HTTPS://News.Antiwar.com:443/a#comments?x", "A different, updated body text entirely.")
	sameURLOtherItem := article("d1", "A second item on the same page", "Antiwar.com", "https://news.antiwar.com/a", "The Gaza item of a multi-item page.")
	fresh := "A fresh body of words that nobody stored before in this library today, long enough to name the article alone."
	inBatchA := article("e1", "Fresh", "X", "", fresh)
	inBatchB := article("e2", "Fresh copy", "Y", "", fresh)
	sameTeller := article("f1", "US strikes militias again", "antiwar.com", "", retyped)
	elsewhere := article("g1", "US strikes militias", "Antiwar.com", "https://news.antiwar.com/print/a", body)
	sameTellerInBatch := article("e3", "Fresh again", "x", "", fresh)
	res := mustAdd(t, l, sameText, sameURL, sameURLOtherItem, inBatchA, inBatchB, sameTeller, elsewhere, sameTellerInBatch)

	wantDup := []Duplicate{
		{Index: 1, ID: "c1", Existing: "a1", Reason: DupURL},
		{Index: 5, ID: "f1", Existing: "a1", Reason: DupText},
		{Index: 7, ID: "e3", Existing: "e1", Reason: DupText},
	}
	if !reflect.DeepEqual(res.Duplicates, wantDup) {
		t.Errorf("duplicates %+v\nwant %+v", res.Duplicates, wantDup)
	}
	wantAdded := []Added{{Index: 0, ID: "b1", CopyOf: "a1"}, {Index: 2, ID: "d1"}, {Index: 3, ID: "e1"},
		{Index: 4, ID: "e2", CopyOf: "e1"}, {Index: 6, ID: "g1", CopyOf: "a1"}}
	if !reflect.DeepEqual(res.Added, wantAdded) {
		t.Errorf("added %+v\nwant %+v", res.Added, wantAdded)
	}
	if n, _ := l.Count(context.Background()); n != 6 {
		t.Errorf("count %d, want 6", n)
	}
	// A copy of the copy points to the first.
	res = mustAdd(t, l, article("h1", "Third", "Third Outlet", "", retyped))
	if len(res.Added) != 1 || res.Added[0].CopyOf != "a1" {
		t.Errorf("a copy of a copy: %+v", res)
	}
	rec, err := l.Get(context.Background(), "b1")
	if err != nil || rec.Article.CopyOf != "a1" {
		t.Errorf("stored copy: %+v, %v", rec, err)
	}
}

func TestAddSeedsTwiceStoresThemOnce(t *testing.T) {
	l, _ := openTemp(t)
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := mustAdd(t, l, c.Articles...)
	if len(first.Added) != len(c.Articles) || len(first.Duplicates) != 0 {
		t.Fatalf("first add: %d added, %+v duplicates; want all %d (002 and 002-2 share an address)", len(first.Added), first.Duplicates, len(c.Articles))
	}
	second := mustAdd(t, l, c.Articles...)
	if len(second.Added) != 0 || len(second.Duplicates) != len(c.Articles) {
		t.Fatalf("second add: %+v", second)
	}
	for _, d := range second.Duplicates {
		if d.Existing != d.ID {
			t.Errorf("%s matched %s", d.ID, d.Existing)
		}
	}
}

func TestAddIDs(t *testing.T) {
	l, _ := openTemp(t)
	mustAdd(t, l, article("feed-3", "One", "O", "", "The first article body with enough words to stand alone here."))
	res := mustAdd(t, l,
		article("feed-3", "Two", "O", "", "A second article from another file that numbered its records alike."),
		article("feed-3", "Three", "O", "", "A third article from yet another file with the very same id in it."),
		article("", "No id", "O", "", "An article that came with no id at all, from a fetch perhaps."),
		article("has space", "Spaced id", "O", "", "An article whose id has a space in it and so cannot be typed."),
	)
	ids := make([]string, len(res.Added))
	for i, a := range res.Added {
		ids[i] = a.ID
		if !a.Renamed {
			t.Errorf("%s: not marked renamed", a.ID)
		}
	}
	if ids[0] != "feed-3-2" || ids[1] != "feed-3-3" {
		t.Errorf("colliding ids became %v", ids[:2])
	}
	for _, id := range ids[2:] {
		if len(id) != 8 || id[0] != 'a' || !keepableID(id) {
			t.Errorf("generated id %q: want a + 7 base32 characters", id)
		}
	}
	// The exact id wins over a longer one it prefixes; a unique prefix
	// finds its article; an ambiguous one names the candidates.
	ctx := context.Background()
	if id, err := l.Resolve(ctx, "feed-3"); err != nil || id != "feed-3" {
		t.Errorf("Resolve(feed-3) = %q, %v", id, err)
	}
	if id, err := l.Resolve(ctx, "feed-3-3"); err != nil || id != "feed-3-3" {
		t.Errorf("Resolve(feed-3-3) = %q, %v", id, err)
	}
	if _, err := l.Resolve(ctx, "feed-3-"); !errors.Is(err, ErrAmbiguous) || !strings.Contains(err.Error(), "feed-3-2, feed-3-3") {
		t.Errorf("ambiguous prefix: %v", err)
	}
	if _, err := l.Resolve(ctx, "zzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown: %v", err)
	}
}

func TestRemove(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	mustAdd(t, l, article("a", "Kataib strikes", "O", "https://x.example/a", "Kataib Hezbollah sites were hit on Sunday."),
		article("b", "Other news", "O", "", "Nothing about militias in this body of text at all."))
	if err := l.SetMarked(ctx, true, "a"); err != nil {
		t.Fatal(err)
	}
	if err := l.SaveFeatures(ctx, []Features{{ID: "a", Version: 1, Data: []byte{1}}}); err != nil {
		t.Fatal(err)
	}
	if err := l.Remove(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := l.Remove(ctx, "a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v", err)
	}
	if _, err := l.Get(ctx, "a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("get after remove: %v", err)
	}
	res, err := l.Search(ctx, "kataib", SearchOptions{})
	if err != nil || len(res.Hits) != 0 {
		t.Errorf("search after remove: %+v, %v", res.Hits, err)
	}
	for _, table := range []string{"documents", "html", "features", "article_state"} {
		var n int
		if err := l.r.QueryRow("SELECT count(*) FROM " + table + " WHERE n NOT IN (SELECT n FROM articles)").Scan(&n); err != nil || n != 0 {
			t.Errorf("%s keeps %d rows, %v", table, n, err)
		}
	}
	if n, _ := l.Count(ctx); n != 1 {
		t.Errorf("count %d, want 1", n)
	}
	// The same article can be added again.
	res2 := mustAdd(t, l, article("a", "Kataib strikes", "O", "https://x.example/a", "Kataib Hezbollah sites were hit on Sunday."))
	if len(res2.Added) != 1 {
		t.Errorf("re-add after remove: %+v", res2)
	}
}

func TestAddCancelledStoresNothing(t *testing.T) {
	l, _ := openTemp(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := l.Add(ctx, entries(article("a", "T", "O", "", "Body words here.")))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if n, _ := l.Count(context.Background()); n != 0 {
		t.Fatalf("count %d after a cancelled add", n)
	}
}
