package library

import (
	"context"
	"database/sql"

	"github.com/pmureader/pmureader/corpus"
)

// headerBatch is the most headers EachHeader reads per query: each query
// is a short read transaction, so a long listing never holds the
// write-ahead log back. The first query reads firstHeaderBatch, enough for
// a screen, so that the list's first rows show at once (20,000 take about
// a second on a busy machine), and each next one four times more.
const (
	headerBatch      = 20000
	firstHeaderBatch = 250
)

// EachHeader calls fn with the headers of every article, in batches in
// the order articles were added (by N), starting after number after (0
// for all). It reads no body. Outlet, author and story strings are shared
// between headers that have the same one, to keep a million headers small.
// It stops at the first error fn returns, and returns it.
func (l *Library) EachHeader(ctx context.Context, after int64, fn func([]Header) error) error {
	intern := map[string]string{}
	share := func(s string) string {
		if s == "" {
			return ""
		}
		if v, ok := intern[s]; ok {
			return v
		}
		intern[s] = s
		return s
	}
	for size := firstHeaderBatch; ; size = min(4*size, headerBatch) {
		batch, err := l.headers(ctx, after, size, share)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		after = batch[len(batch)-1].N
		if err := fn(batch); err != nil {
			return err
		}
		if len(intern) > 1<<16 { // many distinct authors: stop sharing the rare ones
			clear(intern)
		}
	}
}

// headers reads up to size headers after number after.
func (l *Library) headers(ctx context.Context, after int64, size int, share func(string) string) ([]Header, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+headerCols+` FROM articles a WHERE a.n > ? ORDER BY a.n LIMIT ?`, after, size)
	if err != nil {
		return nil, l.fail("list headers", err)
	}
	defer rows.Close()
	out := make([]Header, 0, size)
	for rows.Next() {
		h, err := scanHeader(rows)
		if err != nil {
			return nil, l.fail("list headers", err)
		}
		h.Precision = corpus.Precision(share(string(h.Precision)))
		h.Outlet, h.Author, h.Story = share(h.Outlet), share(h.Author), share(h.Story)
		out = append(out, h)
	}
	return out, l.fail("list headers", rows.Err())
}

// headerCols are the columns scanHeader reads, of articles a.
const headerCols = `a.n, a.id, a.title, a.outlet, a.author, ifnull(a.story, ''), a.date, a.date_precision, a.words,
	a.title_derived, a.copy_of`

func scanHeader(rows *sql.Rows) (Header, error) {
	var h Header
	var date sql.NullInt64
	var precision string
	if err := rows.Scan(&h.N, &h.ID, &h.Title, &h.Outlet, &h.Author, &h.Story, &date, &precision, &h.Words,
		&h.TitleDerived, &h.CopyOf); err != nil {
		return h, err
	}
	neutralize(&h.ID, &h.Title, &h.Outlet, &h.Author, &h.Story, &precision, &h.CopyOf)
	h.Unix, h.Dated = date.Int64, date.Valid
	h.Precision = corpus.Precision(precision)
	return h, nil
}

// Headers returns the headers of every article (see EachHeader).
func (l *Library) Headers(ctx context.Context) ([]Header, error) {
	n, err := l.Count(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Header, 0, n)
	err = l.EachHeader(ctx, 0, func(b []Header) error {
		out = append(out, b...)
		return nil
	})
	return out, err
}
