package sources

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/feed"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// takeFeedResult reads a fetched feed: it is followed (or its fetch
// recorded), and its items not taken before become articles, from their
// own text when the feed carries the whole article, else from the pages
// their links lead to (fetched in the next round).
func (r *run) takeFeedResult(ctx context.Context, res fetch.Result, rd round) {
	ref := res.Request.URL
	at := r.s.opt.Now().UTC()
	if res.Err != nil {
		r.fail(ref, res.Err)
		r.recordFetch(ctx, ref, library.FetchResult{At: at, Err: res.Err}, rd)
		return
	}
	resp := res.Response
	if resp.NotModified {
		r.report.Feeds = append(r.report.Feeds, FeedResult{URL: ref, NotModified: true})
		r.recordFetch(ctx, ref, library.FetchResult{At: at, ETag: resp.Validators.ETag, LastModified: resp.Validators.LastModified}, rd)
		return
	}
	if resp.Kind != fetch.ContentFeed {
		err := fmt.Errorf("%s, not a feed", kindName(resp.Kind))
		r.fail(ref, err)
		r.recordFetch(ctx, ref, library.FetchResult{At: at, Err: err}, rd)
		return
	}
	f, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	if err != nil {
		r.fail(ref, err)
		r.recordFetch(ctx, ref, library.FetchResult{At: at, Err: err}, rd)
		return
	}
	if r.err == nil {
		r.err = r.s.lib.AddFeed(ctx, ref, f.Title)
	}
	r.recordFetch(ctx, ref, library.FetchResult{At: at, Title: f.Title, ETag: resp.Validators.ETag, LastModified: resp.Validators.LastModified}, roundFeeds)
	r.takeItems(ctx, ref, f)
}

// recordFetch stores the outcome of fetching a followed feed. A feed the
// user named for the first time is followed only once it reads well, so
// a failure to fetch it records nothing.
func (r *run) recordFetch(ctx context.Context, url string, fr library.FetchResult, rd round) {
	if r.err != nil || rd == roundRefs && fr.Err != nil {
		return
	}
	err := r.s.lib.RecordFetch(ctx, url, fr)
	if errors.Is(err, library.ErrNotFound) && fr.Err != nil {
		return // an OPML list's feed that never read well is not followed
	}
	r.err = err
}

// takeItems turns the new items of feed f, fetched from url, into
// articles or links to fetch.
func (r *run) takeItems(ctx context.Context, url string, f *feed.Feed) {
	seen, err := r.seenOf(ctx, url)
	if err != nil {
		r.err = err
		return
	}
	fr := FeedResult{URL: url, Title: f.Title, Items: len(f.Items)}
	var pages []*pageJob
	here := map[string]bool{}
	for i := range f.Items {
		it := &itemRef{feed: seen, item: &f.Items[i], key: itemKey(&f.Items[i]), outlet: f.Title}
		if it.key != "" && (seen.has(it.key) || here[it.key]) {
			continue
		}
		here[it.key] = true
		fr.New++
		switch {
		case it.item.Full:
			pages = append(pages, &pageJob{from: url, base: it.item.Link, contentType: "text/html; charset=utf-8",
				data: itemDocument(it.item), item: it})
		case it.item.Link != "":
			r.items = append(r.items, it)
		default:
			r.failItem(it, url, fmt.Errorf("item %d (%q) has neither a link nor the article's text", i+1, it.item.Title))
		}
	}
	r.report.Feeds = append(r.report.Feeds, fr)
	r.extract(pages)
}

// itemKey is what identifies an item from one fetch to the next, on one
// line.
func itemKey(it *feed.Item) string {
	return strings.Join(strings.Fields(it.Key()), " ")
}

// itemDocument is a feed item's own text as an HTML page for the
// extractor: its title as the headline and its content as the article.
func itemDocument(it *feed.Item) []byte {
	var b strings.Builder
	title := html.EscapeString(it.Title)
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(title)
	b.WriteString("</title></head><body><article><h1>")
	b.WriteString(title)
	b.WriteString("</h1>\n")
	if it.ContentType == feed.Text {
		for _, p := range strings.Split(strings.ReplaceAll(it.Content, "\r\n", "\n"), "\n\n") {
			if strings.TrimSpace(p) != "" {
				b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
			}
		}
	} else {
		b.WriteString(it.Content)
	}
	b.WriteString("\n</article></body></html>\n")
	return []byte(b.String())
}

// itemRef is a feed item being added.
type itemRef struct {
	feed   *seenKeys
	item   *feed.Item
	key    string
	outlet string // the feed's title
}

// taken records that the item's article is in the library (stored now
// or before). Safe on a nil itemRef (an article not from a feed).
func (it *itemRef) taken() {
	if it != nil {
		it.feed.add(it.key)
	}
}

// apply gives an article made from the item what the feed knows of it:
// for the item's own text (own), everything the feed says (title,
// authors, date, address, the feed's title as the outlet); for a page its
// link led to, only what the page lacks.
func (it *itemRef) apply(a *corpus.Article, own bool) {
	item := it.item
	title := textnorm.Line(item.Title)
	author := textnorm.Line(strings.Join(item.Authors, ", "))
	date := item.Published
	if date.IsZero() {
		date = item.Updated
	}
	outlet := textnorm.Line(it.outlet)
	if own || a.TitleDerived {
		if title != "" {
			a.Title, a.TitleDerived = title, false
		}
	}
	if author != "" && (own || a.Author == "") {
		a.Author = author
	}
	if !date.IsZero() && (own || !a.Date.Known()) {
		a.Date = corpus.Date{Time: date, Precision: corpus.PrecisionDay}
	}
	if outlet != "" && (own || a.Outlet == "") {
		a.Outlet = outlet
	}
	if own && item.Link != "" {
		a.URL = fetch.SafeURL(item.Link)
	}
}

// seenKeys are the keys of the items of one feed already taken, kept in
// the library's state under "feed-items URL", newest last.
type seenKeys struct {
	url     string
	set     map[string]bool
	order   []string
	changed bool
}

// maxSeen is how many item keys are remembered per feed: far more than
// any feed carries at once, so an item that drops out of the feed and
// comes back (rare) is the only thing forgotten.
const maxSeen = 5000

func seenStateKey(url string) string { return "feed-items " + url }

// seenOf reads the keys of url's items taken before.
func (r *run) seenOf(ctx context.Context, url string) (*seenKeys, error) {
	if s, ok := r.seen[url]; ok {
		return s, nil
	}
	s := &seenKeys{url: url, set: map[string]bool{}}
	v, ok, err := r.s.lib.State(ctx, seenStateKey(url))
	if err != nil {
		return nil, err
	}
	if ok && v != "" {
		for _, k := range strings.Split(v, "\n") {
			if !s.set[k] {
				s.set[k] = true
				s.order = append(s.order, k)
			}
		}
	}
	r.seen[url] = s
	return s, nil
}

func (s *seenKeys) has(k string) bool { return s.set[k] }

func (s *seenKeys) add(k string) {
	if k == "" || s.set[k] {
		return
	}
	s.set[k] = true
	s.order = append(s.order, k)
	s.changed = true
}

// saveSeen stores the keys of the feeds whose items were taken.
func (r *run) saveSeen(ctx context.Context) error {
	for url, s := range r.seen {
		if !s.changed {
			continue
		}
		keys := s.order
		if len(keys) > maxSeen {
			keys = keys[len(keys)-maxSeen:]
		}
		if err := r.s.lib.SetState(ctx, seenStateKey(url), strings.Join(keys, "\n")); err != nil {
			return err
		}
		s.changed = false
	}
	return nil
}
