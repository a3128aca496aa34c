package corpus_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
)

// legacyURL is an address whose query holds "&" + a legacy entity name,
// as the New York Times' "…&pgtype=Article&region=Footer" does.
func legacyURL(name string) string {
	return "https://www.nytimes.com/2024/03/15/world/x.html?action=click&module=RelatedCoverage&pgtype=Article&" + name + "ion=Footer"
}

// legacyText is text in which "&" + a legacy name stands as written, in
// a text of the given kind (the texts of one load must differ, or they
// would load once).
func legacyText(kind, name string) string {
	return "Q&" + name + " sessions ran at AT&T, &" + name + "ion=1 and &" + name + " 2019 are literal in " + kind + " text " + fmt.Sprintf("%x", name) + "."
}

// TestLoadDecodesNoLegacyEntity is issue 12 item 1: no URL is ever
// entity-decoded, and text is decoded only where its format is
// HTML-escaped, and then only complete references ("&reg;", not "&reg").
func TestLoadDecodesNoLegacyEntity(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	var jsonl, meta strings.Builder
	for _, name := range texttest.LegacyEntityNames {
		rec, err := json.Marshal(map[string]string{"id": "jsonl-" + name, "title": "Title &" + name + " jsonl",
			"maintext": legacyText("jsonl", name), "url": legacyURL(name), "source_domain": "nytimes.com",
			"description": "Dek &" + name + "ion"})
		if err != nil {
			t.Fatal(err)
		}
		jsonl.Write(append(rec, '\n'))
		files["md/md-"+name+".md"] = "---\ntitle: Title &" + name + " md\nurl: " + legacyURL(name) + "\n---\n\n" + legacyText("md", name) + "\n"
		files["txt/txt-"+name+".txt"] = "Title &" + name + " txt\n\n" + legacyText("txt", name) + "\n"
		meta.WriteString("- file: txt-" + name + ".txt\n  url: " + legacyURL(name) + "\n")
	}
	files["feed.jsonl"] = jsonl.String()
	files["txt/meta.yaml"] = meta.String()
	writeFiles(t, dir, files)
	c := mustLoad(t, dir)
	for _, p := range c.Problems {
		t.Errorf("problem: %v", p)
	}
	for _, name := range texttest.LegacyEntityNames {
		for _, id := range []string{"jsonl-" + name, "md-" + name, "txt-" + name} {
			a, ok := c.ByID(id)
			if !ok {
				t.Errorf("%s not loaded", id)
				continue
			}
			kind, _, _ := strings.Cut(id, "-")
			if a.URL != legacyURL(name) {
				t.Errorf("%s: url %q, want %q", id, a.URL, legacyURL(name))
			}
			if a.Title != "Title &"+name+" "+kind {
				t.Errorf("%s: title %q", id, a.Title)
			}
			if len(a.Body) != 1 || a.Body[0].Text != legacyText(kind, name) {
				t.Errorf("%s: body %+v, want %q", id, a.Body, legacyText(kind, name))
			}
			if a.Format == "jsonl" && a.Dek != "Dek &"+name+"ion" {
				t.Errorf("%s: dek %q", id, a.Dek)
			}
		}
	}
}

// TestLoadDecodesEscapedFormats: Markdown decodes complete references
// (CommonMark), outside code; a JSON field is decoded when it reads as
// HTML-escaped (a complete reference and no bare "&"); plain text and
// metadata files never are; whatever is decoded is sanitised after.
func TestLoadDecodesEscapedFormats(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md": "# Fish &amp; Chips &copy 2019\n\nTom &amp; Jerry &#8217; &#27;]0;x&#7; &reg\n\n```\ncode &amp; more\n```\n",
		"b.json": `[{"title": "US Conducts Airstrikes on Shi&#8217;ite Militias", "text": "Tom &amp; Jerry &#x27;s\n\nFish &amp; Chips"},` +
			`{"title": "Escape &#27;]0;pwned&#7;", "text": "Body &#155;31m text &amp; more"},` +
			`{"title": "AT&T &amp; Verizon", "text": "AT&T &amp; Verizon: a bare & shows the field is not escaped"}]`,
		"c.txt": "A headline for the plain text\n\nTom &amp; Jerry stay as written in a plain-text file.\n",
	})
	c := mustLoad(t, dir)
	want := map[string][]string{
		"a":   {"Fish & Chips &copy 2019", "Tom & Jerry ’ ^[]0;x^G &reg", "code &amp; more"},
		"b-1": {"US Conducts Airstrikes on Shi’ite Militias", "Tom & Jerry 's", "Fish & Chips"},
		"b-2": {"Escape ^[]0;pwned^G", "Body ›31m text & more"}, // &#155; is "›", as in HTML
		"b-3": {"AT&T &amp; Verizon", "AT&T &amp; Verizon: a bare & shows the field is not escaped"},
		"c":   {"A headline for the plain text", "Tom &amp; Jerry stay as written in a plain-text file."},
	}
	for id, texts := range want {
		a, ok := c.ByID(id)
		if !ok {
			t.Fatalf("%s not loaded: %v %v", id, ids(c), c.Problems)
		}
		got := []string{a.Title}
		for _, p := range a.Body {
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != strings.Join(texts, "|") {
			t.Errorf("%s: %q, want %q", id, got, texts)
		}
	}
	assertSafe(t, c)
}
