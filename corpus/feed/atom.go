package feed

import (
	"net/url"
	"strings"
)

// readAtom reads an Atom 1.0 (or 0.3) feed. xml:base is honoured on the
// feed, on each entry and on each link.
func readAtom(root *node, base *url.URL) *Feed {
	base = rebase(base, root.xmlBase())
	f := &Feed{
		Format:      Atom,
		Title:       atomLine(root.child(nsAtomAll, "title")),
		Link:        atomLink(root, base),
		Description: atomLine(firstNode(root.child(nsAtomAll, "subtitle"), root.child(nsAtomAll, "tagline"))),
		Language:    line(root.attrValue("lang")),
		Updated:     firstDate(root.childText(nsAtomAll, "updated"), root.childText(nsAtomAll, "modified")),
	}
	feedAuthors := atomAuthors(root)
	for _, e := range root.children(nsAtomAll, "entry") {
		f.Items = append(f.Items, readAtomEntry(e, base, feedAuthors))
	}
	return f
}

func readAtomEntry(e *node, base *url.URL, feedAuthors []string) Item {
	base = rebase(base, e.xmlBase())
	it := Item{
		Line:  e.line,
		Title: atomLine(e.child(nsAtomAll, "title")),
		Link:  atomLink(e, base),
		ID:    e.childText(nsAtomAll, "id"),
		Published: firstDate(e.childText(nsAtomAll, "published"), e.childText(nsAtomAll, "issued"),
			e.childText(nsAtomAll, "created")),
		Updated: firstDate(e.childText(nsAtomAll, "updated"), e.childText(nsAtomAll, "modified")),
		Authors: atomAuthors(e),
	}
	if it.Link == "" && (strings.HasPrefix(it.ID, "http://") || strings.HasPrefix(it.ID, "https://")) {
		it.Link = resolveLink(nil, it.ID) // many feeds use the permalink as the id
	}
	if len(it.Authors) == 0 {
		if src := e.child(nsAtomAll, "source"); src != nil {
			it.Authors = atomAuthors(src)
		}
	}
	if len(it.Authors) == 0 {
		it.Authors = feedAuthors
	}
	for _, c := range e.children(nsAtomAll, "category") {
		it.Categories = append(it.Categories, firstOf(c.attrValue("label"), c.attrValue("term")))
	}
	it.Categories = lines(it.Categories)
	if s := e.child(nsAtomAll, "summary"); s != nil {
		it.Summary, it.SummaryType = atomText(s)
	}
	if c := e.child(nsAtomAll, "content"); c != nil && c.attrValue("src") == "" {
		it.Content, it.ContentType = atomText(c)
	}
	return it
}

// atomText reads an Atom text construct or content by its type: "text"
// (or none) is text; "html" is markup, escaped in the XML; "xhtml" is
// markup inline, inside a <div> that is not part of it, and comes back as
// HTML. Other media types: XML ones are taken as inline markup, text/html
// as html, other text/* as text; anything else (base64 data, and Atom
// 0.3's mode="base64") is skipped.
func atomText(n *node) (string, TextType) {
	if strings.EqualFold(n.attrValue("mode"), "base64") { // Atom 0.3
		return "", 0
	}
	switch typ := strings.ToLower(n.attrValue("type")); {
	case typ == "" || typ == "text" || (strings.HasPrefix(typ, "text/") && typ != "text/html"):
		return n.textContent(), Text
	case typ == "html" || typ == "text/html":
		return n.markup(false), HTML
	case typ == "xhtml" || strings.HasSuffix(typ, "+xml") || strings.HasSuffix(typ, "/xml"):
		if div := onlyChild(n); div != nil && strings.EqualFold(div.name.Local, "div") {
			n = div
		}
		return n.markup(true), HTML
	}
	return "", 0
}

// atomLine is a text construct as one line of text (a title).
func atomLine(n *node) string {
	if n == nil {
		return ""
	}
	s, t := atomText(n)
	if t == HTML {
		return htmlLine(s)
	}
	return line(s)
}

// onlyChild is n's one child element when n has no other content but
// white space; else nil.
func onlyChild(n *node) *node {
	var only *node
	for _, k := range n.kids {
		switch {
		case k.name.Local == "":
			if strings.TrimSpace(k.text) != "" {
				return nil
			}
		case only != nil:
			return nil
		default:
			only = k
		}
	}
	return only
}

// atomLink is the page a feed or entry stands for: its link with rel
// "alternate" (or no rel), an HTML one first.
func atomLink(n *node, base *url.URL) string {
	var first string
	for _, l := range n.children(nsAtomAll, "link") {
		if rel := strings.ToLower(l.attrValue("rel")); rel != "" && rel != "alternate" {
			continue
		}
		href := resolveLink(rebase(base, l.xmlBase()), l.attrValue("href"))
		if href == "" {
			continue
		}
		if typ := strings.ToLower(l.attrValue("type")); typ == "" || typ == "text/html" || typ == "application/xhtml+xml" {
			return href
		}
		if first == "" {
			first = href
		}
	}
	return first
}

// atomAuthors are the names (or, lacking one, the e-mail) of n's authors.
func atomAuthors(n *node) []string {
	var out []string
	for _, a := range n.children(nsAtomAll, "author") {
		out = append(out, firstOf(a.childText(nsAtomAll, "name"), a.childText(nsAtomAll, "email")))
	}
	return lines(out)
}

func firstNode(nodes ...*node) *node {
	for _, n := range nodes {
		if n != nil {
			return n
		}
	}
	return nil
}
