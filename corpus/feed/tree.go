package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// maxDepth bounds element nesting: feeds are shallow, and a hostile
// document nested a million deep must not cost a million stack frames.
const maxDepth = 256

// node is an XML element, or a run of text (name empty): a document is
// parsed into a tree of them, so that the format readers can ask for
// children by namespace and name, and an element's mixed content can be
// written back as HTML.
type node struct {
	name xml.Name
	attr []xml.Attr
	kids []*node // elements and text, in document order
	text string  // for a text node
	line int     // the line the element's start tag ends on
}

// parseTree parses prepared UTF-8 XML, leniently: not strict, HTML named
// entities known, any declared charset taken as already converted.
func parseTree(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var root *node
	var stack []*node
	var text textRun
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, xmlSyntaxError(d, err)
		}
		line, _ := d.InputPos()
		if cd, ok := tok.(xml.CharData); ok {
			if len(stack) > 0 {
				text.add(stack[len(stack)-1], cd)
			}
			continue
		}
		text.end()
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attr: t.Copy().Attr, line: line}
			switch {
			case root == nil:
				root = n
			case len(stack) == 0:
				continue // a second root: ignored, as is anything after the first
			default:
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			}
			if stack = append(stack, n); len(stack) > maxDepth {
				return nil, &SyntaxError{Format: "XML", Line: line, Msg: fmt.Sprintf("elements nested more than %d deep", maxDepth)}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	text.end()
	if root == nil {
		return nil, fmt.Errorf("%w (no XML element in it)", ErrNotFeed)
	}
	return root, nil
}

func xmlSyntaxError(d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &SyntaxError{Format: "XML", Line: se.Line, Msg: textnorm.Line(se.Msg), Err: err}
	}
	line, _ := d.InputPos()
	return &SyntaxError{Format: "XML", Line: line, Msg: textnorm.Line(err.Error()), Err: err}
}

// textRun joins the text tokens that follow one another in an element
// (CDATA sections and entities split text into several) into one text
// node, in a builder, so that a document of a million CDATA sections
// costs linear time.
type textRun struct {
	n   *node
	buf strings.Builder
}

func (r *textRun) add(parent *node, cd xml.CharData) {
	if r.n == nil {
		r.n = &node{}
		parent.kids = append(parent.kids, r.n)
	}
	r.buf.Write(cd)
}

func (r *textRun) end() {
	if r.n != nil {
		r.n.text = r.buf.String()
		r.n = nil
		r.buf.Reset()
	}
}

// ns is a set of namespaces an element may be in: the namespace's URI, and
// the prefix it is usually given, for feeds that use a prefix without
// declaring it.
type ns []string

var (
	nsAtom       = ns{"http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", "atom"}
	nsContent    = ns{"http://purl.org/rss/1.0/modules/content/", "content"}
	nsDC         = ns{"http://purl.org/dc/elements/1.1/", "dc"}
	nsDCTerms    = ns{"http://purl.org/dc/terms/", "dcterms"}
	nsRSS2       = ns{"", "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss"}
	nsRSS1       = ns{"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", ""}
	nsFeedBurner = ns{"http://rssnamespace.org/feedburner/ext/1.0", "feedburner"}
	nsAtomAll    = append(ns{""}, nsAtom...) // Atom's own elements, also when undeclared
	nsXML        = "http://www.w3.org/XML/1998/namespace"
)

func (s ns) has(space string) bool {
	for _, x := range s {
		if x == space {
			return true
		}
	}
	return false
}

// is reports whether n is an element called local in one of spaces.
func (n *node) is(spaces ns, local string) bool {
	return n.name.Local == local && spaces.has(n.name.Space)
}

// child returns n's first child element called local in spaces, or nil.
func (n *node) child(spaces ns, local string) *node {
	for _, k := range n.kids {
		if k.is(spaces, local) {
			return k
		}
	}
	return nil
}

// children returns n's child elements called local in spaces.
func (n *node) children(spaces ns, local string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.is(spaces, local) {
			out = append(out, k)
		}
	}
	return out
}

// childText is the text of the first child called local, trimmed; "" if none.
func (n *node) childText(spaces ns, local string) string {
	if c := n.child(spaces, local); c != nil {
		return strings.TrimSpace(c.textContent())
	}
	return ""
}

// firstText is the text of the first child called local that has any,
// trimmed: an RSS channel may hold an empty <link rel="self"/> (Atom's,
// without its namespace) before its real <link>.
func (n *node) firstText(spaces ns, local string) string {
	for _, k := range n.kids {
		if k.is(spaces, local) {
			if s := strings.TrimSpace(k.textContent()); s != "" {
				return s
			}
		}
	}
	return ""
}

// textContent is all the text inside n, markup dropped.
func (n *node) textContent() string {
	if n.name.Local == "" {
		return n.text
	}
	var b strings.Builder
	for _, k := range n.kids {
		b.WriteString(k.textContent())
	}
	return b.String()
}

// attrValue returns the attribute called local (any namespace but xmlns
// declarations), case-insensitively, trimmed.
func (n *node) attrValue(local string) string {
	for _, a := range n.attr {
		if strings.EqualFold(a.Name.Local, local) && a.Name.Space != "xmlns" {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// xmlBase is the element's xml:base attribute.
func (n *node) xmlBase() string {
	for _, a := range n.attr {
		if a.Name.Local == "base" && (a.Name.Space == nsXML || a.Name.Space == "xml") {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// markup returns what is inside n as HTML. Text that was escaped in the XML
// (or in CDATA) is markup already and is written as it is; elements, which
// a lenient parse finds when a feed puts raw HTML in a description, are
// written back as tags. With escapeText (Atom xhtml content, where text is
// text), text is escaped instead.
func (n *node) markup(escapeText bool) string {
	var b strings.Builder
	for _, k := range n.kids {
		writeHTML(&b, k, escapeText)
	}
	return b.String()
}

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

func writeHTML(b *strings.Builder, n *node, escapeText bool) {
	if n.name.Local == "" {
		if escapeText {
			b.WriteString(html.EscapeString(n.text))
		} else {
			b.WriteString(n.text)
		}
		return
	}
	tag := strings.ToLower(n.name.Local)
	if !htmlName(tag) {
		for _, k := range n.kids {
			writeHTML(b, k, escapeText)
		}
		return
	}
	b.WriteString("<" + tag)
	for _, a := range n.attr {
		name := strings.ToLower(a.Name.Local)
		if a.Name.Space == "xmlns" || name == "xmlns" || !htmlName(name) {
			continue
		}
		b.WriteString(" " + name + `="` + html.EscapeString(a.Value) + `"`)
	}
	b.WriteString(">")
	for _, k := range n.kids {
		writeHTML(b, k, escapeText)
	}
	// A void element has no end tag. It has children only when a lenient
	// parse of raw HTML (an unclosed <br>) made what follows it its
	// content: they are written after it, where they were.
	if !voidElements[tag] {
		b.WriteString("</" + tag + ">")
	}
}

// htmlName accepts tag and attribute names of ASCII letters, digits, '-'
// and '_' that start with a letter.
func htmlName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isLower(c) && !isDigit(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
