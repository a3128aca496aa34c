package essource

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/pmureader/pmureader/corpus"
)

// Batch is one page of a read, mapped: the articles (in date order) and
// what went wrong with single hits or shards, with the progress so far.
type Batch struct {
	Articles []*corpus.Article
	Problems []corpus.Problem
	// Hits is how many hits were read so far, this batch included.
	Hits int
	// Total is hits.total of the query, from the first page; TotalExact
	// is false when the cluster only gives a lower bound.
	Total      int64
	TotalExact bool
}

// Result sums up a read.
type Result struct {
	Hits       int // hits read
	Articles   int // articles made from them
	Total      int64
	TotalExact bool
	// Limited is true when more hits matched than the limit let through
	// (a warning wrapping ErrLimited says so in the last batch).
	Limited bool
	// Paging is the method used; Mapping the layout (given or detected).
	Paging  Paging
	Mapping *Mapping
}

// probeSize is how many hits the layout probe looks at.
const probeSize = 5

// Fetch reads the articles q selects and hands them to emit a page at a
// time, as they arrive, so that a user interface can show rows at once;
// emit runs on Fetch's goroutine. It detects the layout (unless Options
// gives a mapping), opens a point in time (or scroll), pages with
// search_after and closes what it opened, also when ctx is cancelled or a
// request fails.
//
// The error is nil, or says why the read stopped early: what was emitted
// before it stands (the Result counts it). Errors wrap one of the Err*
// values of this package, or ctx.Err().
func (c *Client) Fetch(ctx context.Context, q Query, emit func(Batch)) (res Result, err error) {
	m, err := c.mapping(ctx)
	if err != nil {
		return res, err
	}
	res.Mapping = m
	if err := q.check(m); err != nil {
		return res, err
	}
	p := &pager{c: c, body: searchBody{Query: q.dsl(m), Source: m.sourceFields()}}
	if err := p.open(ctx, c.opt.Paging); err != nil {
		return res, c.explain(err)
	}
	res.Paging = p.mode
	p.body.Sort = sortSpec(m, p.mode)
	defer func() {
		if cerr := p.close(ctx); cerr != nil && err == nil {
			err = fmt.Errorf("%s: %w", c.src, cerr)
		}
	}()
	mp := &mapper{src: c.src, m: m, body: c.opt.Body, taken: map[string]bool{}}
	return c.pages(ctx, p, mp, q.limit(), res, emit)
}

// pages reads pages until the hits, the total or the limit run out.
func (c *Client) pages(ctx context.Context, p *pager, mp *mapper, limit int, res Result, emit func(Batch)) (Result, error) {
	shards := map[string]bool{} // shard failures reported so far
	for {
		size := c.opt.PageSize
		if limit >= 0 {
			size = min(size, limit-res.Hits)
		}
		page, err := p.next(ctx, size)
		if err != nil {
			return res, err
		}
		if p.pages == 1 {
			res.Total, res.TotalExact = page.total()
		}
		if len(page.Hits.Hits) > size {
			// A scroll keeps the page size it was opened with: the last
			// page before the limit brings more than is wanted.
			page.Hits.Hits = page.Hits.Hits[:size]
		}
		b := Batch{Problems: c.shardProblems(page, shards)}
		for i := range page.Hits.Hits {
			a, probs := mp.article(&page.Hits.Hits[i])
			b.Problems = append(b.Problems, probs...)
			if a != nil {
				b.Articles = append(b.Articles, a)
			}
		}
		res.Hits += len(page.Hits.Hits)
		res.Articles += len(b.Articles)
		b.Hits, b.Total, b.TotalExact = res.Hits, res.Total, res.TotalExact
		done := len(page.Hits.Hits) < size || res.TotalExact && int64(res.Hits) >= res.Total
		if !done && limit >= 0 && res.Hits >= limit {
			res.Limited = true
			b.Problems = append(b.Problems, c.limitNote(res, limit))
			done = true
		}
		emit(b)
		if done {
			return res, nil
		}
	}
}

// limitNote says that more matched than was read.
func (c *Client) limitNote(res Result, limit int) corpus.Problem {
	more := "more"
	if res.Total > int64(res.Hits) {
		more = fmt.Sprintf("%d", res.Total)
		if !res.TotalExact {
			more = "at least " + more
		}
	}
	return corpus.Problem{Path: c.src.String(), Warning: true, Err: fmt.Errorf(
		"%w: read the first %d articles (oldest first) of %s that matched; narrow the query (--since, --until, --outlet) or raise --limit",
		ErrLimited, limit, more)}
}

// shardProblems turns a page's shard failures and time-out into warnings,
// each distinct one once per read.
func (c *Client) shardProblems(page *searchResponse, seen map[string]bool) []corpus.Problem {
	var out []corpus.Problem
	add := func(key string, err error) {
		if !seen[key] {
			seen[key] = true
			out = append(out, corpus.Problem{Path: c.src.String(), Warning: true, Err: err})
		}
	}
	for _, f := range page.Shards.Failures {
		r := f.Reason.Reason
		if r == "" && len(f.Reason.RootCause) > 0 {
			r = f.Reason.RootCause[0].Reason
		}
		key := fmt.Sprintf("%s/%d/%s", f.Index, f.Shard, f.Reason.Type)
		add(key, fmt.Errorf("%w: %d of %d shards failed; results lack their documents: index %s shard %d: %s: %s",
			ErrShardFailure, page.Shards.Failed, page.Shards.Total, clean(f.Index), f.Shard, clean(f.Reason.Type), clean(r)))
	}
	if page.Shards.Failed > 0 && len(page.Shards.Failures) == 0 {
		add("failed", fmt.Errorf("%w: %d of %d shards failed; results lack their documents", ErrShardFailure, page.Shards.Failed, page.Shards.Total))
	}
	if page.TimedOut {
		add("timed_out", fmt.Errorf("%w: the search timed out on some shards; results may lack documents", ErrShardFailure))
	}
	return out
}

// mapping returns the layout to read with: Options.Mapping, checked
// against the first hits of the index, or the first preset whose text
// field those hits have. An index whose hits have no text field in the
// mapping ends the read with ErrNoTextField, naming the fields they have.
func (c *Client) mapping(ctx context.Context) (*Mapping, error) {
	var res searchResponse
	body := map[string]any{"size": probeSize, "query": map[string]any{"match_all": map[string]any{}}}
	if err := c.do(ctx, request{method: http.MethodPost, path: "/" + c.src.Index + "/_search", body: body}, &res); err != nil {
		return nil, c.explain(err)
	}
	docs := make([]fields, 0, len(res.Hits.Hits))
	for _, h := range res.Hits.Hits {
		docs = append(docs, asFields(h.Source))
	}
	candidates := presets()
	if c.opt.Mapping != nil {
		candidates = []*Mapping{c.opt.Mapping}
	}
	if len(docs) == 0 {
		return candidates[0], nil // an empty index: nothing to tell by
	}
	for _, m := range candidates {
		for _, d := range docs {
			if m.hasText(d) {
				return m, nil
			}
		}
	}
	return nil, c.noTextField(candidates, docs)
}

// noTextField names the fields the probed hits have.
func (c *Client) noTextField(tried []*Mapping, docs []fields) error {
	var have []string
	seen := map[string]bool{}
	for _, d := range docs {
		for _, p := range d.leafPaths() {
			if !seen[p] {
				seen[p] = true
				have = append(have, p)
			}
		}
	}
	var want []string
	for _, m := range tried {
		want = append(want, strings.Join(m.Text, ", "))
	}
	return fmt.Errorf("%s: %w: the first %d hits have none of %s; their _source fields: %s; map the body with --mapping text=FIELD (e.g. text=%s)",
		c.src, ErrNoTextField, len(docs), strings.Join(want, ", "), clean(strings.Join(have, ", ")), clean(firstOr(have, "body")))
}

// explain adds what to do to an authentication or permission error.
func (c *Client) explain(err error) error {
	switch {
	case errors.Is(err, ErrAuth) && !c.creds.any():
		return fmt.Errorf("%w; no credentials are set: set %s and %s, or %s", err, EnvUser, EnvPassword, EnvAPIKey)
	case errors.Is(err, ErrAuth):
		return fmt.Errorf("%w; check %s and %s, or %s", err, EnvUser, EnvPassword, EnvAPIKey)
	case errors.Is(err, ErrForbidden):
		return fmt.Errorf("%w; the user needs the read privilege on %s", err, c.src.Index)
	}
	return err
}

func firstOr(l []string, def string) string {
	if len(l) == 0 {
		return def
	}
	return l[0]
}
