package webpage

import (
	"net/url"
	"strings"
	"unicode"
)

// Field names used as keys of Page.Sources.
const (
	fieldTitle       = "title"
	fieldAuthors     = "authors"
	fieldDate        = "date"
	fieldSiteName    = "site_name"
	fieldCanonical   = "canonical_url"
	fieldLanguage    = "language"
	fieldDescription = "description"
)

// Meta keys by field, best first, after JSON-LD. OpenGraph and article:*
// come before Dublin Core and the other name= tags.
var (
	titleKeys = []string{"og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title",
		"parsely-title", "sailthru.title", "itemprop:headline", "headline"}
	authorKeys = []string{"article:author", "og:article:author", "author", "dc.creator", "dcterms.creator",
		"citation_author", "parsely-author", "sailthru.author", "byl", "twitter:creator:name",
		"itemprop:author"}
	dateKeys = []string{"article:published_time", "og:article:published_time", "article:published",
		"og:published_time", "itemprop:datepublished", "datepublished", "pubdate", "publishdate",
		"publish-date", "publish_date", "publication_date", "date", "dc.date.issued", "dcterms.issued",
		"dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "citation_publication_date",
		"citation_date", "sailthru.date", "parsely-pub-date", "article.published", "originalpublicationdate",
		"displaydate", "itemprop:datecreated"}
	modifiedKeys = []string{"article:modified_time", "og:updated_time", "itemprop:datemodified",
		"dcterms.modified", "last-modified"}
	siteKeys        = []string{"itemprop:publisher", "application-name", "dc.publisher", "dcterms.publisher", "publisher", "al:android:app_name", "al:ios:app_name"}
	descriptionKeys = []string{"og:description", "description", "twitter:description", "dc.description",
		"dcterms.description", "itemprop:description"}
	languageKeys = []string{"og:locale", "dc.language", "dcterms.language", "content-language", "language"}
)

// metaInput is everything metadata is chosen from.
type metaInput struct {
	ld      ldFacts
	head    headFacts
	pageURL *url.URL
	rawURL  string
	byline  string   // the extractor's byline, the last source of authors
	blocks  []string // the page's visible text blocks, in order
}

// maxMetaBlocks bounds how many blocks the metadata steps look through.
const maxMetaBlocks = 300

func (p *Page) setMeta(in metaInput) {
	p.Sources = make(map[string]string)
	p.setSiteName(in)
	p.setCanonical(in)
	p.setTitle(in)
	if p.SiteName == "" {
		if h := hostName(firstNonEmpty(p.CanonicalURL, in.rawURL)); h != "" {
			p.SiteName, p.Sources[fieldSiteName] = h, "address host"
		}
	}
	p.Description = p.pick(fieldDescription, in.ld.description, "JSON-LD description", in.head, descriptionKeys)
	p.Language = normLanguage(p.pick(fieldLanguage, in.ld.language, "JSON-LD inLanguage", in.head, languageKeys))
	if p.Language == "" && in.head.htmlLang != "" {
		p.Language, p.Sources[fieldLanguage] = normLanguage(in.head.htmlLang), "<html lang>"
	}
	p.setAuthors(in)
	p.setDate(in)
}

// setSiteName names the outlet: og:site_name (the name readers know), then
// JSON-LD's publisher (sometimes the company behind it) and WebSite, then
// other meta tags. The host of the address comes last, after the canonical
// address is known.
func (p *Page) setSiteName(in metaInput) {
	cands := []struct{ v, src string }{
		{in.head.meta["og:site_name"], "og:site_name"},
		{in.ld.publisher, "JSON-LD publisher"},
		{in.ld.website, "JSON-LD WebSite"},
	}
	for _, c := range cands {
		if c.v != "" {
			p.SiteName, p.Sources[fieldSiteName] = c.v, c.src
			return
		}
	}
	if v, k := in.head.get(siteKeys...); v != "" {
		p.SiteName, p.Sources[fieldSiteName] = v, k
	}
}

// pick takes the JSON-LD value if there is one, else the first meta key.
func (p *Page) pick(field, ldValue, ldSource string, h headFacts, keys []string) string {
	if ldValue != "" {
		p.Sources[field] = ldSource
		return ldValue
	}
	if v, k := h.get(keys...); v != "" {
		p.Sources[field] = k
		return v
	}
	return ""
}

func (p *Page) setCanonical(in metaInput) {
	cands := []struct{ v, src string }{
		{in.head.canonical, "link rel=canonical"},
		{in.head.meta["og:url"], "og:url"},
		{in.ld.url, "JSON-LD url"},
		{in.rawURL, "page address"},
	}
	for _, c := range cands {
		if u := resolveURL(in.pageURL, c.v); u != "" {
			p.CanonicalURL, p.Sources[fieldCanonical] = u, c.src
			return
		}
	}
}

func (p *Page) setTitle(in metaInput) {
	title := p.pick(fieldTitle, in.ld.title, "JSON-LD headline", in.head, titleKeys)
	if title == "" && in.head.title != "" {
		title, p.Sources[fieldTitle] = in.head.title, "<title>"
	}
	if title == "" && len(in.head.h1s) > 0 {
		title, p.Sources[fieldTitle] = in.head.h1s[0], "<h1>"
	}
	headings := append(append([]string{}, in.head.h1s...), in.blocks...)
	p.Title = cleanTitle(title, p.SiteName, p.CanonicalURL, headings)
	if p.SiteName == "" && p.Title != title {
		p.siteFromTitle(title, p.Title)
	}
}

// siteFromTitle names the outlet from what cleaning took off the <title>
// ("Headline | Outlet"), when nothing else named it.
func (p *Page) siteFromTitle(full, clean string) {
	for _, seg := range splitTitle(full) {
		if !sameText(seg, clean) && words(seg) <= 5 {
			p.SiteName, p.Sources[fieldSiteName] = seg, "<title>"
			return
		}
	}
}

// cleanTitle takes the outlet's name off a title ("Headline | Outlet",
// "Outlet - Headline") and prefers the page's own <h1> when it is the same
// headline without the decoration, or the untruncated form of it.
func cleanTitle(title, site, canonical string, h1s []string) string {
	for _, h := range h1s {
		if sameText(h, title) {
			return h
		}
		trimmed := strings.TrimRight(title, ".… ")
		if trimmed != title && len(trimmed) > 20 && strings.HasPrefix(letterKey(h), letterKey(trimmed)) {
			return h
		}
	}
	segs := splitTitle(title)
	if len(segs) < 2 {
		return title
	}
	best := ""
	for _, h := range h1s {
		for _, s := range segs {
			// The outlet's name is on the page too; the headline is the
			// longest segment that is.
			if sameText(h, s) && words(h) > words(best) {
				best = h
			}
		}
	}
	if best != "" && words(best) >= 3 {
		return best
	}
	siteKey, hostKey := letterKey(site), letterKey(strings.Split(hostName(canonical), ".")[0])
	isSite := func(s string) bool {
		k := letterKey(s)
		return k != "" && (k == siteKey || k == hostKey || (siteKey != "" && strings.Contains(siteKey, k)) ||
			(siteKey != "" && len(siteKey) > 3 && strings.Contains(k, siteKey) && words(s) <= 4))
	}
	if isSite(segs[len(segs)-1]) {
		return strings.Join(segs[:len(segs)-1], " | ")
	}
	if isSite(segs[0]) {
		return strings.Join(segs[1:], " | ")
	}
	return title
}

// titleSeps are the separators between a headline and the outlet's name.
var titleSeps = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " / "}

func splitTitle(t string) []string {
	for _, sep := range titleSeps {
		if strings.Contains(t, sep) {
			parts := strings.Split(t, sep)
			out := parts[:0]
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
			return out
		}
	}
	return []string{t}
}

func (p *Page) setAuthors(in metaInput) {
	if len(in.ld.authors) > 0 {
		p.Authors, p.Sources[fieldAuthors] = cleanAuthors(in.ld.authors, p.SiteName), "JSON-LD author"
	}
	if len(p.Authors) == 0 {
		for _, k := range authorKeys {
			if v := in.head.meta[k]; v != "" && !looksLikeURL(v) {
				if a := cleanAuthors([]string{v}, ""); len(a) > 0 {
					p.Authors, p.Sources[fieldAuthors] = a, k
					break
				}
			}
		}
	}
	for _, b := range in.blocks {
		if len(p.Authors) > 0 {
			break
		}
		if words(b) <= 8 && isByline(b) {
			if a := cleanAuthors([]string{bylineNames(b)}, ""); len(a) > 0 {
				p.Authors, p.Sources[fieldAuthors] = a, "byline in the page"
			}
		}
	}
	if len(p.Authors) == 0 && in.byline != "" {
		if a := cleanAuthors([]string{bylineNames(in.byline)}, ""); len(a) > 0 {
			p.Authors, p.Sources[fieldAuthors] = a, "extractor's byline"
		}
	}
	if p.Authors == nil {
		p.Authors = []string{}
	}
}

// cleanAuthors strips "By", splits "A and B" and "A, B" lists of names, and
// drops duplicates and values that are not names (addresses, very long
// strings).
func cleanAuthors(in []string, _ string) []string {
	var out []string
	seen := map[string]bool{}
	for _, a := range in {
		for _, name := range splitAuthors(stripBy(a)) {
			k := letterKey(name)
			if k == "" || seen[k] || looksLikeURL(name) || words(name) > 8 || strings.Contains(name, "@") && words(name) == 1 {
				continue
			}
			seen[k] = true
			out = append(out, name)
		}
	}
	return out
}

func stripBy(s string) string {
	s = collapse(s)
	low := strings.ToLower(s)
	for _, pre := range []string{"by:", "by ", "von ", "par ", "por ", "written by ", "words by "} {
		if strings.HasPrefix(low, pre) {
			return strings.TrimSpace(s[len(pre):])
		}
	}
	return s
}

func splitAuthors(s string) []string {
	s = strings.NewReplacer(" and ", ";", " & ", ";", " und ", ";", " et ", ";").Replace(s)
	var out []string
	for _, part := range strings.Split(s, ";") {
		pieces := strings.Split(part, ",")
		multi := len(pieces) > 1
		for _, pc := range pieces {
			if words(strings.TrimSpace(pc)) < 2 {
				multi = false
			}
		}
		if !multi {
			pieces = []string{part}
		}
		for _, pc := range pieces {
			if pc = strings.Trim(strings.TrimSpace(pc), "|-–—:"); pc != "" {
				out = append(out, strings.TrimSpace(pc))
			}
		}
	}
	return out
}

func (p *Page) setDate(in metaInput) {
	try := func(value, source string) bool {
		if t, prec, ok := parseDate(value); ok {
			p.Date = Date{Time: t, Precision: prec, Source: source}
			p.Sources[fieldDate] = source
			return true
		}
		return false
	}
	if try(in.ld.published, "JSON-LD datePublished") {
		return
	}
	for _, k := range dateKeys {
		if v := in.head.meta[k]; v != "" && try(v, "meta "+k) {
			return
		}
	}
	if try(in.ld.created, "JSON-LD dateCreated") {
		return
	}
	for _, t := range in.head.times {
		if t.pub && try(t.datetime, "<time> element") {
			return
		}
	}
	if t, prec, ok := urlDate(firstNonEmpty(p.CanonicalURL, in.rawURL)); ok {
		p.Date = Date{Time: t, Precision: prec, Source: "page address"}
		p.Sources[fieldDate] = "page address"
		return
	}
	for _, b := range in.blocks {
		if v := dateLineValue(b); v != "" && try(v, "date line in the page") {
			return
		}
	}
	if len(in.head.times) > 0 && try(in.head.times[0].datetime, "<time> element") {
		return
	}
	if try(in.ld.modified, "JSON-LD dateModified") {
		return
	}
	for _, k := range modifiedKeys {
		if v := in.head.meta[k]; v != "" && try(v, "meta "+k) {
			return
		}
	}
}

// normLanguage turns "en_US" into "en-US" and drops values that are not
// language tags.
func normLanguage(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if s == "" || len(s) > 35 {
		return ""
	}
	for _, r := range s {
		if r != '-' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return ""
		}
	}
	return s
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// dateLineValue returns the date of a block that is a date line ("Monday,
// January 2, 2006", "Published 29 December 2019, 09:14 GMT"), or "".
func dateLineValue(b string) string {
	low := strings.ToLower(b)
	for _, pre := range []string{"published on", "published:", "published", "posted on", "posted:", "posted", "first published"} {
		if strings.HasPrefix(low, pre) {
			low = strings.TrimSpace(low[len(pre):])
			break
		}
	}
	if i := strings.IndexAny(low, "·|"); i > 0 {
		low = strings.TrimSpace(low[:i])
	}
	if words(low) > 10 || !dateOnly(low) {
		return ""
	}
	return low
}

// bylineNames cuts a byline at the first comma or bar: "By Jane Doe,
// Business correspondent" names Jane Doe.
func bylineNames(b string) string {
	if i := strings.IndexAny(b, ",|·"); i > 0 {
		return b[:i]
	}
	return b
}
