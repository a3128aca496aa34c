package webpage

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// maxPage bounds the bytes Extract reads; the loader's own size limit comes
// first, this only keeps a hostile caller from building a huge DOM.
const maxPage = 64 << 20

// Extract reads one HTML page. It decodes the page (byte order mark,
// Content-Type, meta tag, sniffing), reads its metadata, lets the extractor
// choose the main content, refines that choice with pmureader's chrome
// rules, and returns the article with every visible block of the page
// marked kept or dropped. A page with no text gives an error wrapping
// ErrNoText; the Page is then still filled with what was found (metadata,
// blocks) so a caller can show it.
func Extract(data []byte, opts Options) (*Page, error) {
	if len(data) > maxPage {
		return nil, fmt.Errorf("page of %d bytes is over the %d MB limit", len(data), maxPage>>20)
	}
	dec, err := decode(data, opts.ContentType)
	if err != nil {
		return nil, err
	}
	doc, err := parse(dec.text)
	if err != nil {
		return nil, err
	}
	pageURL := parseURL(opts.URL)
	page := &Page{Charset: dec.name, CharsetSource: dec.source, Decoded: dec.text}

	head := readHead(doc.root)
	ld := readJSONLD(doc.root)
	blocks := cutBlocks(doc.root)
	sel := runReadability(doc, blocks, pageURL)
	switch got := sel.words(blocks); {
	case got < minExtractedWords:
		sel = baseline(blocks)
	case got < smallExtraction:
		if base := baseline(blocks); base.words(blocks) >= 2*got {
			sel = union(sel, base, blocks)
		}
	}
	page.setMeta(metaInput{ld: ld, head: head, pageURL: pageURL, rawURL: opts.URL, byline: sel.byline, blocks: blockLines(blocks)})
	if page.Title == "" && sel.title != "" {
		page.Title, page.Sources[fieldTitle] = sel.title, "extractor"
	}

	page.fill(judge(blocks, sel, page.Title, page.Description), doc)
	if len(page.Paragraphs) == 0 {
		page.fromArticleBody(ld.body)
	}
	if len(page.Paragraphs) == 0 {
		return page, fmt.Errorf("%w (%d visible blocks, none of them article text)", ErrNoText, len(page.Blocks))
	}
	return page, nil
}

func parseURL(raw string) *url.URL {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// fill turns the verdicts into the page's blocks and paragraphs.
func (p *Page) fill(js []judged, doc *document) {
	p.Blocks = make([]Block, 0, len(js))
	p.Paragraphs = []Paragraph{}
	lines := newLineIndex(p.Decoded)
	for i, j := range js {
		b := Block{Text: j.raw.text, Role: j.role, Reason: j.reason, Evidence: evidence(j.at), Tag: j.raw.elem.Data}
		b.Offset, b.End = doc.blockSpan(j.raw)
		if b.Offset >= 0 {
			b.Line, b.EndLine = lines.line(b.Offset), lines.line(max(b.End-1, b.Offset))
		}
		p.Blocks = append(p.Blocks, b)
		if j.role != RoleBody && j.role != RoleSubhead {
			continue
		}
		kind := j.raw.kind
		if j.role == RoleSubhead {
			kind = KindSubhead
		}
		p.Paragraphs = append(p.Paragraphs, Paragraph{Text: j.text, Subhead: j.role == RoleSubhead, Kind: kind, Block: i})
	}
}

// blockSpan is the byte range of a block's text in the decoded page.
func (d *document) blockSpan(b rawBlock) (int, int) {
	start, end := -1, -1
	for _, pt := range b.parts {
		if pt.node == nil {
			continue
		}
		if s, ok := d.spans[pt.node]; ok {
			if start < 0 {
				start = s.start
			}
			end = s.end
		}
	}
	return start, end
}

// evidence describes an element for people: `<nav>`, or its tag with the
// class or id that gave it away.
func evidence(n *html.Node) string {
	if n == nil {
		return ""
	}
	if c := strings.Join(strings.Fields(attr(n, "class")), " "); c != "" {
		return fmt.Sprintf("%s class=%q", n.Data, trimTo(c, 60))
	}
	if id := attr(n, "id"); id != "" {
		return fmt.Sprintf("%s id=%q", n.Data, trimTo(id, 60))
	}
	if r := attr(n, "role"); r != "" {
		return fmt.Sprintf("%s role=%q", n.Data, trimTo(r, 30))
	}
	return "<" + n.Data + ">"
}

func trimTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// blockLines lists the lines of the page's first blocks: each line of a
// block that line breaks split ("Headline<br>Dek", "By Jane Doe<br>Monday,
// January 2, 2006" in old layouts), then the block's whole text.
func blockLines(blocks []rawBlock) []string {
	var out []string
	for _, b := range blocks[:min(len(blocks), maxMetaBlocks)] {
		if b.kind != KindCode {
			out = append(out, splitLines(b)...)
		}
		out = append(out, b.text)
	}
	return out
}

// splitLines returns the lines of a block split by <br>, or nothing when it
// is one line.
func splitLines(b rawBlock) []string {
	var out []string
	var line strings.Builder
	flush := func() {
		if t := collapse(line.String()); t != "" && t != b.text {
			out = append(out, t)
		}
		line.Reset()
	}
	for _, p := range b.parts {
		if p.node == nil && p.text == "\n" {
			flush()
			continue
		}
		line.WriteString(p.text)
	}
	flush()
	return out
}

// fromArticleBody fills the paragraphs from JSON-LD's articleBody when the
// page itself shows no text (pages whose scripts draw the article). Each
// paragraph gets a block of its own, tagged "json-ld", with no source span.
func (p *Page) fromArticleBody(body string) {
	if words(body) < minExtractedWords {
		return
	}
	for _, para := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		t := collapse(para)
		if t == "" {
			continue
		}
		p.Blocks = append(p.Blocks, Block{Text: t, Role: RoleBody, Tag: "json-ld", Offset: -1, End: -1})
		p.Paragraphs = append(p.Paragraphs, Paragraph{Text: t, Kind: KindText, Block: len(p.Blocks) - 1})
	}
	p.Sources["paragraphs"] = "JSON-LD articleBody"
}

// lineIndex finds the line of a byte offset.
type lineIndex []int // byte offsets where lines start

func newLineIndex(text string) lineIndex {
	idx := lineIndex{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// line returns the 1-based line holding byte offset off.
func (idx lineIndex) line(off int) int {
	lo, hi := 0, len(idx)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}
