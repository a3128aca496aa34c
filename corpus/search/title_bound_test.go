package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
	"github.com/sahilm/fuzzy"
)

// TestTitleBoundHolds checks the bounds a keystroke carries to the next
// (matchState.advance) against matchASCIIState on random lowercase ASCII
// with separators: carried from a title's exact state for a pattern, from
// a bound of it, and made from nothing known but its wordStarts, the
// bounds of every longer pattern hold, and advance says exactly whether
// it matches.
func TestTitleBoundHolds(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 21))
	const alpha = "aabbc /-_.\\x"
	rs := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	for range 300000 {
		s, p := rs(r.IntN(30)), rs(2+r.IntN(8))
		starts := wordStarts(s)
		k := 1 + r.IntN(len(p)-1) // p[:k] is the earlier keystroke
		bonus, cur, _, ok := matchASCIIState(p[:k], s, nil)
		bound, bok := matchState{}.advance(p[:k], s, 0, starts)
		if ok != bok {
			t.Fatalf("%q in %q: matched %v, advance says %v", p[:k], s, ok, bok)
		}
		if !ok {
			continue
		}
		if bonus > bound.bonus || cur > bound.cur {
			t.Fatalf("%q in %q: bonus %d cur %d over bound %d %d", p[:k], s, bonus, cur, bound.bonus, bound.cur)
		}
		exact := bound
		exact.bonus, exact.cur = bonus, cur
		for m := k + 1; m <= len(p); m++ {
			b, c, _, ok := matchASCIIState(p[:m], s, nil)
			fromExact, ok1 := exact.advance(p[:m], s, k, starts)
			fromBound, ok2 := bound.advance(p[:m], s, k, starts)
			fresh, ok3 := matchState{}.advance(p[:m], s, 0, starts)
			if ok != ok1 || ok != ok2 || ok != ok3 {
				t.Fatalf("%q in %q: matched %v, advance says %v %v %v", p[:m], s, ok, ok1, ok2, ok3)
			}
			if !ok {
				break
			}
			for _, st := range []matchState{fromExact, fromBound, fresh} {
				if b > st.bonus || c > st.cur {
					t.Fatalf("%q in %q (from %q): bonus %d cur %d over bound %d %d", p[:m], s, p[:k], b, c, st.bonus, st.cur)
				}
			}
		}
	}
}

// TestTitleSearcherTopFirst types random queries over random corpora
// (few distinct words, so many ties) and asks each answer for its first
// screen before anything else ranks the rest, as the reader's list does:
// it, the topK-th hit, then every hit must equal fuzzy.Find's, also while
// the index grows, its story names change, and backspaces widen queries.
func TestTitleSearcherTopFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 5))
	for round := range 30 {
		arts := randomArticles(r, 1+r.IntN(5000))
		split := len(arts)
		if round%3 == 0 {
			split = len(arts) / 2
		}
		ix := New(arts[:split])
		s := ix.NewTitleSearcher()
		storyOf := func(a *corpus.Article) string { return a.Story }
		hays := haystacks(arts, storyOf)
		q := ""
		for step := range 25 {
			if step == 10 && split < len(arts) {
				ix.Add(arts[split:])
			}
			if step == 18 && round%4 == 1 {
				storyOf = func(a *corpus.Article) string { return strings.ToUpper(a.ID) + " story" }
				ix.SetStory(storyOf)
				hays = haystacks(arts, storyOf)
			}
			if len(q) > 0 && r.IntN(4) == 0 {
				_, size := utf8.DecodeLastRuneInString(q)
				q = q[:len(q)-size]
			} else {
				q += queryLetters[r.IntN(len(queryLetters))]
			}
			want := fuzzyKeys(hays[:ix.Len()], q)
			res := s.Results(q)
			if res.Len() != len(want) {
				t.Fatalf("round %d query %q: %d hits, fuzzy.Find %d", round, q, res.Len(), len(want))
			}
			n := min(50, len(want))
			if got := titleKeys(res.Hits(0, n)); !slices.Equal(got, want[:n]) {
				t.Fatalf("round %d query %q: first screen\n got %v\nwant %v", round, q, head(got), head(want[:n]))
			}
			if k := min(topK, len(want)); k > 0 && res.Index(k-1) != want[k-1].Index {
				t.Fatalf("round %d query %q: hit %d is article %d, fuzzy.Find's %d", round, q, k-1, res.Index(k-1), want[k-1].Index)
			}
			if step%5 == 0 {
				checkResults(t, res, want)
			}
		}
	}
}

// TestTitleSearchLongQuery types most of a headline: 21 adjacent matched
// letters and more make fuzzy's score overflow an int32, and past 40 an
// int64 (fuzzy's wraps around), and the ranking must still be
// fuzzy.Find's, with bounds (up to maxBoundLen bytes) and without.
func TestTitleSearchLongQuery(t *testing.T) {
	titles := []string{
		"jason bakr blames kataib otkeot for deadly raids",
		"jason bakr blames kataib otkeot",
		"jason bakr blames kataib otkeot for deadly raids again",
		"jason b bakr blames kataib otkeot for deadly raids",
		"j a s o n bakr blames kataib otkeot for deadly raids",
	}
	var arts []*corpus.Article
	for i := range 40 {
		arts = append(arts, &corpus.Article{Title: titles[i%len(titles)] + strings.Repeat(" x", i%7)})
	}
	ix := New(arts)
	hays := haystacks(arts, func(a *corpus.Article) string { return a.Story })
	q := "jason bakr blames kataib otkeot for deadly"
	if ms := fuzzy.Find(FoldQuery(q[:24]), hays); len(ms) == 0 || ms[0].Score <= 1<<31 {
		t.Fatalf("the test needs a score over an int32; the best is %v", ms)
	}
	s := ix.NewTitleSearcher()
	for k := 1; k <= len(q); k++ {
		want := fuzzyKeys(hays, q[:k])
		if got := titleKeys(s.Results(q[:k]).Hits(0, 10)); !slices.Equal(got, want[:min(10, len(want))]) {
			t.Fatalf("query %q: got %v, want %v", q[:k], head(got), head(want))
		}
		if got := titleKeys(s.Search(q[:k])); !slices.Equal(got, want) {
			t.Fatalf("query %q: Search differs from fuzzy.Find", q[:k])
		}
		if got := titleKeys(ix.Titles(q[:k])); !slices.Equal(got, want) {
			t.Fatalf("query %q: Titles differs from fuzzy.Find", q[:k])
		}
	}
}
