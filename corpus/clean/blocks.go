package clean

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/swar"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// block is one paragraph candidate: a non-blank line, or in cleanBody a run
// of non-blank lines.
type block struct {
	first, last int    // indices into the lines being cleaned, inclusive
	text        string // trimmed, spaces collapsed, bullet or "#" marker removed
	lower       string // textnorm.Fold(text) for the phrase rules; "" for long paragraphs
	marker      string // the bullet removed from text ("• "), if any
	words       int
	final       rune // last rune, closing quotes and brackets skipped
	prose       bool // running text: ends a sentence, or is long
	bullet      bool // started with a bullet
	heading     bool // a Markdown "#" heading
	lead        bool // the bulleted lead of a split-off item: no marker in the body

	kind  kind         // what the line rules made of it
	why   reason       // for chrome: the rule
	weak  reason       // chrome recognised only after the body (see weakChrome)
	stamp bool         // for dates: a publication stamp, chrome even in the body
	name  string       // for bylines and attributions: the name
	role  article.Role // the final role, set by cleanSegment
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
	folded textnorm.FoldBuffer
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
	s.folded.Reset()
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

// initBlock fills the zero block b with lines[first..last] and classifies
// it. Its folded text goes in folded when that is not nil.
func initBlock(b *block, lines []string, first, last int, folded *textnorm.FoldBuffer) *block {
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
			b.lower = folded.Fold(text)
		} else {
			b.lower = textnorm.Fold(text)
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
func lineBlocks(cl *Cleaner, lines []string) []*block {
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
func paragraphBlocks(cl *Cleaner, lines []string, width int) []*block {
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
