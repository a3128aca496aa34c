package library

// Storage for what incremental story grouping computes beside features
// and stories (issue 14; see stories.go): the vocabulary of terms, the
// candidate pairs each article found, and grouping's own state. The
// library does not group: the grouping package (corpus/stories, through
// corpus/storystore) gives the terms, their ids' meaning, classes and
// blocks, and the edges; the library keeps them, each write in one
// transaction.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
)

// Term is a term of story grouping's vocabulary: its id (terms are
// numbered in the order they were added), its text, the number of
// articles whose features have it (DF), its class (the id of a term it is
// one with; its own at first) and its block ("" for none), which
// grouping reads to find the terms a new one may join.
type Term struct {
	ID    int64
	Text  string
	DF    int64
	Class int64
	Block string
}

// sqlBatch is how many values one statement takes in an IN list.
const sqlBatch = 500

// inList is "?,?,…" for n values.
func inList(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

// chunks calls fn with the values in slices of at most sqlBatch.
func chunks[T any](vs []T, fn func([]any) error) error {
	for len(vs) > 0 {
		k := min(len(vs), sqlBatch)
		args := make([]any, k)
		for i := range args {
			args[i] = vs[i]
		}
		if err := fn(args); err != nil {
			return err
		}
		vs = vs[k:]
	}
	return nil
}

// AddTerms stores the texts that are not terms yet, numbered in the order
// given, each with its block (blocks[k] for texts[k]), df 0 and its own
// id as class, and returns every text's term (texts[k]'s at k), stored
// before or now. One transaction.
func (l *Library) AddTerms(ctx context.Context, texts, blocks []string) ([]Term, error) {
	if len(blocks) != len(texts) {
		return nil, fmt.Errorf("library: %d blocks for %d terms", len(blocks), len(texts))
	}
	out := make([]Term, len(texts))
	err := l.write(ctx, "add terms", func(tx *sql.Tx) error {
		find, err := tx.PrepareContext(ctx, `SELECT `+termCols+` FROM story_terms WHERE term = ?`)
		if err != nil {
			return err
		}
		add, err := tx.PrepareContext(ctx, `INSERT INTO story_terms (term, df, class, block)
			VALUES (?, 0, (SELECT ifnull(max(id), 0) + 1 FROM story_terms), nullif(?, ''))
			RETURNING `+termCols)
		if err != nil {
			return err
		}
		for k, text := range texts {
			t := &out[k]
			err := find.QueryRowContext(ctx, text).Scan(&t.ID, &t.Text, &t.DF, &t.Class, &t.Block)
			if errors.Is(err, sql.ErrNoRows) {
				err = add.QueryRowContext(ctx, text, blocks[k]).Scan(&t.ID, &t.Text, &t.DF, &t.Class, &t.Block)
			}
			if err != nil {
				return fmt.Errorf("term %q: %w", text, err)
			}
		}
		return nil
	})
	return out, err
}

const termCols = `id, term, df, class, ifnull(block, '')`

// Terms returns the stored terms with these texts, in no particular
// order.
func (l *Library) Terms(ctx context.Context, texts []string) ([]Term, error) {
	return l.termsWhere(ctx, "term", texts)
}

// TermsInBlocks returns the stored terms of these blocks, in no
// particular order.
func (l *Library) TermsInBlocks(ctx context.Context, blocks []string) ([]Term, error) {
	return l.termsWhere(ctx, "block", blocks)
}

func (l *Library) termsWhere(ctx context.Context, col string, vals []string) ([]Term, error) {
	var out []Term
	err := chunks(vals, func(args []any) error {
		rows, err := l.r.QueryContext(ctx, `SELECT `+termCols+` FROM story_terms WHERE `+col+` IN (`+inList(len(args))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t Term
			if err := rows.Scan(&t.ID, &t.Text, &t.DF, &t.Class, &t.Block); err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, l.fail("read terms", err)
}

// TermStats returns every term's id, class and df (not its text or
// block), by id.
func (l *Library) TermStats(ctx context.Context) ([]Term, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT id, class, df FROM story_terms ORDER BY id`)
	if err != nil {
		return nil, l.fail("read terms", err)
	}
	defer rows.Close()
	var out []Term
	for rows.Next() {
		var t Term
		if err := rows.Scan(&t.ID, &t.Class, &t.DF); err != nil {
			return nil, l.fail("read terms", err)
		}
		out = append(out, t)
	}
	return out, l.fail("read terms", rows.Err())
}

// FeatureBatch is one round of feature extraction, saved whole by
// SaveFeatureBatch.
type FeatureBatch struct {
	Features []Features        // as SaveFeatures takes them
	DF       map[int64]int64   // added to these terms' df
	Classes  map[int64]int64   // every term of class k takes class Classes[k]
	State    map[string]string // grouping state (see SetGroupingState)
}

// SaveFeatureBatch saves features with the vocabulary's new counts and
// classes and grouping's state, in one transaction. Nothing is saved, and
// the error wraps ErrNotFound, when an article is not stored, or
// ErrFeatured when one already has features of the version it is given
// (so that two groupings at once never count an article twice).
func (l *Library) SaveFeatureBatch(ctx context.Context, b FeatureBatch) error {
	return l.write(ctx, "save features", func(tx *sql.Tx) error {
		if err := checkUnfeatured(ctx, tx, b.Features); err != nil {
			return err
		}
		if err := saveFeatures(ctx, tx, b.Features); err != nil {
			return err
		}
		for id, d := range b.DF {
			if _, err := tx.ExecContext(ctx, `UPDATE story_terms SET df = df + ? WHERE id = ?`, d, id); err != nil {
				return err
			}
		}
		for from, to := range b.Classes {
			if _, err := tx.ExecContext(ctx, `UPDATE story_terms SET class = ? WHERE class = ?`, to, from); err != nil {
				return err
			}
		}
		return setState(ctx, tx, b.State)
	})
}

// checkUnfeatured fails with ErrFeatured when one of the articles has
// features of the version given with it.
func checkUnfeatured(ctx context.Context, tx *sql.Tx, fs []Features) error {
	st, err := tx.PrepareContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles a JOIN features f ON f.n = a.n
		WHERE a.id = ? AND f.version = ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, f := range fs {
		var yes bool
		if err := st.QueryRowContext(ctx, f.ID, f.Version).Scan(&yes); err != nil {
			return err
		}
		if yes {
			return fmt.Errorf("%w: article %q", ErrFeatured, f.ID)
		}
	}
	return nil
}

// SetDF sets the df of every term: df[id], 0 for the terms not in df
// (grouping's recount after articles were removed), with grouping state,
// in one transaction.
func (l *Library) SetDF(ctx context.Context, df map[int64]int64, state map[string]string) error {
	return l.write(ctx, "count terms", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE story_terms SET df = 0`); err != nil {
			return err
		}
		for id, d := range df {
			if _, err := tx.ExecContext(ctx, `UPDATE story_terms SET df = ? WHERE id = ?`, d, id); err != nil {
				return err
			}
		}
		return setState(ctx, tx, state)
	})
}

// ClearGrouping deletes what grouping computed (features, terms, edges)
// and sets its state, in one transaction, when what was computed is of no
// more use (a new feature encoding). Stories stay until grouping replaces
// them.
func (l *Library) ClearGrouping(ctx context.Context, state map[string]string) error {
	return l.write(ctx, "clear grouping", func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM story_edges`, `DELETE FROM features`, `DELETE FROM story_terms`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return setState(ctx, tx, state)
	})
}

// GroupingState returns grouping's state under a key, and whether there
// is one. Unlike State, it is always the library's, whatever
// Options.NoState says: it describes what is stored.
func (l *Library) GroupingState(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := l.r.QueryRowContext(ctx, `SELECT value FROM state WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return v, err == nil, l.fail("read state "+key, err)
}

// SetGroupingState sets grouping state values (an empty value deletes
// its key), in one transaction.
func (l *Library) SetGroupingState(ctx context.Context, state map[string]string) error {
	return l.write(ctx, "save grouping state", func(tx *sql.Tx) error { return setState(ctx, tx, state) })
}

func setState(ctx context.Context, tx *sql.Tx, state map[string]string) error {
	for k, v := range state {
		q, args := `INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, []any{k, v}
		if v == "" {
			q, args = `DELETE FROM state WHERE key = ?`, []any{k}
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// Edge is a candidate pair grouping found: articles A and B (their
// numbers; B's scan found it) with their similarities.
type Edge struct {
	A, B    int64
	Content float64
	Score   float64
}

// SaveEdges replaces the edges the scans of the articles scanned found
// with edges, and sets grouping state, in one transaction.
func (l *Library) SaveEdges(ctx context.Context, scanned []int64, edges []Edge, state map[string]string) error {
	return l.write(ctx, "save edges", func(tx *sql.Tx) error {
		if err := chunks(scanned, func(args []any) error {
			_, err := tx.ExecContext(ctx, `DELETE FROM story_edges WHERE b IN (`+inList(len(args))+`)`, args...)
			return err
		}); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO story_edges (b, a, content, score) VALUES (?, ?, ?, ?)
			ON CONFLICT (b, a) DO UPDATE SET content = excluded.content, score = excluded.score`)
		if err != nil {
			return err
		}
		for _, e := range edges {
			if _, err := st.ExecContext(ctx, e.B, e.A, e.Content, e.Score); err != nil {
				return fmt.Errorf("edge %d–%d: %w", e.A, e.B, err)
			}
		}
		return setState(ctx, tx, state)
	})
}

// EdgesOf returns the edges that have one of the articles ns at either
// end, each once.
func (l *Library) EdgesOf(ctx context.Context, ns []int64) ([]Edge, error) {
	seen := map[[2]int64]bool{}
	var out []Edge
	err := chunks(ns, func(args []any) error {
		in := inList(len(args))
		rows, err := l.r.QueryContext(ctx, `SELECT a, b, content, score FROM story_edges WHERE b IN (`+in+`)
			UNION ALL SELECT a, b, content, score FROM story_edges WHERE a IN (`+in+`)`, append(args, args...)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e Edge
			if err := rows.Scan(&e.A, &e.B, &e.Content, &e.Score); err != nil {
				return err
			}
			if k := [2]int64{e.A, e.B}; !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
		return rows.Err()
	})
	return out, l.fail("read edges", err)
}

// edgeBatch is how many edges EachEdge reads per query.
const edgeBatch = 50000

// EachEdge calls fn with every edge, in batches (by B, then A), each
// batch read in its own short transaction. It stops at the first error
// fn returns, and returns it.
func (l *Library) EachEdge(ctx context.Context, fn func([]Edge) error) error {
	var b, a int64 = -1, -1
	for {
		rows, err := l.r.QueryContext(ctx, `SELECT a, b, content, score FROM story_edges
			WHERE (b, a) > (?, ?) ORDER BY b, a LIMIT ?`, b, a, edgeBatch)
		if err != nil {
			return l.fail("read edges", err)
		}
		batch := make([]Edge, 0, edgeBatch)
		for rows.Next() {
			var e Edge
			if err := rows.Scan(&e.A, &e.B, &e.Content, &e.Score); err != nil {
				rows.Close()
				return l.fail("read edges", err)
			}
			batch = append(batch, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return l.fail("read edges", err)
		}
		if len(batch) == 0 {
			return nil
		}
		b, a = batch[len(batch)-1].B, batch[len(batch)-1].A
		if err := fn(batch); err != nil {
			return err
		}
	}
}

// PinnedArticles returns the numbers of the articles pinned to each of
// these story pins (metadata's Story), ascending; with pins nil, of every
// pin.
func (l *Library) PinnedArticles(ctx context.Context, pins []string) (map[string][]int64, error) {
	out := map[string][]int64{}
	query := func(args []any) error {
		q := `SELECT story_pin, n FROM articles WHERE story_pin <> '' ORDER BY n`
		if pins != nil {
			q = `SELECT story_pin, n FROM articles WHERE story_pin <> '' AND story_pin IN (` + inList(len(args)) + `) ORDER BY n`
		}
		rows, err := l.r.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var pin string
			var n int64
			if err := rows.Scan(&pin, &n); err != nil {
				return err
			}
			pin = neutral(pin)
			out[pin] = append(out[pin], n)
		}
		return rows.Err()
	}
	var err error
	if pins == nil {
		err = query(nil)
	} else {
		err = chunks(pins, query)
	}
	return out, l.fail("read pins", err)
}

// DatePrecisions returns the precisions of the dated articles, each once,
// in order. It skips from one to the next through their index (a few
// lookups, not a scan of a million rows).
func (l *Library) DatePrecisions(ctx context.Context) ([]corpus.Precision, error) {
	var out []corpus.Precision
	var last sql.NullString
	for {
		var p sql.NullString
		q, args := `SELECT min(date_precision) FROM articles WHERE date IS NOT NULL`, []any{}
		if last.Valid {
			q, args = q+` AND date_precision > ?`, []any{last.String}
		}
		err := l.r.QueryRowContext(ctx, q, args...).Scan(&p)
		if err != nil {
			return nil, l.fail("read dates", err)
		}
		if !p.Valid {
			return out, nil
		}
		out = append(out, corpus.Precision(neutral(p.String)))
		last = p
	}
}
