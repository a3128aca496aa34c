package feed

import (
	"html"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// FullArticleWords is the least number of words a content must have to
// count as a full article rather than a teaser. Teasers and summaries run
// to one or two sentences (30–80 words); the shortest news items a feed
// carries in full (a wire brief) run to about 150.
const FullArticleWords = 150

// teaserEndings mark a content cut short with a link to the rest, when
// they end it (after the markup is gone).
var teaserEndings = []string{"…", "...", "[…]", "[...]", "(more…)", "(more...)", "»"}

// teaserPhrases mark a content cut short when they are in its last 80
// characters.
var teaserPhrases = []string{"read more", "continue reading", "read the full", "read the rest",
	"keep reading", "full story", "full article"}

// IsFullArticle reports whether an item's content reads as the whole
// article rather than a teaser. The rule: its text (markup and the
// contents of script and style removed, entities decoded) has at least
// FullArticleWords words, and it does not end as a teaser does: with an
// ellipsis ("…", "...", "[…]", "»") or with "read more", "continue
// reading" and the like in its last 80 characters.
func IsFullArticle(content string, t TextType) bool {
	text := content
	if t != Text {
		text = htmlText(content)
	}
	if !hasWords(text, FullArticleWords) {
		return false
	}
	return !teaserEnd(text)
}

func teaserEnd(text string) bool {
	text = strings.TrimSpace(text)
	for _, e := range teaserEndings {
		if strings.HasSuffix(text, e) {
			return true
		}
	}
	tail := text
	if len(tail) > 80 {
		tail = tail[len(tail)-80:]
		for len(tail) > 0 && !utf8.RuneStart(tail[0]) {
			tail = tail[1:]
		}
	}
	tail = strings.ToLower(tail)
	for _, p := range teaserPhrases {
		if strings.Contains(tail, p) {
			return true
		}
	}
	return false
}

// hasWords reports whether s has at least n words (runs of non-space),
// counting no further than n.
func hasWords(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			if words++; words >= n {
				return true
			}
		}
		in = true
	}
	return false
}

// htmlText is the text of an HTML fragment: tags removed (the contents of
// script and style with them), a space where a tag was, entities decoded.
// It serves counting words, not showing an article (the page extractor
// does that).
func htmlText(s string) string { return html.UnescapeString(stripTags(s)) }

// stripTags removes tags, comments, and script and style elements, putting
// a space where each was. A "<" that opens no tag ("a < b") stays.
func stripTags(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		if !isTagStart(s) {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		s = skipTag(s)
		b.WriteByte(' ')
	}
	return b.String()
}

// isTagStart: "<" followed by a letter, "/", "!" or "?" opens markup;
// "a < b" does not.
func isTagStart(s string) bool {
	if len(s) < 2 {
		return false
	}
	c := s[1]
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// skipTag returns s after the tag it starts with; after a <script> or
// <style> also after its contents and end tag; after a comment, after its
// end. An unclosed tag runs to the end.
func skipTag(s string) string {
	if strings.HasPrefix(s, "<!--") {
		if j := strings.Index(s[4:], "-->"); j >= 0 {
			return s[4+j+3:]
		}
		return ""
	}
	j := strings.IndexByte(s, '>')
	if j < 0 {
		return ""
	}
	tag, rest := strings.ToLower(s[:j]), s[j+1:]
	for _, raw := range []string{"script", "style"} {
		if strings.HasPrefix(tag, "<"+raw) && (len(tag) == len(raw)+1 || !isLetter(tag[len(raw)+1])) {
			if k := strings.Index(strings.ToLower(rest), "</"+raw); k >= 0 {
				rest = rest[k:]
				if e := strings.IndexByte(rest, '>'); e >= 0 {
					return rest[e+1:]
				}
			}
			return ""
		}
	}
	return rest
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// htmlLine turns a title given as HTML into one line of text: tags
// stripped, then its complete character references decoded once
// (textnorm.DecodeEntities: "&amp;lt;b&amp;gt;" gives "&lt;b&gt;", never a
// tag, and "&region" stays), then sanitised by line.
func htmlLine(s string) string { return line(textnorm.DecodeEntities(stripTags(s))) }

// resolveLink makes ref absolute against base and keeps it only if it is
// an http(s) address. It never decodes entities (the XML parser has), so
// "&region=" stays what it is. A ref with control characters is refused by
// url.Parse and so dropped.
func resolveLink(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return textnorm.SafeURL(u.String())
}

// parseBase parses a base address; an unusable one is nil.
func parseBase(s string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// rebase resolves a nested base (xml:base, a channel's link) against the
// one around it; an empty or unusable ref leaves the outer base.
func rebase(outer *url.URL, ref string) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return outer
	}
	u, err := url.Parse(ref)
	if err != nil {
		return outer
	}
	if outer != nil {
		return outer.ResolveReference(u)
	}
	if u.IsAbs() {
		return u
	}
	return nil
}
