package sources

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/fetch"
)

// untitledPage has no headline anywhere (the title is made from the body),
// a date line opening the text, a newsletter box and a share bar (dropped,
// with the markup they were read from), a description that is not the
// first paragraph, and a canonical address with an entity in its query.
const untitledPage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="description" content="Floods in the north: what we know so far.">
<meta property="og:site_name" content="Northern Echo Daily">
<link rel="canonical" href="https://echo.example/floods?id=7&amp;region=north">
</head><body>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<main>
<p>March 15, 2024</p>
<p>Rescue teams reached the flooded villages of the northern valley on Friday, two days after the river burst its banks, and began moving about 2,000 residents to schools on higher ground.</p>
<h2>Roads cut</h2>
<p>The main road to the valley remained closed, the regional police said, and supplies were being brought in by boat and by helicopter from the airfield at Kessel.</p>
<p>Officials said the water had begun to fall overnight but warned that more rain was forecast for the weekend across the whole of the province.</p>
</main>
<div class="newsletter-signup"><p>Sign up for our morning newsletter and get the day's news in your inbox.</p><form><input type="email"></form></div>
<footer>© Northern Echo Daily</footer>
</body></html>`

// TestAddedPageEqualsLoadedPage: a page added from the web and the same
// bytes saved to a file and loaded as a corpus are the same article (one
// mapping of a page onto an article, corpus.ArticleFromHTML), all but
// what says where it came from: its id (the library gives a fetched page
// one) and the source it cites (the address or the path).
func TestAddedPageEqualsLoadedPage(t *testing.T) {
	pages := map[string]string{
		"gazette":  pageHTML(3, "https://gazette.example/stories/3", 4),
		"untitled": untitledPage,
		"typical":  typicalPage(5, "https://typical.example/news/5"),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/p/{name}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, pages[r.PathValue("name")])
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			s, lib := testSources(t, fetch.Options{})
			rep := mustAdd(t, s, srv.URL+"/p/"+name)
			if len(rep.Added) != 1 {
				t.Fatalf("added %d, failures %v", len(rep.Added), rep.Failures)
			}
			rec, err := lib.Get(ctxT(t), rep.Added[0].Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name+".html")
			if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := corpus.Load(ctxT(t), []string{path}, corpus.Options{})
			if err != nil || len(c.Articles) != 1 {
				t.Fatalf("load %s: %v, %d articles", path, err, len(c.Articles))
			}
			added, loaded := withoutOrigin(rec.Article), withoutOrigin(c.Articles[0])
			if !reflect.DeepEqual(added, loaded) {
				t.Errorf("added from the web:\n%+v\nloaded from %s:\n%+v", added, path, loaded)
			}
		})
	}
}

// withoutOrigin is a copy of a without what tells where it came from: its
// id and the file or address each span cites (line numbers stay).
func withoutOrigin(a *corpus.Article) corpus.Article {
	c := *a
	c.ID = ""
	c.Source.File = ""
	c.Body = append([]corpus.Paragraph(nil), a.Body...)
	for i := range c.Body {
		c.Body[i].Source.File = ""
	}
	return c
}
