package compare

import (
	"fmt"
	"sort"
	"strings"
)

// differences finds how the accounts differ: figures that disagree
// between counterpart passages (numbers.go), and later sources and labels.
func differences(c *Comparison, an [][]analysed, res *resolver) []Difference {
	return numberDifferences(c, an)
}

// numberDifferences pairs figures that count the same thing in two
// articles and reports those whose values differ. A pair must come from
// passages that report the same thing: the same row, or, failing that, the
// best-scoring pair of passages that both count it.
func numberDifferences(c *Comparison, an [][]analysed) []Difference {
	var out []Difference
	n := len(c.Articles)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			type cand struct {
				a, b   Ref
				fa, fb figure
				s      float64
			}
			var cands []cand
			for p := range an[i] {
				for q := range an[j] {
					ra, rb := Ref{i, p}, Ref{j, q}
					s := c.Score(ra, rb)
					same := c.rowOf[i][p] >= 0 && c.rowOf[i][p] == c.rowOf[j][q]
					if !same && s < 0.1 {
						continue
					}
					if same {
						s += 1
					}
					for _, fa := range an[i][p].figs {
						for _, fb := range an[j][q].figs {
							if fa.what == fb.what {
								cands = append(cands, cand{ra, rb, fa, fb, s})
							}
						}
					}
				}
			}
			sort.SliceStable(cands, func(x, y int) bool { return cands[x].s > cands[y].s })
			usedA, usedB := map[string]bool{}, map[string]bool{}
			for _, cd := range cands {
				ka := fmt.Sprint(cd.a, cd.fa.start)
				kb := fmt.Sprint(cd.b, cd.fb.start)
				if usedA[ka] || usedB[kb] {
					continue
				}
				usedA[ka], usedB[kb] = true, true
				if cd.fa.value == cd.fb.value && cd.fa.qualifier == cd.fb.qualifier {
					continue
				}
				what := cd.fa.display()
				out = append(out, Difference{
					Kind:    DiffNumber,
					Topic:   what,
					Summary: fmt.Sprintf("%s: %s (%s) vs %s (%s)", what, cd.fa.text, name(c, i), cd.fb.text, name(c, j)),
					Items: []DifferenceItem{
						{Ref: cd.a, Text: cd.fa.text, Value: cd.fa.value, Qualifier: cd.fa.qualifier},
						{Ref: cd.b, Text: cd.fb.text, Value: cd.fb.value, Qualifier: cd.fb.qualifier},
					},
				})
			}
		}
	}
	return out
}

// name is how summaries name an article: its outlet, else its id.
func name(c *Comparison, i int) string {
	a := c.Articles[i]
	if a.Outlet != "" {
		return a.Outlet
	}
	if a.ID != "" {
		return a.ID
	}
	return fmt.Sprintf("article %d", i+1)
}

var _ = strings.TrimSpace
