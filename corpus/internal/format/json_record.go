package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// jsonRecord holds the fields pmureader reads from a JSON article, under
// the names the common scrapers use:
//
//	news-please:  title, maintext, description, date_publish, source_domain, url, authors[]
//	trafilatura:  title, text, raw_text, description, excerpt, date, sitename, source-hostname,
//	              hostname, source, url, author
//	fundus:       title, plaintext, body, publishing_date, publisher, authors[]
//	Media Cloud:  title, text, publish_date, media_name, url
//	pmureader:    id, title, dek, outlet, via, outlet_profile, author, date,
//	              date_precision, date_note, url, event, story, text
//
// Other fields are ignored. Any field may be a string, a number, a list or
// null (see flex), so one odd field never costs the record.
type jsonRecord struct {
	ID    flex `json:"id"`
	Title flex `json:"title"`
	// Body text, first non-empty wins in this order.
	Text      flex     `json:"text"`
	Maintext  flex     `json:"maintext"`
	Plaintext flex     `json:"plaintext"`
	Body      flexBody `json:"body"`
	Content   flex     `json:"content"`
	RawText   flex     `json:"raw_text"`

	Dek         flex `json:"dek"`
	Description flex `json:"description"`
	Excerpt     flex `json:"excerpt"`

	Outlet       flex `json:"outlet"`
	Sitename     flex `json:"sitename"`
	SourceHost   flex `json:"source-hostname"`
	Publisher    flex `json:"publisher"`
	MediaName    flex `json:"media_name"`
	SourceDomain flex `json:"source_domain"`
	Hostname     flex `json:"hostname"`

	URL    flex `json:"url"`
	Source flex `json:"source"` // trafilatura: the URL; elsewhere often the outlet's name

	Author  flex `json:"author"`
	Authors flex `json:"authors"`

	Date           flex `json:"date"`
	DatePublish    flex `json:"date_publish"`
	PublishingDate flex `json:"publishing_date"`
	PublishDate    flex `json:"publish_date"`
	DatePrecision  flex `json:"date_precision"`
	DateNote       flex `json:"date_note"`

	Via           flex `json:"via"`
	OutletProfile flex `json:"outlet_profile"`
	Event         flex `json:"event"`
	Story         flex `json:"story"`
}

// flex is a JSON value read as text: a string as is, a number or boolean as
// written, a list as its items joined by ", ", an object by its "name" (as in
// authors: [{"name": …}]), null as "".
type flex string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flex) UnmarshalJSON(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		if bytes.IndexByte(b, '\\') < 0 {
			*f = flex(b[1 : len(b)-1]) // no escapes: the bytes are the string
			return nil
		}
		p := jsonScanner{b: b}
		if s, ok := p.str(); ok && p.i == len(b) {
			*f = flex(s)
			return nil
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flex(s)
	case '[':
		var items []flex
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		var parts []string
		for _, it := range items {
			if s := strings.TrimSpace(string(it)); s != "" {
				parts = append(parts, s)
			}
		}
		*f = flex(strings.Join(parts, ", "))
	case '{':
		var named struct {
			Name flex `json:"name"`
		}
		if err := json.Unmarshal(b, &named); err != nil {
			return err
		}
		*f = named.Name
	case 'n':
		*f = ""
	default:
		*f = flex(b)
	}
	return nil
}

// flexBody is a body field: text, or fundus's structured body
// ({"summary": [...], "sections": [{"headline": [...], "paragraphs": [...]}]}),
// flattened to paragraphs separated by blank lines.
type flexBody string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexBody) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] != '{' {
		var s flex
		err := s.UnmarshalJSON(b)
		*f = flexBody(s)
		return err
	}
	var fb struct {
		Summary  []flex `json:"summary"`
		Sections []struct {
			Headline   []flex `json:"headline"`
			Paragraphs []flex `json:"paragraphs"`
		} `json:"sections"`
	}
	if err := json.Unmarshal(b, &fb); err != nil {
		return err
	}
	var parts []string
	add := func(items []flex) {
		for _, it := range items {
			parts = append(parts, string(it))
		}
	}
	add(fb.Summary)
	for _, s := range fb.Sections {
		add(s.Headline)
		add(s.Paragraphs)
	}
	*f = flexBody(strings.Join(parts, "\n\n"))
	return nil
}

// first returns the first of vs that is not blank.
func first(vs ...flex) string {
	for _, v := range vs {
		if strings.TrimSpace(string(v)) != "" {
			return string(v)
		}
	}
	return ""
}

// scratch is one JSON Lines worker's space, reused from one record to the
// next: cleaning's, and the buffer the scanner unescapes strings into.
type scratch struct {
	clean clean.Cleaner
	json  []byte
}

// cleaner returns the scratch's Cleaner; nil, which allocates afresh, for
// a nil scratch.
func (s *scratch) cleaner() *clean.Cleaner {
	if s == nil {
		return nil
	}
	return &s.clean
}

// article turns a record into an Article. The record spans lines
// start..end of file; every paragraph cites start. It returns a nil article
// (and a problem) for a record with neither title nor text.
func (r *jsonRecord) article(file string, start, end int) (*article.Article, []article.Problem) {
	return r.articleWith(nil, file, start, end)
}

// articleWith is article, cleaning the text with sc's space.
func (r *jsonRecord) articleWith(sc *scratch, file string, start, end int) (*article.Article, []article.Problem) {
	text := first(r.Text, r.Maintext, r.Plaintext, flex(r.Body), r.Content, r.RawText)
	title := jsonLine(string(r.Title))
	if title == "" && strings.TrimSpace(text) == "" {
		return nil, []article.Problem{{Path: file, Line: start, Err: fmt.Errorf("%w: no title and no text (want title and one of text, maintext, plaintext, body)", article.ErrBadRecord)}}
	}
	var body []article.Paragraph
	var raw []article.Line
	var author, via string
	if text != "" {
		cl := sc.cleaner()
		lines := cl.Split(jsonText(text))
		body, raw, author, via = cl.Body(file, lines, func(int) int { return start })
	}
	url, source := strings.TrimSpace(string(r.URL)), strings.TrimSpace(string(r.Source))
	if url == "" && strings.Contains(source, "://") {
		url, source = source, ""
	} else if strings.Contains(source, "://") {
		source = ""
	}
	a := &article.Article{
		ID:            textnorm.Line(string(r.ID)),
		Title:         title,
		Dek:           jsonLine(first(r.Dek, r.Description, r.Excerpt)),
		Outlet:        jsonLine(first(r.Outlet, r.Sitename, r.SourceHost, r.Publisher, r.MediaName, flex(source), r.SourceDomain, r.Hostname)),
		Via:           jsonLine(first(r.Via, flex(via))),
		OutletProfile: jsonLine(string(r.OutletProfile)),
		Author:        jsonLine(first(r.Author, r.Authors, flex(author))),
		URL:           textnorm.SafeURL(url),
		Event:         jsonLine(string(r.Event)),
		Story:         textnorm.Line(string(r.Story)),
		Body:          body,
		Raw:           raw,
		Source:        article.Span{File: file, StartLine: start, EndLine: end},
	}
	clean.DeriveTitle(a, fileStem(file))
	var probs []article.Problem
	if d := textnorm.Line(first(r.Date, r.DatePublish, r.PublishingDate, r.PublishDate)); d != "" {
		date, err := parseDate(d, textnorm.Line(string(r.DatePrecision)))
		if err != nil {
			probs = append(probs, article.Problem{Path: file, Line: start, Warning: true, Err: fmt.Errorf("%w: %w; loaded without a date", article.ErrBadRecord, err)})
		} else {
			a.Date = date
		}
	}
	a.Date.Note = jsonLine(string(r.DateNote))
	dateFromLine(a)
	return a, probs
}

// jsonText sanitises the text of a JSON field. JSON itself escapes no
// HTML, but scrapers that take text from feeds or meta tags leave it
// HTML-escaped ("Shi&#8217;ite", "Tom &amp; Jerry"): a field that reads as
// escaped (textnorm.LooksEscaped: a complete character reference and no
// bare "&") has its complete references decoded, then is sanitised. A
// field with a bare "&" ("AT&T &amp; Verizon") is kept as written.
func jsonText(s string) string { return textnorm.Sanitize(textnorm.DecodeEscaped(s)) }

// jsonLine is jsonText for a one-line field (textnorm.Line).
func jsonLine(s string) string { return textnorm.Line(textnorm.DecodeEscaped(s)) }
