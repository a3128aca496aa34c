package eventsgold

import (
	"testing"

	"github.com/pmureader/pmureader/corpus/quantity"
)

// tiny is a two-article event built in memory, so that each metric can be
// checked against a prediction made by hand.
func tiny() *Event {
	return &Event{
		Slug:     "tiny",
		GoldFile: "tiny.gold.yaml",
		texts: map[string]string{
			"a": "At least 25 workers were killed, police said. In 2013 a fire killed 112 people. Maren Tolk, a union leader, spoke in Iran.",
			"b": "27 workers were killed and 40 were hurt, Ilan Dorsey said. Dorsey added that Marin Tolke was in Iraq.",
			"c": "Nine workers were killed and 45 were hurt.",
		},
		Gold: Gold{
			Articles: []ArticleRef{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			Facts: []Fact{{
				ID: "killed", Class: "killed", Relation: "conflict",
				Values: []Figure{
					{Article: "a", Passage: "At least 25 workers were killed", Value: "At least 25", Interval: "[25, inf)"},
					{Article: "b", Passage: "27 workers were killed", Value: "27", Interval: "[27, 27]"},
					{Article: "c", Passage: "Nine workers were killed", Value: "Nine", Interval: "[9, 9]"},
				},
				Pairs: map[string]string{"a b": "compatible", "a c": "conflict", "b c": "conflict"},
			}},
			Distractors: []Figure{{Article: "a", Passage: "a fire killed 112 people", Value: "112"}},
			Entities: []Entity{
				{Name: "Maren Tolk", Variants: []string{"Maren Tolk", "Marin Tolke"}},
				{Name: "Iran", Variants: []string{"Iran"}},
				{Name: "Iraq", Variants: []string{"Iraq"}},
			},
			Distinct: [][]string{{"Iran", "Iraq"}},
			Labels:   []Label{{Article: "a", Label: "a union leader", Entity: "Maren Tolk"}},
			Credits: []ArticleCredits{
				{Article: "a", Sources: []Source{{Name: "police", Forms: []string{"police"}}}},
				{Article: "b", Sources: []Source{{Name: "Ilan Dorsey", Forms: []string{"Ilan Dorsey", "Dorsey"}}}},
			},
		},
	}
}

func value(article, text string) PredictedValue { return PredictedValue{Article: article, Text: text} }

func TestTinyGoldIsConsistent(t *testing.T) {
	for _, err := range Check(tiny()) {
		t.Error(err)
	}
}

func TestScorePerfectPrediction(t *testing.T) {
	perfect := func(*Event) Prediction {
		return Prediction{
			Facts: []PredictedFact{{Class: quantity.Killed, Relation: quantity.Conflict,
				Values: []PredictedValue{value("a", "At least 25"), value("b", "27 workers"), value("c", "Nine")}}},
			Entities: [][]string{{"Maren Tolk", "Marin Tolke"}, {"Iran"}, {"Iraq"}},
			Labels:   []PredictedLabel{{Article: "a", Label: "union leader", Entity: "Marin Tolke"}},
			Credits: []PredictedCredits{
				{Article: "a", Heading: "Outlet A", Names: []string{"police"}},
				{Article: "b", Heading: "Outlet B", Names: []string{"Ilan Dorsey"}},
			},
		}
	}
	s := Score([]*Event{tiny()}, perfect)
	want := Scores{Events: 1, GoldConflicts: 1, ConflictsFound: 1, CompatiblePairs: 1, PredictedConflicts: 1,
		TrueConflicts: 1, EntitySets: 1, EntitySetsMerged: 1, Labels: 1, LabelsRight: 1, Sources: 2,
		SourcesNamed: 2, MaxNamesPerSource: 1}
	if s != want {
		t.Errorf("perfect prediction scored\n%v\nwant\n%v", s, want)
	}
}

func TestScoreCountsEachKindOfMistake(t *testing.T) {
	sloppy := func(*Event) Prediction {
		return Prediction{
			Facts: []PredictedFact{
				// "at least 25" against 27 shown as a conflict.
				{Class: quantity.Killed, Relation: quantity.Conflict, Values: []PredictedValue{value("a", "At least 25"), value("b", "27")}},
				// The 2013 fire set against this one.
				{Class: quantity.Killed, Relation: quantity.Conflict, Values: []PredictedValue{value("a", "112"), value("c", "Nine")}},
				// A value that is not in the article.
				{Class: quantity.Injured, Relation: quantity.Compatible, Values: []PredictedValue{value("b", "41"), value("c", "45")}},
			},
			Entities: [][]string{{"Maren Tolk"}, {"Marin Tolke"}, {"Iran", "Iraq"}},
			Labels:   []PredictedLabel{{Article: "a", Label: "a union leader", Entity: "Iran"}},
			Credits: []PredictedCredits{
				{Article: "a", Heading: "Outlet", Names: []string{"police"}},
				{Article: "b", Heading: "Outlet", Names: []string{"Ilan Dorsey", "Dorsey"}},
			},
		}
	}
	s := Score([]*Event{tiny()}, sloppy)
	checks := []struct {
		name      string
		got, want int
	}{
		{"conflicts found", s.ConflictsFound, 0},
		{"compatible as conflict", s.CompatibleAsConflict, 1},
		{"predicted conflicts", s.PredictedConflicts, 2},
		{"true conflicts", s.TrueConflicts, 0},
		{"unrelated", s.Unrelated, 1},
		{"unlocated values", s.UnlocatedValues, 1},
		{"sets merged", s.EntitySetsMerged, 0},
		{"wrong merges", s.WrongMerges, 1},
		{"traps merged", s.TrapsMerged, 1},
		{"labels right", s.LabelsRight, 0},
		{"labels wrong", s.LabelsWrong, 1},
		{"sources under several names", s.SourcesSeveral, 1},
		{"most names for a source", s.MaxNamesPerSource, 2},
		{"heading clashes", s.HeadingClashes, 1},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
}

func TestCheckFindsBrokenGold(t *testing.T) {
	breakers := map[string]func(*Event){
		"relation the intervals deny": func(e *Event) { e.Gold.Facts[0].Pairs["a b"] = "conflict" },
		"passage not in the article":  func(e *Event) { e.Gold.Facts[0].Values[1].Passage = "28 workers were killed" },
		"value outside its passage":   func(e *Event) { e.Gold.Facts[0].Values[0].Value = "at most 25" },
		"missing pair":                func(e *Event) { delete(e.Gold.Facts[0].Pairs, "b c") },
		"bad interval":                func(e *Event) { e.Gold.Facts[0].Values[2].Interval = "[9, 8]" },
		"unknown class":               func(e *Event) { e.Gold.Facts[0].Class = "deaths" },
		"variant in no article":       func(e *Event) { e.Gold.Entities[0].Variants = append(e.Gold.Entities[0].Variants, "Maren Tulk") },
		"label for unknown entity":    func(e *Event) { e.Gold.Labels[0].Entity = "Maren" },
		"credit form not in article":  func(e *Event) { e.Gold.Credits[0].Sources[0].Forms = []string{"the police chief"} },
		"distinct of one entity":      func(e *Event) { e.Gold.Distinct = [][]string{{"Maren Tolk", "Marin Tolke"}} },
	}
	for name, breakIt := range breakers {
		e := tiny()
		breakIt(e)
		if errs := Check(e); len(errs) == 0 {
			t.Errorf("%s: Check found nothing", name)
		}
	}
}

func TestParseInterval(t *testing.T) {
	good := map[string]string{"[25, inf)": "[25, ∞)", "(40, inf)": "(40, ∞)", "[270, 330]": "[270, 330]", "[0, 100)": "[0, 100)"}
	for in, want := range good {
		iv, err := ParseInterval(in)
		if err != nil || iv.String() != want {
			t.Errorf("ParseInterval(%q) = %v, %v; want %s", in, iv, err, want)
		}
	}
	for _, bad := range []string{"25", "[25 30]", "{1, 2}", "[3, 2]", "(5, 5]", "[a, 3]"} {
		if _, err := ParseInterval(bad); err == nil {
			t.Errorf("ParseInterval(%q) accepted it", bad)
		}
	}
}

// A credit name equal to a form of one source is that source's, even when
// a longer form of another source holds it: "police" is the police, not
// "police spokeswoman Anna Kjell".
func TestCreditNameEqualToAFormGoesToItsSource(t *testing.T) {
	ev := tiny()
	ev.texts["a"] += " Police said so, according to police spokeswoman Anna Kjell."
	ev.Gold.Credits[0].Sources = append(ev.Gold.Credits[0].Sources, Source{Name: "Anna Kjell", Forms: []string{"police spokeswoman Anna Kjell"}})
	s := Score([]*Event{ev}, func(*Event) Prediction {
		return Prediction{Credits: []PredictedCredits{{Article: "a", Heading: "A", Names: []string{"Police", "Anna Kjell"}}}}
	})
	if s.SourcesNamed != 2 || s.MaxNamesPerSource != 1 || s.SourcesSeveral != 0 {
		t.Errorf("named %d, most names %d, several %d; want 2, 1, 0", s.SourcesNamed, s.MaxNamesPerSource, s.SourcesSeveral)
	}
}

// A value read from a headline is the article's, though the gold quotes
// only bodies: it is located, and matches no gold value.
func TestHeadlineValuesAreLocated(t *testing.T) {
	ev := tiny()
	ev.titles = map[string]string{"a": "Fire kills 25", "b": "27 dead"}
	s := Score([]*Event{ev}, func(*Event) Prediction {
		return Prediction{Facts: []PredictedFact{{Class: quantity.Killed, Relation: quantity.Conflict, Values: []PredictedValue{
			{Article: "a", Passage: "Fire kills 25", Text: "25"}, {Article: "b", Passage: "27 dead", Text: "27"},
			{Article: "b", Passage: "27 dead", Text: "28"}}}}}
	})
	if s.UnlocatedValues != 1 || s.Unrelated != 0 || s.TrueConflicts != 0 {
		t.Errorf("unlocated %d, unrelated %d, true conflicts %d; want 1, 0, 0", s.UnlocatedValues, s.Unrelated, s.TrueConflicts)
	}
}
