package extractorcmp

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/pmureader/pmureader/corpus/webpage"
	"github.com/pmureader/pmureader/corpus/webpage/internal/evalpages"
)

type result struct {
	text string
	meta evalpages.Meta
}

type extractor struct {
	name string
	run  func(evalpages.Case) (result, error)
}

var extractors = []extractor{
	{"pmureader pipeline", runPipeline},
	{"go-readability v2.1.3", runReadability},
	{"go-trafilatura v1.12.2", func(c evalpages.Case) (result, error) { return runTrafilatura(c, false) }},
	{"go-trafilatura+fallback", func(c evalpages.Case) (result, error) { return runTrafilatura(c, true) }},
}

// TestCompareExtractors prints the evaluation table of every extractor. It
// asserts only that pmureader's pipeline is not worse than the bare
// extractors on the body; the targets themselves are asserted by
// corpus/webpage's TestEvalPages.
func TestCompareExtractors(t *testing.T) {
	if testing.Short() {
		t.Skip("comparison of extractors skipped in -short mode")
	}
	cases, err := evalpages.Load("../../testdata/pages")
	if err != nil {
		t.Fatal(err)
	}
	rows := []string{evalpages.Header}
	f1 := make(map[string]float64)
	for _, x := range extractors {
		var tot evalpages.Totals
		for _, c := range cases {
			start := time.Now()
			r, err := x.run(c)
			took := time.Since(start)
			if err != nil {
				t.Logf("%s on %s: %v", x.name, c.Name, err)
			}
			tot.Add(evalpages.BagPRF(c.Gold.Body(), r.text), evalpages.ShinglePRF(c.Gold.Body(), r.text, 4),
				evalpages.ScoreMeta(c.Gold, r.meta), took)
		}
		rows = append(rows, tot.Row(x.name))
		bag, _ := tot.Mean()
		f1[x.name] = bag.F
	}
	t.Logf("%d pages\n%s", len(cases), strings.Join(rows, "\n"))
	for name, f := range f1 {
		if f > f1["pmureader pipeline"] {
			t.Errorf("%s scores token F1 %.3f, above pmureader's pipeline (%.3f)", name, f, f1["pmureader pipeline"])
		}
	}
}

func runPipeline(c evalpages.Case) (result, error) {
	p, err := webpage.Extract(c.HTML, webpage.Options{URL: c.Gold.URL, ContentType: c.Gold.ContentType})
	if p == nil {
		return result{}, err
	}
	var b strings.Builder
	for _, para := range p.Paragraphs {
		b.WriteString(para.Text + "\n")
	}
	return result{text: b.String(), meta: evalpages.Meta{Title: p.Title, Outlet: p.SiteName, Author: p.Author(), Date: p.Date.Time}}, err
}

func pageURL(c evalpages.Case) *url.URL {
	u, err := url.Parse(c.Gold.URL)
	if err != nil || c.Gold.URL == "" {
		return nil
	}
	return u
}

func runReadability(c evalpages.Case) (result, error) {
	a, err := readability.FromReader(bytes.NewReader(c.HTML), pageURL(c))
	if err != nil || a.Node == nil {
		return result{}, err
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return result{}, err
	}
	r := result{text: b.String(), meta: evalpages.Meta{Title: a.Title(), Outlet: a.SiteName(), Author: a.Byline()}}
	if d, err := a.PublishedTime(); err == nil {
		r.meta.Date = d
	}
	return r, nil
}

func runTrafilatura(c evalpages.Case, fallback bool) (result, error) {
	res, err := trafilatura.Extract(bytes.NewReader(c.HTML), trafilatura.Options{
		OriginalURL: pageURL(c), EnableFallback: fallback, ExcludeComments: true,
	})
	if err != nil || res == nil {
		return result{}, err
	}
	m := res.Metadata
	return result{text: res.ContentText, meta: evalpages.Meta{Title: m.Title, Outlet: m.Sitename, Author: m.Author, Date: m.Date}}, nil
}
