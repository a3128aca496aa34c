package format

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/internal/texttest"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// The fuzz targets call each parser directly (not through loadFile, whose
// recover would hide a panic) and check what must hold for any input: no
// panic, no unsafe string in any article or problem, line numbers inside
// the file. Seed inputs are in testdata/fuzz/<target>/ and added below.

// checkLoaded fails for anything unsafe or out of range in a parser's
// result; lines is the number of lines of the input.
func checkLoaded(t *testing.T, arts []*article.Article, probs []article.Problem, lines int) {
	t.Helper()
	texttest.CheckArticles(t, arts, lines)
	for _, p := range probs {
		if p.Err == nil || p.Path == "" {
			t.Errorf("problem without path or error: %#v", p)
			continue
		}
		if p.Line < 0 || p.Line > lines {
			t.Errorf("problem line %d outside 0..%d: %v", p.Line, lines, p)
		}
		if msg := SafeProblem(p).Error(); !textnorm.Safe(msg) {
			t.Errorf("unsafe problem message %q", msg)
		}
	}
}

func addSeeds(f *testing.F, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

func FuzzLoadJSONL(f *testing.F) {
	addSeeds(f,
		`{"title": "A", "text": "x"}`+"\n\n"+`{"title": "B", "text": "y", "date": "2021-06"}`,
		`{"id": 1, "title": ["a", "b"], "authors": [{"name": "N"}], "body": {"summary": ["s"], "sections": [{"headline": ["h"], "paragraphs": ["p"]}]}}`,
		"{bad\n[1]\n\"s\"\n{\"text\": \"\\u001b]0;x\\u0007\"}",
		"\ufeff{\"title\": \"bom\", \"text\": \"t\"}\r\n{\"title\": \"crlf\", \"text\": \"a\\r\\nb\"}",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, probs := parseJSONL(context.Background(), "f.jsonl", data, 2)
		checkLoaded(t, arts, probs, bytes.Count(data, []byte{'\n'})+1)
		// Every non-blank line is an article or a fatal problem at its line.
		records := 0
		for _, l := range bytes.Split(bytes.TrimPrefix(data, []byte("\ufeff")), []byte{'\n'}) {
			if len(bytes.TrimSpace(l)) > 0 {
				records++
			}
		}
		fatal := 0
		for _, p := range probs {
			if !p.Warning && p.Line > 0 {
				fatal++
			}
		}
		if len(arts)+fatal != records {
			t.Errorf("%d articles + %d bad lines != %d records", len(arts), fatal, records)
		}
	})
}

func FuzzLoadJSON(f *testing.F) {
	addSeeds(f,
		`{"title": "A", "maintext": "x", "date_publish": "2019-12-29 10:31:00"}`,
		"[\n{\"title\": \"A\", \"text\": \"x\"},\n42,\n{\"title\": \"C\"}\n]",
		"[{\"title\": oops}]", "[]", "\"s\"", "[{\"text\": \"a\\u009b1m\"}]  trailing",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, probs := parseJSON("f.json", data)
		checkLoaded(t, arts, probs, bytes.Count(data, []byte{'\n'})+1)
	})
}

func FuzzFrontMatter(f *testing.F) {
	addSeeds(f,
		"---\ntitle: T\nauthor: [A, B]\ndate: 2020-01-02\n---\n# H\n\nBody [link](u) **b**.\n\n## Sub\n",
		"---\ntitle: [unclosed\n---\nx", "---\n- a\n---\n", "---\ntitle: \"\\e]0;x\\a\"\n...\n# \n", "# Only\n",
		"---\n&a [*a, *a]\n---\n", "---\nparts: {}\nfile: x\n---\n```\n# not a heading\n```\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, probs := parseMarkdown("f.md", data)
		checkLoaded(t, arts, probs, texttest.LineCount(data))
		for _, p := range probs {
			if errors.Is(p, article.ErrFrontMatter) && (p.Line < 1 || len(arts) != 0) {
				t.Errorf("front matter problem at line %d with %d articles", p.Line, len(arts))
			}
		}
	})
}

func FuzzMeta(f *testing.F) {
	addSeeds(f,
		"- file: a.txt\n  outlet: O\n  date: 2020\n  parts:\n    - {}\n    - title: T\n",
		"- file: a.txt\n  date: x\n  colour: 1\n- {}\n- [1]\n", "file: a\n", "- file: [\n",
		"- file: a.txt\n  outlet: \"\\e]52;c;x\\a\"\n  author: [\"\\x9b\", b]\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, probs := ParseMeta("meta.yaml", data)
		checkLoaded(t, nil, probs, texttest.LineCount(data))
		var walk func(r *Meta)
		walk = func(r *Meta) {
			for _, s := range []string{r.ID, r.Title, r.Dek, r.Outlet, r.Via, r.OutletProfile, r.Author, r.URL, r.Event, r.Story, r.DateNote} {
				if !textnorm.Safe(s) || strings.Contains(s, "\n") {
					t.Errorf("unsafe metadata value %q", s)
				}
			}
			for _, p := range r.Parts {
				walk(p)
			}
		}
		for _, r := range recs {
			walk(r)
		}
	})
}

// FuzzDecodeJSONRecord checks the fast record decoder against
// encoding/json: whatever the fast one accepts, encoding/json accepts too,
// with the same values once sanitised.
func FuzzDecodeJSONRecord(f *testing.F) {
	addSeeds(f,
		`{"title": "A\u00e9\ud83d\ude00 \ud800 x", "text": "a\nb\\\"/\b\f\r\t", "authors": ["x", {"name": "y"}, 1, null], "id": -1.5e3}`,
		`{"body": {"summary": ["s"], "sections": [{"headline": ["h"], "paragraphs": ["p"]}]}, "skip": [true, false, {}]}`,
		`{"Title": "case"}`, `{"title": "x"} x`, `{"title": "a`+"\x01"+`"}`, `{"title": 01}`, `{"\u212aey": 1}`,
		`{"title": "dup", "title": null}`, ` { } `, `{"text": "\uDC00\uD800"}`, "{\"text\": \"\xff\xfe\"}",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		var fast, std jsonRecord
		ok := fastDecodeRecord(data, &fast)
		err := json.Unmarshal(data, &std)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("fast decoder accepted what encoding/json rejects (%v): %q", err, data)
		}
		fv, sv := reflect.ValueOf(fast), reflect.ValueOf(std)
		for i := range fv.NumField() {
			a, b := fv.Field(i).String(), sv.Field(i).String()
			if textnorm.Sanitize(a) != textnorm.Sanitize(b) {
				t.Errorf("field %s: fast %q, encoding/json %q", fv.Type().Field(i).Name, a, b)
			}
		}
	})
}

func FuzzLoadHTML(f *testing.F) {
	addSeeds(f,
		"<html><head><title>T &amp; U</title></head><body><article><p>"+strings.Repeat("Words of the article. ", 20)+"</p></article></body></html>",
		"<title>\x1b]0;x\x07</title><p>a &#27;[2J b</p>",
		"\xff\xfe<\x00p\x00>\x00",
		"<meta charset=\"iso-8859-1\"><p>caf\xc3\xa9 "+strings.Repeat("mot ", 60)+"</p>",
		"",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, probs := Parse(context.Background(), File{Kind: HTML, Path: "f.html"}, data)
		checkLoaded(t, arts, probs, bytes.Count(data, []byte{'\n'})+1)
		if len(arts) > 1 || len(arts) == 0 && len(probs) == 0 {
			t.Fatalf("%d articles, %d problems: a page is one article or a problem", len(arts), len(probs))
		}
	})
}
