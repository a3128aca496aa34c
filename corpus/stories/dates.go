package stories

import (
	"math"

	"github.com/pmureader/pmureader/corpus"
)

// dateSlack is how many days off a date of this precision may be.
func dateSlack(p corpus.Precision) float64 {
	switch p {
	case corpus.PrecisionDay:
		return 0
	case corpus.PrecisionApproximate:
		return 3
	case corpus.PrecisionMonth:
		return 16
	case corpus.PrecisionYear:
		return 183
	}
	return 3
}

// dayGap is the days between two articles beyond their dates' slack; NaN
// when either date is unknown.
func dayGap(a, b storyDoc) float64 {
	if math.IsNaN(a.day) || math.IsNaN(b.day) {
		return math.NaN()
	}
	return math.Max(0, math.Abs(a.day-b.day)-a.slack-b.slack)
}

// dateFactor scales similarity by date distance: 1 within sameStoryDays,
// fading linearly to 0 at fadeDays; 1 when a date is unknown.
func dateFactor(a, b storyDoc) float64 {
	g := dayGap(a, b)
	switch {
	case math.IsNaN(g) || g <= sameStoryDays:
		return 1
	case g >= fadeDays:
		return 0
	}
	return 1 - (g-sameStoryDays)/(fadeDays-sameStoryDays)
}
