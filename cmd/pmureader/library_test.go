package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// newsSite serves article pages at /a/N, a feed of three of them at
// /feed.xml (answering 304 to its own ETag), a missing page and a PDF.
type newsSite struct {
	*httptest.Server
	pages atomic.Int64
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{}
	mux := http.NewServeMux()
	mux.HandleFunc("/a/{n}", func(w http.ResponseWriter, r *http.Request) {
		s.pages.Add(1)
		n := r.PathValue("n")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage(n))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"f1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"f1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title><link>http://%[1]s/</link><description>d</description>
<item><title>Story 11</title><guid>g11</guid><link>http://%[1]s/a/11</link></item>
<item><title>Story 12</title><guid>g12</guid><link>http://%[1]s/a/12</link></item>
<item><title>Story 13</title><guid>g13</guid><link>http://%[1]s/a/13</link></item>
</channel></rss>`, r.Host)
	})
	mux.HandleFunc("/hostile", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><head><title>Evil \x1b]52;c;cHduZWQ=\x07 title \x1b]0;pwned\x07</title></head><body><article>"+
			"<p>Hostile text with a clipboard write \x1b]52;c;cHduZWQ=\x07 and &#27;]52;c;cHduZWQ=&#7; as entities, \u202ereversed\u202c, and words enough to be kept as the article.</p>"+
			"<p>A second paragraph, \x1b[2J clearing the screen, then more ordinary words so that it is a paragraph of the article.</p></article></body></html>")
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/doc.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4\n")
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// newsPage is article n: a headline, an outlet, a date and three
// paragraphs that differ from every other article's.
func newsPage(n string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story ` + n + `</title>
<meta property="og:site_name" content="Local News"><meta property="article:published_time" content="2024-05-0` + n[len(n)-1:] + `">
</head><body><nav><a href="/">Home</a></nav><article><h1>Story ` + n + `</h1>
<p>Story ` + n + ` begins: the harbour authority said on Friday that ` + n + `0 boats were kept in port by the storm.</p>
<p>The second paragraph of story ` + n + ` quotes the harbour master, who said the ferries would sail again on Sunday.</p>
<p>A third paragraph adds that fishermen had lost about ` + n + ` days of work this month because of the weather.</p>
</article></body></html>`
}

// inproc runs pmureader in this process with a library at lib and
// returns its output and exit code.
func inproc(t *testing.T, lib string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := map[string]string{"PMUREADER_LIBRARY": lib, "HOME": t.TempDir()}
	code := run(context.Background(), args, &out, &errb, func(k string) string { return env[k] })
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

func TestAddListShowRemove(t *testing.T) {
	site := newNewsSite(t)
	lib := filepath.Join(t.TempDir(), "lib", "library.db")

	r := inproc(t, lib, "add", site.URL+"/a/1", site.URL+"/a/2")
	r.want(t, 0, "add")
	if !strings.Contains(r.stdout, "Local News · Story 1") || !strings.Contains(r.stdout, "2 added, 0 already in the library, 0 failed") {
		t.Fatalf("add printed:\n%s", r.stdout)
	}
	// The library is what commands without paths read now.
	r = inproc(t, lib, "list", "--json")
	r.want(t, 0, "list")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Articles) != 2 || doc.Articles[0].Title != "Story 1" || doc.Articles[0].Format != "html" {
		t.Fatalf("list of the library: %+v", doc.Articles)
	}
	id := doc.Articles[0].ID
	r = inproc(t, lib, "show", id)
	r.want(t, 0, "show")
	if !strings.Contains(r.stdout, "harbour authority said on Friday that 10 boats") {
		t.Errorf("show %s:\n%s", id, r.stdout)
	}
	// Adding the same page again stores nothing, and says so naming both
	// places: the address given and the stored article.
	r = inproc(t, lib, "add", site.URL+"/a/1")
	r.want(t, 0, "add again")
	if !strings.Contains(r.stdout, site.URL+"/a/1: already there as "+id) {
		t.Errorf("second add:\n%s", r.stdout)
	}
	r = inproc(t, lib, "rm", id, "nosuchid")
	r.want(t, exitNotFound, "rm")
	if !strings.Contains(r.stdout, "removed "+id+"  Story 1") || !strings.Contains(r.stderr, `no article has id "nosuchid"`) {
		t.Errorf("rm:\nstdout %s\nstderr %s", r.stdout, r.stderr)
	}
	r = inproc(t, lib, "list")
	if strings.Contains(r.stdout, "Story 1\n") || !strings.Contains(r.stdout, "Story 2") {
		t.Errorf("list after rm:\n%s", r.stdout)
	}
}

func TestAddFailuresExitCodes(t *testing.T) {
	site := newNewsSite(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	r := inproc(t, lib, "add", site.URL+"/a/3", site.URL+"/missing", site.URL+"/doc.pdf")
	r.want(t, exitPartial, "add")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if len(lines) != 2 || lines[0] != "pmureader: "+site.URL+"/missing: HTTP 404 Not Found" ||
		!strings.HasPrefix(lines[1], "pmureader: "+site.URL+"/doc.pdf: a PDF document") {
		t.Errorf("stderr, one line per failure:\n%s", r.stderr)
	}
	r = inproc(t, lib, "add", site.URL+"/missing")
	r.want(t, exitNothing, "add")
	r = inproc(t, lib, "add")
	r.want(t, exitUsage, "add")
}

func TestFeedsUpdateExport(t *testing.T) {
	site := newNewsSite(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	r := inproc(t, lib, "add", site.URL+"/feed.xml")
	r.want(t, 0, "add feed")
	if !strings.Contains(r.stdout, "(Local News): 3 items, 3 new") || site.pages.Load() != 3 {
		t.Fatalf("add feed (%d pages fetched):\n%s", site.pages.Load(), r.stdout)
	}
	r = inproc(t, lib, "feeds", "--json")
	r.want(t, 0, "feeds")
	var feeds feedsOut
	if err := json.Unmarshal([]byte(r.stdout), &feeds); err != nil || len(feeds.Feeds) != 1 || feeds.Feeds[0].ETag != `"f1"` {
		t.Fatalf("feeds --json: %v\n%s", err, r.stdout)
	}
	r = inproc(t, lib, "update")
	r.want(t, 0, "update")
	if !strings.Contains(r.stdout, "not changed") || site.pages.Load() != 3 {
		t.Errorf("update of an unchanged feed fetched pages (%d):\n%s", site.pages.Load(), r.stdout)
	}

	out := filepath.Join(t.TempDir(), "export.jsonl")
	r = inproc(t, lib, "export", "--jsonl", "-o", out)
	r.want(t, 0, "export")
	data, err := os.ReadFile(out)
	if err != nil || strings.Count(string(data), "\n") != 3 {
		t.Fatalf("export: %v\n%s", err, data)
	}
	// The export loads back as a corpus with the same articles.
	r = inproc(t, lib, "list", "--json", out)
	r.want(t, 0, "list export")
	var doc listJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || len(doc.Articles) != 3 {
		t.Fatalf("export read back: %v, %d articles", err, len(doc.Articles))
	}
	r = inproc(t, lib, "export", "--json", "--jsonl")
	r.want(t, exitUsage, "export")
}

// With no library, or an empty one, commands without paths read the
// bundled seeds, as before; they do not create a library.
func TestNoLibraryReadsSeeds(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "none", "library.db")
	r := inproc(t, lib, "list")
	r.want(t, 0, "list")
	if !strings.Contains(r.stdout, "Antiwar.com") {
		t.Errorf("list without a library:\n%s", r.stdout)
	}
	if _, err := os.Stat(lib); !os.IsNotExist(err) {
		t.Errorf("list created the library: %v", err)
	}
	r = inproc(t, lib, "feeds")
	r.want(t, 0, "feeds")
	r = inproc(t, lib, "export")
	r.want(t, exitNothing, "export")
}

// The reader's "e" writes a new file each time, never over one that is
// there.
func TestWriteReportNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	a := newApp(&bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	a.lib.exportDir = dir
	if err := os.WriteFile(filepath.Join(dir, "compare-x.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	p1, err := a.writeReport("compare-x.md", []byte("one"))
	if err != nil {
		t.Fatal(err)
	}
	p2, err := a.writeReport("../compare-x.md", []byte("two"))
	if err != nil {
		t.Fatal(err)
	}
	if p1 != filepath.Join(dir, "compare-x-2.md") || p2 != filepath.Join(dir, "compare-x-3.md") {
		t.Errorf("written to %s and %s", p1, p2)
	}
	for name, want := range map[string]string{"compare-x.md": "mine", "compare-x-2.md": "one", "compare-x-3.md": "two"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != want {
			t.Errorf("%s holds %q, want %q", name, data, want)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// The browser is asked to open http(s) addresses only.
func TestBrowserOpenerRefusesOtherSchemes(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browser.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho \"$1\" >> "+log+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	open := browserOpener(func(k string) string {
		if k == "BROWSER" {
			return script
		}
		return ""
	})
	for _, bad := range []string{"javascript:alert(1)", "file:///etc/passwd", "https://", "-flag"} {
		if err := open(bad); err == nil {
			t.Errorf("%q was opened", bad)
		}
	}
	if err := open("https://example.org/a?b=1&c=2"); err != nil {
		t.Fatal(err)
	}
	waitFile(t, log, "https://example.org/a?b=1&c=2")
}
