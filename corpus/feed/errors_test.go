package feed

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

func TestParseErrors(t *testing.T) {
	deep := `<?xml version="1.0"?><rss><channel><item><description>` + strings.Repeat("<b>", 300) + `x</description></item></channel></rss>`
	for _, tc := range []struct {
		name, data string
		is         error
		msg        string
	}{
		{"truncated", string(readTestdata(t, "malformed.xml")), ErrMalformed, "malformed XML at line 11: unexpected EOF"},
		{"mismatched namespace", "<rss>\n<channel>\n<item>\n<x:title xmlns:x=\"urn:a\">t</y:title>", ErrMalformed,
			"malformed XML at line 4: element <title> in space x closed by </title> in space y"},
		{"garbage after <", "<rss>\n<channel><item><title>a</title>\n<1abc></item></channel></rss>", ErrMalformed,
			"malformed XML at line 3:"},
		{"nested too deep", deep, ErrMalformed, "malformed XML at line 1: elements nested more than 256 deep"},
		{"JSON cut short", "{\n \"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [\n", ErrMalformed,
			"malformed JSON at line 4: unexpected end of input"},
		{"JSON syntax", "{\n \"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [}\n", ErrMalformed,
			"malformed JSON at line 3: invalid character '}' looking for beginning of value"},
		{"no items", string(readTestdata(t, "noitems.xml")), ErrNoItems, "the feed has no items"},
		{"only empty items", `<rss><channel><item/><item> </item></channel></rss>`, ErrNoItems, "the feed has no items"},
		{"empty JSON Feed", `{"version": "https://jsonfeed.org/version/1", "items": []}`, ErrNoItems, "the feed has no items"},
		{"empty Atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>`, ErrNoItems, "the feed has no items"},
		{"an HTML page", "<!DOCTYPE html><html><body><p>x</p></body></html>", ErrNotFeed, "not a feed (an HTML page)"},
		{"OPML", string(readTestdata(t, "opml.xml")), ErrNotFeed, "not a feed (an OPML list of feeds)"},
		{"another XML document", `<?xml version="1.0"?><urlset/>`, ErrNotFeed, "not a feed (an XML document whose root is <urlset>)"},
		{"JSON, not a feed", `{"data": [1, 2, 3]}`, ErrNotFeed, "not a feed (JSON that is not a JSON Feed: no jsonfeed.org version)"},
		{"empty", "", ErrNotFeed, "not a feed (no XML element in it)"},
		{"plain text", "Just words.", ErrNotFeed, "not a feed (no XML element in it)"},
	} {
		f, err := Parse([]byte(tc.data), "", base)
		if f != nil || !errors.Is(err, tc.is) {
			t.Errorf("%s: got %v, %v; want %v", tc.name, f, err, tc.is)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.msg) || !textnorm.Safe(err.Error()) {
			t.Errorf("%s: message %q, want %q", tc.name, err, tc.msg)
		}
		var se *SyntaxError
		if errors.As(err, &se) != errors.Is(tc.is, ErrMalformed) {
			t.Errorf("%s: *SyntaxError %v for %v", tc.name, se, tc.is)
		}
	}
}

// TestParseLenient: what strict XML refuses but feeds contain is read.
func TestParseLenient(t *testing.T) {
	for _, tc := range []struct{ name, data, title string }{
		{"HTML entities", `<rss><channel><item><title>a&nbsp;b &mdash; c&hellip; &eacute;t&eacute; &euro;5</title></item></channel></rss>`,
			"a b — c… été €5"},
		{"unknown entity", `<rss><channel><item><title>a &bogus; b</title></item></channel></rss>`, "a &bogus; b"},
		{"bare ampersand", `<rss><channel><item><title>AT&T & co</title></item></channel></rss>`, "AT&T & co"},
		{"undeclared prefix", `<rss><channel><item><title>t</title><content:encoded>full</content:encoded></item></channel></rss>`, "t"},
		{"unquoted attribute", `<rss version=two><channel><item><title>t</title></item></channel></rss>`, "t"},
		{"uppercase hex reference", `<rss><channel><item><title>&#X263A;</title></item></channel></rss>`, "☺"},
		{"double-escaped title", `<rss><channel><item><title>Fish &amp;amp; Chips</title></item></channel></rss>`, "Fish & Chips"},
		{"empty self link first", `<rss><channel><link rel="self" href="x"/><link>https://site.example/</link><item><title>t</title><link/><link>/a</link></item></channel></rss>`, "t"},
		{"trailing junk", `<rss><channel><item><title>t</title></item></channel></rss><rss/>garbage`, "t"},
	} {
		f, err := Parse([]byte(tc.data), "", base)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if f.Items[0].Title != tc.title {
			t.Errorf("%s: title %q, want %q", tc.name, f.Items[0].Title, tc.title)
		}
	}
	f, err := Parse([]byte(`<rss><channel><item><title>t</title><content:encoded>full</content:encoded></item></channel></rss>`), "", "")
	if err != nil || f.Items[0].Content != "full" {
		t.Errorf("content:encoded with an undeclared prefix: %v %+v", err, f)
	}
	f, err = Parse([]byte(`<rss><channel><link rel="self" href="x"/><link>https://site.example/</link><item><title>t</title><link/><link>/a</link></item></channel></rss>`), "", "")
	if err != nil || f.Link != "https://site.example/" || f.Items[0].Link != "https://site.example/a" {
		t.Errorf("empty <link> before the real one: %v %+v", err, f)
	}
	// Raw HTML with unclosed void elements in a description.
	f, err = Parse([]byte(`<rss><channel><item><description><p>a<br>b<img src="x.png">c<p>d</description></item></channel></rss>`), "", "")
	if want := `<p>a<br>b<img src="x.png">c<p>d</p></p>`; err != nil || f.Items[0].Summary != want {
		t.Errorf("raw HTML description: %v %+v, want %q", err, f, want)
	}
}

func TestParseDates(t *testing.T) {
	for in, want := range map[string]string{
		"Sun, 29 Dec 2019 14:05:00 +0000":         "2019-12-29T14:05:00Z",
		"Sun, 29 Dec 2019 14:05:00 GMT":           "2019-12-29T14:05:00Z",
		"Sun, 29 Dec 2019 14:05:00 EST":           "2019-12-29T19:05:00Z",
		"Sun, 29 Dec 2019 14:05:00 PDT":           "2019-12-29T21:05:00Z",
		"Sun, 29 Dec 2019 14:05 +0100":            "2019-12-29T13:05:00Z",
		"29 Dec 2019 14:05:00 +0000":              "2019-12-29T14:05:00Z",
		"Sun, 9 Dec 2019 14:05:00 +0000":          "2019-12-09T14:05:00Z",
		"Sun, 29 Dec 19 14:05:00 +0000":           "2019-12-29T14:05:00Z",
		"Sunday, 29 December 2019 14:05:00 +0000": "2019-12-29T14:05:00Z",
		"Sun 29 Dec 2019 14:05:00 +0000":          "2019-12-29T14:05:00Z",
		"Tues, 31 Dec 2019 14:05:00 +0000":        "2019-12-31T14:05:00Z",
		"Sun, 29 Dec 2019 14:05:00 GMT+0300":      "2019-12-29T11:05:00Z",
		"Sun, 29 Dec 2019 14:05:00 +03:00":        "2019-12-29T11:05:00Z",
		"sun, 29 dec 2019 14:05:00 gmt":           "2019-12-29T14:05:00Z",
		"  Sun,  29 Dec 2019  14:05:00 +0000 ":    "2019-12-29T14:05:00Z",
		"2019-12-29T14:05:00Z":                    "2019-12-29T14:05:00Z",
		"2019-12-29T14:05:00.123+03:00":           "2019-12-29T11:05:00.123Z",
		"2019-12-29T14:05:00+0300":                "2019-12-29T11:05:00Z",
		"2019-12-29T14:05:00":                     "2019-12-29T14:05:00Z",
		"2019-12-29T14:05Z":                       "2019-12-29T14:05:00Z",
		"2019-12-29 14:05:00":                     "2019-12-29T14:05:00Z",
		"2019-12-29 14:05:00 +0100":               "2019-12-29T13:05:00Z",
		"2019-12-29":                              "2019-12-29T00:00:00Z",
		"December 29, 2019":                       "2019-12-29T00:00:00Z",
		"Dec 29, 2019 14:05:00 +0000":             "2019-12-29T14:05:00Z",
	} {
		got, ok := parseDate(in)
		w, _ := time.Parse(time.RFC3339Nano, want)
		if !ok || !got.Equal(w) {
			t.Errorf("parseDate(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "yesterday", "Lun, 30 Déc 2019 10:00:00 +0100", "2019-13-45", "Sun, 29 Dec 2019 14:05:00 XYZ"} {
		if got, ok := parseDate(bad); ok {
			t.Errorf("parseDate(%q) = %v, want no date", bad, got)
		}
	}
}

func TestIsFullArticle(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	for _, tc := range []struct {
		name    string
		content string
		t       TextType
		want    bool
	}{
		{"150 words", "<p>" + words(150) + "</p>", HTML, true},
		{"149 words", "<p>" + words(149) + "</p>", HTML, false},
		{"words in markup do not count", `<p class="` + words(200) + `">` + words(20) + "</p>", HTML, false},
		{"script does not count", "<script>" + words(300) + "</script><p>" + words(20) + "</p>", HTML, false},
		{"style does not count", "<STYLE type=x>" + words(300) + "</style >" + words(20), HTML, false},
		{"comments do not count", "<!-- " + words(300) + " -->" + words(20), HTML, false},
		{"entities are not words", strings.Repeat("&nbsp; ", 200) + words(20), HTML, false},
		{"tags separate words", strings.Repeat("a<br>b<br>", 80), HTML, true},
		{"ends with an ellipsis", "<p>" + words(300) + "…</p>", HTML, false},
		{"ends with [...]", words(300) + " [...]", HTML, false},
		{"read more link", "<p>" + words(300) + ` <a href="x">Read more</a></p>`, HTML, false},
		{"continue reading", words(300) + " Continue reading →", Text, false},
		{"read more early is fine", "Read more about it below. " + words(300), Text, true},
		{"text", words(160), Text, true},
		{"a < b is text", strings.Repeat("a < b ", 60), HTML, true},
	} {
		if got := IsFullArticle(tc.content, tc.t); got != tc.want {
			t.Errorf("%s: IsFullArticle = %v, want %v", tc.name, got, tc.want)
		}
	}
}
