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
	return l.write(ctx, "save features", func(tx *sql.Tx) error { return saveFeatures(ctx, tx, fs) })
}

func saveFeatures(ctx context.Context, tx *sql.Tx, fs []Features) error {
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
	q := featureQuery + ` WHERE f.version = ? AND a.date BETWEEN ? AND ?`
	if undated {
		q = featureQuery + ` WHERE f.version = ? AND (a.date BETWEEN ? AND ? OR a.date IS NULL)`
	}
	return l.features(ctx, q+` ORDER BY a.date, a.id`, version, from.Unix(), to.Unix())
}

// FeaturesOf returns the features of this version of the articles
// numbered ns (those that have them), by number.
func (l *Library) FeaturesOf(ctx context.Context, version int, ns []int64) ([]Features, error) {
	var out []Features
	err := chunks(ns, func(args []any) error {
		fs, err := l.features(ctx, featureQuery+` WHERE f.version = ? AND f.n IN (`+inList(len(args))+`) ORDER BY f.n`,
			append([]any{version}, args...)...)
		out = append(out, fs...)
		return err
	})
	return out, err
}

// FeaturedAfter returns up to limit features of this version of the
// articles numbered above after, by number; without data (Data nil) when
// data is false.
func (l *Library) FeaturedAfter(ctx context.Context, version int, after int64, limit int, data bool) ([]Features, error) {
	q := featureQuery
	if !data {
		q = `SELECT a.id, a.n, a.date, f.version, NULL FROM articles a JOIN features f ON f.n = a.n`
	}
	return l.features(ctx, q+` WHERE f.version = ? AND f.n > ? ORDER BY f.n LIMIT ?`, version, after, limit)
}

// FeatureCount returns how many articles have features of this version.
func (l *Library) FeatureCount(ctx context.Context, version int) (int, error) {
	var n int
	err := l.r.QueryRowContext(ctx, `SELECT count(*) FROM features WHERE version = ?`, version).Scan(&n)
	return n, l.fail("count features", err)
}

const featureQuery = `SELECT a.id, a.n, a.date, f.version, f.data FROM articles a JOIN features f ON f.n = a.n`

// features runs a query of featureQuery's columns.
func (l *Library) features(ctx context.Context, q string, args ...any) ([]Features, error) {
	rows, err := l.r.QueryContext(ctx, q, args...)
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

// UnfeaturedCount returns how many articles numbered above after lack
// features of this version.
func (l *Library) UnfeaturedCount(ctx context.Context, version int, after int64) (int, error) {
	var n int
	err := l.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a LEFT JOIN features f ON f.n = a.n
		WHERE a.n > ? AND (f.n IS NULL OR f.version <> ?)`, after, version).Scan(&n)
	return n, l.fail("count unfeatured", err)
}

// UnfeaturedArticles returns up to limit articles without features of
// this version, whole (as Get reads them), numbered above after, in the
// order they were added: what feature extraction reads.
func (l *Library) UnfeaturedArticles(ctx context.Context, version int, after int64, limit int) ([]*Record, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+articleCols+`, d.doc
		FROM articles a JOIN documents d ON d.n = a.n LEFT JOIN features f ON f.n = a.n
		WHERE a.n > ? AND (f.n IS NULL OR f.version <> ?) ORDER BY a.n LIMIT ?`, after, version, limit)
	if err != nil {
		return nil, l.fail("read unfeatured", err)
	}
	defer rows.Close()
	var out []*Record
	for rows.Next() {
		var doc []byte
		rec, err := scanRecord(scanTail{rows, []any{&doc}})
		if err != nil {
			return nil, l.fail("read unfeatured", err)
		}
		d, err := decodeDocument(doc)
		if err != nil {
			return nil, l.fail("read "+rec.Article.ID, err)
		}
		rec.Article.Body, rec.Article.Raw = d.Body, d.Raw
		out = append(out, rec)
	}
	return out, l.fail("read unfeatured", rows.Err())
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
	return l.UpdateStories(ctx, StoryUpdate{Remove: remove, Put: put})
}

// StoryUpdate is one round of grouping, applied whole by UpdateStories.
type StoryUpdate struct {
	Remove []string // stories deleted first
	Put    []Story  // stories written whole (see SaveStories)
	// Related replaces the related stories of stories not in Put.
	Related map[string][]string
	// DropEmpty deletes, last, every story left without members.
	DropEmpty bool
	State     map[string]string // grouping state (see SetGroupingState)
}

// UpdateStories applies a round of grouping in one transaction: Remove,
// Put, Related, DropEmpty, State, in that order. The error wraps
// ErrNotFound, and nothing changes, when a member is not stored.
func (l *Library) UpdateStories(ctx context.Context, u StoryUpdate) error {
	return l.write(ctx, "save stories", func(tx *sql.Tx) error {
		for _, id := range u.Remove {
			if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, id); err != nil {
				return err
			}
		}
		now := time.Now().Unix()
		for _, s := range u.Put {
			if err := putStory(ctx, tx, s, now); err != nil {
				return fmt.Errorf("story %s: %w", s.ID, err)
			}
		}
		for id, rel := range u.Related {
			if rel == nil {
				rel = []string{}
			}
			b, err := json.Marshal(rel)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE stories SET related = ?, updated_at = ? WHERE id = ?`, string(b), now, id); err != nil {
				return err
			}
		}
		if u.DropEmpty {
			if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE NOT EXISTS
				(SELECT 1 FROM articles WHERE story = stories.id)`); err != nil {
				return err
			}
		}
		return setState(ctx, tx, u.State)
	})
}

// StoriesOf returns the story of each of the articles ns that has one.
func (l *Library) StoriesOf(ctx context.Context, ns []int64) (map[int64]string, error) {
	out := map[int64]string{}
	err := chunks(ns, func(args []any) error {
		rows, err := l.r.QueryContext(ctx, `SELECT n, story FROM articles WHERE story IS NOT NULL AND n IN (`+inList(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var n int64
			var story string
			if err := rows.Scan(&n, &story); err != nil {
				return err
			}
			out[n] = neutral(story)
		}
		return rows.Err()
	})
	return out, l.fail("read stories", err)
}

// StoryMembers returns the numbers of the members of each of these
// stories, ascending.
func (l *Library) StoryMembers(ctx context.Context, ids []string) (map[string][]int64, error) {
	out := map[string][]int64{}
	err := chunks(ids, func(args []any) error {
		rows, err := l.r.QueryContext(ctx, `SELECT story, n FROM articles WHERE story IN (`+inList(len(args))+`) ORDER BY n`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var story string
			var n int64
			if err := rows.Scan(&story, &n); err != nil {
				return err
			}
			out[neutral(story)] = append(out[neutral(story)], n)
		}
		return rows.Err()
	})
	return out, l.fail("read stories", err)
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
