package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Feed is a feed the library follows and what its last fetch said.
type Feed struct {
	URL   string
	Title string
	// ETag and LastModified are the validators of the last good response,
	// sent back (If-None-Match, If-Modified-Since) so an unchanged feed
	// costs a 304.
	ETag         string
	LastModified string
	LastFetched  time.Time // zero: never fetched
	LastError    string    // "" when the last fetch succeeded
	AddedAt      time.Time
}

// AddFeed starts following a feed; following one already followed keeps
// what is known of it and only updates a non-empty title.
func (l *Library) AddFeed(ctx context.Context, url, title string) error {
	if url == "" {
		return l.fail("add feed", errors.New("empty feed address"))
	}
	return l.write(ctx, "add feed "+url, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET title = CASE WHEN excluded.title = '' THEN title ELSE excluded.title END`,
			url, title, time.Now().Unix())
		return err
	})
}

// FetchResult is what one fetch of a feed found out.
type FetchResult struct {
	At           time.Time
	Title        string // the feed's own title; "" keeps the stored one
	ETag         string // validators of a good response; kept as they were after an error
	LastModified string
	Err          error // nil for a good fetch (a 304 is good)
}

// RecordFetch stores the outcome of fetching a feed. The error wraps
// ErrNotFound for a feed not followed.
func (l *Library) RecordFetch(ctx context.Context, url string, r FetchResult) error {
	return l.write(ctx, "record fetch of "+url, func(tx *sql.Tx) error {
		var res sql.Result
		var err error
		if r.Err != nil {
			res, err = tx.ExecContext(ctx, `UPDATE feeds SET last_fetched = ?, last_error = ? WHERE url = ?`,
				r.At.Unix(), r.Err.Error(), url)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE feeds SET last_fetched = ?, last_error = '',
				etag = ?, last_modified = ?, title = CASE WHEN ? = '' THEN title ELSE ? END WHERE url = ?`,
				r.At.Unix(), r.ETag, r.LastModified, r.Title, r.Title, url)
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, fmt.Errorf("%w: no feed %q is followed", ErrNotFound, url))
		}
		return nil
	})
}

// Feeds returns the feeds followed, in the order they were added.
func (l *Library) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT url, title, etag, last_modified, last_fetched, last_error, added_at
		FROM feeds ORDER BY added_at, url`)
	if err != nil {
		return nil, l.fail("list feeds", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var fetched sql.NullInt64
		var added int64
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &fetched, &f.LastError, &added); err != nil {
			return nil, l.fail("list feeds", err)
		}
		neutralize(&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.LastError)
		if fetched.Valid {
			f.LastFetched = time.Unix(fetched.Int64, 0).UTC()
		}
		f.AddedAt = time.Unix(added, 0).UTC()
		out = append(out, f)
	}
	return out, l.fail("list feeds", rows.Err())
}

// RemoveFeed stops following a feed (its articles stay). The error wraps
// ErrNotFound for a feed not followed.
func (l *Library) RemoveFeed(ctx context.Context, url string) error {
	return l.write(ctx, "remove feed "+url, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE url = ?`, url)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, fmt.Errorf("%w: no feed %q is followed", ErrNotFound, url))
		}
		return nil
	})
}
