package fetch

import (
	"context"
	"net/url"
	"sync"
)

// Request is one address for FetchAll, with the validators of its last
// fetch for a conditional request (zero for none).
type Request struct {
	URL  string
	Cond Validators
}

// Result is the outcome of one Request: a Response or an error (*Error),
// never both.
type Result struct {
	Request  Request
	Response *Response
	Err      error
}

// Progress is reported after each request finishes.
type Progress struct {
	Done   int    // requests finished, this one included
	Failed int    // of which failed
	Total  int    // requests in all
	Last   Result // the one that just finished
}

// FetchAll fetches every request, Options.Concurrency at a time and at most
// Options.PerHost at once per host, and returns the results in the order of
// reqs. Requests are started round-robin across hosts, so that a long list
// for one site does not hold up the others behind its host limit.
//
// progress, if not nil, is called once per finished request, from the
// goroutine that called FetchAll and never concurrently, so it may print or
// send to a channel without locking; it should be quick, as it holds up
// the collection of results (not the fetching). When ctx is cancelled the
// requests not yet finished fail with ErrCanceled and FetchAll returns.
func (c *Client) FetchAll(ctx context.Context, reqs []Request, progress func(Progress)) []Result {
	results := make([]Result, len(reqs))
	if len(reqs) == 0 {
		return results
	}
	order := make(chan int, len(reqs))
	for _, i := range roundRobin(reqs) {
		order <- i
	}
	close(order)

	done := make(chan int, len(reqs)) // workers never wait for progress
	var wg sync.WaitGroup
	for range min(c.opts.Concurrency, len(reqs)) {
		wg.Go(func() {
			for i := range order {
				results[i] = c.fetchOne(ctx, reqs[i])
				done <- i
			}
		})
	}
	go func() { wg.Wait(); close(done) }()

	p := Progress{Total: len(reqs)}
	for i := range done {
		p.Done++
		if results[i].Err != nil {
			p.Failed++
		}
		p.Last = results[i]
		if progress != nil {
			progress(p)
		}
	}
	return results
}

// fetchOne runs one request; a request whose turn comes after ctx was
// cancelled fails without touching the network.
func (c *Client) fetchOne(ctx context.Context, r Request) Result {
	if ctx.Err() != nil {
		return Result{Request: r, Err: newError(r.URL, ErrCanceled, context.Cause(ctx), "cancelled")}
	}
	resp, err := c.Get(ctx, r.URL, r.Cond)
	return Result{Request: r, Response: resp, Err: err}
}

// roundRobin orders the indexes of reqs so that hosts take turns: the
// first request of each host (in order of first appearance), then the
// second of each, and so on.
func roundRobin(reqs []Request) []int {
	var hosts []string
	byHost := map[string][]int{}
	for i, r := range reqs {
		h := ""
		if u, err := url.Parse(r.URL); err == nil {
			h = hostKey(u)
		}
		if _, ok := byHost[h]; !ok {
			hosts = append(hosts, h)
		}
		byHost[h] = append(byHost[h], i)
	}
	order := make([]int, 0, len(reqs))
	for round := 0; len(order) < len(reqs); round++ {
		for _, h := range hosts {
			if round < len(byHost[h]) {
				order = append(order, byHost[h][round])
			}
		}
	}
	return order
}
