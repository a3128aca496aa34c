package webpage

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/internal/cputime"
)

// typicalPage is an evaluation page grown to the size of a real news page
// (about 110 KB): an inline state blob and stylesheet like those of
// JavaScript front ends, an SVG icon sprite and a mega menu of 300 links.
func typicalPage(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile("testdata/pages/21-all-meta.html")
	if err != nil {
		tb.Fatal(err)
	}
	var state, style, sprite, menu strings.Builder
	state.WriteString(`<script>window.__STATE__={"articles":[`)
	for i := 0; state.Len() < 45<<10; i++ {
		fmt.Fprintf(&state, `{"id":%d,"headline":"Story number %d about something","url":"/news/%d","section":"news","tags":["a","b","c"]},`, i, i, i)
	}
	state.WriteString(`{}]};</script>`)
	for i := 0; style.Len() < 20<<10; i++ {
		fmt.Fprintf(&style, ".c%d{margin:%dpx 0;padding:0 %dpx;color:#%06x}\n", i, i%40, i%17, i*2654435761%0xffffff)
	}
	sprite.WriteString(`<svg style="display:none">`)
	for i := 0; sprite.Len() < 15<<10; i++ {
		fmt.Fprintf(&sprite, `<symbol id="i%d" viewBox="0 0 24 24"><path d="M%d %dl4 4-4 4z"/></symbol>`, i, i%24, i%13)
	}
	sprite.WriteString(`</svg>`)
	menu.WriteString(`<nav class="mega-menu"><ul>`)
	for i := range 300 {
		fmt.Fprintf(&menu, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	menu.WriteString(`</ul></nav>`)
	page := strings.Replace(string(data), "</head>", state.String()+"<style>"+style.String()+"</style></head>", 1)
	page = strings.Replace(page, "<main", sprite.String()+menu.String()+"<main", 1)
	return []byte(page)
}

// BenchmarkExtract measures one typical page: decoding, parsing, metadata,
// the extractor and the chrome rules.
func BenchmarkExtract(b *testing.B) {
	page := typicalPage(b)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	cpu := cputime.Process()
	for b.Loop() {
		if _, err := Extract(page, Options{URL: "https://www.riversidegazette.co.uk/news/2023/07/19/heatwave-21"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkExtractEvalPages runs every evaluation page once per iteration
// (32 pages of 12 to 20 KB).
func BenchmarkExtractEvalPages(b *testing.B) {
	cases := loadPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cases {
			if _, err := Extract(c, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func loadPages(tb testing.TB) [][]byte {
	tb.Helper()
	names, err := os.ReadDir("testdata/pages")
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, n := range names {
		if strings.HasSuffix(n.Name(), ".html") {
			data, err := os.ReadFile("testdata/pages/" + n.Name())
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, data)
		}
	}
	return out
}

func TestTypicalPageIsTypical(t *testing.T) {
	page := typicalPage(t)
	if len(page) < 90<<10 || len(page) > 150<<10 {
		t.Fatalf("benchmark page is %d KB, want 90 to 150", len(page)>>10)
	}
	p, err := Extract(page, Options{})
	if err != nil || len(p.Paragraphs) < 5 {
		t.Fatalf("benchmark page extracts to %d paragraphs, err %v", len(p.Paragraphs), err)
	}
}
