package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
)

// handComparison builds a comparison by hand: one article per outlet with
// the given passages, and rows of refs written "A0" (article A's passage
// 0), "B1", …. Only what the layout reads is filled in.
func handComparison(outlets []string, texts [][]string, rows ...[]string) *compare.Comparison {
	cmp := &compare.Comparison{}
	for i, o := range outlets {
		info := compare.ArticleInfo{ID: fmt.Sprintf("a%d", i), Outlet: o}
		for j, t := range texts[i] {
			info.Passages = append(info.Passages, passages.Passage{Index: j, Kind: passages.KindBody, Paragraph: j, Text: t})
		}
		cmp.Articles = append(cmp.Articles, info)
	}
	for _, r := range rows {
		var row compare.Row
		for _, ref := range r {
			row.Passages = append(row.Passages, passages.Ref{Article: int(ref[0] - 'A'), Passage: int(ref[1] - '0')})
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	return cmp
}

// layoutLines writes a layout as text, a line per document line: each
// pane's text, or its note in parentheses, separated by " | ".
func layoutLines(lay *compareLayout, text [][]string) []string {
	var out []string
	for _, row := range lay.lines {
		cells := make([]string, len(row))
		for p, pl := range row {
			switch pl.kind {
			case lineText:
				cells[p] = text[pl.ref.Article][pl.ref.Passage][pl.sp.Start:pl.sp.End]
			case lineLabel:
				cells[p] = "(" + pl.label + ")"
			}
		}
		out = append(out, strings.Join(cells, " | "))
	}
	return out
}

// A hand-built comparison: the passages' text is their name ("A0", …)
// unless given, every pair of passages scores 0.62 unless the case says.
func TestCompareLayout(t *testing.T) {
	two := []string{"Alpha", "Bravo"}
	three := []string{"Alpha", "Bravo", "Charlie"}
	for _, tc := range []struct {
		name     string
		cmp      *compare.Comparison
		focus    int
		panes    []int
		width    int
		want     []string
		bands    [][3]int           // start, height, focused passage (-1: none)
		bandOfFP []int              // band of each focused passage
		score    map[string]float64 // "A0B1": that pair's score
	}{
		{
			name: "counterparts in the same order are level",
			cmp:  handComparison(two, [][]string{{"A0", "A1"}, {"B0", "B1"}}, []string{"A0", "B0"}, []string{"A1", "B1"}),
			want: []string{
				"A0 | B0",
				" | (≈ 0.62)",
				" | ",
				"A1 | B1",
				" | (≈ 0.62)",
			},
			bands:    [][3]int{{0, 2, 0}, {3, 2, 1}},
			bandOfFP: []int{0, 1},
		},
		{
			name: "a crossing counterpart is level and says where it comes from",
			cmp:  handComparison(two, [][]string{{"A0", "A1"}, {"B0", "B1"}}, []string{"A0", "B1"}, []string{"A1", "B0"}),
			want: []string{
				"A0 | B1",
				" | (≈ 0.62)",
				" | ",
				"A1 | B0",
				" | (≈ 0.62 · ↕ moved from §1)",
			},
			bands:    [][3]int{{0, 2, 0}, {3, 2, 1}},
			bandOfFP: []int{0, 1},
		},
		{
			name: "another pane's passage without counterpart comes before the next counterpart",
			cmp:  handComparison(two, [][]string{{"A0"}, {"B0", "B1"}}, []string{"A0", "B1"}),
			want: []string{
				" | B0",
				" | ",
				"A0 | B1",
				" | (≈ 0.62)",
			},
			bands:    [][3]int{{0, 1, -1}, {2, 2, 0}},
			bandOfFP: []int{1},
		},
		{
			name:  "the focus re-anchors on the other pane",
			cmp:   handComparison(two, [][]string{{"A0"}, {"B0", "B1"}}, []string{"A0", "B1"}),
			focus: 1,
			want: []string{
				" | B0",
				" | ",
				"A0 | B1",
				"(≈ 0.62) | ",
			},
			bands:    [][3]int{{0, 1, 0}, {2, 2, 1}},
			bandOfFP: []int{0, 1},
		},
		{
			name: "counterparts in two other panes are level among themselves",
			cmp:  handComparison(three, [][]string{{"A0"}, {"B0"}, {"C0"}}, []string{"B0", "C0"}),
			want: []string{
				"A0 |  | ",
				" |  | ",
				" | B0 | C0",
				" |  | (≈ 0.62 with Bravo)",
			},
			bands:    [][3]int{{0, 1, 0}, {2, 2, -1}},
			bandOfFP: []int{0},
		},
		{
			name: "crossing counterparts in other panes: one pair level, the other in its own order",
			cmp: handComparison(three, [][]string{{"A0"}, {"B0", "B1"}, {"C0", "C1"}},
				[]string{"B0", "C1"}, []string{"B1", "C0"}),
			want: []string{
				"A0 |  | ",
				" |  | ",
				" | B0 | ",
				" |  | ",
				" | B1 | C0",
				" |  | (≈ 0.62 with Bravo)",
				" |  | ",
				" |  | C1",
			},
			bands:    [][3]int{{0, 1, 0}, {2, 1, -1}, {4, 2, -1}, {7, 1, -1}},
			bandOfFP: []int{0},
		},
		{
			name:  "text wraps to the pane, and counterparts start on the same line",
			cmp:   handComparison(two, [][]string{{"one two three four"}, {"short"}}, []string{"A0", "B0"}),
			width: 10,
			want: []string{
				"one two | short",
				"three | (≈ 0.62)",
				"four | ",
			},
			bands:    [][3]int{{0, 3, 0}},
			bandOfFP: []int{0},
		},
		{
			name:  "only the panes shown are laid out",
			cmp:   handComparison(three, [][]string{{"A0"}, {"B0"}, {"C0"}}, []string{"A0", "B0", "C0"}),
			focus: 1,
			panes: []int{1, 2},
			want: []string{
				"B0 | C0",
				" | (≈ 0.62)",
			},
			bands:    [][3]int{{0, 2, 0}},
			bandOfFP: []int{0},
		},
		{
			name:  "a weak counterpart says so",
			cmp:   handComparison(two, [][]string{{"A0"}, {"B0"}}, []string{"A0", "B0"}),
			score: map[string]float64{"A0B0": 0.41},
			want: []string{
				"A0 | B0",
				" | (≈ 0.41 · weak)",
			},
			bands:    [][3]int{{0, 2, 0}},
			bandOfFP: []int{0},
		},
		{
			name: "one sentence covering two: both level with it, its first row first",
			cmp:  handComparison(two, [][]string{{"A0"}, {"B0", "B1"}}, []string{"A0", "B1"}, []string{"A0", "B0"}),
			want: []string{
				"A0 | B1",
				" | (≈ 0.62)",
				" | ",
				" | B0",
				" | (≈ 0.62 · ↕ moved from §1)",
			},
			bands:    [][3]int{{0, 5, 0}},
			bandOfFP: []int{0},
		},
		{
			name:  "a counterpart is drawn beside the passage it is closest to; the other says where",
			cmp:   handComparison(two, [][]string{{"A0", "A1"}, {"B0"}}, []string{"A0", "B0"}, []string{"A1", "B0"}),
			score: map[string]float64{"A0B0": 0.55, "A1B0": 0.8},
			want: []string{
				"A0 | (also §1 ↓)",
				" | ",
				"A1 | B0",
				" | (≈ 0.80)",
			},
			bands:    [][3]int{{0, 1, 0}, {2, 2, 1}},
			bandOfFP: []int{0, 1},
		},
		{
			name:     "a focused article with no passages: the others in their own order, a line apart",
			cmp:      handComparison(two, [][]string{{}, {"B0", "B1"}}),
			want:     []string{" | B0", " | ", " | B1"},
			bands:    [][3]int{{0, 3, -1}},
			bandOfFP: []int{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := make([][]string, len(tc.cmp.Articles))
			for a, info := range tc.cmp.Articles {
				for _, p := range info.Passages {
					text[a] = append(text[a], p.Text)
				}
			}
			panes := tc.panes
			if panes == nil {
				for a := range tc.cmp.Articles {
					panes = append(panes, a)
				}
			}
			width := tc.width
			if width == 0 {
				width = 30
			}
			widths := make([]int, len(panes))
			for i := range widths {
				widths[i] = width
			}
			score := func(a, b passages.Ref) float64 {
				if a.Article > b.Article {
					a, b = b, a
				}
				if s, ok := tc.score[fmt.Sprintf("%c%d%c%d", 'A'+a.Article, a.Passage, 'A'+b.Article, b.Passage)]; ok {
					return s
				}
				return 0.62
			}
			lay := buildLayout(layoutInput{cmp: tc.cmp, text: text, score: score, focus: tc.focus, panes: panes, widths: widths})
			if got := layoutLines(lay, text); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("lines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var bands [][3]int
			for _, b := range lay.bands {
				bands = append(bands, [3]int{b.start, b.height, b.focus})
			}
			if fmt.Sprint(bands) != fmt.Sprint(tc.bands) {
				t.Errorf("bands (start, height, focus) %v, want %v", bands, tc.bands)
			}
			if fmt.Sprint(lay.bandOf) != fmt.Sprint(tc.bandOfFP) {
				t.Errorf("band of each focused passage %v, want %v", lay.bandOf, tc.bandOfFP)
			}
		})
	}
}

// Every passage of every pane shown is drawn exactly once, whatever the
// rows, and each band holds the passages drawn in it.
func TestCompareLayoutDrawsEveryPassageOnce(t *testing.T) {
	cmp := handComparison([]string{"Alpha", "Bravo", "Charlie"},
		[][]string{{"A0", "A1", "A2"}, {"B0", "B1", "B2", "B3"}, {"C0", "C1"}},
		[]string{"A0", "B2"}, []string{"A2", "B0", "C1"}, []string{"B3", "C0"}, []string{"A1", "B1"})
	text := [][]string{{"A0", "A1", "A2"}, {"B0", "B1", "B2", "B3"}, {"C0", "C1"}}
	for focus := range 3 {
		lay := buildLayout(layoutInput{cmp: cmp, text: text, score: func(a, b passages.Ref) float64 { return 0.5 },
			focus: focus, panes: []int{0, 1, 2}, widths: []int{20, 20, 20}})
		seen := map[passages.Ref]int{}
		for i, row := range lay.lines {
			for _, pl := range row {
				if pl.kind == lineText && pl.first {
					seen[pl.ref]++
					b := lay.bands[bandAtLine(lay, i)]
					if !b.has(pl.ref.Article) {
						t.Errorf("focus %d: %v drawn in a band that does not list it", focus, pl.ref)
					}
				}
			}
		}
		for a, ps := range text {
			for q := range ps {
				if n := seen[passages.Ref{Article: a, Passage: q}]; n != 1 {
					t.Errorf("focus %d: %s drawn %d times", focus, ps[q], n)
				}
			}
		}
	}
}

// bandAtLine is the band that holds document line i.
func bandAtLine(lay *compareLayout, i int) int {
	for bi, b := range lay.bands {
		if i >= b.start && i < b.start+b.height {
			return bi
		}
	}
	return -1
}
