package library

// Storage for story grouping (issue 14). The library does not group; it
// keeps what grouping computes so that a library of a million articles
// is not regrouped from scratch on every start, and so that adding
// articles groups only what is new:
//
//  1. Features: per article, an opaque blob the grouping package defines
//     (its weighted terms, entities, numbers…), tagged with the version of
//     that encoding. Unfeatured lists the articles that lack features of
//     the current version (new ones, or all after the encoding changed);
//     grouping computes theirs and stores them with SaveFeatures.
//  2. Candidates: FeaturesBetween loads the features of the articles
//     dated within a window (grouping only links articles days apart),
//     through the date index, so a new article is compared with its
//     neighbours in time rather than with the whole library.
//  3. Assignments: SaveStories replaces the stories grouping changed, in
//     one transaction: removed stories go (their members become
//     unassigned), changed and new ones are written with their members.
//     Each article is in at most one story (articles.story), which the
//     list shows (Row.Story, Row.StoryName) without another query. When
//     the last member of a story is removed from the library, the story
//     goes too.
//
// A grouping pass after adding articles: n := LastFeatured(v); compute and
// SaveFeatures for Unfeatured(v, n, …) in pages; for each new article load
// FeaturesBetween its date ± the linking window; SaveStories what changed.
// After a change of the feature encoding (a new v), Unfeatured(v, 0, …)
// lists every article again.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// Features is one article's grouping features.
type Features struct {
	ID      string // the article's id
	N       int64  // its number (see Record.N)
	Unix    int64  // its date (seconds, UTC) when Dated
	Dated   bool
	Version int    // the version of Data's encoding, the grouping package's
	Data    []byte // opaque to the library
}

// SaveFeatures stores features (replacing an article's earlier ones), all
// in one transaction. ID names the article; N and the date are ignored.
// The error wraps ErrNotFound, and nothing is saved, when an article is
// not stored (it may have been removed meanwhile).
func (l *Library) SaveFeatures(ctx context.Context, fs []Features) error {
	return l.write(ctx, "save features", func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO features (n, version, data)
			SELECT n, ?, ? FROM articles WHERE id = ?
			ON CONFLICT (n) DO UPDATE SET version = excluded.version, data = excluded.data`)
		if err != nil {
			return err
		}
		for _, f := range fs {
			data := f.Data
			if data == nil {
				data = []byte{} // an empty blob, not NULL
			}
			r, err := st.ExecContext(ctx, f.Version, data, f.ID)
			if err != nil {
				return err
			}
			if n, err := r.RowsAffected(); err != nil || n == 0 {
				if err != nil {
					return err
				}
				return fmt.Errorf("%w: no article has id %q", ErrNotFound, f.ID)
			}
		}
		return nil
	})
}

// LastFeatured returns the highest article number with features of this
// version (0 when none): grouping that has seen every article up to it
// passes it to Unfeatured as after, so that only articles added since are
// scanned.
func (l *Library) LastFeatured(ctx context.Context, version int) (int64, error) {
	var n sql.NullInt64
	err := l.r.QueryRowContext(ctx, `SELECT max(n) FROM features WHERE version = ?`, version).Scan(&n)
	return n.Int64, l.fail("read features", err)
}

// Unfeatured returns up to limit headers of articles without features of
// this version, in the order they were added, after number after (0 from
// the start): the articles grouping has yet to see.
func (l *Library) Unfeatured(ctx context.Context, version int, after int64, limit int) ([]Header, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+headerCols+`
		FROM articles a LEFT JOIN features f ON f.n = a.n
		WHERE a.n > ? AND (f.n IS NULL OR f.version <> ?) ORDER BY a.n LIMIT ?`, after, version, limit)
	if err != nil {
		return nil, l.fail("list unfeatured", err)
	}
	defer rows.Close()
	var out []Header
	for rows.Next() {
		h, err := scanHeader(rows)
		if err != nil {
			return nil, l.fail("list unfeatured", err)
		}
		out = append(out, h)
	}
	return out, l.fail("list unfeatured", rows.Err())
}

// FeaturesBetween returns the features of this version of the articles
// dated from..to (inclusive; by the date index), and with undated also
// those of the undated articles, in date order.
func (l *Library) FeaturesBetween(ctx context.Context, version int, from, to time.Time, undated bool) ([]Features, error) {
	q := `SELECT a.id, a.n, a.date, f.version, f.data FROM articles a JOIN features f ON f.n = a.n
		WHERE f.version = ? AND a.date BETWEEN ? AND ?`
	args := []any{version, from.Unix(), to.Unix()}
	if undated {
		q = `SELECT a.id, a.n, a.date, f.version, f.data FROM articles a JOIN features f ON f.n = a.n
		WHERE f.version = ? AND (a.date BETWEEN ? AND ? OR a.date IS NULL)`
	}
	rows, err := l.r.QueryContext(ctx, q+` ORDER BY a.date, a.id`, args...)
	if err != nil {
		return nil, l.fail("load features", err)
	}
	defer rows.Close()
	var out []Features
	for rows.Next() {
		var f Features
		var date sql.NullInt64
		if err := rows.Scan(&f.ID, &f.N, &date, &f.Version, &f.Data); err != nil {
			return nil, l.fail("load features", err)
		}
		f.Unix, f.Dated = date.Int64, date.Valid
		f.ID = neutral(f.ID)
		out = append(out, f)
	}
	return out, l.fail("load features", rows.Err())
}

// Story is a story grouping found, as stored.
type Story struct {
	ID      string
	Name    string
	Members []string // article ids; oldest first when read back
	Related []string // ids of related stories, most related first
	Pinned  bool
	Score   float64
}

// SaveStories applies one round of grouping in one transaction: the
// stories with ids in remove are deleted (their members become
// unassigned), and each story in put is written whole, replacing a stored
// one of the same id: its members are exactly Members afterwards (an
// article moved from another story leaves that one). The error wraps
// ErrNotFound, and nothing changes, when a member is not stored.
func (l *Library) SaveStories(ctx context.Context, remove []string, put []Story) error {
	return l.write(ctx, "save stories", func(tx *sql.Tx) error {
		for _, id := range remove {
			if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
				return err
			}
		}
		now := time.Now().Unix()
		for _, s := range put {
			if err := putStory(ctx, tx, s, now); err != nil {
				return fmt.Errorf("story %s: %w", s.ID, err)
			}
		}
		return nil
	})
}

func putStory(ctx context.Context, tx *sql.Tx, s Story, now int64) error {
	related := s.Related
	if related == nil {
		related = []string{}
	}
	rel, err := json.Marshal(related)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stories (id, name, pinned, score, related, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,
		pinned = excluded.pinned, score = excluded.score, related = excluded.related,
		updated_at = excluded.updated_at`, s.ID, s.Name, s.Pinned, s.Score, string(rel), now); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET story = NULL WHERE story = ?`, s.ID); err != nil {
		return err
	}
	for _, m := range s.Members {
		r, err := tx.ExecContext(ctx, `UPDATE articles SET story = ? WHERE id = ?`, s.ID, m)
		if err != nil {
			return err
		}
		if n, err := r.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return err
			}
			return fmt.Errorf("%w: no article has id %q", ErrNotFound, m)
		}
	}
	return nil
}

// Stories returns every stored story with its members (oldest first,
// undated last), in the order of their ids.
func (l *Library) Stories(ctx context.Context) ([]Story, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT id, name, pinned, score, related FROM stories ORDER BY id`)
	if err != nil {
		return nil, l.fail("list stories", err)
	}
	var out []Story
	index := map[string]int{}
	for rows.Next() {
		var s Story
		var rel string
		if err := rows.Scan(&s.ID, &s.Name, &s.Pinned, &s.Score, &rel); err != nil {
			rows.Close()
			return nil, l.fail("list stories", err)
		}
		if err := json.Unmarshal([]byte(rel), &s.Related); err != nil {
			rows.Close()
			return nil, l.fail("list stories", fmt.Errorf("story %s: related: %w", s.ID, err))
		}
		neutralize(&s.ID, &s.Name)
		for i := range s.Related {
			neutralize(&s.Related[i])
		}
		index[s.ID] = len(out)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, l.fail("list stories", err)
	}
	members, err := l.r.QueryContext(ctx, `SELECT story, id FROM articles WHERE story IS NOT NULL
		ORDER BY story, date IS NULL, date, id`)
	if err != nil {
		return nil, l.fail("list stories", err)
	}
	defer members.Close()
	for members.Next() {
		var story, id string
		if err := members.Scan(&story, &id); err != nil {
			return nil, l.fail("list stories", err)
		}
		if i, ok := index[neutral(story)]; ok {
			out[i].Members = append(out[i].Members, neutral(id))
		}
	}
	return out, l.fail("list stories", members.Err())
}
