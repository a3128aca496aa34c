package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/internal/termtext"
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
	lay := buildLayout(layoutInput{cmp: cmp, text: text, score: func(a, b passages.Ref) float64 { return 0.62 },
		panes: []int{0, 1, 2}, widths: []int{30, 30, 30}, names: []string{"Alpha", "a1", "Charlie"}})
	got := strings.Join(layoutLines(lay, text), "\n")
	if !strings.Contains(got, "(≈ 0.62 with a1)") {
		t.Errorf("lines:\n%s\nwant a label naming a1", got)
	}
}

// Item 6: an outlet's row on the coverage timeline with dated and
// undated articles shows both: the dated marks and how many are undated
// (it showed only "undated (1)", dropping the dated one).
func TestTimelineRowDatedAndUndated(t *testing.T) {
	day := func(d int) corpus.Date {
		return corpus.Date{Time: time.Date(2020, 2, d, 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionDay}
	}
	arts := []*corpus.Article{
		{ID: "a", Outlet: "Echo", Date: day(1)},
		{ID: "b", Outlet: "Echo"},
		{ID: "c", Outlet: "Wire", Date: day(3)},
		{ID: "d", Outlet: "Post"},
	}
	cv := newCoverage(arts, 80)
	sty := newStyles(true, true)
	lines := map[string]string{}
	for _, r := range cv.rows {
		lines[r.name] = ansi.Strip(cv.rowLine(r, sty))
	}
	if l := lines["Echo"]; !strings.Contains(l, "●") || !strings.Contains(l, "+1 undated") || termtext.Width(l) > 80 {
		t.Errorf("Echo (one dated, one undated): %q", l)
	}
	if l := lines["Post"]; !strings.Contains(l, "undated (1)") || strings.Contains(l, "●") {
		t.Errorf("Post (undated): %q", l)
	}
	if l := lines["Wire"]; !strings.Contains(l, "●") || strings.Contains(l, "undated") {
		t.Errorf("Wire (dated): %q", l)
	}
}

// Item 3: a republication (CopyOf another article of the story) is listed
// and marked as a copy, and its outlet is not counted among the story's.
func TestStoriesCopyIsNoOtherAccount(t *testing.T) {
	arts := untitled()
	arts[0].Outlet, arts[1].Outlet = "Coastal Times", "Copy Mill"
	arts[1].CopyOf = arts[0].ID
	for _, a := range arts {
		a.Story = "storm"
	}
	hs := newHarness(t, arts, 120, 40)
	hs.keys("t")
	scr := hs.screenText()
	if l := lineWith(scr, "· 3 articles ·"); l == "" || strings.Contains(l, "Copy Mill") || !strings.Contains(l, "Coastal Times") {
		t.Errorf("stories: the story's outlets %q:\n%s", l, scr)
	}
	if l := lineWith(scr, "Copy Mill —"); !strings.Contains(l, "copy of coastal_times") {
		t.Errorf("stories: the copy is %q:\n%s", l, scr)
	}
}
