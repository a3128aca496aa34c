package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// concurrencyServer counts the requests it is serving at once, per Host
// name, and remembers the most it saw.
type concurrencyServer struct {
	mu      sync.Mutex
	now     map[string]int
	most    map[string]int
	mostAll int
	hold    time.Duration
}

func (s *concurrencyServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host, _, _ := net.SplitHostPort(r.Host)
	s.mu.Lock()
	s.now[host]++
	s.most[host] = max(s.most[host], s.now[host])
	all := 0
	for _, n := range s.now {
		all += n
	}
	s.mostAll = max(s.mostAll, all)
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.now[host]--; s.mu.Unlock() }()
	time.Sleep(s.hold)
	w.Header().Set("Content-Type", "text/html")
	_, _ = fmt.Fprintf(w, "<html><body><p>%s</p></body></html>", r.URL.Path)
}

// TestFetchAllPerHostLimit: 24 URLs on two host names of one server, 16
// fetched at a time: each host name sees at most 4 at once, and the two
// together more than 4 (the limit is per host, not global).
func TestFetchAllPerHostLimit(t *testing.T) {
	s := &concurrencyServer{now: map[string]int{}, most: map[string]int{}, hold: 60 * time.Millisecond}
	srv := httptest.NewServer(s)
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	var reqs []Request
	for i := range 12 {
		reqs = append(reqs, Request{URL: fmt.Sprintf("http://127.0.0.1:%s/%d", port, i)},
			Request{URL: fmt.Sprintf("http://localhost:%s/%d", port, i)})
	}
	c := testClient(Options{Concurrency: 16})
	for _, r := range c.FetchAll(testCtx(t), reqs, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	for host, most := range s.most {
		if most > DefaultPerHost {
			t.Errorf("%s served %d requests at once; the limit is %d", host, most, DefaultPerHost)
		}
	}
	if len(s.most) != 2 || s.mostAll <= DefaultPerHost {
		t.Errorf("hosts %v, most at once %d: the two hosts did not run side by side", s.most, s.mostAll)
	}
	if n := c.hosts.inFlight("127.0.0.1") + c.hosts.inFlight("localhost"); n != 0 || len(c.hosts.hosts) != 0 {
		t.Errorf("%d slots still held, %d hosts remembered", n, len(c.hosts.hosts))
	}
}

// TestFetchAllGlobalLimit: one host per request, so only Concurrency holds
// them back.
func TestFetchAllGlobalLimit(t *testing.T) {
	var now, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n := now.Add(1)
		defer now.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(30 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	// Every request names its own host; the dialler sends them all to srv.
	addr := srv.Listener.Addr().String()
	tr := &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}}
	var reqs []Request
	for i := range 12 {
		reqs = append(reqs, Request{URL: fmt.Sprintf("http://host%d.test/", i)})
	}
	c := testClient(Options{Concurrency: 3, Transport: tr})
	for _, r := range c.FetchAll(testCtx(t), reqs, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	if m := most.Load(); m > 3 {
		t.Errorf("%d requests at once; Concurrency is 3", m)
	}
}

func TestFetchAllResultsAndProgress(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/missing") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = fmt.Fprintf(w, "<html><p>%s</p></html>", r.URL.Path)
	}))
	defer srv.Close()
	var reqs []Request
	for i := range 10 {
		path := fmt.Sprintf("/page%d", i)
		if i%4 == 3 {
			path = fmt.Sprintf("/missing%d", i)
		}
		reqs = append(reqs, Request{URL: srv.URL + path})
	}
	reqs = append(reqs, Request{URL: "not a url"})

	var calls []Progress
	var inside atomic.Int32
	c := testClient(Options{})
	results := c.FetchAll(testCtx(t), reqs, func(p Progress) {
		if inside.Add(1) != 1 {
			t.Error("progress called concurrently")
		}
		time.Sleep(time.Millisecond)
		calls = append(calls, p)
		inside.Add(-1)
	})

	if len(results) != len(reqs) {
		t.Fatalf("%d results for %d requests", len(results), len(reqs))
	}
	failed := 0
	for i, r := range results {
		if r.Request != reqs[i] {
			t.Errorf("result %d is for %q, want %q", i, r.Request.URL, reqs[i].URL)
		}
		if (r.Err == nil) == (r.Response == nil) {
			t.Errorf("%s: response %v and error %v", r.Request.URL, r.Response, r.Err)
		}
		switch {
		case r.Err != nil:
			failed++
		case !strings.Contains(string(r.Response.Body), strings.TrimPrefix(reqs[i].URL, srv.URL)):
			t.Errorf("%s got body %q", reqs[i].URL, r.Response.Body)
		}
	}
	if failed != 3 {
		t.Errorf("%d failed, want 3 (two 404s, one bad URL)", failed)
	}
	if len(calls) != len(reqs) {
		t.Fatalf("%d progress calls for %d requests", len(calls), len(reqs))
	}
	var seen []string
	for i, p := range calls {
		if p.Done != i+1 || p.Total != len(reqs) {
			t.Errorf("call %d: %+v", i, p)
		}
		seen = append(seen, p.Last.Request.URL)
	}
	if last := calls[len(calls)-1]; last.Failed != 3 {
		t.Errorf("last progress says %d failed", last.Failed)
	}
	slices.Sort(seen)
	if len(slices.Compact(seen)) != len(reqs) {
		t.Error("progress reported a request twice")
	}
}

func TestFetchAllCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(testCtx(t))
	defer cancel()
	var served atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if served.Add(1) == 5 {
			cancel() // the user presses ctrl+c during the fifth request
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()
	var reqs []Request
	for i := range 40 {
		reqs = append(reqs, Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
	}
	c := testClient(Options{Concurrency: 1})
	results := c.FetchAll(ctx, reqs, nil)
	canceled := 0
	for _, r := range results {
		if KindOf(r.Err) == ErrCanceled {
			canceled++
		}
	}
	// One worker: four done, the fifth cancelled or done, none started after.
	if served.Load() != 5 || canceled < 35 {
		t.Errorf("%d served, %d cancelled", served.Load(), canceled)
	}
}

func TestRoundRobin(t *testing.T) {
	reqs := []Request{
		{URL: "http://a/1"}, {URL: "http://a/2"}, {URL: "http://a/3"},
		{URL: "http://B:8080/1"}, {URL: "https://b/2"}, {URL: "http://c/1"}, {URL: "::bad"},
	}
	got := roundRobin(reqs)
	want := []int{0, 3, 5, 6, 1, 4, 2}
	if !slices.Equal(got, want) {
		t.Errorf("roundRobin = %v, want %v", got, want)
	}
}

// BenchmarkFetchAll100 fetches 100 pages of about 20 KB from a loopback
// server with the default limits (all one host: 4 at a time).
func BenchmarkFetchAll100(b *testing.B) {
	body := []byte("<!DOCTYPE html><html><body>" + strings.Repeat("<p>Some words of a news article, repeated.</p>\n", 400) + "</body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	reqs := make([]Request, 100)
	for i := range reqs {
		reqs[i] = Request{URL: fmt.Sprintf("%s/article/%d", srv.URL, i)}
	}
	c := New(Options{Transport: &http.Transport{}})
	b.SetBytes(int64(len(body) * len(reqs)))
	for b.Loop() {
		for _, r := range c.FetchAll(b.Context(), reqs, nil) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
}
