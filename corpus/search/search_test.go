package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
)

// article builds a test article; paragraphs are separated by blank lines.
func article(id, title, outlet, author, body string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: title, Outlet: outlet, Author: author}
	for _, p := range strings.Split(body, "\n\n") {
		a.Body = append(a.Body, corpus.Paragraph{Text: p})
	}
	return a
}

func handMade() []*corpus.Article {
	return []*corpus.Article{
		article("pt", "US strikes Kata’ib Hezbollah bases in Iraq and Syria", "Press TV", "",
			"The United States attacked positions of Kata’ib Hezbollah on Sunday.\n\nIraqi officials said 25 fighters were killed."),
		article("aw", "US Bombs Ketaib Hezbollah in Iraq", "Antiwar.com", "Jason Ditz",
			"US warplanes struck Ketaib Hezbollah, also spelled Kataib Hezbollah.\n\nThe Pentagon said the strikes were defensive."),
		article("rt", "Pentagon says strikes hit Kataib Hezbolah depots", "RT", "",
			"Strikes hit weapons depots of the Kataib Hezbolah group.\n\nThe group vowed revenge."),
		article("cafe", "Café owner in Baghdad recalls the night of the strikes", "Le Monde", "Hélène Café",
			"The café on Rashid Street stayed open.\n\nHélène said: “We heard the strikes at night.”"),
	}
}

func titleIDs(hits []TitleHit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Article.ID)
	}
	return out
}

func TestTitlesFoldAccentsAndQuotes(t *testing.T) {
	ix := New(handMade())
	for _, q := range []string{"kataib", "Kata'ib", "Kata’ib", "KATAIB"} {
		hits := ix.Titles(q)
		ids := titleIDs(hits)
		if len(ids) < 2 || !contains(ids, "pt") || !contains(ids, "rt") {
			t.Errorf("Titles(%q) = %v, want pt and rt among hits", q, ids)
		}
	}
	hits := ix.Titles("cafe")
	if len(hits) == 0 || hits[0].Article.ID != "cafe" {
		t.Fatalf("Titles(cafe) = %v, want cafe first", titleIDs(hits))
	}
	h := hits[0].Highlights()
	if got := rangesText(hits[0].Article.Title, h.Title); !reflect.DeepEqual(got, []string{"Café"}) {
		t.Errorf("title highlights = %q (%v), want [Café]", got, h.Title)
	}
}

func TestTitlesKetaibFindsAntiwarFirst(t *testing.T) {
	ix := New(handMade())
	hits := ix.Titles("ketaib")
	if len(hits) == 0 || hits[0].Article.ID != "aw" {
		t.Fatalf("Titles(ketaib) = %v, want aw first", titleIDs(hits))
	}
	h := hits[0].Highlights()
	if got := rangesText(hits[0].Article.Title, h.Title); !reflect.DeepEqual(got, []string{"Ketaib"}) {
		t.Errorf("highlights %q", got)
	}
}

func TestTitleHighlightsAcrossFieldsAndMultiByte(t *testing.T) {
	a := article("x", "Kata’ib", "Press TV", "Hélène", "")
	ix := NewWithOptions([]*corpus.Article{a}, Options{Story: func(*corpus.Article) string { return "Iraq strikes" }})
	hits := ix.Titles("kataib press helene iraq")
	if len(hits) != 1 {
		t.Fatalf("want 1 hit, got %d", len(hits))
	}
	h := hits[0].Highlights()
	check := func(field string, s string, rs []Range, want []string) {
		t.Helper()
		for _, r := range rs {
			if r.Start < 0 || r.End > len(s) || r.Start >= r.End || !utf8.ValidString(s[r.Start:r.End]) {
				t.Fatalf("%s: bad range %v in %q", field, r, s)
			}
		}
		if got := rangesText(s, rs); !reflect.DeepEqual(got, want) {
			t.Errorf("%s highlights = %q, want %q", field, got, want)
		}
	}
	check("title", a.Title, h.Title, []string{"Kata’ib"})
	check("outlet", a.Outlet, h.Outlet, []string{"Press"})
	check("author", a.Author, h.Author, []string{"Hélène"})
	check("story", hits[0].Story, h.Story, []string{"Iraq"})
}

func TestWordsApostrophesAndSpellings(t *testing.T) {
	ix := New(handMade())
	cases := []struct {
		q    string
		want []string // as a set
	}{
		{"kataib", []string{"pt", "aw", "rt"}},
		{"Kata'ib", []string{"pt", "aw", "rt"}},
		{"Kata’ib", []string{"pt", "aw", "rt"}},
		{"ketaib", []string{"aw"}},
		{"KETAIB hezbollah", []string{"aw"}},
		{"ketaib hezbolah", nil},
		{"cafe", []string{"cafe"}},
		{"CAFÉ rashid", []string{"cafe"}},
		{`"weapons depots"`, []string{"rt"}},
		{`“heard the strikes”`, []string{"cafe"}},
		{`"strikes were"`, []string{"aw"}},
		{`"killed the"`, nil}, // across a paragraph break
		{"", nil},
	}
	for _, c := range cases {
		var got []string
		for _, h := range ix.Words(c.q) {
			got = append(got, h.Article.ID)
		}
		if !sameSet(got, c.want) {
			t.Errorf("Words(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestWordsPrefix(t *testing.T) {
	ix := New(handMade())
	if n := len(ix.Words("hezb")); n != 0 {
		t.Errorf("Words(hezb) found %d, want whole words only", n)
	}
	if n := len(ix.WordsPrefix("hezb")); n != 3 {
		t.Errorf("WordsPrefix(hezb) found %d, want 3", n)
	}
	if n := len(ix.WordsPrefix("hezb ")); n != 0 {
		t.Errorf("WordsPrefix(\"hezb \") found %d, want 0: a finished word is whole", n)
	}
}

func TestWordDetail(t *testing.T) {
	ix := New(handMade())
	hits := ix.Words("pentagon strikes")
	if len(hits) != 1 || hits[0].Article.ID != "aw" {
		t.Fatalf("hits %d", len(hits))
	}
	for _, h := range hits {
		d := h.Detail(40)
		if d.Paragraph < 0 || len(d.Paragraphs) == 0 {
			t.Fatalf("%s: no paragraph: %+v", h.Article.ID, d)
		}
		for _, r := range d.Highlights {
			w := strings.ToLower(d.Snippet[r.Start:r.End])
			if w != "pentagon" && w != "strikes" {
				t.Errorf("%s: highlight %q in %q", h.Article.ID, w, d.Snippet)
			}
		}
	}
	d := ix.Words("helene heard")[0].Detail(30)
	if d.Paragraph != 1 || !reflect.DeepEqual(d.Paragraphs, []int{1}) {
		t.Errorf("detail %+v", d)
	}
	if got := rangesText(d.Snippet, d.Highlights); !reflect.DeepEqual(got, []string{"Hélène", "heard"}) {
		t.Errorf("highlights %q in %q", got, d.Snippet)
	}
	if !strings.HasSuffix(d.Snippet, "…") {
		t.Errorf("snippet %q should be cut with …", d.Snippet)
	}
}

func rangesText(s string, rs []Range) []string {
	var out []string
	for _, r := range rs {
		out = append(out, s[r.Start:r.End])
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}
