package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/stories"
)

// These tests hold what a new user ran into (issue 12): what the command
// line says when it cannot do what was asked, and what it prints.

// bigStory writes one JSON Lines file of n articles, each from its own
// outlet, all pinned to the story "big" (id "story:big"), and returns it.
func bigStory(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := 1; i <= n; i++ {
		rec := map[string]string{
			"id": fmt.Sprintf("big%d", i), "title": fmt.Sprintf("Flood in Rivertown, account %d", i),
			"text":   fmt.Sprintf("The river rose overnight in Rivertown and %d houses were flooded, officials said.\n\nRescue teams worked through the night.", 10*i),
			"date":   fmt.Sprintf("2020-03-%02d", i),
			"outlet": fmt.Sprintf("Outlet %c", 'A'+i-1),
			"story":  "big",
		}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	dir := writeFixture(t, map[string]string{"big.jsonl": b.String()})
	return filepath.Join(dir, "big.jsonl")
}

// Item 7: a story of more articles than compare takes says which were left
// out, on stderr and in "problems", and --only chooses.
func TestCompareStoryNamesWhatIsLeftOut(t *testing.T) {
	file := bigStory(t, 8)
	r := run1(t, exitOK, "compare", "--story", "story:big", "--json", "-C", file)
	var doc struct {
		Comparison struct {
			Articles []struct {
				ID string `json:"id"`
			} `json:"articles"`
		} `json:"comparison"`
		Problems []problemJSON `json:"problems"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("compare --json: %v\n%s", err, r.stdout)
	}
	if len(doc.Comparison.Articles) != compare.MaxArticles {
		t.Fatalf("compared %d articles, want %d", len(doc.Comparison.Articles), compare.MaxArticles)
	}
	left := []string{"big7", "big8"}
	if len(doc.Problems) != 1 || !doc.Problems[0].Warning {
		t.Fatalf("problems = %+v, want one warning naming what was left out", doc.Problems)
	}
	for _, id := range left {
		if !strings.Contains(doc.Problems[0].Message, id) {
			t.Errorf("the warning does not name %s: %q", id, doc.Problems[0].Message)
		}
		if !strings.Contains(r.stderr, id) {
			t.Errorf("stderr does not name %s:\n%s", id, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "--only") {
		t.Errorf("stderr does not say how to choose:\n%s", r.stderr)
	}
	// The text report says so too, under its heading.
	r = run1(t, exitOK, "compare", "--story", "story:big", "-C", file)
	if !strings.Contains(r.stdout, "6 of the story's 8 articles") {
		t.Errorf("the text report does not say it is part of the story:\n%.400s", r.stdout)
	}

	// --only picks the story's articles to compare, by id or prefix.
	r = run1(t, exitOK, "compare", "--story", "story:big", "--only", "big8,big2", "--json", "-C", file)
	doc.Problems = nil
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range doc.Comparison.Articles {
		got = append(got, a.ID)
	}
	if !slices.Equal(got, []string{"big8", "big2"}) || len(doc.Problems) != 0 {
		t.Errorf("--only big8,big2 compared %v with problems %+v", got, doc.Problems)
	}
	// An --only id outside the story is not found; --only without --story
	// or with one id is a usage error.
	if r := run1(t, exitNotFound, "compare", "--story", "story:big", "--only", "big1,nope", "-C", file); !strings.Contains(r.stderr, `"nope"`) {
		t.Errorf("unknown --only id not named: %s", r.stderr)
	}
	run1(t, exitUsage, "compare", "--only", "big1,big2", "-C", file)
	run1(t, exitUsage, "compare", "--story", "story:big", "--only", "big1", "-C", file)
}

// Item 8: words after a search query that are not files suggest quoting.
func TestSearchSuggestsQuotingWords(t *testing.T) {
	r := run1(t, exitUsage, "search", "kataib", "hezbollah")
	if !strings.Contains(r.stderr, `"hezbollah"`) || !strings.Contains(r.stderr, `pmureader search "kataib hezbollah"`) {
		t.Errorf("no suggestion to quote the query:\n%s", r.stderr)
	}
	if strings.Contains(r.stderr, "no such file") {
		t.Errorf("still a load failure:\n%s", r.stderr)
	}
	// A real path after the query is still read, and a missing one that
	// looks like a path is still the loader's to name.
	dir := writeFixture(t, map[string]string{"good.txt": goodArticle})
	run1(t, exitOK, "search", "mayor", dir)
	missing := filepath.Join(t.TempDir(), "gone")
	if r := run1(t, exitNothing, "search", "mayor", missing); !strings.Contains(r.stderr, missing) {
		t.Errorf("missing folder not named:\n%s", r.stderr)
	}
}

// Item 9: every mistake on the command line is told in a plain sentence
// naming the flag, never in a library's words.
func TestUsageErrorsArePlainSentences(t *testing.T) {
	raw := []string{"strconv.", "if any flags in the group", "invalid argument", "flag needs an argument",
		"unknown shorthand flag", "bad flag syntax", "arg(s)", "ParseInt", "ParseBool"}
	cases := []struct {
		args []string
		want []string // each must be in stderr
	}{
		{[]string{"compare", "001", "003", "--json", "--markdown"}, []string{"--json", "--markdown", "together"}},
		{[]string{"search", "x", "-n", "abc"}, []string{"--limit", `"abc"`, "whole number"}},
		{[]string{"search", "x", "--limit"}, []string{"--limit", "needs a value"}},
		{[]string{"search", "x", "-n"}, []string{"-n", "needs a value"}},
		{[]string{"list", "--json=maybe"}, []string{"--json", `"maybe"`}},
		{[]string{"list", "--max-file-size", "abc"}, []string{"--max-file-size", `"abc"`}},
		{[]string{"list", "--bogus"}, []string{"--bogus", "pmureader list"}},
		{[]string{"list", "-x"}, []string{"-x", "pmureader list"}},
		{[]string{"list", "-jx"}, []string{"-j", "pmureader list"}},
		{[]string{"list", "---json"}, []string{"---json"}},
		{[]string{"list", "--jsn"}, []string{"--jsn", "--json"}},
	}
	for _, tc := range cases {
		r := run1(t, exitUsage, tc.args...)
		first := strings.SplitN(r.stderr, "\n", 2)[0]
		for _, w := range tc.want {
			if !strings.Contains(first, w) {
				t.Errorf("pmureader %q: %q lacks %q", tc.args, first, w)
			}
		}
		for _, bad := range raw {
			if strings.Contains(r.stderr, bad) {
				t.Errorf("pmureader %q: library text %q reaches the user: %q", tc.args, bad, first)
			}
		}
	}
}

// Item 10: search --title is the reader's "/" search: the same hits in the
// same order (tui/testdata/golden/fuzzy-80x24.golden shows the reader's).
func TestSearchTitleIsTheReadersSearch(t *testing.T) {
	r := run1(t, exitOK, "search", "ketaib", "--title", "--json")
	var doc searchJSON
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range doc.Results {
		got = append(got, h.Outlet+"/"+h.FoundBy)
	}
	want := []string{"Antiwar.com/text", "VICE World News/fuzzy", "The Duran/fuzzy", "Iranian.com/fuzzy"}
	if !slices.Equal(got, want) {
		t.Fatalf("search ketaib --title = %v, want the reader's %v", got, want)
	}
	// The hit found by its text says where: a paragraph and a snippet.
	if h := doc.Results[0]; h.Paragraph < 0 || !strings.Contains(strings.ToLower(h.Snippet), "ketaib") {
		t.Errorf("text hit without its paragraph: %+v", h)
	}
	r = run1(t, exitOK, "search", "ketaib", "--title")
	if !strings.Contains(r.stdout, "¶") {
		t.Errorf("text output does not mark the hit found by its text:\n%s", r.stdout)
	}
}

// Item 11: every field the README lists is in the JSON, always, and list
// names each article's story.
func TestJSONHasEveryDocumentedField(t *testing.T) {
	var list struct {
		Articles []map[string]any `json:"articles"`
	}
	if err := json.Unmarshal([]byte(run1(t, exitOK, "list", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	articleFields := []string{"id", "title", "title_derived", "dek", "outlet", "via", "outlet_profile", "author",
		"date", "date_precision", "date_note", "url", "event", "story", "story_id", "copy_of", "format", "words",
		"source", "paragraphs"}
	for _, a := range list.Articles {
		for _, f := range articleFields {
			if _, ok := a[f]; !ok {
				t.Errorf("list --json: article %v has no %q", a["id"], f)
			}
		}
		if a["story"] == "" || a["story_id"] == "" {
			t.Errorf("list --json: article %v names no story (story %q, story_id %q)", a["id"], a["story"], a["story_id"])
		}
	}
	var st struct {
		Stories []map[string]any `json:"stories"`
	}
	if err := json.Unmarshal([]byte(run1(t, exitOK, "stories", "--json").stdout), &st); err != nil {
		t.Fatal(err)
	}
	for _, s := range st.Stories {
		for _, f := range []string{"id", "name", "articles", "outlets", "start", "end", "related", "pinned", "score"} {
			if _, ok := s[f]; !ok {
				t.Errorf("stories --json: story %v has no %q", s["id"], f)
			}
		}
	}
	// The story list names agrees with the stories command.
	ids := map[string]bool{}
	for _, s := range st.Stories {
		ids[s["id"].(string)] = true
	}
	for _, a := range list.Articles {
		if id, _ := a["story_id"].(string); !ids[id] {
			t.Errorf("article %v: story_id %q is not a story of 'pmureader stories'", a["id"], id)
		}
	}
}

// Items 5, 6 and 14: an article without a headline or an outlet is told
// apart by what it has, in every text printer: a title made from its text
// is marked "untitled: ", a missing outlet is the article's id.
func TestTextMarksDerivedTitlesAndNamelessOutlets(t *testing.T) {
	day := corpus.Date{Time: time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionDay}
	body := func(s string) []corpus.Paragraph {
		return []corpus.Paragraph{{Text: s, Source: corpus.Span{File: "a.jsonl", StartLine: 1, EndLine: 1}}}
	}
	c := corpus.New([]*corpus.Article{
		{ID: "coastal_times", Title: "Storm hits the coast of Rivertown.", TitleDerived: true, Date: day, Format: "jsonl",
			Body: body("Storm hits the coast of Rivertown. Boats were lost."), Words: 9},
		{ID: "inland_post", Title: "Inland Post Reports", Date: day, Format: "jsonl",
			Body: body("Storm hits the coast of Rivertown. Roads closed."), Words: 8},
	}, nil)
	print := func(f func(a *app) error) string {
		var b bytes.Buffer
		if err := f(&app{stdout: &b}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	outs := map[string]string{
		"list":   print(func(a *app) error { return a.printList(context.Background(), c, false, storyNames{}) }),
		"show":   print(func(a *app) error { return a.printArticle(c.Articles[0], storyNames{}) }),
		"search": print(func(a *app) error { return a.printSearch(runSearch(c, "storm", false, 60, 0, nil)) }),
		"stories": print(func(a *app) error {
			return a.printStories(c, []stories.Story{{ID: "coastal_times", Name: "Storm", Articles: []string{"coastal_times", "inland_post"}}})
		}),
		"compare": print(func(a *app) error {
			cmp, err := compare.Compare(c.Articles, compare.Options{})
			if err != nil {
				return err
			}
			return a.printComparison(cmp, storyPick{})
		}),
	}
	for name, out := range outs {
		if !strings.Contains(out, "untitled: Storm hits the coast") {
			t.Errorf("%s does not mark the title made from the text:\n%s", name, out)
		}
		if strings.Contains(out, "— ·") || strings.Contains(out, "unknown outlet") {
			t.Errorf("%s prints an empty outlet:\n%s", name, out)
		}
	}
	// Where a printer shows an outlet, the id stands in for a missing one.
	for _, name := range []string{"search", "stories"} {
		if !strings.Contains(outs[name], "coastal_times · ") && !strings.Contains(outs[name], "coastal_times  coastal_times") {
			t.Errorf("%s: no stand-in for the missing outlet:\n%s", name, outs[name])
		}
	}
	// JSON says so in fields of its own.
	b, err := json.Marshal(articleJSON(c.Articles[0], false, storyNames{}))
	if err != nil || !strings.Contains(string(b), `"title_derived":true`) || !strings.Contains(string(b), `"copy_of":""`) {
		t.Errorf("article JSON: %s %v", b, err)
	}
}

// Item 14: the comparison report names an article without an outlet by
// its id, not by an empty place.
func TestCompareNamesOutletlessArticles(t *testing.T) {
	dir := writeFixture(t, map[string]string{
		"a.jsonl": `{"id":"coastal_times","title":"Storm on the coast","text":"Storm hits the coast of Rivertown. Boats were lost.","date":"2020-02-01"}` + "\n" +
			`{"id":"inland_post","title":"Inland Post Reports","text":"Storm hits the coast of Rivertown. Roads closed.","date":"2020-02-02"}` + "\n",
	})
	r := run1(t, exitOK, "compare", "coastal_times", "inland_post", "-C", dir)
	if strings.Contains(r.stdout, "— ·") || !strings.Contains(r.stdout, "Storm on the coast — coastal_times") {
		t.Errorf("compare prints an empty outlet:\n%.600s", r.stdout)
	}
}

// Item 15: counts agree with their nouns ("1 row", not "1 rows"). (The
// first title tells nothing the other article tells: a headline that sums
// up the lead would make a row of its own with the other's lead.)
func TestCompareCountsAreGrammatical(t *testing.T) {
	dir := writeFixture(t, map[string]string{
		"a.jsonl": `{"id":"a","title":"A bad night","outlet":"Coast Times","text":"Storm hits the coast of Rivertown. Boats were lost."}` + "\n" +
			`{"id":"b","title":"Inland Post Reports","outlet":"Inland Post","text":"Storm hits the coast of Rivertown. Roads closed."}` + "\n",
	})
	r := run1(t, exitOK, "compare", "a", "b", "-C", dir)
	if !strings.Contains(r.stdout, "(1 row)") {
		t.Errorf("want one aligned row, counted as such:\n%s", r.stdout)
	}
}
