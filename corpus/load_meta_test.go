package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMetaYAMLProblemsHaveLines(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := mkdirWrite(p, s); err != nil {
			t.Fatal(err)
		}
	}
	write("ok/a.txt", "Headline A\n\nThe body of the first article.")
	write("ok/b.txt", "Headline B\n\nThe body of the second article.")
	write("ok/meta.yaml", `# comment
- file: a.txt
  outlet: Outlet A
  colour: blue
  date: 31/12/2019
- file: b.txt
  date_precision: roughly
  date: 2020
- outlet: nobody
- file: a.txt
  outlet: again
- file: b.txt
  parts:
    - {}
    - title: There is no second item
`)
	write("broken/c.txt", "Headline C\n\nThe body of the third article.")
	write("broken/meta.yaml", "- file: c.txt\n  outlet: fine\n- file: x.txt\n  outlet: [unclosed\n")
	write("notalist/d.txt", "Headline D\n\nThe body of the fourth article.")
	write("notalist/meta.yaml", "file: d.txt\noutlet: X\n")

	c, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 4 {
		t.Errorf("%d articles, want all 4 (metadata problems never cost an article)", len(c.Articles))
	}
	if b, _ := c.ByID("b"); b == nil || b.Date.String() != "2020" {
		t.Errorf("b: a bad precision should leave the date with its own: %+v", b)
	}
	if a, _ := c.ByID("a"); a == nil || a.Outlet != "Outlet A" || a.Date.Known() {
		t.Errorf("a: %+v", a)
	}
	if c2, _ := c.ByID("c"); c2 == nil || c2.Outlet != "" {
		t.Errorf("c should have no metadata from an unparsable meta.yaml: %+v", c2)
	}
	var got []string
	for _, p := range c.Problems {
		rel, _ := filepath.Rel(dir, p.Path)
		w := ""
		if p.Warning {
			w = " (warning)"
		}
		got = append(got, strings.Replace(p.Error(), p.Path, rel, 1)+w)
	}
	want := []string{
		"broken/meta.yaml:4: bad metadata: did not find expected ',' or ']'",
		"notalist/meta.yaml:1: bad metadata: want a list of records (\"- file: NAME.txt\" …)",
		`ok/meta.yaml:4: bad metadata: unknown field "colour"; ignored (warning)`,
		`ok/meta.yaml:5: bad metadata: date "31/12/2019": want YYYY-MM-DD, YYYY-MM, YYYY or a full timestamp (warning)`,
		`ok/meta.yaml:7: bad metadata: date_precision "roughly": want day, approximate, month or year; the date's own precision is used (warning)`,
		"ok/meta.yaml:9: bad metadata: record has no file: field; ignored",
		"ok/meta.yaml:10: bad metadata: second record for a.txt (first at line 2); ignored",
		"ok/meta.yaml:12: bad metadata: second record for b.txt (first at line 6); ignored",
	}
	sortStrings := func(s []string) string { return strings.Join(s, "\n") }
	if sortStrings(got) != sortStrings(want) {
		t.Errorf("problems:\n%s\nwant:\n%s", sortStrings(got), sortStrings(want))
	}
}

func TestMetaPartsCountMismatch(t *testing.T) {
	dir := t.TempDir()
	if err := mkdirWrite(filepath.Join(dir, "a.txt"), "Headline A\n\nThe body of the first article."); err != nil {
		t.Fatal(err)
	}
	if err := mkdirWrite(filepath.Join(dir, "meta.yaml"), "- file: a.txt\n  parts:\n    - event: first\n    - title: second\n"); err != nil {
		t.Fatal(err)
	}
	c, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := c.ByID("a"); a == nil || a.Event != "first" || a.Title != "Headline A" {
		t.Errorf("part 1 applies to the first article: %+v", a)
	}
	if len(c.Problems) != 1 || !c.Problems[0].Warning || c.Problems[0].Line != 1 ||
		!strings.HasSuffix(c.Problems[0].Error(), "meta.yaml:1: bad metadata: the record for a.txt lists 2 parts but the file holds 1 article") {
		t.Errorf("problems %v", c.Problems)
	}
}

func mkdirWrite(p, s string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(s), 0o644)
}

func TestMetaRecordForMissingFileWarns(t *testing.T) {
	dir := t.TempDir()
	if err := mkdirWrite(filepath.Join(dir, "story.txt"), "Headline A\n\nThe body of the article."); err != nil {
		t.Fatal(err)
	}
	if err := mkdirWrite(filepath.Join(dir, "meta.yaml"), "- file: story.txt\n  outlet: O\n- file: stroy.txt\n  outlet: P\n"); err != nil {
		t.Fatal(err)
	}
	c, err := Load(context.Background(), []string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "meta.yaml") + ":3: bad metadata: no file stroy.txt beside it; record unused"
	if len(c.Problems) != 1 || c.Problems[0].Error() != want || !c.Problems[0].Warning {
		t.Errorf("problems %v, want %q", c.Problems, want)
	}
}
