package search

import "slices"

// Term is one required part of a word query as ParseQuery reads it: a word
// (one key) or a phrase (several keys that must follow each other within
// one paragraph).
type Term struct {
	Keys []string
	// Prefix: the single key also matches longer words it begins.
	Prefix bool
}

// ParseQuery reads a word query the way the word search does, for other
// searches that must read queries alike (the library's, over FTS5): text
// between double quotes (ASCII or typographic; an unclosed quote runs to
// the end) is a phrase, every other word a term of its own; words are keys
// (textnorm.Key), repeated terms count once. With prefix (a query still
// being typed), a last word of at least 3 bytes that ends the query also
// matches longer words.
func ParseQuery(q string, prefix bool) []Term {
	wq := parseQuery(q, prefix)
	out := make([]Term, len(wq.terms))
	for i, t := range wq.terms {
		out[i] = Term{Keys: slices.Clone(t.keys), Prefix: t.prefix}
	}
	return out
}
