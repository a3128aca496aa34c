package feed

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Format is the kind of feed a document was.
type Format int

// The feed formats Parse reads.
const (
	RSS2     Format = iota + 1 // RSS 2.0, and 0.91/0.92 (root <rss>)
	RSS1                       // RSS 1.0 and 0.90 (root <rdf:RDF>)
	Atom                       // Atom 1.0, and 0.3 (root <feed>)
	JSONFeed                   // JSON Feed 1.0 and 1.1
)

func (f Format) String() string {
	switch f {
	case RSS2:
		return "RSS 2.0"
	case RSS1:
		return "RSS 1.0"
	case Atom:
		return "Atom"
	case JSONFeed:
		return "JSON Feed"
	}
	return "unknown"
}

// TextType says how to read a Summary or Content.
type TextType int

// The kinds of item text.
const (
	HTML TextType = iota + 1 // markup (Atom xhtml content is given as HTML too)
	Text                     // plain text
)

func (t TextType) String() string {
	switch t {
	case HTML:
		return "html"
	case Text:
		return "text"
	}
	return ""
}

// Feed is a parsed feed.
type Feed struct {
	Format      Format
	Title       string    // one line, sanitised
	Link        string    // the site's home page: absolute http(s), or ""
	Description string    // one line, sanitised
	Language    string    // as given ("en-us"), sanitised
	Updated     time.Time // zero when absent or unreadable
	Items       []Item    // in the feed's order; never empty (else ErrNoItems)
}

// Item is one entry of a feed.
type Item struct {
	Title       string    // one line, sanitised; may be empty
	Link        string    // the article's address: absolute http(s), or ""
	ID          string    // guid/id as given, trimmed: a key, not for display
	Published   time.Time // zero when absent or unreadable
	Updated     time.Time // zero when absent or unreadable
	Authors     []string  // one line each, sanitised
	Categories  []string  // one line each, sanitised
	Summary     string    // description/summary as given (not sanitised)
	SummaryType TextType  // 0 when there is no summary
	Content     string    // the body as given (not sanitised); see Full
	ContentType TextType  // 0 when there is no content
	Full        bool      // Content reads as the whole article (see IsFullArticle)
	Line        int       // where the item starts in an XML feed; 0 for JSON
}

// Key is what identifies the item from one fetch of its feed to the next,
// for telling new items from those already seen: its ID, else its link,
// else its title and date. It is "" for an item with none of these.
func (it *Item) Key() string {
	switch {
	case it.ID != "":
		return "id:" + it.ID
	case it.Link != "":
		return "link:" + it.Link
	case it.Title != "":
		return "title:" + it.Title + "@" + it.Published.UTC().Format(time.RFC3339)
	}
	return ""
}

// Errors Parse and ParseOPML return, to be told apart with errors.Is
// (ErrNoFeeds and ErrNotOPML are ParseOPML's). A malformed document is a
// *SyntaxError, which is also ErrMalformed.
var (
	ErrNoItems   = errors.New("the feed has no items")
	ErrNoFeeds   = errors.New("the OPML file lists no feeds")
	ErrNotFeed   = errors.New("not a feed")
	ErrNotOPML   = errors.New("not an OPML file")
	ErrMalformed = errors.New("malformed feed")
)

// SyntaxError is a document that cannot be parsed, with the line where the
// parser gave up.
type SyntaxError struct {
	Format string // "XML" or "JSON"
	Line   int    // 1-based
	Msg    string // the parser's complaint, one line, sanitised
	Err    error  // the parser's error
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("malformed %s at line %d: %s", e.Format, e.Line, e.Msg)
}

// Unwrap returns the parser's error.
func (e *SyntaxError) Unwrap() error { return e.Err }

// Is makes a SyntaxError match ErrMalformed.
func (e *SyntaxError) Is(target error) bool { return target == ErrMalformed }

// Parse reads a feed. contentType is the Content-Type header it came with
// ("" if none): its charset is used when the document declares none, and
// a JSON media type selects JSON Feed. baseURL is the address the feed was
// fetched from (after redirects), against which relative links are
// resolved; "" leaves relative links unresolved, and so empty.
//
// The format comes from the document: a JSON object is a JSON Feed, an XML
// root <rss> RSS 2.0, <rdf:RDF> RSS 1.0, <feed> Atom. A document that is
// none of these (an HTML page, an OPML list) is ErrNotFeed; one that does
// not parse is a *SyntaxError (ErrMalformed) naming the line; a feed with
// no items is ErrNoItems.
func Parse(data []byte, contentType, baseURL string) (*Feed, error) {
	media, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		media, params = "", nil
	}
	var f *Feed
	if isJSON(media, data) {
		f, err = parseJSON(data, baseURL)
	} else {
		f, err = parseXML(data, params["charset"], baseURL)
	}
	if err != nil {
		return nil, err
	}
	f.Items = finishItems(f.Items)
	if len(f.Items) == 0 {
		return nil, ErrNoItems
	}
	return f, nil
}

func isJSON(media string, data []byte) bool {
	if media == "application/feed+json" || media == "application/json" {
		return true
	}
	b := bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

// finishItems drops items with nothing in them (no title, link, summary or
// content) and decides, for each, whether its content is a full article.
// An RSS item without content:encoded whose description reads as a full
// article gets that description as its content: many feeds put the whole
// article there.
func finishItems(items []Item) []Item {
	kept := items[:0]
	for _, it := range items {
		it.Summary, it.Content = strings.TrimSpace(it.Summary), strings.TrimSpace(it.Content)
		if it.Summary == "" {
			it.SummaryType = 0
		}
		if it.Title == "" && it.Link == "" && it.Summary == "" && it.Content == "" {
			continue
		}
		if it.Content == "" {
			it.Content, it.ContentType = "", 0
			if IsFullArticle(it.Summary, it.SummaryType) {
				it.Content, it.ContentType = it.Summary, it.SummaryType
			}
		}
		it.Full = it.Content != "" && IsFullArticle(it.Content, it.ContentType)
		kept = append(kept, it)
	}
	return kept
}

// line is textnorm.Line for the one-line fields.
func line(s string) string { return textnorm.Line(s) }

// lines sanitises a list, dropping empty and repeated entries.
func lines(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if s = line(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
