package main

import (
	"bytes"
	"context"
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

// esFake is a stand-in Elasticsearch on loopback for the command's tests:
// the layout probe (POST /INDEX/_search), a point in time (POST
// /INDEX/_pit, DELETE /_pit) and search_after pages (POST /_search), with
// the documented bodies. It does not evaluate queries: every search
// matches every document, in date order. corpus/essource's own tests cover
// the protocol in depth (other flavours, scroll, retries); this one is
// what the command needs: articles that group into stories, and the
// failures the command must tell apart.
type esFake struct {
	*httptest.Server
	index string
	docs  []esDoc

	// status, when set, answers every request with this error (errType,
	// reason): 401, 403, 404 index_not_found_exception…
	status          int
	errType, reason string
	// shardFail makes every page report one failed shard of two.
	shardFail bool
	// failPage answers the failPage-th page of the point in time (1 is
	// the first) with a 500.
	failPage int
	// hold, when set, delays every page after the first until it is
	// closed, so that a test can look at the reader mid-read.
	hold chan struct{}

	mu     sync.Mutex
	pages  int
	auth   []string // the Authorization headers received
	closed int      // points in time deleted
	cache  map[int][]byte
}

// esDoc is one stored document.
type esDoc struct {
	id     string
	millis int64
	source map[string]any
}

func newESFake(t testing.TB, docs []esDoc) *esFake {
	f := &esFake{index: "news", docs: docs, cache: map[int][]byte{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// source is the --source of the fake's index.
func (f *esFake) source() string { return "es+" + f.URL + "/" + f.index }

func (f *esFake) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.auth = append(f.auth, r.Header.Get("Authorization"))
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if f.status != 0 {
		esError(w, f.status, f.errType, f.reason)
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/"+f.index+"/_search": // the layout probe
		_, _ = w.Write(f.page(0, 5, false))
	case r.Method == http.MethodPost && r.URL.Path == "/"+f.index+"/_pit":
		fmt.Fprint(w, `{"id":"pit-1","_shards":{"total":1,"successful":1,"skipped":0,"failed":0}}`)
	case r.Method == http.MethodDelete && r.URL.Path == "/_pit":
		f.mu.Lock()
		f.closed++
		f.mu.Unlock()
		fmt.Fprint(w, `{"succeeded":true,"num_freed":1}`)
	case r.Method == http.MethodPost && r.URL.Path == "/_search":
		f.searchAfter(w, body)
	default:
		esError(w, http.StatusNotFound, "index_not_found_exception", "no such index ["+r.URL.Path+"]")
	}
}

// searchAfter answers one page of the point in time.
func (f *esFake) searchAfter(w http.ResponseWriter, body []byte) {
	var in struct {
		Size        int     `json:"size"`
		SearchAfter []int64 `json:"search_after"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		esError(w, http.StatusBadRequest, "parsing_exception", err.Error())
		return
	}
	f.mu.Lock()
	f.pages++
	n := f.pages
	f.mu.Unlock()
	if n > 1 && f.hold != nil {
		<-f.hold
	}
	if n == f.failPage {
		esError(w, http.StatusInternalServerError, "search_phase_execution_exception", "all shards failed")
		return
	}
	start := 0
	if len(in.SearchAfter) == 2 {
		start = int(in.SearchAfter[1]) + 1 // the tiebreaker is the position
	}
	_, _ = w.Write(f.page(start, in.Size, f.shardFail))
}

// page renders the search response for docs[start:start+n], pages of the
// point in time once each (the benchmark reads them again and again).
func (f *esFake) page(start, n int, shardFail bool) []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	start = min(start, len(f.docs))
	end := min(start+n, len(f.docs))
	if b, ok := f.cache[start*1_000_000+end]; ok && !shardFail {
		return b
	}
	var hits bytes.Buffer
	for i := start; i < end; i++ {
		if i > start {
			hits.WriteByte(',')
		}
		d := f.docs[i]
		src, _ := json.Marshal(d.source)
		fmt.Fprintf(&hits, `{"_index":"mc_search-000001","_id":%q,"_score":null,"_source":%s,"sort":[%d,%d]}`, d.id, src, d.millis, i)
	}
	shards := `{"total":1,"successful":1,"skipped":0,"failed":0}`
	if shardFail {
		shards = `{"total":2,"successful":1,"skipped":0,"failed":1,"failures":[{"shard":1,"index":"mc_search-000001","node":"n1",` +
			`"reason":{"type":"node_not_connected_exception","reason":"[n1][127.0.0.1:9300] Node not connected"}}]}`
	}
	b := fmt.Appendf(nil, `{"pit_id":"pit-1","took":3,"timed_out":false,"_shards":%s,"hits":{"total":{"value":%d,"relation":"eq"},"max_score":null,"hits":[%s]}}`,
		shards, len(f.docs), hits.Bytes())
	f.cache[start*1_000_000+end] = b
	return b
}

// esError writes the documented error body.
func esError(w http.ResponseWriter, status int, typ, reason string) {
	cause := map[string]any{"type": typ, "reason": reason}
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"root_cause": []any{cause}, "type": typ, "reason": reason}, "status": status})
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// storyDocs are n×3 documents in Media Cloud's layout: n events, each
// told by three outlets on one day, events a week apart, so that they
// group into n stories of three.
func storyDocs(n int) []esDoc {
	outlets := []string{"antiwar.com", "presstv.ir", "nytimes.com"}
	places := []string{"Anbar", "Baghdad", "Basra", "Mosul", "Kirkuk", "Najaf", "Karbala", "Erbil"}
	start := time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC)
	var docs []esDoc
	for e := range n {
		day := start.AddDate(0, 0, 7*e)
		place := places[e%len(places)]
		for o, outlet := range outlets {
			text := fmt.Sprintf("Warplanes struck five militia bases near %[1]s on %[2]s, killing %[3]d fighters and wounding %[4]d others, officials said.\n\n"+
				"The strikes on %[1]s followed a rocket attack on a base that killed a contractor, the Pentagon said in a statement.\n\n"+
				"%[5]s reported that the militia vowed to respond to the raid near %[1]s.",
				place, day.Format("2 January"), 20+e+o, 50+e, outlet)
			docs = append(docs, esDoc{
				id:     fmt.Sprintf("%064x", len(docs)+1),
				millis: day.UnixMilli(),
				source: map[string]any{
					"article_title":    fmt.Sprintf("Strikes near %s kill militia fighters (%s)", place, outlet),
					"text_content":     text,
					"publication_date": day.Format("2006-01-02"),
					"canonical_domain": outlet,
					"url":              fmt.Sprintf("https://%s/%s/strikes-%d?a=1&region=us", outlet, day.Format("2006/01/02"), e),
					"language":         "en",
				},
			})
		}
	}
	return docs
}

// inprocEnv runs pmureader in this process with the environment env (a
// library in a temporary folder unless env names one).
func inprocEnv(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	if env["PMUREADER_LIBRARY"] == "" {
		env["PMUREADER_LIBRARY"] = t.TempDir() + "/library.db"
	}
	env["HOME"] = t.TempDir()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb, func(k string) string { return env[k] })
	r := result{stdout: out.String(), stderr: errb.String(), code: code}
	if strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("pmureader %q printed a stack trace:\n%s", args, r.stderr)
	}
	return r
}
