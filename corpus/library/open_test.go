package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDefaultPath(t *testing.T) {
	env := func(kv map[string]string) func(string) string {
		return func(k string) string { return kv[k] }
	}
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"override wins", map[string]string{EnvLibrary: "/x/lib.db", "XDG_DATA_HOME": "/d", "HOME": "/h"}, "/x/lib.db"},
		{"xdg", map[string]string{"XDG_DATA_HOME": "/d", "HOME": "/h"}, "/d/pmureader/library.db"},
		{"relative xdg ignored", map[string]string{"XDG_DATA_HOME": "rel", "HOME": "/h"}, "/h/.local/share/pmureader/library.db"},
		{"home", map[string]string{"HOME": "/h"}, "/h/.local/share/pmureader/library.db"},
	}
	for _, c := range cases {
		got, err := DefaultPath(env(c.env))
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.name, got, err, c.want)
		}
	}
	if _, err := DefaultPath(env(nil)); err == nil || !strings.Contains(err.Error(), "--library") {
		t.Errorf("no HOME: want an error naming --library, got %v", err)
	}
}

func TestOpenCreatesPrivateFolderAndFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, FileName)
	l, err := Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustAdd(t, l, article("a", "T", "O", "", "Body words here."))
	st, err := os.Stat(dir)
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Fatalf("folder mode %v, %v; want 0700", st.Mode(), err)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		st, err = os.Stat(f)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("%s mode %v, %v; want 0600", f, st.Mode(), err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopening keeps the schema and finds nothing to migrate.
	l, err = Open(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var v int
	if err := l.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != SchemaVersion() {
		t.Fatalf("user_version %d, %v; want %d", v, err, SchemaVersion())
	}
	var mode string
	if err := l.w.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode %q, %v", mode, err)
	}
	var ps int
	if err := l.w.QueryRow("PRAGMA page_size").Scan(&ps); err != nil || ps != pageSize {
		t.Fatalf("page_size %d, %v; want %d", ps, err, pageSize)
	}
	var fk int
	if err := l.w.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys %d, %v", fk, err)
	}
}

func TestOpenRefusesNewerVersion(t *testing.T) {
	l, path := openTemp(t)
	if _, err := l.w.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	l.Close()
	_, err := Open(context.Background(), path, Options{})
	if !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("want ErrNewerVersion, got %v", err)
	}
	for _, want := range []string{path, "version 99", fmt.Sprintf("up to %d", SchemaVersion())} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

func TestOpenRefusesGarbageAndForeignFiles(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("this is not a database\n", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), garbage, Options{})
	if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), garbage) {
		t.Fatalf("garbage: want ErrNotLibrary naming the file, got %v", err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE t (x)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(context.Background(), foreign, Options{})
	if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), "another program") {
		t.Fatalf("foreign: want ErrNotLibrary, another program, got %v", err)
	}
	if _, err := Open(context.Background(), dir, Options{}); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("folder: got %v", err)
	}
}

func TestOpenDamagedFileFailsOnUse(t *testing.T) {
	l, path := openTemp(t)
	mustAdd(t, l, article("a", "Title", "Outlet", "", "Some body text here."))
	l.Close()
	// Overwrite everything after the header page with noise.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	l2, err := Open(context.Background(), path, Options{})
	if err == nil {
		defer l2.Close()
		_, err = l2.Get(context.Background(), "a")
	}
	if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), path) {
		t.Fatalf("want ErrNotLibrary naming the file, got %v", err)
	}
}

func TestLockedLibrary(t *testing.T) {
	l, path := openTemp(t)
	// Another process's long write: hold the write lock.
	other, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	l2, err := Open(context.Background(), path, Options{BusyTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatalf("opening a library another process writes to must work (WAL): %v", err)
	}
	defer l2.Close()
	_, err = l2.Add(context.Background(), entries(article("a", "T", "O", "", "Body words here.")))
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Fatalf("want ErrLocked naming the file, got %v", err)
	}
	// Readers are not blocked.
	if _, err := l2.Count(context.Background()); err != nil {
		t.Fatalf("count while locked: %v", err)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	mustAdd(t, l, article("b", "T", "O", "", "Other body words here."))
}

func TestMigrationsUpgradeInOneTransaction(t *testing.T) {
	l, path := openTemp(t)
	mustAdd(t, l, article("a", "T", "O", "", "Body words here."))
	cur := SchemaVersion()
	next := append(append([]migration{}, migrations...),
		migration{version: cur + 1, name: "test column", sql: `ALTER TABLE feeds ADD COLUMN note TEXT NOT NULL DEFAULT ''`})
	if err := l.migrate(context.Background(), next); err != nil {
		t.Fatal(err)
	}
	var v int
	if err := l.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != cur+1 {
		t.Fatalf("user_version %d, %v; want %d", v, err, cur+1)
	}
	// A failing migration leaves no trace: not its first statement, not
	// the version.
	broken := append(append([]migration{}, next...),
		migration{version: cur + 2, name: "broken", sql: `CREATE TABLE extra (x); INSERT INTO no_such_table VALUES (1)`})
	err := l.migrate(context.Background(), broken)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("from version %d to %d", cur+1, cur+2)) || !strings.Contains(err.Error(), path) {
		t.Fatalf("want a migration error naming versions and file, got %v", err)
	}
	if err := l.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != cur+1 {
		t.Fatalf("after failure user_version %d, %v; want %d", v, err, cur+1)
	}
	var n int
	if err := l.r.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("table of the failed migration exists: %d, %v", n, err)
	}
	// This pmureader (version cur) now refuses the library.
	l.Close()
	if _, err := Open(context.Background(), path, Options{}); !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("want ErrNewerVersion, got %v", err)
	}
}
