package webpage

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// judged is a block with its verdict.
type judged struct {
	raw    rawBlock
	role   Role
	reason string
	at     *html.Node // the element the reason was read from, if any
	text   string     // the kept text (kept blocks only)
}

// judge decides every block: kept by the extractor and not overruled by a
// chrome rule, or dropped with the reason its surroundings give.
func judge(blocks []rawBlock, sel selection, title, description string) []judged {
	out := make([]judged, len(blocks))
	sizes := newSizer(blocks, sel)
	marks := newChrome()
	for i, b := range blocks {
		out[i] = judgeOne(b, sel, sizes, marks)
	}
	at := markTitle(out, title)
	rescueDek(out, at, description)
	fillGaps(out)
	dropRepeats(out)
	dropLinkRuns(out)
	dropEndMatter(out)
	return out
}

func judgeOne(b rawBlock, sel selection, sizes *sizer, marks *chrome) judged {
	reason, at := marks.of(b.elem)
	j := judged{raw: b, role: RoleDropped}
	if sel.keptShare(b) < 0.5 {
		j.reason, j.at = firstNonEmpty(reason, ReasonNotMain), at
		return j
	}
	n := words(b.text)
	if reason == ReasonEmbed {
		// An embedded post quotes someone: its text stays, as a quote;
		// the attribution and the "View on …" links around it go.
		if b.elem.DataAtom == atom.P && linkShare(b) < 0.5 {
			j.role, j.text = RoleBody, sel.keptText(b)
			j.raw.kind = KindQuote
			return j
		}
		j.reason, j.at = reason, at
		return j
	}
	if limit, strong := strongReasons[reason]; strong && sizes.minor(at, limit) {
		j.reason, j.at = reason, at
		return j
	}
	if r := lineRule(b, n); r != "" {
		j.reason = r
		return j
	}
	j.text = sel.keptText(b)
	if j.text == "" {
		j.reason = ReasonNotMain
		return j
	}
	j.role = RoleBody
	if b.kind == KindSubhead {
		j.role = RoleSubhead
	}
	return j
}

// sizer knows how much kept text each element holds, so a chrome rule never
// removes most of the article (an article wrapper called "story-comments"
// or a live blog classed "timeline-updated" must not vanish).
type sizer struct {
	total int
	sel   selection
	memo  map[*html.Node]int
}

func newSizer(blocks []rawBlock, sel selection) *sizer {
	return &sizer{total: sel.words(blocks), sel: sel, memo: make(map[*html.Node]int)}
}

// minor reports an element that holds less than half the kept text and, when
// limit is not 0, at most limit words.
func (s *sizer) minor(el *html.Node, limit int) bool {
	if el == nil {
		return false
	}
	n, ok := s.memo[el]
	if !ok {
		n = words(textContent(el))
		s.memo[el] = n
	}
	return float64(n) < 0.5*float64(s.total) && (limit == 0 || n <= limit)
}

// lineRule recognises chrome by its words when its markup says nothing:
// "Advertisement", "Read more: …", "Share this article", a newsletter
// prompt, a copyright line, a byline or a date stamp.
func lineRule(b rawBlock, n int) string {
	if n > 30 || b.kind == KindCode {
		return ""
	}
	low := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(b.text, "• "), "- ")))
	switch {
	case isAny(low, "advertisement", "advertisement:", "advert", "ad", "sponsored", "sponsored content",
		"anzeige", "publicité", "publicidad", "werbung", "story continues below advertisement",
		"article continues below advertisement", "continue reading below", "scroll to continue with content"):
		return ReasonAdvert
	case n <= 25 && hasAnyPrefix(low, "read more:", "read more ", "read next:", "related:", "related article",
		"related stories", "related coverage", "see also:", "more on this", "also read:", "read also:",
		"must read:", "more:", "watch:", "listen:", "more from ", "recommended:", "recommended for you",
		"further reading", "you may also like", "you might also like", "read the full story", "lire aussi",
		"à lire aussi", "a lire aussi", "voir aussi", "lesen sie auch", "lesen sie mehr", "mehr zum thema",
		"auch interessant", "leer más", "lea también", "lee también", "leia também", "leggi anche"):
		return ReasonReadMore
	case n <= 40 && containsAny(low, "subscribe", "subscription", "subscriber") &&
		containsAny(low, "to continue", "continue reading", "for subscribers", "subscribers only", "already a subscriber",
			"unlimited access", "log in", "sign in", "to read the full", "to keep reading"):
		return ReasonPaywall
	case n <= 30 && containsAny(low, "by signing up", "unsubscribe at any time", "in your inbox", "to your inbox",
		"straight to your inbox", "privacy policy") && !endsSentenceWithQuote(b.text):
		return ReasonNewsletter
	case n <= 8 && hasAnyPrefix(low, "share this", "share on ", "share:", "follow us", "follow @", "click to share",
		"tweet this", "email this", "print this"):
		return ReasonShare
	case isAny(low, "share", "tweet", "email", "print", "facebook", "twitter", "whatsapp", "linkedin",
		"reddit", "pinterest", "copy link", "comments", "comment"):
		return ReasonShare
	case n <= 30 && hasAnyPrefix(low, "sign up", "subscribe to", "get our", "get the latest", "join our",
		"enter your email", "don't miss") &&
		containsAny(low, "newsletter", "inbox", "email", "sign up", "subscribe"):
		return ReasonNewsletter
	case n <= 25 && (hasAnyPrefix(low, "©", "(c) ", "copyright ") || strings.Contains(low, "all rights reserved")):
		return ReasonBoilerplate
	case n <= 12 && hasAnyPrefix(low, "published", "updated", "last updated", "posted", "first published",
		"last modified") && hasDigit(low):
		return ReasonDateline
	case n <= 8 && hasDigit(low) && containsAny(low, " ago", "updated "):
		return ReasonDateline
	case n <= 12 && dateOnly(low):
		return ReasonDateline
	case n <= 12 && isByline(b.text):
		return ReasonByline
	case n <= 15 && (hasAnyPrefix(low, "photo:", "photograph:", "photo by", "photograph by", "image:", "image by",
		"picture:", "credit:", "photo credit", "image credit", "(photo", "file photo", "pictured:", "foto:", "fotos:",
		"bild:", "(foto", "crédito", "(crédito", "illustration:") ||
		containsAny(low, "getty images", "/ getty", "/getty", "via getty", "shutterstock", "/ afp", "/afp", "/ reuters",
			"/reuters", "/ ap photo", "(ap photo", "/ dpa", "/dpa", "picture alliance", "picture-alliance")):
		return ReasonCaption
	}
	return ""
}

// isByline reads "By Jane Doe", "By Jane Doe and John Roe, Reuters",
// "Von Max Mustermann": a short line starting with "by" whose next words are
// capitalised and that does not end like a sentence.
func isByline(s string) bool {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	rest := ""
	for _, pre := range []string{"by ", "by: ", "von ", "par ", "por ", "written by ", "reporting by "} {
		if strings.HasPrefix(low, pre) {
			rest = strings.TrimSpace(s[len(pre):])
			break
		}
	}
	if rest == "" || strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, " Jr.") {
		return false
	}
	first := []rune(rest)[0]
	return first >= 'A' && first <= 'Z' || first > 0x7f && strings.ToUpper(string(first)) == string(first)
}

// dateOnly is a line that is nothing but a date or a time, maybe with a
// weekday and a zone: "29 December 2019", "Sun 29 Dec 2019 10:31 GMT",
// "2019-12-29 | 10:31", "15:05".
func dateOnly(low string) bool {
	if !hasDigit(low) || words(low) > 10 {
		return false
	}
	month := false
	for _, f := range strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if _, ok := monthNames[f]; ok {
			month = true
			continue
		}
		if !dateWord(f) {
			return false
		}
	}
	if month || strings.Contains(low, ":") {
		return true
	}
	_, _, ok := parseDate(strings.TrimSpace(strings.SplitN(low, "|", 2)[0]))
	return ok
}

// dateWord: a number, an ordinal, a weekday, am/pm or a time zone.
func dateWord(f string) bool {
	if strings.Trim(f, "0123456789") == "" || strings.Trim(strings.TrimRight(f, "stndrh"), "0123456789") == "" {
		return true
	}
	switch f {
	case "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
		"fri", "friday", "sat", "saturday", "sun", "sunday", "am", "pm", "gmt", "utc", "bst", "cet", "cest",
		"est", "edt", "cst", "cdt", "pst", "pdt", "ist", "aest", "at", "on", "the", "of", "t", "z", "h", "uhr":
		return true
	}
	return false
}

func isAny(s string, opts ...string) bool {
	for _, o := range opts {
		if s == o {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, opts ...string) bool {
	for _, o := range opts {
		if strings.HasPrefix(s, o) {
			return true
		}
	}
	return false
}

func containsAny(s string, opts ...string) bool {
	for _, o := range opts {
		if strings.Contains(s, o) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// markTitle gives the headline its role: the first block, kept or not, that
// reads like the title (or starts with it, as in old layouts where headline
// and dek share a cell). Later copies are dropped as repeats, and short kept
// blocks above the headline (section labels, "Live") are dropped.
func markTitle(js []judged, title string) int {
	if title == "" {
		return -1
	}
	tk := letterKey(title)
	at := -1
	for i := range js {
		j := &js[i]
		if !isTitleBlock(j.raw, title, tk, at < 0) {
			continue
		}
		if at < 0 {
			at = i
			j.role, j.reason, j.text = RoleTitle, "", ""
			continue
		}
		if j.role != RoleDropped {
			j.role, j.reason, j.text = RoleDropped, ReasonTitleRepeat, ""
		}
	}
	for i := 0; i < at; i++ {
		if j := &js[i]; j.role != RoleDropped && words(j.raw.text) <= 5 && !endsSentence(j.raw.text) {
			j.role, j.reason, j.text = RoleDropped, ReasonKicker, ""
		}
	}
	return at
}

// isTitleBlock: the block is the title, the <h1> holding it, or (for the
// first one only) a block that starts with it and goes on with a few more
// words, the headline and dek of old layouts ("Headline<br>Dek").
func isTitleBlock(b rawBlock, title, tk string, first bool) bool {
	if len(b.text) < len(tk) {
		return false
	}
	bk := letterKey(b.text)
	if bk == tk {
		return true
	}
	if b.elem != nil && b.elem.DataAtom == atom.H1 && titleLike(bk, tk) {
		return true
	}
	return first && len(tk) > 15 && strings.HasPrefix(bk, tk) && words(b.text) <= words(title)+40 &&
		(b.kind != KindText || !endsSentence(b.text))
}

// rescueDek keeps the standfirst when the extractor left it in the page
// header: the block between the headline and the first paragraph that is
// the page's own description.
func rescueDek(js []judged, title int, description string) {
	if title < 0 || description == "" {
		return
	}
	dk := strings.TrimRight(letterKey(description), ".")
	for i := title + 1; i < len(js); i++ {
		j := &js[i]
		if j.role == RoleBody {
			return
		}
		k := letterKey(j.raw.text)
		if j.reason == ReasonNotMain && words(j.raw.text) >= 6 && len(dk) > 20 &&
			(k == dk || strings.HasPrefix(k, dk) || strings.HasPrefix(dk, k)) {
			j.role, j.reason, j.text = RoleBody, "", j.raw.text
			return
		}
	}
}

// titleLike: an <h1> that is the title with an outlet's name around it, or
// the title without one.
func titleLike(a, b string) bool {
	return len(a) > 10 && len(b) > 10 && (strings.Contains(a, b) || strings.Contains(b, a))
}

// dropRepeats removes kept blocks that repeat earlier kept text: pull quotes
// (a fragment of a paragraph shown again in large type) and blocks printed
// twice (mobile and desktop copies).
func dropRepeats(js []judged) {
	var bodies []string
	for i := range js {
		if js[i].role == RoleBody {
			bodies = append(bodies, letterKey(js[i].text))
		}
	}
	seen := make(map[string]bool)
	for i := range js {
		j := &js[i]
		if j.role != RoleBody {
			continue
		}
		k := letterKey(j.text)
		if seen[k] && words(j.text) >= 4 {
			j.role, j.reason, j.text = RoleDropped, ReasonDuplicate, ""
			continue
		}
		seen[k] = true
		if words(j.text) >= 6 && j.raw.kind != KindListItem && fragmentOfOther(k, bodies) {
			j.role, j.reason, j.text = RoleDropped, ReasonPullQuote, ""
		}
	}
}

func fragmentOfOther(k string, bodies []string) bool {
	for _, b := range bodies {
		if len(b) > len(k)+10 && strings.Contains(b, k) {
			return true
		}
	}
	return false
}

// dropLinkRuns removes runs of two or more kept blocks that are all link
// ("More on this story: • A • B • C" inside the article).
func dropLinkRuns(js []judged) {
	for i := 0; i < len(js); {
		if !linkBlock(js[i]) {
			i++
			continue
		}
		k := i
		for k < len(js) && linkBlock(js[k]) {
			k++
		}
		if k-i >= 2 {
			for m := i; m < k; m++ {
				js[m].role, js[m].reason, js[m].text = RoleDropped, ReasonLinkList, ""
			}
		}
		i = k
	}
}

func linkBlock(j judged) bool {
	return j.role == RoleBody && words(j.text) <= 25 && linkShare(j.raw) >= 0.9
}

// dropEndMatter removes what trails the article's last sentence: short kept
// blocks that do not end like a sentence ("More on this", "About the
// author", "Back to the overview") and headings with no text after them.
func dropEndMatter(js []judged) {
	for i := len(js) - 1; i >= 0; i-- {
		j := &js[i]
		if j.role != RoleBody && j.role != RoleSubhead {
			continue
		}
		if j.role == RoleBody && (words(j.text) > 8 || endsSentence(j.text) || j.raw.kind != KindText) {
			return
		}
		j.role, j.reason, j.text = RoleDropped, ReasonEndMatter, ""
	}
}

// endsSentence: the text ends with a full stop, question or exclamation
// mark, or one of those followed by a closing quote or bracket.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]* ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "…") || strings.HasSuffix(s, "。")
}

// endsSentenceWithQuote: reported speech ("... in your inbox," she said.)
// is text, not a prompt.
func endsSentenceWithQuote(s string) bool {
	return strings.Contains(s, "\"") || strings.Contains(s, "“") || strings.Contains(s, "«")
}

// fillGaps keeps prose the extractor left out between two kept paragraphs:
// a run of blocks that no markup marks as chrome, each a sentence of ten
// words or more and mostly not links (go-readability sometimes keeps a
// table or a single paragraph and drops the paragraphs beside it).
func fillGaps(js []judged) {
	last := -1
	for i := range js {
		if js[i].role != RoleBody && js[i].role != RoleSubhead {
			continue
		}
		if last >= 0 && i-last > 1 && gapIsProse(js[last+1:i]) {
			for k := last + 1; k < i; k++ {
				js[k].role, js[k].reason, js[k].at, js[k].text = RoleBody, "", nil, js[k].raw.text
			}
		}
		last = i
	}
}

func gapIsProse(gap []judged) bool {
	for _, j := range gap {
		if j.reason != ReasonNotMain || j.raw.kind != KindText || words(j.raw.text) < 10 ||
			!endsSentence(j.raw.text) || linkShare(j.raw) >= 0.3 {
			return false
		}
	}
	return true
}
