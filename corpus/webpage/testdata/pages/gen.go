//go:build ignore

// gen writes the evaluation pages and their gold: go run gen.go articles.go
//
// Each page is one of the stories in articles.go dressed in the markup of a
// kind of news site (a modern news site, WordPress, a React site with hashed
// class names, an old table layout, AMP, a live blog, a regional paper, a
// government press office), with the chrome such sites carry placed where
// they put it. The gold (NAME.gold) is the story as a person would cut it
// from the page: its standfirst, paragraphs, subheads, list items and table
// rows and the text of embedded posts (not captions, pull quotes, boxes or
// comments), and
// the title, date, outlet and author. The pages are deterministic; re-run
// after editing and read the diff.
package main

import (
	"fmt"
	"html"
	"os"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

type block struct {
	kind  string // p, h, q, li, table
	text  string
	items []string
	head  []string
	rows  [][]string
}

type story struct {
	slug, title, dek, author, date, lang string
	body                                 []block
}

func p(s string) block         { return block{kind: "p", text: s} }
func h(s string) block         { return block{kind: "h", text: s} }
func q(s string) block         { return block{kind: "q", text: s} }
func li(items ...string) block { return block{kind: "li", items: items} }
func tbl(head []string, rows [][]string) block {
	return block{kind: "table", head: head, rows: rows}
}

// spec is one page: a story, a site, where its metadata is, and its chrome.
type spec struct {
	name    string
	st      story
	site    site
	meta    string   // jsonld, graph, og, dc, microdata, title, all
	body    string   // p, divs, br, font, sections
	charset string   // "" (UTF-8), windows-1252, iso-8859-1
	header  bool     // charset only in the Content-Type header
	extras  []string // chrome, see chrome()
	keep    int      // paywall: paragraphs shown before the wall (0: all)
	noURL   bool     // the test passes no page address
}

type site struct {
	name, host, skin string
}

var (
	gazette   = site{"The Riverside Gazette", "www.riversidegazette.co.uk", "modern"}
	ledger    = site{"Evening Ledger", "eveningledger.com", "wordpress"}
	pulse     = site{"Pulse", "pulse.news", "hashed"}
	chronicle = site{"Valley Chronicle", "www.valleychronicle.net", "table"}
	wire      = site{"Global Wire", "globalwire.org", "amp"}
	courier   = site{"Harbour Courier", "www.harbourcourier.com", "live"}
	bote      = site{"Stadtbote", "www.stadtbote.de", "regional"}
	ministry  = site{"Department for Transport", "www.transport.example.gov", "gov"}
	journal   = site{"Le Journal du Quartier", "www.journalduquartier.fr", "modern"}
	blogsite  = site{"Policy Notes", "policynotes.blog", "blog"}
)

var specs = []spec{
	{name: "01-modern-jsonld", st: floods, site: gazette, meta: "jsonld", body: "p", extras: []string{"cookie", "share", "figure", "readmore", "newsletter", "related", "footer"}},
	{name: "02-wordpress-og", st: rates, site: ledger, meta: "og", body: "p", extras: []string{"sidebar", "comments", "share", "tags", "bio"}},
	{name: "03-hashed-graph", st: layoffs, site: pulse, meta: "graph", body: "p", extras: []string{"cookie", "trending", "newsletter", "ads"}},
	{name: "04-table-cp1252", st: strikes, site: chronicle, meta: "title", body: "font", charset: "windows-1252"},
	{name: "05-amp", st: final, site: wire, meta: "jsonld", body: "p", extras: []string{"share", "ads", "related"}},
	{name: "06-liveblog", st: heatwave, site: courier, meta: "jsonld", body: "live", extras: []string{"cookie", "share", "related"}},
	{name: "07-regional-de", st: wahl, site: bote, meta: "og", body: "p", extras: []string{"cookie", "comments", "related", "paywall-none", "ads"}},
	{name: "08-paywall", st: ruling, site: gazette, meta: "jsonld", body: "p", keep: 3, extras: []string{"paywall", "share", "related"}},
	{name: "09-gov-dc", st: floods, site: ministry, meta: "dc", body: "p", extras: []string{"breadcrumbs", "footer"}},
	{name: "10-divs-cnn", st: strikes, site: wire, meta: "og", body: "divs", extras: []string{"share", "readmore", "ads", "related"}},
	{name: "11-blog-br", st: fossil, site: blogsite, meta: "title", body: "br", extras: []string{"sidebar", "comments"}},
	{name: "12-tweets-pullquote", st: final, site: pulse, meta: "jsonld", body: "p", extras: []string{"tweet", "pullquote", "figure", "trending"}},
	{name: "13-byline-dateline", st: layoffs, site: ledger, meta: "og", body: "p", extras: []string{"byline", "dateline", "share", "comments"}},
	{name: "14-microdata", st: fossil, site: gazette, meta: "microdata", body: "p", extras: []string{"figure", "related", "newsletter"}},
	{name: "15-iso-header", st: greve, site: journal, meta: "og", body: "p", charset: "iso-8859-1", header: true, extras: []string{"cookie", "share"}},
	{name: "16-pagination", st: rates, site: chronicle, meta: "dc", body: "p", extras: []string{"pagination", "sidebar"}},
	{name: "17-sections-ads", st: heatwave, site: pulse, meta: "graph", body: "sections", extras: []string{"ads", "readmore", "newsletter"}},
	{name: "18-long-comments", st: ruling, site: blogsite, meta: "og", body: "p", extras: []string{"comments-long", "sidebar"}},
	{name: "19-modal-end", st: wahl, site: bote, meta: "jsonld", body: "p", extras: []string{"modal", "share", "related"}},
	{name: "20-no-url-title", st: final, site: chronicle, meta: "title", body: "p", noURL: true, extras: []string{"sidebar"}},
	{name: "21-all-meta", st: heatwave, site: gazette, meta: "all", body: "p", extras: []string{"cookie", "share", "figure", "readmore", "newsletter", "related", "comments", "footer"}},
	{name: "22-amp-graph", st: layoffs, site: wire, meta: "graph", body: "p", extras: []string{"share", "related", "ads"}},
	{name: "23-wordpress-caption", st: floods, site: ledger, meta: "og", body: "p", extras: []string{"figure", "sidebar", "comments", "tags"}},
	{name: "24-hashed-divs", st: fossil, site: pulse, meta: "jsonld", body: "divs", extras: []string{"trending", "ads", "share"}},
	{name: "25-live-strikes", st: strikes, site: courier, meta: "graph", body: "live", extras: []string{"share", "related"}},
	{name: "26-gov-table", st: heatwave, site: ministry, meta: "dc", body: "p", extras: []string{"breadcrumbs", "footer"}},
	{name: "27-regional-readmore", st: greve, site: journal, meta: "jsonld", body: "p", extras: []string{"readmore", "readmore-inline", "related", "newsletter"}},
	{name: "28-blog-bio", st: rates, site: blogsite, meta: "og", body: "p", extras: []string{"bio", "tags", "comments", "share"}},
	{name: "29-modern-tweet", st: ruling, site: gazette, meta: "all", body: "p", extras: []string{"tweet", "figure", "byline", "dateline", "related"}},
	{name: "30-table-br-cp1252", st: fossil, site: chronicle, meta: "title", body: "br", charset: "windows-1252", extras: []string{"sidebar"}},
	{name: "31-sections-paywall", st: layoffs, site: pulse, meta: "graph", body: "sections", keep: 4, extras: []string{"paywall", "cookie"}},
	{name: "32-wordpress-long", st: strikes, site: ledger, meta: "og", body: "p", extras: []string{"comments-long", "sidebar", "share", "pullquote"}},
}

func main() {
	for _, s := range specs {
		page, gold := render(s)
		data := []byte(page)
		if s.charset != "" {
			enc := charmap.Windows1252
			if s.charset == "iso-8859-1" {
				enc = charmap.ISO8859_1
			}
			var err error
			if data, err = enc.NewEncoder().Bytes(data); err != nil {
				fmt.Fprintln(os.Stderr, s.name, err)
				os.Exit(1)
			}
		}
		write(s.name+".html", data)
		write(s.name+".gold", []byte(gold))
	}
}

func write(name string, data []byte) {
	if err := os.WriteFile(name, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func (s spec) url() string {
	return "https://" + s.site.host + "/news/" + strings.ReplaceAll(s.st.date, "-", "/") + "/" + s.st.slug + "-" + s.name[:2]
}

func (s spec) has(x string) bool {
	for _, e := range s.extras {
		if e == x {
			return true
		}
	}
	return false
}

func (s spec) lang() string {
	if s.st.lang != "" {
		return s.st.lang
	}
	return "en"
}

// shown is the part of the story the page shows (a paywall cuts it).
func (s spec) shown() []block {
	if s.keep > 0 && s.keep < len(s.st.body) {
		return s.st.body[:s.keep]
	}
	return s.st.body
}

func esc(t string) string { return html.EscapeString(t) }

// gold renders the story as the test reads it.
func gold(s spec) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# gold for %s.html: metadata, then the body as a person would cut it\n", s.name)
	fmt.Fprintf(&b, "title: %s\ndate: %s\noutlet: %s\nauthor: %s\n", s.st.title, s.st.date, s.site.name, s.st.author)
	if !s.noURL {
		fmt.Fprintf(&b, "url: %s\n", s.url())
	}
	if s.header {
		fmt.Fprintf(&b, "content-type: text/html; charset=%s\n", s.charset)
	}
	b.WriteString("---\n")
	// The standfirst is part of the article as readers see it.
	b.WriteString(s.st.dek + "\n\n")
	for i, bl := range s.shown() {
		if i == 2 && s.has("tweet") {
			// The embedded post's text is a quote in the story; its
			// attribution line is not.
			b.WriteString(tweetText + "\n\n")
		}
		switch bl.kind {
		case "p", "q":
			b.WriteString(bl.text + "\n\n")
		case "h":
			b.WriteString("## " + bl.text + "\n\n")
		case "li":
			for _, it := range bl.items {
				b.WriteString("• " + it + "\n\n")
			}
		case "table":
			b.WriteString(strings.Join(bl.head, " | ") + "\n\n")
			for _, r := range bl.rows {
				b.WriteString(strings.Join(r, " | ") + "\n\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func render(s spec) (string, string) {
	var b strings.Builder
	b.WriteString(head(s))
	switch s.site.skin {
	case "table":
		b.WriteString(tablePage(s))
	case "amp":
		b.WriteString(ampPage(s))
	default:
		b.WriteString(modernPage(s))
	}
	b.WriteString("</html>\n")
	return b.String(), gold(s)
}
