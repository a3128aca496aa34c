package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// Record is a stored article and what the library knows about it beyond
// the article itself.
type Record struct {
	Article *corpus.Article
	// N is the article's number in the database, stable while it is
	// stored; it orders articles by when they were added.
	N            int64
	CanonicalURL string // "" when the article has no usable address
	Hash         []byte // of the body text (see dedupe.BodyHash)
	FetchedFrom  string
	FetchedAt    time.Time // zero when unknown
	AddedAt      time.Time
	Story        string // the story grouping put it in; "" when none
	HasHTML      bool   // raw HTML is stored (read it with HTML)
}

// articleCols are the columns scanRecord reads, in its order.
const articleCols = `a.n, a.id, a.title, a.dek, a.outlet, a.via, a.outlet_profile, a.author,
	a.date, a.date_offset, a.date_precision, a.date_note, a.url, ifnull(a.canonical_url, ''), a.event,
	a.story_pin, ifnull(a.story, ''), a.format, a.words, a.source_file, a.source_start, a.source_end,
	a.body_hash, a.fetched_from, a.fetched_at, a.added_at, a.title_derived, a.copy_of`

// scanRecord reads the articleCols of one row (without the body).
func scanRecord(row interface{ Scan(...any) error }) (*Record, error) {
	a := &corpus.Article{}
	r := &Record{Article: a}
	var date, fetched sql.NullInt64
	var offset int
	var precision string
	var added int64
	err := row.Scan(&r.N, &a.ID, &a.Title, &a.Dek, &a.Outlet, &a.Via, &a.OutletProfile, &a.Author,
		&date, &offset, &precision, &a.Date.Note, &a.URL, &r.CanonicalURL, &a.Event,
		&a.Story, &r.Story, &a.Format, &a.Words, &a.Source.File, &a.Source.StartLine, &a.Source.EndLine,
		&r.Hash, &r.FetchedFrom, &fetched, &added, &a.TitleDerived, &a.CopyOf)
	if err != nil {
		return nil, err
	}
	neutralize(&a.ID, &a.Title, &a.Dek, &a.Outlet, &a.Via, &a.OutletProfile, &a.Author, &a.Date.Note, &a.URL,
		&r.CanonicalURL, &a.Event, &a.Story, &r.Story, &a.Format, &a.Source.File, &r.FetchedFrom, &precision, &a.CopyOf)
	a.Date.Precision = corpus.Precision(precision)
	if date.Valid {
		a.Date.Time = unixIn(date.Int64, offset)
	}
	if fetched.Valid {
		r.FetchedAt = time.Unix(fetched.Int64, 0).UTC()
	}
	r.AddedAt = time.Unix(added, 0).UTC()
	return r, nil
}

// unixIn is the time sec seconds after the epoch in a zone offset seconds
// east of UTC (UTC itself for 0, as the loaders make dates).
func unixIn(sec int64, offset int) time.Time {
	t := time.Unix(sec, 0).UTC()
	if offset != 0 {
		t = t.In(time.FixedZone("", offset))
	}
	return t
}

// Get returns the stored article with exactly this id, whole: metadata,
// body paragraphs and raw source lines (the HTML is read by HTML). The
// error wraps ErrNotFound when there is none.
func (l *Library) Get(ctx context.Context, id string) (*Record, error) {
	row := l.r.QueryRowContext(ctx, `SELECT `+articleCols+`, d.doc, h.n IS NOT NULL
		FROM articles a JOIN documents d ON d.n = a.n LEFT JOIN html h ON h.n = a.n
		WHERE a.id = ?`, id)
	var doc []byte
	var hasHTML bool
	rec, err := scanRecord(scanTail{row, []any{&doc, &hasHTML}})
	if errors.Is(err, sql.ErrNoRows) {
		return nil, l.fail("get", fmt.Errorf("%w: no article has id %q", ErrNotFound, id))
	}
	if err != nil {
		return nil, l.fail("get "+id, err)
	}
	rec.HasHTML = hasHTML
	d, err := decodeDocument(doc)
	if err != nil {
		return nil, l.fail("get "+id, err)
	}
	rec.Article.Body, rec.Article.Raw = d.Body, d.Raw
	return rec, nil
}

// scanTail scans a row into articleCols' destinations and then extra ones.
type scanTail struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (s scanTail) Scan(dest ...any) error { return s.row.Scan(append(dest, s.extra...)...) }

// HTML returns the raw HTML stored with an article, or nil when it has
// none. The error wraps ErrNotFound when no article has the id.
func (l *Library) HTML(ctx context.Context, id string) ([]byte, error) {
	var n int64
	var blob []byte
	err := l.r.QueryRowContext(ctx, `SELECT a.n, h.html FROM articles a LEFT JOIN html h ON h.n = a.n WHERE a.id = ?`, id).Scan(&n, &blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, l.fail("html", fmt.Errorf("%w: no article has id %q", ErrNotFound, id))
	}
	if err != nil || blob == nil {
		return nil, l.fail("html "+id, err)
	}
	out, err := inflate(blob)
	return out, l.fail("html "+id, err)
}

// Resolve turns what a user typed into one stored id, as corpus.Find does
// for loaded articles: an exact id, or else a prefix of exactly one id.
// The error wraps ErrNotFound when nothing matches and says which ids an
// ambiguous prefix matches.
func (l *Library) Resolve(ctx context.Context, ref string) (string, error) {
	var id string
	err := l.r.QueryRowContext(ctx, `SELECT id FROM articles WHERE id = ?`, ref).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", l.fail("find "+ref, err)
	}
	if ref == "" {
		return "", l.fail("find", fmt.Errorf("%w: no article has id %q", ErrNotFound, ref))
	}
	// The ids that start with ref are the index range [ref, ref+U+10FFFF).
	rows, err := l.r.QueryContext(ctx, `SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 6`, ref, ref+"\U0010FFFF")
	if err != nil {
		return "", l.fail("find "+ref, err)
	}
	hits, err := scanStrings(rows)
	if err != nil {
		return "", l.fail("find "+ref, err)
	}
	switch len(hits) {
	case 0:
		return "", l.fail("find", fmt.Errorf("%w: no article has id %q", ErrNotFound, ref))
	case 1:
		return hits[0], nil
	}
	sort.Strings(hits)
	if len(hits) > 5 {
		hits = append(hits[:5], "…")
	}
	return "", l.fail("find", fmt.Errorf("%w: id %q matches %s", ErrAmbiguous, ref, strings.Join(hits, ", ")))
}

// scanStrings reads a one-column result of text and closes rows.
func scanStrings(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, neutral(s))
	}
	return out, rows.Err()
}

// Remove deletes the article with exactly this id, with its body, HTML,
// full-text entry, state and features, in one transaction. The error
// wraps ErrNotFound when there is none.
func (l *Library) Remove(ctx context.Context, id string) error {
	return l.write(ctx, "remove "+id, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := r.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return err
			}
			return fmt.Errorf("%w: no article has id %q", ErrNotFound, id)
		}
		return nil
	})
}

// Count returns how many articles the library holds. It reads a counter
// kept by triggers, so it costs the same at any size.
func (l *Library) Count(ctx context.Context) (int, error) {
	var n int
	err := l.r.QueryRowContext(ctx, `SELECT n FROM counts WHERE name = 'articles'`).Scan(&n)
	return n, l.fail("count", err)
}
