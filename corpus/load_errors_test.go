package corpus_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/pmureader/pmureader/corpus"
)

func TestLoadMissingAndUnsupportedPaths(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Title\n\nBody.", "notes.docx": "x", "meta.yaml": "- file: a.txt\n"})
	missing := filepath.Join(dir, "missing.txt")
	c := mustLoad(t, dir, missing, filepath.Join(dir, "notes.docx"), filepath.Join(dir, "meta.yaml"))
	if len(c.Articles) != 1 {
		t.Errorf("ids %q", ids(c))
	}
	want := []string{
		filepath.Join(dir, "meta.yaml") + ": unsupported format: meta.yaml holds metadata for the .txt files beside it; give their directory or the files",
		missing + ": no such file or directory",
		filepath.Join(dir, "notes.docx") + `: unsupported format ".docx" (want .txt, .md, .markdown, .json, .jsonl, .ndjson, .html or .htm)`,
	}
	var got []string
	for _, p := range c.Problems {
		got = append(got, p.Error())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if p, _ := findProblem(c, "missing.txt", fs.ErrNotExist); p.Path == "" {
		t.Error("missing file problem does not wrap fs.ErrNotExist")
	}
}

func TestLoadPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions are not enforced (TestLoadFSPermissionDenied covers the error path)")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.txt": "Title\n\nBody.", "secret.txt": "Secret\n\nBody.", "locked/x.txt": "X\n\nBody."})
	if err := os.Chmod(filepath.Join(dir, "secret.txt"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.Chmod(filepath.Join(dir, "locked"), 0o755); err != nil {
			t.Error(err)
		}
	})
	c := mustLoad(t, dir)
	if len(c.Articles) != 1 || !hasProblem(c, "secret.txt", 0, false, fs.ErrPermission) || !hasProblem(c, "locked", 0, false, fs.ErrPermission) {
		t.Errorf("ids %q problems %v", ids(c), c.Problems)
	}
}

// denyFS refuses to open some files, as a file system does for files
// without read permission, and records which files were opened.
type denyFS struct {
	fstest.MapFS
	deny   map[string]bool
	mu     sync.Mutex
	opened []string
}

func (d *denyFS) Open(name string) (fs.File, error) {
	d.mu.Lock()
	d.opened = append(d.opened, name)
	d.mu.Unlock()
	if d.deny[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func TestLoadFSPermissionDeniedAndOversizeUnread(t *testing.T) {
	fsys := &denyFS{
		MapFS: fstest.MapFS{
			"ok.txt":       {Data: []byte("Title\n\nBody.")},
			"secret.txt":   {Data: []byte("Secret\n\nBody.")},
			"d/big.json":   {Data: []byte("[" + strings.Repeat(`{"title": "x", "text": "y"},`, 99) + `{"title": "x", "text": "y"}]`)},
			"d/meta.yaml":  {Data: []byte("- file: nothing.txt\n")},
			"d/other.docx": {Data: []byte("<p>ignored</p>")},
		},
		deny: map[string]bool{"secret.txt": true},
	}
	c, err := corpus.LoadFS(context.Background(), fsys, corpus.Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].ID != "ok" {
		t.Errorf("ids %q", ids(c))
	}
	if len(c.Problems) != 2 {
		t.Errorf("problems %v", c.Problems)
	}
	for _, p := range c.Problems {
		switch {
		case p.Path == "secret.txt" && errors.Is(p, fs.ErrPermission) && p.Error() == "secret.txt: permission denied":
		case p.Path == "d/big.json" && errors.Is(p, corpus.ErrTooLarge) && p.Error() == "d/big.json: file too large: 2.7 KB, over the 1000 bytes limit; not read":
		default:
			t.Errorf("unexpected problem %q", p.Error())
		}
	}
	for _, name := range fsys.opened {
		if name == "d/big.json" {
			t.Error("the oversize file was opened")
		}
	}
}

func TestLoadSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"top.txt": "Top\n\nBody.", "a/b/deep.txt": "Deep\n\nBody.", "other/o.txt": "Other\n\nBody."})
	links := map[string]string{
		"a/b/up":     "../..",                       // back to the root being walked: a loop
		"a/self":     "self",                        // a link to itself: unresolvable
		"a/again":    filepath.Join(dir, "other"),   // a second way into a directory: walked once
		"a/file.txt": filepath.Join(dir, "top.txt"), // a link to a file already loaded
		"a/dangling": filepath.Join(dir, "nowhere"), // broken link
		"a/ext.txt":  filepath.Join(dir, "other", "o.txt"),
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("symlinks not available: %v", err)
		}
	}
	c := mustLoad(t, dir)
	// Each file once, under the first path the walk (sorted, depth first)
	// reaches it by: other/o.txt through a/again, top.txt through a/file.txt.
	if got := strings.Join(ids(c), " "); got != "o deep file" {
		t.Errorf("ids %q, want each file once", got)
	}
	if a, _ := c.ByID("o"); a == nil || a.Source.File != filepath.Join(dir, "a", "again", "o.txt") {
		t.Errorf("o loaded from %v", a.Source)
	}
	if !hasProblem(c, "up", 0, false, corpus.ErrSymlinkLoop) {
		t.Errorf("loop not reported: %v", c.Problems)
	}
	if p, _ := findProblem(c, "/a/b/up", corpus.ErrSymlinkLoop); !strings.Contains(p.Error(), "leads back to "+dir) {
		t.Errorf("loop message %q should name the directory it leads back to", p.Error())
	}
	if !hasProblem(c, "self", 0, false, corpus.ErrSymlinkLoop) {
		t.Errorf("self link not reported: %v", c.Problems)
	}
	if !hasProblem(c, "dangling", 0, false, fs.ErrNotExist) {
		t.Errorf("dangling link not reported: %v", c.Problems)
	}
	if len(c.Problems) != 3 {
		t.Errorf("problems %v, want the loop, the self link and the dangling link", c.Problems)
	}
}

func TestLoadDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"one/story.txt": "One\n\nBody.",
		"two/story.md":  "# Two\n\nBody.",
		"feed.jsonl":    `{"id": "x", "title": "A", "text": "a"}` + "\n" + `{"id": "x", "title": "B", "text": "b"}` + "\n",
	})
	c := mustLoad(t, dir)
	if got := strings.Join(ids(c), " "); got != "x story" {
		t.Errorf("ids %q", got)
	}
	a, _ := c.ByID("story")
	if a == nil || a.Title != "One" {
		t.Errorf("the first in path order should win: %+v", a)
	}
	wantMsgs := []string{
		filepath.Join(dir, "feed.jsonl") + `:2: duplicate id "x": already loaded from ` + filepath.Join(dir, "feed.jsonl") + `:1; skipped`,
		filepath.Join(dir, "two", "story.md") + `:1: duplicate id "story": already loaded from ` + filepath.Join(dir, "one", "story.txt") + `:1-3; skipped`,
	}
	for i, p := range c.Problems {
		if i >= len(wantMsgs) || p.Error() != wantMsgs[i] {
			t.Errorf("problem %d: %q", i, p.Error())
		}
	}
}

func TestLoadInvalidUTF8IsWarning(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Title\n\nok\nbad \xff here", "b.json": "{\"title\": \"T \xfe\", \"text\": \"x\"}"})
	c := mustLoad(t, dir)
	if len(c.Articles) != 2 || len(c.Fatal()) != 0 {
		t.Fatalf("ids %q problems %v", ids(c), c.Problems)
	}
	if !hasProblem(c, "a.txt", 4, true, corpus.ErrInvalidUTF8) || !hasProblem(c, "b.json", 1, true, corpus.ErrInvalidUTF8) {
		t.Errorf("problems %v", c.Problems)
	}
	if p, _ := findProblem(c, "a.txt", corpus.ErrInvalidUTF8); p.Error() != filepath.Join(dir, "a.txt")+":4: invalid UTF-8 replaced with U+FFFD (first at byte 14)" {
		t.Errorf("message %q", p.Error())
	}
	if b, _ := c.ByID("b"); b == nil || b.Title != "T \ufffd" {
		t.Errorf("b title %q", b.Title)
	}
}
