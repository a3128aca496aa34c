package feed

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// parseXML prepares the bytes (charset, forbidden characters), parses
// them and reads the feed by its root element.
func parseXML(data []byte, charset, baseURL string) (*Feed, error) {
	root, err := parseTree(cleanXML(toUTF8(data, charset)))
	if err != nil {
		return nil, err
	}
	base := parseBase(baseURL)
	switch strings.ToLower(root.name.Local) {
	case "rss":
		return readRSS(root, base, RSS2, nsRSS2), nil
	case "rdf":
		return readRSS(root, base, RSS1, nsRSS1), nil
	case "feed":
		return readAtom(root, base), nil
	case "opml":
		return nil, fmt.Errorf("%w (an OPML list of feeds)", ErrNotFeed)
	case "html":
		return nil, fmt.Errorf("%w (an HTML page)", ErrNotFeed)
	}
	return nil, fmt.Errorf("%w (an XML document whose root is <%s>)", ErrNotFeed, line(root.name.Local))
}

// readRSS reads RSS 2.0 (<rss><channel><item>) and RSS 1.0
// (<rdf:RDF><channel/><item/>), whose elements differ only in namespace
// and in where the items are. Items are looked for in both places.
func readRSS(root *node, base *url.URL, format Format, core ns) *Feed {
	ch := root.child(core, "channel")
	if ch == nil {
		ch = root
	}
	home := ch.firstText(core, "link")
	f := &Feed{
		Format:      format,
		Title:       htmlLine(ch.childText(core, "title")),
		Link:        resolveLink(base, home),
		Description: htmlLine(ch.childText(core, "description")),
		Language:    line(firstOf(ch.childText(core, "language"), ch.childText(nsDC, "language"))),
		Updated: firstDate(ch.childText(core, "lastBuildDate"), ch.childText(core, "pubDate"),
			ch.childText(nsDC, "date")),
	}
	// Relative item links are relative to the site, which the channel's
	// link names (a feed may be served from another host than its site).
	itemBase := rebase(base, home)
	items := ch.children(core, "item")
	if ch != root {
		items = append(items, root.children(core, "item")...)
	}
	for _, n := range items {
		f.Items = append(f.Items, readRSSItem(n, itemBase, core))
	}
	return f
}

func readRSSItem(n *node, base *url.URL, core ns) Item {
	it := Item{Line: n.line, Title: htmlLine(n.childText(core, "title"))}
	guid := n.child(core, "guid")
	// FeedBurner's origLink is the article itself; link is a redirect.
	it.Link = resolveLink(base, firstOf(n.childText(nsFeedBurner, "origLink"), n.firstText(core, "link")))
	if it.Link == "" && guid != nil && !strings.EqualFold(guid.attrValue("isPermaLink"), "false") {
		it.Link = resolveLink(base, guid.textContent())
	}
	if it.Link == "" {
		it.Link = alternateLink(n, base)
	}
	if about := n.attrValue("about"); it.Link == "" && about != "" { // RSS 1.0 rdf:about
		it.Link = resolveLink(base, about)
	}
	if guid != nil {
		it.ID = strings.TrimSpace(guid.textContent())
	}
	it.ID = firstOf(it.ID, n.attrValue("about"), it.Link)
	it.Published = firstDate(n.childText(core, "pubDate"), n.childText(nsDC, "date"),
		n.childText(nsDCTerms, "issued"), n.childText(nsDCTerms, "created"))
	it.Updated = firstDate(n.childText(nsAtom, "updated"), n.childText(nsDCTerms, "modified"))
	for _, a := range n.children(core, "author") {
		it.Authors = append(it.Authors, rssAuthor(a.textContent()))
	}
	it.Authors = lines(append(it.Authors, texts(n.children(nsDC, "creator"))...))
	it.Categories = lines(append(texts(n.children(core, "category")), texts(n.children(nsDC, "subject"))...))
	if d := n.child(core, "description"); d != nil {
		it.Summary, it.SummaryType = d.markup(false), HTML
	}
	if c := n.child(nsContent, "encoded"); c != nil {
		it.Content, it.ContentType = c.markup(false), HTML
	}
	return it
}

// alternateLink is the href of an atom:link that is the item's page, in an
// RSS item.
func alternateLink(n *node, base *url.URL) string {
	for _, l := range n.children(nsAtom, "link") {
		if rel := l.attrValue("rel"); rel == "" || rel == "alternate" {
			if link := resolveLink(base, l.attrValue("href")); link != "" {
				return link
			}
		}
	}
	return ""
}

// rssAuthor reads RSS's "jo@example.org (Jo Bloggs)" as "Jo Bloggs".
func rssAuthor(s string) string {
	s = strings.TrimSpace(s)
	if open := strings.Index(s, "("); open > 0 && strings.HasSuffix(s, ")") && strings.Contains(s[:open], "@") {
		if name := strings.TrimSpace(s[open+1 : len(s)-1]); name != "" {
			return name
		}
	}
	return s
}

func texts(nodes []*node) []string {
	out := make([]string, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, n.textContent())
	}
	return out
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// firstDate is the first of the dates that parses; zero if none does.
func firstDate(ss ...string) time.Time {
	for _, s := range ss {
		if t, ok := parseDate(s); ok {
			return t
		}
	}
	return time.Time{}
}
