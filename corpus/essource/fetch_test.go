package essource

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// waits records the waits between attempts instead of sleeping them.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	return ctx.Err()
}

// fakeClient is a client of f whose waits are recorded, not slept.
func fakeClient(t *testing.T, f *fakeES, opt Options) (*Client, *waits) {
	t.Helper()
	c, err := New(f.source(), Credentials{User: f.user, Password: f.password}, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	w := &waits{}
	c.sleep = w.sleep
	return c, w
}

// fetchAll reads q and collects the batches.
func fetchAll(t *testing.T, c *Client, q Query) ([]*corpus.Article, []corpus.Problem, []Batch, Result, error) {
	t.Helper()
	var arts []*corpus.Article
	var probs []corpus.Problem
	var batches []Batch
	res, err := c.Fetch(context.Background(), q, func(b Batch) {
		batches = append(batches, b)
		arts = append(arts, b.Articles...)
		probs = append(probs, b.Problems...)
	})
	return arts, probs, batches, res, err
}

// searches returns the recorded requests to path with their decoded bodies.
func searches(t *testing.T, f *fakeES, method, path string) []map[string]json.RawMessage {
	t.Helper()
	var out []map[string]json.RawMessage
	for _, r := range f.requests() {
		if r.method != method || r.path != path {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(r.body, &m); err != nil {
			t.Fatalf("%s %s: body %q: %v", method, path, r.body, err)
		}
		out = append(out, m)
	}
	return out
}

func TestPITSearchAfterPaging(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(2500, shortText))
	c, _ := fakeClient(t, f, Options{PageSize: 1000})
	arts, probs, batches, res, err := fetchAll(t, c, Query{Text: "kataib hezbollah"})
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if res.Paging != PagingPIT || res.Hits != 2500 || res.Articles != 2500 || res.Total != 2500 || !res.TotalExact || res.Limited {
		t.Errorf("result = %+v", res)
	}
	if len(arts) != 2500 || len(batches) != 3 {
		t.Fatalf("%d articles in %d batches, want 2500 in 3", len(arts), len(batches))
	}
	if b := batches[1]; b.Hits != 2000 || b.Total != 2500 {
		t.Errorf("second batch progress = %d of %d, want 2000 of 2500", b.Hits, b.Total)
	}
	opens := f.requests()[1] // after the layout probe
	if opens.method != http.MethodPost || opens.path != "/news/_pit" || opens.query != "keep_alive=300s" {
		t.Errorf("open = %s %s?%s, want POST /news/_pit?keep_alive=300s", opens.method, opens.path, opens.query)
	}
	pages := searches(t, f, http.MethodPost, "/_search")
	if len(pages) != 3 {
		t.Fatalf("%d page requests, want 3 (the total ends the read without an empty page)", len(pages))
	}
	for i, p := range pages {
		var pit pitRef
		_ = json.Unmarshal(p["pit"], &pit)
		// The fake rotates the id on every answer: pit-1 from the open,
		// pit-2 from page 1, …; each request must carry the latest.
		if want := "pit-" + string(rune('1'+i)); pit.ID != want || pit.KeepAlive != "300s" {
			t.Errorf("page %d pit = %+v, want id %s keep_alive 300s", i+1, pit, want)
		}
		if got := string(p["track_total_hits"]); (i == 0) != (got == "true") {
			t.Errorf("page %d track_total_hits = %s", i+1, got)
		}
		if _, ok := p["search_after"]; ok != (i > 0) {
			t.Errorf("page %d search_after present = %v", i+1, ok)
		}
		if !strings.Contains(string(p["sort"]), `"_shard_doc":"asc"`) || !strings.Contains(string(p["sort"]), `"publication_date"`) {
			t.Errorf("page %d sort = %s, want publication_date then _shard_doc", i+1, p["sort"])
		}
	}
	// search_after is the last hit's sort, byte for byte (the _shard_doc
	// value is above 2^53, which a float64 would have changed).
	for i := 1; i < len(pages); i++ {
		want := string(f.sortValues(i*1000 - 1))
		if got := string(pages[i]["search_after"]); got != want {
			t.Errorf("page %d search_after = %s, want %s", i+1, got, want)
		}
	}
	if got := f.closedIDs(); !slices.Equal(got, []string{"pit-4"}) {
		t.Errorf("closed = %v, want the latest id [pit-4]", got)
	}
	for i := 1; i < len(arts); i++ {
		if arts[i].Date.Time.Before(arts[i-1].Date.Time) {
			t.Fatalf("article %d dated %s before %s", i, arts[i].Date, arts[i-1].Date)
		}
	}
}

func TestQueryBodySent(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(10, shortText))
	c, _ := fakeClient(t, f, Options{})
	since, until := time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 1, 31, 0, 0, 0, 0, time.UTC)
	if _, _, _, _, err := fetchAll(t, c, Query{Text: "kataib hezbollah", Since: since, Until: until, Outlets: []string{"presstv.ir"}}); err != nil {
		t.Fatal(err)
	}
	p := searches(t, f, http.MethodPost, "/_search")[0]
	var q any
	_ = json.Unmarshal(p["query"], &q)
	want := `{"bool":{"filter":[{"range":{"publication_date":{"format":"yyyy-MM-dd","gte":"2019-12-01","lt":"2020-02-01"}}},` +
		`{"terms":{"canonical_domain":["presstv.ir"]}}],` +
		`"must":[{"simple_query_string":{"default_operator":"and","fields":["article_title","text_content"],"query":"kataib hezbollah"}}]}}`
	if got := string(mustJSON(q)); got != want {
		t.Errorf("query =\n%s\nwant\n%s", got, want)
	}
	if got := string(p["_source"]); got != `["article_title","text_content","publication_date","canonical_domain","url","original_url"]` {
		t.Errorf("_source = %s", got)
	}
}

func TestOpenSearchPIT(t *testing.T) {
	f := newFake(t, flavorOpenSearch, mcDocs(1500, shortText))
	c, _ := fakeClient(t, f, Options{PageSize: 1000})
	arts, _, _, res, err := fetchAll(t, c, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Paging != PagingOpenSearchPIT || len(arts) != 1500 {
		t.Fatalf("paging %q, %d articles; want opensearch-pit, 1500", res.Paging, len(arts))
	}
	var opened bool
	for _, r := range f.requests() {
		if r.method == http.MethodPost && r.path == "/news/_search/point_in_time" && r.query == "keep_alive=300s" {
			opened = true
		}
	}
	if !opened {
		t.Error("no POST /news/_search/point_in_time?keep_alive=300s")
	}
	pages := searches(t, f, http.MethodPost, "/_search")
	if len(pages) != 2 || !strings.Contains(string(pages[0]["sort"]), `{"_id":"asc"}`) || strings.Contains(string(pages[0]["sort"]), "_shard_doc") {
		t.Fatalf("%d pages, sort %s; want 2 pages sorted by date then _id (no _shard_doc before OpenSearch 3.3)", len(pages), pages[0]["sort"])
	}
	if got, want := string(pages[1]["search_after"]), string(f.sortValues(999)); got != want {
		t.Errorf("search_after = %s, want %s", got, want)
	}
	dels := searches(t, f, http.MethodDelete, "/_search/point_in_time")
	if len(dels) != 1 || string(dels[0]["pit_id"]) != `["pit-3"]` {
		t.Errorf("DELETE /_search/point_in_time bodies = %v, want pit_id [pit-3]", dels)
	}
}

func TestScrollFallback(t *testing.T) {
	for _, status := range []int{http.StatusBadRequest, http.StatusNotFound} {
		f := newFake(t, flavorLegacy, mcDocs(2100, shortText))
		// An old cluster, or a proxy in front of it, answers both
		// point-in-time APIs with 400 (no handler) or a 404 that is not
		// index_not_found_exception.
		f.push(canned{match: "POST /news/_pit", status: status, body: errorBody(status, "", "no handler found for uri [/news/_pit] and method [POST]")},
			canned{match: "POST /news/_search/point_in_time", status: status, body: errorBody(status, "", "no handler")})
		c, _ := fakeClient(t, f, Options{PageSize: 1000})
		arts, _, _, res, err := fetchAll(t, c, Query{})
		if err != nil {
			t.Fatalf("status %d: %v", status, err)
		}
		if res.Paging != PagingScroll || len(arts) != 2100 {
			t.Fatalf("status %d: paging %q, %d articles; want scroll, 2100", status, res.Paging, len(arts))
		}
		var first, nexts int
		for _, r := range f.requests() {
			switch {
			case r.path == "/news/_search" && r.query == "scroll=300s":
				first++
			case r.method == http.MethodPost && r.path == "/_search/scroll":
				nexts++
			}
		}
		// The fake names a new scroll id in every answer and forgets the
		// old one: reading on proves the latest id was carried.
		if first != 1 || nexts != 2 {
			t.Errorf("status %d: %d scroll opens and %d scroll pages, want 1 and 2", status, first, nexts)
		}
		if got := f.closedIDs(); !slices.Equal(got, []string{"scroll-3"}) {
			t.Errorf("status %d: cleared %v, want the latest scroll id [scroll-3]", status, got)
		}
	}
}

func TestRetry429HonoursRetryAfter(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(5, shortText))
	tooMany := errorBody(429, "es_rejected_execution_exception", "rejected execution of coordinating operation")
	f.push(
		canned{match: "POST /_search", status: 429, header: map[string]string{"Retry-After": "7"}, body: tooMany},
		canned{match: "POST /_search", status: 429, body: tooMany},
		canned{match: "POST /_search", status: 503, body: errorBody(503, "unavailable_shards_exception", "primary shard is not active")},
	)
	c, w := fakeClient(t, f, Options{Backoff: 100 * time.Millisecond})
	arts, _, _, _, err := fetchAll(t, c, Query{})
	if err != nil || len(arts) != 5 {
		t.Fatalf("%d articles, %v; want 5 after the retries", len(arts), err)
	}
	// Retry-After replaces the backoff; without it the backoff doubles.
	want := []time.Duration{7 * time.Second, 200 * time.Millisecond, 400 * time.Millisecond}
	if !slices.Equal(w.d, want) {
		t.Errorf("waits = %v, want %v", w.d, want)
	}
}

func TestRetryAfterIsSlept(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(3, shortText))
	f.push(canned{match: "POST /_search", status: 429, header: map[string]string{"Retry-After": "1"},
		body: errorBody(429, "es_rejected_execution_exception", "queue full")})
	c, err := New(f.source(), Credentials{}, Options{Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	start := time.Now()
	if _, err := c.Fetch(context.Background(), Query{}, func(Batch) {}); err != nil {
		t.Fatal(err)
	}
	// Not a speed test: the lower bound is what Retry-After asked for.
	if d := time.Since(start); d < time.Second {
		t.Errorf("read took %s: the 1 s Retry-After was not waited", d)
	}
}

func TestRetriesExhausted(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(5, shortText))
	for range 5 {
		f.push(canned{match: "POST /_search", status: 503, body: errorBody(503, "cluster_block_exception", "blocked by: [SERVICE_UNAVAILABLE/1/state not recovered]")})
	}
	c, w := fakeClient(t, f, Options{})
	_, _, _, _, err := fetchAll(t, c, Query{})
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("err = %v, want ErrUnavailable", err)
	}
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 503 {
		t.Errorf("err = %v: the 503 should be reachable with errors.As", err)
	}
	for _, s := range []string{"after 5 attempts", "503", "state not recovered", f.source().String()} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("err %q lacks %q", err, s)
		}
	}
	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}
	if !slices.Equal(w.d, want) {
		t.Errorf("waits = %v, want %v", w.d, want)
	}
	if len(f.closedIDs()) != 1 {
		t.Errorf("closed %v: the point in time must be closed after a failed read", f.closedIDs())
	}
}

func TestRetryAfterTooLong(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(5, shortText))
	f.push(canned{match: "POST /_search", status: 429, header: map[string]string{"Retry-After": "3600"}, body: errorBody(429, "", "slow down")})
	c, w := fakeClient(t, f, Options{})
	_, _, _, _, err := fetchAll(t, c, Query{})
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "retry after 1h0m0s") {
		t.Fatalf("err = %v, want ErrUnavailable naming the 1h wait", err)
	}
	if len(w.d) != 0 {
		t.Errorf("waited %v", w.d)
	}
}

func TestRequestTimeout(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(5, shortText))
	f.push(canned{match: "POST /_search", hang: true}, canned{match: "POST /_search", hang: true})
	c, w := fakeClient(t, f, Options{RequestTimeout: 50 * time.Millisecond, MaxAttempts: 2})
	_, _, _, _, err := fetchAll(t, c, Query{})
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), "no answer within 50ms") || !strings.Contains(err.Error(), "after 2 attempts") {
		t.Fatalf("err = %v, want ErrTimeout after 2 attempts naming the 50ms", err)
	}
	if len(w.d) != 1 {
		t.Errorf("waits = %v, want one between the two attempts", w.d)
	}
}

func TestShardFailureIsAWarning(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(30, shortText))
	f.push(canned{match: "POST /_search", shardsF: true}, canned{match: "POST /_search", shardsF: true})
	c, _ := fakeClient(t, f, Options{PageSize: 10})
	arts, probs, _, _, err := fetchAll(t, c, Query{})
	if err != nil || len(arts) != 30 {
		t.Fatalf("%d articles, %v; want 30 (partial results still load)", len(arts), err)
	}
	if len(probs) != 1 || !probs[0].Warning || !errors.Is(probs[0], ErrShardFailure) {
		t.Fatalf("problems = %v, want one shard failure warning (reported once for two pages)", probs)
	}
	for _, s := range []string{"1 of 2 shards failed", "node_not_connected_exception", "Node not connected", "shard 1"} {
		if !strings.Contains(probs[0].Error(), s) {
			t.Errorf("warning %q lacks %q", probs[0].Error(), s)
		}
	}
}

func TestNoTextFieldNamesFields(t *testing.T) {
	docs := []fakeDoc{{index: "news", id: "a1", source: map[string]any{
		"headline": "Strikes", "body_html": "<p>x</p>", "meta": map[string]any{"section": "world", "tags": []string{"iraq"}},
	}}}
	for _, m := range []*Mapping{nil, {Name: "custom", Title: []string{"headline"}, Text: []string{"body"}}} {
		f := newFake(t, flavorES, docs)
		c, _ := fakeClient(t, f, Options{Mapping: m})
		_, _, _, _, err := fetchAll(t, c, Query{})
		if !errors.Is(err, ErrNoTextField) {
			t.Fatalf("mapping %v: err = %v, want ErrNoTextField", m, err)
		}
		for _, s := range []string{"body_html, headline, meta.section, meta.tags", "--mapping text="} {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("mapping %v: err %q lacks %q", m, err, s)
			}
		}
		for _, r := range f.requests() {
			if strings.Contains(r.path, "_pit") {
				t.Errorf("a point in time was opened for an index without text")
			}
		}
	}
}

func TestLayoutDetection(t *testing.T) {
	docs := []fakeDoc{{index: "news", id: "np-1", millis: 1577577060000, source: map[string]any{
		"title": "US Conducts Airstrikes", "maintext": "US F-15 warplanes struck.", "date_publish": "2019-12-29 10:31:00",
		"source_domain": "news.antiwar.com", "url": "https://news.antiwar.com/x", "authors": []string{"Jason Ditz"},
	}}}
	f := newFake(t, flavorES, docs)
	c, _ := fakeClient(t, f, Options{})
	arts, probs, _, res, err := fetchAll(t, c, Query{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	if res.Mapping.Name != "json" {
		t.Errorf("mapping = %s, want the json layout", res.Mapping.Name)
	}
	a := arts[0]
	if a.Title != "US Conducts Airstrikes" || a.Outlet != "news.antiwar.com" || a.Author != "Jason Ditz" || a.Date.String() != "2019-12-29" || len(probs) != 0 {
		t.Errorf("article = %+v, problems %v", a, probs)
	}
	p := searches(t, f, http.MethodPost, "/_search")[0]
	if !strings.Contains(string(p["sort"]), `"date"`) {
		t.Errorf("sort %s: want the json layout's date field", p["sort"])
	}
}

func TestAuthFailures(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(3, shortText))
	f.user, f.password = "reader", "right"
	for _, tc := range []struct {
		creds Credentials
		hint  string
	}{
		{Credentials{}, "no credentials are set"},
		{Credentials{User: "reader", Password: "wrong"}, "check PMUREADER_ES_USER"},
	} {
		c, err := New(f.source(), tc.creds, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Fetch(context.Background(), Query{}, func(Batch) {})
		if !errors.Is(err, ErrAuth) || !strings.Contains(err.Error(), tc.hint) || !strings.Contains(err.Error(), "401 security_exception") {
			t.Errorf("creds %q: err = %v, want ErrAuth with %q", tc.creds.User, err, tc.hint)
		}
		if tc.creds.Password != "" && strings.Contains(err.Error(), tc.creds.Password) {
			t.Errorf("the error repeats the password: %v", err)
		}
		_ = c.Close()
	}
	c, _ := fakeClient(t, f, Options{})
	c.creds = Credentials{User: "reader", Password: "right"}
	if _, _, _, _, err := fetchAll(t, c, Query{}); err != nil {
		t.Errorf("right password: %v", err)
	}
	if got := f.requests()[len(f.requests())-1].auth; got != "Basic cmVhZGVyOnJpZ2h0" {
		t.Errorf("Authorization = %q, want basic reader:right", got)
	}
}

func TestAPIKeyHeader(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(1, shortText))
	c, err := New(f.source(), Credentials{APIKey: "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	if _, err := c.Fetch(context.Background(), Query{}, func(Batch) {}); err != nil {
		t.Fatal(err)
	}
	if got := f.requests()[0].auth; !strings.EqualFold(got, "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==") {
		t.Errorf("Authorization = %q", got)
	}
}

func TestForbiddenAndIndexNotFound(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(3, shortText))
	f.push(canned{match: "POST /news/_search", status: 403, body: errorBody(403, "security_exception", "action [indices:data/read/search] is unauthorized for user [reader]")})
	c, _ := fakeClient(t, f, Options{})
	_, _, _, _, err := fetchAll(t, c, Query{})
	if !errors.Is(err, ErrForbidden) || !strings.Contains(err.Error(), "read privilege on news") {
		t.Errorf("403: err = %v", err)
	}
	f.index = "elsewhere" // the fake now knows only "elsewhere": "news" is unknown
	_, _, _, _, err = fetchAll(t, c, Query{})
	if !errors.Is(err, ErrIndexNotFound) || !strings.Contains(err.Error(), "no such index [news]") {
		t.Errorf("404: err = %v, want ErrIndexNotFound naming the index", err)
	}
}

func TestCancellationClosesPIT(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(3000, shortText))
	c, _ := fakeClient(t, f, Options{PageSize: 1000})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches := 0
	_, err := c.Fetch(ctx, Query{}, func(Batch) {
		batches++
		cancel()
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if batches != 1 {
		t.Errorf("%d batches after cancelling in the first", batches)
	}
	if got := f.closedIDs(); !slices.Equal(got, []string{"pit-2"}) {
		t.Errorf("closed = %v, want [pit-2]: a cancelled read closes its point in time", got)
	}
}

func TestLimit(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(2500, shortText))
	c, _ := fakeClient(t, f, Options{PageSize: 1000})
	arts, probs, batches, res, err := fetchAll(t, c, Query{Limit: 1500})
	if err != nil || len(arts) != 1500 || !res.Limited {
		t.Fatalf("%d articles, limited %v, %v; want 1500, limited", len(arts), res.Limited, err)
	}
	pages := searches(t, f, http.MethodPost, "/_search")
	if len(pages) != 2 || string(pages[1]["size"]) != "500" {
		t.Errorf("%d pages, second size %s; want 2, 500", len(pages), pages[1]["size"])
	}
	last := batches[len(batches)-1].Problems
	if len(probs) != 1 || len(last) != 1 || !errors.Is(last[0], ErrLimited) || !strings.Contains(last[0].Error(), "first 1500 articles (oldest first) of 2500") {
		t.Errorf("problems = %v, want the limit note in the last batch", probs)
	}
}
