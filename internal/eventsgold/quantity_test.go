package eventsgold

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/quantity"
)

// TestQuantityReadsGoldValues parses the paragraph of every gold value
// with corpus/quantity and checks that it finds the figure, reads its
// interval and says what it counts as the gold does. Intervals of About
// figures may differ at the edges (the gold rounds "a dozen" to [11, 13],
// quantity's ±10% gives [10.8, 13.2]): they must relate the same way to
// every other value of the fact.
func TestQuantityReadsGoldValues(t *testing.T) {
	total, found, classOK, intervalOK := 0, 0, 0, 0
	for _, ev := range loadAll(t) {
		for _, f := range ev.Gold.Facts {
			class, _ := quantity.ParseClass(f.Class)
			for _, v := range f.Values {
				total++
				q, ok := parsedAt(ev, v)
				if !ok {
					t.Logf("%s %s: %q not found in %q", ev.Slug, f.ID, v.Value, v.Passage)
					continue
				}
				found++
				if q.Class == class {
					classOK++
				} else {
					t.Logf("%s %s: %q counts %s, gold %s", ev.Slug, f.ID, v.Value, q.Class, class)
				}
				if sameRelations(f, v, q.Interval) {
					intervalOK++
				} else {
					t.Logf("%s %s: %q reads %v, gold %s", ev.Slug, f.ID, v.Value, q.Interval, v.Interval)
				}
			}
		}
	}
	t.Logf("gold values: %d; found %d, class right %d, interval right %d", total, found, classOK, intervalOK)
	if found < total*95/100 || intervalOK < total*95/100 || classOK < total*85/100 {
		t.Errorf("quantity reads too few gold values right: found %d, interval %d, class %d of %d", found, intervalOK, classOK, total)
	}
}

// parsedAt parses the paragraph that holds a gold figure and returns the
// quantity overlapping its value.
func parsedAt(ev *Event, v Figure) (quantity.Quantity, bool) {
	start, end, ok := ev.Span(v)
	if !ok {
		return quantity.Quantity{}, false
	}
	text := ev.texts[v.Article]
	pStart := strings.LastIndex(text[:start], "\n\n") + 1
	if pStart > 0 {
		pStart++
	}
	pEnd := strings.Index(text[end:], "\n\n")
	if pEnd < 0 {
		pEnd = len(text)
	} else {
		pEnd += end
	}
	for _, q := range quantity.Parse(text[pStart:pEnd]) {
		if pStart+q.Start < end && start < pStart+q.End {
			return q, true
		}
	}
	return quantity.Quantity{}, false
}

// sameRelations reports whether iv relates to each other value of the
// fact as the gold interval of v does.
func sameRelations(f Fact, v Figure, iv quantity.Interval) bool {
	gold, err := ParseInterval(v.Interval)
	if err != nil {
		return false
	}
	if gold == iv {
		return true
	}
	for _, w := range f.Values {
		other, err := ParseInterval(w.Interval)
		if err != nil || w.Article == v.Article {
			continue
		}
		if quantity.RelateIntervals(gold, other) != quantity.RelateIntervals(iv, other) {
			return false
		}
	}
	return true
}
