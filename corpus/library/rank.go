package library

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// DefaultMaxRanked is how many articles a query word may be in and still
// take part in ranking (see SearchResult.Capped).
const DefaultMaxRanked = 10000

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
	// MaxRanked bounds the work of ranking (see Search); 0 means
	// DefaultMaxRanked, < 0 no bound.
	MaxRanked int
}

// Hit is an article that matched a search.
type Hit struct {
	Row
	// Score is the article's Okapi BM25 score (k1 = 1.2, b = 0.75, from
	// FTS5) over the query's ranking words (see Search), higher for a
	// better match; comparable within one search. 0 when Capped.
	Score float64
}

// SearchResult is what Search found.
type SearchResult struct {
	Query Query
	Hits  []Hit // best first; ties in the order articles were added
	More  bool  // more articles matched than Limit
	// Capped is true when every word of the query is in more than
	// MaxRanked articles: Hits are then the most recently added matches,
	// newest first, unranked.
	Capped bool
}

// Search finds the articles that contain every word of query (or every
// "quoted phrase", within one paragraph), best first. Words are matched by
// key as the in-memory search matches them (textnorm.Key), through the
// FTS5 index, without reading any body. A query without words finds
// nothing. Passage then finds where a hit's words are.
//
// Ranking is FTS5's BM25, over the query's words that are in at most
// MaxRanked articles. BM25 weighs each word by reading the whole list of
// articles that hold it, then scores every match, a few microseconds an
// article each: a common word ("people", in most of a million articles)
// would cost a second or more, while it adds next to nothing to the score
// (its weight, log(N/df), is near 0). So common words filter but do not
// rank, and a query of common words only returns the newest matches,
// unranked (Capped), which a user narrows with a rarer word. Telling
// common from rare costs at most MaxRanked index entries a word.
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
	full := res.Query.match(opt.Titles)
	ranking := res.Query
	if maxRanked > 0 {
		var err error
		if ranking, err = l.rankingTerms(ctx, res.Query, opt.Titles, maxRanked); err != nil {
			return res, l.fail("search "+query, err)
		}
	}
	var hits []Hit
	var err error
	switch {
	case ranking.Empty():
		res.Capped = true
		hits, err = l.hits(ctx, `SELECT `+rowCols+`, 0.0
			FROM (SELECT rowid AS n FROM words WHERE words MATCH ? ORDER BY rowid DESC LIMIT ?) h
			JOIN articles a ON a.n = h.n`+rowJoins+`ORDER BY a.n DESC`, full, limit+1)
	case len(ranking.terms) == len(res.Query.terms):
		hits, err = l.hits(ctx, `SELECT `+rowCols+`, h.score
			FROM (SELECT rowid AS n, -rank AS score FROM words WHERE words MATCH ? AND rank MATCH '`+bm25(opt.Titles)+`'
			      ORDER BY rank LIMIT ?) h
			JOIN articles a ON a.n = h.n`+rowJoins+`ORDER BY h.score DESC, a.n`, full, limit+1)
	default:
		hits, err = l.rankBy(ctx, full, ranking.match(opt.Titles), opt.Titles, limit+1)
	}
	if err != nil {
		return res, l.fail("search "+query, err)
	}
	if len(hits) > limit {
		hits, res.More = hits[:limit], true
	}
	res.Hits = hits
	return res, nil
}

// bm25 is the rank function: title words count double when titles are
// searched.
func bm25(titles bool) string {
	if titles {
		return "bm25(2.0, 1.0)"
	}
	return "bm25(1.0, 1.0)"
}

// rankingTerms returns the terms of q found in at most maxRanked
// articles. It asks, for each term alone, for the match after the first
// maxRanked, walking the index in rowid order, which scores nothing.
func (l *Library) rankingTerms(ctx context.Context, q Query, titles bool, maxRanked int) (Query, error) {
	var out Query
	for _, t := range q.terms {
		var n int64
		err := l.r.QueryRowContext(ctx, `SELECT rowid FROM words WHERE words MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`,
			Query{terms: []term{t}}.match(titles), maxRanked).Scan(&n)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			out.terms = append(out.terms, t)
		case err != nil:
			return out, err
		}
	}
	return out, nil
}

// rankBy returns the n best articles matching full, scored by rank's
// terms alone: the articles matching full (at most MaxRanked, since rank
// holds a rare term) and the scores of those matching rank are read
// separately and met here, since FTS5 computes a rank only for the
// expression it matches.
func (l *Library) rankBy(ctx context.Context, full, rank string, titles bool, n int) ([]Hit, error) {
	matching := map[int64]bool{}
	rows, err := l.r.QueryContext(ctx, `SELECT rowid FROM words WHERE words MATCH ?`, full)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		matching[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	type scored struct {
		n     int64
		score float64
	}
	var best []scored
	rows, err = l.r.QueryContext(ctx, `SELECT rowid, -rank FROM words WHERE words MATCH ? AND rank MATCH '`+bm25(titles)+`'`, rank)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var s scored
		if err := rows.Scan(&s.n, &s.score); err != nil {
			rows.Close()
			return nil, err
		}
		if matching[s.n] {
			best = append(best, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(best, func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.n, b.n)) })
	best = best[:min(n, len(best))]
	if len(best) == 0 {
		return nil, nil
	}
	ns := make([]string, len(best))
	score := make(map[int64]float64, len(best))
	for i, s := range best {
		ns[i] = strconv.FormatInt(s.n, 10)
		score[s.n] = s.score
	}
	// The numbers are integers of ours, so they can be written into the query.
	hits, err := l.hits(ctx, `SELECT `+rowCols+`, 0.0 FROM articles a`+rowJoins+`WHERE a.n IN (`+strings.Join(ns, ",")+`)`)
	if err != nil {
		return nil, err
	}
	for i := range hits {
		hits[i].Score = score[hits[i].N]
	}
	slices.SortFunc(hits, func(a, b Hit) int { return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.N, b.N)) })
	return hits, nil
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
