package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
)

func TestStoriesJSON(t *testing.T) {
	ids := map[string]bool{}
	for _, a := range listSeeds(t).Articles {
		ids[a.ID] = true
	}
	r := run1(t, 0, "stories", "--json")
	var doc storiesJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("stories --json is not JSON: %v\n%s", err, r.stdout)
	}
	if doc.SchemaVersion != schemaVersion || len(doc.Stories) == 0 {
		t.Fatalf("stories --json: schema %d, %d stories", doc.SchemaVersion, len(doc.Stories))
	}
	// Every article is in exactly one story.
	seen := map[string]int{}
	for _, s := range doc.Stories {
		if s.ID == "" || s.Name == "" || len(s.Articles) == 0 {
			t.Errorf("story without id, name or articles: %+v", s)
		}
		for _, id := range s.Articles {
			seen[id]++
		}
	}
	for id := range ids {
		if seen[id] != 1 {
			t.Errorf("article %s is in %d stories", id, seen[id])
		}
	}
	// The text form names every article id.
	r = run1(t, 0, "stories")
	for id := range ids {
		if !strings.Contains(r.stdout, id) {
			t.Errorf("stories text lacks %s", id)
		}
	}
}

func TestCompare(t *testing.T) {
	r := run1(t, 0, "compare", "001", "003", "--json")
	var doc compareJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Comparison == nil {
		t.Fatalf("compare --json is not a comparison: %v\n%s", err, r.stdout)
	}
	cmp := doc.Comparison
	if doc.SchemaVersion != compareSchemaVersion || len(cmp.Articles) != 2 ||
		!strings.HasPrefix(cmp.Articles[0].ID, "001") || !strings.HasPrefix(cmp.Articles[1].ID, "003") {
		t.Fatalf("compare 001 003: schema %d, articles %+v", doc.SchemaVersion, cmp.Articles)
	}
	if len(cmp.Rows) == 0 {
		t.Error("001 and 003 report the same strikes, yet no passages line up")
	}
	valid := func(ref passages.Ref) bool {
		return ref.Article >= 0 && ref.Article < len(cmp.Articles) && ref.Passage >= 0 && ref.Passage < len(cmp.Articles[ref.Article].Passages)
	}
	for _, row := range cmp.Rows {
		for _, ref := range row.Passages {
			if !valid(ref) {
				t.Errorf("row refers to a passage that does not exist: %+v", ref)
			}
		}
	}
	for _, ref := range cmp.Unique {
		if !valid(ref) {
			t.Errorf("unique refers to a passage that does not exist: %+v", ref)
		}
	}

	r = run1(t, 0, "compare", "001", "003")
	for _, want := range []string{"[1] ", "[2] ", "Antiwar.com", "Aligned passages", "Differences"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("compare text lacks %q", want)
		}
	}
	for ri, row := range cmp.Rows {
		if want := fmt.Sprintf("Row %d · similarity %.2f · weak", ri+1, row.Score); row.Weak != strings.Contains(r.stdout, want) {
			t.Errorf("row %d (weak %v): the text says %q %v", ri+1, row.Weak, want, !row.Weak)
		}
	}
	r = run1(t, 0, "compare", "001", "003", "--markdown")
	if !strings.HasPrefix(r.stdout, "# ") || !strings.Contains(r.stdout, "| ") {
		t.Errorf("compare --markdown is not a Markdown report:\n%s", r.stdout)
	}
}

// The differences of compare 001 003, in every form: the facts (27 and
// "at least 25" killed, 51 and "over 50" injured) with their relation and
// every article's figure, then whom each article credits.
func TestCompareDifferences(t *testing.T) {
	var doc struct {
		SchemaVersion int `json:"schema_version"`
		Comparison    struct {
			Differences []struct {
				Kind, Topic, Relation, Class, Summary string
				Items                                 []struct {
					Article   int    `json:"article"`
					Outlet    string `json:"outlet"`
					Text      string `json:"text"`
					Qualifier string `json:"qualifier"`
					Interval  *struct {
						Low  float64  `json:"low"`
						High *float64 `json:"high"`
					} `json:"interval"`
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(run1(t, 0, "compare", "001", "003", "--json").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != 3 {
		t.Errorf("schema_version %d, want 3: facts replacing pairwise differences changed their meaning (2), rows that may share a passage changed theirs (3)", doc.SchemaVersion)
	}
	facts := map[string]string{}
	credits := 0
	for _, d := range doc.Comparison.Differences {
		switch d.Kind {
		case "number":
			var vals []string
			for _, it := range d.Items {
				if it.Interval == nil || it.Outlet == "" || it.Qualifier == "" {
					t.Errorf("%s: item %+v lacks its interval, outlet or qualifier", d.Topic, it)
				}
				vals = append(vals, it.Text)
			}
			facts[d.Class] = d.Relation + ": " + strings.Join(vals, " / ")
		case "attribution":
			credits++
		}
	}
	if facts["killed"] != "compatible: 27 / at least 25" || facts["injured"] != "compatible: 51 / over 50" {
		t.Errorf("facts %q", facts)
	}
	if credits != 2 {
		t.Errorf("%d attribution differences, want one per article", credits)
	}

	text := run1(t, 0, "compare", "001", "003").stdout
	for _, want := range []string{"Figures that differ in precision only (2)", "killed — compatible", "[1] 27 — Iranian.com", "[2] at least 25 — Antiwar.com", "Who each account credits (2)"} {
		if !strings.Contains(text, want) {
			t.Errorf("compare text lacks %q", want)
		}
	}
	md := run1(t, 0, "compare", "001", "003", "--markdown").stdout
	for _, want := range []string{"### Figures", "- **killed** — compatible", "Antiwar.com: “at least 25” [25, ∞)", ": “27” [27, 27]", "### Who each article credits"} {
		if !strings.Contains(md, want) {
			t.Errorf("compare --markdown lacks %q", want)
		}
	}
}

func TestCompareArgs(t *testing.T) {
	good := writeFixture(t, map[string]string{"aliases.txt": "Kata'ib Hezbollah = KH | Ketaib Hizbollah\n"})
	bad := writeFixture(t, map[string]string{"aliases.txt": "no equals sign here\n"})
	run1(t, 0, "compare", "001", "003", "--aliases", filepath.Join(good, "aliases.txt"))
	if r := run1(t, exitFailed, "compare", "001", "003", "--aliases", filepath.Join(bad, "aliases.txt")); !strings.Contains(r.stderr, "aliases.txt:1:") {
		t.Errorf("bad alias file not named with its line: %q", r.stderr)
	}
	run1(t, exitUsage, "compare", "001")
	run1(t, exitUsage, "compare", "001", "003", "--json", "--markdown")
	run1(t, exitUsage, "compare", "001", "001_dca")
	run1(t, exitUsage, "compare", "1", "2", "3", "4", "5", "6", "7")
	run1(t, exitUsage, "compare", "001", "--story", "003")
	run1(t, exitNotFound, "compare", "001", "nope")
	run1(t, exitNotFound, "compare", "--story", "nope")

	// --story compares a story's articles, or says there is only one.
	var doc storiesJSON
	if err := json.Unmarshal([]byte(run1(t, 0, "stories", "--json").stdout), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Stories {
		if len(s.Articles) == 1 {
			run1(t, exitNotFound, "compare", "--story", s.ID)
			continue
		}
		var cj compareJSON
		if err := json.Unmarshal([]byte(run1(t, 0, "compare", "--story", s.ID, "--json").stdout), &cj); err != nil {
			t.Fatal(err)
		}
		if n := min(len(s.Articles), compare.MaxArticles); len(cj.Comparison.Articles) != n {
			t.Errorf("compare --story %s: %d articles, want %d", s.ID, len(cj.Comparison.Articles), n)
		}
	}
}
