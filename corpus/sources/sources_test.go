package sources

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/feed"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/webpage"
)

func ctxT(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// mustAdd adds refs and fails the test on an error (not on failures).
func mustAdd(t *testing.T, s *Sources, refs ...string) Report {
	t.Helper()
	rep, err := s.Add(ctxT(t), refs, nil)
	if err != nil {
		t.Fatalf("Add(%q): %v", refs, err)
	}
	return rep
}

func TestAddPage(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	url := site.URL + "/page/1"
	rep := mustAdd(t, s, url)
	if len(rep.Failures) > 0 || len(rep.Added) != 1 {
		t.Fatalf("added %d, failures %v", len(rep.Added), rep.Failures)
	}
	rec, err := lib.Get(ctxT(t), rep.Added[0].Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	a := rec.Article
	if a.Title != "Story number 1" || a.Outlet != "The Test Gazette" || a.Author != "Jane Writer" || a.Format != "html" {
		t.Errorf("metadata: title %q outlet %q author %q format %q", a.Title, a.Outlet, a.Author, a.Format)
	}
	if a.Date.String() != "2024-03-02" || a.Date.Precision != corpus.PrecisionDay {
		t.Errorf("date %v (%s)", a.Date, a.Date.Precision)
	}
	if a.URL != url {
		t.Errorf("url %q, want the canonical %q", a.URL, url)
	}
	if len(a.Body) != 4 || !strings.HasPrefix(a.Body[0].Text, "Paragraph 1 of story 1") {
		t.Fatalf("body: %d paragraphs: %+v", len(a.Body), a.Body)
	}
	if a.Body[0].Source.File != url || a.Body[0].Source.StartLine == 0 {
		t.Errorf("paragraph source %+v", a.Body[0].Source)
	}
	var chrome []string
	for _, l := range a.Raw {
		if l.Role == corpus.RoleChrome {
			chrome = append(chrome, l.Why)
		}
	}
	if !strings.Contains(strings.Join(chrome, "|"), "navigation") || !strings.Contains(strings.Join(chrome, "|"), "related") {
		t.Errorf("raw view lacks the dropped navigation and related links: %q", chrome)
	}
	if rec.FetchedFrom != url || rec.FetchedAt.IsZero() || !rec.HasHTML {
		t.Errorf("fetched from %q at %v, html %v", rec.FetchedFrom, rec.FetchedAt, rec.HasHTML)
	}
	raw, err := lib.HTML(ctxT(t), a.ID)
	if err != nil || !strings.Contains(string(raw), "<article><h1>Story number 1") {
		t.Errorf("stored HTML: %v %.80q", err, raw)
	}
}

func TestAddRSSFeed(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	feedURL := site.URL + "/rss.xml"
	rep := mustAdd(t, s, feedURL)
	if len(rep.Failures) > 0 || len(rep.Added) != 3 {
		t.Fatalf("added %d, failures %v", len(rep.Added), rep.Failures)
	}
	if got := site.hits.Load(); got != 2 {
		t.Errorf("%d pages fetched; want the 2 linked items only (the full item is in the feed)", got)
	}
	byTitle := map[string]*corpus.Article{}
	for _, ad := range rep.Added {
		byTitle[ad.Article.Title] = ad.Article
	}
	full := byTitle["Full item 1"]
	if full == nil {
		t.Fatalf("no article from the full item: %v", byTitle)
	}
	if full.Outlet != "The Test Gazette" || full.Date.String() != "2024-03-04" || len(full.Body) != 6 {
		t.Errorf("full item: outlet %q date %v, %d paragraphs", full.Outlet, full.Date, len(full.Body))
	}
	if full.URL != site.URL+"/full/1" {
		t.Errorf("full item url %q", full.URL)
	}
	if byTitle["Story number 2"] == nil || byTitle["Story number 3"] == nil {
		t.Errorf("linked items not added from their pages: %v", byTitle)
	}
	feeds, err := lib.Feeds(ctxT(t))
	if err != nil || len(feeds) != 1 || feeds[0].URL != feedURL || feeds[0].Title != "The Test Gazette" {
		t.Fatalf("feeds followed: %+v %v", feeds, err)
	}
	if len(rep.Feeds) != 1 || rep.Feeds[0].Items != 3 || rep.Feeds[0].New != 3 {
		t.Errorf("feed report %+v", rep.Feeds)
	}
	// Adding it again takes nothing: every item was taken.
	rep = mustAdd(t, s, feedURL)
	if len(rep.Added) != 0 || rep.Feeds[0].New != 0 || site.hits.Load() != 2 {
		t.Errorf("second add: added %d, new %d, pages fetched %d", len(rep.Added), rep.Feeds[0].New, site.hits.Load())
	}
}

func TestUpdateFetchesOnlyWhatIsNew(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	rep := mustAdd(t, s, site.URL+"/grow.xml")
	if len(rep.Added) != 2 || site.hits.Load() != 2 {
		t.Fatalf("first add: %d added, %d pages, failures %v", len(rep.Added), site.hits.Load(), rep.Failures)
	}
	rep, err := s.Update(ctxT(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if site.notModify.Load() != 1 || len(rep.Feeds) != 1 || !rep.Feeds[0].NotModified || len(rep.Added) != 0 || site.hits.Load() != 2 {
		t.Fatalf("unchanged feed: 304s %d, report %+v, pages %d", site.notModify.Load(), rep.Feeds, site.hits.Load())
	}
	site.items.Store(3)
	rep, err = s.Update(ctxT(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 1 || site.hits.Load() != 3 || rep.Feeds[0].New != 1 {
		t.Fatalf("grown feed: added %d, pages %d, report %+v, failures %v", len(rep.Added), site.hits.Load(), rep.Feeds, rep.Failures)
	}
	if n, _ := lib.Count(ctxT(t)); n != 3 {
		t.Errorf("library holds %d articles, want 3", n)
	}
	feeds, _ := lib.Feeds(ctxT(t))
	if feeds[0].ETag != `"v3"` || feeds[0].LastFetched.IsZero() || feeds[0].LastError != "" {
		t.Errorf("feed after update: %+v", feeds[0])
	}
}

func TestAddEveryFeedFormatAndOPML(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	rep := mustAdd(t, s, site.URL+"/rss1.rdf", site.URL+"/list.opml")
	if len(rep.Failures) > 0 {
		t.Fatalf("failures: %v", rep.Failures)
	}
	titles := map[string]bool{}
	for _, a := range rep.Added {
		titles[a.Article.Title] = true
	}
	for _, want := range []string{"Story number 21", "Story number 31", "Story number 41"} {
		if !titles[want] {
			t.Errorf("%q not added (RSS 1.0, and Atom and JSON Feed through the OPML list): %v", want, titles)
		}
	}
	feeds, _ := lib.Feeds(ctxT(t))
	var urls []string
	for _, f := range feeds {
		urls = append(urls, strings.TrimPrefix(f.URL, site.URL))
	}
	slices.Sort(urls)
	if strings.Join(urls, " ") != "/atom.xml /feed.json /rss1.rdf" {
		t.Errorf("feeds followed: %q", urls)
	}
}

func TestAddDuplicatesStoredOnce(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	first := mustAdd(t, s, site.URL+"/page/7")
	rep := mustAdd(t, s, site.URL+"/page/7?utm_source=newsletter", site.URL+"/page/7")
	if len(rep.Added) != 0 || len(rep.Duplicates) != 2 {
		t.Fatalf("added %d, duplicates %+v", len(rep.Added), rep.Duplicates)
	}
	for _, d := range rep.Duplicates {
		if d.Existing != first.Added[0].Article.ID {
			t.Errorf("duplicate of %q, want %q", d.Existing, first.Added[0].Article.ID)
		}
	}
	if n, _ := lib.Count(ctxT(t)); n != 1 {
		t.Errorf("library holds %d articles", n)
	}
}

// Every kind of bad input the issue names gives one failure naming the
// address, in plain words, and stores nothing.
func TestBadInputStoresNothing(t *testing.T) {
	site := newSite(t)
	tlsSite := newTLSSite(t)
	missingFile := filepath.Join(t.TempDir(), "missing.html")
	cases := []struct {
		name, ref string
		fo        fetch.Options
		is        error
		says      string
	}{
		{"unreachable host", "http://127.0.0.1:1/", fetch.Options{}, fetch.ErrConnect, ""},
		{"DNS failure", "http://no-such-host.test/page", fetch.Options{}, fetch.ErrDNS, "no-such-host.test"},
		{"TLS error", tlsSite + "/", fetch.Options{}, fetch.ErrTLS, ""},
		{"HTTP 404", site.URL + "/missing", fetch.Options{}, fetch.ErrStatus, "404"},
		{"HTTP 500", site.URL + "/error", fetch.Options{}, fetch.ErrStatus, "500"},
		{"timeout", site.URL + "/slow", fetch.Options{Timeout: 300 * time.Millisecond}, fetch.ErrTimeout, "timeout after"},
		{"redirect loop", site.URL + "/loop", fetch.Options{}, fetch.ErrRedirectLoop, ""},
		{"too large", site.URL + "/big", fetch.Options{MaxBytes: 100 << 10}, fetch.ErrTooLarge, ""},
		{"PDF", site.URL + "/doc.pdf", fetch.Options{}, fetch.ErrContentType, "PDF"},
		{"image", site.URL + "/photo.png", fetch.Options{}, fetch.ErrContentType, "image"},
		{"no text", site.URL + "/notext", fetch.Options{}, webpage.ErrNoText, "no readable text"},
		{"feed without items", site.URL + "/empty.xml", fetch.Options{}, feed.ErrNoItems, "no items"},
		{"malformed feed", site.URL + "/malformed.xml", fetch.Options{}, feed.ErrMalformed, "line"},
		{"other scheme", "ftp://example.org/x", fetch.Options{}, nil, "only http and https"},
		{"missing file", missingFile, fetch.Options{}, nil, "no such file"},
		{"host without scheme", "example.org/news/1", fetch.Options{}, nil, "https://example.org/news/1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, lib := testSources(t, c.fo)
			rep := mustAdd(t, s, c.ref)
			if len(rep.Failures) != 1 || len(rep.Added) != 0 {
				t.Fatalf("failures %v, added %d", rep.Failures, len(rep.Added))
			}
			err := rep.Failures[0]
			msg := err.Error()
			t.Log(msg)
			if !strings.HasPrefix(msg, safeRef(c.ref)+": ") {
				t.Errorf("message %q does not start with %q", msg, c.ref)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("%q is not %v", msg, c.is)
			}
			if !strings.Contains(msg, c.says) || !textnorm.Safe(msg) || strings.Contains(msg, "\n") {
				t.Errorf("message %q: want one safe line saying %q", msg, c.says)
			}
			if n, _ := lib.Count(ctxT(t)); n != 0 {
				t.Errorf("%d articles stored", n)
			}
			if fs, _ := lib.Feeds(ctxT(t)); len(fs) != 0 {
				t.Errorf("feeds followed: %+v", fs)
			}
		})
	}
}

func TestBrokenAndHostilePages(t *testing.T) {
	site := newSite(t)
	s, _ := testSources(t, fetch.Options{})
	rep := mustAdd(t, s, site.URL+"/broken", site.URL+"/hostile")
	if len(rep.Failures) > 0 || len(rep.Added) != 2 {
		t.Fatalf("added %d, failures %v", len(rep.Added), rep.Failures)
	}
	broken, hostile := rep.Added[0].Article, rep.Added[1].Article
	if broken.Title != "Broken markup" || len(broken.Body) < 2 || !strings.Contains(broken.Body[1].Text, "relief convoys") {
		t.Errorf("broken page: %q, %+v", broken.Title, broken.Body)
	}
	fields := []string{hostile.Title, hostile.Outlet, hostile.Author, hostile.Dek, hostile.URL}
	for _, p := range hostile.Body {
		fields = append(fields, p.Text)
	}
	for _, l := range hostile.Raw {
		fields = append(fields, l.Text, l.Why)
	}
	for _, f := range fields {
		if !textnorm.Safe(f) || strings.ContainsAny(f, "\x1b\x07\u009b\u202e\u202c") {
			t.Errorf("unsafe field %q", f)
		}
	}
	if !strings.Contains(hostile.Title, "^[]0;pwned^G") || !strings.Contains(hostile.Body[0].Text, "^[]52;c;") {
		t.Errorf("escape sequences not shown for what they are: %q / %q", hostile.Title, hostile.Body[0].Text)
	}
	if !strings.Contains(hostile.Body[0].Text, "& an ampersand") {
		t.Errorf("entity not decoded: %q", hostile.Body[0].Text)
	}
}

func TestAddFiles(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := write("saved-page.html", pageHTML(5, "https://gazette.example/5", 3))
	txt := write("note.txt", "A Headline For The Note\n\nThe body of the note says that the council met on Monday and voted to rebuild the bridge.\n")
	opml := write("subs.opml", `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><outline text="Atom" xmlUrl="`+site.URL+`/atom.xml"/></body></opml>`)
	empty := write("empty.html", "  \n")
	rep := mustAdd(t, s, page, txt, opml, empty)
	ids := map[string]string{}
	for _, a := range rep.Added {
		ids[a.Article.ID] = a.Article.Title
	}
	if ids["saved-page"] != "Story number 5" || ids["note"] == "" || !strings.Contains(strings.Join(mapValues(ids), "|"), "Story number 21") {
		t.Errorf("added %v", ids)
	}
	if len(rep.Failures) != 1 || !strings.HasPrefix(rep.Failures[0].Error(), empty+": empty file") {
		t.Errorf("failures %v", rep.Failures)
	}
	rec, err := lib.Get(ctxT(t), "saved-page")
	if err != nil || rec.FetchedFrom != "" || !rec.HasHTML || rec.Article.Body[0].Source.File != page {
		t.Errorf("saved page stored as %+v, %v", rec, err)
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func TestProgressCountsEveryRequest(t *testing.T) {
	site := newSite(t)
	s, _ := testSources(t, fetch.Options{})
	var got []Progress
	_, err := s.Add(ctxT(t), []string{site.URL + "/rss.xml", site.URL + "/page/9", site.URL + "/missing"}, func(p Progress) { got = append(got, p) })
	if err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	// Three addresses, then the feed's two linked items.
	if last.Done != 5 || last.Total != 5 || last.Failed != 1 || last.Added != 4 {
		t.Errorf("last progress %+v", last)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Done < got[i-1].Done || got[i].Done > got[i].Total {
			t.Errorf("progress went %+v then %+v", got[i-1], got[i])
		}
	}
}

func TestClassify(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		ref  string
		kind RefKind
		err  string
	}{
		{"https://example.org/a", RefURL, ""},
		{"HTTP://EXAMPLE.ORG/", RefURL, ""},
		{"http://", 0, "not a valid web address"},
		{dir, RefFile, ""},
		{"javascript://alert(1)", 0, "javascript addresses are not read"},
		{"notes.md", 0, "no such file or directory"},
		{"www.example.co.uk", 0, "https://www.example.co.uk"},
	} {
		kind, err := Classify(c.ref)
		if kind != c.kind || (err == nil) != (c.err == "") || err != nil && !strings.Contains(err.Error(), c.err) {
			t.Errorf("Classify(%q) = %v, %v; want %v, %q", c.ref, kind, err, c.kind, c.err)
		}
	}
}

// The library's own errors stop an add: a cancelled context stores
// nothing and says so.
func TestAddCancelled(t *testing.T) {
	site := newSite(t)
	s, lib := testSources(t, fetch.Options{})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := s.Add(ctx, []string{site.URL + "/page/1"}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	if n, _ := lib.Count(context.Background()); n != 0 {
		t.Errorf("%d stored", n)
	}
}
