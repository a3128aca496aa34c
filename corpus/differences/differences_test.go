package differences

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/quantity"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// art is a hand-built article: its name, its passages' texts, and the
// alignment row of each passage (-1 for none; nil for no rows at all).
type art struct {
	name  string
	texts []string
	rows  []int
}

// capitalised is running text that shows the names the tests use
// capitalised mid-sentence, as longer articles would: a name that starts
// a sentence is taken for one only when it is seen so elsewhere.
const capitalised = "Yesterday John Kirby, Barham Saleh, Kirby, Hamas, Kata’ib Hezbollah, Anja Lind and Qais al-Khazali met."

// input analyses hand-built articles the way a comparison does (tokens,
// capitalisation over all texts and capitalised, names resolved across
// articles with the shipped alias table, figures), scoring passage pairs
// with score. A text starting "# " is a headline.
func input(arts []art, score func(a, b passages.Ref) float64) Input {
	caps := entities.NewCapitalisation()
	caps.Observe(tokens.Tokenize(capitalised), false)
	toks := make([][][]tokens.Token, len(arts))
	for i, a := range arts {
		for p, s := range a.texts {
			toks[i] = append(toks[i], tokens.Tokenize(strings.TrimPrefix(s, "# ")))
			caps.Observe(toks[i][p], false)
		}
	}
	al := entities.DefaultAliases()
	docs := make([][][]entities.Mention, len(arts))
	for i, a := range arts {
		for p, s := range a.texts {
			docs[i] = append(docs[i], entities.FindMentions(strings.TrimPrefix(s, "# "), toks[i][p], caps, al, false))
		}
	}
	res := entities.NewResolver(al)
	res.Resolve(docs)
	in := Input{Entities: res, Threshold: 0.2}
	in.Scores = func(a passages.Ref, j int, dst []float32) []float32 {
		dst = dst[:0]
		for q := range arts[j].texts {
			dst = append(dst, float32(score(a, passages.Ref{Article: j, Passage: q})))
		}
		return dst
	}
	for i, a := range arts {
		out := Article{Name: a.name}
		for p, s := range a.texts {
			var rows []int
			if p < len(a.rows) && a.rows[p] >= 0 {
				rows = []int{a.rows[p]}
			}
			kind := passages.KindBody
			if strings.HasPrefix(s, "# ") {
				kind, s = passages.KindTitle, s[2:]
			}
			out.Passages = append(out.Passages, Passage{Text: s, Kind: kind, Paragraph: p, Rows: rows,
				Tokens: toks[i][p], Mentions: docs[i][p], Figures: quantity.Parse(s)})
		}
		in.Articles = append(in.Articles, out)
	}
	return in
}

func noScore(passages.Ref, passages.Ref) float64 { return 0 }

// some scores every pair a little: the passages share a word.
func some(passages.Ref, passages.Ref) float64 { return 0.05 }

func summaries(ds []Difference) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Summary)
	}
	return out
}

func TestFacts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		arts  []art
		score func(a, b passages.Ref) float64
		want  []string // summaries
	}{
		{"one row, values conflict",
			[]art{{"A", []string{"Strikes killed 25 people."}, []int{0}}, {"B", []string{"Strikes killed 27 people."}, []int{0}}},
			noScore, []string{"killed (people): 25 (A); 27 (B) — conflict: no value fits every account"}},
		{"compatible: at least 25 and 27",
			[]art{{"A", []string{"Strikes killed at least 25."}, []int{0}}, {"B", []string{"Strikes killed 27."}, []int{0}}},
			noScore, []string{"killed: at least 25 (A); 27 (B) — compatible: they differ in precision, not in fact"}},
		{"the same figure is a fact too",
			[]art{{"A", []string{"Strikes killed 27."}, []int{0}}, {"B", []string{"The strikes killed 27."}, []int{0}}},
			noScore, []string{"killed: 27 (A); 27 (B) — the same in every account"}},
		{"lead figures of two accounts meet without a row",
			[]art{{"A", []string{"Twenty-one men were brought out alive."}, nil}, {"B", []string{"More than 20 were rescued."}, nil}},
			some, []string{"rescued (men): Twenty-one (A); More than 20 (B) — compatible: they differ in precision, not in fact"}},
		{"but not passages with nothing in common",
			[]art{{"A", []string{"Twenty-one men were brought out alive."}, nil}, {"B", []string{"More than 20 were rescued."}, nil}},
			noScore, nil},
		{"different things counted",
			[]art{{"A", []string{"It hit five bases."}, []int{0}}, {"B", []string{"It killed 27."}, []int{0}}},
			noScore, nil},
		{"fighters and civilians are two facts",
			[]art{{"A", []string{"The raid killed 15 fighters and three civilians."}, []int{0}},
				{"B", []string{"Nine fighters and four civilians were killed in the raid."}, []int{0}}},
			some, []string{"killed (fighters): 15 (A); Nine (B) — conflict: no value fits every account",
				"killed (civilians): three (A); four (B) — conflict: no value fits every account"}},
		{"fighters, terrorists and people are one count",
			[]art{{"A", []string{"The raid killed 15 fighters."}, nil}, {"B", []string{"It killed 25 terrorists."}, nil}, {"C", []string{"Nine people died."}, nil}},
			some, []string{"killed (fighters): 15 (A); 25 (B); Nine (C) — conflict: no value fits every account"}},
		{"another year's toll is not this one's",
			[]art{{"A", []string{"The fire killed 27 workers on Tuesday.", "In 2013, a fire killed 112 people."}, nil},
				{"B", []string{"Twenty-seven workers died in the fire on Tuesday."}, nil}},
			some, []string{"killed (workers): 27 (A); Twenty-seven (B) — the same in every account"}},
		{"a rate is no count of the event",
			[]art{{"A", []string{"The line carries some 30,000 passengers a day."}, nil}, {"B", []string{"It carried about 350 passengers."}, nil}},
			some, nil},
		{"figures thirty times apart count different things",
			[]art{{"A", []string{"Strikes killed 27."}, []int{0}}, {"B", []string{"The war has killed 20,000."}, []int{0}}},
			noScore, nil},
		{"a count of places is no lead figure",
			[]art{{"A", []string{"There were irregularities at more than 300 polling stations."}, nil},
				{"B", []string{"Observers were expelled from dozens of polling stations."}, nil}},
			some, nil},
	} {
		in := input(tc.arts, tc.score)
		got := summaries(facts(in))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// A fact has one item per article that states it, however many articles
// and passages: the headline's repeat of the lead is the same item (Also),
// and conflicts come before compatible facts.
func TestFactsOneItemPerArticle(t *testing.T) {
	in := input([]art{
		{"A", []string{"# Blast kills at least 25", "The blast killed at least 25 people.", "About 3,500 people were evacuated."}, nil},
		{"B", []string{"# 27 dead in blast", "The blast killed 27 people.", "Some 2,000 residents were evacuated."}, nil},
		{"C", []string{"Twenty-seven people died in the blast.", "Nearly 3,500 people have been evacuated."}, nil},
	}, some)
	ds := facts(in)
	if len(ds) != 2 || ds[0].Relation != "conflict" || ds[0].Class != "displaced" || ds[1].Relation != "compatible" || ds[1].Class != "killed" {
		t.Fatalf("facts %q, want the evacuated (conflict) then the killed (compatible)", summaries(ds))
	}
	killed := ds[1]
	if len(killed.Items) != 3 {
		t.Fatalf("killed items %+v", killed.Items)
	}
	for k, it := range killed.Items {
		p := in.Articles[it.Article].Passages[it.Passage]
		if it.Article != k || p.Kind != passages.KindBody || !strings.Contains(p.Text, it.Text) || it.Outlet != in.Articles[k].Name {
			t.Errorf("item %d = %+v (in %q)", k, it, p.Text)
		}
	}
	if a := killed.Items[0]; len(a.Also) != 1 || a.Also[0] != (passages.Ref{Article: 0, Passage: 0}) ||
		a.Qualifier != "at least" || a.Interval == nil || a.Interval.Low != 25 || a.Interval.High != nil {
		t.Errorf("A's item %+v: want the headline in Also, at least 25 = [25, ∞)", a)
	}
}

// A republication is no independent account: it states no facts.
func TestFactsLeaveOutCopies(t *testing.T) {
	in := input([]art{
		{"A", []string{"The blast killed 25 people."}, []int{0}},
		{"B", []string{"The blast killed 27 people."}, []int{0}},
		{"A again", []string{"The blast killed 25 people."}, []int{0}},
	}, noScore)
	in.Articles[2].Copy = true
	ds := facts(in)
	if len(ds) != 1 || len(ds[0].Items) != 2 {
		t.Fatalf("facts %q", summaries(ds))
	}
	for _, it := range ds[0].Items {
		if it.Article == 2 {
			t.Errorf("the copy's figure %+v is in a fact", it)
		}
	}
}

// Accounts published a month or more apart tell different events.
func TestFactsSameTime(t *testing.T) {
	in := input([]art{{"A", []string{"Strikes killed 27."}, []int{0}}, {"B", []string{"Strikes killed 25."}, []int{0}}}, noScore)
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	in.Articles[0].Date, in.Articles[1].Date = day(2019, 12, 29), day(2020, 1, 2)
	if n := len(facts(in)); n != 1 {
		t.Errorf("accounts four days apart: %d facts, want 1", n)
	}
	in.Articles[1].Date = day(2021, 5, 31)
	if n := len(facts(in)); n != 0 {
		t.Errorf("accounts 17 months apart: %d facts, want 0", n)
	}
	in.Articles[1].Date, in.Articles[1].DateSlack = day(2020, 2, 5), 16*24*time.Hour
	if n := len(facts(in)); n != 1 {
		t.Errorf("a month-precise date within its slack: %d facts, want 1", n)
	}
}

func TestAside(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"In 2013, a fire at the mill killed 112 people.", true},
		{"A landslide killed four people last week.", true},
		{"Elsewhere, a landslide killed four people.", true},
		{"The line carries some 30,000 passengers a day.", true},
		{"The strikes on Sunday killed 25, in retaliation for last week's attack.", false}, // the day of the event
		{"The fire killed 27 workers.", false},
		{"On 29 December 2019 the strikes killed 27.", false}, // the year the article reports on
		{"The attack, which killed 12, was the worst since 2014.", false},
		{"Jets struck, killing 25 in retaliation for last week's attack.", false},
		{"The group has waged an insurgency since 2018 in which more than 2,000 people have been killed.", true},
		{"Last week's attack killed 11.", true},
		{"Prices rose 12 percent since 2015 in the region.", true}, // a marker after, in the clause
		{"Between 2012 and 2015 the war killed 20,000.", true},
	} {
		p := Passage{Text: tc.text, Tokens: tokens.Tokenize(tc.text)}
		qs := quantity.Parse(tc.text)
		q := qs[len(qs)-1]
		a := Article{Date: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)}
		if got := aside(p, q, nowYear(a)); got != tc.want {
			t.Errorf("aside(%q) = %v", tc.text, got)
		}
	}
}

// A marker inside the figure's own text (as a range of years would be)
// reads as said with it, and must not break the reading.
func TestAsideMarkerInsideTheFigure(t *testing.T) {
	text := "Some 2015 to 2019 fighters were killed."
	p := Passage{Text: text, Tokens: tokens.Tokenize(text)}
	q := quantity.Quantity{Start: 0, End: len("Some 2015 to 2019"), Value: 2015}
	if !aside(p, q, 2020) {
		t.Error("a figure holding earlier years is not about the event")
	}
}

func TestNounSenses(t *testing.T) {
	sense := func(text string) nounSense { return senseOf(quantity.Parse(text)[0]) }
	for _, tc := range []struct {
		a, b string
		fit  bool
	}{
		{"27 workers were killed", "27 people were killed", true},
		{"killing 27", "27 fighters were killed", true},
		{"15 fighters were killed", "25 terrorists were killed", true},
		{"15 fighters were killed", "three civilians were killed", false},
		{"four officers were hurt", "60 protesters were hurt", false},
		{"300 families fled", "3,500 people fled", false},
		{"Twelve hostages were freed", "Eleven aid workers were freed", true},
	} {
		if got := sense(tc.a).fits(sense(tc.b)); got != tc.fit {
			t.Errorf("%q fits %q = %v", tc.a, tc.b, got)
		}
	}
}

func speakers(ats []attribution) []string {
	var out []string
	for _, a := range ats {
		out = append(out, a.speaker+"/"+a.verb)
	}
	return out
}

func TestFindAttributions(t *testing.T) {
	for _, tc := range []struct {
		texts []string // passages of one article
		want  [][]string
	}{
		{[]string{"US officials said the strikes were defensive."}, [][]string{{"US officials/said"}}},
		{[]string{"“We will respond,” said Kata’ib Hezbollah today."}, [][]string{{"Kata’ib Hezbollah/said"}}},
		{[]string{"The base was hit, according to the Pentagon."}, [][]string{{"Pentagon/according to"}}},
		{[]string{"It was hit, according to Qais al-Khazali of the group."}, [][]string{{"Qais al-Khazali/according to"}}},
		{[]string{"John Kirby, a Pentagon spokesman, said so."}, [][]string{{"John Kirby/said"}}},
		{[]string{"The group said it would respond."}, [][]string{{"group/said"}}}, // credits reads it as the group it points at
		{[]string{"Barham Saleh condemned it.", "He said it was a violation."}, [][]string{nil, nil}},
		{[]string{"Barham Saleh said it was a violation.", "He said more."}, [][]string{{"Barham Saleh/said"}, {"Barham Saleh/said"}}},
		{[]string{"Barham Saleh said it.", "Nothing here.", "Nor here.", "He said more."}, [][]string{{"Barham Saleh/said"}, nil, nil, nil}}, // too far back
		{[]string{"Said nothing."}, [][]string{nil}},
		{[]string{"This raises doubts about US claims that it was hit."}, [][]string{nil}}, // "claims" is a noun here
		{[]string{"A lawyer for Kirby, Barham Saleh, said so."}, [][]string{{"Barham Saleh/said"}}},
		{[]string{"\"It spread fast,\" said Senator John Kirby."}, [][]string{{"John Kirby/said"}}},
		{[]string{"It rose, according to officials of the Popular Mobilization Forces."}, [][]string{{"Popular Mobilization Forces/according to"}}},
		{[]string{"It rose, according to volunteer medics at the Red Crescent tent."}, [][]string{{"volunteer medics/according to"}}},
		{[]string{"It rose, according to estimates by regional analysts."}, [][]string{{"regional analysts/according to"}}},
		{[]string{"Shopkeepers on Harbour Road said windows broke."}, [][]string{nil}},
	} {
		in := input([]art{{"A", tc.texts, nil}}, noScore)
		var prev attribution
		for p, ps := range in.Articles[0].Passages {
			got := speakers(findAttributions(ps, passages.Ref{Article: 0, Passage: p}, &prev))
			if !slices.Equal(got, tc.want[p]) {
				t.Errorf("%q passage %d: %q, want %q", tc.texts, p, got, tc.want[p])
			}
		}
	}
}

// Each article's sources are listed once each, under one name: a short
// name is the full name it ends, a pointing description ("the agency",
// "the minister") the source it points at, and one that points at
// nothing is no source.
func TestCredits(t *testing.T) {
	in := input([]art{
		{"A", []string{"Iraqi security expert Ali al-Waeli said on Sunday it was planned.", "Al-Waeli said forces should watch.",
			"The Lindmark Civil Protection Agency said 40 were hurt.", "The agency said more were missing.",
			"Interior Minister Barham Saleh praised them.", "The minister said so.", "US officials said it again.", "Officials said it.",
			"The ministry said nothing."}, nil},
		{"B", []string{"Nobody is named here."}, nil},
		{"C", []string{"Barham Saleh said it.", "The US said so."}, nil},
	}, noScore)
	ds := credits(in)
	if len(ds) != 2 || ds[0].Topic != "A" || ds[1].Topic != "C" {
		t.Fatalf("credits %q: want A's and C's", summaries(ds))
	}
	want := "A credits Ali al-Waeli, Lindmark Civil Protection Agency, Barham Saleh, US officials, Officials"
	if ds[0].Summary != want {
		t.Errorf("summary %q, want %q", ds[0].Summary, want)
	}
	if it := ds[0].Items[0]; len(it.Also) != 1 || it.Also[0].Passage != 1 || it.Entity == "" {
		t.Errorf("Ali al-Waeli's item %+v: want the second crediting in Also", it)
	}
	if got := ds[1].Items; len(got) != 2 || got[0].Text != "Barham Saleh" || got[1].Text != "United States" {
		t.Errorf("C's sources %+v: named as their entities are", got)
	}
}

func labelsOf(text string) []string {
	in := input([]art{{"A", []string{text, "Kata’ib Hezbollah and Hamas and the Popular Mobilization Forces are named."}, nil}}, noScore)
	g := groupEntities{res: in.Entities, cache: map[string]bool{}}
	var out []string
	for _, l := range findLabels(in.Articles[0].Passages[0], passages.Ref{}, g.is) {
		out = append(out, l.text)
	}
	return out
}

func TestFindLabels(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Strikes hit Iran-backed militias in Iraq.", []string{"Iran-backed militias"}},
		{"a people’s resistance movement", []string{"people’s resistance movement"}},
		{"Iraq’s Shi’ite militias", []string{"Iraq’s Shi’ite militias"}},
		{"the anti-terror Popular Mobilization Forces", []string{"anti-terror Popular Mobilization Forces"}},
		{"Iraqi security forces and US-led forces", nil}, // a state's own forces
		{"the militias", nil}, // no describing word
		{"five armed groups", []string{"armed groups"}},
		{"Iraqi paramilitary and resistance groups met.", []string{"Iraqi paramilitary and resistance groups"}},
		{"Bombs hit anti-Hamas fighters.", []string{"anti-Hamas fighters"}}, // and not "anti-Hamas" as Hamas's label
	} {
		if got := labelsOf(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("findLabels(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestLabelOwner(t *testing.T) {
	for _, tc := range []struct {
		text, label, top, want string
	}{
		{"Kata’ib Hezbollah, a paramilitary group, denied it.", "paramilitary group", "", "Kata'ib Hezbollah"},
		{"Hamas and other terrorist groups", "terrorist groups", "", "Hamas"},
		{"fighters of Kata’ib Hezbollah", "fighters", "", ""}, // no describing word: no label at all
		{"the Iran-backed militias of the Iraqi army", "Iran-backed militias", "", "-"},
		{"the anti-terror group said", "anti-terror group", "=Popular Mobilization Forces", "Popular Mobilization Forces"},
		{"armed groups met Hamas later in the day", "armed groups", "", "Hamas"}, // the nearest group
		{"Bombs hit anti-Hamas fighters.", "anti-Hamas fighters", "=Popular Mobilization Forces", "Popular Mobilization Forces"},
		{"Kata’ib Hezbollah, part of the Popular Mobilization Forces, was one of the popular grassroots militias.",
			"popular grassroots militias", "=Popular Mobilization Forces", "Kata'ib Hezbollah"}, // the subject of "was"
	} {
		in := input([]art{{"A", []string{tc.text, "Kata’ib Hezbollah and Hamas and the Popular Mobilization Forces are named."}, nil}}, noScore)
		g := groupEntities{res: in.Entities, cache: map[string]bool{}}
		ps := in.Articles[0].Passages[0]
		var got []string
		for _, l := range findLabels(ps, passages.Ref{}, g.is) {
			if l.text != tc.label {
				continue
			}
			owner := labelOwner(ps.Text, l, ps.Mentions, g.is, tc.top)
			if owner == "" {
				got = append(got, "-")
			} else {
				got = append(got, in.Entities.Display(owner))
			}
		}
		if tc.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: label %q found: %q", tc.text, tc.label, got)
			}
			continue
		}
		if !slices.Equal(got, []string{tc.want}) {
			t.Errorf("%q: owner of %q = %q, want %q", tc.text, tc.label, got, tc.want)
		}
	}
}

// Labels placed against a name, whoever it names: appositions after and
// before it, descriptions right before it, a group noun after a group's
// name, "the X of" a name.
func TestPlacedLabels(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // label → owner
	}{
		{"Kirby, a Pentagon spokesman, said so.", []string{"a Pentagon spokesman → Kirby"}},
		{"Hamas, freedom fighters who resist, agreed.", []string{"freedom fighters → Hamas"}},
		{"It was led by Barham Saleh, a former schoolteacher.", []string{"a former schoolteacher → Barham Saleh"}},
		{"The President, Barham Saleh, thanked voters.", []string{"The President → Barham Saleh"}},
		{"Ali said the operator, Kata’ib Hezbollah, would pay.", []string{"the operator → Kata'ib Hezbollah"}},
		{"Opposition candidate Anja Lind voted.", []string{"Opposition candidate → Anja Lind"}},
		{"It was brokered by the elder Sheikh Qais al-Khazali.", []string{"the elder Sheikh → Qais al-Khazali"}},
		{"Twelve hostages held by Hamas terrorists were freed.", []string{"terrorists → Hamas"}},
		{"They were seized by the rebels of Hamas in June.", []string{"the rebels → Hamas"}},
		{"In Iraq, one person died.", nil},                               // a clause, not an apposition
		{"The latest US attack on Kata’ib Hezbollah came at dawn.", nil}, // a name that qualifies a noun has no description
		{"Ask Kirby, an inquiry will report within 30 days.", nil},       // a clause
	} {
		in := input([]art{{"A", []string{tc.text}, nil}}, noScore)
		g := groupEntities{res: in.Entities, cache: map[string]bool{}}
		var got []string
		for _, l := range placedLabels(in.Articles[0].Passages[0], g.is) {
			got = append(got, l.text+" → "+in.Entities.Display(l.owner))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("placedLabels(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestIsGroup(t *testing.T) {
	for name, want := range map[string]bool{
		"Popular Mobilization Forces": true, "Kata'ib Hezbollah": true, "Islamic State": true,
		"Barham Saleh": false, "Iraq": false, "United States": false,
	} {
		if got := isGroup(name); got != want {
			t.Errorf("isGroup(%q) = %v", name, got)
		}
	}
}

// Labels are listed per actor, one item per label and article, actors
// several articles name first, with a summary per article.
func TestLabelDifferences(t *testing.T) {
	in := input([]art{
		{"A", []string{"Iran-backed militias of Kata’ib Hezbollah struck.", "Kata’ib Hezbollah, an armed group, denied it."}, nil},
		{"B", []string{"Hamas, a resistance movement, agreed.", "Kata’ib Hezbollah, a paramilitary group, said so."}, nil},
	}, noScore)
	ds := labelDifferences(in)
	if len(ds) != 2 || ds[1].Topic != "Hamas" {
		t.Fatalf("differences %q, want Kata'ib Hezbollah's (named by two articles) then Hamas's", summaries(ds))
	}
	d := ds[0]
	if d.Kind != KindLabel || d.Topic != "Kata'ib Hezbollah" ||
		d.Summary != "Kata'ib Hezbollah — A: Iran-backed militias, an armed group; B: a paramilitary group" {
		t.Errorf("difference %+v", d)
	}
	for _, it := range d.Items {
		if it.Entity != "Kata'ib Hezbollah" || !strings.Contains(in.Articles[it.Article].Passages[it.Passage].Text, it.Text) || it.Outlet == "" {
			t.Errorf("item %+v", it)
		}
	}
}

// Find puts facts first, then sources, then labels.
func TestFindOrder(t *testing.T) {
	in := input([]art{
		{"A", []string{"Strikes killed 25, officials said.", "Iran-backed militias of Kata’ib Hezbollah struck."}, []int{0, -1}},
		{"B", []string{"Strikes killed 27, officials said.", "Kata’ib Hezbollah, a paramilitary group, said so."}, []int{0, -1}},
	}, noScore)
	var kinds []Kind
	for _, d := range Find(in) {
		kinds = append(kinds, d.Kind)
	}
	if !slices.Equal(kinds, []Kind{KindNumber, KindAttribution, KindAttribution, KindLabel}) {
		t.Errorf("kinds %v", kinds)
	}
}
