package clean

import (
	"strings"
)

// This file holds the driver of the line rules of cleaning (classify) and
// their vocabulary: the kinds of line and the reasons for chrome. What a
// line looks like is in lines.go, the phrase tables in tables.go and their
// scan in phrases.go. The rules are general (they describe chrome as it
// appears across news sites), never tied to a particular file or line
// number. The structural rules that use position (the headline, the dek,
// the end of the body, subheads, multi-item files) are in segment.go.

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

// reason names the rule that made a line chrome: Line.Why, shown in the
// raw view.
type reason string

// The reasons for chrome.
const (
	whyCategory    reason = "category line"
	whyVideo       reason = "video title"
	whyDonation    reason = "donation appeal"
	whyDisclaimer  reason = "disclaimer"
	whyComments    reason = "comment widget"
	whyTags        reason = "tag line"
	whyRelated     reason = "related headlines"
	whyDating      reason = "dating ad"
	whyAward       reason = "award badge"
	whyBio         reason = "author bio"
	whyShare       reason = "share widget"
	whyNewsletter  reason = "newsletter appeal"
	whyAdvert      reason = "advertisement"
	whyCopyright   reason = "copyright"
	whyDate        reason = "date line"
	whyRepeated    reason = "repeated line"
	whyRepeatTitle reason = "repeated headline"
	whySeparator   reason = "separator"
	whyHeader      reason = "header fragment"
	whyTrailing    reason = "trailing line"
	whyComment     reason = "reader comment"
	whyLink        reason = "link"
)

// maxPhraseWords bounds the blocks that phrase rules look at: chrome is
// short, and skipping long paragraphs keeps cleaning fast.
const maxPhraseWords = 45

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
	// Folding made » a '"' and every dash a '-'.
	key := strings.TrimRight(l, " .:!?…|\"›>-")
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
			if strings.HasPrefix(l, r.prefix) && (r.why != whyCategory || !b.prose) {
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
