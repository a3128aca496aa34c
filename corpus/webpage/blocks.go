package webpage

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rawBlock is one visible text block before it is judged: the element that
// holds it and its pieces of text, each with the text node it came from.
type rawBlock struct {
	elem   *html.Node
	kind   Kind
	prefix string
	parts  []part
	text   string // collapsed text of all parts (with the prefix)
}

// part is a piece of a block's text; node is nil for separators the walker
// adds (line breaks, table cell separators).
type part struct {
	node *html.Node
	text string
}

// walker cuts the page into blocks the way a reader sees them: every
// block-level element starts a new block, inline elements run together,
// two line breaks in a row end a paragraph.
type walker struct {
	blocks []rawBlock
	cur    rawBlock
	brRun  int
	// prefix is the list marker waiting for the first block of an item.
	prefix string
}

type walkCtx struct {
	container *html.Node
	kind      Kind
	pre       bool
	rowCells  bool // inside a table row whose cells hold only inline text
}

func cutBlocks(root *html.Node) []rawBlock {
	w := &walker{}
	body := findBody(root)
	w.walk(body, walkCtx{container: body, kind: KindText})
	w.flush()
	return w.blocks
}

func findBody(root *html.Node) *html.Node {
	var found *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(root)
	if found == nil {
		return root
	}
	return found
}

func (w *walker) walk(n *html.Node, ctx walkCtx) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.text(c, ctx)
		case html.ElementNode:
			w.element(c, ctx)
		}
	}
}

func (w *walker) text(n *html.Node, ctx walkCtx) {
	if strings.TrimSpace(n.Data) == "" {
		if len(w.cur.parts) > 0 {
			w.cur.parts = append(w.cur.parts, part{text: " "})
		}
		return
	}
	if w.cur.elem != ctx.container {
		w.flush()
		w.cur = rawBlock{elem: ctx.container, kind: ctx.kind, prefix: w.prefix}
		w.prefix = ""
	}
	w.brRun = 0
	w.cur.parts = append(w.cur.parts, part{node: n, text: n.Data})
}

func (w *walker) element(n *html.Node, ctx walkCtx) {
	if skipTag(n.DataAtom) || hidden(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.lineBreak(ctx)
		return
	case atom.Img, atom.Picture, atom.Source, atom.Hr, atom.Wbr:
		if n.DataAtom == atom.Hr {
			w.flush()
		}
		return
	}
	if ctx.rowCells && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
		if len(w.cur.parts) > 0 && w.cur.elem == ctx.container {
			w.cur.parts = append(w.cur.parts, part{text: " | "})
		}
		w.walk(n, ctx)
		return
	}
	if !isBlockTag(n.DataAtom) {
		w.walk(n, ctx)
		return
	}
	w.flush()
	w.walk(n, w.enter(n, ctx))
	w.flush()
	if n.DataAtom == atom.Li {
		w.prefix = ""
	}
}

// enter works out the context of a block-level element's content.
func (w *walker) enter(n *html.Node, ctx walkCtx) walkCtx {
	inner := ctx
	inner.container = n
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		inner.kind = KindSubhead
	case atom.Li:
		inner.kind = KindListItem
		w.prefix = listPrefix(n)
	case atom.Blockquote:
		inner.kind = KindQuote
	case atom.Pre:
		inner.kind = KindCode
		inner.pre = true
	case atom.Tr:
		inner.rowCells = simpleRow(n)
		if inner.rowCells {
			inner.kind = KindTableRow
		}
	case atom.Td, atom.Th, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot:
		inner.rowCells = false
		if ctx.kind == KindTableRow {
			inner.kind = KindText
		}
	}
	return inner
}

func (w *walker) lineBreak(ctx walkCtx) {
	if w.cur.elem != ctx.container || len(w.cur.parts) == 0 {
		return
	}
	w.brRun++
	if w.brRun >= 2 && !ctx.pre {
		w.flush()
		return
	}
	w.cur.parts = append(w.cur.parts, part{text: "\n"})
}

func (w *walker) flush() {
	w.brRun = 0
	if len(w.cur.parts) == 0 {
		w.cur = rawBlock{}
		return
	}
	b := w.cur
	w.cur = rawBlock{}
	b.text = joinParts(b.parts, b.kind == KindCode)
	if b.text == "" {
		return
	}
	if b.prefix != "" {
		b.text = b.prefix + b.text
	}
	w.blocks = append(w.blocks, b)
}

func joinParts(parts []part, pre bool) string {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(p.text)
	}
	if pre {
		return collapseLines(sb.String())
	}
	return collapse(sb.String())
}

// isBlockTag lists the elements that start a new block of text.
func isBlockTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer,
		atom.Nav, atom.Aside, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption,
		atom.Figure, atom.Figcaption, atom.Form, atom.Fieldset, atom.Legend, atom.Address,
		atom.Details, atom.Summary, atom.Center, atom.Hgroup, atom.Menu, atom.Dialog, atom.Body,
		atom.Html, atom.Label, atom.Button:
		return true
	}
	return false
}

// simpleRow reports a table row whose cells hold only inline text, the rows
// of a data table, as opposed to the cells of a layout table.
func simpleRow(tr *html.Node) bool {
	cells := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
			return false
		}
		cells++
		if hasBlockDescendant(c) || len(textContent(c)) > 300 {
			return false
		}
	}
	return cells >= 2
}

func hasBlockDescendant(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isBlockTag(c.DataAtom) || hasBlockDescendant(c) {
			return true
		}
	}
	return false
}

func listPrefix(li *html.Node) string {
	p := li.Parent
	if p == nil || p.DataAtom != atom.Ol {
		return "• "
	}
	n := 1
	if s, err := strconv.Atoi(strings.TrimSpace(attr(p, "start"))); err == nil {
		n = s
	}
	for c := p.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Li {
			n++
		}
	}
	return strconv.Itoa(n) + ". "
}

// hidden reports elements the page does not show: the hidden attribute,
// inline display:none or visibility:hidden, and the usual screen-reader-only
// and hidden classes.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	if style := attr(n, "style"); style != "" {
		s := strings.ReplaceAll(strings.ToLower(style), " ", "")
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return true
		}
	}
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch c {
		case "hidden", "d-none", "is-hidden", "sr-only", "visually-hidden", "visuallyhidden",
			"screen-reader-text", "screen-reader-only", "element-invisible", "u-hidden", "hide":
			return true
		}
	}
	return false
}
