package webpage

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// idAttr marks every element of the page with its number, so elements can be
// recognised in the extractor's output, which is a cleaned copy.
const idAttr = "data-pmu-id"

// document is the parsed page with what the steps after parsing share.
type document struct {
	root *html.Node
	// elems lists the page's elements by their idAttr number.
	elems []*html.Node
	// spans holds the byte range in the decoded page of each text node that
	// could be matched to the tokenizer's text tokens.
	spans map[*html.Node]span
}

type span struct{ start, end int }

// parse builds the DOM, numbers its elements and locates its text.
func parse(text string) (*document, error) {
	root, err := html.Parse(strings.NewReader(flatten(text)))
	if err != nil {
		return nil, fmt.Errorf("parse the HTML: %w", err)
	}
	d := &document{root: root}
	d.number(root)
	d.spans = locateText(root, text)
	return d, nil
}

func (d *document) number(n *html.Node) {
	if n.Type == html.ElementNode {
		n.Attr = append(n.Attr, html.Attribute{Key: idAttr, Val: strconv.Itoa(len(d.elems))})
		d.elems = append(d.elems, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		d.number(c)
	}
}

// elemID returns the idAttr number of an element, or -1.
func elemID(n *html.Node) int {
	for i := len(n.Attr) - 1; i >= 0; i-- {
		if n.Attr[i].Key == idAttr {
			id, err := strconv.Atoi(n.Attr[i].Val)
			if err != nil {
				return -1
			}
			return id
		}
	}
	return -1
}

// locateText matches the DOM's text nodes, in document order, with the text
// tokens of a tokenizer pass over the same page, which know their byte
// offsets. The parser moves some text (tables' foster parenting) and merges
// neighbours, so a node that cannot be matched nearby gets no span.
func locateText(root *html.Node, text string) map[*html.Node]span {
	toks := textTokens(text)
	spans := make(map[*html.Node]span)
	cursor := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			if t := strings.TrimSpace(n.Data); t != "" {
				if i := matchToken(toks, cursor, t); i >= 0 {
					spans[n] = span{toks[i].start, toks[i].end}
					cursor = i + 1
				}
			}
			return
		}
		if n.Type == html.ElementNode && skipTag(n.DataAtom) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return spans
}

type textToken struct {
	text       string
	start, end int
}

func textTokens(text string) []textToken {
	z := html.NewTokenizer(strings.NewReader(text))
	var toks []textToken
	offset := 0
	skipDepth := 0
	for {
		tt := z.Next()
		raw := len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return toks
		case html.StartTagToken:
			if name, _ := z.TagName(); skipTag(atom.Lookup(name)) {
				skipDepth++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skipTag(atom.Lookup(name)) && skipDepth > 0 {
				skipDepth--
			}
		case html.TextToken:
			if skipDepth == 0 {
				if t := strings.TrimSpace(string(z.Text())); t != "" {
					// The span covers the visible text, not the white space
					// (often a line break) around it.
					r := string(z.Raw())
					lead := len(r) - len(strings.TrimLeft(r, " \t\r\n\f"))
					toks = append(toks, textToken{text: t, start: offset + lead, end: offset + len(strings.TrimRight(r, " \t\r\n\f"))})
				}
			}
		}
		offset += raw
	}
}

// matchLookahead bounds how many tokens a text node may skip to find its own.
const matchLookahead = 64

func matchToken(toks []textToken, from int, t string) int {
	for i := from; i < len(toks) && i < from+matchLookahead; i++ {
		if strings.HasPrefix(t, toks[i].text) || strings.HasPrefix(toks[i].text, t) {
			return i
		}
	}
	return -1
}

// skipTag lists elements whose content is never visible text.
func skipTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title,
		atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas,
		atom.Select, atom.Option, atom.Datalist, atom.Textarea, atom.Audio, atom.Video,
		atom.Map, atom.Input:
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textContent is the text of n's subtree, skipping invisible elements.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if skipTag(n.DataAtom) {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapse(b.String())
}
