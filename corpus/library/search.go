package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// term is one required part of a query: a word, or a phrase of words that
// must follow each other within one paragraph.
type term struct {
	keys   []string
	prefix bool // the single key also matches longer words it begins
}

// Query is a parsed word query: every term must occur.
type Query struct {
	terms []term
}

// Empty reports whether the query has no words (and so matches nothing).
func (q Query) Empty() bool { return len(q.terms) == 0 }

// String renders the query canonically: words as keys, phrases in
// quotes, a prefix with "*".
func (q Query) String() string {
	parts := make([]string, len(q.terms))
	for i, t := range q.terms {
		s := strings.Join(t.keys, " ")
		if len(t.keys) > 1 {
			s = `"` + s + `"`
		}
		if t.prefix {
			s += "*"
		}
		parts[i] = s
	}
	return strings.Join(parts, " ")
}

// ParseQuery reads a word query as the in-memory word search does
// (search.ParseQuery, the one parser of both): text between double quotes
// (ASCII or typographic; an unclosed quote runs to the end) is a phrase,
// every other word a term of its own; words are keys (textnorm.Key: case,
// accents and apostrophes folded away), repeated terms count once. With
// prefix (a query still being typed), a last word of at least 3 bytes that
// ends the query also matches longer words.
func ParseQuery(s string, prefix bool) Query {
	terms := search.ParseQuery(s, prefix)
	q := Query{terms: make([]term, len(terms))}
	for i, t := range terms {
		q.terms[i] = term{keys: t.Keys, prefix: t.Prefix}
	}
	return q
}

// match renders the query in FTS5's query language. Every token is a
// quoted string (a quote inside doubled), so no text of the user's can be
// read as an operator, a column filter or a syntax error.
func (q Query) match(titles bool) string {
	parts := make([]string, len(q.terms))
	for i, t := range q.terms {
		toks := make([]string, len(t.keys))
		for j, k := range t.keys {
			toks[j] = strings.ReplaceAll(ftsToken(k), `"`, `""`)
		}
		s := `"` + strings.Join(toks, " ") + `"`
		if t.prefix {
			s += " *"
		}
		parts[i] = s
	}
	expr := strings.Join(parts, " AND ")
	if titles {
		return expr
	}
	return "{body} : (" + expr + ")"
}

// Passage says where a query's words are in one article.
type Passage struct {
	// Paragraph is the best paragraph (index into the body): the one with
	// the most different terms of the query, then the most occurrences,
	// then the first; -1 when no paragraph holds any (a title match).
	Paragraph int
	// Paragraphs are all paragraphs where any term occurs, ascending.
	Paragraphs []int
	// Text is the best paragraph's text, the source of a snippet.
	Text string
}

// Passage reads an article's body and finds where q's words are, for the
// hits on screen (it costs a body read, well under a millisecond).
func (l *Library) Passage(ctx context.Context, id string, q Query) (Passage, error) {
	p := Passage{Paragraph: -1}
	var blob []byte
	err := l.r.QueryRowContext(ctx, `SELECT d.doc FROM articles a JOIN documents d ON d.n = a.n WHERE a.id = ?`, id).Scan(&blob)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			err = fmt.Errorf("%w: no article has id %q", ErrNotFound, id)
		}
		return p, l.fail("passage "+id, err)
	}
	d, err := decodeDocument(blob)
	if err != nil {
		return p, l.fail("passage "+id, err)
	}
	bestTerms, bestOcc := 0, 0
	for i, para := range d.Body {
		terms, occ := q.occurrences(textnorm.Words(para.Text))
		if occ == 0 {
			continue
		}
		p.Paragraphs = append(p.Paragraphs, i)
		if terms > bestTerms || (terms == bestTerms && occ > bestOcc) {
			p.Paragraph, p.Text, bestTerms, bestOcc = i, para.Text, terms, occ
		}
	}
	return p, nil
}

// occurrences counts how many different terms of q occur among a
// paragraph's words, and how many times any does.
func (q Query) occurrences(ws []textnorm.Word) (terms, occ int) {
	for _, t := range q.terms {
		n := 0
		for i := range ws {
			if t.matchAt(ws, i) {
				n++
			}
		}
		if n > 0 {
			terms++
			occ += n
		}
	}
	return terms, occ
}

// matchAt reports whether term t occurs starting at word i.
func (t term) matchAt(ws []textnorm.Word, i int) bool {
	if i+len(t.keys) > len(ws) {
		return false
	}
	if len(t.keys) == 1 && t.prefix {
		return strings.HasPrefix(ws[i].Key, t.keys[0])
	}
	for j, k := range t.keys {
		if ws[i+j].Key != k {
			return false
		}
	}
	return true
}
