package tui

import (
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/passages"
)

// Item 6: compare names an article without an outlet as every other view
// does, by its id (corpus.Article.OutletLabel): in the column headings,
// the "≈ with" labels, the status line's "only in", never "unknown
// outlet" or an empty name.
func TestCompareNamesOutletlessArticles(t *testing.T) {
	hs := newHarness(t, untitled(), 120, 30)
	hs.keys("j", "space", "space", "c")
	scr := hs.screenText()
	for _, id := range []string{"coastal_times", "inland_post"} {
		if !strings.Contains(scr, id) {
			t.Errorf("compare: %s not named:\n%s", id, scr)
		}
	}
	for _, bad := range []string{"unknown outlet", "this outlet", "with \n", "with  ", "only in \n", "only in  "} {
		if strings.Contains(scr, bad) {
			t.Errorf("compare: %q in\n%s", bad, scr)
		}
	}
}

// Item 6: the "≈ with" label of counterparts in two other panes names an
// article without an outlet by the name compare gives it (its id), not
// by an empty outlet ("≈ 1.00 with").
func TestCompareLayoutNamesOutletless(t *testing.T) {
	cmp := handComparison([]string{"Alpha", "", "Charlie"}, [][]string{{"A0"}, {"B0"}, {"C0"}}, []string{"B0", "C0"})
	text := [][]string{{"A0"}, {"B0"}, {"C0"}}
	lay := buildLayout(layoutInput{cmp: cmp, text: text, score: func(a, b passages.Ref) float64 { return 0.42 },
		panes: []int{0, 1, 2}, widths: []int{30, 30, 30}, names: []string{"Alpha", "a1", "Charlie"}})
	got := strings.Join(layoutLines(lay, text), "\n")
	if !strings.Contains(got, "(≈ 0.42 with a1)") {
		t.Errorf("lines:\n%s\nwant a label naming a1", got)
	}
}
