package corpus_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// articleStrings lists every string an article holds, named for messages.
func articleStrings(a *corpus.Article) map[string]string {
	m := map[string]string{
		"ID": a.ID, "Title": a.Title, "Dek": a.Dek, "Outlet": a.Outlet, "Via": a.Via,
		"OutletProfile": a.OutletProfile, "Author": a.Author, "Date.Note": a.Date.Note,
		"Date": a.Date.String(), "URL": a.URL, "Event": a.Event, "Story": a.Story,
		"Source": a.Source.String(), "Format": a.Format, "Byline": a.Byline(),
	}
	for i, p := range a.Body {
		m["Body["+strconv.Itoa(i)+"]"] = p.Text
		m["Body["+strconv.Itoa(i)+"].Source"] = p.Source.String()
	}
	for i, l := range a.Raw {
		m["Raw["+strconv.Itoa(i)+"]"] = l.Text
		m["Raw["+strconv.Itoa(i)+"].Why"] = l.Why
	}
	return m
}

// assertSafe fails for any string of any article or problem that could
// act on a terminal, and for one-line fields that hold a line break.
func assertSafe(t *testing.T, c *corpus.Corpus) {
	t.Helper()
	for _, a := range c.Articles {
		for name, s := range articleStrings(a) {
			if !textnorm.Safe(s) {
				t.Errorf("%s %s is not safe: %q", a.ID, name, s)
			}
			if !strings.HasPrefix(name, "Body[") && !strings.HasPrefix(name, "Raw[") && strings.Contains(s, "\n") {
				t.Errorf("%s %s holds a line break: %q", a.ID, name, s)
			}
		}
	}
	for _, p := range c.Problems {
		if !textnorm.Safe(p.Error()) || strings.Contains(p.Error(), "\n") {
			t.Errorf("problem message not safe: %q", p.Error())
		}
	}
}

// hasProblem reports whether c has a problem for a file (base name) at a
// line (0: any) with the given warning flag, wrapping target.
func hasProblem(c *corpus.Corpus, base string, line int, warning bool, target error) bool {
	for _, p := range c.Problems {
		if filepath.Base(p.Path) == base && (line == 0 || p.Line == line) && p.Warning == warning && errors.Is(p, target) {
			return true
		}
	}
	return false
}

func TestLoadHostileCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "hostile")
	c, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertSafe(t, c)

	// The good files loaded, with their hostile fields neutralised.
	for _, id := range []string{"escapes", "longtext", "json-1^[]0;pwned^G", "json-2^[]0;pwned^G", "jsonl-1^[]0;pwned^G",
		"jsonl-2^[]0;pwned^G", "escapes-3", "escapes-4", "md-^[]0;pwned^G", "good-1", "good-3", "dup", "invalid-utf8"} {
		if _, ok := c.ByID(id); !ok {
			t.Errorf("article %q not loaded; have %q", id, ids(c))
		}
	}
	if a, ok := c.ByID("escapes"); ok {
		if !strings.Contains(a.Title, "^[]0;pwned^G") || a.Outlet == "" || a.Via == "" || a.Event == "" || a.Story == "" {
			t.Errorf("escapes.txt: title %q outlet %q via %q event %q story %q", a.Title, a.Outlet, a.Via, a.Event, a.Story)
		}
		if !strings.Contains(a.Outlet, "M-^[31m") || !strings.Contains(a.Outlet, "^H^?") {
			t.Errorf("escapes.txt outlet from meta.yaml escapes: %q", a.Outlet)
		}
	}
	if a, ok := c.ByID("longtext"); ok {
		if a.Outlet != "raw bytes ^[]0;pwned^G ^[[31m in a plain scalar" {
			t.Errorf("longtext outlet from raw bytes in meta.yaml: %q", a.Outlet)
		}
		// Where cleaning puts each line is its business; the loader must
		// deliver every line whole, tabs as spaces.
		var raw strings.Builder
		for _, l := range a.Raw {
			raw.WriteString(l.Text + "\n")
		}
		for _, want := range []string{strings.Repeat("w", 10000), "https://example.com/" + strings.Repeat("x", 9980),
			"中文新闻报道", "👨‍👩‍👧", "e\u0301", "العراق", "Tabs between  words"} {
			if !strings.Contains(raw.String(), want) {
				t.Errorf("longtext raw lines lack %.40q", want)
			}
		}
	}
	if a, ok := c.ByID("md-^[]0;pwned^G"); ok {
		if !strings.Contains(a.Title, "^[]0;pwned^G") || a.Dek == "" || a.URL == "" || a.Author == "" {
			t.Errorf("markdown front matter fields: %+v", a)
		}
	}

	// Every broken file is reported, at its line where one applies.
	checks := []struct {
		base    string
		line    int
		warning bool
		err     error
	}{
		{"empty.txt", 0, false, corpus.ErrEmptyFile},
		{"whitespace.md", 0, false, corpus.ErrEmptyFile},
		{"binary.txt", 0, false, corpus.ErrBinary},
		{"invalid-utf8.txt", 3, true, corpus.ErrInvalidUTF8},
		{"bad-line.jsonl", 2, false, corpus.ErrBadRecord},
		{"malformed.md", 3, false, corpus.ErrFrontMatter},
		{"dup-b.jsonl", 1, false, corpus.ErrDuplicateID},
	}
	for _, ch := range checks {
		if !hasProblem(c, ch.base, ch.line, ch.warning, ch.err) {
			t.Errorf("no problem %s:%d (%v, warning %v); problems:\n%v", ch.base, ch.line, ch.err, ch.warning, c.Problems)
		}
	}
	if p, ok := findProblem(c, "dup-b.jsonl", corpus.ErrDuplicateID); ok && !strings.Contains(p.Error(), "dup-a.json") {
		t.Errorf("duplicate id problem should name the first file: %v", p)
	}
	if a, ok := c.ByID("invalid-utf8"); ok && !strings.Contains(a.Body[0].Text, "\ufffd") {
		t.Errorf("invalid UTF-8 not repaired: %q", a.Body[0].Text)
	}
	if len(c.Fatal()) != 6 {
		t.Errorf("%d fatal problems, want 6:\n%v", len(c.Fatal()), c.Fatal())
	}
}

func TestLoadHostileFileName(t *testing.T) {
	dir := t.TempDir()
	name := "evil\x1b]0;pwned\x07\u009b31m.txt"
	writeFiles(t, dir, map[string]string{name: "Title\n\nBody.", "evil\x1b[2J.json": "{bad"})
	missing := "missing\x1b]52;c;eA==\x07.txt"
	c, err := corpus.Load(context.Background(), []string{dir, filepath.Join(dir, missing)}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	assertSafe(t, c)
	if len(c.Articles) != 1 || c.Articles[0].ID != "evil^[]0;pwned^GM-^[31m" {
		t.Errorf("ids %q", ids(c))
	}
	if len(c.Problems) != 2 {
		t.Errorf("problems %v, want the bad JSON and the missing file", c.Problems)
	}
}

func TestLoadOversizeNotRead(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"big.txt":   "Big\n\n" + strings.Repeat("word ", 300),
		"small.txt": "Small\n\nbody",
	})
	c, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{MaxFileSize: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if !hasProblem(c, "big.txt", 0, false, corpus.ErrTooLarge) || len(c.Articles) != 1 {
		t.Errorf("problems %v, articles %q", c.Problems, ids(c))
	}
	if p, _ := findProblem(c, "big.txt", corpus.ErrTooLarge); !strings.Contains(p.Error(), "over the 1000 bytes limit") {
		t.Errorf("message %q", p.Error())
	}
	// The default limit is 20 MB: a sparse 21 MB file is refused unread
	// (a JSON Lines file would be read: its limit is per record).
	f, err := os.Create(filepath.Join(dir, "huge.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(21 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	c = mustLoad(t, dir)
	if p, ok := findProblem(c, "huge.json", corpus.ErrTooLarge); !ok || p.Error() != filepath.Join(dir, "huge.json")+": file too large: 21.0 MB, over the 20.0 MB limit; not read" {
		t.Errorf("huge: %v", p)
	}
}
