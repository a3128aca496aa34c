package feed

import (
	"errors"
	"fmt"
	"mime"
	"net/url"
	"slices"
	"strings"
)

// OPML is a list of feeds, as feed readers export them.
type OPML struct {
	Title         string         // one line, sanitised
	Subscriptions []Subscription // in document order, each feed once
	Problems      []string       // outlines skipped: "line 12: feed address "…" is not http(s)"
}

// Subscription is one feed of an OPML list.
type Subscription struct {
	Title   string   // the outline's title (or text), one line, sanitised
	FeedURL string   // xmlUrl: absolute http(s)
	SiteURL string   // htmlUrl: absolute http(s), or ""
	Folders []string // the titles of the outlines it is nested in, outermost first
	Line    int      // where its outline is
}

// ParseOPML reads an OPML file: every outline with an xmlUrl, however
// deeply nested, is a subscription; the outlines around it are its
// folders. contentType and baseURL are as for Parse (relative addresses
// are resolved against baseURL). A file with no usable feed address is
// ErrNoFeeds; a document that is not OPML is ErrNotOPML; one that does not
// parse is a *SyntaxError.
func ParseOPML(data []byte, contentType, baseURL string) (*OPML, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		params = nil
	}
	root, err := parseTree(cleanXML(toUTF8(data, params["charset"])))
	if errors.Is(err, ErrNotFeed) {
		return nil, fmt.Errorf("%w (no XML element in it)", ErrNotOPML)
	}
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(root.name.Local, "opml") {
		return nil, fmt.Errorf("%w (the root element is <%s>)", ErrNotOPML, line(root.name.Local))
	}
	o := &OPML{}
	if head := root.child(ns{root.name.Space}, "head"); head != nil {
		o.Title = line(head.childText(ns{root.name.Space}, "title"))
	}
	if body := root.child(ns{root.name.Space}, "body"); body != nil {
		w := &opmlWalker{o: o, base: parseBase(baseURL), seen: map[string]bool{}}
		w.walk(body, nil)
	}
	if len(o.Subscriptions) == 0 {
		if len(o.Problems) > 0 {
			return nil, fmt.Errorf("%w (%s)", ErrNoFeeds, o.Problems[0])
		}
		return nil, ErrNoFeeds
	}
	return o, nil
}

// opmlWalker collects an OPML body's subscriptions.
type opmlWalker struct {
	o    *OPML
	base *url.URL
	seen map[string]bool // feed addresses already listed
}

// walk collects the subscriptions under n, folders being the titles of the
// outlines above it.
func (w *opmlWalker) walk(n *node, folders []string) {
	for _, k := range n.kids {
		if !strings.EqualFold(k.name.Local, "outline") {
			continue
		}
		title := line(firstOf(k.attrValue("title"), k.attrValue("text")))
		if raw := k.attrValue("xmlUrl"); raw != "" {
			w.add(k, raw, title, folders)
		}
		if len(k.kids) > 0 {
			w.walk(k, append(slices.Clip(folders), title))
		}
	}
}

func (w *opmlWalker) add(k *node, raw, title string, folders []string) {
	feedURL := resolveLink(w.base, raw)
	if feedURL == "" {
		w.o.Problems = append(w.o.Problems, fmt.Sprintf("line %d: feed address %q is not an http(s) address", k.line, raw))
		return
	}
	if w.seen[feedURL] {
		return
	}
	w.seen[feedURL] = true
	w.o.Subscriptions = append(w.o.Subscriptions, Subscription{
		Title:   title,
		FeedURL: feedURL,
		SiteURL: resolveLink(w.base, k.attrValue("htmlUrl")),
		Folders: slices.DeleteFunc(slices.Clone(folders), func(s string) bool { return s == "" }),
		Line:    k.line,
	})
}
