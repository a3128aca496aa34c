package feed

import (
	"errors"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

func TestParseOPML(t *testing.T) {
	o, err := ParseOPML(readTestdata(t, "opml.xml"), "text/x-opml", "https://me.example.org/subs/list.opml")
	if err != nil {
		t.Fatal(err)
	}
	if o.Title != "My coverage & sources" {
		t.Errorf("title %q", o.Title)
	}
	want := []Subscription{
		{Title: "Example Wire", FeedURL: "https://wire.example.com/rss", SiteURL: "https://wire.example.com/",
			Folders: []string{"Wires"}, Line: 6},
		{Title: "Harbour Gazette", FeedURL: "https://feeds.example.net/gazette/world.rss",
			Folders: []string{"Wires", "Regional"}, Line: 8},
		{Title: "Relative", FeedURL: "https://me.example.org/feeds/relative.xml",
			Folders: []string{"Wires", "Regional"}, Line: 9},
		{Title: "Field Notes", FeedURL: "https://blog.example.org/feed.atom", SiteURL: "https://blog.example.org/", Line: 12},
	}
	if len(o.Subscriptions) != len(want) {
		t.Fatalf("%d subscriptions, want %d (the duplicate and the ftp one left out): %+v", len(o.Subscriptions), len(want), o.Subscriptions)
	}
	for i, s := range o.Subscriptions {
		w := want[i]
		if s.Title != w.Title || s.FeedURL != w.FeedURL || s.SiteURL != w.SiteURL || !slices.Equal(s.Folders, w.Folders) || s.Line != w.Line {
			t.Errorf("subscription %d: %+v, want %+v", i, s, w)
		}
	}
	if len(o.Problems) != 1 || o.Problems[0] != `line 14: feed address "ftp://files.example.org/feed.xml" is not an http(s) address` {
		t.Errorf("problems %q", o.Problems)
	}
}

func TestParseOPMLErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		is         error
		msg        string
	}{
		{"no feeds", `<opml><head><title>t</title></head><body><outline text="folder"><outline text="x"/></outline></body></opml>`,
			ErrNoFeeds, "the OPML file lists no feeds"},
		{"only bad feeds", "<opml><body>\n<outline xmlUrl=\"javascript:alert(1)\"/></body></opml>",
			ErrNoFeeds, `the OPML file lists no feeds (line 2: feed address "javascript:alert(1)" is not an http(s) address)`},
		{"a feed", string(readTestdata(t, "rss2.xml")), ErrNotOPML, "not an OPML file (the root element is <rss>)"},
		{"empty", "", ErrNotOPML, "not an OPML file (no XML element in it)"},
		{"truncated", "<opml>\n<body>\n<outline xmlUrl=\"https://a/\">", ErrMalformed, "malformed XML at line 3: unexpected EOF"},
	} {
		o, err := ParseOPML([]byte(tc.data), "", "")
		if o != nil || !errors.Is(err, tc.is) || err.Error() != tc.msg {
			t.Errorf("%s: got %v, %v; want %v %q", tc.name, o, err, tc.is, tc.msg)
		}
	}
}

func TestParseOPMLHostile(t *testing.T) {
	data := "<opml><body><outline text=\"\u202eevil&#x1b;[2J\" title=\"&#27;]0;x&#7;Title\" xmlUrl=\"https://a.example/f?x=1&amp;region=2\"/>" +
		"<outline text=\"bad\" xmlUrl=\"https://a.example/\u202e\x1b[2J\"/></body></opml>"
	o, err := ParseOPML([]byte(data), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Subscriptions) != 2 {
		t.Fatalf("%+v", o.Subscriptions)
	}
	s := o.Subscriptions[0]
	if s.Title != "^[]0;x^GTitle" || s.FeedURL != "https://a.example/f?x=1&region=2" {
		t.Errorf("%+v", s)
	}
	// The raw ESC is dropped before parsing; url.Parse accepts the bidi
	// control, which comes back percent-encoded.
	if u := o.Subscriptions[1].FeedURL; u != "https://a.example/%E2%80%AE%5B2J" {
		t.Errorf("feed address %q", u)
	}
	for _, p := range o.Problems {
		if !textnorm.Safe(p) {
			t.Errorf("problem %q", p)
		}
	}
}
