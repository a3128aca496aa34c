package library

import (
	"encoding/base32"
	"strings"
	"unicode"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/dedupe"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

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

// foldKey is the sort key of a title or outlet, and the title half of the
// duplicate rule: dedupe.TitleKey (folded), or nil for an empty one, which
// sorts after every other.
func foldKey(s string) any {
	if k := dedupe.TitleKey(s); k != "" {
		return k
	}
	return nil
}

// bodyKeys returns the word keys of each paragraph of an article.
func bodyKeys(a *corpus.Article) [][]string {
	out := make([][]string, len(a.Body))
	for i, p := range a.Body {
		out[i] = textnorm.Keys(p.Text)
	}
	return out
}
