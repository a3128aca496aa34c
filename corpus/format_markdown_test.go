package corpus_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

func TestLoadMarkdownFrontMatterAndHeadings(t *testing.T) {
	c := mustLoad(t, formats("article.md"), formats("untitled-front-matter.markdown"))
	if len(c.Problems) != 0 {
		t.Errorf("problems: %v", c.Problems)
	}
	a, ok := c.ByID("article")
	if !ok {
		t.Fatalf("no article; have %v", ids(c))
	}
	if a.Title != "Response to US Strikes" || a.Outlet != "Iranian.com" || a.Via != "American Herald Tribune" ||
		a.Author != "First Author, Second Author" || a.Date.String() != "2020-01-02" || a.Date.Precision != corpus.PrecisionDay ||
		a.Story != "dec-2019-strikes" || a.Format != "markdown" || !strings.HasPrefix(a.Date.Note, "the original") {
		t.Errorf("fields: %+v", a)
	}
	var texts []string
	subheads := 0
	for _, p := range a.Body {
		texts = append(texts, p.Text)
		if p.Subhead {
			subheads++
			if p.Text != "US doesn’t cease occupation" || p.Source.StartLine != 21 {
				t.Errorf("subhead %q at %v", p.Text, p.Source)
			}
		}
		if strings.ContainsAny(p.Text, "#[]") || strings.Contains(p.Text, "**") || strings.HasPrefix(p.Text, ">") {
			t.Errorf("markup left in paragraph %q", p.Text)
		}
	}
	if subheads != 1 {
		t.Errorf("%d subheads, want 1: %q", subheads, texts)
	}
	joined := strings.Join(texts, "|")
	if !strings.Contains(joined, "as well as four other locations in Iraq") || strings.Contains(joined, "Response to US Strikes") {
		t.Errorf("body %q: want link text kept and the H1 (equal to the title) out", joined)
	}
	roles := map[int]corpus.Role{}
	for _, l := range a.Raw {
		roles[l.Number] = l.Role
		if l.Number == 15 && !strings.Contains(l.Text, "**Anbar**") {
			t.Errorf("raw line 15 should be as written: %q", l.Text)
		}
	}
	if roles[13] != corpus.RoleTitle || roles[21] != corpus.RoleSubhead || roles[18] != corpus.RoleChrome || roles[25] != corpus.RoleChrome {
		t.Errorf("raw roles 13 %q, 21 %q, 18 %q, 25 %q", roles[13], roles[21], roles[18], roles[25])
	}

	u, ok := c.ByID("untitled-front-matter")
	if !ok {
		t.Fatalf("no untitled-front-matter")
	}
	if u.Title != "A Markdown File Without Front Matter" || len(u.Body) != 3 || !u.Body[1].Subhead {
		t.Errorf("H1 as title, second H1 as subhead: %q %+v", u.Title, u.Body)
	}
}

func TestLoadMarkdownMalformedFrontMatter(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"syntax.md":   "---\ntitle: fine\nauthor: [unclosed\ndate: 2020-01-01\n---\n\nBody.",
		"unclosed.md": "---\ntitle: no end\n\nBody.",
		"list.md":     "---\n- a\n- b\n---\nBody.",
		"baddate.md":  "---\ntitle: Bad date\ndate: yesterday\n---\nBody text.",
		"good.md":     "# Good\n\nBody.",
	})
	c := mustLoad(t, dir)
	if got := strings.Join(ids(c), " "); got != "baddate good" {
		t.Errorf("ids %q, want baddate and good only", got)
	}
	checks := []struct {
		file    string
		line    int
		warning bool
		text    string
	}{
		{"syntax.md", 3, false, "malformed front matter: did not find expected"},
		{"unclosed.md", 1, false, "malformed front matter: no closing ---"},
		{"list.md", 2, false, "malformed front matter: want fields"},
		{"baddate.md", 3, true, `date "yesterday"`},
	}
	for _, ch := range checks {
		found := false
		for _, p := range c.Problems {
			if filepath.Base(p.Path) == ch.file && p.Line == ch.line && p.Warning == ch.warning && strings.Contains(p.Error(), ch.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem %s:%d %q (warning %v) in %v", ch.file, ch.line, ch.text, ch.warning, c.Problems)
		}
	}
	if p, ok := findProblem(c, "syntax.md", corpus.ErrFrontMatter); !ok || !errors.Is(p, corpus.ErrFrontMatter) {
		t.Error("front matter problem does not wrap ErrFrontMatter")
	}
}
