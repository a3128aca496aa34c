package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds how deep elements may nest before parsing. Real pages stay
// well under a hundred levels; the HTML parser and the extractor both slow
// down with the square of the depth (50,000 nested <div>s, a 250 KB page,
// took nine minutes), so deeper tags are dropped and their text kept.
const maxDepth = 512

// flatten returns the page with start and end tags beyond maxDepth removed,
// or the page itself when it nests less deeply (the usual case, checked in
// one pass of the tokenizer).
func flatten(text string) string {
	if depthOf(text) <= maxDepth {
		return text
	}
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	b.Grow(len(text))
	depth, skipped := 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			if name, _ := z.TagName(); !voidElement(atom.Lookup(name)) {
				if depth >= maxDepth {
					skipped++
					continue
				}
				depth++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); !voidElement(atom.Lookup(name)) {
				if skipped > 0 {
					skipped--
					continue
				}
				depth = max(depth-1, 0)
			}
		}
		b.Write(z.Raw())
	}
}

// depthOf is the deepest nesting of start tags, counting an end tag as
// closing the innermost element (an approximation that errs on the deep
// side for pages that leave tags open).
func depthOf(text string) int {
	z := html.NewTokenizer(strings.NewReader(text))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			if name, _ := z.TagName(); !voidElement(atom.Lookup(name)) && !impliedEnd(atom.Lookup(name)) {
				depth++
				deepest = max(deepest, depth)
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); !voidElement(atom.Lookup(name)) && !impliedEnd(atom.Lookup(name)) {
				depth = max(depth-1, 0)
			}
		}
	}
}

// voidElement lists elements that never have content or an end tag.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// impliedEnd lists elements whose end tag pages routinely leave out; the
// parser closes them itself, so they do not make the page deeper.
func impliedEnd(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Tr, atom.Td, atom.Th, atom.Html,
		atom.Head, atom.Body:
		return true
	}
	return false
}
