package sources

import (
	"context"
	"errors"
	"fmt"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/feed"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/library"
)

// round is what the documents fetched together are expected to be.
type round int

const (
	roundRefs  round = iota // what the user named: a page, a feed or an OPML list
	roundFeeds              // the feeds of an OPML list, or those followed: feeds
	roundItems              // feed items' links: pages
)

// run is one Add or Update under way: what it found, what waits to be
// fetched or stored, and the counts its progress reports.
type run struct {
	s        *Sources
	report   Report
	progress func(Progress)

	done, total, failed, added int

	opmlFeeds []fetch.Request // feeds OPML lists named, still to fetch
	items     []*itemRef      // feed items whose links are still to fetch
	queue     []queued        // articles waiting to be stored
	seen      map[string]*seenKeys
	err       error // the library failed: everything stops
}

// queued is an article waiting to be stored, and where it came from.
type queued struct {
	entry library.Entry
	from  string
	item  *itemRef // the feed item it was made from, or nil
}

func (s *Sources) newRun(progress func(Progress)) *run {
	return &run{s: s, progress: progress, seen: map[string]*seenKeys{}}
}

// tick counts one request or file done and reports progress.
func (r *run) tick(ref string) {
	r.done++
	r.report1(ref)
}

func (r *run) report1(ref string) {
	if r.progress != nil {
		r.progress(Progress{Done: r.done, Total: max(r.total, r.done), Failed: r.failed, Added: r.added, Last: safeRef(ref)})
	}
}

// fail records that ref could not be added, for reason err.
func (r *run) fail(ref string, err error) {
	r.failed++
	r.report.Failures = append(r.report.Failures, Failure{Ref: ref, Err: err})
}

// failItem records a feed item that could not be added; one that will
// fail again (a missing page, a PDF) is not tried again by Update.
func (r *run) failItem(it *itemRef, ref string, err error) {
	r.fail(ref, err)
	if permanent(err) {
		it.feed.add(it.key)
	}
}

// finish fetches what the first round found (the feeds of OPML lists,
// then the feeds' items), stores what is left and remembers the items
// taken. It returns the library's error, or ctx's.
func (r *run) finish(ctx context.Context) error {
	if len(r.opmlFeeds) > 0 && r.err == nil {
		reqs := r.opmlFeeds
		r.opmlFeeds = nil
		r.fetchFeeds(ctx, reqs)
	}
	if len(r.items) > 0 && r.err == nil {
		items := r.items
		r.items = nil
		urls := make([]string, len(items))
		for i, it := range items {
			urls[i] = it.item.Link
		}
		r.total += len(urls)
		r.fetch(ctx, urls, roundItems, items)
	}
	r.store(ctx)
	if r.err == nil {
		r.err = r.saveSeen(ctx)
	}
	if r.err == nil {
		r.err = ctx.Err()
	}
	return r.err
}

// fetchRound fetches urls, all expected to be of one round.
func (r *run) fetchRound(ctx context.Context, urls []string, rd round) {
	r.fetch(ctx, urls, rd, nil)
}

// fetchFeeds fetches feeds (conditionally when reqs carry validators).
func (r *run) fetchFeeds(ctx context.Context, reqs []fetch.Request) {
	if len(reqs) == 0 || r.err != nil {
		return
	}
	results := r.s.opt.Client.FetchAll(ctx, reqs, func(p fetch.Progress) { r.tick(p.Last.Request.URL) })
	for _, res := range results {
		r.takeFeedResult(ctx, res, roundFeeds)
	}
	r.store(ctx)
}

// fetchChunk is how many addresses are fetched before what they gave is
// stored: an interrupted add of many pages keeps what it had stored, and
// no more than this many pages are held in memory.
const fetchChunk = 100

// fetch fetches urls, a chunk at a time; items, when not nil, are the
// feed items they are the links of (one each).
func (r *run) fetch(ctx context.Context, urls []string, rd round, items []*itemRef) {
	for start := 0; start < len(urls) && r.err == nil && ctx.Err() == nil; start += fetchChunk {
		end := min(start+fetchChunk, len(urls))
		var its []*itemRef
		if items != nil {
			its = items[start:end]
		}
		r.fetchSome(ctx, urls[start:end], rd, its)
	}
}

// fetchSome fetches urls and stores what they give.
func (r *run) fetchSome(ctx context.Context, urls []string, rd round, items []*itemRef) {
	if len(urls) == 0 || r.err != nil {
		return
	}
	reqs := make([]fetch.Request, len(urls))
	for i, u := range urls {
		reqs[i] = fetch.Request{URL: u}
	}
	results := r.s.opt.Client.FetchAll(ctx, reqs, func(p fetch.Progress) { r.tick(p.Last.Request.URL) })
	var pages []*pageJob
	for i, res := range results {
		var it *itemRef
		if items != nil {
			it = items[i]
		}
		if p := r.takeResult(ctx, res, rd, it); p != nil {
			pages = append(pages, p)
		}
	}
	r.extract(pages)
	r.store(ctx)
}

// takeResult sorts one fetched document by what it is: a page to
// extract (returned), a feed or an OPML list to read, or a failure.
func (r *run) takeResult(ctx context.Context, res fetch.Result, rd round, it *itemRef) *pageJob {
	ref := res.Request.URL
	if res.Err != nil {
		if it != nil {
			r.failItem(it, ref, res.Err)
		} else {
			r.fail(ref, res.Err)
		}
		return nil
	}
	resp := res.Response
	switch {
	case resp.Kind == fetch.ContentHTML:
		return &pageJob{from: ref, base: resp.URL, contentType: resp.Header.Get("Content-Type"), data: resp.Body, item: it, fetched: true}
	case it != nil:
		r.failItem(it, ref, fmt.Errorf("%s, not an article page", kindName(resp.Kind)))
	case resp.Kind == fetch.ContentFeed:
		r.takeFeedResult(ctx, res, rd)
	case resp.Kind == fetch.ContentOPML:
		r.takeOPML(res)
	}
	return nil
}

// kindName names a kind of document in a message.
func kindName(k fetch.ContentKind) string {
	switch k {
	case fetch.ContentFeed:
		return "a feed"
	case fetch.ContentOPML:
		return "an OPML list of feeds"
	}
	return "a web page"
}

// takeOPML queues the feeds an OPML list names.
func (r *run) takeOPML(res fetch.Result) {
	o, err := feed.ParseOPML(res.Response.Body, res.Response.Header.Get("Content-Type"), res.Response.URL)
	if err != nil {
		r.fail(res.Request.URL, err)
		return
	}
	r.takeSubscriptions(res.Request.URL, o)
}

// takeSubscriptions queues the feeds of an OPML list read from ref.
func (r *run) takeSubscriptions(ref string, o *feed.OPML) {
	for _, p := range o.Problems {
		r.report.Problems = append(r.report.Problems, corpus.Problem{Path: safeRef(ref), Err: errors.New(p), Warning: true})
	}
	for _, sub := range o.Subscriptions {
		r.opmlFeeds = append(r.opmlFeeds, fetch.Request{URL: sub.FeedURL})
	}
	r.total += len(o.Subscriptions)
}

// permanent reports whether a failure will recur if tried again: the
// page is missing, forbidden, too large, not a page, or has no text;
// unlike a timeout, a refused connection or a server error.
func permanent(err error) bool {
	var fe *fetch.Error
	if !errors.As(err, &fe) {
		return !errors.Is(err, context.Canceled)
	}
	switch fe.Kind {
	case fetch.ErrStatus:
		return fe.Status >= 400 && fe.Status < 500 && fe.Status != 408 && fe.Status != 429
	case fetch.ErrBadURL, fetch.ErrContentType, fetch.ErrTooLarge, fetch.ErrRedirectLoop, fetch.ErrTooManyRedirects:
		return true
	}
	return false
}

// pageJob is one HTML document to turn into an article.
type pageJob struct {
	from        string // the address asked for (or the feed's, for a feed's own text)
	base        string // the address after redirects, for the extractor
	contentType string
	data        []byte
	item        *itemRef // the feed item it belongs to, or nil
	fetched     bool     // data is a fetched page (stored as the raw HTML)
	file        bool     // data is a saved page read from the file from

	art      *corpus.Article
	problems []corpus.Problem
	err      error
}

// extract turns pages into articles on every core, then queues them (or
// their failures) in order.
func (r *run) extract(pages []*pageJob) {
	pool.ForEach(len(pages), pool.Workers(0, len(pages)), func(_, i int) {
		p := pages[i]
		p.art, p.problems, p.err = r.s.opt.HTML(p.data, p.base, p.contentType)
	})
	now := r.s.opt.Now().UTC()
	for _, p := range pages {
		r.report.Problems = append(r.report.Problems, p.problems...)
		if p.err != nil {
			if p.item != nil {
				r.failItem(p.item, p.from, p.err)
			} else {
				r.fail(p.from, p.err)
			}
			continue
		}
		if p.item != nil {
			p.item.apply(p.art, !p.fetched)
		}
		e := library.Entry{Article: p.art, HTML: p.data}
		switch {
		case p.fetched:
			e.FetchedFrom, e.FetchedAt = safeRef(p.from), now
		case p.file:
			p.art.ID = fileID(p.from)
		case p.item != nil:
			e.FetchedFrom, e.FetchedAt = safeRef(p.item.feed.url), now
		}
		r.queue = append(r.queue, queued{entry: e, from: p.from, item: p.item})
	}
	if len(pages) > 0 {
		r.report1("")
	}
}

// store adds the queued articles to the library, a batch per
// transaction, and records what became of each.
func (r *run) store(ctx context.Context) {
	for len(r.queue) > 0 && r.err == nil {
		n := min(len(r.queue), r.s.opt.BatchSize)
		batch := r.queue[:n]
		entries := make([]library.Entry, n)
		for i, q := range batch {
			entries[i] = q.entry
		}
		res, err := r.s.lib.Add(ctx, entries)
		if err != nil {
			r.err = err
			return
		}
		for _, a := range res.Added {
			q := batch[a.Index]
			q.entry.Article.ID, q.entry.Article.CopyOf = a.ID, a.CopyOf
			r.report.Added = append(r.report.Added, Added{Article: q.entry.Article, From: q.from})
			r.added++
			q.item.taken()
		}
		for _, d := range res.Duplicates {
			q := batch[d.Index]
			r.report.Duplicates = append(r.report.Duplicates, Duplicate{From: q.from, Title: q.entry.Article.Title, Existing: d.Existing, Reason: d.Reason})
			q.item.taken()
		}
		r.queue = r.queue[n:]
		r.report1("")
	}
}
