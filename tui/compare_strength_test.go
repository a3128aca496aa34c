package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
)

// Weak counterparts look weak: the layout marks their lines, the view
// draws them dim and says "weak", and the status line says so of a weak
// row; a strong one is drawn in the passage's own style.
func TestCompareWeakCounterparts(t *testing.T) {
	cmp := handComparison([]string{"Alpha", "Bravo"}, [][]string{{"A0", "A1"}, {"B0", "B1"}},
		[]string{"A0", "B0"}, []string{"A1", "B1"})
	text := [][]string{{"A0", "A1"}, {"B0", "B1"}}
	score := func(a, b passages.Ref) float64 {
		if a.Passage == 0 && b.Passage == 0 {
			return 0.8
		}
		return 0.4
	}
	lay := buildLayout(layoutInput{cmp: cmp, text: text, score: score, focus: 0, panes: []int{0, 1}, widths: []int{30, 30}})
	weak := map[string]bool{}
	for _, row := range lay.lines {
		if pl := row[1]; pl.kind != lineBlank {
			weak[text[pl.ref.Article][pl.ref.Passage]] = weak[text[pl.ref.Article][pl.ref.Passage]] || pl.weak
		}
	}
	if weak["B0"] || !weak["B1"] {
		t.Errorf("weak lines %v: want B1 weak, B0 not", weak)
	}
	if got := layoutLines(lay, text); !strings.Contains(strings.Join(got, "\n"), "(≈ 0.40 · weak)") {
		t.Errorf("no weak label:\n%s", strings.Join(got, "\n"))
	}

	// In the view, on the bundled pair: a weak row reads weak in the
	// status line, and its counterpart's text is drawn dim.
	hs := comparePair(t, 40)
	c := compareOf(hs)
	found := false
	for r, row := range c.cmp.Rows {
		if !row.Weak {
			continue
		}
		for _, m := range row.Passages {
			if m.Article == c.focus && c.cmp.RowOf(m) == r {
				hs.m.compare.cur[c.focus] = m.Passage
				c.showCursor()
				found = true
			}
		}
		if found {
			break
		}
	}
	if !found {
		t.Fatal("no weak row to look at in the bundled pair")
	}
	status := ansi.Strip(c.statusLine())
	if !strings.Contains(status, "weak") {
		t.Errorf("status %q does not say weak", status)
	}
	// Outside the cursor band a weak counterpart's text is drawn in the
	// dim style, a strong one's in its kind's.
	pt := newBodyPaints(hs.m.sh.styles)
	f := bodyFrame{paint: pt, widths: c.paneWidths(2)}
	b, _ := c.cursorBand()
	checked := map[bool]bool{}
	for i, row := range c.lay.lines {
		pl := row[1]
		if pl.kind != lineText || (i >= b.start && i < b.start+b.height) {
			continue
		}
		var sb strings.Builder
		c.writePaneCell(&sb, &f, i, 1, pl)
		seg := c.text[pl.ref.Article][pl.ref.Passage][pl.sp.Start:pl.sp.End]
		tw := max(f.widths[1]-2, 0)
		paint := pt.kinds[c.cmp.Articles[pl.ref.Article].Passages[pl.ref.Passage].Kind]
		if pl.weak {
			paint = pt.dim
		}
		if want := cell(seg, nil, tw, paint, pt.diff); !strings.HasSuffix(sb.String(), want) {
			t.Errorf("line %d (weak %v) drawn %q, want …%q", i, pl.weak, sb.String(), want)
		}
		checked[pl.weak] = true
	}
	if !checked[true] || !checked[false] {
		t.Errorf("checked weak and strong lines: %v", checked)
	}
}

// A passage in two rows is drawn once; the band of the passage it is not
// drawn beside says where it is, unless the pair is weak.
func TestCompareLayoutFirstRowClaims(t *testing.T) {
	cmp := handComparison([]string{"Alpha", "Bravo"}, [][]string{{"A0", "A1"}, {"B0", "B1"}},
		[]string{"A0", "B1"}, []string{"A1", "B1"}, []string{"A1", "B0"})
	text := [][]string{{"A0", "A1"}, {"B0", "B1"}}
	// B1's first row is the one with A1 (as Comparison.RowsOf orders a
	// passage's rows, strongest first), though A0 scores higher with it.
	rowsOf := func(r passages.Ref) []int {
		switch r {
		case passages.Ref{Article: 1, Passage: 1}:
			return []int{1, 0}
		case passages.Ref{Article: 0, Passage: 1}:
			return []int{1, 2}
		case passages.Ref{Article: 0, Passage: 0}:
			return []int{0}
		}
		return []int{2}
	}
	score := func(a, b passages.Ref) float64 {
		if a.Passage == 0 && b.Passage == 1 {
			return 0.9
		}
		return 0.6
	}
	lay := buildLayout(layoutInput{cmp: cmp, text: text, score: score, rowsOf: rowsOf, focus: 0, panes: []int{0, 1}, widths: []int{30, 30}})
	want := []string{
		"A0 | (also §2 ↓)",
		" | ",
		"A1 | B1",
		" | (≈ 0.60)",
		" | ",
		" | B0",
		" | (≈ 0.60 · ↕ moved from §1)",
	}
	if got := layoutLines(lay, text); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Weak elsewhere: no note.
	weakScore := func(a, b passages.Ref) float64 {
		if a.Passage == 0 && b.Passage == 1 {
			return 0.3
		}
		return 0.6
	}
	lay = buildLayout(layoutInput{cmp: cmp, text: text, score: weakScore, rowsOf: rowsOf, focus: 0, panes: []int{0, 1}, widths: []int{30, 30}})
	if got := layoutLines(lay, text); strings.Contains(strings.Join(got, "\n"), "also") {
		t.Errorf("a weak pair drawn elsewhere still has a note:\n%s", strings.Join(got, "\n"))
	}
}

// A title made from the first sentence reads "untitled: …"; an article
// without an outlet shows its id in the heading, not "unknown outlet".
func TestCompareHeadings(t *testing.T) {
	a := article("untitled-1", "", "2020-01-01", "Farmers brought pumpkins to the square on Saturday",
		"Farmers brought pumpkins to the square on Saturday.", "A brass band played until late.")
	a.TitleDerived = true
	b := article("tb", "Bravo Daily", "2020-01-02", "Pumpkin fair in the square",
		"Farmers sold pumpkins in the town square on Saturday.")
	hs := newHarness(t, []*corpus.Article{a, b}, 120, 30)
	markIDs(t, hs, "untitled-1", "tb")
	hs.keys("c")
	c := compareOf(hs)
	if c.cmp == nil {
		t.Fatalf("no comparison: %v", c.err)
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "untitled: Farmers brought pumpkins") {
		t.Errorf("no untitled mark:\n%s", scr)
	}
	if strings.Contains(scr, "unknown outlet") || !strings.Contains(strings.Split(scr, "\n")[1], "untitled-1") {
		t.Errorf("outlet heading:\n%s", scr)
	}
	// The derived title is no passage: the first sentence is passage 1.
	ai := articleIndex(t, c, "untitled-1")
	if p := c.cmp.Articles[ai].Passages[0]; p.Kind != passages.KindBody {
		t.Errorf("first passage %+v", p)
	}
}
