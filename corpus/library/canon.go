package library

import (
	"crypto/sha256"
	"encoding/base32"
	"net/url"
	"sort"
	"strings"
	"unicode"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// trackingParams are query parameters that say how a reader reached a page,
// not which page it is; CanonicalURL drops them (and every utm_* one).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "yclid": true, "_hsenc": true, "_hsmi": true,
}

// CanonicalURL returns the form of an article's address under which two
// copies of one page meet, or "" when raw is not an absolute http(s) or
// other hierarchical URL with a host:
//   - surrounding spaces are trimmed; scheme and host are lower-cased, a
//     trailing dot of the host and the scheme's default port (:80 for
//     http, :443 for https) are dropped;
//   - the fragment (#…) is dropped;
//   - tracking parameters are dropped from the query: every utm_* one and
//     fbclid, gclid, gclsrc, dclid, msclkid, mc_cid, mc_eid, igshid, yclid,
//     _hsenc, _hsmi; the parameters left are sorted by name (stable, so
//     repeated names keep their order), and an empty query is dropped;
//   - an empty path becomes "/". The path is otherwise kept as it is
//     (case and trailing slash can matter to a server); http and https stay
//     different addresses.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	host = strings.TrimSuffix(host, ".")
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	return u.String()
}

// canonicalQuery drops tracking parameters from a raw query and sorts the
// rest by name, keeping each parameter's text as it was written.
func canonicalQuery(q string) string {
	if q == "" {
		return ""
	}
	type param struct{ name, text string }
	var kept []param
	for _, p := range strings.Split(q, "&") {
		if p == "" {
			continue
		}
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "utm_") || trackingParams[lower] {
			continue
		}
		kept = append(kept, param{name, p})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].name < kept[j].name })
	parts := make([]string, len(kept))
	for i, p := range kept {
		parts[i] = p.text
	}
	return strings.Join(parts, "&")
}

// shortBody is the number of words under which a body is too short to
// identify an article on its own, so its hash takes in the title too.
const shortBody = 20

// bodyHash identifies an article's text: SHA-256 (first 16 bytes) of its
// body's word keys (textnorm.Key: folded, apostrophes dropped) joined by
// single spaces, so copies that differ only in case, accents, quote style,
// punctuation, spacing or paragraph breaks meet. A body of fewer than
// shortBody words ("Read more", or none) is hashed with the title's keys
// in front, so that short items with different titles stay apart.
func bodyHash(titleKeys []string, body [][]string) []byte {
	h := sha256.New()
	n := 0
	for _, p := range body {
		n += len(p)
	}
	if n < shortBody {
		for _, k := range titleKeys {
			h.Write([]byte(k))
			h.Write([]byte{' '})
		}
		h.Write([]byte{0})
	}
	sep := false
	for _, p := range body {
		for _, k := range p {
			if sep {
				h.Write([]byte{' '})
			}
			h.Write([]byte(k))
			sep = true
		}
	}
	return h.Sum(nil)[:16]
}

// maxIDLen is the longest id kept from a file; longer ones are replaced by
// a generated id.
const maxIDLen = 64

// idEncoding spells generated ids: lower-case base32 without padding,
// letters and the digits 2–7, so they are easy to read and type.
var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// keepableID reports whether an article's own id can be its stored id:
// not empty, at most maxIDLen bytes, and free of spaces and control
// characters so that it can be typed as one shell word.
func keepableID(id string) bool {
	if id == "" || len(id) > maxIDLen || !textnorm.Safe(id) {
		return false
	}
	for _, r := range id {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
	}
	return true
}

// generatedID is the id of an article that brings none (or an unusable
// one): "a" and the first 7 characters of its body hash in base32, so the
// same text always gets the same id.
func generatedID(hash []byte) string {
	return "a" + idEncoding.EncodeToString(hash)[:7]
}

// ftsToken maps a word key to the token stored in the full-text index.
// The index uses FTS5's ascii tokenizer, which splits at every ASCII
// character that is not a letter or digit and keeps every other character;
// a key may hold such characters inside it ("20,000", "u.s", "a_b"), so each
// is replaced by a private-use character of its own (U+E000 + its code).
// The mapping is one to one and keeps prefixes, so prefix queries work on
// tokens as on keys. Keys never contain private-use characters: UAX #29
// never puts one inside a word.
func ftsToken(key string) string {
	clean := true
	for i := 0; i < len(key); i++ {
		if c := key[i]; c < 0x80 && !isAlnum(c) {
			clean = false
			break
		}
	}
	if clean {
		return key
	}
	var b strings.Builder
	b.Grow(len(key) + 8)
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c < 0x80 && !isAlnum(c) {
			b.WriteRune(0xE000 + rune(c))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || ('A' <= c && c <= 'Z')
}

// paragraphBreak is the token written between paragraphs in the index, so
// that a phrase never matches across two paragraphs (the in-memory search's
// rule). No key is "¶": a word holds a letter or digit.
const paragraphBreak = "¶"

// indexText is an article's word keys as index text: tokens joined by
// spaces, paragraphs separated by paragraphBreak.
func indexText(paras [][]string) string {
	n := 0
	for _, p := range paras {
		for _, k := range p {
			n += len(k) + 1
		}
		n += len(paragraphBreak) + 2
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range paras {
		if i > 0 {
			b.WriteString(" " + paragraphBreak + " ")
		}
		for j, k := range p {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(ftsToken(k))
		}
	}
	return b.String()
}

// foldKey is the sort key of a title or outlet: folded (textnorm.Fold), or
// nil for an empty one, which sorts after every other.
func foldKey(s string) any {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return textnorm.Fold(s)
}

// bodyKeys returns the word keys of each paragraph of an article.
func bodyKeys(a *corpus.Article) [][]string {
	out := make([][]string, len(a.Body))
	for i, p := range a.Body {
		out[i] = textnorm.Keys(p.Text)
	}
	return out
}
