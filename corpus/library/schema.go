package library

import (
	"context"
	"database/sql"
	"fmt"
)

// applicationID marks an SQLite file as a pmureader library
// (PRAGMA application_id): "pmur" in ASCII.
const applicationID = 0x706d7572

// migration brings the schema from version-1 to version. Migrations run in
// order, all that a library lacks in one transaction, so a library is
// always at one version or the next, never between.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the schema's history. Append, never edit: a library
// written by an older pmureader replays the ones it lacks. README.md's
// "The library" section documents the current schema.
var migrations = []migration{
	{version: 1, name: "articles, search, state, feeds, imports, stories", sql: schemaV1},
	{version: 2, name: "derived titles and copies", sql: schemaV2},
}

// SchemaVersion is the schema version this pmureader writes.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

const schemaV1 = `
CREATE TABLE stories (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	pinned     INTEGER NOT NULL DEFAULT 0,
	score      REAL NOT NULL DEFAULT 0,
	related    TEXT NOT NULL DEFAULT '[]',
	updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
	n              INTEGER PRIMARY KEY,
	id             TEXT NOT NULL UNIQUE,
	title          TEXT NOT NULL,
	title_key      TEXT,
	dek            TEXT NOT NULL,
	outlet         TEXT NOT NULL,
	outlet_key     TEXT,
	via            TEXT NOT NULL,
	outlet_profile TEXT NOT NULL,
	author         TEXT NOT NULL,
	date           INTEGER,
	date_offset    INTEGER NOT NULL,
	date_precision TEXT NOT NULL,
	date_note      TEXT NOT NULL,
	url            TEXT NOT NULL,
	canonical_url  TEXT,
	event          TEXT NOT NULL,
	story_pin      TEXT NOT NULL,
	story          TEXT REFERENCES stories(id) ON DELETE SET NULL,
	format         TEXT NOT NULL,
	words          INTEGER NOT NULL,
	source_file    TEXT NOT NULL,
	source_start   INTEGER NOT NULL,
	source_end     INTEGER NOT NULL,
	body_hash      BLOB NOT NULL,
	fetched_from   TEXT NOT NULL,
	fetched_at     INTEGER,
	added_at       INTEGER NOT NULL
);
CREATE INDEX articles_by_date   ON articles(date, id);
CREATE INDEX articles_by_outlet ON articles(outlet_key, id);
CREATE INDEX articles_by_title  ON articles(title_key, id);
CREATE UNIQUE INDEX articles_by_url  ON articles(canonical_url, ifnull(title_key, '')) WHERE canonical_url IS NOT NULL;
CREATE UNIQUE INDEX articles_by_hash ON articles(body_hash);
CREATE INDEX articles_by_story  ON articles(story) WHERE story IS NOT NULL;

CREATE TABLE documents (
	n   INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
	doc BLOB NOT NULL
);

CREATE TABLE html (
	n    INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
	html BLOB NOT NULL
);

CREATE VIRTUAL TABLE words USING fts5(
	title, body,
	content = '', contentless_delete = 1,
	tokenize = 'ascii', detail = full
);

CREATE TABLE counts (
	name TEXT PRIMARY KEY,
	n    INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counts VALUES ('articles', 0);

CREATE TRIGGER articles_added AFTER INSERT ON articles BEGIN
	UPDATE counts SET n = n + 1 WHERE name = 'articles';
END;
CREATE TRIGGER articles_removed AFTER DELETE ON articles BEGIN
	UPDATE counts SET n = n - 1 WHERE name = 'articles';
	DELETE FROM words WHERE rowid = old.n;
	DELETE FROM stories WHERE id = old.story
		AND NOT EXISTS (SELECT 1 FROM articles WHERE story = old.story);
END;

CREATE TABLE features (
	n       INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	data    BLOB NOT NULL
);
CREATE INDEX features_by_version ON features(version, n);

CREATE TABLE state (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE article_state (
	n          INTEGER PRIMARY KEY REFERENCES articles(n) ON DELETE CASCADE,
	marked     INTEGER NOT NULL DEFAULT 0,
	is_read    INTEGER NOT NULL DEFAULT 0,
	paragraph  INTEGER NOT NULL DEFAULT 0,
	para_pos   INTEGER NOT NULL DEFAULT 0,
	updated_at INTEGER NOT NULL
);
CREATE INDEX article_state_marked ON article_state(n) WHERE marked = 1;

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_fetched  INTEGER,
	last_error    TEXT NOT NULL DEFAULT '',
	added_at      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE imports (
	source      TEXT PRIMARY KEY,
	size        INTEGER NOT NULL,
	head        BLOB NOT NULL,
	pos         INTEGER NOT NULL,
	records     INTEGER NOT NULL,
	lines       INTEGER NOT NULL,
	added       INTEGER NOT NULL,
	duplicates  INTEGER NOT NULL,
	problems    INTEGER NOT NULL,
	started_at  INTEGER NOT NULL,
	updated_at  INTEGER NOT NULL,
	finished_at INTEGER
) WITHOUT ROWID;
`

// schemaV2 keeps what the loader marks on an article: a title made from
// its body (Article.TitleDerived) and the article it republishes
// (Article.CopyOf). A republication has its original's body hash, so the
// hash is no longer unique: corpus/dedupe's rule, not the index, tells a
// duplicate from a copy.
const schemaV2 = `
ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN copy_of TEXT NOT NULL DEFAULT '';
DROP INDEX articles_by_hash;
CREATE INDEX articles_by_hash ON articles(body_hash);
`

// schemaInfo is what a file says about itself.
type schemaInfo struct {
	app, version, objects int
}

func readSchemaInfo(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (schemaInfo, error) {
	var si schemaInfo
	if err := q.QueryRowContext(ctx, "PRAGMA application_id").Scan(&si.app); err != nil {
		return si, err
	}
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&si.version); err != nil {
		return si, err
	}
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&si.objects)
	return si, err
}

// check refuses a file that is another program's database or a newer
// library, and reports whether ms has migrations it lacks.
func (l *Library) check(si schemaInfo, ms []migration) (stale bool, err error) {
	latest := ms[len(ms)-1].version
	switch {
	case si.version == 0 && si.objects == 0:
		return true, nil // a new, empty file
	case si.app != applicationID:
		return false, fmt.Errorf("library %s: %w: it is an SQLite database of another program (application id %#x, schema version %d)", l.path, ErrNotLibrary, si.app, si.version)
	case si.version > latest:
		return false, fmt.Errorf("library %s: %w: its schema is version %d and this pmureader knows versions up to %d; use a newer pmureader, or another library (--library PATH)", l.path, ErrNewerVersion, si.version, latest)
	}
	return si.version < latest, nil
}

// migrate brings the library's schema up to the last of ms. Checking takes
// no lock (another process may be importing); only a library that needs a
// migration takes the write lock, checks again under it, and applies every
// missing migration in one transaction.
func (l *Library) migrate(ctx context.Context, ms []migration) error {
	si, err := readSchemaInfo(ctx, l.r)
	if err != nil {
		return l.fail("open", err)
	}
	stale, err := l.check(si, ms)
	if err != nil || !stale {
		return err
	}
	tx, err := l.w.BeginTx(ctx, nil)
	if err != nil {
		return l.fail("open", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if si, err = readSchemaInfo(ctx, tx); err != nil {
		return l.fail("open", err)
	}
	if stale, err = l.check(si, ms); err != nil || !stale {
		return err
	}
	for _, m := range ms {
		if m.version <= si.version {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return l.fail(fmt.Sprintf("upgrade the schema from version %d to %d (%s)", si.version, m.version, m.name), err)
		}
	}
	latest := ms[len(ms)-1].version
	// PRAGMA takes no parameters; both values are integers of ours.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d; PRAGMA user_version = %d", applicationID, latest)); err != nil {
		return l.fail("open", err)
	}
	if err := tx.Commit(); err != nil {
		return l.fail("open", err)
	}
	return nil
}
