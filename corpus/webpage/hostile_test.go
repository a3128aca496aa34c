package webpage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHostileText(t *testing.T) {
	head := "<title>Evil\x1b]0;pwned\x07 title &amp; more</title>" +
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Meghan&#39;s \u202Eevil\u202C interview &region=1"}</script>`
	body := "<p>Bidi \u202Esection\u202C and an escape \x1b[31mred\x1b[0m and an entity &#27;[2J in text, soft\u00ADhyphen and zero\u200Bwidth, among forty more words of ordinary article text so that it is kept as the body of the page by the extractor.</p>" + paras
	p := mustExtract(t, article(head, body), Options{})
	if p.Title != "Meghan's \u202Eevil\u202C interview &region=1" {
		t.Errorf("title %q: want entities decoded once, whole ones only, the rest left for the caller", p.Title)
	}
	text := ""
	for _, para := range p.Paragraphs {
		if strings.HasPrefix(para.Text, "Bidi") {
			text = para.Text
		}
	}
	// Control and bidi characters are the caller's to neutralise (it shows
	// them as ^[ and removes overrides); invisible ones are gone here.
	for _, want := range []string{"\x1b[31mred", "\x1b[2J", "\u202Esection"} {
		if !strings.Contains(text, want) {
			t.Errorf("paragraph %q lost %q, which the caller must see to neutralise", text, want)
		}
	}
	if strings.ContainsAny(text, "\u00AD\u200B") || !strings.Contains(text, "softhyphen and zerowidth") {
		t.Errorf("paragraph %q kept an invisible character", text)
	}
}

func TestBrokenHTML(t *testing.T) {
	pages := map[string]string{
		"unclosed":  "<html><body><div><p>Unclosed paragraph with enough words to be read as text by the extractor, and more words<p>and another one<div><span>",
		"garbage":   "\x00\xff\xfe<<<>>>&&&;;<p<p>>>" + strings.Repeat("\x80\x81<", 200),
		"deep":      strings.Repeat("<div>", 50000) + "<p>Deep text with enough words in it to count as the body of an article, nested far down.</p>",
		"tables":    strings.Repeat("<table><tr><td>", 3000) + "cell text",
		"attrs":     `<p class="` + strings.Repeat("a ", 100000) + `">text</p>`,
		"jsonld":    `<script type="application/ld+json">{"@graph":[{"@graph":[{"@graph":[` + strings.Repeat("[", 5000) + `</script><p>x</p>`,
		"utf16 lie": `<meta charset="utf-16"><p>Declared UTF-16 in ASCII bytes, which cannot be true, with enough words to keep.</p>`,
		"nul":       "<p>text\x00with\x00nuls and more words here to make the paragraph long enough for the extractor</p>",
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			p, err := Extract([]byte(page), Options{URL: "https://example.com/x"})
			if err != nil && !errors.Is(err, ErrNoText) {
				t.Fatalf("error %v, want a page or ErrNoText", err)
			}
			checkPage(t, p, err)
		})
	}
}

// checkPage asserts what every result must satisfy, whatever the input.
func checkPage(t *testing.T, p *Page, err error) {
	t.Helper()
	if p == nil {
		if err == nil {
			t.Fatal("no page and no error")
		}
		return
	}
	if err == nil && len(p.Paragraphs) == 0 {
		t.Error("no error but no paragraphs")
	}
	for _, para := range p.Paragraphs {
		if para.Block < 0 || para.Block >= len(p.Blocks) || !p.Blocks[para.Block].Kept() {
			t.Fatalf("paragraph points at block %d of %d", para.Block, len(p.Blocks))
		}
		if !utf8.ValidString(para.Text) || strings.ContainsAny(para.Text, "\u00AD\u200B\uFEFF") || para.Text == "" {
			t.Errorf("paragraph text %q", para.Text)
		}
	}
	for _, b := range p.Blocks {
		if (b.Offset < 0) != (b.End < 0) || b.Offset > b.End || b.End > len(p.Decoded) {
			t.Errorf("block span %d-%d outside the %d-byte page", b.Offset, b.End, len(p.Decoded))
		}
		if b.Kept() == (b.Reason != "") {
			t.Errorf("block %q: role %s with reason %q", b.Text, b.Role, b.Reason)
		}
	}
}

func FuzzExtract(f *testing.F) {
	// Two evaluation pages cut to their first 6 KB (head, header and the
	// start of the article) keep the fuzzer's inputs small.
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages[:min(len(pages), 2)] {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data[:min(len(data), 6<<10)], "")
		}
	}
	f.Add([]byte(article("<title>t</title>", paras)), "text/html; charset=windows-1252")
	f.Add([]byte("<p>x<br><br>y</p><ol start=-9><li>a</ol><table><tr><td>1<td>2</table>"), "")
	f.Add([]byte("\xFE\xFF\x00<\x00p\x00>"), "text/html; charset=utf-16")
	f.Add([]byte(`<script type="application/ld+json">[{"@type":["NewsArticle"],"author":{"@id":"x"},"datePublished":"2019-02-30"}]</script>`), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		p, err := Extract(data, Options{URL: "https://example.com/2019/12/29/x", ContentType: contentType})
		if err != nil && !errors.Is(err, ErrNoText) && p != nil {
			t.Fatalf("error %v with a page", err)
		}
		checkPage(t, p, err)
	})
}
