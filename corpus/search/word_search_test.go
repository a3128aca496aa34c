package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

var bodyWords = []string{
	"the", "The", "of", "strikes", "strike", "Kata’ib", "Kata'ib", "kataib", "KATAIB", "Ketaib",
	"Hezbollah", "hezbollah", "Hezbolah", "café", "Café", "cafe", "20,000", "3.5", "US", "u.s.",
	"said", "Pentagon", "it’s", "its", "naïve", "straße", "Łódź", "日本", "a", "b", "ab",
}

func randomBody(r *rand.Rand) string {
	paras := make([]string, 1+r.IntN(4))
	for i := range paras {
		ws := make([]string, r.IntN(14))
		for j := range ws {
			ws[j] = bodyWords[r.IntN(len(bodyWords))]
		}
		paras[i] = strings.Join(ws, []string{" ", " ", ", ", " — ", "\n"}[r.IntN(5)])
	}
	return strings.Join(paras, "\n\n")
}

func randomWordQuery(r *rand.Rand) string {
	var parts []string
	for k := 1 + r.IntN(3); k > 0; k-- {
		w := bodyWords[r.IntN(len(bodyWords))]
		switch r.IntN(6) {
		case 0:
			w = `"` + w + " " + bodyWords[r.IntN(len(bodyWords))] + `"`
		case 1:
			w = "“" + w + " " + bodyWords[r.IntN(len(bodyWords))] + "”"
		case 2:
			if n := len(w); n > 3 {
				w = w[:3+r.IntN(n-3)] // maybe cut mid-rune: queries are untrusted
			}
		}
		parts = append(parts, w)
	}
	q := strings.Join(parts, " ")
	if r.IntN(8) == 0 {
		q = `"` + q // an unclosed quote
	}
	return q
}

func docScores(hs []WordHit) []docScore {
	out := make([]docScore, len(hs))
	for i, h := range hs {
		out[i] = docScore{doc: int32(h.Index), matches: int32(h.Matches), score: h.Score}
	}
	return out
}

func TestWordsEqualsPlainScan(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 20 {
		n := 1 + r.IntN(800)
		arts := make([]*corpus.Article, n)
		for i := range arts {
			arts[i] = article(fmt.Sprint(i), "t", "", "", randomBody(r))
		}
		// Build in batches of varying size, as a streaming load does.
		ix := New(nil)
		for lo := 0; lo < n; {
			hi := min(n, lo+1+r.IntN(400))
			ix.Add(arts[lo:hi])
			lo = hi
		}
		for range 30 {
			q := randomWordQuery(r)
			for _, prefix := range []bool{false, true} {
				var got []WordHit
				if prefix {
					got = ix.WordsPrefix(q)
				} else {
					got = ix.Words(q)
				}
				want := scanWords(arts, q, prefix)
				if !slices.Equal(docScores(got), want) {
					t.Fatalf("round %d, %d articles, query %q (prefix %v, parsed %s): index %d hits, scan %d\n got %v\nwant %v",
						round, n, q, prefix, parseQuery(q, prefix), len(got), len(want), firstScores(docScores(got)), firstScores(want))
				}
				for _, h := range got[:min(len(got), 5)] {
					checkDetail(t, q, h)
				}
			}
		}
	}
}

func firstScores(xs []docScore) []docScore { return xs[:min(len(xs), 4)] }

// checkDetail checks a hit's detail: a matching paragraph, a valid
// snippet, and highlights that are ascending, disjoint, on rune boundaries,
// and cover words of the query.
func checkDetail(t *testing.T, q string, h WordHit) {
	t.Helper()
	for _, width := range []int{0, 1, 10, 40} {
		d := h.Detail(width)
		if d.Paragraph < 0 || !slices.Contains(d.Paragraphs, d.Paragraph) {
			t.Fatalf("query %q on %s: best paragraph %d not among %v", q, h.Article.ID, d.Paragraph, d.Paragraphs)
		}
		if !utf8.ValidString(d.Snippet) || strings.Contains(d.Snippet, "\n") {
			t.Fatalf("query %q: bad snippet %q", q, d.Snippet)
		}
		if len(d.Highlights) == 0 {
			t.Fatalf("query %q: snippet %q has no highlight", q, d.Snippet)
		}
		prev := -1
		for _, rg := range d.Highlights {
			if rg.Start <= prev || rg.Start >= rg.End || rg.End > len(d.Snippet) ||
				!utf8.RuneStart(d.Snippet[rg.Start]) || (rg.End < len(d.Snippet) && !utf8.RuneStart(d.Snippet[rg.End])) {
				t.Fatalf("query %q: bad highlight %v in %q (%v)", q, rg, d.Snippet, d.Highlights)
			}
			prev = rg.End
			if len(textnorm.Words(d.Snippet[rg.Start:rg.End])) == 0 {
				t.Fatalf("query %q: highlight %q holds no word", q, d.Snippet[rg.Start:rg.End])
			}
		}
	}
}

func TestParseQuery(t *testing.T) {
	for _, c := range []struct {
		q      string
		prefix bool
		want   string
	}{
		{"Kata’ib  Hezbollah", false, "kataib hezbollah"},
		{"Kata’ib Hezb", true, "kataib hezb*"},
		{"Kata’ib He", true, "kataib he"},
		{"hezb ", true, "hezb"},
		{`"Kata'ib Hezbollah" strikes`, true, `"kataib hezbollah" strikes*`},
		{`“ketaib hezbollah”`, true, `"ketaib hezbollah"`},
		{`“ketaib hezbo`, true, `"ketaib hezbo"`},
		{`"strikes"`, true, "strikes"},
		{"the THE the", false, "the"},
		{`""  — !`, false, ""},
	} {
		if got := parseQuery(c.q, c.prefix).String(); got != c.want {
			t.Errorf("parseQuery(%q, %v) = %s, want %s", c.q, c.prefix, got, c.want)
		}
	}
}

// FuzzWords indexes one arbitrary body and checks that the index agrees
// with the plain scan and that snippets and highlights are valid.
func FuzzWords(f *testing.F) {
	f.Add("The United States attacked Kata’ib Hezbollah.\n\nIraqi officials said 25 fighters were killed.", "kataib")
	f.Add("Café on Rashid Street.\n\n“We heard the strikes,” Hélène said.", `“heard the” helene`)
	f.Add("Ketaib Hezbollah, also spelled Kataib", "ketaib hezb")
	f.Fuzz(func(t *testing.T, body, q string) {
		body = textnorm.Sanitize(body)
		arts := []*corpus.Article{article("x", "t", "", "", body), article("y", "t", "", "", "other words")}
		ix := New(arts)
		for _, prefix := range []bool{false, true} {
			var got []WordHit
			if prefix {
				got = ix.WordsPrefix(q)
			} else {
				got = ix.Words(q)
			}
			if want := scanWords(arts, q, prefix); !slices.Equal(docScores(got), want) {
				t.Fatalf("query %q: index %v, scan %v", q, docScores(got), want)
			}
			for _, h := range got {
				checkDetail(t, q, h)
			}
		}
	})
}

// FuzzTitles checks title search on one arbitrary header against
// fuzzy.Find, searched at once and typed, and the validity of its
// highlights.
func FuzzTitles(f *testing.F) {
	f.Add("US strikes Kata’ib Hezbollah", "Press TV", "kataib")
	f.Add("Café owner recalls the night", "Le Monde", "cafe ni")
	f.Add("e\u0301te\u0301 ß straße", "Ærø", "ss")
	f.Fuzz(func(t *testing.T, title, outlet, q string) {
		a := &corpus.Article{ID: "x", Title: textnorm.Line(title), Outlet: textnorm.Line(outlet)}
		ix := New([]*corpus.Article{a})
		got := titleKeys(ix.Titles(q))
		want := fuzzyKeys([]string{Haystack(a, "")}, q)
		if !slices.Equal(got, want) {
			t.Fatalf("query %q on %q: %v, fuzzy.Find %v", q, Haystack(a, ""), got, want)
		}
		if s := ix.NewTitleSearcher(); !slices.Equal(titleKeys(s.Search(q)), want) {
			t.Fatalf("searcher differs")
		}
		// Typed rune by rune, each keystroke's answer narrowed from the
		// previous one's by where its match ended (title_bound.go).
		s := ix.NewTitleSearcher()
		for i := range q {
			s.Results(q[:i])
		}
		if res := s.Results(q); !slices.Equal(titleKeys(res.Hits(0, res.Len())), want) {
			t.Fatalf("query %q typed on %q: %v, fuzzy.Find %v", q, Haystack(a, ""), titleKeys(res.Hits(0, res.Len())), want)
		}
		for _, h := range ix.Titles(q) {
			checkHighlights(t, q, h)
		}
	})
}

func TestRadixScoresEqualsSort(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for _, n := range []int{0, 1, 300, 5000} {
		res := make([]docScore, n)
		for i := range res {
			// Few distinct scores, so that ties must keep document order.
			res[i] = docScore{doc: int32(i), score: float64(r.IntN(50)) * 0.37}
			if r.IntN(3) == 0 {
				res[i].score = r.Float64() * 20
			}
		}
		want := slices.Clone(res)
		sortScores(want)
		if got := radixScores(slices.Clone(res)); !slices.Equal(got, want) {
			t.Fatalf("n=%d: radix order differs", n)
		}
	}
}
