package library

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestKeepsDerivedTitlesAndCopies: a title made from the body, and the
// article a republication copies (which the library finds by
// corpus/dedupe's rule), are stored and read back by Get, the headers and
// the list's pages; an export leaves a derived title out, so that loading
// it back derives and marks it again.
func TestKeepsDerivedTitlesAndCopies(t *testing.T) {
	l, _ := openTemp(t)
	text := "Rescue teams reached the valley on Friday after the flood."
	a := article("untitled", "Rescue teams reached the valley…", "Echo", "", text)
	a.TitleDerived = true
	mustAdd(t, l, article("original", "Rescue teams reached the valley…", "Wire", "", text), a)
	rec, err := l.Get(context.Background(), "untitled")
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Article.TitleDerived || rec.Article.CopyOf != "original" {
		t.Errorf("Get: title derived %v, copy of %q", rec.Article.TitleDerived, rec.Article.CopyOf)
	}
	hs, err := l.Headers(context.Background())
	if err != nil || len(hs) != 2 {
		t.Fatalf("headers %v, %v", hs, err)
	}
	if hs[0].TitleDerived || hs[0].CopyOf != "" || !hs[1].TitleDerived || hs[1].CopyOf != "original" {
		t.Errorf("headers: %+v", hs)
	}
	rows, err := l.Page(context.Background(), Sort{By: ByOutlet}, Key{}, 10) // Echo, then Wire
	if err != nil || len(rows) != 2 {
		t.Fatalf("page %v, %v", rows, err)
	}
	if !rows[0].TitleDerived || rows[0].CopyOf != "original" || rows[1].TitleDerived || rows[1].CopyOf != "" {
		t.Errorf("page rows: %+v", rows)
	}
	var out bytes.Buffer
	if _, err := l.Export(context.Background(), &out, FormatJSONL); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"title":""`) {
		t.Errorf("export keeps the derived title: %s", out.String())
	}
}
