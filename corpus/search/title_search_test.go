package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
	"github.com/sahilm/fuzzy"
)

// Pieces of random titles: words with ASCII and non-ASCII letters,
// separators, and the runes that fold specially.
var titleWords = []string{
	"kataib", "Kata’ib", "Ketaib", "hezbollah", "Hezbolah", "café", "CAFÉ", "strikes", "US", "Iraq",
	"a", "ab", "ba", "abc", "aab", "x", "b-a", "a/b", "a_b", "a.b", "A\\B", "straße", "Ærø",
	"\u212a", "ſ", "e\u0301", "Łódź", "20,000", "—", "“q”", "日本", "ab ab", "zz",
}

func randomTitle(r *rand.Rand) string {
	n := r.IntN(8)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = titleWords[r.IntN(len(titleWords))]
	}
	return strings.Join(parts, []string{" ", " ", "", "-", ": "}[r.IntN(5)])
}

func randomArticles(r *rand.Rand, n int) []*corpus.Article {
	out := make([]*corpus.Article, n)
	for i := range out {
		out[i] = &corpus.Article{
			ID:     fmt.Sprint(i),
			Title:  randomTitle(r),
			Outlet: []string{"", "Press TV", "Antiwar.com", "Le Café", "RT"}[r.IntN(5)],
			Author: []string{"", "", "Jason Ditz", "Hélène"}[r.IntN(4)],
			Story:  []string{"", "", "us-strikes", "Kata’ib"}[r.IntN(4)],
		}
	}
	return out
}

type hitKey struct {
	Index, Score int
	Matched      string
}

func titleKeys(hs []TitleHit) []hitKey {
	out := make([]hitKey, len(hs))
	for i, h := range hs {
		if h.Haystack() != Haystack(h.Article, h.Story) {
			panic("stored haystack differs from Haystack()")
		}
		out[i] = hitKey{h.Index, h.Score, fmt.Sprint(h.matched)}
	}
	return out
}

func haystacks(arts []*corpus.Article, story func(*corpus.Article) string) []string {
	hays := make([]string, len(arts))
	for i, a := range arts {
		hays[i] = Haystack(a, story(a))
	}
	return hays
}

// fuzzyKeys runs plain fuzzy.Find over haystacks.
func fuzzyKeys(hays []string, query string) []hitKey {
	pattern := FoldQuery(query)
	if pattern == "" {
		return []hitKey{}
	}
	ms := fuzzy.Find(pattern, hays)
	out := make([]hitKey, len(ms))
	for i, m := range ms {
		out[i] = hitKey{m.Index, m.Score, fmt.Sprint(m.MatchedIndexes)}
	}
	return out
}

// Typed query sequences: letters appended one by one, with backspaces.
var queryLetters = []string{"k", "a", "t", "i", "b", "e", "z", " ", "s", "c", "f", "é", "’", "'", "-", "/", "A", "ß", "ſ", "x", "2", "0"}

func TestTitleSearcherEqualsFuzzyFind(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for round := range 40 {
		arts := randomArticles(r, 1+r.IntN(6000))
		// Sometimes the index grows while a query is being typed.
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
			if len(q) > 0 && r.IntN(5) == 0 {
				_, size := utf8.DecodeLastRuneInString(q)
				q = q[:len(q)-size]
			} else {
				q += queryLetters[r.IntN(len(queryLetters))]
			}
			want := fuzzyKeys(hays[:ix.Len()], q)
			got := titleKeys(s.Search(q))
			if !slices.Equal(got, want) {
				t.Fatalf("round %d query %q: searcher returned %d hits, fuzzy.Find %d\n got %v\nwant %v",
					round, q, len(got), len(want), head(got), head(want))
			}
			if got := titleKeys(ix.Titles(q)); !slices.Equal(got, want) {
				t.Fatalf("round %d query %q: Titles differs from fuzzy.Find", round, q)
			}
			checkResults(t, s.Results(q), want)
		}
	}
}

// checkResults checks a TitleResults hit by hit and in windows against
// fuzzy.Find's hits.
func checkResults(t *testing.T, res *TitleResults, want []hitKey) {
	t.Helper()
	if res.Len() != len(want) {
		t.Fatalf("Results has %d hits, fuzzy.Find %d", res.Len(), len(want))
	}
	for i, w := range want {
		if got := titleKeys([]TitleHit{res.Hit(i)})[0]; got != w || res.Index(i) != w.Index || res.Article(i) != res.Hit(i).Article {
			t.Fatalf("Results hit %d is %v, fuzzy.Find's %v", i, got, w)
		}
	}
	for from := -1; from < len(want)+2; from += 7 {
		lo, hi := max(from, 0), min(from+10, len(want))
		got := titleKeys(res.Hits(from, from+10))
		if lo >= hi && len(got) == 0 {
			continue
		}
		if !slices.Equal(got, want[lo:hi]) {
			t.Fatalf("Hits(%d, %d) = %v, want %v", from, from+10, got, want[lo:hi])
		}
	}
}

func head(xs []hitKey) []hitKey {
	if len(xs) > 5 {
		return xs[:5]
	}
	return xs
}

// TestMatchASCIIEqualsFuzzy checks the fast scorer against fuzzy on
// random lowercase ASCII with separators, where repeated letters make the
// choice of occurrence matter.
func TestMatchASCIIEqualsFuzzy(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 9))
	const alpha = "aabbc /-_.\\x"
	rs := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	for range 200000 {
		s, p := rs(r.IntN(24)), rs(1+r.IntN(5))
		score, matched, ok := matchASCII(p, s, nil)
		ms := fuzzy.Find(p, []string{s})
		if ok != (len(ms) == 1) {
			t.Fatalf("matchASCII(%q, %q) ok=%v, fuzzy found %d", p, s, ok, len(ms))
		}
		if ok && (score != ms[0].Score || !slices.Equal(matched, ms[0].MatchedIndexes)) {
			t.Fatalf("matchASCII(%q, %q) = %d %v, fuzzy %d %v", p, s, score, matched, ms[0].Score, ms[0].MatchedIndexes)
		}
	}
}

// TestTitleHighlightsValid checks, over random non-ASCII headers, that
// every highlight is a non-empty byte range on rune boundaries inside its
// field, that ranges are ascending and disjoint, and that each covers a
// matched character.
func TestTitleHighlightsValid(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	arts := randomArticles(r, 3000)
	ix := New(arts)
	for range 300 {
		q := ""
		for k := 1 + r.IntN(4); k > 0; k-- {
			q += queryLetters[r.IntN(len(queryLetters))]
		}
		for _, h := range ix.Titles(q) {
			checkHighlights(t, q, h)
		}
	}
}

func checkHighlights(t *testing.T, q string, h TitleHit) {
	t.Helper()
	hl := h.Highlights()
	fields := h.fields()
	for fi, rs := range [][]Range{hl.Title, hl.Outlet, hl.Author, hl.Story} {
		f := fields[fi]
		prev := -1
		for _, rg := range rs {
			if rg.Start <= prev || rg.Start >= rg.End || rg.End > len(f) ||
				!utf8.RuneStart(f[rg.Start]) || (rg.End < len(f) && !utf8.RuneStart(f[rg.End])) {
				t.Fatalf("query %q: field %d %q: bad range %v in %v", q, fi, f, rg, rs)
			}
			prev = rg.End
		}
	}
	n := 0
	for _, rs := range [][]Range{hl.Title, hl.Outlet, hl.Author, hl.Story} {
		n += len(rs)
	}
	if n == 0 && strings.TrimSpace(q) != "" && len(h.matched) > 0 {
		// Every query character matched somewhere; only spaces and
		// separators may go unhighlighted.
		hay := Haystack(h.Article, h.Story)
		for _, m := range h.matched {
			if hay[m] != ' ' && !strings.HasPrefix(hay[m:], fieldSep) && hay[m] != '|' {
				t.Fatalf("query %q: no highlight although %q matched at %d", q, hay, m)
			}
		}
	}
}

// TestConcurrentAddAndSearch adds batches while other goroutines search
// (run it with -race); at the end the searcher agrees with fuzzy.Find.
func TestConcurrentAddAndSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	arts := randomArticles(r, 3000)
	for _, a := range arts {
		a.Body = []corpus.Paragraph{{Text: a.Title}}
	}
	ix := New(arts[:100])
	s := ix.NewTitleSearcher()
	done := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := []string{"kataib", "cafe", "hez"}[g]
			for k := 0; ; k = (k + 1) % len(q) {
				select {
				case <-done:
					return
				default:
				}
				s.Search(q[:k+1])
				ix.Titles(q[:k+1])
				ix.WordsPrefix(q[:k+1])
			}
		}()
	}
	for lo := 100; lo < len(arts); lo += 250 {
		ix.Add(arts[lo:min(lo+250, len(arts))])
		if lo == 1100 {
			ix.SetStory(func(a *corpus.Article) string { return "story " + a.ID })
		}
	}
	close(done)
	wg.Wait()
	story := func(a *corpus.Article) string { return "story " + a.ID }
	hays := haystacks(arts, story)
	for _, q := range []string{"kataib", "cafe", "hez", "ka"} {
		if got, want := titleKeys(s.Search(q)), fuzzyKeys(hays, q); !slices.Equal(got, want) {
			t.Fatalf("after concurrent adds, %q: %d hits, fuzzy.Find %d", q, len(got), len(want))
		}
	}
}
