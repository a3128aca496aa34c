package sources

import (
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/webpage"
)

// HTMLFunc turns one HTML page into an article: data is the page's bytes,
// from is where it came from (its address, or a file's path) and
// contentType the HTTP Content-Type it was served with ("" for a file).
// The article comes back sanitised, with no id (the library gives it one)
// unless from is a file, and Format "html"; problems are repairs worth
// reporting; an error means there is no article (a page with no text).
type HTMLFunc func(data []byte, from, contentType string) (*corpus.Article, []corpus.Problem, error)

// ArticleFromHTML is the HTMLFunc sources uses unless told otherwise: the
// page is read by webpage.Extract and mapped onto an Article, every text
// field sanitised with textnorm like every other input:
//   - title, dek (the page's description, unless the text opens with it),
//     outlet (the site name), author(s), date with its precision, and the
//     address (the page's canonical one, else from), never entity-decoded;
//   - the kept paragraphs, subheads flagged, each citing the lines of the
//     page its block stands on;
//   - the raw view: every visible block of the page in order, the dropped
//     ones as chrome with the reason and the markup it was read from.
//
// A page without a title gets one made from its first sentence
// (TitleDerived). A page with no readable text is an error wrapping
// webpage.ErrNoText.
func ArticleFromHTML(data []byte, from, contentType string) (*corpus.Article, []corpus.Problem, error) {
	opt := webpage.Options{ContentType: contentType}
	if isWebAddress(from) {
		opt.URL = from
	}
	page, err := webpage.Extract(data, opt)
	if err != nil {
		return nil, nil, err
	}
	a := pageArticle(page, from)
	if len(a.Body) == 0 {
		return nil, nil, webpage.ErrNoText
	}
	return a, nil, nil
}

// pageArticle maps an extracted page onto an article.
func pageArticle(page *webpage.Page, from string) *corpus.Article {
	file := safeRef(from)
	a := &corpus.Article{
		Title:  textnorm.Line(page.Title),
		Outlet: textnorm.Line(page.SiteName),
		Author: textnorm.Line(page.Author()),
		Date:   pageDate(page.Date),
		URL:    fetch.SafeURL(strings.TrimSpace(page.CanonicalURL)),
		Format: "html",
	}
	if a.URL == "" && isWebAddress(from) {
		a.URL = fetch.SafeURL(from)
	}
	lines := 1
	if page.Decoded != "" {
		lines = strings.Count(page.Decoded, "\n") + 1
	}
	a.Source = corpus.Span{File: file, StartLine: 1, EndLine: lines}
	for _, p := range page.Paragraphs {
		text := textnorm.Sanitize(p.Text)
		if strings.TrimSpace(text) == "" {
			continue
		}
		span := corpus.Span{File: file}
		if p.Block >= 0 && p.Block < len(page.Blocks) {
			b := page.Blocks[p.Block]
			span.StartLine, span.EndLine = b.Line, max(b.EndLine, b.Line)
		}
		a.Body = append(a.Body, corpus.Paragraph{Text: text, Subhead: p.Subhead, Source: span})
		a.Words += len(strings.Fields(text))
	}
	a.Raw = rawLines(page.Blocks)
	if d := textnorm.Line(page.Description); d != "" && !opensWith(a.Body, d) {
		a.Dek = d
	}
	if a.Title == "" && len(a.Body) > 0 {
		a.Title, a.TitleDerived = titleFrom(a.Body[0].Text), true
	}
	return a
}

// pageDate is the page's date as an article date.
func pageDate(d webpage.Date) corpus.Date {
	if !d.Known() {
		return corpus.Date{}
	}
	p := corpus.PrecisionDay
	switch d.Precision {
	case webpage.PrecisionMonth:
		p = corpus.PrecisionMonth
	case webpage.PrecisionYear:
		p = corpus.PrecisionYear
	}
	return corpus.Date{Time: d.Time, Precision: p}
}

// rawLines are the page's visible blocks as the raw view's lines: kept
// ones with their role, dropped ones as chrome saying why.
func rawLines(blocks []webpage.Block) []corpus.Line {
	out := make([]corpus.Line, 0, len(blocks))
	for _, b := range blocks {
		l := corpus.Line{Number: b.Line, Text: textnorm.Line(b.Text)}
		switch b.Role {
		case webpage.RoleTitle:
			l.Role = corpus.RoleTitle
		case webpage.RoleSubhead:
			l.Role = corpus.RoleSubhead
		case webpage.RoleBody:
			l.Role = corpus.RoleBody
		default:
			l.Role = corpus.RoleChrome
			l.Why = b.Reason
			if b.Evidence != "" {
				l.Why += ": " + b.Evidence
			}
			l.Why = textnorm.Line(l.Why)
		}
		out = append(out, l)
	}
	return out
}

// opensWith reports whether the body's first paragraph begins with s
// (folded), as when a page's description is its first sentence.
func opensWith(body []corpus.Paragraph, s string) bool {
	if len(body) == 0 {
		return false
	}
	return strings.HasPrefix(textnorm.Fold(body[0].Text), textnorm.Fold(strings.TrimRight(s, ".… ")))
}

// titleFrom makes a title of the start of a paragraph: its first sentence,
// cut at a word before 90 characters.
func titleFrom(p string) string {
	s := p
	if i := strings.IndexAny(s, ".!?"); i > 0 {
		s = s[:i+1]
	}
	const most = 90
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	cut := []rune(s)[:most]
	t := string(cut)
	if i := strings.LastIndexByte(t, ' '); i > most/2 {
		t = t[:i]
	}
	return t + "…"
}

// isWebAddress reports whether s is an http or https address.
func isWebAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// SafeRef is a reference (an address or a path) fit to print: an address
// with its control characters escaped (never entity-decoded), a path
// sanitised.
func SafeRef(s string) string { return safeRef(s) }

// safeRef is a reference fit to print and to store as a source: an
// address with its control characters escaped, a path sanitised.
func safeRef(s string) string {
	if isWebAddress(s) {
		return fetch.SafeURL(s)
	}
	return textnorm.Line(s)
}
