package search

import (
	"context"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

// TestSeedsSpellings searches the bundled articles the way the issue's
// walkthrough does: "ketaib" is Antiwar.com's spelling; "kataib",
// "Kata'ib" and "Kata’ib" are one word and find the others.
func TestSeedsSpellings(t *testing.T) {
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatalf("load seeds: %v", err)
	}
	ix := New(c.Articles)
	hits := ix.Words("ketaib")
	if len(hits) == 0 || hits[0].Article.Outlet != "Antiwar.com" {
		t.Fatalf("Words(ketaib): want Antiwar.com first, got %v", outlets(hits))
	}
	want := outlets(ix.Words("kataib"))
	if len(want) < 2 || slices.Contains(want, "Antiwar.com") {
		t.Fatalf("Words(kataib) = %v: want several outlets, not Antiwar.com", want)
	}
	for _, q := range []string{"Kata'ib", "Kata’ib", "KATAIB"} {
		hs := ix.Words(q)
		if got := outlets(hs); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %v, want %v", q, got, want)
		}
		for _, h := range hs {
			d := h.Detail(60)
			for _, r := range d.Highlights {
				if k := textnorm.Key(d.Snippet[r.Start:r.End]); k != "kataib" {
					t.Errorf("Words(%q) on %s: highlight %q in %q", q, h.Article.Outlet, d.Snippet[r.Start:r.End], d.Snippet)
				}
			}
		}
	}
}

func outlets(hs []WordHit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Article.Outlet)
	}
	return out
}
