package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/tui"
)

func TestParseSize(t *testing.T) {
	good := map[string]int64{
		"1": 1, "1048576": 1 << 20, "20MB": 20 << 20, "20mb": 20 << 20, "500KB": 500 << 10,
		"500 KiB": 500 << 10, "1.5M": 3 << 19, "2GB": 2 << 30, "10B": 10, "7k": 7 << 10,
	}
	for in, want := range good {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "0", "0.1", "-5MB", "12TB", "1.2.3MB", "lots", "1e9", "99999999999GB"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}

func TestFormatSizeRoundTrips(t *testing.T) {
	for _, n := range []int64{1, 1000, 1024, 1536, 20 << 20, 3 << 30, 1<<20 + 1} {
		s := formatSize(n)
		if got, err := parseSize(s); err != nil || got != n {
			t.Errorf("formatSize(%d) = %q, which parses to %d, %v", n, s, got, err)
		}
	}
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"20MB", "500KB", "1.5 GiB", "0", "1e9", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseSize(s)
		if err == nil && n < 1 {
			t.Fatalf("parseSize(%q) = %d without error", s, n)
		}
	})
}

func TestTableFitsTerminal(t *testing.T) {
	rows := [][]string{
		{"ID", "DATE", "OUTLET", "WORDS", "TITLE"},
		{"003_a3f0896ac364095c", "2019-12-29", "Antiwar.com", "339", "US Conducts Airstrikes on Shi’ite Militias in Iraq and Syria"},
		{"001_dca753b7094c4e72", "2020-01-02", "A Very Long Outlet Name That Goes On And On", "1057", "日本語のタイトルはとても長いです、本当に長いです"},
	}
	for _, width := range []int{20, 40, 60, 80, 120} {
		var b bytes.Buffer
		writeTable(&b, paint{}, width, table{rows: rows, right: map[int]bool{3: true}, capCol: 2, capWidth: maxOutletCol})
		for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: row %q is %d wide", width, l, w)
			}
		}
	}
	var b bytes.Buffer
	writeTable(&b, paint{}, 0, table{rows: rows, right: map[int]bool{3: true}, capCol: 2, capWidth: maxOutletCol})
	if !strings.Contains(b.String(), rows[2][2]) || !strings.Contains(b.String(), rows[2][4]) {
		t.Errorf("piped table cut a cell:\n%s", b.String())
	}
	// Columns line up: the words column ends at the same place on every row.
	lines := strings.Split(b.String(), "\n")
	end := func(l, cell string) int { return ansi.StringWidth(l[:strings.Index(l, cell)+len(cell)]) }
	if end(lines[1], "339") != end(lines[0], "WORDS") || end(lines[2], "1057") != end(lines[0], "WORDS") {
		t.Errorf("words column not right-aligned:\n%s", b.String())
	}
}

func TestGuardTurnsPanicIntoOneLine(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	var stderr bytes.Buffer
	code := guard(&stderr, env(nil), func() int { panic("boom\x1b[2J") })
	if code != exitInternal {
		t.Errorf("exit code %d, want %d", code, exitInternal)
	}
	out := stderr.String()
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "pmureader: internal error: boom^[[2J") {
		t.Errorf("want one sanitised line, got %q", out)
	}
	stderr.Reset()
	guard(&stderr, env(map[string]string{"PMUREADER_DEBUG": "1"}), func() int { panic("boom") })
	if !strings.Contains(stderr.String(), "goroutine ") {
		t.Errorf("PMUREADER_DEBUG=1 shows no stack: %q", stderr.String())
	}
	if code := guard(&stderr, env(nil), func() int { return 3 }); code != 3 {
		t.Errorf("guard changed a normal exit code to %d", code)
	}
}

func TestDetectOutputOnBuffer(t *testing.T) {
	o := detectOutput(&bytes.Buffer{}, false, func(string) string { return "" })
	if o.tty || o.color || o.width != 0 || o.wrapWidth() != pipeWidth {
		t.Errorf("a buffer is not a terminal: %+v", o)
	}
	if got := (paint{}).bold("x"); got != "x" {
		t.Errorf("paint with colour off changed text: %q", got)
	}
}

// TestListJSONStreamsTheSameBytes: the streaming list writer prints exactly
// what encoding the whole document at once prints, for 0, 1 and 3 articles.
func TestListJSONStreamsTheSameBytes(t *testing.T) {
	arts := []*corpus.Article{
		{ID: "a", Title: "A <b> & \"c\"", Body: []corpus.Paragraph{{Text: "x", Source: corpus.Span{File: "f", StartLine: 1, EndLine: 2}}}},
		{ID: "b", Title: "B", Date: corpus.Date{Time: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionMonth}},
		{ID: "c", Title: "C"},
	}
	probs := []corpus.Problem{{Path: "bad.txt", Line: 3, Err: errors.New("broken")}, {Path: "w.txt", Warning: true, Err: errors.New("fixed")}}
	for _, n := range []int{0, 1, 3} {
		c := corpus.New(arts[:n], probs[:min(n, 2)])
		var streamed, whole bytes.Buffer
		names := namesOf([]stories.Story{{ID: "a", Name: "Story A", Articles: []string{"a", "c"}}})
		if err := (&app{stdout: &streamed}).writeListJSON(context.Background(), c, names); err != nil {
			t.Fatal(err)
		}
		doc := listJSON{SchemaVersion: schemaVersion, Articles: []articleOut{}, Problems: problemsJSON(c.Problems)}
		for _, a := range c.Articles {
			doc.Articles = append(doc.Articles, articleJSON(a, false, names))
		}
		if err := (&app{stdout: &whole}).writeJSON(doc); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != whole.String() {
			t.Errorf("%d articles: streamed\n%s\nwhole\n%s", n, streamed.String(), whole.String())
		}
	}
}

// The reader limits its memory for a large library only, and never over
// the user's GOMEMLIMIT.
func TestReaderMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		n    int
		env  string
		want bool
	}{{1_000_000, "", true}, {largeForMemory, "", true}, {largeForMemory - 1, "", false}, {1_000_000, "2GiB", false}} {
		limit, ok := readerMemoryLimit(c.n, c.env)
		if ok != c.want || ok && limit != tui.MemoryLimit(c.n) {
			t.Errorf("readerMemoryLimit(%d, %q) = %d, %v", c.n, c.env, limit, ok)
		}
	}
	if l := tui.MemoryLimit(1_000_000); l < 700<<20 || l > 900<<20 {
		t.Errorf("the limit for a million is %d MiB, want room for the 570 MB kept and under 1 GB resident", l>>20)
	}
}
