package webpage_test

// This test is in an external package so that it can load the evaluation
// pages the way users (and `pmureader list --json DIR`) do, through
// corpus.Load and the HTML format adapter, which imports this package.

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/webpage/internal/evalpages"
)

// TestEvalPagesThroughLoader loads the folder of evaluation pages with
// corpus.Load, as `pmureader list --json testdata/pages` reads it (no page
// address: a saved page knows only its bytes), and scores each article's
// paragraphs and metadata against the gold: the same targets as
// TestEvalPages, token F1 at least 0.95 and metadata (title, date,
// outlet) at least 0.9.
func TestEvalPagesThroughLoader(t *testing.T) {
	cases, err := evalpages.Load("testdata/pages")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	c, err := corpus.Load(context.Background(), []string{"testdata/pages"}, corpus.Options{})
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Problems {
		t.Logf("problem: %v", p)
	}
	var tot evalpages.Totals
	for _, ec := range cases {
		id := strings.TrimSuffix(ec.Name, ".html")
		a, ok := c.ByID(id)
		if !ok {
			t.Errorf("%s: not loaded", ec.Name)
			continue
		}
		if a.Format != "html" {
			t.Errorf("%s: format %q", ec.Name, a.Format)
		}
		var body strings.Builder
		for _, p := range a.Body {
			body.WriteString(p.Text)
			body.WriteByte('\n')
		}
		bag := evalpages.BagPRF(ec.Gold.Body(), body.String())
		meta := evalpages.ScoreMeta(ec.Gold, evalpages.Meta{Title: a.Title, Outlet: a.Outlet, Author: a.Author, Date: a.Date.Time})
		tot.Add(bag, evalpages.ShinglePRF(ec.Gold.Body(), body.String(), 4), meta, took/time.Duration(len(cases)))
		if bag.F < 0.9 || !meta.Title || !meta.Date || !meta.Outlet {
			t.Logf("%s: F1 %.3f (P %.3f R %.3f) title %v date %v outlet %v (%q, %s, %q)",
				ec.Name, bag.F, bag.P, bag.R, meta.Title, meta.Date, meta.Outlet, a.Title, a.Date, a.Outlet)
		}
	}
	t.Logf("\n%s\n%s", evalpages.Header, tot.Row("corpus.Load (.html)"))
	bag, _ := tot.Mean()
	if bag.F < 0.95 {
		t.Errorf("mean token F1 through the loader %.3f, want at least 0.95", bag.F)
	}
	if m := tot.MetaAccuracy(); m < 0.9 {
		t.Errorf("metadata accuracy through the loader %.3f, want at least 0.9", m)
	}
}
