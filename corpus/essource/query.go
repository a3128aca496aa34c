package essource

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ErrBadQuery is wrapped when a query cannot run with the mapping (a date
// range without a date field, …): exit 2.
var ErrBadQuery = errors.New("bad query")

// Defaults of a Query and of Options.
const (
	// DefaultLimit is how many articles a query reads unless Query.Limit
	// says otherwise; the Result says when more matched.
	DefaultLimit = 10_000
	// DefaultPageSize is how many hits one request asks for.
	DefaultPageSize = 1_000
)

// Query selects the articles to read.
type Query struct {
	// Text is a simple_query_string over the title and text fields, all
	// words required (default_operator "and"): "kataib hezbollah",
	// "\"quds force\" -soleimani". Empty: every article.
	Text string
	// Since and Until bound the date field, in whole UTC days, both
	// inclusive; zero means open.
	Since, Until time.Time
	// Outlets keeps articles whose outlet filter field (canonical_domain
	// for Media Cloud) is one of these values, matched exactly.
	Outlets []string
	// Limit is how many articles to read at most: 0 means DefaultLimit,
	// a negative number no limit.
	Limit int
}

// limit resolves Limit's zero and negative values; -1 is no limit.
func (q Query) limit() int {
	switch {
	case q.Limit == 0:
		return DefaultLimit
	case q.Limit < 0:
		return -1
	}
	return q.Limit
}

// check reports a query the mapping cannot run.
func (q Query) check(m *Mapping) error {
	if (!q.Since.IsZero() || !q.Until.IsZero()) && m.dateField() == "" {
		return fmt.Errorf("%w: --since/--until need a date field; add date=FIELD to --mapping", ErrBadQuery)
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return fmt.Errorf("%w: --until %s is before --since %s", ErrBadQuery, q.Until.Format(dayLayout), q.Since.Format(dayLayout))
	}
	if len(q.Outlets) > 0 && m.outletFilterField() == "" {
		return fmt.Errorf("%w: --outlet needs an outlet field; add outlet=FIELD (or outlet_filter=FIELD) to --mapping", ErrBadQuery)
	}
	return nil
}

// dsl is the query part of the search body: a bool query whose must is
// the text and whose filters are the date range and the outlets.
func (q Query) dsl(m *Mapping) map[string]any {
	var must, filter []any
	if q.Text != "" {
		must = append(must, map[string]any{"simple_query_string": map[string]any{
			"query":            q.Text,
			"fields":           m.queryFields(),
			"default_operator": "and",
		}})
	}
	if !q.Since.IsZero() || !q.Until.IsZero() {
		r := map[string]any{"format": "yyyy-MM-dd"}
		if !q.Since.IsZero() {
			r["gte"] = q.Since.UTC().Format(dayLayout)
		}
		if !q.Until.IsZero() {
			r["lt"] = q.Until.UTC().AddDate(0, 0, 1).Format(dayLayout) // the whole last day
		}
		filter = append(filter, map[string]any{"range": map[string]any{m.dateField(): r}})
	}
	if len(q.Outlets) > 0 {
		filter = append(filter, map[string]any{"terms": map[string]any{m.outletFilterField(): q.Outlets}})
	}
	if len(must) == 0 && len(filter) == 0 {
		return map[string]any{"match_all": map[string]any{}}
	}
	b := map[string]any{}
	if len(must) > 0 {
		b["must"] = must
	}
	if len(filter) > 0 {
		b["filter"] = filter
	}
	return map[string]any{"bool": b}
}

// sortSpec orders hits by date (oldest first, undated last), then by the
// tiebreaker that makes the order total for search_after: _shard_doc on an
// Elasticsearch point in time, the mapping's tiebreak (or _id) on an
// OpenSearch one, and index order (_doc) for a scroll, which needs none.
func sortSpec(m *Mapping, p Paging) []any {
	var out []any
	if f := m.dateField(); f != "" {
		out = append(out, map[string]any{f: map[string]any{"order": "asc", "missing": "_last", "unmapped_type": "date"}})
	}
	switch p {
	case PagingPIT:
		out = append(out, map[string]any{"_shard_doc": "asc"})
	case PagingOpenSearchPIT:
		tb := m.Tiebreak
		if tb == "" {
			tb = "_id"
		}
		out = append(out, map[string]any{tb: "asc"})
	default:
		out = append(out, "_doc")
	}
	return out
}

// pitRef is the pit object of a search on a point in time.
type pitRef struct {
	ID        string `json:"id"`
	KeepAlive string `json:"keep_alive,omitempty"`
}

// searchBody is the body of one search request.
type searchBody struct {
	Size           int               `json:"size"`
	Query          map[string]any    `json:"query"`
	Sort           []any             `json:"sort,omitempty"`
	Source         any               `json:"_source,omitempty"`
	PIT            *pitRef           `json:"pit,omitempty"`
	SearchAfter    []json.RawMessage `json:"search_after,omitempty"`
	TrackTotalHits bool              `json:"track_total_hits,omitempty"`
}
