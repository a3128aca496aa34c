package corpus

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// This file holds the line rules of cleaning: what a line looks like, and
// the compact phrase tables that recognise site chrome, bylines and
// attributions. The rules are general (they describe chrome as it appears
// across news sites), never tied to a particular file or line number. The
// structural rules that use position (the headline, the dek, the end of the
// body, subheads, multi-item files) are in clean.go.

// kind is what the context-free rules made of a block, before position is
// taken into account.
type kind uint8

const (
	kindNone    kind = iota // nothing recognised: prose, headline, subhead, …
	kindChrome              // site furniture; why says which
	kindByline              // "Author: …", "By …"; name holds the author
	kindVia                 // "Via …"; name holds the original outlet
	kindCaption             // a photo caption or credit
	kindDate                // a date stamp ("Posted Nov 14th 2007 12:41PM")
)

// Why labels for chrome, shown in the raw view.
const (
	whyCategory    = "category line"
	whyVideo       = "video title"
	whyDonation    = "donation appeal"
	whyDisclaimer  = "disclaimer"
	whyComments    = "comment widget"
	whyTags        = "tag line"
	whyRelated     = "related headlines"
	whyDating      = "dating ad"
	whyAward       = "award badge"
	whyBio         = "author bio"
	whyShare       = "share widget"
	whyNewsletter  = "newsletter appeal"
	whyAdvert      = "advertisement"
	whyCopyright   = "copyright"
	whyDate        = "date line"
	whyRepeated    = "repeated line"
	whyRepeatTitle = "repeated headline"
	whySeparator   = "separator"
	whyHeader      = "header fragment"
	whyTrailing    = "trailing line"
	whyComment     = "reader comment"
	whyLink        = "link"
)

// maxPhraseWords bounds the blocks that phrase rules look at: chrome is
// short, and skipping long paragraphs keeps cleaning fast.
const maxPhraseWords = 45

// wholeLine maps a short line, folded and stripped of final punctuation, to
// the kind of chrome it is. These are the fixed labels of comment systems
// (WordPress, wpDiscuz, Disqus), share bars, related-article boxes and ad
// slots; a body paragraph never consists of just one of them.
var wholeLine = map[string]string{
	// comment widgets
	"what do you think": whyComments, "what do you think about this": whyComments,
	"notify of": whyComments, "inline feedbacks": whyComments, "view all comments": whyComments,
	"load more comments": whyComments, "show comments": whyComments, "hide comments": whyComments,
	"leave a comment": whyComments, "leave a reply": whyComments, "post a comment": whyComments,
	"add a comment": whyComments, "add comment": whyComments, "join the discussion": whyComments,
	"join the conversation": whyComments, "be the first to comment": whyComments,
	"comments": whyComments, "comment": whyComments, "newest": whyComments, "oldest": whyComments,
	"most voted": whyComments, "most liked": whyComments, "login": whyComments, "log in": whyComments,
	"log in to comment": whyComments, "sign in to comment": whyComments, "cancel reply": whyComments,
	"reply": whyComments, "replies": whyComments, "load more": whyComments, "show more replies": whyComments,
	"have your say": whyComments, "share your thoughts": whyComments, "subscribe": whyComments,
	"no comments yet": whyComments, "comments are closed": whyComments,
	// related-article boxes
	"like this": whyRelated, "related": whyRelated, "related posts": whyRelated,
	"related articles": whyRelated, "related stories": whyRelated, "related news": whyRelated,
	"related content": whyRelated, "read more": whyRelated, "read next": whyRelated,
	"more stories": whyRelated, "more news": whyRelated, "you may also like": whyRelated,
	"you might also like": whyRelated, "you may like": whyRelated, "recommended": whyRelated,
	"recommended for you": whyRelated, "most popular": whyRelated, "most read": whyRelated,
	"trending": whyRelated, "trending now": whyRelated, "popular posts": whyRelated,
	"latest news": whyRelated, "see also": whyRelated, "also read": whyRelated,
	"more on this": whyRelated, "up next": whyRelated, "in case you missed it": whyRelated,
	"don't miss": whyRelated, "more from this author": whyRelated, "previous article": whyRelated,
	"next article": whyRelated, "previous post": whyRelated, "next post": whyRelated,
	// share bars
	"share": whyShare, "share this": whyShare, "share this article": whyShare,
	"share this story": whyShare, "share on facebook": whyShare, "share on twitter": whyShare,
	"tweet": whyShare, "email": whyShare, "print": whyShare, "facebook": whyShare,
	"twitter": whyShare, "whatsapp": whyShare, "telegram": whyShare, "linkedin": whyShare,
	"reddit": whyShare, "pinterest": whyShare, "copy link": whyShare, "like": whyShare,
	"loading": whyShare, "click to share on facebook": whyShare, "click to share on twitter": whyShare,
	"click to print": whyShare, "click to email a link to a friend": whyShare,
	// ad slots
	"advertisement": whyAdvert, "sponsored": whyAdvert, "sponsored content": whyAdvert,
	"ad": whyAdvert, "continue reading below": whyAdvert, "article continues below": whyAdvert,
	"story continues below advertisement": whyAdvert, "scroll to continue with content": whyAdvert,
	"like loading": whyShare, "share this:": whyShare, "print this article": whyShare,
	"save": whyShare, "listen": whyShare, "follow": whyShare, "link copied": whyShare,
	"reuse this content": whyShare, "save articles to read later and create your own reading list": whyShare,
	"related topics": whyRelated, "explore more on these topics": whyRelated, "most viewed": whyRelated,
	"more on this story": whyRelated, "top stories": whyRelated, "editor's picks": whyRelated,
	"ad feedback": whyAdvert, "subscribe now": whyNewsletter, "published": whyDate, "updated": whyDate,
	"about the author": whyBio,
}

// wholeLineMaxLen is the length of the longest wholeLine key: a longer
// line is not looked up (hashing a paragraph costs more than the lookup).
var wholeLineMaxLen = func() int {
	n := 0
	for k := range wholeLine {
		n = max(n, len(k))
	}
	return n
}()

// prefixRules: a short line that starts with one of these is chrome of the
// given kind ("VIDEO: …" is the title of an embedded video, "Read more: …"
// a link to another article).
var prefixRules = []struct{ prefix, why string }{
	{"video:", whyVideo}, {"video -", whyVideo}, {"watch:", whyVideo}, {"watch video:", whyVideo},
	{"watch now:", whyVideo}, {"listen:", whyVideo}, {"audio:", whyVideo}, {"podcast:", whyVideo},
	{"photos:", whyVideo}, {"gallery:", whyVideo}, {"in pictures:", whyVideo},
	{"read more:", whyRelated}, {"related:", whyRelated}, {"see also:", whyRelated},
	{"also read:", whyRelated}, {"read also:", whyRelated}, {"read:", whyRelated},
	{"more:", whyRelated}, {"recommended:", whyRelated}, {"don't miss:", whyRelated},
	{"tags:", whyTags}, {"tagged:", whyTags}, {"tagged with", whyTags}, {"topics:", whyTags},
	{"keywords:", whyTags}, {"filed under", whyCategory}, {"posted in ", whyCategory},
	{"categories:", whyCategory}, {"category:", whyCategory}, {"section:", whyCategory},
	{"©", whyCopyright}, {"copyright ©", whyCopyright}, {"copyright (c)", whyCopyright},
	{"copyright 1", whyCopyright}, {"copyright 2", whyCopyright}, {"(c) 1", whyCopyright},
	{"(c) 2", whyCopyright},
}

// containsRules: a line of at most maxPhraseWords words that contains one of
// these phrases is chrome. The phrases are appeals and boilerplate, worded
// as sites word them ("Help us grow. Support X on Patreon!", "The
// statements, views and opinions expressed … do not necessarily represent
// …"); plain reporting does not use them.
var containsRules = []struct{ phrase, why string }{
	{"on patreon", whyDonation}, {"via patreon", whyDonation}, {"patreon.com", whyDonation},
	{"help us grow", whyDonation}, {"support us on", whyDonation}, {"support us by", whyDonation},
	{"support us today", whyDonation}, {"please support us", whyDonation}, {"support our work", whyDonation},
	{"support our journalism", whyDonation}, {"support independent journalism", whyDonation},
	{"support independent media", whyDonation}, {"donate now", whyDonation},
	{"donate today", whyDonation}, {"please donate", whyDonation}, {"make a donation", whyDonation},
	{"become a patron", whyDonation}, {"become a supporter", whyDonation},
	{"buy me a coffee", whyDonation}, {"consider supporting", whyDonation},
	{"consider donating", whyDonation}, {"reader-supported", whyDonation},
	{"views and opinions expressed", whyDisclaimer}, {"opinions expressed in this", whyDisclaimer},
	{"views expressed in this", whyDisclaimer}, {"views expressed here", whyDisclaimer},
	{"opinions expressed here", whyDisclaimer}, {"views expressed on this", whyDisclaimer},
	{"solely those of the author", whyDisclaimer}, {"are the author's own", whyDisclaimer},
	{"are those of the author", whyDisclaimer}, {"for informational purposes only", whyDisclaimer},
	{"all rights reserved", whyCopyright},
	{"sign up for our newsletter", whyNewsletter}, {"subscribe to our", whyNewsletter},
	{"sign up to our", whyNewsletter}, {"join our mailing list", whyNewsletter},
	{"enter your email", whyNewsletter}, {"subscribe for free", whyNewsletter},
	{"thanks for reading", whyNewsletter}, {"free to receive new posts", whyNewsletter},
	{"follow us on", whyShare}, {"like us on facebook", whyShare}, {"click here to", whyShare},
	{"follow me on", whyShare}, {"follow him on", whyShare}, {"follow her on", whyShare},
	{"follow them on", whyShare},
}

// bylinePrefixes introduce an author's name.
var bylinePrefixes = []string{
	"author:", "authors:", "by:", "byline:", "written by", "posted by", "words by",
	"story by", "reporting by", "author ", "by ",
}

// viaPrefixes introduce the outlet a republished article came from.
var viaPrefixes = []string{
	"via:", "via ", "source:", "originally published by", "originally published at",
	"originally published on", "originally published in", "this article originally appeared on",
	"this article originally appeared in", "this article originally appeared at",
	"this article first appeared on", "this article first appeared in",
	"this article was originally published by", "this article was originally published on",
	"this article was originally published in", "this article was originally published at",
	"first published by", "first published on", "first published in", "republished from",
	"republished with permission from", "reprinted from", "reprinted with permission from",
}

// captionPrefixes mark photo captions at the start of a line, and
// captionCredits photo credits anywhere in a short line ("… on Friday.
// (Photo by Jane Doe/Getty Images)").
var captionPrefixes = []string{
	"photo:", "photograph:", "image:", "picture:", "pictured:", "file photo", "credit:",
	"photo credit", "image credit", "photo by ", "(photo", "![", "caption:", "image source,",
	"image caption,", "media caption,", "photo source,",
}
var captionCredits = []string{
	"/ reuters", "/reuters", "(reuters photo", "getty images", "(afp)", "(afp photo", "/ afp", "/afp",
	"(ap photo", "ap photo/", "/ ap)", "/ap)", "(photo)", "(file photo)", "file photo)", "/ epa", "(epa)",
	"/epa", "(getty)", "(photo:", "(photo by", "(image:", "(credit:", "photo credit:", "/ anadolu",
	"/anadolu", "/ shutterstock", "/shutterstock", "(pictured)", "(file)",
}

// bioJobs are the job words of an author bio ("X is Senior Editor for Y").
var bioJobs = []string{
	"editor", "writer", "reporter", "journalist", "correspondent", "columnist", "contributor",
	"author", "analyst", "blogger", "commentator", "fellow", "professor", "researcher",
	"producer", "founder", "freelance", "director of",
}

// nameConnectors may appear in lower case inside a person's name.
var nameConnectors = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "van": true, "von": true, "der": true,
	"den": true, "al": true, "bin": true, "ibn": true, "el": true, "la": true, "le": true,
	"y": true, "di": true, "du": true, "del": true,
}

// functionWords are the words a category line left behind when its links
// were stripped ("in ," from "in News, World").
var functionWords = map[string]bool{
	"in": true, "on": true, "at": true, "of": true, "the": true, "and": true, "a": true,
	"an": true, "to": true, "for": true, "by": true, "from": true, "with": true, "or": true,
	"posted": true, "filed": true, "under": true, "tags": true, "tagged": true, "home": true,
}

// dateWords are words that may make up a date stamp.
var dateWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true,
	"wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true,
	"friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true,
	"posted": true, "published": true, "updated": true, "last": true, "on": true, "at": true,
	"am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true, "utc": true, "edt": true,
	"est": true, "et": true, "pt": true, "pst": true, "pdt": true, "bst": true, "cet": true,
	"cest": true, "ist": true, "ago": true, "release": true, "immediate": true, "for": true,
	"originally": true, "edited": true, "time": true, "hours": true, "hour": true, "minutes": true,
	"min": true, "mins": true, "days": true, "day": true, "read": true, "date": true, "of": true,
}

// monthNames are the date words that make a line a date rather than, say,
// "Posted at 12".
var monthNames = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "ago": true,
}

// bullets start the lead paragraph of an item in a multi-item file, or a
// list item.
const bullets = "•▪●■◦►▶‣◆"

// classify applies the context-free rules to b, setting its kind, why and
// name.
func classify(b *block) {
	if b.lower == "" {
		// Long paragraph: only an author bio can be chrome here, and that
		// is decided by position (see clean.go).
		return
	}
	l := b.lower
	if !hasLetterOrDigit(b.text) {
		b.kind, b.why = kindChrome, whySeparator
		return
	}
	key := strings.TrimRight(l, " .:!?…|»›>-–—")
	if len(key) <= wholeLineMaxLen {
		if why, ok := wholeLine[key]; ok {
			b.kind, b.why = kindChrome, why
			return
		}
	}
	if isLink(l) {
		b.kind, b.why = kindChrome, whyLink
		return
	}
	if isCommentCount(key) {
		b.kind, b.why = kindChrome, whyComments
		return
	}
	if b.words <= 12 {
		if name, ok := bylineName(b.text, l); ok {
			b.kind, b.name = kindByline, name
			return
		}
	}
	if b.words <= 16 {
		if name, ok := viaName(b.text, l); ok {
			b.kind, b.name = kindVia, name
			return
		}
	}
	if b.words <= 25 {
		for _, r := range prefixRules {
			if strings.HasPrefix(l, r.prefix) && !(r.why == whyCategory && b.prose) {
				b.kind, b.why = kindChrome, r.why
				return
			}
		}
	}
	if why := containsPhrase(l); why != "" {
		b.kind, b.why = kindChrome, why
		return
	}
	if b.words <= 40 && isCaption(l) {
		b.kind = kindCaption
		return
	}
	if isDatingAd(b) {
		b.kind, b.why = kindChrome, whyDating
		return
	}
	if isAwardBadge(b) {
		b.kind, b.why = kindChrome, whyAward
		return
	}
	b.weak = weakChrome(b)
	if isTagLine(b) {
		b.kind, b.why = kindChrome, whyTags
		return
	}
	if date, stamp := isDateLine(l, b.words); date {
		b.kind, b.stamp = kindDate, stamp
	}
}

// phraseIndex maps the first word of each containsRules phrase to the
// rules that start with it, so that a line is scanned once, word by word,
// rather than once per phrase.
var phraseIndex = func() map[string][]int {
	m := make(map[string][]int, len(containsRules))
	for i, r := range containsRules {
		m[firstWord(r.phrase)] = append(m[firstWord(r.phrase)], i)
	}
	return m
}()

// phraseKeyLens has, for each first byte, a bit for each length of a
// phraseIndex key starting with it: most words of a line are ruled out
// without a map lookup.
var phraseKeyLens = func() (t [256]uint32) {
	for _, r := range containsRules {
		w := firstWord(r.phrase)
		t[w[0]] |= 1 << min(len(w), 31)
	}
	return t
}()

func firstWord(phrase string) string {
	i := 0
	for i < len(phrase) && isWordByte(rune(phrase[i])) {
		i++
	}
	return phrase[:i]
}

func isWordByte(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '\''
}

// wordBytes marks the bytes isWordByte accepts, for the scan in
// containsPhrase, which looks at every byte of every short line.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(rune(c))
	}
	return t
}()

// containsPhrase returns the why of the first containsRules phrase found in
// the folded line l, or "". It finds the words of l eight bytes at a time
// and looks up only those whose first byte and length match a phrase's
// first word: this runs over every byte of every short line.
func containsPhrase(l string) string {
	i := 0
	prev := uint64(0) // 0x80 when the byte before the word at i is a word byte
	for ; i+8 <= len(l); i += 8 {
		w := wordByteMask(swar.Load(l[i : i+8]))
		starts := w &^ (w<<8 | prev)
		prev = w >> 56
		for starts != 0 {
			k := bits.TrailingZeros64(starts) / 8
			starts &= starts - 1
			s := i + k
			lens := phraseKeyLens[l[s]]
			if lens == 0 {
				continue
			}
			// The word ends at the first byte that is not a word byte.
			var e int
			if rest := (^w & swar.High) >> (8 * (k + 1)); rest != 0 {
				e = s + 1 + bits.TrailingZeros64(rest)/8
			} else {
				e = i + 8
				for e < len(l) && wordBytes[l[e]] {
					e++
				}
			}
			if lens&(1<<min(e-s, 31)) == 0 {
				continue
			}
			if why := phraseAt(l, s, e); why != "" {
				return why
			}
		}
	}
	// The last bytes one at a time; a word may have started before them.
	inWord := prev != 0
	for ; i < len(l); i++ {
		if !wordBytes[l[i]] {
			inWord = false
			continue
		}
		if inWord {
			continue
		}
		inWord = true
		e := i + 1
		for e < len(l) && wordBytes[l[e]] {
			e++
		}
		if phraseKeyLens[l[i]]&(1<<min(e-i, 31)) == 0 {
			continue
		}
		if why := phraseAt(l, i, e); why != "" {
			return why
		}
	}
	return ""
}

// phraseAt returns the why of the first containsRules phrase that starts
// with the word l[s:e] and is found at s, or "".
func phraseAt(l string, s, e int) string {
	for _, k := range phraseIndex[l[s:e]] {
		if strings.HasPrefix(l[s:], containsRules[k].phrase) {
			return containsRules[k].why
		}
	}
	return ""
}

// wordByteMask marks, with the high bit of each byte, the bytes of x that
// wordBytes accepts: a-z, 0-9, '-' and '\”.
func wordByteMask(x uint64) uint64 {
	a := x & swar.Low // each byte below 0x80, as InRange needs
	m := swar.InRange(a, 'a', 'z') | swar.InRange(a, '0', '9') | swar.Equal(a, '-') | swar.Equal(a, '\'')
	return m & ^x & swar.High
}

// fold lower-cases s and makes typographic apostrophes, quotes and dashes
// ASCII, so that the phrase tables can be written in plain ASCII. Runs of
// ASCII are lower-cased eight bytes at a time; s itself is returned when
// it has nothing to change.
func fold(s string) string {
	_, l := foldAppend(nil, s)
	return l
}

// foldAppend is fold, writing the folded text (when it differs from s) at
// the end of buf, and returning buf grown and that text. The text shares
// buf's bytes: the caller must not change them while it uses the text.
func foldAppend(buf []byte, s string) ([]byte, string) {
	i := foldedPrefix(s)
	if i == len(s) {
		return buf, s
	}
	switch {
	case buf == nil:
		buf = make([]byte, 0, len(s))
	case cap(buf)-len(buf) < len(s):
		// A fresh array: texts already handed out keep the old one.
		buf = make([]byte, 0, max(2*cap(buf), len(s), 4096))
	}
	start := len(buf)
	buf = append(buf, s[:i]...)
	// Every rewrite below is no longer than what it replaces except
	// unicode.ToLower of a few letters, which append grows for.
	for i < len(s) {
		if i+8 <= len(s) {
			if x := swar.Load(s[i : i+8]); swar.ASCII(x) {
				buf = binary.LittleEndian.AppendUint64(buf, x|swar.InRange(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			buf = append(buf, lowerASCII[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == '‘' || r == 'ʼ' || r == '′':
			buf = append(buf, '\'')
		case r == '“' || r == '”':
			buf = append(buf, '"')
		case r == '–' || r == '—':
			buf = append(buf, '-')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	out := buf[start:]
	return buf, unsafe.String(unsafe.SliceData(out), len(out))
}

// foldedPrefix returns the length of the longest prefix of s that fold
// leaves as it is: ASCII without capitals.
func foldedPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s[i : i+8])
		if !swar.ASCII(x) || swar.InRange(x, 'A', 'Z') != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return i
}

// lowerASCII maps each ASCII byte to its lower case.
var lowerASCII = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isLink matches a line that is only a web address or an e-mail address.
func isLink(l string) bool {
	if strings.ContainsRune(l, ' ') {
		return false
	}
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") ||
		strings.Count(l, "@") == 1 && strings.Contains(l[strings.IndexByte(l, '@'):], ".")
}

// isCommentCount matches "12 comments", "1 comment", "0 replies".
func isCommentCount(key string) bool {
	num, rest, ok := strings.Cut(key, " ")
	if !ok || num == "" {
		return false
	}
	for i := 0; i < len(num); i++ {
		if num[i] < '0' || num[i] > '9' {
			return false
		}
	}
	switch rest {
	case "comment", "comments", "reply", "replies", "responses", "response", "thoughts on this":
		return true
	}
	return false
}

// bylineName recognises "Author: Jane Doe", "By Jane Doe" and the like, and
// returns the name. After "by" the rest must look like a name (capitalised
// words, name connectors, initials), so that "By the time…" stays prose.
func bylineName(text, lower string) (string, bool) {
	if strings.HasPrefix(lower, "(") && strings.HasSuffix(lower, ")") {
		// "(Reporting by Jane Doe; Editing by John Smith)"
		text, lower = text[1:len(text)-1], lower[1:len(lower)-1]
	}
	for _, p := range bylinePrefixes {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		name := cleanName(text[len(p):])
		if name == "" {
			return "", false
		}
		strict := p == "by " || p == "author "
		if !looksLikeName(name, strict) {
			return "", false
		}
		return name, true
	}
	return "", false
}

// viaName recognises "Via American Herald Tribune", "Originally published
// by X." and returns the outlet.
func viaName(text, lower string) (string, bool) {
	for _, p := range viaPrefixes {
		if !strings.HasPrefix(lower, p) {
			continue
		}
		name := cleanName(text[len(p):])
		if name == "" || countWords(name) > 8 {
			return "", false
		}
		r, _ := utf8.DecodeRuneInString(name)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.HasPrefix(strings.ToLower(name), "http") && !strings.HasPrefix(strings.ToLower(name), "www.") {
			return "", false
		}
		if (p == "via " || p == "source:") && strings.ContainsAny(name, ",;") {
			return "", false // "Via satellite, …": a sentence, not a credit
		}
		return name, true
	}
	return "", false
}

// cleanName trims what surrounds a name in a byline: separators, a trailing
// date or outlet after " | ", and final punctuation.
func cleanName(s string) string {
	s = strings.TrimLeft(s, " :-–—")
	for _, sep := range []string{" | ", " • ", " · ", " — ", " – ", " - ", ";"} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimRight(s, " ,;:|-–—")
	if strings.HasSuffix(s, ".") {
		// keep the point of an initial or "Jr."
		if i := strings.LastIndexByte(s, ' '); i < 0 || len(s)-i > 4 {
			s = strings.TrimSuffix(s, ".")
		}
	}
	return strings.TrimSpace(s)
}

// looksLikeName reports whether s could be one or a few people's names:
// at most ten words, starting with a capital, and (when strict) every word
// capitalised, an initial, or a connector ("and", "al", "van").
func looksLikeName(s string, strict bool) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		n++
		if n > 10 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(strings.TrimRight(w, ",;"))
		switch {
		case unicode.IsUpper(r):
		case nameConnectors[lw]:
			if n == 1 {
				return false
			}
		case !strict && n > 1:
		default:
			return false
		}
		if strict && strings.HasSuffix(w, ".") && len(w) > 4 {
			return false // a sentence ends here: "By Monday. …"
		}
	}
	return n > 0
}

func isCaption(l string) bool {
	for _, p := range captionPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	// Every credit has a bracket, a slash, "getty" or "credit" in it: most
	// lines are ruled out without scanning for each credit.
	if strings.IndexByte(l, '(') < 0 && strings.IndexByte(l, ')') < 0 && strings.IndexByte(l, '/') < 0 &&
		!strings.Contains(l, "getty") && !strings.Contains(l, "credit") {
		return false
	}
	for _, s := range captionCredits {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// captionShaped reports whether a line under the headline reads like a
// photo caption rather than a dek: a noun phrase with a present participle
// and no final full stop ("PMU unit shelling dens of Daesh …", "Protesters
// marching in Baghdad"), as captions describe a picture.
func captionShaped(b *block) bool {
	if b.final == '.' || b.final == '!' || b.final == '?' {
		return false
	}
	n := 0
	for _, w := range strings.Fields(b.lower) {
		n++
		if n > 5 {
			break
		}
		if n == 1 {
			continue
		}
		w = strings.Trim(w, ",;:'\"()")
		if len(w) > 4 && strings.HasSuffix(w, "ing") {
			switch w {
			case "during", "according", "including", "following", "regarding", "concerning",
				"bring", "thing", "nothing", "something", "everything", "king", "spring", "evening", "morning":
				continue
			}
			return true
		}
	}
	return false
}

// isDatingAd matches the short dating advertisements some sites append:
// "Meet … Singles", "Meet your … Love Today!", "Online dating …".
func isDatingAd(b *block) bool {
	if b.words > 10 {
		return false
	}
	l := b.lower
	singles := strings.Contains(l, "singles")
	switch {
	case strings.HasPrefix(l, "meet ") && (singles || strings.Contains(l, "love") ||
		strings.Contains(l, "women") || strings.Contains(l, "girls") || strings.Contains(l, "soulmate")):
		return true
	case strings.Contains(l, "your ") && (strings.Contains(l, " love") || strings.Contains(l, "soulmate") ||
		strings.Contains(l, " match")) && (b.final == '!' || strings.Contains(l, "today") || strings.Contains(l, "find ")):
		return true
	case strings.Contains(l, "online dating") || strings.Contains(l, "dating site") || strings.Contains(l, "dating app"):
		return !b.prose
	}
	return false
}

// weakChrome names chrome that is recognised only after the end of the
// body, because inside it the same words make a plausible subhead: a bare
// "… Singles" (dating ad; "Women's Singles" in a tennis report) or a bare
// "… Award" badge ("The Nobel Prize").
func weakChrome(b *block) string {
	if b.prose || b.words > 6 {
		return ""
	}
	l := b.lower
	switch {
	case l == "singles" || strings.HasSuffix(l, " singles"):
		return whyDating
	case (strings.HasSuffix(l, " award") || strings.HasSuffix(l, " awards") || strings.HasSuffix(l, " prize")) && titleCaseShare(b.text) >= 0.6:
		return whyAward
	}
	return ""
}

// isAwardBadge matches badges such as "Recipient Of The … Award": a short
// line without a full stop that opens with "Recipient of", "Winner of" or
// "Award-winning".
func isAwardBadge(b *block) bool {
	if b.words > 12 || b.final == '.' {
		return false
	}
	l := b.lower
	return strings.HasPrefix(l, "recipient of") || strings.HasPrefix(l, "winner of") ||
		strings.HasPrefix(l, "award-winning") || strings.HasPrefix(l, "award winning")
}

// isTagLine matches a comma-separated list of short keywords without
// sentence punctuation: "Syria, Iran, iraqi militias, kataib hezbollah,
// worldnews". It needs four items, none joined by "and", so that headlines
// such as "Fred LaRue, Watergate figure, dies at 75" or "Blood, Sweat and
// Tears" are not tag lines.
func isTagLine(b *block) bool {
	if b.prose || b.final == ',' || strings.Count(b.text, ",") < 2 {
		return false
	}
	items := strings.Split(b.text, ",")
	if len(items) < 4 {
		return false
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			return false
		}
		n := countWords(it)
		if n > 4 || strings.ContainsAny(it, ":.;!?\"“”") {
			return false
		}
		li := strings.ToLower(it)
		if li == "and" || strings.HasPrefix(li, "and ") || strings.Contains(li, " and ") || strings.HasPrefix(li, "or ") {
			return false
		}
	}
	return true
}

// isDateLine reports whether a short line is only a date: month or
// weekday names, numbers, times and words such as "Posted", "Updated".
// stamp says it is a publication stamp (with "Posted", "Updated" or a time
// of day), which is chrome even inside the body, where a bare date is a
// timeline subhead.
func isDateLine(l string, words int) (date, stamp bool) {
	if words > 12 {
		return false, false
	}
	month, stamp := false, false
	n, nums := 0, 0
	for _, w := range strings.FieldsFunc(l, func(r rune) bool {
		return r == ' ' || r == ',' || r == '/' || r == '-' || r == '|' || r == '(' || r == ')' || r == ':' || r == '@'
	}) {
		w = strings.TrimRight(w, ".")
		if w == "" {
			continue
		}
		n++
		if monthNames[w] {
			month = true
			continue
		}
		if isDigitsWithSuffix(w) {
			nums++
			continue
		}
		if dateWords[w] {
			switch w {
			case "posted", "published", "updated", "edited":
				stamp = true
			}
			continue
		}
		return false, false
	}
	// "Updated 7 / 28 / 2004 3:02 PM": a numeric date needs its slashes.
	// "Last updated at 22:46 GMT", "8:24am": a time of day.
	clock := nums >= 2 && strings.Contains(l, ":") && (stamp || strings.Contains(l, "am") || strings.Contains(l, "pm"))
	date = n > 0 && (month || nums >= 3 && strings.Count(l, "/") >= 2 || clock)
	return date, date && (stamp || clock)
}

// isDigitsWithSuffix matches "2007", "14th", "41pm", "12.30".
func isDigitsWithSuffix(w string) bool {
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || w[i] == '.') {
		i++
	}
	if i == 0 {
		return false
	}
	switch w[i:] {
	case "", "st", "nd", "rd", "th", "am", "pm", "h":
		return true
	}
	return false
}

// isBio reports whether a paragraph is an author bio: it opens with a
// capitalised name of two to four words followed by "is", and its first
// sentence names a writing job ("Jason Ditz is Senior Editor for …").
func isBio(text string) bool {
	ws := strings.SplitN(text, " ", 7)
	is := -1
	for i, w := range ws {
		if i >= 5 {
			break
		}
		if w == "is" || w == "was" {
			is = i
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameConnectors[w] {
			return false
		}
	}
	if is < 2 {
		return false
	}
	first := text
	if i := strings.Index(text, ". "); i > 0 {
		first = text[:i]
	}
	if len(first) > 300 {
		first = first[:300]
	}
	first = strings.ToLower(first)
	for _, j := range bioJobs {
		if strings.Contains(first, j) {
			return true
		}
	}
	return false
}

// isCategoryLine matches what a category or breadcrumb line leaves behind
// when its links are stripped: only function words and punctuation ("in ,"),
// or short items joined by "›", "»" or " > ".
func isCategoryLine(b *block) bool {
	if b.prose || b.words > 12 {
		return false
	}
	if strings.Count(b.text, "›")+strings.Count(b.text, "»")+strings.Count(b.text, " > ")+strings.Count(b.text, " / ") >= 2 {
		return true
	}
	for _, w := range strings.FieldsFunc(b.lower, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !functionWords[w] {
			return false
		}
	}
	return true
}

// titleCaseShare is the share of words that start with a capital letter or
// a digit.
func titleCaseShare(s string) float64 {
	n, up := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "‘“\"'("))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			up++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(up) / float64(n)
}

// countWords counts space-separated words.
func countWords(s string) int {
	if strings.IndexByte(s, '\n') < 0 && !strings.Contains(s, "  ") {
		t := strings.Trim(s, " ")
		if t == "" {
			return 0
		}
		return strings.Count(t, " ") + 1
	}
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\n' {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n
}

// finalRune returns the last rune of s that is not a closing quote or
// bracket, so that `left”.` and `evidence.”` both end in '.'.
func finalRune(s string) rune {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '”', '’', '"', '\'', ')', ']', '»', '*', '_', ' ':
			s = s[:len(s)-size]
			continue
		}
		return r
	}
	return 0
}
