package library

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// Field is what the library list is sorted by.
type Field int

// The fields the list can be sorted by.
const (
	ByDate   Field = iota // publication date
	ByOutlet              // outlet, folded (case and accents ignored)
	ByTitle               // title, folded
)

var fieldNames = [...]string{ByDate: "date", ByOutlet: "outlet", ByTitle: "title"}

// fieldColumns are the sort columns; each has an index on (column, id).
var fieldColumns = [...]string{ByDate: "a.date", ByOutlet: "a.outlet_key", ByTitle: "a.title_key"}

func (f Field) String() string {
	if f < 0 || int(f) >= len(fieldNames) {
		return fmt.Sprintf("Field(%d)", int(f))
	}
	return fieldNames[f]
}

// Sort is an order of the library list: by a field, ascending or
// descending, ties broken by id in the same direction. Articles without
// a value for the field (no date, no outlet, no title) come last in both
// directions, by id.
type Sort struct {
	By   Field
	Desc bool
}

// DefaultSort is newest first.
var DefaultSort = Sort{By: ByDate, Desc: true}

// String renders the order as "date" or "-date" (descending).
func (s Sort) String() string {
	if s.Desc {
		return "-" + s.By.String()
	}
	return s.By.String()
}

// ParseSort reads what String writes.
func ParseSort(v string) (Sort, error) {
	var s Sort
	name, desc := strings.CutPrefix(v, "-")
	s.Desc = desc
	i := slices.Index(fieldNames[:], name)
	if i < 0 {
		return s, fmt.Errorf("unknown sort order %q (want date, outlet or title, with - for descending)", v)
	}
	s.By = Field(i)
	return s, nil
}

func (s Sort) valid() bool { return s.By >= 0 && int(s.By) < len(fieldColumns) }

// Header is an article's metadata without its body: what the library list
// and the in-memory title search need, kept small so that a million fit in
// memory (about 200 bytes each with their text).
type Header struct {
	N      int64 // the article's number in the database (see Record.N)
	ID     string
	Title  string
	Outlet string
	Author string
	Story  string // the story grouping put it in; "" when none
	// Unix is the publication date in seconds since 1970 (UTC) when Dated.
	Unix      int64
	Dated     bool
	Precision corpus.Precision
	Words     int32
	// TitleDerived and CopyOf are the article's (see corpus.Article).
	TitleDerived bool
	CopyOf       string
}

// Date returns the header's date as the article has it (without its
// note, and in UTC).
func (h *Header) Date() corpus.Date {
	if !h.Dated {
		return corpus.Date{}
	}
	return corpus.Date{Time: time.Unix(h.Unix, 0).UTC(), Precision: h.Precision}
}

// Row is one row of the library list: a header and what the list shows
// beside it.
type Row struct {
	Header
	Via       string
	StoryName string // the name of Story
	Marked    bool
	Read      bool

	outletKey, titleKey sql.NullString // the sort keys, for Key
}

// Key is a position in the list in one sort order: just after (for Page)
// or just before (for PageBefore) the row it was taken from. The zero Key
// is the list's start for Page and its end for PageBefore.
type Key struct {
	set     bool
	missing bool // the row has no value for the field: it sorts last
	val     any  // the row's value for the field: int64 (date) or string
	id      string
}

// IsZero reports whether k is the zero Key.
func (k Key) IsZero() bool { return !k.set }

// Key returns the row's position in order s.
func (r *Row) Key(s Sort) Key {
	k := Key{set: true, id: r.ID}
	switch s.By {
	case ByDate:
		k.val, k.missing = r.Unix, !r.Dated
	case ByOutlet:
		k.val, k.missing = r.outletKey.String, !r.outletKey.Valid
	default:
		k.val, k.missing = r.titleKey.String, !r.titleKey.Valid
	}
	return k
}

const rowCols = `a.n, a.id, a.title, a.outlet, a.author, ifnull(a.story, ''), a.date, a.date_precision,
	a.words, a.via, ifnull(s.name, ''), ifnull(st.marked, 0), ifnull(st.is_read, 0), a.outlet_key, a.title_key,
	a.title_derived, a.copy_of`

// rowJoins adds what a Row shows beside the article: its story's name and
// its state.
const rowJoins = ` LEFT JOIN stories s ON s.id = a.story LEFT JOIN article_state st ON st.n = a.n `

const rowFrom = ` FROM articles a` + rowJoins

// scanRow reads the rowCols of one row, then any extra columns into extra.
func scanRow(rows *sql.Rows, extra ...any) (Row, error) {
	var r Row
	var date sql.NullInt64
	var precision string
	err := rows.Scan(append([]any{&r.N, &r.ID, &r.Title, &r.Outlet, &r.Author, &r.Story, &date, &precision,
		&r.Words, &r.Via, &r.StoryName, &r.Marked, &r.Read, &r.outletKey, &r.titleKey, &r.TitleDerived, &r.CopyOf}, extra...)...)
	neutralize(&r.ID, &r.Title, &r.Outlet, &r.Author, &r.Story, &precision, &r.Via, &r.StoryName, &r.CopyOf)
	r.Unix, r.Dated = date.Int64, date.Valid
	r.Precision = corpus.Precision(precision)
	return r, err
}

// segment is one of the two runs of the list: rows with a value for the
// sort field (sorted by it, then id) and rows without (by id).
type segment struct {
	s       Sort
	missing bool
	back    bool // walk against the list's order
}

// query returns the SQL and arguments for up to n rows of the segment
// after (or, walking back, before) key k; k unset means from the
// segment's first (or, walking back, last) row.
func (g segment) query(k Key, n int) (string, []any) {
	col := fieldColumns[g.s.By]
	desc := g.s.Desc != g.back
	dir, cmp := "ASC", ">"
	if desc {
		dir, cmp = "DESC", "<"
	}
	var where string
	var args []any
	if g.missing {
		where = col + " IS NULL"
		if k.set {
			where += " AND a.id " + cmp + " ?"
			args = append(args, k.id)
		}
		args = append(args, n)
		return `SELECT ` + rowCols + rowFrom + `WHERE ` + where + ` ORDER BY a.id ` + dir + ` LIMIT ?`, args
	}
	where = col + " IS NOT NULL"
	if k.set {
		where += " AND (" + col + ", a.id) " + cmp + " (?, ?)"
		args = append(args, k.val, k.id)
	}
	args = append(args, n)
	return `SELECT ` + rowCols + rowFrom + `WHERE ` + where + ` ORDER BY ` + col + ` ` + dir + `, a.id ` + dir + ` LIMIT ?`, args
}

// fetch reads up to n rows of a segment from k.
func (l *Library) fetch(ctx context.Context, g segment, k Key, n int) ([]Row, error) {
	q, args := g.query(k, n)
	rows, err := l.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]Row, 0, n)
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Page returns up to n rows of the list in order s that come after key
// (from the start for the zero Key). It walks an index from the key, so a
// page costs the same anywhere in a list of any size.
func (l *Library) Page(ctx context.Context, s Sort, after Key, n int) ([]Row, error) {
	if !s.valid() {
		return nil, l.fail("list", fmt.Errorf("bad sort order %v", s))
	}
	var out []Row
	if !after.missing {
		rows, err := l.fetch(ctx, segment{s: s}, after, n)
		if err != nil {
			return nil, l.fail("list", err)
		}
		out = rows
		after = Key{}
	}
	if len(out) < n {
		rows, err := l.fetch(ctx, segment{s: s, missing: true}, after, n-len(out))
		if err != nil {
			return nil, l.fail("list", err)
		}
		out = append(out, rows...)
	}
	l.fillState(out)
	return out, nil
}

// PageBefore returns up to n rows of the list in order s that come just
// before key, in list order (the list's last rows for the zero Key), for
// scrolling up.
func (l *Library) PageBefore(ctx context.Context, s Sort, before Key, n int) ([]Row, error) {
	if !s.valid() {
		return nil, l.fail("list", fmt.Errorf("bad sort order %v", s))
	}
	var out []Row
	if !before.set || before.missing {
		rows, err := l.fetch(ctx, segment{s: s, missing: true, back: true}, before, n)
		if err != nil {
			return nil, l.fail("list", err)
		}
		out = rows
		before = Key{}
	}
	if len(out) < n {
		rows, err := l.fetch(ctx, segment{s: s, back: true}, before, n-len(out))
		if err != nil {
			return nil, l.fail("list", err)
		}
		out = append(out, rows...)
	}
	slices.Reverse(out)
	l.fillState(out)
	return out, nil
}

// KeyOf returns the position of the article with this id in order s, to
// put the list's cursor back on it after a change of order: Page from the
// key gives the rows after the article, PageBefore the rows before it.
func (l *Library) KeyOf(ctx context.Context, s Sort, id string) (Key, error) {
	if !s.valid() {
		return Key{}, l.fail("list", fmt.Errorf("bad sort order %v", s))
	}
	rows, err := l.r.QueryContext(ctx, `SELECT `+rowCols+rowFrom+`WHERE a.id = ?`, id)
	if err != nil {
		return Key{}, l.fail("list", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return Key{}, l.fail("list", err)
		}
		return Key{}, l.fail("list", fmt.Errorf("%w: no article has id %q", ErrNotFound, id))
	}
	r, err := scanRow(rows)
	if err != nil {
		return Key{}, l.fail("list", err)
	}
	return r.Key(s), nil
}

// Position returns how many rows of the list in order s come before key
// (0 for the zero Key), for a scroll bar or "row 1,234 of 1,000,000". It
// counts index entries, so it costs time in proportion to the answer
// (tens of milliseconds at a million rows).
func (l *Library) Position(ctx context.Context, s Sort, k Key) (int, error) {
	if !s.valid() {
		return 0, l.fail("list", fmt.Errorf("bad sort order %v", s))
	}
	if !k.set {
		return 0, nil
	}
	col := fieldColumns[s.By]
	cmp := "<"
	if s.Desc {
		cmp = ">"
	}
	var n, m int
	if !k.missing {
		err := l.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+col+` IS NOT NULL AND (`+col+`, a.id) `+cmp+` (?, ?)`, k.val, k.id).Scan(&n)
		return n, l.fail("list", err)
	}
	present, err := l.present(ctx, s)
	if err != nil {
		return 0, err
	}
	err = l.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+col+` IS NULL AND a.id `+cmp+` ?`, k.id).Scan(&m)
	return present + m, l.fail("list", err)
}

// present counts the rows with a value for s's field: all but the
// (usually few) without, which an index counts quickly.
func (l *Library) present(ctx context.Context, s Sort) (int, error) {
	total, err := l.Count(ctx)
	if err != nil {
		return 0, err
	}
	var missing int
	err = l.r.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+fieldColumns[s.By]+` IS NULL`).Scan(&missing)
	return total - missing, l.fail("list", err)
}

// PageAt returns up to n rows of the list in order s from position pos
// (0-based), for a jump (end of list, a scroll bar drag). It skips pos
// entries of an index without reading their rows, so it costs time in
// proportion to pos; scrolling uses Page and PageBefore instead.
func (l *Library) PageAt(ctx context.Context, s Sort, pos, n int) ([]Row, error) {
	if !s.valid() {
		return nil, l.fail("list", fmt.Errorf("bad sort order %v", s))
	}
	if pos <= 0 {
		return l.Page(ctx, s, Key{}, n)
	}
	k, ok, err := l.keyAt(ctx, s, pos-1)
	if err != nil || !ok {
		return nil, err
	}
	return l.Page(ctx, s, k, n)
}

// keyAt returns the key of the row at position pos, reading only the sort
// index.
func (l *Library) keyAt(ctx context.Context, s Sort, pos int) (Key, bool, error) {
	present, err := l.present(ctx, s)
	if err != nil {
		return Key{}, false, err
	}
	col := fieldColumns[s.By]
	dir := "ASC"
	if s.Desc {
		dir = "DESC"
	}
	k := Key{set: true}
	var row *sql.Row
	if pos < present {
		row = l.r.QueryRowContext(ctx, `SELECT `+col+`, a.id FROM articles a WHERE `+col+` IS NOT NULL
			ORDER BY `+col+` `+dir+`, a.id `+dir+` LIMIT 1 OFFSET ?`, pos)
	} else {
		k.missing = true
		row = l.r.QueryRowContext(ctx, `SELECT NULL, a.id FROM articles a WHERE `+col+` IS NULL
			ORDER BY a.id `+dir+` LIMIT 1 OFFSET ?`, pos-present)
	}
	var v any
	err = row.Scan(&v, &k.id)
	if b, ok := v.([]byte); ok {
		v = string(b)
	}
	if err == sql.ErrNoRows { //nolint:errorlint // Scan returns it unwrapped
		return Key{}, false, nil
	}
	if err != nil {
		return Key{}, false, l.fail("list", err)
	}
	k.val = v
	return k, true, nil
}
