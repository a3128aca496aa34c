package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

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
// metadata found: the headline, then the dek under it, then the bounds of
// the body, then every role from those.
func cleanSegment(bs []*block, o segOpts) segResult {
	var res segResult
	head, title := 0, -1
	if o.headline {
		head, title = findHeadline(bs)
	}
	if title >= 0 {
		res.title = bs[title].text
	}
	if o.lead && len(bs) > 0 && bs[0].bullet {
		bs[0].lead = true
	}
	markRepeats(bs, head, res.title)
	markBylineBios(bs)
	if o.dek && title >= 0 {
		head = findDek(bs, head, &res)
	}
	assignRoles(bs, findBody(bs, head), o.header, &res)
	return res
}

// findHeadline finds the headline: the first headline-shaped block, after
// category lines and date stamps (marked chrome on the way) and below a
// section label (marked chrome too). It marks the headline RoleTitle and
// returns its index as title, and in head the index of the first block
// under the head of the article. When the first candidate is not
// headline-shaped there is no headline: title is -1 and head that block.
func findHeadline(bs []*block) (head, title int) {
	for i := 0; i < len(bs); i++ {
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
			return i, -1
		}
		if n := sectionLabel(bs, i); n > i {
			b.kind, b.why = kindChrome, whyCategory
			i = n
		}
		bs[i].role = article.RoleTitle
		return i + 1, i
	}
	return len(bs), -1
}

// findDek looks at the first unclaimed block from head, right under the
// headline: when it is dek-shaped it becomes the dek (res.dek) or, when it
// reads like one, a photo caption, and the head of the article ends after
// it. It returns the new head.
func findDek(bs []*block, head int, res *segResult) int {
	for j := head; j < len(bs); j++ {
		b := bs[j]
		if b.kind != kindNone {
			continue
		}
		if !dekShaped(bs, j) {
			return head
		}
		if captionShaped(b) {
			b.role = article.RoleCaption
		} else {
			b.role = article.RoleDek
			res.dek = b.text
		}
		return j + 1
	}
	return head
}

// bodyBounds are the bounds of an article's body among its blocks.
type bodyBounds struct {
	start, end int // first and last block of the body; -1 when there is none
	comments   int // the comment widget that ended the text; -1 when none did
	tail       int // unclaimed blocks after the body (a run of them is related headlines)
}

// findBody finds the body from head on: from the first to the last
// paragraph of running text (of any unclaimed block when there is no
// running text), cut at a comment widget and before a closing author bio
// (marked chrome), and run on to the end after a paragraph that announces
// a list with a colon.
func findBody(bs []*block, head int) bodyBounds {
	start, end := unclaimedRange(bs, head, true)
	if start < 0 {
		// No running text at all: keep whatever is not chrome.
		start, end = unclaimedRange(bs, head, false)
	}
	bd := bodyBounds{start: start, end: end, comments: -1}
	if start >= 0 {
		bd.comments, bd.end = cutAtComments(bs, start, end)
	}
	bd.end = cutClosingBios(bs, bd.start, bd.end)
	bd.end = runOnAfterColon(bs, bd.end)
	for j := bd.end + 1; j < len(bs) && bd.end >= 0; j++ {
		if bs[j].kind == kindNone && bs[j].role == "" {
			bd.tail++
		}
	}
	return bd
}

// unclaimedRange returns the first and last block from head on that no
// rule has claimed (and, with prose, that are running text); -1, -1 when
// there is none.
func unclaimedRange(bs []*block, head int, prose bool) (start, end int) {
	start, end = -1, -1
	for j := head; j < len(bs); j++ {
		if b := bs[j]; b.kind == kindNone && b.role == "" && (b.prose || !prose) {
			if start < 0 {
				start = j
			}
			end = j
		}
	}
	return start, end
}

// cutAtComments ends the body before a comment widget that comes after two
// paragraphs of text: what follows it is reader comments and site
// furniture. It returns the widget's index (-1 when there is none) and the
// body's new end, its last running text before the widget.
func cutAtComments(bs []*block, start, end int) (comments, newEnd int) {
	seen := 0
	for j := start; j <= end; j++ {
		b := bs[j]
		if isText(b) {
			seen++
		}
		if b.kind == kindChrome && b.why == whyComments && seen >= 2 {
			return j, lastTextBefore(bs, start, j)
		}
	}
	return -1, end
}

// cutClosingBios marks as chrome the author bios that end the body and
// returns the body's new end.
func cutClosingBios(bs []*block, start, end int) int {
	for end > start && isBio(bs[end].text) {
		bs[end].kind, bs[end].why = kindChrome, whyBio
		end = lastTextBefore(bs, start, end)
	}
	return end
}

// lastTextBefore returns the last block of running text before j, or
// start when there is none after it.
func lastTextBefore(bs []*block, start, j int) int {
	end := j - 1
	for end > start && !isText(bs[end]) {
		end--
	}
	return end
}

// runOnAfterColon runs the body on to the last unclaimed block when its
// last paragraph ends in a colon: it announces what follows (a list).
func runOnAfterColon(bs []*block, end int) int {
	if end < 0 || bs[end].final != ':' {
		return end
	}
	for j := end + 1; j < len(bs); j++ {
		if bs[j].kind == kindNone && bs[j].role == "" {
			end = j
		}
	}
	return end
}

// assignRoles gives every block without a role yet its role, from what the
// line rules made of it and where it stands against the body, and collects
// the first byline's author and the first attribution's outlet into res.
// With header, short lines between the head and the body are page
// furniture; without, they are subheads or body.
func assignRoles(bs []*block, bd bodyBounds, header bool, res *segResult) {
	for j, b := range bs {
		if b.role != "" {
			continue
		}
		switch b.kind {
		case kindChrome:
			b.role = article.RoleChrome
		case kindByline:
			b.role = article.RoleByline
			if res.author == "" {
				res.author = b.name
			}
		case kindVia:
			b.role = article.RoleVia
			if res.via == "" {
				res.via = b.name
			}
		case kindCaption:
			b.role = article.RoleCaption
		case kindDate:
			b.role, b.why = dateRole(b, bd.start <= j && j <= bd.end)
		default:
			b.role, b.why = textRole(b, j, bd, header)
		}
	}
}

// dateRole is the role of a date line: inside the body a bare date is a
// timeline entry (body or subhead), anything else is chrome.
func dateRole(b *block, inBody bool) (article.Role, reason) {
	if !inBody || b.stamp {
		return article.RoleChrome, whyDate
	}
	if subheadShaped(b) {
		return article.RoleSubhead, ""
	}
	return article.RoleBody, ""
}

// textRole is the role of block j, which no line rule claimed, from where
// it stands: before the body it is page furniture (with header) or a
// subhead or body; after the body it is chrome, named by what follows the
// body; inside it, a subhead or body.
func textRole(b *block, j int, bd bodyBounds, header bool) (article.Role, reason) {
	switch {
	case bd.start < 0 || j < bd.start:
		switch {
		case header:
			return article.RoleChrome, whyHeader
		case subheadShaped(b):
			return article.RoleSubhead, ""
		}
		return article.RoleBody, ""
	case j > bd.end:
		switch {
		case bd.comments >= 0 && j > bd.comments && b.prose:
			return article.RoleChrome, whyComment
		case b.weak != "":
			return article.RoleChrome, b.weak
		case bd.tail >= 2:
			return article.RoleChrome, whyRelated
		}
		return article.RoleChrome, whyTrailing
	case b.heading || !b.prose && subheadShaped(b):
		return article.RoleSubhead, ""
	}
	return article.RoleBody, ""
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
