package sources

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/library"
)

// Options tune a Sources. The zero value is the default.
type Options struct {
	// Client fetches; nil makes one with fetch's defaults. Share one
	// client so that its per-host limit holds across calls.
	Client *fetch.Client
	// HTML maps a page onto an article; nil is corpus.ArticleFromHTML.
	HTML HTMLFunc
	// MaxFileSize is the largest article file read; 0 is corpus's default.
	MaxFileSize int64
	// BatchSize is how many articles one transaction stores; 0 is 200.
	BatchSize int
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time
}

// Sources adds articles to one library. Its methods may be called from
// several goroutines, though adds then race for the same items.
type Sources struct {
	lib *library.Library
	opt Options
}

// New returns a Sources storing into lib.
func New(lib *library.Library, opt Options) *Sources {
	if opt.Client == nil {
		opt.Client = fetch.New(fetch.Options{})
	}
	if opt.HTML == nil {
		opt.HTML = corpus.ArticleFromHTML
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 200
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Sources{lib: lib, opt: opt}
}

// RefKind is what a reference given to Add is.
type RefKind int

// The kinds of reference.
const (
	RefURL  RefKind = iota + 1 // an http(s) address: a page, a feed or an OPML list
	RefFile                    // a file or folder: a saved page, an OPML list or article files
)

// Classify says what a reference is: an http(s) address or a file that
// exists. Anything else is an error in plain words: another scheme, or a
// path that does not exist (with a hint when it looks like an address
// without its scheme).
func Classify(ref string) (RefKind, error) {
	if isWebAddress(ref) {
		u, err := url.Parse(ref)
		if err != nil || u.Host == "" {
			return 0, errors.New("not a valid web address")
		}
		return RefURL, nil
	}
	if i := strings.Index(ref, "://"); i > 0 && !strings.ContainsAny(ref[:i], `/\.`) {
		return 0, fmt.Errorf("%s addresses are not read: only http and https", ref[:i])
	}
	if _, err := os.Stat(ref); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			if looksLikeHost(ref) {
				return 0, fmt.Errorf("no such file; for a web address write https://%s", ref)
			}
			return 0, errors.New("no such file or directory")
		}
		return 0, fmt.Errorf("cannot read: %w", errors.Unwrap(err))
	}
	return RefFile, nil
}

// looksLikeHost reports whether s starts like a host name
// ("example.com/page", "www.example.org").
func looksLikeHost(s string) bool {
	host, _, _ := strings.Cut(s, "/")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 || strings.ContainsAny(host, ` \`) {
		return false
	}
	tld := host[dot+1:]
	for _, r := range tld {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return len(tld) >= 2 && len(tld) <= 6 && !knownExtension(tld)
}

// knownExtension reports whether ext is an article file's extension, so
// that "notes.md" is not taken for a host name.
func knownExtension(ext string) bool {
	switch ext {
	case "txt", "md", "markdown", "json", "jsonl", "ndjson", "html", "htm", "opml", "xml", "rss", "atom":
		return true
	}
	return false
}

// Add adds what refs name: each web page's article; each feed's items
// (the item's own text when the feed carries the whole article, else the
// page its link leads to), following the feed for Update; each feed of an
// OPML list likewise; and the articles of files and folders. A reference,
// feed item or file that fails is one Failure, and the rest go on.
// progress, if not nil, is called after every request and file, never
// concurrently.
//
// The error is for what stops everything: the library failing (a full
// disk, another process holding it) or ctx cancelled. Articles stored
// before that stay stored.
func (s *Sources) Add(ctx context.Context, refs []string, progress func(Progress)) (Report, error) {
	r := s.newRun(progress)
	var urls, files []string
	for _, ref := range refs {
		kind, err := Classify(ref)
		switch {
		case err != nil:
			r.fail(ref, err)
		case kind == RefURL:
			urls = append(urls, ref)
		default:
			files = append(files, ref)
		}
	}
	r.total += len(urls) + len(files)
	if err := r.addFiles(ctx, files); err != nil {
		return r.report, err
	}
	r.fetchRound(ctx, urls, roundRefs)
	return r.report, r.finish(ctx)
}

// Update fetches every feed followed, asking only for what changed since
// the last fetch (ETag, Last-Modified), and adds the items not taken
// before. Failures and the error are as for Add.
func (s *Sources) Update(ctx context.Context, progress func(Progress)) (Report, error) {
	r := s.newRun(progress)
	feeds, err := s.lib.Feeds(ctx)
	if err != nil {
		return r.report, err
	}
	reqs := make([]fetch.Request, len(feeds))
	for i, f := range feeds {
		reqs[i] = fetch.Request{URL: f.URL, Cond: fetch.Validators{ETag: f.ETag, LastModified: f.LastModified}}
	}
	r.total += len(reqs)
	r.fetchFeeds(ctx, reqs)
	return r.report, r.finish(ctx)
}
