package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

func formats(name string) string { return filepath.Join("testdata", "formats", name) }

func TestLoadJSONScraperSchemas(t *testing.T) {
	c := mustLoad(t, formats("newsplease.json"), formats("trafilatura.json"), formats("fundus.jsonl"),
		formats("mediacloud.jsonl"), formats("pmureader.jsonl"))
	if len(c.Problems) != 0 {
		t.Errorf("problems: %v", c.Problems)
	}
	type want struct {
		title, dek, outlet, via, author, url, date, format string
		line                                               int
	}
	tests := map[string]want{
		// news-please: maintext, date_publish, source_domain, authors[], description.
		"newsplease": {"US Conducts Airstrikes on Shi’ite Militias in Iraq and Syria", "US blames militia for Friday attack on Iraq base",
			"news.antiwar.com", "", "Jason Ditz", "https://news.antiwar.com/2019/12/29/us-attacks-shiite-militias-in-iraq-and-syria/", "2019-12-29", "json", 1},
		// trafilatura: text, source as URL, source-hostname, author, excerpt.
		"trafilatura-1": {"Iraq Condemns US Airstrikes That Targeted Iran-Backed Militias", "Iraq calls the strikes a violation of sovereignty.",
			"VICE World News", "", "Staff Writer", "https://www.vice.com/en/article/88nmkz/iraq-condemns-us-air-strikes", "2021-06-28", "json", 2},
		"trafilatura-2": {"Second trafilatura record", "", "example.org", "", "", "https://example.org/second", "2021-06", "json", 3},
		// fundus: structured body, publishing_date with offset, publisher.
		"fundus-1": {"US airstrikes hit militia sites on the Iraq-Syria border", "", "The Example Times", "", "A. Reporter, B. Writer", "", "2021-06-28", "jsonl", 1},
		"fundus-2": {"Fundus record with plaintext", "", "The Example Times", "", "", "", "2021-06-29", "jsonl", 2},
		// Media Cloud: media_name, publish_date with fraction, numeric id, entity in title.
		"2f1c9a7e5b": {"US Conducts Airstrikes on Shi’ite Militias", "", "antiwar.com", "", "", "https://news.antiwar.com/2019/12/29/us-attacks/", "2019-12-29", "jsonl", 1},
		"48211":      {"Experts: US targets Iraq PMU to revive Daesh", "", "presstv.ir", "", "", "https://www.presstv.ir/Detail/2021/05/30/657843/Experts-US-targets-Iraq-PMU-revive-Daesh", "2021-05-30", "jsonl", 3},
		// Our own names.
		"wrp-26543":   {"US Aiding Terrorists In Iraq And Syria", "Experts say the US is targeting the PMU", "The News Line", "Press TV", "", "https://wrp.org.uk/?p=26543", "~2021-05-31", "jsonl", 1},
		"pmureader-2": {"No id: gets the file stem and record number", "", "", "", "", "", "2021", "jsonl", 2},
	}
	for id, w := range tests {
		a, ok := c.ByID(id)
		if !ok {
			t.Errorf("no article %q; have %v", id, ids(c))
			continue
		}
		got := want{a.Title, a.Dek, a.Outlet, a.Via, a.Author, a.URL, a.Date.String(), a.Format, a.Source.StartLine}
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", id, got, w)
		}
		if len(a.Body) == 0 || a.Words == 0 {
			t.Errorf("%s: empty body", id)
		}
		for _, p := range a.Body {
			if p.Source.File != a.Source.File || p.Source.StartLine != a.Source.StartLine {
				t.Errorf("%s: paragraph source %v, want the record's line %d", id, p.Source, a.Source.StartLine)
			}
		}
	}
	fundus, _ := c.ByID("fundus-1")
	if fundus != nil {
		var texts []string
		for _, p := range fundus.Body {
			texts = append(texts, p.Text)
		}
		joined := strings.Join(texts, "|")
		for _, s := range []string{"The Pentagon said", "overnight on Sunday", "Reactions", "violation of its sovereignty"} {
			if !strings.Contains(joined, s) {
				t.Errorf("fundus body lacks %q: %s", s, joined)
			}
		}
		if !fundus.Date.Time.Equal(time.Date(2021, 6, 28, 10, 0, 0, 0, time.UTC)) {
			t.Errorf("fundus date %v", fundus.Date.Time)
		}
	}
	if a, _ := c.ByID("wrp-26543"); a != nil {
		if a.Event != "US–PMU tension in late May 2021" || a.Story != "may-2021" || a.Date.Note == "" || a.OutletProfile == "" {
			t.Errorf("own fields: %+v", a)
		}
	}
	if a, _ := c.ByID("newsplease"); a != nil && a.Source.EndLine != 18 {
		t.Errorf("news-please source %v, want lines 1-18", a.Source)
	}
}

func TestLoadJSONLBadLines(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"feed.jsonl": `{"title": "One", "text": "First."}
{"title": "Two", "text": "Unterminated
["an array, not an object"]

{"title": "Four", "text": "Fourth.", "date": "not a date"}
{"text": ""}
{"title": "Six", "text": "Sixth."}`})
	c := mustLoad(t, dir)
	if got := strings.Join(ids(c), " "); got != "feed-1 feed-4 feed-6" {
		t.Errorf("ids %q, want the good records numbered by record (blank lines not counted)", got)
	}
	for _, line := range []int{2, 3, 6} {
		found := false
		for _, p := range c.Fatal() {
			if p.Line == line && errors.Is(p, corpus.ErrBadRecord) && strings.HasSuffix(p.Path, "feed.jsonl") {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem for line %d: %v", line, c.Problems)
		}
	}
	var warned bool
	for _, p := range c.Problems {
		if p.Line == 5 && p.Warning && strings.Contains(p.Error(), `date "not a date"`) {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for the bad date on line 5: %v", c.Problems)
	}
	if a, _ := c.ByID("feed-4"); a == nil || a.Date.Known() {
		t.Errorf("feed-4 should load without a date: %+v", a)
	}
	if n := len(c.Fatal()); n != 3 {
		t.Errorf("%d fatal problems, want 3: %v", n, c.Problems)
	}
}

func TestLoadJSONArrayProblems(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.json":      "[\n {\"title\": \"A\", \"text\": \"x\"},\n 42,\n {\"title\": \"C\", \"text\": \"z\"}\n]",
		"broken.json": "[\n {\"title\": \"B\", \"text\": \"y\"},\n {\"title\": oops}\n]",
		"scalar.json": "\n\n\"just a string\"",
		"empty.json":  "[]",
	})
	c := mustLoad(t, dir)
	if got := strings.Join(ids(c), " "); got != "a-1 a-3 broken-1" {
		t.Errorf("ids %q", got)
	}
	checks := []struct {
		file string
		line int
		text string
	}{
		{"a.json", 3, "record 2 is not a JSON object"},
		{"broken.json", 3, "invalid JSON at column"},
		{"scalar.json", 3, "want a JSON object or an array of objects"},
		{"empty.json", 0, "the array is empty"},
	}
	for _, ch := range checks {
		found := false
		for _, p := range c.Problems {
			if filepath.Base(p.Path) == ch.file && p.Line == ch.line && strings.Contains(p.Error(), ch.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem %s:%d %q in %v", ch.file, ch.line, ch.text, c.Problems)
		}
	}
}

// jsonlFeed writes n JSON Lines records with bodies of about words words,
// every 7th line blank and every 50th bad.
func jsonlFeed(n, words int) string {
	var b strings.Builder
	body := strings.TrimSpace(strings.Repeat("lorem ipsum dolor sit amet consectetur ", words/6))
	for i := range n {
		switch {
		case i%50 == 49:
			b.WriteString("{bad json\n")
		case i%7 == 6:
			b.WriteString("\n")
		case i%3 == 0:
			fmt.Fprintf(&b, `{"title": "Record %d", "text": "%s\n\n%s", "date_publish": "2021-06-%02d 10:00:00", "source_domain": "example.com"}`+"\n", i, body, body, 1+i%28)
		default:
			fmt.Fprintf(&b, `{"id": "r%d", "title": "Record %d", "maintext": "%s", "date": "2021-06-01"}`+"\n", i, i, body)
		}
	}
	return b.String()
}

func TestLoadJSONLParallelMatchesSequential(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"big.jsonl": jsonlFeed(3000, 120)})
	load := func(workers int) *corpus.Corpus {
		c, err := corpus.Load(context.Background(), []string{dir}, corpus.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	seq, par := load(1), load(4)
	if len(seq.Articles) == 0 || len(seq.Articles) != len(par.Articles) || len(seq.Problems) != len(par.Problems) {
		t.Fatalf("sequential %d articles %d problems; parallel %d, %d", len(seq.Articles), len(seq.Problems), len(par.Articles), len(par.Problems))
	}
	for i := range seq.Articles {
		s, p := seq.Articles[i], par.Articles[i]
		if s.ID != p.ID || s.Source != p.Source || s.Words != p.Words || s.Title != p.Title {
			t.Fatalf("article %d differs: %s %v vs %s %v", i, s.ID, s.Source, p.ID, p.Source)
		}
	}
	for i := range seq.Problems {
		if seq.Problems[i].Error() != par.Problems[i].Error() {
			t.Fatalf("problem %d differs: %v vs %v", i, seq.Problems[i], par.Problems[i])
		}
	}
	// Record 50 (line 50) is bad; record numbering counts non-blank lines.
	if _, ok := findProblem(par, "big.jsonl", corpus.ErrBadRecord); !ok {
		t.Error("bad lines not reported")
	}
	if a, ok := par.ByID("big-1"); !ok || a.Source.StartLine != 1 {
		t.Errorf("big-1: %v", a)
	}
}

func TestLoadJSONLinesInJSONFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"mislabelled.json": `{"title": "One", "text": "First."}` + "\n" + `{"title": "Two", "text": "Second."}` + "\n"})
	c := mustLoad(t, dir)
	if got := strings.Join(ids(c), " "); got != "mislabelled-1 mislabelled-2" {
		t.Errorf("ids %q", got)
	}
	if len(c.Problems) != 1 || !c.Problems[0].Warning || !strings.Contains(c.Problems[0].Error(), "read as JSON Lines") {
		t.Errorf("problems %v", c.Problems)
	}
}
