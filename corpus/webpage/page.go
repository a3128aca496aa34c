package webpage

import (
	"errors"
	"time"
)

// ErrNoText is returned (wrapped) by Extract when a page has no readable text
// at all: an empty page, a page of scripts, an image or a frameset.
var ErrNoText = errors.New("no readable text found in the page")

// Options carry what the caller knows about a page besides its bytes.
type Options struct {
	// URL is the page's address (after redirects) when known. It resolves a
	// relative canonical address and is the last source of the outlet name.
	URL string
	// ContentType is the HTTP Content-Type header when the page was fetched;
	// its charset parameter is the second source of the encoding, after a
	// byte order mark.
	ContentType string
}

// Precision says how much of the date is known.
type Precision string

// Date precisions.
const (
	PrecisionNone  Precision = ""      // no date found
	PrecisionDay   Precision = "day"   // year, month and day
	PrecisionMonth Precision = "month" // year and month only
	PrecisionYear  Precision = "year"  // the year only
)

// Role says what a block of the page is to the article.
type Role string

// Roles of blocks. Title, Body and Subhead blocks are kept; Dropped blocks
// carry a Reason.
const (
	RoleTitle   Role = "title"   // the headline shown on the page
	RoleBody    Role = "body"    // a paragraph, list item, quote or table row of the article
	RoleSubhead Role = "subhead" // a heading inside the article
	RoleDropped Role = "dropped" // page chrome or anything outside the article
)

// Reasons a block is dropped. They are short and meant for people (the raw
// view shows them beside the block).
const (
	ReasonNavigation  = "navigation"
	ReasonHeader      = "page header"
	ReasonFooter      = "footer"
	ReasonSidebar     = "sidebar"
	ReasonComments    = "comments"
	ReasonRelated     = "related links"
	ReasonCookie      = "cookie banner"
	ReasonNewsletter  = "newsletter box"
	ReasonShare       = "share bar"
	ReasonPaywall     = "paywall"
	ReasonAdvert      = "advertisement"
	ReasonCaption     = "caption"
	ReasonByline      = "byline"
	ReasonDateline    = "date line"
	ReasonBreadcrumbs = "breadcrumbs"
	ReasonTags        = "tags"
	ReasonForm        = "form"
	ReasonPullQuote   = "pull quote"
	ReasonTitleRepeat = "headline"
	ReasonAuthorBio   = "author bio"
	ReasonReadMore    = "read more"
	ReasonNotMain     = "not main content"
	ReasonEndMatter   = "after the article"
	ReasonKicker      = "section label"
	ReasonEmbed       = "embedded post"
	ReasonBoilerplate = "boilerplate line"
	ReasonDuplicate   = "repeated block"
	ReasonLinkList    = "list of links"
)

// Kind says what sort of text a paragraph holds.
type Kind string

// Paragraph kinds.
const (
	KindText     Kind = "text"      // running prose
	KindSubhead  Kind = "subhead"   // a heading inside the article
	KindListItem Kind = "list item" // one item of a list; Text starts with "• " or "N. "
	KindQuote    Kind = "quote"     // a block quotation (also embedded posts)
	KindTableRow Kind = "table row" // one row of a data table, cells joined by " | "
	KindCode     Kind = "code"      // preformatted text, line breaks kept
)

// Paragraph is one unit of the article's main text.
type Paragraph struct {
	Text    string `json:"text"`
	Subhead bool   `json:"subhead,omitempty"`
	Kind    Kind   `json:"kind"`
	// Block is the index in Page.Blocks of the block this paragraph comes
	// from, so the caller can find where it stands in the page.
	Block int `json:"block"`
}

// Block is one visible text block of the page, in document order.
type Block struct {
	Text string `json:"text"`
	Role Role   `json:"role"`
	// Reason says why a dropped block was dropped ("navigation",
	// "comments", "not main content", ...); empty for kept blocks.
	Reason string `json:"reason,omitempty"`
	// Evidence names the markup a reason was read from, e.g. `<nav>` or
	// `div class="related-links"`; empty when the reason came from the text
	// itself or from the extractor leaving the block out.
	Evidence string `json:"evidence,omitempty"`
	// Tag is the element the block comes from ("p", "li", "h2", "td", ...).
	Tag string `json:"tag"`
	// Offset and End are the byte range, in the decoded (UTF-8) page, of the
	// start tags that open the block's first and last text, so a caller can
	// count lines of the page for citations. Both are -1 when unknown.
	Offset int `json:"offset"`
	End    int `json:"end"`
	// Line and EndLine are the 1-based lines of the page (the file's own
	// lines, whatever its encoding) that Offset and End fall on; 0 when
	// unknown.
	Line    int `json:"line"`
	EndLine int `json:"end_line"`
}

// Kept reports whether the block is part of the article (title or text).
func (b Block) Kept() bool { return b.Role != RoleDropped }

// Date is the publication date and where it was found.
type Date struct {
	Time      time.Time `json:"time,omitzero"`
	Precision Precision `json:"precision,omitempty"`
	// Source names where the date came from, e.g. "JSON-LD datePublished",
	// "meta article:published_time", "<time> element", "page address".
	Source string `json:"source,omitempty"`
}

// Known reports whether a date was found.
func (d Date) Known() bool { return !d.Time.IsZero() }

// Page is what Extract finds in one HTML page.
type Page struct {
	Title        string   `json:"title"`
	Authors      []string `json:"authors"`
	Date         Date     `json:"date"`
	SiteName     string   `json:"site_name"`
	CanonicalURL string   `json:"canonical_url"`
	Language     string   `json:"language"`
	Description  string   `json:"description"`
	// Charset is the encoding the page was decoded from ("utf-8",
	// "windows-1252", ...) and CharsetSource where that was found ("byte
	// order mark", "Content-Type header", "meta tag", "sniffed").
	Charset       string `json:"charset"`
	CharsetSource string `json:"charset_source"`
	// Sources says where each metadata field came from, by field name
	// ("title": "JSON-LD headline", "site_name": "og:site_name", ...).
	Sources    map[string]string `json:"sources"`
	Paragraphs []Paragraph       `json:"paragraphs"`
	Blocks     []Block           `json:"blocks"`
	// Decoded is the page as UTF-8, the text Block offsets point into.
	Decoded string `json:"-"`
}

// Author returns the authors joined by ", " (empty when none is known).
func (p *Page) Author() string {
	switch len(p.Authors) {
	case 0:
		return ""
	case 1:
		return p.Authors[0]
	}
	out := p.Authors[0]
	for _, a := range p.Authors[1:] {
		out += ", " + a
	}
	return out
}
