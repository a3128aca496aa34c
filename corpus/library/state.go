package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

// Position is where the reader was in an article: a paragraph (index into
// Article.Body) and a byte offset into its text, so that it does not
// depend on the width the article was wrapped to.
type Position struct {
	Paragraph int
	Offset    int
}

// ArticleState is the reader's state of one article.
type ArticleState struct {
	Marked   bool
	Read     bool
	Position Position
}

// Keys of the key/value state the library gives typed access to.
const (
	stateSort = "sort" // the library list's sort order: Sort.String()
)

// memState is the state of a run with Options.NoState: kept in memory,
// dropped at Close.
type memState struct {
	mu       sync.Mutex
	kv       map[string]string
	articles map[string]ArticleState
}

func newMemState() *memState {
	return &memState{kv: map[string]string{}, articles: map[string]ArticleState{}}
}

// SetState stores a value under a key, for state the library has no typed
// method for (the TUI's last view, and so on). Keys are the caller's.
func (l *Library) SetState(ctx context.Context, key, value string) error {
	if l.noState {
		l.mem.mu.Lock()
		l.mem.kv[key] = value
		l.mem.mu.Unlock()
		return nil
	}
	return l.write(ctx, "save state "+key, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO state (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// State returns the value stored under key, and whether there is one.
func (l *Library) State(ctx context.Context, key string) (string, bool, error) {
	if l.noState {
		l.mem.mu.Lock()
		defer l.mem.mu.Unlock()
		v, ok := l.mem.kv[key]
		return v, ok, nil
	}
	var v string
	err := l.r.QueryRowContext(ctx, `SELECT value FROM state WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, l.fail("read state "+key, err)
	}
	return v, true, nil
}

// SetSort remembers the library list's sort order.
func (l *Library) SetSort(ctx context.Context, s Sort) error {
	return l.SetState(ctx, stateSort, s.String())
}

// SavedSort returns the sort order last saved with SetSort, or
// DefaultSort when none was (or what was saved is not one this version
// knows).
func (l *Library) SavedSort(ctx context.Context) (Sort, error) {
	v, ok, err := l.State(ctx, stateSort)
	if err != nil || !ok {
		return DefaultSort, err
	}
	s, err := ParseSort(v)
	if err != nil {
		return DefaultSort, nil
	}
	return s, nil
}

// SetMarked marks or unmarks articles, all or none: the error wraps
// ErrNotFound, and nothing changes, when an id is not stored.
func (l *Library) SetMarked(ctx context.Context, marked bool, ids ...string) error {
	return l.setArticleState(ctx, "mark", ids, func(s *ArticleState) { s.Marked = marked },
		"marked = ?", b2i(marked))
}

// SetRead sets articles read or unread, all or none (see SetMarked).
func (l *Library) SetRead(ctx context.Context, read bool, ids ...string) error {
	return l.setArticleState(ctx, "set read", ids, func(s *ArticleState) { s.Read = read },
		"is_read = ?", b2i(read))
}

// SetPosition remembers where the reader was in an article.
func (l *Library) SetPosition(ctx context.Context, id string, p Position) error {
	return l.setArticleState(ctx, "save position", []string{id}, func(s *ArticleState) { s.Position = p },
		"paragraph = ?, para_pos = ?", p.Paragraph, p.Offset)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// setArticleState applies one change to the state of articles: set, an
// SQL assignment list with its arguments, or mem for a NoState run.
func (l *Library) setArticleState(ctx context.Context, op string, ids []string, mem func(*ArticleState), set string, args ...any) error {
	if l.noState {
		if err := l.checkIDs(ctx, op, ids); err != nil {
			return err
		}
		l.mem.mu.Lock()
		defer l.mem.mu.Unlock()
		for _, id := range ids {
			s := l.mem.articles[id]
			mem(&s)
			l.mem.articles[id] = s
		}
		return nil
	}
	// The assignment list is one of this file's constants, never input.
	q := `INSERT INTO article_state (n, updated_at) SELECT n, ? FROM articles WHERE id = ?
		ON CONFLICT (n) DO NOTHING`
	upd := `UPDATE article_state SET ` + set + `, updated_at = ? WHERE n = (SELECT n FROM articles WHERE id = ?)`
	return l.write(ctx, op, func(tx *sql.Tx) error {
		now := time.Now().Unix()
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, q, now, id); err != nil {
				return err
			}
			r, err := tx.ExecContext(ctx, upd, append(append([]any{}, args...), now, id)...)
			if err != nil {
				return err
			}
			if n, err := r.RowsAffected(); err != nil || n == 0 {
				return errors.Join(err, fmt.Errorf("%w: no article has id %q", ErrNotFound, id))
			}
		}
		return nil
	})
}

// checkIDs reports the first of ids that is not stored.
func (l *Library) checkIDs(ctx context.Context, op string, ids []string) error {
	for _, id := range ids {
		var one int
		err := l.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return l.fail(op, fmt.Errorf("%w: no article has id %q", ErrNotFound, id))
		}
		if err != nil {
			return l.fail(op, err)
		}
	}
	return nil
}

// ClearMarks unmarks every article.
func (l *Library) ClearMarks(ctx context.Context) error {
	if l.noState {
		l.mem.mu.Lock()
		defer l.mem.mu.Unlock()
		for id, s := range l.mem.articles {
			s.Marked = false
			l.mem.articles[id] = s
		}
		return nil
	}
	return l.write(ctx, "clear marks", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE article_state SET marked = 0, updated_at = ? WHERE marked = 1`, time.Now().Unix())
		return err
	})
}

// Marked returns the ids of the marked articles, in the order they were
// added to the library.
func (l *Library) Marked(ctx context.Context) ([]string, error) {
	if l.noState {
		l.mem.mu.Lock()
		var ids []string
		for id, s := range l.mem.articles {
			if s.Marked {
				ids = append(ids, id)
			}
		}
		l.mem.mu.Unlock()
		return l.inAddedOrder(ctx, ids)
	}
	rows, err := l.r.QueryContext(ctx, `SELECT a.id FROM article_state s JOIN articles a ON a.n = s.n
		WHERE s.marked = 1 ORDER BY s.n`)
	if err != nil {
		return nil, l.fail("read marks", err)
	}
	ids, err := scanStrings(rows)
	return ids, l.fail("read marks", err)
}

// ReadIDs returns the ids of the articles read, in the order they were
// added to the library, so that a list of headers can show which are
// unread without reading each article's state.
func (l *Library) ReadIDs(ctx context.Context) ([]string, error) {
	if l.noState {
		l.mem.mu.Lock()
		var ids []string
		for id, s := range l.mem.articles {
			if s.Read {
				ids = append(ids, id)
			}
		}
		l.mem.mu.Unlock()
		return l.inAddedOrder(ctx, ids)
	}
	rows, err := l.r.QueryContext(ctx, `SELECT a.id FROM article_state s JOIN articles a ON a.n = s.n
		WHERE s.is_read = 1 ORDER BY s.n`)
	if err != nil {
		return nil, l.fail("read the read articles", err)
	}
	ids, err := scanStrings(rows)
	return ids, l.fail("read the read articles", err)
}

// inAddedOrder sorts ids by the articles' numbers, dropping ids no longer
// stored.
func (l *Library) inAddedOrder(ctx context.Context, ids []string) ([]string, error) {
	type num struct {
		id string
		n  int64
	}
	var nums []num
	for _, id := range ids {
		var n int64
		err := l.r.QueryRowContext(ctx, `SELECT n FROM articles WHERE id = ?`, id).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, l.fail("read marks", err)
		}
		nums = append(nums, num{id, n})
	}
	sort.Slice(nums, func(i, j int) bool { return nums[i].n < nums[j].n })
	out := make([]string, len(nums))
	for i, x := range nums {
		out[i] = x.id
	}
	return out, nil
}

// ArticleState returns the reader's state of one article (the zero state
// for an article never marked, read or opened).
func (l *Library) ArticleState(ctx context.Context, id string) (ArticleState, error) {
	if l.noState {
		l.mem.mu.Lock()
		defer l.mem.mu.Unlock()
		return l.mem.articles[id], nil
	}
	var s ArticleState
	err := l.r.QueryRowContext(ctx, `SELECT s.marked, s.is_read, s.paragraph, s.para_pos
		FROM article_state s JOIN articles a ON a.n = s.n WHERE a.id = ?`, id).
		Scan(&s.Marked, &s.Read, &s.Position.Paragraph, &s.Position.Offset)
	if errors.Is(err, sql.ErrNoRows) {
		return ArticleState{}, nil
	}
	return s, l.fail("read state of "+id, err)
}

// fillState sets the Marked and Read flags of rows read without the
// database's state (a NoState run).
func (l *Library) fillState(rows []Row) {
	if !l.noState {
		return
	}
	l.mem.mu.Lock()
	defer l.mem.mu.Unlock()
	for i := range rows {
		s := l.mem.articles[rows[i].ID]
		rows[i].Marked, rows[i].Read = s.Marked, s.Read
	}
}
