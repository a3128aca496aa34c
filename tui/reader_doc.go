package tui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The reader's document: an article cut into blocks (header fields, body
// paragraphs, or raw source lines), wrapped into lines for a width, and
// positions in it, which survive re-wrapping.

// blockKind is what a block of the reader's document is, which decides
// its style.
type blockKind int

const (
	blockTitle blockKind = iota
	blockDek
	blockMeta
	blockProfile
	blockURL
	blockBlank
	blockPara
	blockSubhead
	blockRaw
	blockRule     // the line between the header and the body
	blockUntitled // a title made from the text, or none: "untitled: …"
)

// block is one unit of the document the reader shows: a header field, a
// body paragraph, or a raw source line. Wrapping cuts blocks into lines;
// positions (the reading anchor, matches) are (block, byte offset).
type block struct {
	text   string
	kind   blockKind
	para   int         // index into Article.Body; -1 if none
	line   int         // raw mode: source line number
	role   corpus.Role // raw mode: what cleaning made of the line
	gutter string      // raw mode: "  12 chrome"
}

// docLine is one wrapped line: a span of one block's text.
type docLine struct {
	block      int
	start, end int
}

// wrapKey identifies a wrapped document in the cache.
type wrapKey struct {
	a   *corpus.Article
	w   int
	raw bool
}

// docPos is a position in the document: a block and a byte offset in it.
type docPos struct{ block, off int }

// match is one find hit.
type match struct {
	block int
	sp    span
}

func (r *reader) blockOfPara(p int) int {
	for i, b := range r.blocks {
		if b.para == p && (b.kind == blockPara || b.kind == blockSubhead) {
			return i
		}
	}
	return -1
}

// buildBlocks makes the document for the current mode.
func (r *reader) buildBlocks() []block {
	a := r.art
	if a == nil {
		return nil
	}
	var bs []block
	add := func(kind blockKind, text string) {
		bs = append(bs, block{text: text, kind: kind, para: -1})
	}
	if r.raw {
		gw := r.gutterWidth()
		for _, l := range a.Raw {
			role := string(l.Role)
			text := termtext.Block(l.Text)
			if l.Why != "" {
				text += "  ⟨" + termtext.OneLine(l.Why) + "⟩"
			}
			g := fmt.Sprintf("%*d %-7s", gw-8, l.Number, role)
			bs = append(bs, block{text: text, kind: blockRaw, para: -1, line: l.Number, role: l.Role, gutter: g})
		}
		if len(bs) == 0 {
			add(blockBlank, "(this article has no raw source lines)")
		}
		return bs
	}
	if title, dim := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived); dim {
		add(blockUntitled, title)
	} else {
		add(blockTitle, title)
	}
	if a.Dek != "" {
		add(blockDek, termtext.OneLine(a.Dek))
	}
	by, _ := a.OutletLabel()
	meta := []string{termtext.OneLine(by)}
	if a.Author != "" {
		meta = append(meta, "by "+termtext.OneLine(a.Author))
	}
	if d := a.Date.String(); d != "" {
		meta = append(meta, d)
	}
	if a.Words > 0 {
		meta = append(meta, fmt.Sprintf("%d words", a.Words))
	}
	add(blockMeta, strings.Join(meta, " · "))
	if a.OutletProfile != "" {
		add(blockProfile, termtext.OneLine(a.OutletProfile))
	}
	if a.Date.Note != "" {
		add(blockProfile, "Date: "+termtext.OneLine(a.Date.Note))
	}
	if a.URL != "" {
		add(blockURL, termtext.OneLine(a.URL))
	}
	add(blockBlank, "")
	add(blockRule, "")
	for i, p := range a.Body {
		add(blockBlank, "")
		k := blockPara
		if p.Subhead {
			k = blockSubhead
		}
		bs = append(bs, block{text: termtext.Block(p.Text), kind: k, para: i})
	}
	if len(a.Body) == 0 {
		add(blockBlank, "")
		add(blockBlank, "(no body text)")
	}
	return bs
}

// rewrap wraps the document to the current width (from the cache when it
// has been wrapped to it before) and scrolls back to the anchor.
func (r *reader) rewrap() {
	if r.art == nil || r.w <= 0 {
		r.lines = nil
		return
	}
	k := wrapKey{r.art, r.wrapWidth(), r.raw}
	lines, ok := r.cache[k]
	if !ok {
		tw := r.wrapWidth()
		for bi, b := range r.blocks {
			for _, sp := range termtext.Wrap(b.text, tw) {
				lines = append(lines, docLine{bi, sp.Start, sp.End})
			}
		}
		if len(r.cache) >= 8 {
			clear(r.cache)
		}
		r.cache[k] = lines
	}
	r.lines = lines
	r.top = r.lineOf(r.anchor)
	r.clampTop()
}

// lineOf returns the index of the line that shows position p.
func (r *reader) lineOf(p docPos) int {
	i := sort.Search(len(r.lines), func(i int) bool {
		l := r.lines[i]
		return l.block > p.block || (l.block == p.block && l.end > p.off)
	})
	if i >= len(r.lines) {
		return max(len(r.lines)-1, 0)
	}
	if r.lines[i].block > p.block && i > 0 && r.lines[i-1].block == p.block {
		return i - 1 // p is past the block's last line end (trailing space)
	}
	return i
}

func (r *reader) maxTop() int { return max(len(r.lines)-r.bodyHeight(), 0) }

func (r *reader) clampTop() {
	r.top = min(max(r.top, 0), r.maxTop())
}

// scrollTo puts line i at the top and remembers it as the anchor.
func (r *reader) scrollTo(i int) {
	r.top = i
	r.clampTop()
	if r.top < len(r.lines) {
		l := r.lines[r.top]
		r.anchor = docPos{l.block, l.start}
	}
}

// setQuery finds terms in the document; the first match becomes current.
func (r *reader) setQuery(query string, terms []string) {
	r.query, r.terms = query, terms
	r.matches, r.byBlock = findMatches(r.blocks, terms)
	r.current = -1
}

// findMatches finds terms in every block, in document order.
func findMatches(blocks []block, terms []string) ([]match, map[int][]int) {
	var ms []match
	byBlock := map[int][]int{}
	if len(terms) == 0 {
		return nil, byBlock
	}
	for bi, b := range blocks {
		if b.text == "" {
			continue
		}
		for _, sp := range foldText(b.text).findAll(terms, b.text) {
			byBlock[bi] = append(byBlock[bi], len(ms))
			ms = append(ms, match{bi, sp})
		}
	}
	return ms, byBlock
}
