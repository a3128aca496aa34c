package feed

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

const base = "https://feeds.example.net/x/feed"

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parseFile(t *testing.T, name string) *Feed {
	t.Helper()
	f, err := Parse(readTestdata(t, name), "", base)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	checkInvariants(t, name, f)
	return f
}

// checkInvariants holds for every feed Parse returns: one-line fields safe
// to print and on one line, links absolute http(s), at least one item.
func checkInvariants(t testing.TB, name string, f *Feed) {
	t.Helper()
	if len(f.Items) == 0 {
		t.Errorf("%s: no items and no error", name)
	}
	oneLine := []string{f.Title, f.Description, f.Language}
	links := []string{f.Link}
	for _, it := range f.Items {
		oneLine = append(append(append(oneLine, it.Title), it.Authors...), it.Categories...)
		links = append(links, it.Link)
		if it.Full && it.Content == "" {
			t.Errorf("%s: item %q is full with no content", name, it.Title)
		}
	}
	for _, s := range oneLine {
		if !textnorm.Safe(s) || strings.Contains(s, "\n") || s != strings.TrimSpace(s) || strings.ContainsFunc(s, isBidiControl) {
			t.Errorf("%s: field %q is not one safe line", name, s)
		}
	}
	for _, l := range links {
		if l != "" && (!strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") || textnorm.SafeURL(l) != l) {
			t.Errorf("%s: link %q is not a printable http(s) address", name, l)
		}
	}
}

func isBidiControl(r rune) bool { return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 }

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sameTime(a, b time.Time) bool { return a.Equal(b) && (a.IsZero() == b.IsZero()) }

func TestParseRSS2(t *testing.T) {
	f := parseFile(t, "rss2.xml")
	if f.Format != RSS2 || f.Title != "The Harbour Gazette — World" || f.Link != "https://news.example.org/world/" ||
		f.Description != "News from the Gazette desk" || f.Language != "en-gb" ||
		!sameTime(f.Updated, date("2019-12-30T08:15:00Z")) {
		t.Errorf("feed %+v", *f)
	}
	if len(f.Items) != 4 {
		t.Fatalf("%d items, want 4 (the empty <item/> dropped)", len(f.Items))
	}

	full := f.Items[0]
	if full.Title != "Strikes hit five sites near the border – officials" {
		t.Errorf("title with &nbsp; and &ndash;: %q", full.Title)
	}
	// Relative to the site (the channel's link), not to the feed's host.
	if full.Link != "https://news.example.org/world/2019/12/29/strikes-border" {
		t.Errorf("relative link: %q", full.Link)
	}
	if full.ID != "gazette-2019-12-29-0412" || full.Key() != "id:gazette-2019-12-29-0412" {
		t.Errorf("guid %q key %q", full.ID, full.Key())
	}
	if !sameTime(full.Published, date("2019-12-29T19:05:00Z")) {
		t.Errorf("EST date: %v", full.Published)
	}
	if !slices.Equal(full.Authors, []string{"Mara Ellison", "Tomás Quirke"}) ||
		!slices.Equal(full.Categories, []string{"Middle East", "Defence & security"}) {
		t.Errorf("authors %q categories %q", full.Authors, full.Categories)
	}
	if full.Summary != "<p>Officials said the strikes hit five sites on Sunday.</p>" || full.SummaryType != HTML {
		t.Errorf("summary %q", full.Summary)
	}
	if !strings.HasPrefix(full.Content, "<p>Aircraft struck five sites") || full.ContentType != HTML ||
		!strings.Contains(full.Content, "&ldquo;Everyone is waiting") || !strings.HasSuffix(full.Content, "</script>") {
		t.Errorf("content:encoded not as given: %.80q…", full.Content)
	}
	if !full.Full {
		t.Error("a four-paragraph content:encoded is not a full article")
	}

	teaser := f.Items[1]
	if teaser.Title != "Markets steady as “calm” returns" {
		t.Errorf("title with character references: %q", teaser.Title)
	}
	if teaser.Link != "https://news.example.org/business/2019/12/30/markets-steady?utm_source=rss&region=eu" {
		t.Errorf("link with &amp;region: %q", teaser.Link)
	}
	if !slices.Equal(teaser.Authors, []string{"Business Desk"}) || !sameTime(teaser.Published, date("2019-12-30T09:30:00Z")) {
		t.Errorf("author %q date %v", teaser.Authors, teaser.Published)
	}
	if teaser.Full || teaser.Content != "" || teaser.ContentType != 0 {
		t.Errorf("a teaser description became content: %+v", teaser)
	}

	inDescription := f.Items[2]
	if inDescription.Link != "https://news.example.org/analysis/strikes-change" {
		t.Errorf("permalink guid as link: %q", inDescription.Link)
	}
	if !inDescription.Full || inDescription.Content != inDescription.Summary || inDescription.ContentType != HTML {
		t.Errorf("a whole article in <description> is not taken as the content: full %v", inDescription.Full)
	}

	raw := f.Items[3]
	if raw.Summary != "<p>A feed that forgot to escape its <b>HTML</b>.</p>" {
		t.Errorf("unescaped HTML in a description: %q", raw.Summary)
	}
}

func TestParseRSS1(t *testing.T) {
	f := parseFile(t, "rss1.rdf")
	if f.Format != RSS1 || f.Title != "Example Wire" || f.Link != "https://wire.example.com/" || f.Language != "en" {
		t.Errorf("feed %+v", *f)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	a, b := f.Items[0], f.Items[1]
	if a.Title != "Ministry confirms strikes" || a.Link != "https://wire.example.com/a/1" ||
		!sameTime(a.Published, date("2019-12-29T18:40:00Z")) || !slices.Equal(a.Authors, []string{"Wire staff"}) ||
		!slices.Equal(a.Categories, []string{"Iraq"}) || a.Summary != "The ministry confirmed the strikes in a statement." {
		t.Errorf("item %+v", a)
	}
	// No <link>: rdf:about names the item.
	if b.Link != "https://wire.example.com/a/2" || !sameTime(b.Published, date("2019-12-30T00:00:00Z")) {
		t.Errorf("item %+v", b)
	}
}

func TestParseAtom(t *testing.T) {
	f := parseFile(t, "atom.xml")
	if f.Format != Atom || f.Title != "Field Notes & Dispatches" || f.Link != "https://blog.example.org/" ||
		f.Description != "Reporting from the region" || f.Language != "en" {
		t.Errorf("feed %+v", *f)
	}
	if len(f.Items) != 3 {
		t.Fatalf("%d items", len(f.Items))
	}
	night := f.Items[0]
	if night.Title != "After the strikes, a long night" {
		t.Errorf("html title: %q", night.Title)
	}
	if night.Link != "https://blog.example.org/2019/12/long-night.html" {
		t.Errorf("link against the entry's xml:base: %q", night.Link)
	}
	if !sameTime(night.Published, date("2019-12-29T20:10:00Z")) ||
		!sameTime(night.Updated, time.Date(2019, 12, 30, 4, 45, 12, 5e8, time.UTC)) {
		t.Errorf("dates %v %v", night.Published, night.Updated)
	}
	if !slices.Equal(night.Authors, []string{"Nadia Farrow"}) || !slices.Equal(night.Categories, []string{"Iraq", "dispatch"}) {
		t.Errorf("feed author inherited %q, categories (label, else term) %q", night.Authors, night.Categories)
	}
	if night.Summary != "<p>The city did not sleep.</p>" || night.SummaryType != HTML {
		t.Errorf("html summary %q", night.Summary)
	}
	// xhtml: the wrapping div goes, text is escaped again, <br/> is HTML.
	if !strings.HasPrefix(night.Content, "<p>The first sirens") || strings.Contains(night.Content, "<div") ||
		!strings.Contains(night.Content, "<em>“We are managing,”</em> she said, &amp; went back") ||
		!strings.Contains(night.Content, "name.<br>Nobody") || night.ContentType != HTML || !night.Full {
		t.Errorf("xhtml content: %q", night.Content)
	}

	notebook := f.Items[1]
	if notebook.ContentType != Text || notebook.SummaryType != Text || notebook.Full ||
		!slices.Equal(notebook.Authors, []string{"Guest Writer"}) {
		t.Errorf("text content: %+v", notebook)
	}
	if f.Items[2].Link != "https://blog.example.org/2019/12/permalink-id" {
		t.Errorf("no link, permalink id: %q", f.Items[2].Link)
	}
}

func TestParseJSONFeed(t *testing.T) {
	f := parseFile(t, "jsonfeed.json")
	if f.Format != JSONFeed || f.Title != "Coverage Desk" || f.Link != "https://desk.example.org/" {
		t.Errorf("feed %+v", *f)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	a, b := f.Items[0], f.Items[1]
	if a.Link != "https://desk.example.org/2019/12/29/strikes" || a.ID != "2019-12-29-strikes" ||
		a.Content != "<p>Five sites, officials said.</p>" || a.ContentType != HTML ||
		a.Summary != "A comparison of early reports." || a.SummaryType != Text ||
		!slices.Equal(a.Authors, []string{"Ana Ruiz", "Ben Cole"}) || !slices.Equal(a.Categories, []string{"strikes", "media"}) ||
		!sameTime(a.Updated, date("2019-12-30T07:00:00Z")) {
		t.Errorf("item %+v", a)
	}
	if b.Link != "https://other.example.com/report" || b.ID != "20191230" || b.ContentType != Text ||
		b.Content != "Plain text only.\nSecond line." || !slices.Equal(b.Authors, []string{"The Desk"}) {
		t.Errorf("item %+v", b)
	}
}

func TestParseWindows1252(t *testing.T) {
	f := parseFile(t, "windows1252.xml")
	it := f.Items[0]
	if f.Title != "Le Quotidien – International" || it.Title != "“Frappes” : le ministère réagit" ||
		it.Summary != "Coût estimé : 5 millions d’€." {
		t.Errorf("title %q, item %q, summary %q", f.Title, it.Title, it.Summary)
	}
	if !it.Published.IsZero() {
		t.Errorf("a French date is not read, and is no error: %v", it.Published)
	}
}

func TestParseCharsets(t *testing.T) {
	rss := func(decl, title string) string {
		return decl + `<rss version="2.0"><channel><title>` + title + `</title><item><title>x</title></item></channel></rss>`
	}
	for _, tc := range []struct {
		name, contentType, want string
		data                    []byte
	}{
		{"charset from the header", "application/rss+xml; charset=ISO-8859-1", "Café",
			[]byte(rss(`<?xml version="1.0"?>`, "Caf\xe9"))},
		{"declaration wins over the header", "text/xml; charset=iso-8859-1", "Café",
			[]byte(rss(`<?xml version="1.0" encoding="utf-8"?>`, "Café"))},
		{"UTF-8 under a Latin-1 label", "", "Café – 5 €",
			[]byte(rss(`<?xml version="1.0" encoding="ISO-8859-1"?>`, "Café – 5 €"))},
		{"Latin-1 with no label", "", "Café",
			[]byte(rss(`<?xml version="1.0"?>`, "Caf\xe9"))},
		{"KOI8-R", "", "Новости",
			[]byte(rss(`<?xml version="1.0" encoding="KOI8-R"?>`, "\xee\xcf\xd7\xcf\xd3\xd4\xc9"))},
		{"unknown label", "", "Café",
			[]byte(rss(`<?xml version="1.0" encoding="x-no-such"?>`, "Café"))},
		{"UTF-8 BOM", "", "Café", append([]byte("\xef\xbb\xbf"), rss(`<?xml version="1.0"?>`, "Café")...)},
		{"UTF-16LE BOM", "", "Café – 5 €", utf16LE(rss(`<?xml version="1.0" encoding="UTF-16"?>`, "Café – 5 €"))},
	} {
		f, err := Parse(tc.data, tc.contentType, "")
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if f.Title != tc.want {
			t.Errorf("%s: title %q, want %q", tc.name, f.Title, tc.want)
		}
	}
}

func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		if r > 0xFFFF {
			panic("BMP only")
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestParseControls: raw characters XML forbids are dropped, references to
// them shown in caret notation, the rest of the feed read.
func TestParseControls(t *testing.T) {
	f := parseFile(t, "controls.xml")
	it := f.Items[0]
	if f.Title != "Control Room" {
		t.Errorf("feed title %q", f.Title)
	}
	if it.Title != "Bell and escape[31m red ^[[2J clear ^[]0;title^G" {
		t.Errorf("title %q", it.Title)
	}
	if it.Link != "https://ctrl.example.org/ab" {
		t.Errorf("link with a NUL: %q", it.Link)
	}
	if it.Summary != "Formfeed and a NUL here; ^@ \uFFFD \uFFFD fine ☺ and A" {
		t.Errorf("summary %q", it.Summary)
	}
}

// TestParseHostile: escape sequences, bidi controls and entities in titles
// are neutralised; links that are not http(s) are dropped; content is
// left as it is for the extractor.
func TestParseHostile(t *testing.T) {
	f := parseFile(t, "hostile.xml")
	if f.Title != "^[]0;owned^GEvil deef News" || f.Link != "" {
		t.Errorf("feed title %q link %q", f.Title, f.Link)
	}
	it := f.Items[0]
	if it.Title != "STRIKES ^[[31m red M-^Enext line &region" { // no ";": not a reference
		t.Errorf("title %q", it.Title)
	}
	if it.Link != "https://evil.example.com/a?x=1&region=2" {
		t.Errorf("the link's &region was decoded: %q", it.Link)
	}
	if !slices.Equal(it.Authors, []string{"Mallory M-^[31m"}) || !slices.Equal(it.Categories, []string{"\u200bcat"}) {
		t.Errorf("authors %q categories %q", it.Authors, it.Categories)
	}
	if it.Content != `<p onclick="x()">Body ^[[2J with <script>alert(1)</script></p>` {
		t.Errorf("content %q", it.Content)
	}
	if f.Items[1].Link != "" {
		t.Errorf("a data: link kept: %q", f.Items[1].Link)
	}
}

func TestItemKey(t *testing.T) {
	d := date("2019-12-29T10:00:00+01:00")
	for it, want := range map[*Item]string{
		{ID: "g1", Link: "https://x/1"}:       "id:g1",
		{Link: "https://x/1", Title: "T"}:     "link:https://x/1",
		{Title: "Only a title", Published: d}: "title:Only a title@2019-12-29T09:00:00Z",
		{Summary: "text"}:                     "",
	} {
		if got := it.Key(); got != want {
			t.Errorf("Key(%+v) = %q, want %q", *it, got, want)
		}
	}
}

func TestResolveLink(t *testing.T) {
	b := parseBase("https://news.example.org/world/index.html")
	for ref, want := range map[string]string{
		"/a/b":                        "https://news.example.org/a/b",
		"story.html":                  "https://news.example.org/world/story.html",
		"  https://x.example/a  ":     "https://x.example/a",
		"//cdn.example/x":             "https://cdn.example/x",
		"?page=2&region=eu":           "https://news.example.org/world/index.html?page=2&region=eu",
		"https://x.example/?q=\u202e": "https://x.example/?q=%E2%80%AE",
		"https://x.example/#\u2066":   "https://x.example/#%E2%81%A6",
		"javascript:alert(1)":         "",
		"mailto:a@example.org":        "",
		"data:text/html,x":            "",
		"https://x.example/\x1b[2J":   "",
		"":                            "",
	} {
		if got := resolveLink(b, ref); got != want {
			t.Errorf("resolveLink(%q) = %q, want %q", ref, got, want)
		}
	}
	if got := resolveLink(nil, "/relative"); got != "" {
		t.Errorf("a relative link with no base: %q", got)
	}
}

func TestCleanXML(t *testing.T) {
	for in, want := range map[string]string{
		"a\x00b\x01c\x1fd\te\nf\rg": "abcd\te\nf\rg",
		"x\uFFFEy\uFFFFz\uFFFDw":    "xyz\uFFFDw",
		"&#27;&#x1b;&#X1B;&#0;":     "^[^[^[^@",
		"&#9;&#10;&#13;&#x41;":      "&#9;&#10;&#13;&#x41;",
		"&#XFF;&#xd800;&#1114112;":  "&#xFF;\uFFFD\uFFFD",
		"&#99999999999;":            "&#99999999999;",
		"ok &amp; fine":             "ok &amp; fine",
	} {
		if got := string(cleanXML([]byte(in))); got != want {
			t.Errorf("cleanXML(%q) = %q, want %q", in, got, want)
		}
	}
}
