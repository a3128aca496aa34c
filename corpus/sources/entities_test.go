package sources

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/internal/texttest"
)

// TestAddDecodesNoLegacyEntityInAddresses is issue 12 item 1 for pages
// added from the web: an address is never entity-decoded, whether it is
// the page's canonical address (as written in the markup, "&" bare before
// a legacy name, as the New York Times' "…&pgtype=Article&region=Footer")
// or the address fetched, for a page that names none.
func TestAddDecodesNoLegacyEntityInAddresses(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/canon/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, strings.Replace(pageHTML(1, "CANON", 3), `href="CANON"`, `href="`+legacyAddress(name)+`"`, 1))
	})
	mux.HandleFunc("/bare", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := strings.Replace(pageHTML(2, "x", 3), `<link rel="canonical" href="x">`, "", 1)
		// Each page its own text, or they would be one article.
		fmt.Fprint(w, strings.Replace(page, "Paragraph 1 of", html.EscapeString(r.URL.RawQuery)+" Paragraph 1 of", 1))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	s, _ := testSources(t, fetch.Options{})
	var refs []string
	want := map[string]string{} // ref -> the article's address
	for _, name := range texttest.LegacyEntityNames {
		ref := srv.URL + "/canon/" + name
		refs = append(refs, ref)
		want[ref] = legacyAddress(name)
		bare := srv.URL + "/bare?action=click&pgtype=Article&" + name + "ion=Footer"
		refs = append(refs, bare)
		want[bare] = bare
	}
	rep := mustAdd(t, s, refs...)
	if len(rep.Failures) > 0 || len(rep.Added) != len(refs) {
		t.Fatalf("added %d of %d, failures %v", len(rep.Added), len(refs), rep.Failures)
	}
	for _, a := range rep.Added {
		if a.Article.URL != want[a.From] {
			t.Errorf("%s: url %q, want %q", a.From, a.Article.URL, want[a.From])
		}
	}
}

// legacyAddress is an address whose query has "&" + a legacy entity name
// + "ion=Footer".
func legacyAddress(name string) string {
	return "https://www.nytimes.com/2024/03/15/world/x.html?action=click&pgtype=Article&" + name + "ion=Footer"
}
