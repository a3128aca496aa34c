package webpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chrome is what an element's tag, role, class and id say it is, if they
// say anything. Reasons earlier in reasonPriority win over later ones when
// several ancestors of a block speak: a form inside the comments is
// "comments", a menu inside the page header is "navigation".
var reasonPriority = []string{
	ReasonEmbed, ReasonComments, ReasonCookie, ReasonNewsletter, ReasonPaywall, ReasonRelated, ReasonShare,
	ReasonAdvert, ReasonReadMore, ReasonTags, ReasonBreadcrumbs, ReasonNavigation, ReasonAuthorBio, ReasonByline,
	ReasonDateline, ReasonCaption, ReasonPullQuote, ReasonForm, ReasonHeader, ReasonFooter,
	ReasonSidebar,
}

// strongReasons are the ones that overrule the extractor when it kept a
// block: what they name is never article text, whatever its size. The
// structural ones (header, footer, sidebar) are left to the extractor, which
// sees the whole page.
var strongReasons = map[string]int{ // reason -> most words the element may hold (0: any)
	ReasonComments: 0, ReasonCookie: 0, ReasonNewsletter: 0, ReasonPaywall: 80, ReasonRelated: 0,
	ReasonShare: 40, ReasonAdvert: 60, ReasonTags: 40, ReasonBreadcrumbs: 40, ReasonNavigation: 60,
	ReasonAuthorBio: 150, ReasonByline: 30, ReasonDateline: 30, ReasonCaption: 0, ReasonPullQuote: 80,
	ReasonForm: 40, ReasonEmbed: 0, ReasonReadMore: 60,
}

func priority(reason string) int {
	for i, r := range reasonPriority {
		if r == reason {
			return i
		}
	}
	return len(reasonPriority)
}

// chrome reads what the page's markup says about blocks, remembering each
// element's own verdict: a page's blocks share most of their ancestors, and
// wide pages (thousands of children under one element) would otherwise be
// read again for every block.
type chrome struct {
	own map[*html.Node]string
}

func newChrome() *chrome { return &chrome{own: make(map[*html.Node]string)} }

// of returns the strongest reason any ancestor of n (up to the body) gives,
// and the element that gives it.
func (c *chrome) of(n *html.Node) (string, *html.Node) {
	best, bestAt := "", (*html.Node)(nil)
	inArticle := false
	var chain []*html.Node
	for a := n; a != nil && a.DataAtom != atom.Body; a = a.Parent {
		if a.Type == html.ElementNode {
			chain = append(chain, a)
		}
	}
	// From the outside in, so "inside an article" is known at each step.
	for i := len(chain) - 1; i >= 0; i-- {
		el := chain[i]
		r, ok := c.own[el]
		if !ok {
			r = elemChrome(el, inArticle)
			c.own[el] = r
		}
		if el.DataAtom == atom.Article || el.DataAtom == atom.Main || attr(el, "role") == "main" {
			inArticle = true
		}
		if r != "" && (best == "" || priority(r) < priority(best)) {
			best, bestAt = r, el
		}
	}
	return best, bestAt
}

// elemChrome reads one element: its tag and ARIA role first, then its class
// and id words.
func elemChrome(n *html.Node, inArticle bool) string {
	names := attr(n, "class")
	if !isHeading(n) {
		// Headings' ids are anchors for tables of contents ("nav_1").
		names += " " + attr(n, "id")
	}
	if r := classChrome(strings.ToLower(names)); r != "" {
		return r
	}
	if hasEmailForm(n) {
		return ReasonNewsletter
	}
	switch n.DataAtom {
	case atom.Nav, atom.Menu:
		return ReasonNavigation
	case atom.Figcaption, atom.Figure:
		return ReasonCaption
	case atom.Form:
		return ReasonForm
	case atom.Aside:
		return ReasonSidebar
	case atom.Header:
		if !inArticle {
			return ReasonHeader
		}
	case atom.Footer:
		return ReasonFooter
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "menubar", "menu":
		return ReasonNavigation
	case "banner":
		return ReasonHeader
	case "contentinfo":
		return ReasonFooter
	case "complementary":
		return ReasonSidebar
	}
	return ""
}

// classChrome reads the words of an element's class and id.
func classChrome(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	toks := strings.FieldsFunc(s, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
	best := ""
	consider := func(r string) {
		if r != "" && (best == "" || priority(r) < priority(best)) {
			best = r
		}
	}
	for _, t := range toks {
		consider(tokenChrome(t))
	}
	consider(phraseChrome(s))
	return best
}

// tokenChrome reads one word of a class or id.
func tokenChrome(t string) string {
	switch t {
	case "nav", "navbar", "navigation", "menu", "topnav", "subnav", "skiplink", "skiplinks",
		"pagination", "pager", "megamenu":
		return ReasonNavigation
	case "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adslot",
		"adunit", "dfp", "sponsored", "sponsor", "promo", "promos", "banner-ad", "doubleclick":
		return ReasonAdvert
	case "share", "shares", "sharing", "sharebar", "social", "socials", "addthis",
		"sharethis", "shareaholic", "sharedaddy":
		return ReasonShare
	case "byline", "bylines", "author", "authors", "writer", "contributor", "dateline-author":
		return ReasonByline
	case "date", "dateline", "timestamp", "pubdate", "published", "updated", "posted-on",
		"publish", "time", "datetime", "entry-date":
		return ReasonDateline
	case "tags", "taglist", "topics", "keywords", "categories", "labels":
		return ReasonTags
	case "caption", "captions", "credit", "credits", "figcaption", "photocredit":
		return ReasonCaption
	case "pullquote", "pullquotes":
		return ReasonPullQuote
	case "sidebar", "rail", "widget", "widgets", "siderail":
		return ReasonSidebar
	case "footer", "colophon":
		return ReasonFooter
	case "masthead":
		return ReasonHeader
	case "cmp", "onetrust", "didomi", "cookiebar", "consent":
		return ReasonCookie
	case "disqus", "respond", "replies":
		return ReasonComments
	case "outbrain", "taboola", "trending", "recommended", "recommendations", "popular",
		"mostread", "mostpopular", "readnext", "related":
		return ReasonRelated
	case "paywall", "regwall", "piano", "metered", "premium":
		return ReasonPaywall
	case "newsletter", "newsletters", "signup", "subscribe", "subscription", "optin":
		return ReasonNewsletter
	case "breadcrumb", "breadcrumbs", "crumbs":
		return ReasonBreadcrumbs
	}
	switch {
	case strings.HasPrefix(t, "comment") && !isCommentary(t):
		return ReasonComments
	case strings.HasPrefix(t, "breadcrumb"):
		return ReasonBreadcrumbs
	case strings.HasPrefix(t, "cookie") || strings.HasPrefix(t, "gdpr"):
		return ReasonCookie
	case strings.HasPrefix(t, "newsletter"):
		return ReasonNewsletter
	case strings.HasPrefix(t, "related") || strings.HasPrefix(t, "recommend"):
		return ReasonRelated
	case strings.HasPrefix(t, "share") || strings.HasPrefix(t, "social"):
		return ReasonShare
	case strings.HasPrefix(t, "advert") || strings.HasPrefix(t, "sponsor"):
		return ReasonAdvert
	case strings.HasPrefix(t, "paywall"):
		return ReasonPaywall
	}
	return ""
}

// phraseChrome reads names made of several words ("more-stories",
// "author-bio", "site-header").
func phraseChrome(s string) string {
	has := func(subs ...string) bool {
		for _, sub := range subs {
			if strings.Contains(s, sub) {
				return true
			}
		}
		return false
	}
	switch {
	case has("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "embedded-post", "social-embed"):
		return ReasonEmbed
	case has("read-more", "readmore", "also-read", "lesen-sie-auch", "lire-aussi"):
		return ReasonReadMore
	case has("author-bio", "author_bio", "authorbio", "about-author", "about-the-author", "author-box", "author-info", "author-card"):
		return ReasonAuthorBio
	case has("more-stories", "more-from", "more-on-", "read-next", "read-more-links", "you-may-like", "you-might-like", "further-reading", "most-read", "most-popular", "more-news", "story-list", "more-articles"):
		return ReasonRelated
	case has("sign-up", "email-signup", "email-capture", "mailing-list"):
		return ReasonNewsletter
	case has("site-header", "page-header", "global-header", "top-bar", "topbar"):
		return ReasonHeader
	case has("site-footer", "page-footer", "global-footer"):
		return ReasonFooter
	case has("share-bar", "share-tools", "social-links", "follow-us"):
		return ReasonShare
	case has("skip-link", "skip-to"):
		return ReasonNavigation
	case has("wp-caption-text", "image-caption", "photo-caption", "media-caption", "img-caption"):
		return ReasonCaption
	case has("post-meta", "article-meta", "entry-meta", "story-meta"):
		return ReasonDateline
	}
	return ""
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// hasEmailForm: a short box whose form asks for an email address, the shape
// of a newsletter sign-up whatever its classes say.
func hasEmailForm(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Form && hasEmailInput(c) {
			return words(textContent(n)) <= 80
		}
	}
	return false
}

func hasEmailInput(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Input && (strings.EqualFold(attr(c, "type"), "email") ||
			strings.Contains(strings.ToLower(attr(c, "name")), "email")) {
			return true
		}
		if hasEmailInput(c) {
			return true
		}
	}
	return false
}

// isCommentary: "commentary" and "commentaries" name opinion articles, not
// reader comments.
func isCommentary(t string) bool {
	return strings.HasPrefix(t, "commentary") || strings.HasPrefix(t, "commentaries")
}
