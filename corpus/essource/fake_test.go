package essource

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// This file is a stand-in cluster for the tests: an httptest server on
// loopback that answers the documented request and response bodies of
// _search, the Elasticsearch point in time API (POST /INDEX/_pit,
// DELETE /_pit), OpenSearch's (POST /INDEX/_search/point_in_time,
// DELETE /_search/point_in_time) and scroll (?scroll=, POST and DELETE
// /_search/scroll), and their error bodies ({"error": {...}, "status": N}).
// It does not evaluate queries: every search matches every document, in
// date order. Tests that need a query evaluated run against a real
// cluster (PMUREADER_TEST_ES, see cluster_test.go).

// flavor is which API the fake offers.
type flavor int

const (
	flavorES         flavor = iota // _pit
	flavorOpenSearch               // _search/point_in_time
	flavorLegacy                   // neither: scroll only
)

// bigShardDoc makes the fake's _shard_doc sort values longs above 2^53,
// which a float64 would change: search_after must send them back exactly.
const bigShardDoc = int64(1) << 60

// fakeDoc is one stored document.
type fakeDoc struct {
	index  string
	id     string
	millis int64          // the date, as the sort value
	source map[string]any // _source
}

// recorded is one request the fake received.
type recorded struct {
	method, path, query string
	body                []byte
	auth                string
}

// canned is an answer queued for the next request that matches.
type canned struct {
	match   string // "METHOD /path"
	status  int
	header  map[string]string
	body    string
	hang    bool // wait until the client gives up
	shardsF bool // answer normally, but report a failed shard
}

// fakeES is the stand-in cluster.
type fakeES struct {
	t      testing.TB
	srv    *httptest.Server
	index  string
	flavor flavor
	// user and password, when set, are required (401 otherwise).
	user, password string

	mu       sync.Mutex
	docs     []fakeDoc
	reqs     []recorded
	queue    []canned
	pitSeq   int
	pitLive  string // the one valid point in time id
	scrolls  map[string]scrollState
	scrollN  int
	closed   []string // point in time and scroll ids released
	hitCache map[[2]int][]byte
	// rotate makes every answer carry a new pit_id (as Elasticsearch may).
	rotate bool
}

func newFake(t testing.TB, fl flavor, docs []fakeDoc) *fakeES {
	f := &fakeES{t: t, index: "news", flavor: fl, docs: docs, scrolls: map[string]scrollState{}, hitCache: map[[2]int][]byte{}, rotate: true}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// source is the es+http:// URL of the fake's index.
func (f *fakeES) source() Source {
	src, err := ParseSource("es+" + f.srv.URL + "/" + f.index)
	if err != nil {
		f.t.Fatal(err)
	}
	return src
}

// push queues canned answers.
func (f *fakeES) push(c ...canned) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue = append(f.queue, c...)
}

// requests returns the requests so far.
func (f *fakeES) requests() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.reqs...)
}

// closedIDs returns the ids released so far.
func (f *fakeES) closedIDs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.closed...)
}

func (f *fakeES) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.reqs = append(f.reqs, recorded{method: r.Method, path: r.URL.Path, query: r.URL.RawQuery, body: body, auth: r.Header.Get("Authorization")})
	c, ok := f.dequeue(r.Method + " " + r.URL.Path)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if ok && c.hang {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		return
	}
	if ok && !c.shardsF {
		for k, v := range c.header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(c.status)
		_, _ = io.WriteString(w, c.body)
		return
	}
	if f.user != "" {
		u, p, okAuth := r.BasicAuth()
		if !okAuth || u != f.user || p != f.password {
			writeError(w, http.StatusUnauthorized, "security_exception", "unable to authenticate user ["+u+"] for REST request ["+r.URL.Path+"]")
			return
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.route(w, r, body, ok && c.shardsF)
}

func (f *fakeES) dequeue(key string) (canned, bool) {
	for i, c := range f.queue {
		if c.match == key {
			f.queue = append(f.queue[:i], f.queue[i+1:]...)
			return c, true
		}
	}
	return canned{}, false
}

// route answers the API; f.mu is held.
func (f *fakeES) route(w http.ResponseWriter, r *http.Request, body []byte, shardFail bool) {
	path := r.URL.Path
	idx := "/" + f.index
	switch {
	case r.Method == http.MethodPost && path == "/_search":
		f.searchPIT(w, body, shardFail)
	case r.Method == http.MethodPost && path == "/_search/scroll":
		f.scrollNext(w, body)
	case r.Method == http.MethodDelete && path == "/_search/scroll":
		f.release(w, body, "scroll_id", `{"succeeded":true,"num_freed":1}`)
	case r.Method == http.MethodPost && path == idx+"/_pit" && f.flavor == flavorES:
		f.openPIT(w, `{"id":%q,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}`)
	case r.Method == http.MethodDelete && path == "/_pit" && f.flavor == flavorES:
		f.release(w, body, "id", `{"succeeded":true,"num_freed":1}`)
	case r.Method == http.MethodPost && path == idx+"/_search/point_in_time" && f.flavor == flavorOpenSearch:
		f.openPIT(w, `{"pit_id":%q,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"creation_time":1658146050064}`)
	case r.Method == http.MethodDelete && path == "/_search/point_in_time" && f.flavor == flavorOpenSearch:
		f.release(w, body, "pit_id", "")
	case r.Method == http.MethodPost && path == idx+"/_search":
		f.searchIndex(w, r, body, shardFail)
	case strings.HasPrefix(path, idx+"/") || path == idx:
		// Elasticsearch answers an unknown endpoint with 400 or 405
		writeStringError(w, http.StatusBadRequest, fmt.Sprintf("no handler found for uri [%s] and method [%s]", path, r.Method))
	default:
		writeError(w, http.StatusNotFound, "index_not_found_exception", "no such index ["+strings.Split(strings.TrimPrefix(path, "/"), "/")[0]+"]")
	}
}

func (f *fakeES) openPIT(w http.ResponseWriter, format string) {
	f.pitSeq++
	f.pitLive = fmt.Sprintf("pit-%d", f.pitSeq)
	fmt.Fprintf(w, format, f.pitLive)
}

// release answers a DELETE of a point in time or scroll and records the
// ids it names (a string or a list).
func (f *fakeES) release(w http.ResponseWriter, body []byte, key, answer string) {
	var req map[string]json.RawMessage
	_ = json.Unmarshal(body, &req)
	var ids []string
	if json.Unmarshal(req[key], &ids) != nil {
		var one string
		_ = json.Unmarshal(req[key], &one)
		ids = []string{one}
	}
	f.closed = append(f.closed, ids...)
	if answer == "" { // OpenSearch lists each id
		var pits []map[string]any
		for _, id := range ids {
			pits = append(pits, map[string]any{"successful": true, "pit_id": id})
		}
		b, _ := json.Marshal(map[string]any{"pits": pits})
		answer = string(b)
	}
	_, _ = io.WriteString(w, answer)
}

// searchBodyIn is the part of a search body the fake reads.
type searchBodyIn struct {
	Size        *int              `json:"size"`
	PIT         *pitRef           `json:"pit"`
	SearchAfter []json.RawMessage `json:"search_after"`
}

func (f *fakeES) searchPIT(w http.ResponseWriter, body []byte, shardFail bool) {
	var in searchBodyIn
	if err := json.Unmarshal(body, &in); err != nil || in.PIT == nil {
		writeError(w, http.StatusBadRequest, "parsing_exception", "a search without an index needs a pit")
		return
	}
	if in.PIT.ID != f.pitLive {
		writeError(w, http.StatusNotFound, "search_context_missing_exception", "No search context found for id ["+in.PIT.ID+"]")
		return
	}
	start := 0
	if in.SearchAfter != nil {
		start = f.after(in.SearchAfter)
		if start < 0 {
			writeError(w, http.StatusBadRequest, "illegal_argument_exception", "search_after matches no hit: "+string(mustJSON(in.SearchAfter)))
			return
		}
	}
	if f.rotate {
		f.pitSeq++
		f.pitLive = fmt.Sprintf("pit-%d", f.pitSeq)
	}
	f.writePage(w, start, size(in.Size, 10), f.pitLive, "", shardFail)
}

func (f *fakeES) searchIndex(w http.ResponseWriter, r *http.Request, body []byte, shardFail bool) {
	var in searchBodyIn
	if err := json.Unmarshal(body, &in); err != nil {
		writeError(w, http.StatusBadRequest, "parsing_exception", err.Error())
		return
	}
	n := size(in.Size, 10)
	scrollID := ""
	if r.URL.Query().Get("scroll") != "" {
		scrollID = f.newScroll(scrollState{off: n, size: n})
	}
	f.writePage(w, 0, n, "", scrollID, shardFail)
}

// scrollState is where a scroll stands.
type scrollState struct{ off, size int }

// newScroll registers a scroll position under a new id: every answer
// names a new one, and the old one is gone, so that only a client that
// carries the latest id on gets further.
func (f *fakeES) newScroll(st scrollState) string {
	f.scrollN++
	id := fmt.Sprintf("scroll-%d", f.scrollN)
	f.scrolls[id] = st
	return id
}

func (f *fakeES) scrollNext(w http.ResponseWriter, body []byte) {
	var in struct {
		ScrollID string `json:"scroll_id"`
	}
	_ = json.Unmarshal(body, &in)
	st, ok := f.scrolls[in.ScrollID]
	if !ok {
		writeError(w, http.StatusNotFound, "search_context_missing_exception", "No search context found for id ["+in.ScrollID+"]")
		return
	}
	delete(f.scrolls, in.ScrollID)
	next := f.newScroll(scrollState{off: st.off + st.size, size: st.size})
	f.writePage(w, st.off, st.size, "", next, false)
}

// after returns the position after the document whose sort values are
// exactly sa, or -1.
func (f *fakeES) after(sa []json.RawMessage) int {
	want := string(mustJSON(sa))
	for i := range f.docs {
		if string(f.sortValues(i)) == want {
			return i + 1
		}
	}
	return -1
}

// sortValues are a document's sort values as the fake's flavor sorts:
// date, then _shard_doc (Elasticsearch), _id (OpenSearch) or _doc.
func (f *fakeES) sortValues(i int) []byte {
	d := f.docs[i]
	if f.flavor == flavorOpenSearch {
		return mustJSON([]any{d.millis, d.id})
	}
	return mustJSON([]any{d.millis, bigShardDoc + int64(i)})
}

// writePage writes the documented search response for docs[start:start+n].
func (f *fakeES) writePage(w http.ResponseWriter, start, n int, pitID, scrollID string, shardFail bool) {
	start = min(start, len(f.docs))
	end := min(start+n, len(f.docs))
	hits, ok := f.hitCache[[2]int{start, end}]
	if !ok {
		var b bytes.Buffer
		for i := start; i < end; i++ {
			if i > start {
				b.WriteByte(',')
			}
			d := f.docs[i]
			fmt.Fprintf(&b, `{"_index":%s,"_id":%s,"_score":null,"_source":%s,"sort":%s}`,
				mustJSON(d.index), mustJSON(d.id), mustJSON(d.source), f.sortValues(i))
		}
		hits = b.Bytes()
		f.hitCache[[2]int{start, end}] = hits
	}
	shards := `{"total":1,"successful":1,"skipped":0,"failed":0}`
	if shardFail {
		shards = `{"total":2,"successful":1,"skipped":0,"failed":1,"failures":[{"shard":1,"index":"` + f.index +
			`","node":"n1","reason":{"type":"node_not_connected_exception","reason":"[n1][127.0.0.1:9300] Node not connected"}}]}`
	}
	var b bytes.Buffer
	b.Grow(len(hits) + 512)
	b.WriteString(`{`)
	if pitID != "" {
		fmt.Fprintf(&b, `"pit_id":%q,`, pitID)
	}
	if scrollID != "" {
		fmt.Fprintf(&b, `"_scroll_id":%q,`, scrollID)
	}
	fmt.Fprintf(&b, `"took":3,"timed_out":false,"_shards":%s,"hits":{"total":{"value":%d,"relation":"eq"},"max_score":null,"hits":[`, shards, len(f.docs))
	b.Write(hits)
	b.WriteString(`]}}`)
	w.Header().Set("Content-Length", fmt.Sprint(b.Len()))
	_, _ = w.Write(b.Bytes())
}

func size(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

// writeError writes the documented error body.
func writeError(w http.ResponseWriter, status int, typ, reason string) {
	cause := map[string]any{"type": typ, "reason": reason}
	b := mustJSON(map[string]any{"error": map[string]any{"root_cause": []any{cause}, "type": typ, "reason": reason}, "status": status})
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// writeStringError writes the older error body whose error is a string.
func writeStringError(w http.ResponseWriter, status int, reason string) {
	w.WriteHeader(status)
	_, _ = w.Write(mustJSON(map[string]any{"error": reason, "status": status}))
}

func errorBody(status int, typ, reason string) string {
	cause := map[string]any{"type": typ, "reason": reason}
	return string(mustJSON(map[string]any{"error": map[string]any{"root_cause": []any{cause}, "type": typ, "reason": reason}, "status": status}))
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// mcDocs makes n documents in Media Cloud's layout, a day apart from
// 2019-12-01 with three per day, in date order.
func mcDocs(n int, text func(i int) string) []fakeDoc {
	start := time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]fakeDoc, n)
	for i := range docs {
		day := start.AddDate(0, 0, i/3)
		domains := []string{"antiwar.com", "presstv.ir", "nytimes.com"}
		docs[i] = fakeDoc{
			index:  "mc_search-000001",
			id:     fmt.Sprintf("%064x", i+1), // a SHA-256-like id, as Media Cloud's
			millis: day.UnixMilli(),
			source: map[string]any{
				"article_title":    fmt.Sprintf("Strikes on Kataib Hezbollah, report %d", i+1),
				"text_content":     text(i),
				"publication_date": day.Format("2006-01-02"),
				"canonical_domain": domains[i%3],
				"url":              fmt.Sprintf("https://%s/2019/story-%d?a=1&region=us", domains[i%3], i+1),
				"language":         "en",
				"indexed_date":     day.Add(3 * time.Hour).Format("2006-01-02T15:04:05.000000"),
			},
		}
	}
	return docs
}

// shortText is a two-paragraph body.
func shortText(i int) string {
	return fmt.Sprintf("US F-15 jets struck five sites, report %d said.\n\nThe militia vowed to respond.", i+1)
}
