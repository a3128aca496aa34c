package library

import (
	"context"
	"errors"
	"testing"
)

func TestAddGetRoundTrip(t *testing.T) {
	l, _ := openTemp(t, Options{})
	a := article("x1", "US strikes Kata’ib Hezbollah", "Antiwar.com", "https://news.antiwar.com/a",
		"US F-15 warplanes carried out a series of airstrikes.", "The strikes targeted five PMU bases.")
	res := mustAdd(t, l, a)
	if len(res.Added) != 1 || res.Added[0].ID != "x1" {
		t.Fatalf("added %+v", res)
	}
	rec, err := l.Get(context.Background(), "x1")
	if err != nil {
		t.Fatal(err)
	}
	if rec.Article.Title != a.Title || len(rec.Article.Body) != 2 || rec.Article.Body[1].Text != a.Body[1].Text {
		t.Fatalf("got %+v", rec.Article)
	}
	if _, err := l.Get(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("missing: %v", err)
	}
	n, err := l.Count(context.Background())
	if err != nil || n != 1 {
		t.Fatalf("count %d %v", n, err)
	}
}
