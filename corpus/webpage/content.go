package webpage

import (
	"net/url"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// selection is the extractor's verdict: which of the page's elements are in
// the main content (by idAttr number), which texts it kept whose element it
// rebuilt, and the byline it found.
type selection struct {
	kept map[int]bool
	// orphans counts, by collapsed text, the kept text nodes whose element
	// the extractor made itself (a <div> of bare text becomes a new <p>);
	// the original text node is recognised by its text.
	orphans map[string]int
	// parts is the verdict on each text node, decided once in document order.
	parts  map[*html.Node]bool
	byline string
	title  string
}

// minExtractedWords: below this the extractor's choice is taken as a miss and
// the baseline (every block outside chrome that reads as prose) is used.
const minExtractedWords = 25

// smallExtraction: an extractor's choice under this many words is checked
// against the baseline, which wins when it finds twice as much prose (the
// extractor took a teaser box for the article).
const smallExtraction = 150

// runReadability asks go-readability for the main content of a copy of the
// page and reads back which original elements and texts it kept.
func runReadability(d *document, blocks []rawBlock, pageURL *url.URL) selection {
	p := readability.NewParser()
	art, err := p.ParseDocument(d.root, pageURL)
	sel := selection{kept: make(map[int]bool), orphans: make(map[string]int)}
	if err != nil || art.Node == nil {
		sel.decide(blocks)
		return sel
	}
	sel.byline, sel.title = art.Byline(), art.Title()
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if id := elemID(n); id >= 0 {
				sel.kept[id] = true
			}
		case html.TextNode:
			if n.Parent != nil && elemID(n.Parent) < 0 {
				if k := collapse(n.Data); k != "" {
					sel.orphans[k]++
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(art.Node)
	sel.decide(blocks)
	return sel
}

// decide settles, in document order, whether each text node was kept.
func (s *selection) decide(blocks []rawBlock) {
	s.parts = make(map[*html.Node]bool)
	for _, b := range blocks {
		for _, p := range b.parts {
			if p.node == nil || p.node.Parent == nil {
				continue
			}
			kept := s.kept[elemID(p.node.Parent)]
			if !kept {
				if k := collapse(p.text); s.orphans[k] > 0 {
					s.orphans[k]--
					kept = true
				}
			}
			s.parts[p.node] = kept
		}
	}
}

// partKept reports whether the extractor kept a piece of text.
func (s selection) partKept(p part) bool {
	return p.node != nil && s.parts[p.node]
}

// keptShare is the share of a block's characters the extractor kept.
func (s selection) keptShare(b rawBlock) float64 {
	total, kept := 0, 0
	for _, p := range b.parts {
		if p.node == nil {
			continue
		}
		total += len(p.text)
		if s.partKept(p) {
			kept += len(p.text)
		}
	}
	if total == 0 {
		return 0
	}
	return float64(kept) / float64(total)
}

// keptText is the block's text without the pieces the extractor removed
// (an inline share link, an ad inside a paragraph).
func (s selection) keptText(b rawBlock) string {
	var kept []part
	for _, p := range b.parts {
		if p.node == nil || s.partKept(p) {
			kept = append(kept, p)
		}
	}
	t := joinParts(kept, b.kind == KindCode)
	if t != "" && b.prefix != "" {
		t = b.prefix + t
	}
	return t
}

// baseline is the selection used when the extractor finds nothing: every
// block that reads as prose (eight words or more, mostly not links) outside
// chrome that is never article text, with the headings between them.
func baseline(blocks []rawBlock) selection {
	sel := selection{kept: make(map[int]bool)}
	marks := newChrome()
	for _, b := range blocks {
		// Only chrome that is never the article counts here: some sites
		// put the story in an <aside> or a header, which is why the
		// extractor missed it.
		if r, _ := marks.of(b.elem); r != "" && r != ReasonSidebar && r != ReasonHeader {
			continue
		}
		if words(b.text) >= 8 && linkShare(b) < 0.5 || b.kind == KindSubhead {
			for _, p := range b.parts {
				if p.node != nil && p.node.Parent != nil {
					sel.kept[elemID(p.node.Parent)] = true
				}
			}
		}
	}
	sel.decide(blocks)
	return sel
}

// linkShare is the share of a block's characters inside links.
func linkShare(b rawBlock) float64 {
	total, linked := 0, 0
	for _, p := range b.parts {
		if p.node == nil {
			continue
		}
		n := len(collapse(p.text))
		total += n
		if inLink(p.node, b.elem) {
			linked += n
		}
	}
	if total == 0 {
		return 0
	}
	return float64(linked) / float64(total)
}

func inLink(n, stop *html.Node) bool {
	for a := n.Parent; a != nil && a != stop; a = a.Parent {
		if a.DataAtom == atom.A {
			return true
		}
	}
	return false
}

func (s selection) words(blocks []rawBlock) int {
	n := 0
	for _, b := range blocks {
		if s.keptShare(b) >= 0.5 {
			n += words(b.text)
		}
	}
	return n
}

// union keeps what either selection keeps.
func union(a, b selection, blocks []rawBlock) selection {
	u := selection{kept: make(map[int]bool, len(a.kept)+len(b.kept)), orphans: map[string]int{}, byline: a.byline, title: a.title}
	for id := range a.kept {
		u.kept[id] = true
	}
	for id := range b.kept {
		u.kept[id] = true
	}
	u.decide(blocks)
	for n, k := range a.parts {
		if k {
			u.parts[n] = true
		}
	}
	return u
}
