package clean

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// Cleaner holds the scratch space of cleaning, reused from one text to the
// next by one goroutine (a JSON Lines worker cleans thousands of records):
// the lines, the blocks and the list of blocks of a text are garbage once
// it is cleaned. The zero Cleaner is ready to use; a nil *Cleaner
// allocates afresh each time. A Cleaner is not safe for concurrent use.
type Cleaner struct {
	lines []string
	slab  blockSlab
	bs    []*block
}

// Split is strings.Split(s, "\n") into the cleaner's line buffer, which
// the next Split reuses: the lines are valid until then.
func (c *Cleaner) Split(s string) []string {
	if c == nil {
		return strings.Split(s, "\n")
	}
	lines := c.lines[:0]
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			break
		}
		lines = append(lines, s[:i])
		s = s[i+1:]
	}
	lines = append(lines, s)
	c.lines = lines
	return lines
}

// blocks returns an empty slab ready for the blocks of lines (see
// blockSlab.reset for perRun), and an empty list to collect them in.
func (c *Cleaner) blocks(lines []string, perRun bool) (*blockSlab, []*block) {
	if c == nil {
		s := &blockSlab{}
		s.reset(lines, perRun)
		return s, make([]*block, 0, cap(s.blocks))
	}
	c.slab.reset(lines, perRun)
	c.slab.kept = true
	return &c.slab, c.bs[:0]
}

// keep records the list of blocks, grown, for the next text.
func (c *Cleaner) keep(bs []*block) {
	if c != nil {
		c.bs = bs
	}
}

// Text turns the sanitised lines of one plain-text file (lines[i] is
// line i+1 of file) into one or more articles: it finds the headline, dek,
// byline and "Via" attribution, removes site chrome (kept in Raw with
// RoleChrome), marks subheads, and splits a file that holds several items.
// It fills Title, Dek, Author, Via, Body, Raw and Source; the loader fills
// the rest (ID, metadata, Format, Words).
//
// Each non-blank line is a paragraph, as scrapers write them; in a
// hard-wrapped text (see wrapWidth) a paragraph is a run of lines between
// blank lines instead. A file with no text (blank, or only chrome) gives no
// article.
//
// When a file holds several items, each article's Source and Raw cover its
// own lines only: from its first line (line 1 for the first item) to its
// last non-blank line (the end of the file for the last item); blank lines
// between two items belong to neither. An item without a headline of its
// own gets a title made from its first sentence (TitleFromBody), marked
// TitleDerived, and the bullet that opened it is dropped from its first
// paragraph.
func Text(file string, lines []string) []*article.Article {
	bs := textBlocks(lines)
	if len(bs) == 0 {
		return nil
	}
	starts := splitPoints(bs)
	out := make([]*article.Article, 0, len(starts)+1)
	for k := 0; k <= len(starts); k++ {
		lo, hi := 0, len(bs)
		if k > 0 {
			lo = starts[k-1]
		}
		if k < len(starts) {
			hi = starts[k]
		}
		firstLine, lastLine := 0, len(lines)-1
		if k > 0 {
			firstLine = bs[lo].first
		}
		if k < len(starts) {
			lastLine = bs[hi-1].last
		}
		seg := bs[lo:hi]
		res := cleanSegment(seg, segOpts{headline: k == 0, dek: k == 0, header: true, lead: k > 0})
		a := &article.Article{
			Title:  res.title,
			Dek:    res.dek,
			Author: res.author,
			Via:    res.via,
			Source: article.Span{File: file, StartLine: firstLine + 1, EndLine: lastLine + 1},
		}
		a.Body = paragraphs(file, seg, identityLine)
		if a.Title == "" && len(a.Body) == 0 {
			continue
		}
		if a.Title == "" {
			a.Title = TitleFromBody(a.Body)
			a.TitleDerived = a.Title != ""
		}
		a.Raw = rawLines(lines, firstLine, lastLine, seg, identityLine)
		out = append(out, a)
	}
	return out
}

func identityLine(i int) int { return i + 1 }

// Body cleans the body text of a record whose title is already known
// (Markdown, JSON): chrome out, byline and "Via" to metadata, subheads
// marked, paragraphs at blank lines (or at every line when there are no
// blank lines). lineNo maps an index of lines to its line in the source file.
// There is no headline or dek detection and no splitting.
func Body(file string, lines []string, lineNo func(i int) int) (body []article.Paragraph, raw []article.Line, author, via string) {
	return (*Cleaner)(nil).Body(file, lines, lineNo)
}

// Body is the package function Body, reusing the cleaner's scratch space.
func (c *Cleaner) Body(file string, lines []string, lineNo func(i int) int) (body []article.Paragraph, raw []article.Line, author, via string) {
	blank := false
	for _, l := range lines {
		if isBlank(l) {
			blank = true
			break
		}
	}
	var bs []*block
	if blank {
		bs = paragraphBlocks(c, lines, wrapWidth(lines))
	} else {
		bs = lineBlocks(c, lines)
	}
	defer c.keep(bs)
	res := cleanSegment(bs, segOpts{})
	body = paragraphs(file, bs, lineNo)
	if len(lines) > 0 {
		raw = rawLines(lines, 0, len(lines)-1, bs, lineNo)
	}
	return body, raw, res.author, res.via
}
