package essource

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// searchResponse is the part of the documented search (and scroll)
// response a read uses.
type searchResponse struct {
	TimedOut bool   `json:"timed_out"`
	PitID    string `json:"pit_id"`
	ScrollID string `json:"_scroll_id"`
	Shards   struct {
		Total    int            `json:"total"`
		Failed   int            `json:"failed"`
		Failures []shardFailure `json:"failures"`
	} `json:"_shards"`
	Hits struct {
		Total json.RawMessage `json:"total"` // {"value": N, "relation": "eq"|"gte"}, or N before 7.0
		Hits  []hit           `json:"hits"`
	} `json:"hits"`
}

// hit is one search hit.
type hit struct {
	Index  string            `json:"_index"`
	ID     string            `json:"_id"`
	Source map[string]any    `json:"_source"` // see fields
	Sort   []json.RawMessage `json:"sort"`    // kept raw: a long sort value must not pass through float64
}

// shardFailure is the documented ShardFailure.
type shardFailure struct {
	Index  string     `json:"index"`
	Shard  int        `json:"shard"`
	Node   string     `json:"node"`
	Reason errorCause `json:"reason"`
}

// total reads hits.total: the count and whether it is exact.
func (r *searchResponse) total() (n int64, exact bool) {
	var t struct {
		Value    int64  `json:"value"`
		Relation string `json:"relation"`
	}
	if json.Unmarshal(r.Hits.Total, &t) == nil {
		return t.Value, t.Relation != "gte"
	}
	if json.Unmarshal(r.Hits.Total, &n) == nil { // Elasticsearch 6: a bare number
		return n, true
	}
	return 0, false
}

// pager walks through one query's hits with one paging method.
type pager struct {
	c      *Client
	mode   Paging
	body   searchBody // the query, sort, size and _source filter
	pitID  string     // the latest point in time id
	scroll string     // the latest scroll id
	after  []json.RawMessage
	pages  int
	closed bool
}

// keepAlive renders the keep-alive for the API ("300s").
func (p *pager) keepAlive() string {
	return fmt.Sprintf("%ds", int(p.c.opt.KeepAlive/time.Second))
}

// indexPath is /INDEX/rest.
func (p *pager) indexPath(rest string) string { return "/" + p.c.src.Index + rest }

// open starts the paging: it opens a point in time, or, with PagingAuto,
// the first kind of point in time the cluster supports, falling back to a
// scroll (opened by the first page). A refusal that is about the index or
// the credentials (404 index_not_found, 401) ends the read at once.
func (p *pager) open(ctx context.Context, want Paging) error {
	tries := []Paging{want}
	if want == PagingAuto {
		tries = []Paging{PagingPIT, PagingOpenSearchPIT, PagingScroll}
	}
	var errs []string
	for _, mode := range tries {
		err := p.openMode(ctx, mode)
		if err == nil {
			p.mode = mode
			return nil
		}
		if want != PagingAuto || !unsupported(err) {
			return err
		}
		errs = append(errs, err.Error())
	}
	return fmt.Errorf("%s: no paging method worked: %s", p.c.src, strings.Join(errs, "; "))
}

// openMode opens a point in time of one kind; a scroll needs no opening.
func (p *pager) openMode(ctx context.Context, mode Paging) error {
	q := url.Values{"keep_alive": {p.keepAlive()}}
	switch mode {
	case PagingPIT:
		var res struct {
			ID string `json:"id"`
		}
		if err := p.c.do(ctx, request{method: http.MethodPost, path: p.indexPath("/_pit"), query: q}, &res); err != nil {
			return err
		}
		if res.ID == "" {
			return fmt.Errorf("%s: POST %s: %w: no id", p.c.src, p.indexPath("/_pit"), ErrBadResponse)
		}
		p.pitID = res.ID
	case PagingOpenSearchPIT:
		var res struct {
			PitID string `json:"pit_id"`
		}
		if err := p.c.do(ctx, request{method: http.MethodPost, path: p.indexPath("/_search/point_in_time"), query: q}, &res); err != nil {
			return err
		}
		if res.PitID == "" {
			return fmt.Errorf("%s: POST %s: %w: no pit_id", p.c.src, p.indexPath("/_search/point_in_time"), ErrBadResponse)
		}
		p.pitID = res.PitID
	case PagingScroll:
	default:
		return fmt.Errorf("%w: unknown paging %q", ErrBadQuery, mode)
	}
	return nil
}

// unsupported reports an answer that means "this API is not here": an
// older version or the other product (400 no handler, 404 without
// index_not_found, 405, 501), or a role without the point-in-time
// privilege (403: a scroll may still be allowed, and says so if not).
func unsupported(err error) bool {
	var he *HTTPError
	if !errors.As(err, &he) {
		return false
	}
	switch he.Status {
	case http.StatusBadRequest, http.StatusMethodNotAllowed, http.StatusNotImplemented, http.StatusForbidden:
		return true
	case http.StatusNotFound:
		return he.Type != "index_not_found_exception"
	}
	return false
}

// next fetches the next page of at most size hits. The first page asks
// for the exact total.
func (p *pager) next(ctx context.Context, size int) (*searchResponse, error) {
	var res searchResponse
	var err error
	first := p.pages == 0
	switch {
	case p.mode == PagingScroll && !first:
		err = p.c.do(ctx, request{method: http.MethodPost, path: "/_search/scroll",
			body: map[string]any{"scroll": p.keepAlive(), "scroll_id": p.scroll}}, &res)
	case p.mode == PagingScroll:
		b := p.body
		b.Size, b.TrackTotalHits = size, true
		err = p.c.do(ctx, request{method: http.MethodPost, path: p.indexPath("/_search"),
			query: url.Values{"scroll": {p.keepAlive()}}, body: b}, &res)
	default:
		b := p.body
		b.Size, b.TrackTotalHits = size, first
		b.PIT = &pitRef{ID: p.pitID, KeepAlive: p.keepAlive()}
		b.SearchAfter = p.after
		err = p.c.do(ctx, request{method: http.MethodPost, path: "/_search", body: b}, &res)
	}
	if err != nil {
		return nil, err
	}
	p.pages++
	if res.PitID != "" {
		p.pitID = res.PitID // always page with the latest id
	}
	if res.ScrollID != "" {
		p.scroll = res.ScrollID
	}
	if n := len(res.Hits.Hits); n > 0 {
		p.after = res.Hits.Hits[n-1].Sort
		if p.mode != PagingScroll && len(p.after) == 0 {
			return nil, fmt.Errorf("%s: %w: a hit without sort values; search_after cannot continue", p.c.src, ErrBadResponse)
		}
	}
	return &res, nil
}

// close releases the point in time or scroll. It runs even when ctx was
// cancelled (with a bounded time of its own), so that the cluster does not
// hold the context until keep_alive runs out.
func (p *pager) close(ctx context.Context) error {
	if p.closed {
		return nil
	}
	p.closed = true
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
	defer cancel()
	var r request
	switch {
	case p.mode == PagingPIT && p.pitID != "":
		r = request{method: http.MethodDelete, path: "/_pit", body: map[string]any{"id": p.pitID}}
	case p.mode == PagingOpenSearchPIT && p.pitID != "":
		r = request{method: http.MethodDelete, path: "/_search/point_in_time", body: map[string]any{"pit_id": []string{p.pitID}}}
	case p.mode == PagingScroll && p.scroll != "":
		r = request{method: http.MethodDelete, path: "/_search/scroll", body: map[string]any{"scroll_id": []string{p.scroll}}}
	default:
		return nil
	}
	if err := p.c.do(cctx, r, nil); err != nil {
		return fmt.Errorf("closing the %s: %w", p.mode, err)
	}
	return nil
}
