package textnorm

import (
	"html"
	"strings"
)

// maxEntity is the length of the longest complete character reference
// DecodeEntities looks for, "&" and ";" included: the longest named one
// of HTML ("&CounterClockwiseContourIntegral;") has 33 bytes, a numeric
// one with leading zeros may be longer but is then a hostile one.
const maxEntity = 40

// DecodeEntities decodes the complete HTML character references in s:
// named ones ("&amp;", "&eacute;", "&rsquo;") and numeric ones ("&#39;",
// "&#x2019;"), each ending in ";". Nothing else changes: "&region=",
// "&copy 2019", "AT&T" and a name HTML does not know ("&foo;") stay as
// they are, and what a decoded reference gives is never decoded again
// ("&amp;lt;" becomes "&lt;").
//
// HTML itself also decodes some legacy names without the ";" ("&reg",
// "&not", "&para", "&sect", "&times", "&copy"…), which turns the query
// "…&region=Footer" of a URL into "…®ion=Footer"; this never does, and
// callers never decode a URL at all.
//
// The result is not safe to print: "&#27;" gives a live ESC. Sanitize (or
// Line) what it returns; the loaders do, so that decoding can never undo
// the neutralising of control characters.
func DecodeEntities(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		n, text, ok := entityAt(s)
		if ok {
			b.WriteString(text)
		} else {
			b.WriteByte('&')
			n = 1
		}
		s = s[n:]
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// DecodeEscaped is DecodeEntities for a field that may or may not be
// HTML-escaped (a JSON scraper's text): s decoded when it LooksEscaped, s
// as it is otherwise. Sanitise what it returns.
func DecodeEscaped(s string) string {
	if strings.IndexByte(s, '&') < 0 || !LooksEscaped(s) {
		return s
	}
	return DecodeEntities(s)
}

// LooksEscaped reports whether s reads as text an HTML escaper wrote: it
// holds at least one complete character reference (see DecodeEntities),
// and every "&" in it starts one, as an escaper writes every "&" as
// "&amp;". "Tom &amp; Jerry" and "Shi&#8217;ite" look escaped; "AT&T"
// does not, and neither does "AT&T &amp; Verizon", whose bare "&" shows
// that the "&amp;" is meant as written.
func LooksEscaped(s string) bool {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return false
	}
	for i >= 0 {
		n, _, ok := entityAt(s[i:])
		if !ok {
			return false
		}
		s = s[i+n:]
		i = strings.IndexByte(s, '&')
	}
	return true
}

// entityAt reads the complete character reference that s starts with (s[0]
// is '&'): its length and what it stands for, or ok false when s does not
// start with one.
func entityAt(s string) (n int, text string, ok bool) {
	end := strings.IndexByte(s[:min(len(s), maxEntity)], ';')
	if end < 2 {
		return 0, "", false
	}
	ref := s[:end+1]
	numeric := ref[1] == '#'
	if numeric && !numericRef(ref[2:end]) || !numeric && !alnum(ref[1:end]) {
		return 0, "", false
	}
	out := html.UnescapeString(ref)
	// html decodes a legacy name that only begins the reference
	// ("&notit;" gives "¬it;"): the ";" is then left over.
	if out == ref || !numeric && strings.HasSuffix(out, ";") && ref != "&semi;" {
		return 0, "", false
	}
	return len(ref), out, true
}

// numericRef reports the digits of a numeric reference: decimal, or "x"
// and hexadecimal.
func numericRef(s string) bool {
	if s != "" && (s[0] == 'x' || s[0] == 'X') {
		s = s[1:]
		return s != "" && strings.Trim(s, "0123456789abcdefABCDEF") == ""
	}
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// alnum reports a non-empty run of ASCII letters and digits, the shape of
// an entity name.
func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}
