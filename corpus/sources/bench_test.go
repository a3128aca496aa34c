package sources

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/fetch"
)

// typicalPage is article n grown to the size of a real news page (about
// 110 KB, like corpus/webpage's BenchmarkExtract page): an inline state
// blob and stylesheet, a mega menu of 300 links, 20 paragraphs.
func typicalPage(n int, canonical string) string {
	var state, style, menu strings.Builder
	state.WriteString(`<script>window.__STATE__={"articles":[`)
	for i := 0; state.Len() < 45<<10; i++ {
		fmt.Fprintf(&state, `{"id":%d,"headline":"Story number %d about something","url":"/news/%d"},`, i, i, i)
	}
	state.WriteString(`{}]};</script>`)
	for i := 0; style.Len() < 20<<10; i++ {
		fmt.Fprintf(&style, ".c%d{margin:%dpx 0;padding:0 %dpx}\n", i, i%40, i%17)
	}
	menu.WriteString(`<nav class="mega-menu"><ul>`)
	for i := range 300 {
		fmt.Fprintf(&menu, `<li><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	menu.WriteString(`</ul></nav>`)
	page := pageHTML(n, canonical, 20)
	page = strings.Replace(page, "</head>", state.String()+"<style>"+style.String()+"</style></head>", 1)
	return strings.Replace(page, "<nav>", menu.String()+"<nav>", 1)
}

// BenchmarkAdd100 adds 100 typical pages from a local server into a new
// library: every request, extraction and the transactions that store
// them. Target: 5 s on the 2-core reference machine.
func BenchmarkAdd100(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/page/%d", &n); err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, typicalPage(n, "http://"+r.Host+r.URL.Path))
	}))
	b.Cleanup(srv.Close)
	urls := make([]string, 100)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/page/%d", srv.URL, 1000+i)
	}
	for b.Loop() {
		b.StopTimer()
		s, lib := testSources(b, fetch.Options{})
		b.StartTimer()
		rep, err := s.Add(context.Background(), urls, nil)
		if err != nil || len(rep.Added) != 100 {
			b.Fatalf("added %d: %v %v", len(rep.Added), err, rep.Failures)
		}
		b.StopTimer()
		lib.Close()
		b.StartTimer()
	}
}
