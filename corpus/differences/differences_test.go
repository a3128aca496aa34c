package differences

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/figures"
	"github.com/pmureader/pmureader/corpus/passages"
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
const capitalised = "Yesterday John Kirby, Barham Saleh, Kirby, Hamas, Kata’ib Hezbollah and Qais al-Khazali met."

// input analyses hand-built articles the way a comparison does (tokens,
// capitalisation over all texts and capitalised, names resolved across
// articles with the shipped alias table, figures), scoring passage pairs
// with score.
func input(arts []art, score func(a, b passages.Ref) float64) Input {
	caps := entities.NewCapitalisation()
	caps.Observe(tokens.Tokenize(capitalised), false)
	toks := make([][][]tokens.Token, len(arts))
	for i, a := range arts {
		for p, s := range a.texts {
			toks[i] = append(toks[i], tokens.Tokenize(s))
			caps.Observe(toks[i][p], false)
		}
	}
	al := entities.DefaultAliases()
	docs := make([][][]entities.Mention, len(arts))
	for i, a := range arts {
		for p, s := range a.texts {
			docs[i] = append(docs[i], entities.FindMentions(s, toks[i][p], caps, al, false))
		}
	}
	res := entities.NewResolver(al)
	res.Resolve(docs)
	in := Input{Entities: res}
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
			row := -1
			if a.rows != nil {
				row = a.rows[p]
			}
			out.Passages = append(out.Passages, Passage{Text: s, Paragraph: p, Row: row,
				Tokens: toks[i][p], Mentions: docs[i][p], Figures: figures.Find(s, toks[i][p])})
		}
		in.Articles = append(in.Articles, out)
	}
	return in
}

func noScore(passages.Ref, passages.Ref) float64 { return 0 }

func TestNumberDifferences(t *testing.T) {
	for _, tc := range []struct {
		name  string
		arts  []art
		score float64
		want  []string // summaries
	}{
		{"one row, values differ",
			[]art{{"A", []string{"Strikes killed at least 25 people."}, []int{0}}, {"B", []string{"Strikes killed 27 people."}, []int{0}}},
			0, []string{"killed: at least 25 (A) vs 27 (B)"}},
		{"one row, the same figure",
			[]art{{"A", []string{"Strikes killed 27."}, []int{0}}, {"B", []string{"The strikes killed 27."}, []int{0}}},
			0, nil},
		{"a qualifier differs",
			[]art{{"A", []string{"It injured over 50."}, []int{0}}, {"B", []string{"It injured 50."}, []int{0}}},
			0, []string{"injured: over 50 (A) vs 50 (B)"}},
		{"no row and too dissimilar",
			[]art{{"A", []string{"Strikes killed 25."}, nil}, {"B", []string{"Strikes killed 27."}, nil}},
			0.05, nil},
		{"no row but similar enough",
			[]art{{"A", []string{"Strikes killed 25."}, nil}, {"B", []string{"Strikes killed 27."}, nil}},
			0.1, []string{"killed: 25 (A) vs 27 (B)"}},
		{"different things counted",
			[]art{{"A", []string{"It hit five bases."}, []int{0}}, {"B", []string{"It killed 27."}, []int{0}}},
			0, nil},
	} {
		in := input(tc.arts, func(passages.Ref, passages.Ref) float64 { return tc.score })
		var got []string
		for _, d := range numberDifferences(in) {
			if d.Kind != KindNumber || len(d.Items) != 2 || d.Items[0].Article != 0 || d.Items[1].Article != 1 {
				t.Errorf("%s: malformed %+v", tc.name, d)
			}
			got = append(got, d.Summary)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// The pairs of one row come before scored pairs, and a figure is paired
// once: the better pair takes it.
func TestPairFiguresBestFirst(t *testing.T) {
	in := input([]art{
		{"A", []string{"The raid killed 25.", "Officials said 30 were killed."}, []int{0, -1}},
		{"B", []string{"The raid killed 27."}, []int{0}},
	}, func(passages.Ref, passages.Ref) float64 { return 0.5 })
	cands := figurePairs(in, 0, 1)
	if len(cands) != 2 || cands[0].a.Passage != 0 || cands[0].s != 1.5 || cands[1].a.Passage != 1 || cands[1].s != 0.5 {
		t.Fatalf("candidates %+v", cands)
	}
	kept := pairFigures(cands)
	if len(kept) != 1 || kept[0].fa.Text != "25" || kept[0].fb.Text != "27" {
		t.Errorf("kept %+v, want 25 against 27 only", kept)
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
		{[]string{"The base was hit, according to the Pentagon."}, [][]string{{"the Pentagon/according to"}}},
		{[]string{"It was hit, according to Qais al-Khazali of the group."}, [][]string{{"Qais al-Khazali/according to"}}},
		{[]string{"John Kirby, a Pentagon spokesman, said so."}, [][]string{{"John Kirby/said"}}},
		{[]string{"The group said it would respond."}, [][]string{nil}}, // a bare group noun names no one
		{[]string{"Barham Saleh condemned it.", "He said it was a violation."}, [][]string{nil, nil}},
		{[]string{"Barham Saleh said it was a violation.", "He said more."}, [][]string{{"Barham Saleh/said"}, {"Barham Saleh/said"}}},
		{[]string{"Barham Saleh said it.", "Nothing here.", "Nor here.", "He said more."}, [][]string{{"Barham Saleh/said"}, nil, nil, nil}}, // too far back
		{[]string{"Said nothing."}, [][]string{nil}},
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

func TestAttributionDifference(t *testing.T) {
	in := input([]art{
		{"A", []string{"US officials said it.", "US officials said it again.", "Kirby told reporters."}, nil},
		{"B", []string{"Nobody is named here."}, nil},
	}, noScore)
	in.Articles[0].Passages[1].Paragraph = 0 // one paragraph: the second "US officials said" is the same item
	d, ok := attributionDifference(in)
	if !ok || d.Kind != KindAttribution || d.Topic != "sources" {
		t.Fatalf("difference %+v, %v", d, ok)
	}
	if d.Summary != "A credits US officials, Kirby; B credits no one by name" {
		t.Errorf("summary %q", d.Summary)
	}
	var items []string
	for _, it := range d.Items {
		items = append(items, it.Text+"/"+it.Verb)
	}
	if !slices.Equal(items, []string{"US officials/said", "Kirby/told"}) {
		t.Errorf("items %q", items)
	}
	if _, ok := attributionDifference(input([]art{{"A", []string{"No one."}, nil}, {"B", []string{"None."}, nil}}, noScore)); ok {
		t.Error("a difference with no one credited anywhere")
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

// Labels are listed for groups two or more articles name, one item per
// label and article, with a summary per article.
func TestLabelDifferences(t *testing.T) {
	in := input([]art{
		{"A", []string{"Iran-backed militias of Kata’ib Hezbollah struck.", "Kata’ib Hezbollah, an armed group, denied it."}, nil},
		{"B", []string{"Kata’ib Hezbollah, a paramilitary group, said so.", "Hamas, a resistance movement, agreed."}, nil},
	}, noScore)
	ds := labelDifferences(in)
	if len(ds) != 1 {
		t.Fatalf("differences %+v, want one for Kata'ib Hezbollah (Hamas is named by one article)", ds)
	}
	d := ds[0]
	if d.Kind != KindLabel || d.Topic != "Kata'ib Hezbollah" ||
		d.Summary != "Kata'ib Hezbollah — A: Iran-backed militias, armed group; B: paramilitary group" {
		t.Errorf("difference %+v", d)
	}
	for _, it := range d.Items {
		if it.Entity != "Kata'ib Hezbollah" || !strings.Contains(in.Articles[it.Article].Passages[it.Passage].Text, it.Text) {
			t.Errorf("item %+v", it)
		}
	}
}

// Find puts numbers first, then sources, then labels.
func TestFindOrder(t *testing.T) {
	in := input([]art{
		{"A", []string{"Strikes killed 25, officials said.", "Iran-backed militias of Kata’ib Hezbollah struck."}, []int{0, -1}},
		{"B", []string{"Strikes killed 27, officials said.", "Kata’ib Hezbollah, a paramilitary group, said so."}, []int{0, -1}},
	}, noScore)
	var kinds []Kind
	for _, d := range Find(in) {
		kinds = append(kinds, d.Kind)
	}
	if !slices.Equal(kinds, []Kind{KindNumber, KindAttribution, KindLabel}) {
		t.Errorf("kinds %v", kinds)
	}
}
