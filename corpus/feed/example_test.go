package feed_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"

	"github.com/pmureader/pmureader/corpus/feed"
	"github.com/pmureader/pmureader/corpus/fetch"
)

// Example: fetch a feed, parse it, and fetch it again conditionally, the
// way pmureader add and update use the two packages. The feed comes from a
// loopback server; its relative links resolve against the site.
func Example() {
	data, err := os.ReadFile("testdata/rss2.xml")
	if err != nil {
		panic(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"w1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"w1"`)
		w.Header().Set("Content-Type", "text/xml") // generic: the body decides
		_, _ = w.Write(data)
	}))
	defer srv.Close()

	ctx := context.Background()
	c := fetch.New(fetch.Options{UserAgent: fetch.UserAgent("1.0"), Transport: &http.Transport{}})
	resp, err := c.Get(ctx, srv.URL+"/world.rss", fetch.Validators{})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Kind, f.Format, f.Title)
	for _, it := range f.Items {
		how := "fetch the link"
		if it.Full {
			how = "use the content"
		}
		fmt.Printf("%s | %s | %s\n", it.Title, it.Link, how)
	}

	again, err := c.Get(ctx, srv.URL+"/world.rss", resp.Validators)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("not modified:", again.NotModified)
	// Output:
	// feed RSS 2.0 The Harbour Gazette — World
	// Strikes hit five sites near the border – officials | https://news.example.org/world/2019/12/29/strikes-border | use the content
	// Markets steady as “calm” returns | https://news.example.org/business/2019/12/30/markets-steady?utm_source=rss&region=eu | fetch the link
	// Analysis: what the strikes change | https://news.example.org/analysis/strikes-change | use the content
	// Raw markup in a description | https://news.example.org/world/raw | fetch the link
	// not modified: true
}
