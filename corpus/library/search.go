package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// minPrefix is the shortest last word a query being typed matches as a
// prefix, as in the in-memory search (corpus/search).
const minPrefix = 3

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

// isQuote reports whether r opens or closes a phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '‟', '«', '»':
		return true
	}
	return false
}

// ParseQuery reads a word query as the in-memory word search does: text
// between double quotes (ASCII or typographic; an unclosed quote runs to
// the end) is a phrase, every other word a term of its own; words are keys
// (textnorm.Key: case, accents and apostrophes folded away), repeated terms
// count once. With prefix (a query still being typed), a last word of at
// least 3 bytes that ends the query also matches longer words.
func ParseQuery(s string, prefix bool) Query {
	var q Query
	add := func(t term) {
		for _, u := range q.terms {
			if u.prefix == t.prefix && strings.Join(u.keys, " ") == strings.Join(t.keys, " ") {
				return
			}
		}
		q.terms = append(q.terms, t)
	}
	flush := func(seg string, quoted, last bool) {
		ws := textnorm.Words(seg)
		if quoted {
			if len(ws) > 0 {
				keys := make([]string, len(ws))
				for i, w := range ws {
					keys[i] = w.Key
				}
				add(term{keys: keys})
			}
			return
		}
		for i, w := range ws {
			t := term{keys: []string{w.Key}}
			t.prefix = prefix && last && i == len(ws)-1 && w.End == len(seg) && len(w.Key) >= minPrefix
			add(t)
		}
	}
	inQuote, start := false, 0
	for i, r := range s {
		if isQuote(r) {
			flush(s[start:i], inQuote, false)
			inQuote = !inQuote
			start = i + utf8.RuneLen(r)
		}
	}
	flush(s[start:], inQuote, !inQuote)
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

// DefaultMaxRanked is the most matches Search ranks (see
// SearchResult.Capped).
const DefaultMaxRanked = 5000

// SearchOptions tunes Search. The zero value finds up to 100 articles
// whose bodies hold every word, as the in-memory word search does.
type SearchOptions struct {
	// Limit is the most hits returned; 0 means 100.
	Limit int
	// Prefix treats the query as still being typed (see ParseQuery).
	Prefix bool
	// Titles also matches words in titles, which then weigh double in
	// the ranking; otherwise only bodies are searched.
	Titles bool
	// MaxRanked bounds the work of ranking (see SearchResult.Capped); 0
	// means DefaultMaxRanked, < 0 no bound.
	MaxRanked int
}

// Hit is an article that matched a search.
type Hit struct {
	Row
	// Score is the article's Okapi BM25 score (k1 = 1.2, b = 0.75, from
	// FTS5), higher for a better match; comparable within one search. It
	// is 0 in a capped search.
	Score float64
}

// SearchResult is what Search found.
type SearchResult struct {
	Query Query
	Hits  []Hit // best first; ties in the order articles were added
	More  bool  // more articles matched than Limit
	// Capped is true when more articles matched than MaxRanked: Hits are
	// then the most recently added matches, newest first, unranked.
	// FTS5's BM25 reads the whole list of articles holding each query
	// word to weigh it, and then every match, a few microseconds each, so
	// a word in most of a million articles would take seconds to rank;
	// for such a query ranking hardly tells the articles apart anyway, and
	// a user narrows it with another word.
	Capped bool
}

// Search finds the articles that contain every word of query (or every
// "quoted phrase", within one paragraph), best first. Words are matched by
// key as the in-memory search matches them (textnorm.Key), through the
// FTS5 index, without reading any body. A query without words finds
// nothing. Passage then finds where a hit's words are.
func (l *Library) Search(ctx context.Context, query string, opt SearchOptions) (SearchResult, error) {
	res := SearchResult{Query: ParseQuery(query, opt.Prefix)}
	if res.Query.Empty() {
		return res, nil
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = 100
	}
	maxRanked := opt.MaxRanked
	if maxRanked == 0 {
		maxRanked = DefaultMaxRanked
	}
	match := res.Query.match(opt.Titles)
	if maxRanked > 0 {
		// Are there more than maxRanked matches? Walking the index in
		// rowid order computes no scores.
		var n int64
		err := l.r.QueryRowContext(ctx, `SELECT rowid FROM words WHERE words MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
			match, maxRanked).Scan(&n)
		switch {
		case err == nil:
			res.Capped = true
		case !errors.Is(err, sql.ErrNoRows):
			return res, l.fail("search "+query, err)
		}
	}
	rank := "bm25(1.0, 1.0)"
	if opt.Titles {
		rank = "bm25(2.0, 1.0)"
	}
	q := `SELECT ` + rowCols + `, h.score
		FROM (SELECT rowid AS n, -rank AS score FROM words WHERE words MATCH ? AND rank MATCH '` + rank + `'
		      ORDER BY rank LIMIT ?) h
		JOIN articles a ON a.n = h.n` + rowJoins + `
		ORDER BY h.score DESC, a.n`
	if res.Capped {
		q = `SELECT ` + rowCols + `, 0.0
		FROM (SELECT rowid AS n FROM words WHERE words MATCH ? ORDER BY rowid DESC LIMIT ?) h
		JOIN articles a ON a.n = h.n` + rowJoins + `
		ORDER BY a.n DESC`
	}
	hits, err := l.hits(ctx, q, match, limit+1)
	if err != nil {
		return res, l.fail("search "+query, err)
	}
	if len(hits) > limit {
		hits, res.More = hits[:limit], true
	}
	res.Hits = hits
	return res, nil
}

// hits runs a search query whose rows are rowCols and a score.
func (l *Library) hits(ctx context.Context, q string, args ...any) ([]Hit, error) {
	rows, err := l.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		if h.Row, err = scanRow(rows, &h.Score); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if l.noState {
		rs := make([]Row, len(hits))
		for i := range hits {
			rs[i] = hits[i].Row
		}
		l.fillState(rs)
		for i := range hits {
			hits[i].Row = rs[i]
		}
	}
	return hits, nil
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
