package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

const page = `<!DOCTYPE html><html><head><title>Strikes</title></head><body><p>Text.</p></body></html>`

const rssDoc = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` +
	`<item><title>A</title><link>https://example.org/a</link></item></channel></rss>`

func TestGetPage(t *testing.T) {
	var gotUA, gotAccept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAccept = r.Header.Get("User-Agent"), r.Header.Get("Accept")
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Sun, 29 Dec 2019 10:00:00 GMT")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	c := testClient(Options{UserAgent: UserAgent("1.2.3")})
	r, err := c.Get(testCtx(t), srv.URL+"/a", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Body) != page || r.Kind != ContentHTML || r.Status != 200 || r.URL != srv.URL+"/a" {
		t.Errorf("got %+v", r)
	}
	if r.ContentType != "text/html" || r.Charset != "iso-8859-1" {
		t.Errorf("content type %q charset %q", r.ContentType, r.Charset)
	}
	if r.Validators != (Validators{ETag: `"v1"`, LastModified: "Sun, 29 Dec 2019 10:00:00 GMT"}) {
		t.Errorf("validators %+v", r.Validators)
	}
	if gotUA != "pmureader/1.2.3 (+https://github.com/pmureader/pmureader)" {
		t.Errorf("User-Agent %q", gotUA)
	}
	if !strings.Contains(gotAccept, "text/html") || !strings.Contains(gotAccept, "application/rss+xml") {
		t.Errorf("Accept %q", gotAccept)
	}
}

// redirectServer serves /r/N, which redirects to /r/N+1 until N reaches
// the query's "to", /loop/a ⇄ /loop/b, and /ftp, which redirects to ftp.
func redirectServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/r/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		to, _ := strconv.Atoi(r.URL.Query().Get("to"))
		if n >= to {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(page))
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/r/%d?to=%d", n+1, to), http.StatusFound)
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/file", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestGetRedirects(t *testing.T) {
	srv := redirectServer(t)
	c := testClient(Options{})
	ctx := testCtx(t)

	r, err := c.Get(ctx, srv.URL+"/r/0?to=10", Validators{})
	if err != nil {
		t.Fatalf("10 redirects: %v", err)
	}
	if r.URL != srv.URL+"/r/10?to=10" {
		t.Errorf("final URL %q", r.URL)
	}

	u := srv.URL + "/r/0?to=11"
	_, err = c.Get(ctx, u, Validators{})
	wantError(t, err, ErrTooManyRedirects, u, "more than 10 redirects")

	u = srv.URL + "/loop/a"
	_, err = c.Get(ctx, u, Validators{})
	wantError(t, err, ErrRedirectLoop, u, "redirect loop ("+srv.URL+"/loop/a comes back)")

	u = srv.URL + "/ftp"
	_, err = c.Get(ctx, u, Validators{})
	wantError(t, err, ErrBadURL, u, "redirected to ftp://example.org/file, not a web address")

	c3 := testClient(Options{MaxRedirects: 3})
	u = srv.URL + "/r/0?to=4"
	_, err = c3.Get(ctx, u, Validators{})
	wantError(t, err, ErrTooManyRedirects, u, "more than 3 redirects")
}

func TestGetStatus(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		http.Error(w, "nope", code)
	}))
	defer srv.Close()
	c := testClient(Options{})
	for code, reason := range map[int]string{404: "HTTP 404 Not Found", 500: "HTTP 500 Internal Server Error",
		403: "HTTP 403 Forbidden", 599: "HTTP 599"} {
		u := fmt.Sprintf("%s/%d", srv.URL, code)
		_, err := c.Get(testCtx(t), u, Validators{})
		wantError(t, err, ErrStatus, u, reason)
		var e *Error
		if !errors.As(err, &e) || e.Status != code || !strings.HasSuffix(err.Error(), reason) {
			t.Errorf("%d: status %d, message %q", code, e.Status, err)
		}
	}
}

// TestGetStatusHostileReason: the server's own reason phrase (here an
// escape sequence that would retitle the terminal) never reaches the
// message; the standard text does.
func TestGetStatusHostileReason(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ln.Close() }()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 4096)
			_, _ = conn.Read(buf)
			_, _ = conn.Write([]byte("HTTP/1.1 500 \x1b]0;pwned\x07 \u202eOops\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
			_ = conn.Close()
		}
	}()
	u := "http://" + ln.Addr().String() + "/x"
	_, err = testClient(Options{}).Get(testCtx(t), u, Validators{})
	wantError(t, err, ErrStatus, u, "HTTP 500 Internal Server Error")
	if strings.Contains(err.Error(), "pwned") {
		t.Errorf("the server's reason phrase reached the message: %q", err)
	}
}

func TestGetTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-body" {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte("<html><body><p>first part"))
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	c := testClient(Options{Timeout: 200 * time.Millisecond})
	for _, path := range []string{"/slow-head", "/slow-body"} {
		u := srv.URL + path
		_, err := c.Get(testCtx(t), u, Validators{})
		wantError(t, err, ErrTimeout, u, "timeout after 0.2 s")
		if err != nil && err.Error() != u+": timeout after 0.2 s" {
			t.Errorf("message %q", err)
		}
	}
}

// TestGetTimeoutStartsWithTheRequest: time spent waiting for a slot at a
// busy host does not count against the whole-request timeout.
func TestGetTimeoutStartsWithTheRequest(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(400 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	c := testClient(Options{PerHost: 1, Concurrency: 4, Timeout: 1500 * time.Millisecond})
	reqs := []Request{{URL: srv.URL + "/1"}, {URL: srv.URL + "/2"}, {URL: srv.URL + "/3"}, {URL: srv.URL + "/4"}}
	for _, r := range c.FetchAll(testCtx(t), reqs, nil) {
		if r.Err != nil {
			t.Errorf("%s: %v (queued 1.2 s behind the others, each 0.4 s)", r.Request.URL, r.Err)
		}
	}
}

func TestGetConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	u := "http://" + addr + "/"
	_, err = testClient(Options{}).Get(testCtx(t), u, Validators{})
	wantError(t, err, ErrConnect, u, "connection refused")
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Errorf("cause lost: %#v", err)
	}
	if err != nil && err.Error() != u+": connection refused" {
		t.Errorf("message %q", err)
	}
}

func TestGetDNSFailure(t *testing.T) {
	c := testClient(Options{Resolver: nxdomainServer(t)})
	u := "http://no-such-host.invalid/story"
	_, err := c.Get(testCtx(t), u, Validators{})
	wantError(t, err, ErrDNS, u, "host no-such-host.invalid not found (DNS)")
	var dnsErr *net.DNSError
	if !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
		t.Errorf("cause lost: %#v", err)
	}
}

func TestGetTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes
	srv.StartTLS()
	defer srv.Close()

	// The system's roots do not trust httptest's certificate.
	untrusting := New(Options{Transport: &http.Transport{}, Timeout: 5 * time.Second})
	_, err := untrusting.Get(testCtx(t), srv.URL+"/", Validators{})
	wantError(t, err, ErrTLS, srv.URL+"/", "TLS certificate not trusted (signed by an unknown authority)")

	// A Transport that trusts it, injected: the request goes through.
	trusting := New(Options{Transport: srv.Client().Transport.(*http.Transport)})
	r, err := trusting.Get(testCtx(t), srv.URL+"/", Validators{})
	if err != nil || string(r.Body) != page {
		t.Fatalf("trusted: %v", err)
	}
	// httptest's certificate is for 127.0.0.1 and example.com, not localhost.
	u := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/"
	_, err = trusting.Get(testCtx(t), u, Validators{})
	wantError(t, err, ErrTLS, u, "TLS certificate is for another host")

	// Plain HTTP asked of a TLS server, and TLS asked of a plain one.
	plain := httptest.NewServer(http.NotFoundHandler())
	defer plain.Close()
	u = strings.Replace(plain.URL, "http:", "https:", 1) + "/"
	_, err = untrusting.Get(testCtx(t), u, Validators{})
	wantError(t, err, ErrTLS, u, "the server does not speak TLS")
}

func TestGetTooLarge(t *testing.T) {
	big := bytes.Repeat([]byte("<p>words words words</p>\n"), 100) // 2,600 bytes
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/length":
			_, _ = w.Write(big)
		case "/chunked":
			for i := 0; i < len(big); i += 100 {
				_, _ = w.Write(big[i:min(i+100, len(big))])
				w.(http.Flusher).Flush()
			}
		case "/gzip-bomb":
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(gzipped(t, bytes.Repeat([]byte{' '}, 1<<20)))
		case "/fits":
			_, _ = w.Write(big[:1024])
		}
	}))
	defer srv.Close()
	for _, compression := range []bool{true, false} {
		c := testClient(Options{MaxBytes: 1024, Transport: &http.Transport{DisableCompression: !compression}})
		for _, path := range []string{"/length", "/chunked", "/gzip-bomb"} {
			u := srv.URL + path
			_, err := c.Get(testCtx(t), u, Validators{})
			wantError(t, err, ErrTooLarge, u, "larger than 1 KB")
		}
		if r, err := c.Get(testCtx(t), srv.URL+"/fits", Validators{}); err != nil || len(r.Body) != 1024 {
			t.Errorf("a body of exactly the cap: %v", err)
		}
	}
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGetGzip: a gzipped body comes back decompressed whether Go's
// transport asked for gzip (and undid it) or the server sent it unasked.
func TestGetGzip(t *testing.T) {
	var askedGzip atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		askedGzip.Store(strings.Contains(r.Header.Get("Accept-Encoding"), "gzip"))
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		if r.URL.Path == "/corrupt" {
			_, _ = w.Write([]byte("\x1f\x8b\x08\x00 this is not deflate data at all"))
			return
		}
		_, _ = w.Write(gzipped(t, []byte(rssDoc)))
	}))
	defer srv.Close()
	for _, disable := range []bool{false, true} {
		c := testClient(Options{Transport: &http.Transport{DisableCompression: disable}})
		r, err := c.Get(testCtx(t), srv.URL+"/feed", Validators{})
		if err != nil {
			t.Fatalf("compression off %v: %v", disable, err)
		}
		if string(r.Body) != rssDoc || r.Kind != ContentFeed {
			t.Errorf("compression off %v: body %q kind %v", disable, r.Body, r.Kind)
		}
		if askedGzip.Load() == disable {
			t.Errorf("compression off %v: Accept-Encoding gzip sent %v", disable, askedGzip.Load())
		}
		u := srv.URL + "/corrupt"
		_, err = c.Get(testCtx(t), u, Validators{})
		wantError(t, err, ErrEncoding, u, "corrupt gzip body")
	}
}

func TestGetConditional(t *testing.T) {
	const etag, modified = `"abc"`, "Wed, 01 Jan 2020 00:00:00 GMT"
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.URL.Path == "/etag" {
			w.Header().Set("ETag", etag)
		} else {
			w.Header().Set("Last-Modified", modified)
		}
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == modified {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(rssDoc))
	}))
	defer srv.Close()
	c := testClient(Options{})
	for _, path := range []string{"/etag", "/modified"} {
		first, err := c.Get(testCtx(t), srv.URL+path, Validators{})
		if err != nil || first.NotModified || string(first.Body) != rssDoc {
			t.Fatalf("%s first: %+v %v", path, first, err)
		}
		again, err := c.Get(testCtx(t), srv.URL+path, first.Validators)
		if err != nil {
			t.Fatal(err)
		}
		if !again.NotModified || again.Status != 304 || again.Body != nil || again.Kind != 0 {
			t.Errorf("%s with %+v: %+v", path, first.Validators, again)
		}
		changed, err := c.Get(testCtx(t), srv.URL+path, Validators{ETag: `"old"`, LastModified: "Mon, 01 Jan 2001 00:00:00 GMT"})
		if err != nil || changed.NotModified || string(changed.Body) != rssDoc {
			t.Errorf("%s with stale validators: %+v %v", path, changed, err)
		}
	}
	if n := requests.Load(); n != 6 {
		t.Errorf("%d requests reached the server, want 6", n)
	}
}

func TestGetBadURLs(t *testing.T) {
	c := testClient(Options{})
	for u, reason := range map[string]string{
		"ftp://example.org/file":         "ftp: is not supported (only http and https)",
		"file:///etc/passwd":             "file: is not supported (only http and https)",
		"example.org/story":              "not a web address (it needs http:// or https://)",
		"http://":                        "no host in the address",
		"http://example.org/\x1b[2J":     "not a valid address (invalid control character in URL)",
		"http://exa mple.org/":           "not a valid address",
		"javascript:alert(1)":            "javascript: is not supported",
		"https://example.org:99999999/x": "not a valid address",
	} {
		_, err := c.Get(testCtx(t), u, Validators{})
		wantError(t, err, ErrBadURL, u, reason)
	}
}

// TestGetHostileURL: a URL's control characters are escaped in the message,
// and its entities are not decoded.
func TestGetHostileURL(t *testing.T) {
	u := "http://example.org/?a=1&region=2\x1b]0;pwned\x07\u202e"
	_, err := testClient(Options{}).Get(testCtx(t), u, Validators{})
	wantError(t, err, ErrBadURL, u, "not a valid address")
	if want := "http://example.org/?a=1&region=2%1B]0;pwned%07%E2%80%AE: "; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start %q", err, want)
	}
}

func TestGetCanceled(t *testing.T) {
	started := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) {
		close(started)
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(testCtx(t))
	go func() { <-started; cancel() }()
	u := srv.URL + "/"
	_, err := testClient(Options{}).Get(ctx, u, Validators{})
	wantError(t, err, ErrCanceled, u, "cancelled")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cause lost: %#v", err)
	}
}
