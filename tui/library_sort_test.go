package tui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// TestSorterMergesAsAFullSortSorts feeds articles in batches, as a library
// loads, and checks after each batch that the merged order is the order a
// sort of everything gives, in every sort order; then that changing the
// key sorts afresh.
func TestSorterMergesAsAFullSortSorts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	outlets := []string{"", "Alpha", "beta", "Beta", "Gamma"}
	var arts []*corpus.Article
	for i := range 700 {
		a := &corpus.Article{ID: fmt.Sprint("a", i), Title: fmt.Sprint("Title ", r.IntN(50)), Outlet: outlets[r.IntN(len(outlets))]}
		if r.IntN(5) > 0 { // some undated; many on the same day
			a.Date = corpus.Date{Time: time.Date(2020, 1, 1+r.IntN(20), 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionDay}
		}
		if r.IntN(10) == 0 {
			a.Title = ""
		}
		arts = append(arts, a)
	}
	for _, by := range []sortKey{sortDate, sortOutlet, sortTitle} {
		for _, rev := range []bool{false, true} {
			var s listSorter
			var order []*corpus.Article
			for n := 0; n < len(arts); {
				n = min(len(arts), n+1+r.IntN(90))
				order = s.sort(order, arts[:n], by, rev)
				if want := sortArticles(nil, arts[:n], by, rev); !slices.Equal(order, want) {
					t.Fatalf("%v reverse %v, %d articles: the merged order differs from a full sort", by, rev, n)
				}
			}
			other := (by + 1) % numSortKeys
			order = s.sort(order, arts, other, rev)
			if want := sortArticles(nil, arts, other, rev); !slices.Equal(order, want) {
				t.Fatalf("sorted by %v after %v: differs from a full sort", other, by)
			}
		}
	}
}
