package corpus_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/webpage"
)

// page is a saved news page: its head, then lines of body markup.
func page(head string, body ...string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\"><head>\n" + head + "\n</head><body>\n" +
		"<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>\n" +
		"<article>\n" + strings.Join(body, "\n") + "\n</article>\n" +
		"<footer><p>© 2024 Example News. All rights reserved.</p></footer>\n</body></html>\n"
}

var storyParagraphs = []string{
	"<p>A storm closed every port along the northern coast on Tuesday, stranding dozens of ships and their crews, the harbour authority said.</p>",
	"<p>Winds of up to 140 kilometres an hour tore roofs from warehouses in three towns, and the coastguard rescued eleven fishermen whose boat had capsized.</p>",
	"<p>Officials said the ports would reopen on Thursday at the earliest, once divers had checked the channels for wrecks &amp; debris.</p>",
}

// TestLoadHTML is issue 13 item 1, the format adapter: a saved page loads
// as an article, its metadata mapped, its paragraphs citing the page's
// lines, its raw view listing every block with the reason for those
// dropped; nothing is entity-decoded twice.
func TestLoadHTML(t *testing.T) {
	dir := t.TempDir()
	head := `<title>Storm closes ports | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="description" content="Every port on the northern coast is closed.">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.org/2024/03/12/storm?a=1&amp;region=north">
<meta property="article:published_time" content="2024-03-12T08:00:00Z">`
	writeFiles(t, dir, map[string]string{
		"storm.html": page(head, append([]string{"<h1>Storm closes ports</h1>",
			`<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>`},
			storyParagraphs...)...),
		"literal.htm": page(`<title>How to write an ampersand</title><meta property="og:site_name" content="Markup Weekly">`,
			"<h1>How to write an ampersand</h1>",
			"<p>In HTML the ampersand is written as &amp;amp; and a less-than sign as &amp;lt; so that the browser shows them as they are; the entity &amp;region without a semicolon is another story.</p>",
			"<p>This paragraph is here so that the page has enough text to be an article, which the extractor needs before it keeps anything at all.</p>"),
		"undated.html": page(`<meta property="og:site_name" content="Harbour Post"><link rel="canonical" href="https://harbour.example.net/2024/03/12/ports-shut">`,
			storyParagraphs[:2]...),
		"empty.html": "<!DOCTYPE html><html><head><title>Nothing</title></head><body><script>draw()</script></body></html>",
	})
	c, _ := corpus.Load(context.Background(), []string{dir}, corpus.Options{})
	a, ok := c.ByID("storm")
	if !ok {
		t.Fatalf("storm.html not loaded: %v %v", ids(c), c.Problems)
	}
	if a.Format != "html" || a.Title != "Storm closes ports" || a.Outlet != "Example News" || a.Author != "Jane Doe" ||
		a.URL != "https://news.example.org/2024/03/12/storm?a=1&region=north" || a.Dek != "Every port on the northern coast is closed." {
		t.Errorf("storm metadata: format %q title %q outlet %q author %q url %q dek %q", a.Format, a.Title, a.Outlet, a.Author, a.URL, a.Dek)
	}
	if a.Date.String() != "2024-03-12" || a.Date.Precision != corpus.PrecisionDay || a.Date.Note != "" {
		t.Errorf("storm date %+v", a.Date)
	}
	if len(a.Body) != 3 || !strings.HasSuffix(a.Body[2].Text, "for wrecks & debris.") {
		t.Fatalf("storm body %+v", a.Body)
	}
	// Paragraph k stands on line 14+k of the file.
	for k, p := range a.Body {
		if p.Source.StartLine != 14+k || p.Source.EndLine != 14+k || filepath.Base(p.Source.File) != "storm.html" {
			t.Errorf("paragraph %d cites %v", k, p.Source)
		}
	}
	var share *corpus.Line
	for i, l := range a.Raw {
		if strings.Contains(l.Text, "Share on Facebook") {
			share = &a.Raw[i]
		}
	}
	if share == nil || share.Role != corpus.RoleChrome || share.Number != 13 || !strings.Contains(share.Why, `share-bar`) {
		t.Errorf("the share bar in the raw view: %+v", share)
	}

	lit, ok := c.ByID("literal")
	if !ok || len(lit.Body) == 0 || !strings.Contains(lit.Body[0].Text, "written as &amp; and a less-than sign as &lt; so") ||
		!strings.Contains(lit.Body[0].Text, "the entity &region without") {
		t.Errorf("a page showing a literal &amp; keeps it: %+v", lit)
	}

	// The date from the address says so; the description repeats no
	// paragraph; no title: one is made from the text, marked.
	u, ok := c.ByID("undated")
	if !ok || u.Date.String() != "2024-03-12" || u.Date.Note != "from the page address" || !u.TitleDerived ||
		!strings.HasPrefix(u.Title, "A storm closed every port") || u.Outlet != "Harbour Post" {
		t.Errorf("undated: %+v", u)
	}

	p, ok := findProblem(c, "empty.html", webpage.ErrNoText)
	if !ok || p.Error() != filepath.Join(dir, "empty.html")+": no readable text found in the page" {
		t.Errorf("empty page: %v (problems %v)", p, c.Problems)
	}

	// A file named on the command line loads too.
	one := mustLoad(t, filepath.Join(dir, "storm.html"))
	if len(one.Articles) != 1 || one.Articles[0].ID != "storm" {
		t.Errorf("storm.html named alone: %v", ids(one))
	}
}

// TestLoadHTMLCharsets: a page is read in its own charset (UTF-16 with a
// byte order mark is no binary file), and a declared charset the bytes
// contradict is a repair warning.
func TestLoadHTMLCharsets(t *testing.T) {
	dir := t.TempDir()
	body := page(`<meta charset="iso-8859-1"><title>Grève générale</title><meta property="og:site_name" content="Le Quartier">`,
		"<h1>Grève générale</h1>",
		"<p>La grève a fermé trois lignes de métro jeudi, et les écoles du quartier sont restées closes toute la journée, selon la mairie.</p>",
		"<p>Les syndicats ont appelé à une nouvelle journée de mobilisation la semaine prochaine, après l'échec des négociations de mercredi.</p>")
	// The same page in UTF-16, as another outlet's (the same text from
	// the same outlet would load once).
	wide := utf16.Encode([]rune(strings.NewReplacer(`<meta charset="iso-8859-1">`, "", "Le Quartier", "La Ville").Replace(body)))
	le := []byte{0xFF, 0xFE}
	for _, u := range wide {
		le = append(le, byte(u), byte(u>>8))
	}
	writeFiles(t, dir, map[string]string{"declared.html": body, "wide.html": string(le)})
	c := mustLoad(t, dir)
	for _, id := range []string{"declared", "wide"} {
		a, ok := c.ByID(id)
		if !ok || a.Title != "Grève générale" || len(a.Body) != 2 || !strings.Contains(a.Body[0].Text, "écoles") {
			t.Errorf("%s: %+v (problems %v)", id, a, c.Problems)
		}
	}
	if len(c.Problems) != 1 || !c.Problems[0].Warning || filepath.Base(c.Problems[0].Path) != "declared.html" ||
		!strings.Contains(c.Problems[0].Error(), "declared.html: the page declares the charset windows-1252 but is valid UTF-8; read as UTF-8") {
		t.Errorf("problems %v", c.Problems)
	}
	if errors.Is(c.Problems[0], corpus.ErrBinary) {
		t.Error("a warning that wraps ErrBinary")
	}
}

// TestLoadHTMLHostile: control characters in a page's text and metadata
// are neutralised like any other format's.
func TestLoadHTMLHostile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"evil.html": page(
		"<title>Evil \x1b]0;pwned\x07 title &#27;[2J</title><meta property=\"og:site_name\" content=\"Outlet \u202e\x9b31m\">",
		"<h1>Evil \x1b]0;pwned\x07 title &#27;[2J</h1>",
		"<p>Paragraph with an escape \x1b[31m and a bell \x07 and a reference &#27;]0;x&#7; in it, long enough to be kept as the text of the article.</p>",
		"<p>A second paragraph of ordinary text, so that the extractor has the words it needs before it takes the page for an article.</p>")})
	c := mustLoad(t, dir)
	assertSafe(t, c)
	a, _ := c.ByID("evil")
	if a == nil || !strings.Contains(a.Title, "^[]0;pwned^G") || !strings.Contains(a.Title, "^[[2J") {
		t.Errorf("evil: %+v", a)
	}
}
