package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// FileName is the name of the library's database file in its folder.
const FileName = "library.db"

// EnvLibrary names the environment variable that overrides the library's
// location: the path of the database file.
const EnvLibrary = "PMUREADER_LIBRARY"

// pageSize is the database's page size. Compressed bodies of 2–3 KB fill
// 4 KB pages (SQLite's default) to little more than half, one to a page;
// 16 KB pages hold five or six, and the full-text index's pages fill
// better too.
const pageSize = 16384

// DefaultBusyTimeout is how long a write waits, by default, for another
// process's write to the same library to finish.
const DefaultBusyTimeout = 5 * time.Second

// Errors the library's errors wrap, for errors.Is. Each error also names
// the library's file.
var (
	// ErrNewerVersion: the file was written by a newer pmureader whose
	// schema this one does not know.
	ErrNewerVersion = errors.New("library is from a newer version of pmureader")
	// ErrNotLibrary: the file is not an SQLite database, is damaged, or is
	// another program's database.
	ErrNotLibrary = errors.New("not a pmureader library, or damaged")
	// ErrLocked: another process held the library for longer than the busy
	// timeout.
	ErrLocked = errors.New("library is locked by another process")
	// ErrFull: the disk (or the database's size limit) is full; the write
	// that hit it was rolled back.
	ErrFull = errors.New("disk full")
	// ErrNotFound: no article has that id.
	ErrNotFound = errors.New("not found")
	// ErrFeatured: an article of a feature batch already has features of
	// that version (another grouping saved them meanwhile).
	ErrFeatured = errors.New("already has features")
	// ErrAmbiguous: an id prefix matches several articles.
	ErrAmbiguous = errors.New("ambiguous")
)

// Options tunes Open. The zero value is the default.
type Options struct {
	// BusyTimeout is how long a write waits for another process's write
	// to finish before failing with ErrLocked; 0 means DefaultBusyTimeout.
	BusyTimeout time.Duration
	// NoState keeps the reader's state (marks, read and unread, positions,
	// sort order: see state.go) out of the database for this run: it is
	// neither read nor written, and the state methods work on an empty
	// in-memory copy that Close drops. Articles, feeds and stories are
	// stored as usual.
	NoState bool
	// Readers is the most connections reading at once; 0 means 4.
	Readers int
	// MaxSize, when > 0, caps the database file at about that many bytes
	// (PRAGMA max_page_count on the writing connection, in whole pages): a
	// write that would grow it further fails with ErrFull, as on a full
	// disk, and is rolled back. Tests use it to simulate a full disk.
	MaxSize int64
}

// Library is an open library. Its methods are safe for concurrent use:
// reads run in parallel on several connections while one connection makes
// every write, each in a transaction.
type Library struct {
	path    string
	w       *sql.DB // one connection; every write goes through it
	r       *sql.DB // read-only connections
	busy    time.Duration
	noState bool
	mem     *memState // the state while NoState is set

	closeOnce sync.Once
	closeErr  error
}

// DefaultPath returns where the library lives when --library is not given:
// $PMUREADER_LIBRARY when set; else $XDG_DATA_HOME/pmureader/library.db
// when XDG_DATA_HOME is an absolute path (the XDG rule: a relative one is
// ignored); else $HOME/.local/share/pmureader/library.db. getenv is
// os.Getenv or a test's stand-in.
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv(EnvLibrary); p != "" {
		return p, nil
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "pmureader", FileName), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", fmt.Errorf("cannot place the library: neither %s, XDG_DATA_HOME nor HOME is set (use --library PATH)", EnvLibrary)
	}
	return filepath.Join(home, ".local", "share", "pmureader", FileName), nil
}

// Open opens the library at path, creating its folder (mode 0700) and the
// database (mode 0600) when they do not exist, and brings an older schema
// up to date in one transaction. A file from a newer pmureader
// (ErrNewerVersion), a file that is not a library or is damaged
// (ErrNotLibrary) and a library another process holds (ErrLocked) are
// refused with an error naming the file.
//
// Open does no work that grows with the library: it reads the schema
// version and nothing else, so a library of a million articles opens as
// fast as an empty one.
func Open(ctx context.Context, path string, opt Options) (*Library, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	if err := prepareFile(abs); err != nil {
		return nil, err
	}
	l := &Library{path: abs, busy: opt.BusyTimeout, noState: opt.NoState}
	if l.busy <= 0 {
		l.busy = DefaultBusyTimeout
	}
	if opt.NoState {
		l.mem = newMemState()
	}
	if err := l.openPools(ctx, opt); err != nil {
		return nil, err
	}
	if err := l.migrate(ctx, migrations); err != nil {
		l.Close() //nolint:errcheck // the migration error is the one to report
		return nil, err
	}
	return l, nil
}

// prepareFile creates the library's folder (0700) and, when it does not
// exist, an empty database file (0600: SQLite gives its -wal and -shm
// files the database's mode). A path that is a folder is refused.
func prepareFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("library %s: cannot create its folder: %w", path, err)
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil && !errors.Is(err, fs.ErrExist) { // another process may have just made it
			return fmt.Errorf("library %s: %w", path, err)
		}
		if f != nil {
			return f.Close()
		}
		return nil
	case err != nil:
		return fmt.Errorf("library %s: %w", path, err)
	case st.IsDir():
		return fmt.Errorf("library %s: is a folder; give the path of the database file (for example %s)", path, filepath.Join(path, FileName))
	case !st.Mode().IsRegular():
		return fmt.Errorf("library %s: %w: not a regular file", path, ErrNotLibrary)
	}
	return nil
}

// openPools opens the writing and the reading connections and checks that
// the file can be read as a database.
func (l *Library) openPools(ctx context.Context, opt Options) error {
	readers := opt.Readers
	if readers <= 0 {
		readers = 4
	}
	w, err := sql.Open("sqlite", l.dsn(true, maxPages(opt.MaxSize)))
	if err != nil {
		return l.fail("open", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	l.w = w
	// The page size only takes on a new, empty file, and must be set
	// before the switch to WAL; on an existing library both are no-ops.
	if _, err := w.ExecContext(ctx, "PRAGMA page_size = "+strconv.Itoa(pageSize)+"; PRAGMA journal_mode = WAL"); err != nil {
		w.Close() //nolint:errcheck // the first error is the one to report
		return l.fail("open", err)
	}
	r, err := sql.Open("sqlite", l.dsn(false, 0))
	if err != nil {
		w.Close() //nolint:errcheck // the open error is the one to report
		return l.fail("open", err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	r.SetConnMaxIdleTime(0)
	l.r = r
	return nil
}

// maxPages is the page count a size cap allows: none for 0, at least one
// for any cap.
func maxPages(size int64) int {
	if size <= 0 {
		return 0
	}
	return int(max(size/pageSize, 1))
}

// dsn is the modernc.org/sqlite data source name of the library: a file:
// URI (so that any character in the path is escaped) with the pragmas
// every connection gets. Writes begin IMMEDIATE so that a transaction
// never fails half-way for want of the write lock; readers are query_only.
func (l *Library) dsn(writer bool, pages int) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(l.path)}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(l.busy.Milliseconds(), 10)+")")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "temp_store(MEMORY)")
	if writer {
		q.Add("_pragma", "cache_size(-65536)")
		q.Set("_txlock", "immediate")
		if pages > 0 {
			q.Add("_pragma", "max_page_count("+strconv.Itoa(pages)+")")
		}
	} else {
		q.Add("_pragma", "cache_size(-16384)")
		q.Add("_pragma", "query_only(1)")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Path returns the absolute path of the library's database file.
func (l *Library) Path() string { return l.path }

// Close closes the library. A checkpoint folds the write-ahead log into
// the database file first, so that a closed library is one file.
func (l *Library) Close() error {
	l.closeOnce.Do(func() {
		var errs []error
		if l.r != nil {
			errs = append(errs, l.r.Close())
		}
		if l.w != nil {
			// A failed checkpoint loses nothing: the log stays beside
			// the file and is replayed on the next open.
			_, _ = l.w.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
			errs = append(errs, l.w.Close())
		}
		if err := errors.Join(errs...); err != nil {
			l.closeErr = fmt.Errorf("library %s: close: %w", l.path, err)
		}
	})
	return l.closeErr
}

// fail turns an error met while doing op into one that names the
// library's file ("library PATH: op: cause") and, where the cause is one a
// user can act on, wraps ErrLocked, ErrFull or ErrNotLibrary as well as the
// cause. An empty op is left out.
func (l *Library) fail(op string, err error) error {
	if err == nil {
		return nil
	}
	prefix := "library " + l.path
	if op != "" {
		prefix += ": " + op
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return fmt.Errorf("%s: %w (waited %v; is another pmureader writing to it?): %w", prefix, ErrLocked, l.busy, err)
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%s: %w: nothing of this change was stored; free some space and try again: %w", prefix, ErrFull, err)
		case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%s: %w: %w", prefix, ErrNotLibrary, err)
		case sqlite3.SQLITE_INTERRUPT:
			return fmt.Errorf("%s: %w: %w", prefix, context.Canceled, err)
		}
	}
	return fmt.Errorf("%s: %w", prefix, err)
}
