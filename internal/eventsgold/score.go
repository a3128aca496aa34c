package eventsgold

import (
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/quantity"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Prediction is what a differences finder reports for one event.
type Prediction struct {
	Facts []PredictedFact
	// Entities are sets of names the finder took for one entity.
	Entities [][]string
	Labels   []PredictedLabel
	Credits  []PredictedCredits
}

// PredictedFact is one difference as reported: what is counted, how the
// values relate, and the values set against each other.
type PredictedFact struct {
	Class    quantity.Class
	Noun     string
	Relation quantity.Relation
	Values   []PredictedValue
}

// PredictedValue is one stated value of a fact: the article, the passage
// it was read from (a sentence or paragraph of the article text; "" means
// the whole text) and the figure as written inside that passage.
type PredictedValue struct {
	Article string
	Passage string
	Text    string
}

// PredictedLabel attaches a label to an entity in one article.
type PredictedLabel struct {
	Article, Label, Entity string
}

// PredictedCredits are the credit names shown for one article, and the
// heading that names the article ("The News Line: Strikes on …").
type PredictedCredits struct {
	Article string
	Heading string
	Names   []string
}

// Predictor runs a differences finder on one event's articles.
type Predictor func(ev *Event) Prediction

// Scores are the issue 11 metrics over a set of events. Counts, not
// rates, so that scores of several runs add up; the methods give rates.
type Scores struct {
	Events int
	// Facts.
	GoldConflicts        int // gold facts whose values conflict
	ConflictsFound       int // … reported as a conflict between conflicting values
	CompatiblePairs      int // gold pairs of values that are compatible or the same
	CompatibleAsConflict int // … inside a reported conflict their values do not make
	PredictedConflicts   int // facts reported as conflicts
	TrueConflicts        int // … whose values do conflict in the gold
	Unrelated            int // reported facts that set figures of different gold facts, or distractors, against each other
	UnlocatedValues      int // predicted values whose passage or text is not in the article
	// Entities.
	EntitySets       int // gold entities with two or more distinct spellings
	EntitySetsMerged int // … all found in one predicted set
	WrongMerges      int // pairs of gold entities found in one predicted set
	TrapsMerged      int // of those, pairs the gold lists as distinct look-alikes
	// Labels.
	Labels      int // gold labels
	LabelsRight int // … attached to the right entity
	LabelsWrong int // … found but attached to another entity
	// Credits.
	Sources           int // gold sources, per article
	SourcesNamed      int // … credited under at least one predicted name
	SourcesSeveral    int // … credited under two or more names
	MaxNamesPerSource int
	HeadingClashes    int // pairs of articles of one event shown under one heading
}

func rate(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// ConflictRecall is conflicts found / gold conflicts (target ≥ 0.9).
func (s Scores) ConflictRecall() float64 { return rate(s.ConflictsFound, s.GoldConflicts) }

// CompatibleAsConflictRate is the share of compatible pairs reported as
// conflicts (target ≤ 0.05).
func (s Scores) CompatibleAsConflictRate() float64 {
	if s.CompatiblePairs == 0 {
		return 0
	}
	return float64(s.CompatibleAsConflict) / float64(s.CompatiblePairs)
}

// ConflictPrecision is the share of reported conflicts that are real.
func (s Scores) ConflictPrecision() float64 { return rate(s.TrueConflicts, s.PredictedConflicts) }

// MergeRate is entity variant sets merged / gold sets (target ≥ 0.9).
func (s Scores) MergeRate() float64 { return rate(s.EntitySetsMerged, s.EntitySets) }

// LabelRate is labels attached to the right entity / gold labels (target ≥ 0.85).
func (s Scores) LabelRate() float64 { return rate(s.LabelsRight, s.Labels) }

// String prints the metrics with the targets, one a line.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "events: %d\n", s.Events)
	fmt.Fprintf(&b, "conflicts found: %d/%d = %.2f (target >= 0.90)\n", s.ConflictsFound, s.GoldConflicts, s.ConflictRecall())
	fmt.Fprintf(&b, "compatible pairs reported as conflicts: %d/%d = %.2f (target <= 0.05)\n", s.CompatibleAsConflict, s.CompatiblePairs, s.CompatibleAsConflictRate())
	fmt.Fprintf(&b, "reported conflicts that are real: %d/%d = %.2f\n", s.TrueConflicts, s.PredictedConflicts, s.ConflictPrecision())
	fmt.Fprintf(&b, "facts setting unrelated figures against each other: %d\n", s.Unrelated)
	fmt.Fprintf(&b, "predicted values not found in their article: %d\n", s.UnlocatedValues)
	fmt.Fprintf(&b, "entity variant sets merged: %d/%d = %.2f (target >= 0.90)\n", s.EntitySetsMerged, s.EntitySets, s.MergeRate())
	fmt.Fprintf(&b, "wrong merges: %d, of look-alike traps: %d (target 0)\n", s.WrongMerges, s.TrapsMerged)
	fmt.Fprintf(&b, "labels attached to the right entity: %d/%d = %.2f (target >= 0.85); to a wrong one: %d\n", s.LabelsRight, s.Labels, s.LabelRate(), s.LabelsWrong)
	fmt.Fprintf(&b, "credited sources named: %d/%d; under several names: %d; most names for one source: %d (target <= 1)\n", s.SourcesNamed, s.Sources, s.SourcesSeveral, s.MaxNamesPerSource)
	fmt.Fprintf(&b, "articles of one event under one heading: %d pairs (target 0)\n", s.HeadingClashes)
	return b.String()
}

// Score runs predict on every event and adds up the metrics.
func Score(events []*Event, predict Predictor) Scores {
	var s Scores
	for _, ev := range events {
		p := predict(ev)
		s.Events++
		scoreFacts(&s, ev, p.Facts)
		scoreEntities(&s, ev, p.Entities)
		scoreLabels(&s, ev, p.Labels)
		scoreCredits(&s, ev, p.Credits)
	}
	return s
}

// norm is the matching form of a name or label: folded words, apostrophes
// and punctuation dropped ("Kessara Workers’ Union" → "kessara workers
// union").
func norm(s string) string { return strings.Join(textnorm.Keys(s), " ") }

// containsWords reports whether the words of b occur in a, in order and
// adjacent.
func containsWords(a, b string) bool {
	if b == "" {
		return false
	}
	return strings.Contains(" "+a+" ", " "+b+" ")
}
