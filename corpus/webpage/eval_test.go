package webpage

import (
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/webpage/internal/evalpages"
)

// Targets on the evaluation pages (testdata/pages).
const (
	targetF1   = 0.95
	targetMeta = 0.9
)

// TestEvalPages extracts every evaluation page and scores the body against
// its gold (token precision, recall and F1 per page, averaged) and the
// metadata (title, date, outlet). The comparison with the bare extractors
// is in internal/extractorcmp.
func TestEvalPages(t *testing.T) {
	cases, err := evalpages.Load("testdata/pages")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 30 {
		t.Fatalf("%d evaluation pages, want at least 30", len(cases))
	}
	var tot evalpages.Totals
	for _, c := range cases {
		start := time.Now()
		page, err := Extract(c.HTML, Options{URL: c.Gold.URL, ContentType: c.Gold.ContentType})
		took := time.Since(start)
		if err != nil {
			t.Errorf("%s: %v", c.Name, err)
			continue
		}
		got := PageText(page)
		bag := evalpages.BagPRF(c.Gold.Body(), got)
		meta := evalpages.ScoreMeta(c.Gold, evalpages.Meta{Title: page.Title, Outlet: page.SiteName, Author: page.Author(), Date: page.Date.Time})
		tot.Add(bag, evalpages.ShinglePRF(c.Gold.Body(), got, 4), meta, took)
		if bag.F < 0.9 || !meta.Title || !meta.Date || !meta.Outlet {
			t.Logf("%s: F1 %.3f (P %.3f R %.3f) title %v date %v outlet %v (%q, %s, %q)",
				c.Name, bag.F, bag.P, bag.R, meta.Title, meta.Date, meta.Outlet, page.Title, page.Date.Time.Format("2006-01-02"), page.SiteName)
		}
	}
	t.Logf("\n%s\n%s", evalpages.Header, tot.Row("pmureader (readability + rules)"))
	bag, _ := tot.Mean()
	if bag.F < targetF1 {
		t.Errorf("mean token F1 %.3f, want at least %.2f", bag.F, targetF1)
	}
	if m := tot.MetaAccuracy(); m < targetMeta {
		t.Errorf("metadata accuracy %.3f, want at least %.2f", m, targetMeta)
	}
}

// PageText is the body as the evaluation reads it: paragraphs, one a line.
func PageText(p *Page) string {
	var b strings.Builder
	for _, para := range p.Paragraphs {
		b.WriteString(para.Text)
		b.WriteByte('\n')
	}
	return b.String()
}
