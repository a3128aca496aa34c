package webpage

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

// article wraps body paragraphs in a plain page with a header and footer.
func article(head, body string) string {
	return `<!DOCTYPE html><html lang="en"><head>` + head + `</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<article><h1>Storm closes ports along the coast</h1>` + body + `</article>
<footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>`
}

const paras = `<p>Ports along the northern coast were closed on Tuesday as a storm brought winds of up to 120 kilometres an hour, the coastguard said.</p>
<p>Ferries between the islands were cancelled and about 300 passengers spent the night in terminal buildings, where volunteers handed out blankets and food.</p>
<p>Forecasters expect the wind to drop by Thursday, when services should resume on a reduced timetable for the first two days.</p>`

func mustExtract(t *testing.T, page string, opts Options) *Page {
	t.Helper()
	p, err := Extract([]byte(page), opts)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return p
}

func TestMetadataPrecedence(t *testing.T) {
	head := `<title>Title tag | Example News</title>
<meta property="og:title" content="OG title">
<meta property="og:site_name" content="Example News">
<meta name="DC.title" content="DC title">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="author" content="Meta Author">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Example Site"},
 {"@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2024-03-04","author":[{"@id":"#p1"},{"@type":"Person","name":"Second Writer"}],"publisher":{"@type":"Organization","name":"Example Media Group Ltd"}},
 {"@type":"Person","@id":"#p1","name":"First Writer"}]}</script>`
	p := mustExtract(t, article(head, paras), Options{URL: "https://www.example.com/a/b"})
	if p.Title != "JSON-LD headline" || p.Sources["title"] != "JSON-LD headline" {
		t.Errorf("title %q from %q, want the JSON-LD headline", p.Title, p.Sources["title"])
	}
	if got := p.Date.Time.Format("2006-01-02"); got != "2024-03-04" || p.Date.Precision != PrecisionDay {
		t.Errorf("date %s (%s), want JSON-LD's 2024-03-04 to the day", got, p.Date.Precision)
	}
	if strings.Join(p.Authors, ";") != "First Writer;Second Writer" {
		t.Errorf("authors %q, want both JSON-LD authors, the first through @id", p.Authors)
	}
	if p.SiteName != "Example News" {
		t.Errorf("site %q, want og:site_name", p.SiteName)
	}
}

func TestMetadataFallbacks(t *testing.T) {
	cases := []struct {
		name, head, url   string
		title, site, date string
		prec              Precision
	}{
		{"og", `<meta property="og:title" content="OG title"><meta property="article:published_time" content="2024-01-02T08:00:00+01:00"><title>x</title>`,
			"https://news.example.org/x", "OG title", "news.example.org", "2024-01-02", PrecisionDay},
		{"dublin core", `<meta name="DC.title" content="DC title"><meta name="DC.date" content="2023-11"><meta name="DC.publisher" content="The Daily Example">`,
			"", "DC title", "The Daily Example", "2023-11-01", PrecisionMonth},
		{"title tag", `<title>Storm closes ports along the coast - Coastal Times</title>`,
			"https://www.coastaltimes.com/2019/12/29/storm", "Storm closes ports along the coast", "Coastal Times", "2019-12-29", PrecisionDay},
		{"year only", `<meta name="date" content="2021"><title>Plain</title>`, "", "Plain", "", "2021-01-01", PrecisionYear},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustExtract(t, article(c.head, paras), Options{URL: c.url})
			if p.Title != c.title {
				t.Errorf("title %q, want %q", p.Title, c.title)
			}
			if p.SiteName != c.site {
				t.Errorf("site %q (from %s), want %q", p.SiteName, p.Sources["site_name"], c.site)
			}
			if got := p.Date.Time.Format("2006-01-02"); got != c.date || p.Date.Precision != c.prec {
				t.Errorf("date %s %s (from %s), want %s %s", got, p.Date.Precision, p.Date.Source, c.date, c.prec)
			}
		})
	}
}

func TestCanonicalIsResolvedNotUnescaped(t *testing.T) {
	head := `<link rel="canonical" href="/news/a?x=1&amp;region=2">`
	p := mustExtract(t, article(head, paras), Options{URL: "https://example.com/amp/a"})
	if p.CanonicalURL != "https://example.com/news/a?x=1&region=2" {
		t.Errorf("canonical %q", p.CanonicalURL)
	}
}

func TestBodyBlocksAndReasons(t *testing.T) {
	body := paras + `<div class="newsletter-signup"><p>Get our newsletter in your inbox every morning.</p></div>
<div class="related-stories"><h3>Related</h3><ul><li><a href="/1">Harbour wall repaired after last winter's storms</a></li><li><a href="/2">Ferry operator orders two new ships</a></li></ul></div>`
	page := article(`<title>Storm closes ports along the coast</title>`, body) +
		`<div id="comments"><p>reader1: Stay safe everyone, it is wild out there tonight.</p></div>`
	p := mustExtract(t, page, Options{})
	if len(p.Paragraphs) != 3 {
		t.Fatalf("%d paragraphs, want the 3 of the article: %+v", len(p.Paragraphs), p.Paragraphs)
	}
	reasons := map[string]string{}
	for _, b := range p.Blocks {
		reasons[b.Text] = string(b.Role) + "/" + b.Reason
	}
	want := map[string]string{
		"Storm closes ports along the coast": "title/",
		"• Home":                             "",
		"Get our newsletter in your inbox every morning.":            "dropped/" + ReasonNewsletter,
		"• Ferry operator orders two new ships":                      "dropped/" + ReasonRelated,
		"© 2024 Example News. All rights reserved.":                  "dropped/" + ReasonFooter,
		"reader1: Stay safe everyone, it is wild out there tonight.": "dropped/" + ReasonComments,
	}
	for text, w := range want {
		if w == "" {
			continue
		}
		if reasons[text] != w {
			t.Errorf("block %q: %q, want %q", text, reasons[text], w)
		}
	}
	for i, para := range p.Paragraphs {
		b := p.Blocks[para.Block]
		if b.Role != RoleBody || !strings.Contains(p.Decoded[b.Offset:b.End], para.Text[:20]) {
			t.Errorf("paragraph %d does not point at its block and source: %+v", i, b)
		}
	}
}

func TestListsQuotesTables(t *testing.T) {
	body := paras + `<h2>What changes</h2><ul><li>Ferries: cancelled until Thursday</li><li>Trains: <b>normal</b> service</li></ul>
<ol start="3"><li>Third point of the plan</li></ol>
<blockquote><p>"We have never had to close every port at once," the harbour master said.</p></blockquote>
<table><tr><th>Port</th><th>Status</th></tr><tr><td>North Bay</td><td>closed</td></tr></table>
<pre>line one
  line two</pre>`
	p := mustExtract(t, article(`<title>Storm closes ports along the coast</title>`, body), Options{})
	want := map[string]Kind{
		"What changes":                        KindSubhead,
		"• Ferries: cancelled until Thursday": KindListItem,
		"• Trains: normal service":            KindListItem,
		"3. Third point of the plan":          KindListItem,
		"Port | Status":                       KindTableRow,
		"North Bay | closed":                  KindTableRow,
		"line one\n  line two":                KindCode,
		`"We have never had to close every port at once," the harbour master said.`: KindQuote,
	}
	got := map[string]Kind{}
	for _, para := range p.Paragraphs {
		got[para.Text] = para.Kind
		if para.Subhead != (para.Kind == KindSubhead) {
			t.Errorf("%q: Subhead %v for kind %s", para.Text, para.Subhead, para.Kind)
		}
	}
	for text, k := range want {
		if got[text] != k {
			t.Errorf("%q: kind %q, want %q (paragraphs %+v)", text, got[text], k, p.Paragraphs)
		}
	}
}

func TestCharsets(t *testing.T) {
	text := "Café owners say the “storm” cost them €2,000"
	enc, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	body := "<p>" + enc + " in a single night, and they want the council to help them pay for the repairs before the summer.</p>" + paras
	cases := []struct {
		name, page, contentType, charset, source string
	}{
		{"meta", article(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, body), "", "windows-1252", charsetFromMeta},
		{"header", article("", body), "text/html; charset=windows-1252", "windows-1252", charsetFromHeader},
		{"header beats meta", article(`<meta charset="utf-8">`, body), "text/html; charset=cp1252", "windows-1252", charsetFromHeader},
		{"sniffed", article("", body), "", "windows-1252", charsetFromSniff},
		{"bom", "\xEF\xBB\xBF" + article(`<meta charset="windows-1252">`, "<p>"+text+" in a single night, and they want the council to help them pay for the repairs.</p>"+paras), "", "utf-8", charsetFromBOM},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := mustExtract(t, c.page, Options{ContentType: c.contentType})
			if p.Charset != c.charset || p.CharsetSource != c.source {
				t.Errorf("charset %s from %s, want %s from %s", p.Charset, p.CharsetSource, c.charset, c.source)
			}
			if !strings.HasPrefix(p.Paragraphs[0].Text, text) {
				t.Errorf("first paragraph %q, want it to start %q", p.Paragraphs[0].Text, text)
			}
		})
	}
}

func TestDeclaredLatin1ButUTF8(t *testing.T) {
	page := article(`<meta charset="iso-8859-1">`, "<p>Café owners say the “storm” cost them €2,000 in a single night, and want help with the repairs.</p>"+paras)
	p := mustExtract(t, page, Options{})
	if p.Charset != "utf-8" || !strings.HasPrefix(p.Paragraphs[0].Text, "Café owners say the “storm”") {
		t.Errorf("charset %s (%s), text %q: valid UTF-8 should win over a declared Latin-1", p.Charset, p.CharsetSource, p.Paragraphs[0].Text)
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want string
		prec Precision
	}{
		{"2019-12-29T10:31:00Z", "2019-12-29", PrecisionDay},
		{"2019-12-29T23:31:00-05:00", "2019-12-29", PrecisionDay},
		{"2019-12-29 10:31:00", "2019-12-29", PrecisionDay},
		{"Sun, 29 Dec 2019 10:31:00 GMT", "2019-12-29", PrecisionDay},
		{"29 December 2019", "2019-12-29", PrecisionDay},
		{"December 29th, 2019", "2019-12-29", PrecisionDay},
		{"Dec. 29, 2019 at 10:31 a.m.", "2019-12-29", PrecisionDay},
		{"2019-12", "2019-12-01", PrecisionMonth},
		{"December 2019", "2019-12-01", PrecisionMonth},
		{"2019", "2019-01-01", PrecisionYear},
	}
	for _, c := range cases {
		got, prec, ok := parseDate(c.in)
		if !ok || got.Format("2006-01-02") != c.want || prec != c.prec {
			t.Errorf("parseDate(%q) = %s %s %v, want %s %s", c.in, got.Format("2006-01-02"), prec, ok, c.want, c.prec)
		}
	}
	for _, bad := range []string{"", "yesterday", "1875-01-01", "31 February 2019", "3000-01-01"} {
		if got, _, ok := parseDate(bad); ok {
			t.Errorf("parseDate(%q) = %s, want no date", bad, got)
		}
	}
	if got, prec, ok := urlDate("https://x.com/news/2019/12/29/story"); !ok || got.Format("2006-01-02") != "2019-12-29" || prec != PrecisionDay {
		t.Errorf("urlDate: %s %s %v", got, prec, ok)
	}
	if _, _, ok := urlDate("https://x.com/story-123456"); ok {
		t.Error("urlDate found a date in an address without one")
	}
	_ = time.Now
}

func TestNoText(t *testing.T) {
	for name, page := range map[string]string{
		"empty":    "",
		"scripts":  "<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>",
		"image":    `<html><body><img src="a.jpg" alt="a photo"></body></html>`,
		"frameset": `<html><frameset><frame src="a.html"></frameset></html>`,
		"nav only": `<html><body><nav><a href="/">Home</a> <a href="/a">About</a></nav></body></html>`,
	} {
		p, err := Extract([]byte(page), Options{URL: "https://example.com/"})
		if !errors.Is(err, ErrNoText) {
			t.Errorf("%s: error %v, want ErrNoText", name, err)
		}
		if p == nil {
			t.Errorf("%s: no Page with the error; the caller wants the metadata and blocks", name)
		}
	}
}

func TestArticleBodyWhenScriptsDrawThePage(t *testing.T) {
	page := `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Drawn by scripts",
"articleBody":"First paragraph of an article that only the page's scripts would draw, with enough words to count.\nSecond paragraph, also only in the JSON-LD of the page &amp; nowhere else."}</script></head>
<body><div id="app"></div><script src="/app.js"></script></body></html>`
	p := mustExtract(t, page, Options{})
	if len(p.Paragraphs) != 2 || !strings.HasSuffix(p.Paragraphs[1].Text, "& nowhere else.") || p.Sources["paragraphs"] != "JSON-LD articleBody" {
		t.Fatalf("paragraphs %+v from %q, want the two of articleBody", p.Paragraphs, p.Sources["paragraphs"])
	}
	if b := p.Blocks[p.Paragraphs[0].Block]; b.Tag != "json-ld" || b.Offset != -1 {
		t.Errorf("block %+v, want a json-ld block without a source span", b)
	}
}

func TestArticleInsideAnAside(t *testing.T) {
	page := `<html><body><nav><a href="/">Home</a></nav><aside class="content-box">
<h1>Storm closes ports along the coast</h1>` + paras + `</aside><footer>© 2024 Example</footer></body></html>`
	p := mustExtract(t, page, Options{})
	if len(p.Paragraphs) != 3 {
		t.Fatalf("%d paragraphs %+v, want the 3 in the aside", len(p.Paragraphs), p.Paragraphs)
	}
}

func TestEmbeddedPostIsAQuote(t *testing.T) {
	body := paras + `<blockquote class="twitter-tweet"><p lang="en">The harbour is closed until further notice. Stay away from the sea wall tonight, please.</p>&mdash; Coastguard (@coastguard) <a href="https://twitter.com/x/status/1">March 5, 2024</a></blockquote>`
	p := mustExtract(t, article(`<title>Storm closes ports along the coast</title>`, body), Options{})
	var quote *Paragraph
	for i := range p.Paragraphs {
		if strings.HasPrefix(p.Paragraphs[i].Text, "The harbour is closed") {
			quote = &p.Paragraphs[i]
		}
		if strings.Contains(p.Paragraphs[i].Text, "@coastguard") {
			t.Errorf("the embed's attribution %q is in the text", p.Paragraphs[i].Text)
		}
	}
	if quote == nil || quote.Kind != KindQuote {
		t.Fatalf("embedded post's text missing or not a quote: %+v", p.Paragraphs)
	}
}

func TestBlockLines(t *testing.T) {
	page := "<html>\n<body>\n<h1>Storm closes ports along the coast</h1>\n<p>\nPorts along the northern coast were closed on Tuesday as a storm brought\nwinds of up to 120 kilometres an hour, the coastguard said.</p>\n" +
		"<p>Ferries between the islands were cancelled and about 300 passengers spent the night in terminal buildings.</p>\n" +
		"<p>Forecasters expect the wind to drop by Thursday, when services should resume on a reduced timetable.</p>\n</body></html>"
	p := mustExtract(t, page, Options{})
	want := [][2]int{{5, 6}, {7, 7}, {8, 8}}
	if len(p.Paragraphs) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(p.Paragraphs), len(want))
	}
	for i, w := range want {
		b := p.Blocks[p.Paragraphs[i].Block]
		if b.Line != w[0] || b.EndLine != w[1] {
			t.Errorf("paragraph %d on lines %d-%d, want %d-%d", i, b.Line, b.EndLine, w[0], w[1])
		}
	}
	if b := p.Blocks[0]; b.Role != RoleTitle || b.Line != 3 {
		t.Errorf("title block %+v, want on line 3", b)
	}
}

// TestConcurrentExtract runs pages in parallel, as the loader does; with
// -race it checks that Extract shares no state between calls.
func TestConcurrentExtract(t *testing.T) {
	pages := loadPages(t)[:8]
	want := make([]int, len(pages))
	for i, pg := range pages {
		p := mustExtract(t, string(pg), Options{})
		want[i] = len(p.Paragraphs)
	}
	errs := make(chan error, 4*len(pages))
	for range 4 {
		go func() {
			for i, pg := range pages {
				p, err := Extract(pg, Options{})
				if err == nil && len(p.Paragraphs) != want[i] {
					err = fmt.Errorf("page %d: %d paragraphs in parallel, %d alone", i, len(p.Paragraphs), want[i])
				}
				errs <- err
			}
		}()
	}
	for range 4 * len(pages) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestFillGaps(t *testing.T) {
	sentence := "This paragraph is a full sentence of well over ten words that ends properly."
	mk := func(role Role, reason, text string) judged {
		return judged{raw: rawBlock{kind: KindText, text: text}, role: role, reason: reason, text: text}
	}
	js := []judged{
		mk(RoleBody, "", sentence),
		mk(RoleDropped, ReasonNotMain, sentence),
		mk(RoleDropped, ReasonNotMain, sentence),
		mk(RoleBody, "", sentence),
		mk(RoleDropped, ReasonComments, sentence), // marked as chrome: stays out
		mk(RoleBody, "", sentence),
		mk(RoleDropped, ReasonNotMain, "Too short to be prose."),
		mk(RoleBody, "", sentence),
		mk(RoleDropped, ReasonNotMain, sentence), // after the last kept block: stays out
	}
	fillGaps(js)
	want := []Role{RoleBody, RoleBody, RoleBody, RoleBody, RoleDropped, RoleBody, RoleDropped, RoleBody, RoleDropped}
	for i, j := range js {
		if j.role != want[i] {
			t.Errorf("block %d: %s, want %s", i, j.role, want[i])
		}
	}
}
