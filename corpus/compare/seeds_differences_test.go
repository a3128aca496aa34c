package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/internal/seedtest"
)

// compareAllSeeds compares the six bundled articles, as the issue did.
func compareAllSeeds(t *testing.T) *Comparison {
	t.Helper()
	c, err := Compare(seedtest.Articles(t, seedtest.Duran, seedtest.Iranian, seedtest.PMU, seedtest.Gaza, seedtest.Antiwar, seedtest.Vice), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// In the comparison of all six articles, the 2019 casualty figures are set
// against each other only: not against the Gaza item's toll (254 killed,
// almost 2,000 wounded) nor The Duran's 20,000 killed and wounded over
// years of war. 27 and "at least 25" killed, 51 and "over 50" injured are
// compatible facts. (These facts do not need the two casualty passages in
// one alignment row: they are each account's lead figure for the count,
// and their passages score above zero.)
func TestSeedsFactsOfTheSixArticles(t *testing.T) {
	c := compareAllSeeds(t)
	of := map[int]string{}
	for i, a := range c.Articles {
		of[i] = a.ID
	}
	compatible := map[string]bool{}
	for _, d := range c.Differences {
		if d.Kind != differences.KindNumber {
			continue
		}
		ids := map[string]string{}
		for _, it := range d.Items {
			ids[of[it.Article]] = it.Text
		}
		_, y2019 := ids[seedtest.Iranian]
		_, a2019 := ids[seedtest.Antiwar]
		if !y2019 && !a2019 {
			continue
		}
		if _, ok := ids[seedtest.Gaza]; ok {
			t.Errorf("a Gaza figure is set against the 2019 figures: %s", d.Summary)
		}
		for _, it := range d.Items {
			if it.Text == "20,000" || of[it.Article] == seedtest.Duran {
				t.Errorf("The Duran's figure %q is set against the 2019 figures: %s", it.Text, d.Summary)
			}
		}
		if d.Relation == "compatible" {
			compatible[d.Class+": "+ids[seedtest.Iranian]+" / "+ids[seedtest.Antiwar]] = true
		}
	}
	for _, want := range []string{"killed: 27 / at least 25", "injured: 51 / over 50"} {
		if !compatible[want] {
			t.Errorf("no compatible fact %q among %v", want, compatible)
		}
	}
}

// labelsOn lists the labels each article puts on an actor.
func labelsOn(c *Comparison, actor string) map[string][]string {
	out := map[string][]string{}
	for _, d := range c.Differences {
		if d.Kind == differences.KindLabel && d.Topic == actor {
			for _, it := range d.Items {
				out[c.Articles[it.Article].ID] = append(out[c.Articles[it.Article].ID], it.Text)
			}
		}
	}
	return out
}

// None of the wrong labels the issue lists remains: The Duran's "anti-ISIS
// Iraqi Shi’a fighters" are the PMU, not the Islamic State; "Iraqi
// paramilitary and resistance groups" is one label; "popular grassroots
// militias" describes Kata'ib Hezbollah.
func TestSeedsLabelsOfTheSixArticles(t *testing.T) {
	c := compareAllSeeds(t)
	if ls := labelsOn(c, "Islamic State")[seedtest.Duran]; len(ls) > 0 {
		t.Errorf("The Duran's labels filed under the Islamic State: %q", ls)
	}
	pmu := labelsOn(c, "Popular Mobilization Forces")
	if !slices.Contains(pmu[seedtest.Duran], "anti-ISIS Iraqi Shi’a fighters") {
		t.Errorf("The Duran's PMU labels %q lack “anti-ISIS Iraqi Shi’a fighters”", pmu[seedtest.Duran])
	}
	if !slices.Contains(pmu[seedtest.Iranian], "Iraqi paramilitary and resistance groups") || slices.Contains(pmu[seedtest.Iranian], "Iraqi paramilitary") {
		t.Errorf("Iranian.com's PMU labels %q: want “Iraqi paramilitary and resistance groups” whole", pmu[seedtest.Iranian])
	}
	if slices.Contains(pmu[seedtest.Iranian], "popular grassroots militias") {
		t.Errorf("“popular grassroots militias” given to the PMU: %q", pmu[seedtest.Iranian])
	}
	if kh := labelsOn(c, "Kata'ib Hezbollah"); !slices.Contains(kh[seedtest.Iranian], "popular grassroots militias") {
		t.Errorf("Kata'ib Hezbollah's labels %q lack “popular grassroots militias”", kh[seedtest.Iranian])
	}
}

// None of the wrong credits the issue lists remains: each article names
// each source once ("Waeli" is Ali al-Waeli; "US claims" credits no one),
// and the two articles of The News Line are told apart.
func TestSeedsCreditsOfTheSixArticles(t *testing.T) {
	c := compareAllSeeds(t)
	credits := map[string][]string{}
	var newsLine []string
	for _, d := range c.Differences {
		if d.Kind != differences.KindAttribution {
			continue
		}
		id := c.Articles[d.Items[0].Article].ID
		entities, names := map[string]bool{}, map[string]bool{}
		for _, it := range d.Items {
			if it.Entity != "" && entities[it.Entity] || names[strings.ToLower(it.Text)] {
				t.Errorf("%s credits %q twice", d.Topic, it.Text)
			}
			entities[it.Entity], names[strings.ToLower(it.Text)] = it.Entity != "", true
			credits[id] = append(credits[id], it.Text)
		}
		if strings.HasPrefix(d.Topic, "The News Line") {
			newsLine = append(newsLine, d.Topic)
		}
	}
	if got := credits[seedtest.Antiwar]; !slices.Equal(got, []string{"US officials"}) {
		t.Errorf("Antiwar.com credits %q, want US officials alone (“US claims” is no credit)", got)
	}
	pmu := credits[seedtest.PMU]
	if !slices.Contains(pmu, "Ali al-Waeli") || slices.Contains(pmu, "Waeli") || slices.Contains(pmu, "Al-Waeli") {
		t.Errorf("The News Line credits %q: want Ali al-Waeli once, not his surname again", pmu)
	}
	if len(newsLine) != 2 || newsLine[0] == newsLine[1] {
		t.Errorf("The News Line's two articles are credited under %q", newsLine)
	}
}

// A republication (CopyOf another compared article) is no independent
// account: its figures are in no fact. Articles without an outlet are
// named by their id, never by an empty name.
func TestDifferencesCopiesAndNames(t *testing.T) {
	body := func(s string) []corpus.Paragraph { return []corpus.Paragraph{{Text: s}} }
	arts := []*corpus.Article{
		{ID: "wire.txt", Title: "Flood", Body: body("About 3,500 people were evacuated on Tuesday, and six people were reported missing.")},
		{ID: "gazette", Outlet: "Gazette", Title: "Flood", Body: body("Some 2,000 residents were evacuated on Tuesday, and nine people remain missing.")},
		{ID: "digest", Outlet: "Digest", CopyOf: "wire.txt", Title: "Flood", Body: body("About 3,500 people were evacuated on Tuesday, and six people were reported missing.")},
	}
	c, err := Compare(arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts := 0
	for _, d := range c.Differences {
		if d.Kind != differences.KindNumber {
			continue
		}
		facts++
		for _, it := range d.Items {
			if it.Article == 2 {
				t.Errorf("the copy's figure %q is in %s", it.Text, d.Summary)
			}
			if it.Outlet == "" || strings.HasPrefix(d.Summary, " ") || strings.Contains(d.Summary, "()") {
				t.Errorf("an unnamed article in %s", d.Summary)
			}
		}
		if !strings.Contains(d.Summary, "(wire.txt)") || !strings.Contains(d.Summary, "(Gazette)") {
			t.Errorf("fact %q does not name both accounts", d.Summary)
		}
	}
	if facts != 2 {
		t.Errorf("%d facts, want the evacuated and the missing", facts)
	}
	// Without the original among the compared, the copy is an account.
	c, err = Compare(arts[1:], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Differences); n == 0 || c.Differences[0].Kind != differences.KindNumber {
		t.Errorf("the copy compared without its original states no fact: %+v", c.Differences)
	}
}
