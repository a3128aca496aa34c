package corpus

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/swar"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Cleaning turns scraped text into an article: it finds the headline, the
// dek (standfirst) or photo caption under it, the byline and "Via"
// attribution, removes site chrome, marks subheads and splits a file that
// holds several items. Nothing is thrown away: every line of the source is
// kept in Article.Raw with the role cleaning gave it, and chrome lines carry
// a short Why naming the rule that removed them.
//
// The rules are general, in two layers:
//
//   - Line rules (clean_rules.go) recognise a line on its own: fixed labels
//     of comment and share widgets ("Notify of", "View all comments"),
//     appeals and boilerplate ("… on Patreon", "views and opinions
//     expressed … do not necessarily represent"), prefixes ("VIDEO:",
//     "Read more:", "Tags:"), keyword lists, dating ads, award badges,
//     bylines ("Author: …", "By …"), attributions ("Via …") and date stamps.
//   - Structure rules (this file) use position: the headline is the first
//     headline-shaped line after any category line or section label; the
//     first short line under it is the dek, or a caption when it reads like
//     one; the body runs from the first to the last paragraph of running
//     text (a line that ends a sentence, or a long one); short lines without
//     sentence punctuation inside it are subheads, those between the head
//     and the body are page furniture, and those after it (runs of related
//     headlines, trailing links) are chrome; a comment widget after the
//     text ends the article, reader comments included; a bio that opens
//     with the byline's name, or that ends the text ("X is Senior Editor for
//     Y"), is chrome; short lines that repeat are chrome; and a lone
//     bulleted paragraph set off after the body starts a new item.

// block is one paragraph candidate: a non-blank line, or in cleanBody a run
// of non-blank lines.
type block struct {
	first, last int    // indices into the lines being cleaned, inclusive
	text        string // trimmed, spaces collapsed, bullet or "#" marker removed
	lower       string // fold(text) for the phrase rules; "" for long paragraphs
	marker      string // the bullet removed from text ("• "), if any
	words       int
	final       rune // last rune, closing quotes and brackets skipped
	prose       bool // running text: ends a sentence, or is long
	bullet      bool // started with a bullet
	heading     bool // a Markdown "#" heading
	lead        bool // the bulleted lead of a split-off item: no marker in the body

	kind  kind   // what the line rules made of it
	why   string // for chrome: the rule
	weak  string // chrome recognised only after the body (see weakChrome)
	stamp bool   // for dates: a publication stamp, chrome even in the body
	name  string // for bylines and attributions: the name
	role  Role   // the final role, set by cleanSegment
}

// proseMinWords is the length from which a line counts as running text
// even without sentence punctuation at its end (a truncated paragraph).
const proseMinWords = 20

func newBlock(lines []string, first, last int) *block {
	return initBlock(new(block), lines, first, last, nil)
}

// blockSlab hands out the blocks of one text from one allocation (a text
// has at most one block per non-blank line), and keeps their folded text
// (block.lower) in one buffer. A cleaner keeps its slab from one text to
// the next: blocks and their folded text are garbage once a text is
// cleaned (nothing of block.lower reaches an Article).
type blockSlab struct {
	blocks []block
	folded []byte
	kept   bool // a cleaner's slab: fold into folded, which it keeps
}

// reset empties s and makes room for the blocks of lines: one per
// non-blank line, or with perRun one per run of non-blank lines (a
// hard-wrapped paragraph is one block; the few runs that give a block per
// line take their further blocks from the heap).
func (s *blockSlab) reset(lines []string, perRun bool) {
	n := 0
	for i, l := range lines {
		if !isBlank(l) && (!perRun || i == 0 || isBlank(lines[i-1])) {
			n++
		}
	}
	if cap(s.blocks) < n {
		s.blocks = make([]block, 0, n)
	}
	s.blocks = s.blocks[:0]
	s.folded = s.folded[:0]
}

// block returns the block of lines[first..last], from the slab while it
// has room.
func (s *blockSlab) block(lines []string, first, last int) *block {
	if len(s.blocks) == cap(s.blocks) {
		return newBlock(lines, first, last)
	}
	s.blocks = s.blocks[:len(s.blocks)+1]
	b := &s.blocks[len(s.blocks)-1]
	*b = block{}
	if !s.kept {
		return initBlock(b, lines, first, last, nil)
	}
	return initBlock(b, lines, first, last, &s.folded)
}

// cleaner holds the scratch space of cleaning (and of decoding the JSON
// record being cleaned), reused from one text to the
// next by one goroutine (a JSON Lines worker): the lines, the blocks and
// the list of blocks of a text are garbage once it is cleaned. The zero
// cleaner is ready to use; a nil *cleaner allocates afresh each time.
type cleaner struct {
	lines []string
	slab  blockSlab
	bs    []*block
	json  []byte // for unescaping JSON strings (see jsonScanner)
}

// split is strings.Split(s, "\n") into the cleaner's line buffer.
func (c *cleaner) split(s string) []string {
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
func (c *cleaner) blocks(lines []string, perRun bool) (*blockSlab, []*block) {
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
func (c *cleaner) keep(bs []*block) {
	if c != nil {
		c.bs = bs
	}
}

// initBlock fills the zero block b with lines[first..last] and classifies
// it. Its folded text goes in *folded when that is not nil.
func initBlock(b *block, lines []string, first, last int, folded *[]byte) *block {
	var text string
	words := -1 // not known yet
	if first == last {
		text, words = collapseCount(lines[first])
	} else {
		text = collapse(strings.Join(lines[first:last+1], " "))
	}
	b.first, b.last = first, last
	collapsed := len(text)
	if r, size := utf8.DecodeRuneInString(text); size > 0 && strings.ContainsRune(bullets, r) {
		b.bullet = true
		rest := strings.TrimLeft(text[size:], " ")
		b.marker = text[:len(text)-len(rest)]
		text = rest
	} else if strings.HasPrefix(text, "#") {
		rest := strings.TrimLeft(text, "#")
		if strings.HasPrefix(rest, " ") && len(text)-len(rest) <= 6 {
			b.heading = true
			text = strings.TrimSpace(rest)
		}
	}
	if len(text) != collapsed || words < 0 {
		words = countWords(text)
	}
	b.text = text
	b.words = words
	b.final = finalRune(text)
	// Running text: a sentence ends, or the line is long, or it breaks off
	// mid-sentence (at a comma, or a colon before a quote or list).
	b.prose = isSentenceEnd(b.final) || b.words >= proseMinWords ||
		(b.final == ',' || b.final == ';') && b.words >= 6 || b.final == ':' && b.words >= 5
	if b.words <= maxPhraseWords {
		if folded != nil {
			*folded, b.lower = foldAppend(*folded, text)
		} else {
			b.lower = fold(text)
		}
	}
	classify(b)
	return b
}

// collapse trims s and turns runs of spaces (and line breaks) into one
// space. When there is nothing to change (the common case) it only runs
// the vectorised searches of the strings package over s, and allocates
// nothing.
func collapse(s string) string {
	if len(s) == 0 {
		return s
	}
	if s[0] == ' ' || strings.IndexByte(s, '\n') >= 0 || strings.Contains(s, "  ") {
		return textnorm.CollapseSpaces(strings.ReplaceAll(s, "\n", " "))
	}
	if s[len(s)-1] == ' ' {
		return s[:len(s)-1] // no run of two: one space at most
	}
	return s
}

// collapseCount is collapse, and also returns the number of words of the
// result, or -1 when it is not known. Most lines need no change: for them
// it finds that and counts the spaces in one pass, eight bytes at a time.
func collapseCount(s string) (string, int) {
	if len(s) == 0 {
		return s, 0
	}
	spaces, ok := countSingleSpaces(s)
	if !ok || s[0] == ' ' {
		return collapse(s), -1
	}
	if s[len(s)-1] == ' ' {
		return s[:len(s)-1], spaces // no run of two: one space at most
	}
	return s, spaces + 1
}

// countSingleSpaces counts the spaces of s; ok is false when s holds a
// line break or two spaces in a row (then the count is not meaningful).
func countSingleSpaces(s string) (n int, ok bool) {
	prev := uint64(0) // 0x80 when the byte before the word is a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s[i : i+8])
		sp := swar.Equal(x, ' ')
		if swar.Equal(x, '\n') != 0 || sp&(sp<<8|prev) != 0 {
			return 0, false
		}
		n += bits.OnesCount64(sp)
		prev = sp >> 56
	}
	prevSpace := prev != 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return 0, false
		case ' ':
			if prevSpace {
				return 0, false
			}
			n++
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return n, true
}

func isSentenceEnd(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// lineBlocks makes one block of every non-blank line: in scraped text each
// line is a paragraph.
func lineBlocks(cl *cleaner, lines []string) []*block {
	slab, bs := cl.blocks(lines, false)
	for i, l := range lines {
		if isBlank(l) {
			continue
		}
		bs = append(bs, slab.block(lines, i, i))
	}
	return bs
}

// paragraphBlocks makes a block of every run of non-blank lines (a
// paragraph hard-wrapped over several lines), except that a list item or a
// Markdown heading starts a block of its own, and a run that is really a
// list of separate short lines (related headlines, or lines much shorter
// than the text's wrap width) gives a block per line. width is the wrap
// width of the text in runes, 0 when unknown.
func paragraphBlocks(cl *cleaner, lines []string, width int) []*block {
	// A kept cleaner's slab grows to its largest text once; a fresh
	// one is sized to the paragraphs.
	slab, bs := cl.blocks(lines, cl == nil)
	for i := 0; i < len(lines); {
		if isBlank(lines[i]) {
			i++
			continue
		}
		j := i
		for j+1 < len(lines) && !isBlank(lines[j+1]) {
			j++
		}
		run := lines[i : j+1]
		if j == i || isLineList(run) || width > 0 && !isWrapped(run, width) {
			for k := i; k <= j; k++ {
				bs = append(bs, slab.block(lines, k, k))
			}
			i = j + 1
			continue
		}
		start := i
		for k := i + 1; k <= j; k++ {
			if startsOwnBlock(lines[k]) || startsOwnBlock(lines[start]) {
				bs = append(bs, slab.block(lines, start, k-1))
				start = k
			}
		}
		bs = append(bs, slab.block(lines, start, j))
		i = j + 1
	}
	return bs
}

// textBlocks cuts a plain-text file into blocks. Scraped text has a
// paragraph a line, and each line is a block; a hard-wrapped text (lines of
// at most about 100 characters, most of them running on into the next, with
// blank lines between paragraphs) has a block per paragraph.
func textBlocks(lines []string) []*block {
	if w := wrapWidth(lines); w > 0 {
		return paragraphBlocks(nil, lines, w)
	}
	return lineBlocks(nil, lines)
}

// wrapWidth returns the width in runes at which lines were hard-wrapped, or
// 0 when the text is not hard-wrapped: it needs blank lines between
// paragraphs, at least eight lines, nine in ten of them at most 100 runes,
// and half the lines running on into a next line of the same paragraph
// near the full width.
func wrapWidth(lines []string) int {
	blank, runOn, nonBlank := false, 0, 0
	for i, l := range lines {
		if isBlank(l) {
			blank = true
			continue
		}
		nonBlank++
		if i+1 < len(lines) && !isBlank(lines[i+1]) {
			runOn++
		}
	}
	if !blank || nonBlank < 8 || 2*runOn < nonBlank {
		return 0
	}
	lens := make([]int, 0, nonBlank)
	for _, l := range lines {
		if !isBlank(l) {
			lens = append(lens, utf8.RuneCountInString(l))
		}
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	w := sorted[len(sorted)*9/10]
	if w > 100 || w < 30 {
		return 0
	}
	full := 0
	for _, n := range lens {
		if 10*n >= 6*w {
			full++
		}
	}
	if 2*full < len(lens) {
		return 0
	}
	return w
}

// isWrapped reports whether a run of lines is one paragraph wrapped at
// width: every line but the last fills most of the width.
func isWrapped(run []string, width int) bool {
	for _, l := range run[:len(run)-1] {
		if 10*utf8.RuneCountInString(strings.TrimSpace(l)) < 6*width {
			return false
		}
	}
	return true
}

// isLineList reports whether a run of three or more lines is a list of
// separate short lines rather than one paragraph: each at most 14 words,
// starting with a capital, a digit or a quote.
func isLineList(run []string) bool {
	if len(run) < 3 {
		return false
	}
	for _, l := range run {
		t := strings.TrimSpace(l)
		if countWords(t) > 14 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(t)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '‘' && r != '“' && r != '"' && r != '\'' {
			return false
		}
	}
	return true
}

// startsOwnBlock reports whether a line is a list item or a heading, which
// never run on into the lines around them.
func startsOwnBlock(l string) bool {
	t := strings.TrimLeft(l, " ")
	if strings.HasPrefix(t, "#") || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune(bullets, r)
}

func isBlank(l string) bool { return strings.TrimSpace(l) == "" }

// cleanText turns the sanitised lines of one plain-text file (lines[i] is
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
// own gets a title made from its first sentence (see shortTitle), and the
// bullet that opened it is dropped from its first paragraph.
func cleanText(file string, lines []string) []*Article {
	bs := textBlocks(lines)
	if len(bs) == 0 {
		return nil
	}
	starts := splitPoints(bs)
	out := make([]*Article, 0, len(starts)+1)
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
		a := &Article{
			Title:  res.title,
			Dek:    res.dek,
			Author: res.author,
			Via:    res.via,
			Source: Span{File: file, StartLine: firstLine + 1, EndLine: lastLine + 1},
		}
		a.Body = paragraphs(file, seg, identityLine)
		if a.Title == "" {
			a.Title = titleFromBody(a.Body)
		}
		if a.Title == "" && len(a.Body) == 0 {
			continue
		}
		a.Raw = rawLines(lines, firstLine, lastLine, seg, identityLine)
		out = append(out, a)
	}
	return out
}

func identityLine(i int) int { return i + 1 }

// cleanBody cleans the body text of a record whose title is already known
// (Markdown, JSON): chrome out, byline and "Via" to metadata, subheads
// marked, paragraphs at blank lines (or at every line when there are no
// blank lines). lineNo maps an index of lines to its line in the source file.
// There is no headline or dek detection and no splitting.
func cleanBody(file string, lines []string, lineNo func(i int) int) (body []Paragraph, raw []Line, author, via string) {
	return (*cleaner)(nil).cleanBody(file, lines, lineNo)
}

// cleanBody is the package function cleanBody, reusing the cleaner's
// scratch space.
func (cl *cleaner) cleanBody(file string, lines []string, lineNo func(i int) int) (body []Paragraph, raw []Line, author, via string) {
	blank := false
	for _, l := range lines {
		if isBlank(l) {
			blank = true
			break
		}
	}
	var bs []*block
	if blank {
		bs = paragraphBlocks(cl, lines, wrapWidth(lines))
	} else {
		bs = lineBlocks(cl, lines)
	}
	defer cl.keep(bs)
	res := cleanSegment(bs, segOpts{})
	body = paragraphs(file, bs, lineNo)
	if len(lines) > 0 {
		raw = rawLines(lines, 0, len(lines)-1, bs, lineNo)
	}
	return body, raw, res.author, res.via
}

// splitPoints returns the indices of blocks that start a new item of a
// multi-item file: a lone bulleted paragraph of running text, set off by a
// blank line, coming after at least two paragraphs of the current item and
// followed by more text (news digests and "also in this issue" pages open
// each further item so). A bulleted list, whose items stand next to each
// other, never splits.
func splitPoints(bs []*block) []int {
	var out []int
	prose := 0
	for i, b := range bs {
		if i > 0 && b.bullet && b.kind == kindNone && b.prose && b.words >= 12 && prose >= 2 &&
			bs[i-1].last < b.first-1 && !bs[i-1].bullet &&
			i+1 < len(bs) && !bs[i+1].bullet && hasProse(bs[i+1:]) {
			out = append(out, i)
			prose = 0
		}
		if b.kind == kindNone && b.prose {
			prose++
		}
	}
	return out
}

func hasProse(bs []*block) bool {
	for _, b := range bs {
		if b.kind == kindNone && b.prose && !b.bullet {
			return true
		}
	}
	return false
}

// segOpts says which structure rules apply to a segment.
type segOpts struct {
	headline bool // find the headline (plain text, first item)
	dek      bool // find a dek or caption under the headline
	header   bool // short lines between the head and the body are chrome
	lead     bool // the segment starts with a bulleted lead paragraph
}

// segResult is the metadata cleaning found in a segment.
type segResult struct {
	title, dek, author, via string
}

// cleanSegment gives every block of one article its role, and returns the
// metadata found.
func cleanSegment(bs []*block, o segOpts) segResult {
	var res segResult
	i := 0
	title := -1
	if o.headline {
	find:
		for ; i < len(bs); i++ {
			b := bs[i]
			switch b.kind {
			case kindNone:
				if isCategoryLine(b) {
					b.kind, b.why = kindChrome, whyCategory
					continue
				}
			case kindDate:
				b.kind, b.why = kindChrome, whyDate
				continue
			default:
				continue
			}
			if !headlineShaped(b) {
				break find
			}
			if n := sectionLabel(bs, i); n > i {
				b.kind, b.why = kindChrome, whyCategory
				i = n
				b = bs[i]
			}
			title = i
			b.role = RoleTitle
			res.title = b.text
			i++
			break find
		}
	}
	if o.lead && len(bs) > 0 && bs[0].bullet {
		bs[0].lead = true
	}
	head := i
	markRepeats(bs, head, res.title)
	markBylineBios(bs)

	if o.dek && title >= 0 {
		for j := head; j < len(bs); j++ {
			b := bs[j]
			if b.kind != kindNone {
				continue
			}
			if dekShaped(bs, j) {
				if captionShaped(b) {
					b.role = RoleCaption
				} else {
					b.role = RoleDek
					res.dek = b.text
				}
				head = j + 1
			}
			break
		}
	}

	// The body runs from the first to the last paragraph of running text.
	start, end := -1, -1
	for j := head; j < len(bs); j++ {
		if b := bs[j]; b.kind == kindNone && b.role == "" && b.prose {
			if start < 0 {
				start = j
			}
			end = j
		}
	}
	if start < 0 {
		// No running text at all: keep whatever is not chrome.
		for j := head; j < len(bs); j++ {
			if b := bs[j]; b.kind == kindNone && b.role == "" {
				if start < 0 {
					start = j
				}
				end = j
			}
		}
	}
	// A comment widget after two paragraphs of text ends the article:
	// what follows it is reader comments and site furniture.
	comments := -1
	for j, seen := start, 0; j <= end && start >= 0; j++ {
		b := bs[j]
		if isText(b) {
			seen++
		}
		if b.kind == kindChrome && b.why == whyComments && seen >= 2 {
			comments = j
			for end = j - 1; end > start && !isText(bs[end]); end-- {
			}
			break
		}
	}
	// A bio that ends the text is not part of the body.
	for end > start && isBio(bs[end].text) {
		bs[end].kind, bs[end].why = kindChrome, whyBio
		for end--; end > start && !isText(bs[end]); end-- {
		}
	}

	// A paragraph that ends in a colon announces what follows (a list):
	// the body goes on to the last line that is not chrome.
	if end >= 0 && bs[end].final == ':' {
		for j := end + 1; j < len(bs); j++ {
			if bs[j].kind == kindNone && bs[j].role == "" {
				end = j
			}
		}
	}
	tail := 0
	for j := end + 1; j < len(bs) && end >= 0; j++ {
		if bs[j].kind == kindNone && bs[j].role == "" {
			tail++
		}
	}

	for j, b := range bs {
		if b.role != "" {
			continue
		}
		switch b.kind {
		case kindChrome:
			b.role = RoleChrome
		case kindByline:
			b.role = RoleByline
			if res.author == "" {
				res.author = b.name
			}
		case kindVia:
			b.role = RoleVia
			if res.via == "" {
				res.via = b.name
			}
		case kindCaption:
			b.role = RoleCaption
		case kindDate:
			if start <= j && j <= end && !b.stamp {
				b.role = RoleBody
				if subheadShaped(b) {
					b.role = RoleSubhead
				}
				break
			}
			b.role, b.why = RoleChrome, whyDate
		default:
			switch {
			case start < 0 || j < start:
				switch {
				case o.header:
					b.role, b.why = RoleChrome, whyHeader
				case subheadShaped(b):
					b.role = RoleSubhead
				default:
					b.role = RoleBody
				}
			case j > end:
				b.role = RoleChrome
				switch {
				case comments >= 0 && j > comments && b.prose:
					b.why = whyComment
				case b.weak != "":
					b.why = b.weak
				case tail >= 2:
					b.why = whyRelated
				default:
					b.why = whyTrailing
				}
			case b.heading || !b.prose && subheadShaped(b):
				b.role = RoleSubhead
			default:
				b.role = RoleBody
			}
		}
	}
	return res
}

// isText reports whether a block is running text that no rule has
// claimed yet.
func isText(b *block) bool { return b.kind == kindNone && b.role == "" && b.prose }

// markRepeats marks as chrome the short lines that occur more than once
// (ads and widgets repeat; subheads and prose do not), and any later line
// that repeats the headline.
func markRepeats(bs []*block, from int, title string) {
	var seen map[string]int
	for j := from; j < len(bs); j++ {
		b := bs[j]
		if b.kind != kindNone {
			continue
		}
		if title != "" && b.text == title {
			b.kind, b.why = kindChrome, whyRepeatTitle
			continue
		}
		if b.words > 8 || b.final == '.' {
			continue
		}
		if seen == nil {
			seen = make(map[string]int)
		}
		seen[b.text]++
	}
	for j := from; j < len(bs) && seen != nil; j++ {
		if b := bs[j]; b.kind == kindNone && seen[b.text] > 1 {
			b.kind, b.why = kindChrome, whyRepeated
		}
	}
}

// markBylineBios marks as chrome the paragraphs right after a byline that
// open with the author's name: "Author: Jason Ditz" / "Jason Ditz is Senior
// Editor for …".
func markBylineBios(bs []*block) {
	for k, b := range bs {
		if b.kind != kindByline || b.name == "" {
			continue
		}
		for j := k + 1; j < len(bs) && j <= k+2; j++ {
			n := bs[j]
			if n.kind != kindNone {
				continue
			}
			if strings.HasPrefix(n.text, b.name+" ") || isBio(n.text) {
				n.kind, n.why = kindChrome, whyBio
			}
		}
	}
}

// sectionLabel returns the index of the real headline when block i, the
// first headline-shaped line, is only a section label above it ("Opinion",
// "Middle East", "Israel-Palestine conflict"): at most three words without
// punctuation, followed by a headline-shaped line without final
// punctuation of at least twice as many words (and four), then running
// text. Otherwise it returns i.
func sectionLabel(bs []*block, i int) int {
	b := bs[i]
	if b.words > 3 || b.prose || b.final == '?' || b.final == '!' {
		return i
	}
	for n := i + 1; n < len(bs); n++ {
		nb := bs[n]
		if nb.kind != kindNone {
			continue
		}
		if headlineShaped(nb) && !nb.prose && nb.words >= 4 && nb.words >= 2*b.words && hasProse(bs[n+1:]) {
			return n
		}
		return i
	}
	return i
}

// headlineShaped reports whether a line can be a headline: one line of at
// most 40 words, not a bullet, not ending in a comma or colon, and not a
// long sentence ending in a full stop.
func headlineShaped(b *block) bool {
	if b.words == 0 || b.words > 40 || b.bullet || b.first != b.last || len(b.text) > 400 {
		return false
	}
	switch b.final {
	case ',', ';', ':':
		return false
	case '.':
		return b.words <= 15
	}
	return true
}

// dekShaped reports whether block j, the first text under the headline,
// is a dek (or a caption): one line of at most 30 words and one sentence,
// with running text after it. A line without final punctuation ("US blames
// militia for Friday attack on Iraq base") is a dek; a full sentence only
// when it is set off by blank lines and the article under it is clearly
// longer.
func dekShaped(bs []*block, j int) bool {
	b := bs[j]
	if b.first != b.last || b.words > 30 || b.bullet || b.heading {
		return false
	}
	switch b.final {
	case ',', ';', ':', '-', '–', '—':
		return false
	}
	if e := firstSentenceEnd(b.text); e > 0 && e < len(b.text) {
		return false
	}
	if !isSentenceEnd(b.final) {
		r, _ := utf8.DecodeRuneInString(b.text)
		return !unicode.IsLower(r) && hasProse(bs[j+1:])
	}
	if j+1 >= len(bs) || bs[j+1].first <= b.last+1 || (j > 0 && bs[j-1].last >= b.first-1) {
		return false
	}
	// A full sentence could as well be a short first paragraph: it is a
	// dek only above a real article (three paragraphs or more) whose
	// first paragraph is clearly longer.
	var after []*block
	for _, n := range bs[j+1:] {
		if n.kind == kindNone && n.prose && !n.bullet {
			after = append(after, n)
			if len(after) == dekMinParagraphs {
				break
			}
		}
	}
	return len(after) == dekMinParagraphs && 4*b.words < 3*after[0].words
}

// dekMinParagraphs is how many paragraphs must follow a dek that is a full
// sentence.
const dekMinParagraphs = 3

// subheadShaped reports whether a short line inside the body is an in-body
// heading: at most 12 words, starting with a capital, a digit or a quote,
// and not ending as if the text went on (",", ":", a dash).
func subheadShaped(b *block) bool {
	if b.words == 0 || b.words > 12 || b.bullet {
		return false
	}
	switch b.final {
	case ',', ';', ':', '-', '–', '—', '(':
		return false
	}
	r, _ := utf8.DecodeRuneInString(b.text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '“' || r == '‘' || r == '"'
}

// paragraphs turns the body and subhead blocks into paragraphs.
func paragraphs(file string, bs []*block, lineNo func(int) int) []Paragraph {
	n := 0
	for _, b := range bs {
		if b.role == RoleBody || b.role == RoleSubhead {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Paragraph, 0, n)
	for _, b := range bs {
		if b.role != RoleBody && b.role != RoleSubhead {
			continue
		}
		text := b.text
		if b.bullet && !b.lead {
			// A bullet with nothing after it stays as the bare marker, so
			// that no paragraph ends in a space.
			text = strings.TrimSpace(strings.TrimSpace(b.marker) + " " + text)
		}
		out = append(out, Paragraph{
			Text:    text,
			Subhead: b.role == RoleSubhead,
			Source:  Span{File: file, StartLine: lineNo(b.first), EndLine: lineNo(b.last)},
		})
	}
	return out
}

// rawLines lists lines[from..to] with the roles of their blocks.
func rawLines(lines []string, from, to int, bs []*block, lineNo func(int) int) []Line {
	out := make([]Line, 0, to-from+1)
	k := 0
	for i := from; i <= to; i++ {
		for k < len(bs) && bs[k].last < i {
			k++
		}
		l := Line{Number: lineNo(i), Text: lines[i], Role: RoleBlank}
		if k < len(bs) && bs[k].first <= i && !isBlank(lines[i]) {
			l.Role = bs[k].role
			if l.Role == RoleChrome {
				l.Why = bs[k].why
			}
		}
		out = append(out, l)
	}
	return out
}

// titleMaxRunes is how long a title made from a first sentence may be.
const titleMaxRunes = 90

// titleFromBody makes a title for an item without a headline from the first
// sentence of its first paragraph, shortened at a word boundary (and not
// after a dangling "the", "of", …) with an ellipsis.
func titleFromBody(body []Paragraph) string {
	for _, p := range body {
		if !p.Subhead {
			return shortTitle(p.Text)
		}
	}
	return ""
}

func shortTitle(s string) string {
	if e := firstSentenceEnd(s); e > 0 {
		s = s[:e]
	}
	s = strings.TrimRight(s, ". ")
	if utf8.RuneCountInString(s) <= titleMaxRunes {
		return s
	}
	cut := 0
	n := 0
	for i := range s {
		if n == titleMaxRunes {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		// one long word: cut at a rune boundary
		cut = len(s)
		n = 0
		for i := range s {
			if n == titleMaxRunes {
				cut = i
				break
			}
			n++
		}
		return s[:cut] + "…"
	}
	words := strings.Fields(s[:cut])
	for len(words) > 1 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ",;:-–—"))
		if !danglingWords[w] && !strings.HasSuffix(words[len(words)-1], ",") {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.TrimRight(strings.Join(words, " "), ",;:-–—") + "…"
}

// danglingWords are not left at the end of a shortened title.
var danglingWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "to": true,
	"for": true, "and": true, "or": true, "but": true, "with": true, "by": true, "at": true,
	"from": true, "as": true, "that": true, "which": true, "who": true, "is": true, "are": true,
	"was": true, "were": true, "will": true, "its": true, "their": true, "his": true,
	"her": true, "into": true, "than": true, "be": true, "has": true, "have": true, "": true,
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"st": true, "jr": true, "sr": true, "vs": true, "no": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "maj": true, "adm": true, "brig": true, "pres": true,
}

// firstSentenceEnd returns the byte offset just after the first sentence of
// s (after its final punctuation and closing quotes), or -1 when s holds a
// single sentence. A full stop after an abbreviation or an initial ("U.S.",
// "Mr.", "J.") does not end a sentence.
func firstSentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		size := 1
		if c != '.' && c != '!' && c != '?' {
			if c == 0xE2 && strings.HasPrefix(s[i:], "…") {
				size = len("…")
			} else {
				continue
			}
		}
		j := i + size
		for j < len(s) {
			r, sz := utf8.DecodeRuneInString(s[j:])
			if r != '”' && r != '’' && r != '"' && r != '\'' && r != ')' {
				break
			}
			j += sz
		}
		if j >= len(s) {
			return -1
		}
		if s[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '“' && r != '‘' && r != '"' {
			continue
		}
		if c == '.' {
			w := s[:i]
			if k := strings.LastIndexByte(w, ' '); k >= 0 {
				w = w[k+1:]
			}
			w = strings.TrimLeft(w, "(“‘\"'")
			if utf8.RuneCountInString(w) <= 1 || strings.Contains(w, ".") || abbreviations[strings.ToLower(w)] {
				continue
			}
		}
		return j
	}
	return -1
}
