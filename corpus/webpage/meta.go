package webpage

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headFacts is what the page says about itself outside JSON-LD: meta tags by
// lower-cased name (property, name, itemprop or http-equiv; the first value
// wins), the <title>, the canonical link, <html lang>, the first <h1>s and
// <time> elements.
type headFacts struct {
	meta      map[string]string
	title     string
	canonical string
	htmlLang  string
	h1s       []string
	times     []timeElem
}

type timeElem struct {
	datetime string
	pub      bool // marked as the publication date (pubdate, itemprop, class)
}

func readHead(root *html.Node) headFacts {
	h := headFacts{meta: make(map[string]string)}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			h.element(n)
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return h
}

func (h *headFacts) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Html:
		h.htmlLang = strings.TrimSpace(attr(n, "lang"))
		if h.htmlLang == "" {
			h.htmlLang = strings.TrimSpace(attr(n, "xml:lang"))
		}
	case atom.Meta:
		h.metaTag(n)
	case atom.Title:
		if h.title == "" && !insideSVG(n) {
			h.title = textOf(n)
		}
	case atom.Link:
		if h.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
			h.canonical = strings.TrimSpace(attr(n, "href"))
		}
	case atom.H1:
		if len(h.h1s) < 5 && !hidden(n) {
			if t := textContent(n); t != "" {
				h.h1s = append(h.h1s, t)
			}
		}
	case atom.Time:
		if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" && len(h.times) < 20 {
			pub := hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished") ||
				strings.Contains(strings.ToLower(attr(n, "class")), "publish")
			h.times = append(h.times, timeElem{datetime: dt, pub: pub})
		}
	}
	if ip := attr(n, "itemprop"); ip != "" && n.DataAtom != atom.Meta {
		// Microdata on visible elements: <span itemprop="author">.
		key := "itemprop:" + strings.ToLower(ip)
		if _, ok := h.meta[key]; !ok {
			val := attr(n, "content")
			if val == "" {
				val = attr(n, "datetime")
			}
			if val == "" {
				val = textContent(n)
			}
			if val != "" && len(val) < 300 {
				h.meta[key] = val
			}
		}
	}
}

func (h *headFacts) metaTag(n *html.Node) {
	content := collapse(attr(n, "content"))
	if content == "" {
		return
	}
	for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
		name := strings.ToLower(strings.TrimSpace(attr(n, k)))
		if name == "" {
			continue
		}
		if k == "itemprop" {
			name = "itemprop:" + name
		}
		// Some pages write several properties in one attribute.
		for _, one := range strings.Fields(name) {
			if _, ok := h.meta[one]; !ok {
				h.meta[one] = content
			}
		}
	}
}

// get returns the first meta value among keys, and the key it came from.
func (h *headFacts) get(keys ...string) (string, string) {
	for _, k := range keys {
		if v := h.meta[k]; v != "" {
			return v, k
		}
	}
	return "", ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return collapse(b.String())
}

func insideSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, t := range strings.Fields(strings.ToLower(list)) {
		if t == tok {
			return true
		}
	}
	return false
}

// resolveURL makes ref absolute against base when it is relative. Neither is
// unescaped: the HTML parser already decoded the attribute once.
func resolveURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if u.IsAbs() {
		if u.Scheme != "http" && u.Scheme != "https" {
			return ""
		}
		return u.String()
	}
	if base == nil || !base.IsAbs() {
		if strings.HasPrefix(ref, "//") {
			return "https:" + ref
		}
		return ""
	}
	return base.ResolveReference(u).String()
}

// hostName is the host of an address without "www." (the outlet of last
// resort).
func hostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
