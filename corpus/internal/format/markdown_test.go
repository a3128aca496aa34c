package format

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

func TestFrontMatter(t *testing.T) {
	cases := []struct {
		name, text string
		ok         bool
		start      int    // the first body line's index
		title      string // from the fields
		line       int    // of the one problem when not ok
	}{
		{"none", "# Title\n\nBody.", true, 0, "", 0},
		{"fields", "---\ntitle: T\noutlet: O\n---\nBody.", true, 4, "T", 0},
		{"closed by dots", "---\ntitle: T\n...\nBody.", true, 3, "T", 0},
		{"empty", "---\n---\nBody.", true, 2, "", 0},
		{"unclosed", "---\ntitle: T\nBody.", false, 0, "", 1},
		{"a list", "---\n- a\n- b\n---\nBody.", false, 0, "", 2},
		{"bad YAML", "---\ntitle: T\noutlet: [x\n---\nBody.", false, 0, "", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec, start, probs, ok := frontMatter("f.md", strings.Split(c.text, "\n"))
			if ok != c.ok {
				t.Fatalf("ok %v, want %v (problems %v)", ok, c.ok, probs)
			}
			if !ok {
				if len(probs) != 1 || probs[0].Line != c.line || !errors.Is(probs[0].Err, article.ErrFrontMatter) {
					t.Errorf("problems %v, want one at line %d", probs, c.line)
				}
				return
			}
			if start != c.start || rec.Title != c.title || len(probs) != 0 {
				t.Errorf("start %d title %q problems %v, want %d %q", start, rec.Title, probs, c.start, c.title)
			}
		})
	}
}

func TestScanMarkdown(t *testing.T) {
	body := []string{
		"# The Title", "", "Text with a [link](https://x) and **bold**.", "",
		"## A Subhead", "", "```", "# not a heading", "```", "", "---", "",
		"![an image](a.png)", "> quoted text", "# A second H1",
	}
	lineNo := func(i int) int { return i + 5 } // after four lines of front matter
	md := scanMarkdown(body, lineNo, "")
	if md.title != "The Title" || md.titleLine != 5 {
		t.Errorf("title %q at %d", md.title, md.titleLine)
	}
	if want := map[int]string{9: "A Subhead", 19: "A second H1"}; !reflect.DeepEqual(md.headings, want) {
		t.Errorf("headings %v, want %v", md.headings, want)
	}
	if want := map[int]string{11: "markdown code fence", 13: "markdown code fence", 15: "markdown rule", 17: "markdown image"}; !reflect.DeepEqual(md.markup, want) {
		t.Errorf("markup %v, want %v", md.markup, want)
	}
	if got := md.text[2]; got != "Text with a link and bold." {
		t.Errorf("inline markup: %q", got)
	}
	if md.text[7] != "# not a heading" || md.text[13] != "quoted text" || md.text[0] != "" || md.text[4] != "" {
		t.Errorf("text %q", md.text)
	}
	// A title from the front matter: a different H1 is a subhead.
	md = scanMarkdown(body, lineNo, "Another Title")
	if md.title != "Another Title" || md.titleLine != 0 || md.headings[5] != "The Title" {
		t.Errorf("front matter title: %q at %d, headings %v", md.title, md.titleLine, md.headings)
	}
}
