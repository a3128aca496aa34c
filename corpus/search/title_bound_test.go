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

// TestTitleBoundHolds checks the bound a keystroke carries to the next
// (matchState.extend) against matchASCIIState on random lowercase ASCII
// with separators: from a title's exact state for a pattern, and from
// nothing known but where its letters start words (wordStarts), the
// bounds of every longer pattern hold, and the greedy end says exactly
// whether it matches.
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
		k := 1 + r.IntN(len(p)-1) // p[:k] is the earlier keystroke
		bonus, cur, _, ok := matchASCIIState(p[:k], s, nil)
		if !ok {
			continue
		}
		exact := matchState{end: int32(greedyEnd(s, 0, p[:k])), bonus: bonus, cur: cur}
		if u := unknownState(p[:k], wordStarts(s)); bonus > u.bonus || cur > u.cur {
			t.Fatalf("%q in %q: bonus %d cur %d over bound %d %d", p[:k], s, bonus, cur, u.bonus, u.cur)
		}
		for m := k + 1; m <= len(p); m++ {
			b, c, _, ok := matchASCIIState(p[:m], s, nil)
			if ok != (greedyEnd(s, 0, p[:m]) >= 0) || ok != (greedyEnd(s, int(exact.end), p[k:m]) >= 0) {
				t.Fatalf("%q in %q: matched %v, greedy end disagrees", p[:m], s, ok)
			}
			if !ok {
				break
			}
			starts := wordStarts(s)
			for _, st := range []matchState{exact.extend(p[:m], k, starts), unknownState(p[:m], starts)} {
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
