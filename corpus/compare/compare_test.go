package compare

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/internal/seedtest"
)

// The two accounts of the 29 Dec 2019 strikes: "killing 27 and injuring
// 51" against "killing at least 25, and wounding over 50 others" are two
// compatible facts, one item per article.
func TestSeedNumberDifferences(t *testing.T) {
	c, err := Compare(seedtest.Articles(t, seedtest.Iranian, seedtest.Antiwar), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]differences.Item{
		"killed":  {{Text: "27", Value: 27, Qualifier: "exact"}, {Text: "at least 25", Value: 25, Qualifier: "at least"}},
		"injured": {{Text: "51", Value: 51, Qualifier: "exact"}, {Text: "over 50", Value: 50, Qualifier: "more than"}},
	}
	found := map[string]bool{}
	for _, d := range c.Differences {
		w, ok := want[d.Class]
		if d.Kind != differences.KindNumber || !ok {
			continue
		}
		if len(d.Items) != 2 || d.Relation != "compatible" {
			t.Fatalf("%s: %s", d.Class, d.Summary)
		}
		for k, it := range d.Items {
			if it.Article != k || it.Text != w[k].Text || it.Value != w[k].Value || it.Qualifier != w[k].Qualifier || it.Interval == nil {
				t.Errorf("%s item %d = %+v, want %+v", d.Class, k, it, w[k])
			}
			p, ok := c.Passage(it.Ref)
			if !ok || !strings.Contains(p.Text, it.Text) {
				t.Errorf("%s item %d points at %q, which lacks %q", d.Class, k, p.Text, it.Text)
			}
		}
		if !strings.Contains(d.Summary, "compatible") {
			t.Errorf("summary %q", d.Summary)
		}
		found[d.Class] = true
	}
	if !found["killed"] || !found["injured"] {
		t.Errorf("differences %+v lack killed/injured", c.Differences)
	}
}

func entityOf(c *Comparison, variant string) *Entity {
	for i := range c.Entities {
		if slices.Contains(c.Entities[i].Variants, variant) {
			return &c.Entities[i]
		}
	}
	return nil
}

func TestSeedNameVariants(t *testing.T) {
	c, err := Compare(seedtest.Articles(t, seedtest.Duran, seedtest.Iranian, seedtest.PMU, seedtest.Antiwar, seedtest.Vice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	groups := [][]string{
		{"Katai’b Hezbollah", "Kata’ib Hezbollah", "Ketaib Hezbollah", "Ketaib Hezbolah"},
		{"PMU", "PMF", "Popular Mobilization Units", "Popular Mobilisation Units", "Popular Mobilisation Forces", "Hashd al-Sha’abi"},
		{"Qasim Muslih", "Qassem Musleh"},
	}
	for _, g := range groups {
		e := entityOf(c, g[0])
		if e == nil {
			t.Errorf("no entity has variant %q", g[0])
			continue
		}
		for _, v := range g[1:] {
			if !slices.Contains(e.Variants, v) {
				t.Errorf("%q is not with %q in entity %q (%v)", v, g[0], e.Name, e.Variants)
			}
		}
	}
	if e := entityOf(c, "Qasim Muslih"); e != nil && len(e.Articles) != 2 {
		t.Errorf("Muslih entity should span 002 and 004: %v", e.Articles)
	}
	if a, b := entityOf(c, "Iran"), entityOf(c, "Iraq"); a == nil || b == nil || a.Name == b.Name {
		t.Error("Iran and Iraq must stay apart")
	}
}

func labelsFor(c *Comparison, entity string) map[int][]string {
	out := map[int][]string{}
	for _, d := range c.Differences {
		if d.Kind == differences.KindLabel && d.Topic == entity {
			for _, it := range d.Items {
				out[it.Article] = append(out[it.Article], it.Text)
			}
		}
	}
	return out
}

func TestSeedLabelsPerOutlet(t *testing.T) {
	c, err := Compare(seedtest.Articles(t, seedtest.Iranian, seedtest.Antiwar, seedtest.Vice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	labels := labelsFor(c, "Popular Mobilization Forces")
	for art, want := range map[int]string{0: "a people’s resistance movement", 1: "Iraq’s Shi’ite militias", 2: "Iran-backed militias"} {
		if !slices.Contains(labels[art], want) {
			t.Errorf("%s labels %v lack %q", c.Articles[art].Outlet, labels[art], want)
		}
	}
	for art, ls := range labels {
		for _, l := range ls {
			if strings.Contains(l, "Sadr") {
				t.Errorf("%d: %q is a name, not a label", art, l)
			}
		}
	}
	sources := map[int][]string{}
	for _, d := range c.Differences {
		if d.Kind == differences.KindAttribution {
			for _, it := range d.Items {
				sources[it.Article] = append(sources[it.Article], it.Text)
			}
		}
	}
	if !slices.Contains(sources[0], "US officials") || !slices.Contains(sources[1], "US officials") {
		t.Errorf("both 29 Dec accounts credit US officials: %v", sources)
	}
	if !slices.Contains(sources[2], "Kirby") && !slices.Contains(sources[2], "John Kirby") {
		t.Errorf("VICE quotes Kirby: %v", sources[2])
	}
}

// Three accounts of one invented event, facts in different orders.
var fixture = []*corpus.Article{
	{ID: "f1", Outlet: "One", Title: "Flood hits Marlow", Body: []corpus.Paragraph{
		{Text: "Heavy rain flooded the town of Marlow on Tuesday, forcing 300 families from their homes."},
		{Text: "The river Thame burst its banks near the old mill bridge."},
		{Text: "Mayor Joan Pike said the council had opened the sports hall as a shelter."},
		{Text: "Two people were taken to hospital with hypothermia."},
	}},
	{ID: "f2", Outlet: "Two", Title: "Marlow under water", Body: []corpus.Paragraph{
		{Text: "Two residents were treated in hospital for hypothermia, paramedics said."},
		{Text: "A shelter has opened in the sports hall, Mayor Joan Pike told reporters."},
		{Text: "About 250 families left their homes in Marlow after Tuesday's heavy rain flooded the streets."},
		{Text: "Local shops reported losses running into thousands of pounds."},
	}},
	{ID: "f3", Outlet: "Three", Title: "Town flooded", Body: []corpus.Paragraph{
		{Text: "The Thame overflowed its banks at the mill bridge early on Tuesday."},
		{Text: "Marlow's sports hall is now a shelter, according to Mayor Joan Pike."},
		{Text: "Rain flooded the town and drove 300 families from their homes."},
	}},
}

func TestAlignFixture(t *testing.T) {
	c, err := Compare(fixture, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Each article: title is passage 0, body sentence k is passage k+1.
	ref := func(a, p int) passages.Ref { return passages.Ref{Article: a, Passage: p} }
	want := [][]passages.Ref{
		{ref(0, 1), ref(1, 3), ref(2, 3)}, // rain, families
		{ref(0, 2), ref(2, 1)},            // river banks
		{ref(0, 3), ref(1, 2), ref(2, 2)}, // shelter
		{ref(0, 4), ref(1, 1)},            // hospital
	}
	for _, w := range want {
		found := false
		for _, r := range c.RowsOf(w[0]) {
			found = found || slices.Equal(c.Rows[r].Passages, w)
		}
		if !found {
			var rows [][]passages.Ref
			for _, r := range c.RowsOf(w[0]) {
				rows = append(rows, c.Rows[r].Passages)
			}
			t.Errorf("no row %v; the rows of %v are %v", w, w[0], rows)
		}
	}
	if c.RowOf(passages.Ref{Article: 1, Passage: 4}) >= 0 {
		t.Errorf("the shops passage is unique to Two, got row %v", c.Rows[c.RowOf(passages.Ref{Article: 1, Passage: 4})])
	}
	if !slices.Contains(c.Unique, passages.Ref{Article: 1, Passage: 4}) {
		t.Errorf("unique %v lacks the shops passage", c.Unique)
	}
	// Counterparts line panes up even where rows cross.
	cp := c.Counterparts(passages.Ref{Article: 0, Passage: 4}, 2)
	if len(cp[1]) == 0 || cp[1][0].Ref != (passages.Ref{Article: 1, Passage: 1}) || !cp[1][0].InRow {
		t.Errorf("counterparts of the hospital passage in Two: %v", cp[1])
	}
	if cp[0] != nil {
		t.Error("counterparts in the passage's own article")
	}
	// One fact for the families, with every account's figure: One and
	// Three say 300, Two about 250; and the two taken to hospital.
	var nums []string
	for _, d := range c.Differences {
		if d.Kind == differences.KindNumber {
			nums = append(nums, d.Summary)
		}
	}
	if !slices.Equal(nums, []string{"displaced (families): 300 (One); About 250 (Two); 300 (Three) — conflict: no value fits every account",
		"injured (residents): Two (One); Two (Two) — the same in every account"}) {
		t.Errorf("facts %q", nums)
	}
	// Every passage is in a row or unique, never both; every link is in a
	// row.
	for i, a := range c.Articles {
		for p := range a.Passages {
			r := passages.Ref{Article: i, Passage: p}
			if (c.RowOf(r) >= 0) == slices.Contains(c.Unique, r) {
				t.Errorf("%v: row %d, unique %v", r, c.RowOf(r), slices.Contains(c.Unique, r))
			}
		}
	}
	for _, l := range c.Links {
		if !c.SameRow(l.A, l.B) {
			t.Errorf("link %v–%v in no row", l.A, l.B)
		}
	}
}

func TestDiffWords(t *testing.T) {
	a := "The strikes targeted five PMU bases, killing at least 25."
	b := "The attacks targeted a Kata’ib site, killing 27."
	d := DiffWords(a, b)
	var ga, gb []string
	for _, r := range d.A {
		ga = append(ga, a[r.Start:r.End])
	}
	for _, r := range d.B {
		gb = append(gb, b[r.Start:r.End])
	}
	if !slices.Equal(ga, []string{"strikes", "five PMU bases", "at least 25"}) {
		t.Errorf("A ranges %q", ga)
	}
	if !slices.Equal(gb, []string{"attacks", "a Kata’ib site", "27"}) {
		t.Errorf("B ranges %q", gb)
	}
	if d := DiffWords("Kata’ib said", "KATA'IB said"); len(d.A)+len(d.B) != 0 {
		t.Errorf("case and apostrophes are not differences: %+v", d)
	}
}

func TestCompareArgs(t *testing.T) {
	if _, err := Compare(fixture[:1], Options{}); err == nil {
		t.Error("one article accepted")
	}
	seven := make([]*corpus.Article, 7)
	for i := range seven {
		seven[i] = &corpus.Article{ID: string(rune('a' + i))}
	}
	if _, err := Compare(seven, Options{}); err == nil {
		t.Error("seven articles accepted")
	}
	if _, err := Compare([]*corpus.Article{fixture[0], fixture[0]}, Options{}); err == nil {
		t.Error("one article twice accepted")
	}
	c, err := Compare([]*corpus.Article{{ID: "e1"}, {ID: "e2"}}, Options{})
	if err != nil || len(c.Rows) != 0 {
		t.Errorf("empty articles: %v %v", c, err)
	}
}

func TestMarkdown(t *testing.T) {
	c, err := Compare(seedtest.Articles(t, seedtest.Iranian, seedtest.Antiwar), Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := Markdown(c)
	for _, want := range []string{"| # | score | Iranian.com (via American Herald Tribune) | Antiwar.com | shared |",
		"## Unique to one article", "## Differences", "at least 25", "over 50"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if !textnorm.Safe(md) {
		t.Error("markdown has control characters")
	}
	weak := 0
	for ri, r := range c.Rows {
		if r.Weak {
			weak++
			if want := fmt.Sprintf("| %d | %.2f weak |", ri+1, r.Score); !strings.Contains(md, want) {
				t.Errorf("markdown does not call row %d weak (%q)", ri+1, want)
			}
		}
	}
	if weak == 0 {
		t.Error("no weak row in 001/003 to check the report by")
	}
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| ") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != len(c.Articles)+4 {
			t.Errorf("table row with wrong cell count: %q", line)
		}
	}
	b, err := json.Marshal(c)
	if err != nil || !strings.Contains(string(b), `"rows":[{"passages":[{"article":0`) {
		t.Errorf("json: %v %.200s", err, b)
	}
}

// Labels and sources are not mixed up on the seeds: a state's own forces
// are not a label for the PMU, a label that points back at the article's
// subject ("the anti-terror group") goes to that subject rather than to the
// nearest name, "Daesh and other terrorist groups" labels Daesh, a name
// with a hyphen is credited whole, a bare "the group" is nobody's name,
// and one source credited twice in one paragraph is listed once.
func TestSeedDifferencesPrecision(t *testing.T) {
	c, err := Compare(seedtest.Articles(t, seedtest.Iranian, seedtest.PMU, seedtest.Antiwar, seedtest.Vice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pmf := labelsFor(c, "Popular Mobilization Forces")
	is := labelsFor(c, "Islamic State")
	for art, ls := range pmf {
		for _, l := range ls {
			if strings.Contains(l, "security forces") || strings.Contains(l, "American forces") || strings.Contains(l, "US-led") ||
				l == "US-backed units" { // "the US-backed units of the Iraqi army"
				t.Errorf("%s: %q, a state's forces, filed as a PMU label", c.Articles[art].Outlet, l)
			}
		}
	}
	for art, want := range map[int][]string{1: {"anti-terror group", "popular resistance group"}, 3: {"an alliance of paramilitary groups"}} {
		for _, w := range want {
			if !slices.Contains(pmf[art], w) {
				t.Errorf("%s: PMU labels %v lack %q", c.Articles[art].Outlet, pmf[art], w)
			}
			if slices.Contains(is[art], w) {
				t.Errorf("%s: %q filed under Islamic State: %v", c.Articles[art].Outlet, w, is[art])
			}
		}
	}
	if !slices.Contains(is[1], "terrorist groups") {
		t.Errorf("News Line: “Daesh and other terrorist groups” not an Islamic State label: %v", is[1])
	}
	type key struct {
		art, paragraph int
		text, verb     string
	}
	seen := map[key]bool{}
	sources := map[int][]string{}
	for _, d := range c.Differences {
		if d.Kind != differences.KindAttribution {
			continue
		}
		for _, it := range d.Items {
			k := key{it.Article, c.Articles[it.Article].Passages[it.Passage].Paragraph, strings.ToLower(it.Text), it.Verb}
			if seen[k] {
				t.Errorf("%s credits %q (%s) twice in paragraph %d", c.Articles[it.Article].Outlet, it.Text, it.Verb, k.paragraph)
			}
			seen[k] = true
			sources[it.Article] = append(sources[it.Article], it.Text)
		}
	}
	if !slices.Contains(sources[1], "Nasir al-Shamas") || slices.Contains(sources[1], "al") || slices.Contains(sources[1], "al-Shamas") {
		t.Errorf("News Line sources %v: want Nasir al-Shamas whole, once", sources[1])
	}
	if slices.Contains(sources[3], "group") {
		t.Errorf("VICE sources %v: a bare “group” is not a source", sources[3])
	}
}

// A row's shared words leave out the words of its shared names: "Iraq" is
// listed once, as an entity, not again as the word "iraq".
func TestSharedWordsLeaveOutNames(t *testing.T) {
	c, err := Compare(seedtest.Articles(t, seedtest.Iranian, seedtest.Antiwar), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range c.Rows {
		names := map[string]bool{}
		for _, e := range c.Entities {
			if slices.Contains(r.Shared.Entities, e.Name) {
				for _, v := range append([]string{e.Name}, e.Variants...) {
					for _, w := range strings.Fields(strings.ToLower(v)) {
						names[w] = true
					}
				}
			}
		}
		for _, w := range r.Shared.Words {
			if names[w] {
				t.Errorf("row %v: %q listed as a word and inside a shared name %v", r.Passages, w, r.Shared.Entities)
			}
		}
		checked += len(r.Shared.Entities)
	}
	if checked == 0 {
		t.Fatal("no row shares a name: nothing checked")
	}
}

// A user's alias table merged over the shipped one is what Compare takes
// (corpus/entities tests the merge itself).
func TestCompareWithUserAliases(t *testing.T) {
	user, err := entities.LoadAliases(strings.NewReader("Qassem Muslih = Qasim Muslih | Qassem Musleh | Qasim Musleh\nHashd = PMU\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compare(fixture, Options{Aliases: entities.DefaultAliases().Merge(user)})
	if err != nil || c == nil {
		t.Fatal(err)
	}
}

// Issue 12 items 5 and 6: the report names an article without an outlet
// by its id, as every view does (not by its title), and shows a title
// made from the body as such.
func TestMarkdownNamesOutletlessByID(t *testing.T) {
	a := &corpus.Article{ID: "coastal_times", Title: "Storm hits the coast of Rivertown.", TitleDerived: true,
		Body: []corpus.Paragraph{{Text: "Storm hits the coast of Rivertown. Boats were lost."}}}
	b := &corpus.Article{ID: "inland", Title: "Storm on the coast", Outlet: "Inland Post",
		Body: []corpus.Paragraph{{Text: "Storm hits the coast of Rivertown. Roads were closed."}}}
	c, err := Compare([]*corpus.Article{a, b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := Markdown(c)
	for _, want := range []string{`| # | score | coastal\_times | Inland Post | shared |`, "1. **untitled: Storm hits the coast of Rivertown.**"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}
