package eventsgold

import (
	"testing"

	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/quantity"
)

// fromComparison is the differences finder the reader ships: a real
// compare.Compare of the event's articles, read back from what the
// comparison reports (its differences and its entities), as the panel,
// compare --json and --markdown show them.
func fromComparison(t *testing.T) Predictor {
	return func(ev *Event) Prediction {
		c, err := compare.Compare(ev.Articles, compare.Options{})
		if err != nil {
			t.Fatalf("%s: compare: %v", ev.Slug, err)
		}
		var p Prediction
		for _, e := range c.Entities {
			p.Entities = append(p.Entities, append([]string{e.Name}, e.Variants...))
		}
		for _, d := range c.Differences {
			switch d.Kind {
			case differences.KindNumber:
				p.Facts = append(p.Facts, predictedFact(c, d))
			case differences.KindLabel:
				for _, it := range d.Items {
					p.Labels = append(p.Labels, PredictedLabel{Article: c.Articles[it.Article].ID, Label: it.Text, Entity: it.Entity})
				}
			case differences.KindAttribution:
				cr := PredictedCredits{Heading: d.Topic}
				for _, it := range d.Items {
					cr.Article = c.Articles[it.Article].ID
					cr.Names = append(cr.Names, it.Text)
				}
				p.Credits = append(p.Credits, cr)
			}
		}
		return p
	}
}

func predictedFact(c *compare.Comparison, d differences.Difference) PredictedFact {
	class, _ := quantity.ParseClass(d.Class)
	rel, _ := quantity.ParseRelation(d.Relation)
	f := PredictedFact{Class: class, Noun: d.Noun, Relation: rel}
	for _, it := range d.Items {
		ps, _ := c.Passage(it.Ref)
		f.Values = append(f.Values, PredictedValue{Article: c.Articles[it.Article].ID, Passage: ps.Text, Text: it.Text})
	}
	return f
}

// TestTargets prints the issue 11 metrics of the comparison's differences
// on the events corpus and holds them to the targets: conflicts
// found ≥ 0.9 of gold, compatible pairs reported as conflicts ≤ 5%,
// entity variant sets merged ≥ 0.9 with no wrong merge, labels on the
// right entity ≥ 0.85, at most one credit name per source, no two
// articles under one heading.
func TestTargets(t *testing.T) {
	s := Score(loadAll(t), fromComparison(t))
	t.Logf("differences of compare.Compare on the events corpus:\n%s", s)
	checks := []struct {
		what string
		ok   bool
	}{
		{"conflicts found >= 0.90", s.ConflictRecall() >= 0.9},
		{"compatible pairs reported as conflicts <= 0.05", s.CompatibleAsConflictRate() <= 0.05},
		{"entity variant sets merged >= 0.90", s.MergeRate() >= 0.9},
		{"no wrong merge", s.WrongMerges == 0},
		{"labels attached to the right entity >= 0.85", s.LabelRate() >= 0.85},
		{"at most one credit name per source", s.MaxNamesPerSource <= 1},
		{"no two articles under one heading", s.HeadingClashes == 0},
		{"every predicted value found in its article", s.UnlocatedValues == 0},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("target missed: %s", c.what)
		}
	}
}
