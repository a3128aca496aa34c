package library

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

func TestStatePersists(t *testing.T) {
	l, path := openTemp(t)
	ctx := context.Background()
	mustAdd(t, l, article("a", "A", "O", "", "Body a words here."), article("b", "B", "O", "", "Body b words here."),
		article("c", "C", "O", "", "Body c words here."))
	if err := l.SetMarked(ctx, true, "c", "a"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetRead(ctx, true, "b"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetPosition(ctx, "b", Position{Paragraph: 3, Offset: 120}); err != nil {
		t.Fatal(err)
	}
	if err := l.SetSort(ctx, Sort{By: ByOutlet, Desc: true}); err != nil {
		t.Fatal(err)
	}
	if err := l.SetState(ctx, "tui.view", "stories"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetMarked(ctx, true, "a", "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown id: %v", err)
	}
	l.Close()

	l, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	marked, err := l.Marked(ctx)
	if err != nil || !slices.Equal(marked, []string{"a", "c"}) {
		t.Fatalf("marked %v, %v", marked, err)
	}
	s, err := l.ArticleState(ctx, "b")
	if err != nil || s != (ArticleState{Read: true, Position: Position{Paragraph: 3, Offset: 120}}) {
		t.Fatalf("state of b %+v, %v", s, err)
	}
	if srt, err := l.SavedSort(ctx); err != nil || srt != (Sort{By: ByOutlet, Desc: true}) {
		t.Fatalf("sort %v, %v", srt, err)
	}
	if v, ok, err := l.State(ctx, "tui.view"); err != nil || !ok || v != "stories" {
		t.Fatalf("state %q %v %v", v, ok, err)
	}
	rows, err := l.Page(ctx, Sort{By: ByTitle}, Key{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !rows[0].Marked || rows[1].Marked || !rows[1].Read || !rows[2].Marked {
		t.Fatalf("rows' flags %+v", rows)
	}
	if err := l.ClearMarks(ctx); err != nil {
		t.Fatal(err)
	}
	if marked, _ := l.Marked(ctx); len(marked) != 0 {
		t.Fatalf("marks after clear: %v", marked)
	}
	if err := l.SetRead(ctx, true, "c"); err != nil {
		t.Fatal(err)
	}
	if read, err := l.ReadIDs(ctx); err != nil || !slices.Equal(read, []string{"b", "c"}) {
		t.Fatalf("read %v, %v", read, err)
	}
	if err := l.SetRead(ctx, false, "b"); err != nil {
		t.Fatal(err)
	}
	if read, _ := l.ReadIDs(ctx); !slices.Equal(read, []string{"c"}) {
		t.Fatalf("read after unread: %v", read)
	}
	if s, _ := l.ArticleState(ctx, "b"); s.Read || s.Position.Paragraph != 3 {
		t.Fatalf("unread keeps the position only: %+v", s)
	}
}

func TestNoStateNeitherReadsNorWrites(t *testing.T) {
	l, path := openTemp(t)
	ctx := context.Background()
	mustAdd(t, l, article("a", "A", "O", "", "Body a words here."), article("b", "B", "O", "", "Body b words here."))
	if err := l.SetMarked(ctx, true, "a"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetSort(ctx, Sort{By: ByTitle}); err != nil {
		t.Fatal(err)
	}
	l.Close()

	clean, err := Open(ctx, path, Options{NoState: true})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := clean.Marked(ctx); len(m) != 0 {
		t.Errorf("no-state run sees marks %v", m)
	}
	if s, _ := clean.SavedSort(ctx); s != DefaultSort {
		t.Errorf("no-state run sees sort %v", s)
	}
	// It works in memory for the run…
	if err := clean.SetMarked(ctx, true, "b"); err != nil {
		t.Fatal(err)
	}
	if err := clean.SetPosition(ctx, "b", Position{Paragraph: 2}); err != nil {
		t.Fatal(err)
	}
	if m, _ := clean.Marked(ctx); !slices.Equal(m, []string{"b"}) {
		t.Errorf("no-state marks %v", m)
	}
	if err := clean.SetRead(ctx, true, "b"); err != nil {
		t.Fatal(err)
	}
	if r, _ := clean.ReadIDs(ctx); !slices.Equal(r, []string{"b"}) {
		t.Errorf("no-state read %v", r)
	}
	rows, _ := clean.Page(ctx, Sort{By: ByTitle}, Key{}, 10)
	if rows[0].Marked || !rows[1].Marked {
		t.Errorf("no-state rows %+v", rows)
	}
	if err := clean.SetMarked(ctx, true, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("no-state unknown id: %v", err)
	}
	// …and articles still go to the database.
	mustAdd(t, clean, article("c", "C", "O", "", "Body c words here."))
	clean.Close()

	l, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if m, _ := l.Marked(ctx); !slices.Equal(m, []string{"a"}) {
		t.Errorf("after a no-state run marks are %v, want [a]", m)
	}
	if s, _ := l.ArticleState(ctx, "b"); s != (ArticleState{}) {
		t.Errorf("no-state run wrote %+v", s)
	}
	if n, _ := l.Count(ctx); n != 3 {
		t.Errorf("count %d, want 3", n)
	}
}

func TestFeeds(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	if err := l.AddFeed(ctx, "https://a.example/feed", "A"); err != nil {
		t.Fatal(err)
	}
	if err := l.AddFeed(ctx, "https://b.example/rss", ""); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := l.RecordFetch(ctx, "https://a.example/feed", FetchResult{At: at, ETag: `"e1"`, LastModified: "Thu, 02 Jan 2025 03:04:05 GMT"}); err != nil {
		t.Fatal(err)
	}
	if err := l.RecordFetch(ctx, "https://a.example/feed", FetchResult{At: at.Add(time.Hour), Err: errors.New("503 Service Unavailable")}); err != nil {
		t.Fatal(err)
	}
	if err := l.RecordFetch(ctx, "https://b.example/rss", FetchResult{At: at, Title: "Feed B"}); err != nil {
		t.Fatal(err)
	}
	if err := l.AddFeed(ctx, "https://a.example/feed", ""); err != nil { // again: keeps what is known
		t.Fatal(err)
	}
	fs, err := l.Feeds(ctx)
	if err != nil || len(fs) != 2 {
		t.Fatalf("feeds %+v, %v", fs, err)
	}
	a := fs[0]
	if a.Title != "A" || a.ETag != `"e1"` || a.LastModified == "" || !a.LastFetched.Equal(at.Add(time.Hour)) || a.LastError != "503 Service Unavailable" {
		t.Errorf("feed a %+v", a)
	}
	if fs[1].Title != "Feed B" || fs[1].LastError != "" {
		t.Errorf("feed b %+v", fs[1])
	}
	if err := l.RecordFetch(ctx, "https://nope.example/", FetchResult{At: at}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown feed: %v", err)
	}
	if err := l.RemoveFeed(ctx, "https://b.example/rss"); err != nil {
		t.Fatal(err)
	}
	if fs, _ := l.Feeds(ctx); len(fs) != 1 {
		t.Errorf("after remove %+v", fs)
	}
}
