package library

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestKeepsDerivedTitlesAndCopies: what the loader marks on an article, a
// title made from its body and the article it republishes, is stored and
// read back by Get and the headers; an export leaves a derived title out,
// so that loading it back derives and marks it again.
func TestKeepsDerivedTitlesAndCopies(t *testing.T) {
	l, _ := openTemp(t)
	a := article("untitled", "Rescue teams reached the valley…", "Echo", "", "Rescue teams reached the valley on Friday after the flood.")
	a.TitleDerived, a.CopyOf = true, "original"
	mustAdd(t, l, a)
	rec, err := l.Get(context.Background(), "untitled")
	if err != nil {
		t.Fatal(err)
	}
	if !rec.Article.TitleDerived || rec.Article.CopyOf != "original" {
		t.Errorf("Get: title derived %v, copy of %q", rec.Article.TitleDerived, rec.Article.CopyOf)
	}
	hs, err := l.Headers(context.Background())
	if err != nil || len(hs) != 1 {
		t.Fatalf("headers %v, %v", hs, err)
	}
	if !hs[0].TitleDerived || hs[0].CopyOf != "original" {
		t.Errorf("header: title derived %v, copy of %q", hs[0].TitleDerived, hs[0].CopyOf)
	}
	var out bytes.Buffer
	if _, err := l.Export(context.Background(), &out, FormatJSONL); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"title":""`) {
		t.Errorf("export keeps the derived title: %s", out.String())
	}
}
