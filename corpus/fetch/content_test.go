package fetch

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

var (
	pdfBody  = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"
	pngBody  = "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
	atomBody = `<?xml version="1.0" encoding="utf-8"?><!-- generator --><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`
	rdfBody  = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>`
	opmlBody = `<?xml version="1.0"?><opml version="2.0"><body><outline xmlUrl="http://a/feed"/></body></opml>`
	jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}`
	xhtml    = `<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		header, body string
		want         ContentKind
	}{
		{"text/html; charset=utf-8", page, ContentHTML},
		{"text/html", "just words, the header is trusted", ContentHTML},
		{"", page, ContentHTML},
		{"", "\xef\xbb\xbf\n  <html><p>x</p></html>", ContentHTML},
		{"application/octet-stream", "<!-- c --><html lang=en><p>x", ContentHTML},
		{"text/plain", "<div><p>a fragment</p></div>", ContentHTML},
		{"application/xhtml+xml", xhtml, ContentHTML},
		{"text/xml", xhtml, ContentHTML},
		{"application/rss+xml", rssDoc, ContentFeed},
		{"text/xml", rssDoc, ContentFeed},
		{"text/html", rssDoc, ContentFeed}, // misconfigured servers
		{"", atomBody, ContentFeed},
		{"application/octet-stream", rdfBody, ContentFeed},
		{"application/json", jsonFeed, ContentFeed},
		{"", jsonFeed, ContentFeed},
		{"application/feed+json", `{"version": "https://jsonfeed.org/version/1", broken`, ContentFeed},
		{"text/x-opml", opmlBody, ContentOPML},
		{"text/xml", opmlBody, ContentOPML},
		{"application/atom+xml", "<?xml version='1.0'?><!-- the root is cut off", ContentFeed},
	} {
		got, err := Classify(tc.header, []byte(tc.body))
		if err != nil || got != tc.want {
			t.Errorf("Classify(%q, %.40q) = %v, %v; want %v", tc.header, tc.body, got, err, tc.want)
		}
	}
}

func TestClassifyRefuses(t *testing.T) {
	for _, tc := range []struct{ header, body, reason string }{
		{"application/pdf", pdfBody, "a PDF document (application/pdf), not a web page or feed"},
		{"text/html", pdfBody, "a PDF document (application/pdf), not a web page or feed"},
		{"", pdfBody, "a PDF document (application/pdf), not a web page or feed"},
		{"image/png", pngBody, "an image (image/png), not a web page or feed"},
		{"application/octet-stream", pngBody, "an image (image/png), not a web page or feed"},
		{"image/jpeg", "not really a jpeg", "an image (image/jpeg), not a web page or feed"},
		{"application/zip", "PK\x03\x04....", "content type application/zip, not a web page or feed"},
		{"video/mp4", "....", "a video (video/mp4), not a web page or feed"},
		{"text/plain", "Just some words.", "plain text (text/plain), not a web page or feed"},
		{"", "Just some words.", "plain text (text/plain), not a web page or feed"},
		{"application/json", `{"data": [1, 2]}`, "JSON that is not a JSON Feed, not a web page or feed"},
		{"text/xml", `<?xml version="1.0"?><urlset><url/></urlset>`, "an XML document (<urlset>), not a web page or feed"},
		{"text/html", "   \n", "empty response"},
		{"application/\x1b[31mevil", "...", "not a web page or feed"},
	} {
		_, err := Classify(tc.header, []byte(tc.body))
		wantError(t, err, ErrContentType, "", tc.reason)
		if e := (*Error)(nil); !errors.As(err, &e) || e.URL != "" {
			t.Errorf("Classify gave a URL %q", e.URL)
		}
	}
}

// TestGetRefusesContent: Get names the URL in a refusal.
func TestGetRefusesContent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			_, _ = w.Write([]byte(pdfBody))
		case "/photo":
			w.Header().Set("Content-Type", "image/png")
			_, _ = w.Write([]byte(pngBody))
		}
	}))
	defer srv.Close()
	c := testClient(Options{})
	for path, reason := range map[string]string{
		"/report.pdf": "a PDF document (application/pdf), not a web page or feed",
		"/photo":      "an image (image/png), not a web page or feed",
	} {
		u := srv.URL + path
		_, err := c.Get(testCtx(t), u, Validators{})
		wantError(t, err, ErrContentType, u, reason)
		if err != nil && err.Error() != u+": "+reason {
			t.Errorf("message %q", err)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1&region=2": "https://example.org/a?b=1&region=2",
		"https://example.org/ünïcode/مرحبا":  "https://example.org/ünïcode/مرحبا",
		"http://x/\x1b[2J\x07":               "http://x/%1B[2J%07",
		"http://x/\u202eevil\u2066":          "http://x/%E2%80%AEevil%E2%81%A6",
		"http://x/\u0085\u2028\ufeff\u200b":  "http://x/%C2%85%E2%80%A8%EF%BB%BF%E2%80%8B",
		"http://x/\xff\xfe":                  "http://x/%FF%FE",
		"http://x/a\nb\tc\x7f":               "http://x/a%0Ab%09c%7F",
	} {
		if got := SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorKinds(t *testing.T) {
	for k := ErrBadURL; k <= ErrCanceled; k++ {
		if s := k.Error(); s == "" || strings.HasPrefix(s, "fetch error") {
			t.Errorf("kind %d has no name", k)
		}
	}
	if KindOf(nil) != 0 || KindOf(ErrTimeout) != 0 {
		t.Error("KindOf of a non-*Error")
	}
	e := &Error{URL: "http://x/", Kind: ErrTooLarge, Reason: "larger than 10 MB"}
	if KindOf(e) != ErrTooLarge || e.Error() != "http://x/: larger than 10 MB" {
		t.Errorf("%v %q", KindOf(e), e)
	}
	for n, want := range map[int64]string{10 << 20: "10 MB", 1 << 30: "1 GB", 1536: "1536 bytes",
		512 << 10: "512 KB", 1000: "1000 bytes", 3 << 20: "3 MB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
	for d, want := range map[time.Duration]string{30 * time.Second: "30 s", 200 * time.Millisecond: "0.2 s",
		1500 * time.Millisecond: "1.5 s"} {
		if got := seconds(d); got != want {
			t.Errorf("seconds(%v) = %q, want %q", d, got, want)
		}
	}
}
