package sources

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/library"
)

// A web site written for the tests, served on loopback: article pages,
// feeds of every format, an OPML list, and every kind of bad answer the
// issue names. Nothing here reaches the internet.

// pageHTML is an article page: headline, site name, author, date, a
// canonical address, chrome around the text, and paras paragraphs.
func pageHTML(n int, canonical string, paras int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Story number %d | The Test Gazette</title>
<meta property="og:site_name" content="The Test Gazette">
<meta property="og:title" content="Story number %d">
<meta name="author" content="Jane Writer">
<meta property="article:published_time" content="2024-03-0%dT10:00:00Z">
<link rel="canonical" href="%s">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Story number %d</h1>
`, n, n, 1+n%9, html.EscapeString(canonical), n)
	for i := range paras {
		fmt.Fprintf(&b, "<p>Paragraph %d of story %d reports that officials in the capital said on Tuesday that %d people were evacuated after the river rose above its banks, and that relief convoys reached the northern districts before nightfall.</p>\n", i+1, n, 100+n*7+i)
	}
	b.WriteString(`</article>
<aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
<footer>Copyright The Test Gazette</footer></body></html>`)
	return b.String()
}

// fullText is a feed item's whole article: well over feed.FullArticleWords.
func fullText(n int) string {
	var b strings.Builder
	for i := range 6 {
		fmt.Fprintf(&b, "<p>Full item %d, paragraph %d: the council voted on Monday to rebuild the old bridge over the river, at a cost the mayor put at %d million, after engineers found cracks in two of its piers during an inspection last winter.</p>", n, i+1, 10+n+i)
	}
	return b.String()
}

// site is the test server and what it counts.
type site struct {
	*httptest.Server
	hits      atomic.Int64 // requests to /page/
	feedHits  atomic.Int64 // requests to the feeds
	notModify atomic.Int64 // 304s answered
	items     atomic.Int64 // items of /grow.xml
}

func newSite(t testing.TB) *site {
	t.Helper()
	s := &site{}
	s.items.Store(2)
	mux := http.NewServeMux()
	mux.HandleFunc("/page/{n}", func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		n, err := strconv.Atoi(r.PathValue("n"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pageHTML(n, "http://"+r.Host+"/page/"+r.PathValue("n"), 4))
	})
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rssFeed("http://"+r.Host, "The Test Gazette", 1, 2, 3))
	})
	mux.HandleFunc("/grow.xml", s.growFeed)
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		w.Header().Set("Content-Type", "application/atom+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title><id>urn:atom</id><updated>2024-03-01T00:00:00Z</updated>
<entry><title>Atom story</title><id>urn:atom:1</id><link href="http://%s/page/21"/><updated>2024-03-02T00:00:00Z</updated><summary>Short.</summary></entry>
</feed>`, r.Host)
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		w.Header().Set("Content-Type", "application/feed+json")
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"JSON Daily","items":[{"id":"j1","url":"http://%s/page/31","title":"JSON story"}]}`, r.Host)
	})
	mux.HandleFunc("/rss1.rdf", func(w http.ResponseWriter, r *http.Request) {
		s.feedHits.Add(1)
		w.Header().Set("Content-Type", "application/rdf+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="http://%[1]s/"><title>RDF Weekly</title><link>http://%[1]s/</link><description>d</description></channel>
<item rdf:about="http://%[1]s/page/41"><title>RDF story</title><link>http://%[1]s/page/41</link></item>
</rdf:RDF>`, r.Host)
	})
	mux.HandleFunc("/list.opml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/x-opml")
		fmt.Fprintf(w, `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News"><outline text="Atom" type="rss" xmlUrl="http://%[1]s/atom.xml"/>
<outline text="JSON" type="rss" xmlUrl="http://%[1]s/feed.json"/></outline></body></opml>`, r.Host)
	})
	s.addBadPages(mux)
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// rssFeed is an RSS 2.0 feed whose first item carries its whole text and
// whose others link to pages of the site.
func rssFeed(base, title string, full int, links ...int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>%s/</link><description>News</description>`, title, base)
	if full > 0 {
		fmt.Fprintf(&b, `<item><title>Full item %d</title><guid>full-%d</guid><link>%s/full/%d</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate><author>desk@example.org (News Desk)</author><description>%s</description></item>`,
			full, full, base, full, html.EscapeString(fullText(full)))
	}
	for _, n := range links {
		fmt.Fprintf(&b, `<item><title>Linked item %d</title><guid>link-%d</guid><link>%s/page/%d</link><description>A teaser…</description></item>`, n, n, base, n)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// growFeed is a feed that honours conditional requests and grows by one
// linked item each time s.items is raised.
func (s *site) growFeed(w http.ResponseWriter, r *http.Request) {
	s.feedHits.Add(1)
	n := s.items.Load()
	etag := fmt.Sprintf(`"v%d"`, n)
	if r.Header.Get("If-None-Match") == etag {
		s.notModify.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	links := make([]int, 0, n)
	for i := range int(n) {
		links = append(links, 50+i)
	}
	fmt.Fprint(w, rssFeed("http://"+r.Host, "Growing Gazette", 0, links...))
}

// addBadPages serves every bad answer: statuses, a redirect loop, a body
// too large, documents that are not pages, pages without text, feeds
// without items or broken, and a hostile page.
func (s *site) addBadPages(mux *http.ServeMux) {
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop2", http.StatusFound)
	})
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>"+strings.Repeat("big ", 300_000)+"</p></body></html>")
	})
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	})
	mux.HandleFunc("/notext", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><title>Nothing</title><script>var x = 1;</script></head><body><script>render()</script></body></html>`)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><head><title>Broken markup</title><body><div><p>This page never closes its tags and nests them wrongly <b><i>but</b></i> it still says that the river rose above its banks on Tuesday night, flooding two villages.<p>A second paragraph follows without the first being closed, saying that relief convoys reached the villages by morning.<div><table><tr><td>`)
	})
	mux.HandleFunc("/empty.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title><link>http://x/</link><description>d</description></channel></rss>`)
	})
	mux.HandleFunc("/malformed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>Cut short</title>\n<item><title>One</title><link>http://"+r.Host+"/page/1</link></item>\n<item>\n<title>Two")
	})
	mux.HandleFunc("/hostile", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, hostilePage)
	})
}

// hostilePage carries escape sequences (raw and as entities), bidi
// controls and entities in its title and text.
const hostilePage = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Evil \x1b]0;pwned\x07 title &#x1b;[31mRED&#27;[0m \u202eevil\u202c</title>" +
	"<meta property=\"og:site_name\" content=\"Bad &#x9b;Outlet\x1b[2J\"></head><body><article><h1>Evil \x1b]0;pwned\x07 title</h1>" +
	"<p>First paragraph with an OSC 52 \x1b]52;c;cHduZWQ=\x07 clipboard write and &#27;[2J a clear, &amp; an ampersand, \u202ereversed\u202c text and enough words to count as a paragraph of the article body here.</p>" +
	"<p>Second paragraph of the hostile page: \x07 bell, \x08 backspace, &#x85; next line, and still more ordinary words so that the extractor keeps it.</p>" +
	"</article></body></html>"

// testSources returns a library in a temp folder and a Sources for it
// whose client talks to loopback without a proxy, with short timeouts.
func testSources(t testing.TB, fo fetch.Options) (*Sources, *library.Library) {
	t.Helper()
	lib, err := library.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"), library.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	if fo.Transport == nil {
		fo.Transport = &http.Transport{}
	}
	if fo.Timeout == 0 {
		fo.Timeout = 5 * time.Second
	}
	if fo.Resolver == nil {
		fo.Resolver = noDNS()
	}
	return New(lib, Options{Client: fetch.New(fo)}), lib
}

// noDNS is a resolver that reaches no server: every name fails to
// resolve (loopback addresses need none).
func noDNS() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(context.Context, string, string) (net.Conn, error) {
		return nil, errors.New("no DNS in tests")
	}}
}

// newTLSSite is a page served over TLS with a certificate no client
// trusts, and returns its address.
func newTLSSite(t testing.TB) string {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, pageHTML(1, "https://"+r.Host+"/", 2))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
