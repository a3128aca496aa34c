package format

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/webpage"
)

// ParsePage reads one web page into an article, by the same rule as an
// .html file given to Parse: from is where the page came from, its
// http(s) address or a file's path, and contentType the Content-Type it
// was served with ("" for a file; it names the charset when the page does
// not). An address is given to the extractor (relative links, a date in
// the address), stands for the page's address when the page names no
// canonical one, and is what the spans cite; the article then has no id
// (its store gives it one). A path makes the id, as for Parse.
//
// The error is the problem that keeps the page from being an article (an
// empty or binary page, one with no readable text: webpage.ErrNoText);
// the problems returned are repairs worth reporting.
func ParsePage(data []byte, from, contentType string) (*article.Article, []article.Problem, error) {
	src := pageSource{file: from, shown: SafeText(from), contentType: contentType}
	if isWebAddress(from) {
		src = pageSource{shown: textnorm.SafeURL(from), url: from, contentType: contentType}
	}
	if p, ok := checkShape(src.shown, data, wideText(data)); !ok {
		if src.url != "" && errors.Is(p.Err, article.ErrEmptyFile) {
			return nil, nil, webpage.ErrNoText
		}
		return nil, nil, p.Err
	}
	arts, probs := parseHTML(src, data)
	var warnings []article.Problem
	for _, p := range probs {
		if !p.Warning {
			return nil, warnings, p.Err
		}
		warnings = append(warnings, p)
	}
	a := arts[0]
	a.Format, a.Words = string(HTML), bodyWords(a.Body)
	return a, warnings, nil
}

// pageSource is where a page came from: a file (file, its path) or an
// address (url), how to show it, and the Content-Type it was served with.
type pageSource struct {
	file, url, shown, contentType string
}

// isWebAddress reports whether s is an http or https address.
func isWebAddress(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// parseHTML reads a web page with corpus/webpage: the page's main text as
// paragraphs citing the page's lines, its metadata, and a raw view of
// every visible block, the dropped ones as chrome with the reason.
//
// The HTML parser has decoded the character references once; nothing is
// decoded again (a page that shows a literal "&amp;" keeps it): text is
// only sanitised.
func parseHTML(src pageSource, data []byte) ([]*article.Article, []article.Problem) {
	shown := src.shown
	page, err := webpage.Extract(data, webpage.Options{URL: src.url, ContentType: src.contentType})
	if errors.Is(err, webpage.ErrNoText) {
		return nil, []article.Problem{{Path: shown, Err: webpage.ErrNoText}}
	}
	if err != nil {
		return nil, []article.Problem{{Path: shown, Err: fmt.Errorf("%w: %w", article.ErrUnsupported, err)}}
	}
	lines := 1 + bytes.Count(data, []byte{'\n'})
	whole := article.Span{File: shown, StartLine: 1, EndLine: lines}
	id := ""
	if src.file != "" {
		id = fileStem(src.file)
	}
	a := &article.Article{
		ID:     id,
		Title:  textnorm.Line(page.Title),
		Outlet: textnorm.Line(page.SiteName),
		Author: textnorm.Line(page.Author()),
		URL:    textnorm.SafeURL(strings.TrimSpace(page.CanonicalURL)),
		Date:   pageDate(page.Date),
		Body:   pageParagraphs(page, whole),
		Raw:    pageRaw(page),
		Source: whole,
	}
	if a.URL == "" && src.url != "" {
		a.URL = textnorm.SafeURL(src.url)
	}
	if d := textnorm.Line(page.Description); !inBody(d, a.Body) {
		a.Dek = d
	}
	clean.DeriveTitle(a, a.ID)
	return []*article.Article{a}, charsetProblems(shown, data, page)
}

// pageParagraphs turns the page's paragraphs into the article's body, each
// citing the lines of the page its block stands on (all of them, whole, for
// text the page held only in its JSON-LD articleBody).
func pageParagraphs(page *webpage.Page, whole article.Span) []article.Paragraph {
	out := make([]article.Paragraph, 0, len(page.Paragraphs))
	for _, p := range page.Paragraphs {
		text := textnorm.Sanitize(p.Text)
		if strings.TrimSpace(text) == "" {
			continue
		}
		src := whole
		if p.Block >= 0 && p.Block < len(page.Blocks) {
			if b := page.Blocks[p.Block]; b.Line > 0 {
				src.StartLine, src.EndLine = b.Line, max(b.EndLine, b.Line)
			}
		}
		out = append(out, article.Paragraph{Text: text, Subhead: p.Subhead, Source: src})
	}
	return out
}

// pageRaw is the raw view of a page: one line for each visible block, at
// the page line it starts on (a block whose line is not known stands on
// the line of the one before), with its role; a dropped block is chrome,
// its Why the reason and the markup it was read from.
func pageRaw(page *webpage.Page) []article.Line {
	out := make([]article.Line, 0, len(page.Blocks))
	line := 1
	for _, b := range page.Blocks {
		if b.Line > 0 {
			line = b.Line
		}
		l := article.Line{Number: line, Text: textnorm.Line(b.Text)}
		switch b.Role {
		case webpage.RoleTitle:
			l.Role = article.RoleTitle
		case webpage.RoleSubhead:
			l.Role = article.RoleSubhead
		case webpage.RoleBody:
			l.Role = article.RoleBody
		default:
			l.Role, l.Why = article.RoleChrome, textnorm.Line(b.Reason)
			if b.Evidence != "" {
				l.Why += " (" + textnorm.Line(b.Evidence) + ")"
			}
		}
		out = append(out, l)
	}
	return out
}

// pageDate is the page's date with its precision, and a note when it
// was not stated as the publication date in the page's metadata.
func pageDate(d webpage.Date) article.Date {
	if !d.Known() {
		return article.Date{}
	}
	out := article.Date{Time: d.Time, Precision: precisionOf(d.Precision)}
	switch {
	case d.Source == "page address":
		out.Note = "from the page address"
	case strings.HasPrefix(d.Source, "date line"):
		out.Note = "from a date line on the page"
	case strings.Contains(strings.ToLower(d.Source), "modified"):
		out.Note = "the page's date of change"
	}
	return out
}

// inBody reports whether a paragraph of the body has the same text as s
// (folded): a description that repeats the standfirst is no dek of its
// own. An empty s is in every body.
func inBody(s string, body []article.Paragraph) bool {
	if s == "" {
		return true
	}
	k := textnorm.Fold(s)
	for _, p := range body {
		if textnorm.Fold(p.Text) == k {
			return true
		}
	}
	return false
}

// charsetProblems are the repairs of reading a page: invalid UTF-8 in a
// page read as UTF-8 (replaced), and a declared charset the bytes
// contradicted (the page was read as UTF-8).
func charsetProblems(shown string, data []byte, page *webpage.Page) []article.Problem {
	var probs []article.Problem
	if declared, ok := strings.CutPrefix(page.CharsetSource, "valid UTF-8 despite the declared "); ok {
		probs = append(probs, article.Problem{Path: shown, Warning: true,
			Err: fmt.Errorf("the page declares the charset %s but is valid UTF-8; read as UTF-8", textnorm.Line(declared))})
	}
	if strings.EqualFold(page.Charset, "utf-8") && !utf8.Valid(data) {
		if p, ok := checkUTF8(shown, data); !ok {
			probs = append(probs, p)
		}
	}
	return probs
}
