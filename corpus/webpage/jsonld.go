package webpage

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// ldFacts is what the page's JSON-LD says about the article.
type ldFacts struct {
	title, description, url, language string
	published, created, modified      string
	authors                           []string
	publisher, website                string
	body                              string // articleBody, for pages whose text only scripts draw
}

// articleTypes are the schema.org types of an article, best first. WebPage
// and its kinds come last: they describe the page, not always the story.
var articleTypes = []string{
	"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "LiveBlogPosting",
	"Article", "BlogPosting", "SocialMediaPosting", "Report", "TechArticle", "ScholarlyArticle",
	"SatiricalArticle", "AdvertiserContentArticle", "Posting", "DiscussionForumPosting",
	"WebPage", "ItemPage", "AboutPage",
}

// readJSONLD reads every application/ld+json script of the page. Objects are
// found at the top level, in arrays and in @graph; references by @id are
// followed for authors and publishers.
func readJSONLD(root *html.Node) ldFacts {
	var objs []map[string]any
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script &&
			strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
			objs = append(objs, flattenLD(decodeLD(n.FirstChild.Data))...)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return factsFrom(objs)
}

// decodeLD parses one script's JSON, forgiving the usual damage: CDATA and
// comment wrappers, a trailing semicolon, raw line breaks inside strings.
func decodeLD(s string) any {
	s = strings.TrimSpace(s)
	for _, w := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"/*<![CDATA[*/", "/*]]>*/"}} {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, w[0]), w[1]))
	}
	s = strings.TrimSuffix(s, ";")
	var v any
	if err := json.Unmarshal([]byte(s), &v); err == nil {
		return v
	}
	fixed := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	if err := json.Unmarshal([]byte(fixed), &v); err == nil {
		return v
	}
	return nil
}

func flattenLD(v any) []map[string]any {
	var out []map[string]any
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			out = append(out, flattenLD(e)...)
		}
	case map[string]any:
		out = append(out, t)
		if g, ok := t["@graph"]; ok {
			out = append(out, flattenLD(g)...)
		}
		if m, ok := t["mainEntity"].(map[string]any); ok {
			out = append(out, flattenLD(m)...)
		}
	}
	return out
}

func factsFrom(objs []map[string]any) ldFacts {
	byID := make(map[string]map[string]any)
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok && id != "" {
			if _, seen := byID[id]; !seen || len(o) > len(byID[id]) {
				byID[id] = o
			}
		}
	}
	var f ldFacts
	if art := bestArticle(objs); art != nil {
		f.title = firstString(art, "headline", "name", "alternativeHeadline")
		f.body = rawString(art, "articleBody", "text")
		f.description = firstString(art, "description", "abstract")
		f.url = ldURL(art)
		f.language = ldLanguage(art["inLanguage"])
		f.published = firstString(art, "datePublished")
		f.created = firstString(art, "dateCreated")
		f.modified = firstString(art, "dateModified")
		f.authors = ldNames(art["author"], byID)
		if len(f.authors) == 0 {
			f.authors = ldNames(art["creator"], byID)
		}
		if p := ldNames(art["publisher"], byID); len(p) > 0 {
			f.publisher = p[0]
		}
	}
	for _, o := range objs {
		if hasType(o, "WebSite") && f.website == "" {
			f.website = firstString(o, "name", "alternateName")
		}
		if f.publisher == "" && (hasType(o, "NewsMediaOrganization") || hasType(o, "Organization")) && o["name"] != nil {
			// Only a page about one organisation names the outlet this way.
			f.publisher = firstString(o, "name")
		}
	}
	return f
}

// bestArticle picks the object of the most article-like type; between two
// of the same type, the first with a headline.
func bestArticle(objs []map[string]any) map[string]any {
	var best map[string]any
	bestRank := len(articleTypes)
	for _, o := range objs {
		rank := typeRank(o)
		better := rank < bestRank ||
			(rank == bestRank && best != nil && best["headline"] == nil && o["headline"] != nil)
		if better && rank < len(articleTypes) {
			best, bestRank = o, rank
		}
	}
	return best
}

func typeRank(o map[string]any) int {
	for rank, t := range articleTypes {
		if hasType(o, t) {
			return rank
		}
	}
	return len(articleTypes)
}

func hasType(o map[string]any, want string) bool {
	match := func(s string) bool {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "http://schema.org/"), "https://schema.org/")
		return strings.EqualFold(s, want)
	}
	switch t := o["@type"].(type) {
	case string:
		return match(t)
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && match(s) {
				return true
			}
		}
	}
	return false
}

// firstString returns the first non-empty string among keys. JSON-LD text
// is not HTML-decoded by the parser, and sites often put entities in it
// ("Meghan&#39;s"), so complete entities are decoded.
func firstString(o map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := o[k].(type) {
		case string:
			if s := collapse(textnorm.DecodeEntities(v)); s != "" {
				return s
			}
		case []any:
			for _, e := range v {
				if s, ok := e.(string); ok && collapse(s) != "" {
					return collapse(textnorm.DecodeEntities(s))
				}
			}
		}
	}
	return ""
}

func ldURL(o map[string]any) string {
	if s := firstString(o, "url"); s != "" {
		return s
	}
	switch m := o["mainEntityOfPage"].(type) {
	case string:
		return m
	case map[string]any:
		if id, ok := m["@id"].(string); ok {
			return id
		}
		return firstString(m, "url")
	}
	return ""
}

func ldLanguage(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return firstString(t, "alternateName", "name")
	case []any:
		if len(t) > 0 {
			return ldLanguage(t[0])
		}
	}
	return ""
}

// ldNames reads a person or organisation field: a string, an object with a
// name, a reference by @id, or an array of those.
func ldNames(v any, byID map[string]map[string]any) []string {
	var out []string
	switch t := v.(type) {
	case string:
		if s := collapse(t); s != "" && !looksLikeURL(s) {
			out = append(out, s)
		}
	case map[string]any:
		name := firstString(t, "name")
		if name == "" {
			if id, ok := t["@id"].(string); ok {
				if ref, ok := byID[id]; ok {
					name = firstString(ref, "name")
				}
			}
		}
		if name == "" {
			given, family := firstString(t, "givenName"), firstString(t, "familyName")
			name = strings.TrimSpace(given + " " + family)
		}
		if name != "" && !looksLikeURL(name) {
			out = append(out, name)
		}
	case []any:
		for _, e := range t {
			out = append(out, ldNames(e, byID)...)
		}
	}
	return out
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//") ||
		strings.HasPrefix(s, "www.")
}

// rawString is firstString without collapsing: line breaks separate
// paragraphs.
func rawString(o map[string]any, keys ...string) string {
	for _, k := range keys {
		if v, ok := o[k].(string); ok && strings.TrimSpace(v) != "" {
			return textnorm.DecodeEntities(v)
		}
	}
	return ""
}
