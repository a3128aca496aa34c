package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// minPrefix is the shortest last word that WordsPrefix expands as a prefix:
// shorter ones would match a large part of the vocabulary and are matched as
// whole words.
const minPrefix = 3

// term is one required part of a word query: a word (one key), or a phrase
// (several keys that must follow each other within one paragraph).
type term struct {
	keys []string
	// prefix: the single key also matches longer words it begins
	// ("hezb" matches "hezbollah").
	prefix bool
}

func (t term) equal(u term) bool {
	return t.prefix == u.prefix && slices.Equal(t.keys, u.keys)
}

// wordQuery is a parsed word query: every term must occur in a body.
type wordQuery struct {
	terms []term
}

// isQuote reports whether r opens or closes a phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// parseQuery cuts a query into terms: text between double quotes (ASCII or
// typographic; an unclosed quote runs to the end) is a phrase, every other
// word is a term of its own. Words are keys (textnorm.Key): folded, with
// apostrophes removed. With prefix set, a last word of at least minPrefix
// bytes that ends the query (the user is still typing it) is a prefix.
// Repeated terms count once.
func parseQuery(q string, prefix bool) wordQuery {
	var wq wordQuery
	addTerm := func(t term) {
		for _, u := range wq.terms {
			if u.equal(t) {
				return
			}
		}
		wq.terms = append(wq.terms, t)
	}
	inQuote := false
	start := 0
	flush := func(seg string, quoted, last bool) {
		ws := textnorm.Words(seg)
		if quoted {
			if len(ws) == 0 {
				return
			}
			keys := make([]string, len(ws))
			for i, w := range ws {
				keys[i] = w.Key
			}
			addTerm(term{keys: keys})
			return
		}
		for i, w := range ws {
			t := term{keys: []string{w.Key}}
			if prefix && last && i == len(ws)-1 && w.End == len(seg) && len(w.Key) >= minPrefix {
				t.prefix = true
			}
			addTerm(t)
		}
	}
	for i, r := range q {
		if isQuote(r) {
			flush(q[start:i], inQuote, false)
			inQuote = !inQuote
			start = i + utf8.RuneLen(r)
		}
	}
	flush(q[start:], inQuote, !inQuote)
	return wq
}

// String renders the query in a canonical form, for tests and messages.
func (wq wordQuery) String() string {
	var parts []string
	for _, t := range wq.terms {
		s := strings.Join(t.keys, " ")
		if len(t.keys) > 1 {
			s = `"` + s + `"`
		}
		if t.prefix {
			s += "*"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// matchKey reports whether a word key satisfies a single-key term.
func (t term) matchKey(k string) bool {
	if t.prefix {
		return strings.HasPrefix(k, t.keys[0])
	}
	return k == t.keys[0]
}
