package library

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

// searchCorpus is synthetic articles, the seeds and a few with the
// spellings folding must bring together.
func searchCorpus(t *testing.T) []*corpus.Article {
	t.Helper()
	arts := synth.Articles(300, 3)
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts = append(arts, c.Articles...)
	arts = append(arts,
		article("k1", "Kataib", "A", "", "Fighters of Kataib Hezbollah were hit.", "Second paragraph about a café in the city."),
		article("k2", "Kata'ib", "B", "", "Fighters of Kata'ib Hezbollah were hit.", "Nothing else, said the cafe owner."),
		article("k3", "Kata’ib", "C", "", "Fighters of KATA’IB Hezbollah were hit.", "A number: 20,000 people and 3.5 percent."),
		article("k4", "Split", "D", "", "The end of one paragraph is Kataib", "Hezbollah starts the next."),
	)
	return arts
}

func searchLibrary(t *testing.T) (*Library, *search.Index, []*corpus.Article) {
	t.Helper()
	arts := searchCorpus(t)
	l, _ := openTemp(t)
	res := mustAdd(t, l, arts...)
	if len(res.Duplicates) != 0 {
		t.Fatalf("test corpus has duplicates: %+v", res.Duplicates)
	}
	return l, search.New(arts), arts
}

func hitIDs(hits []Hit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	slices.Sort(ids)
	return ids
}

func memIDs(hits []search.WordHit) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.Article.ID
	}
	slices.Sort(ids)
	return ids
}

// queries draws word queries from the articles: single words, pairs,
// phrases of consecutive words, prefixes.
func queries(arts []*corpus.Article, n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	var out []string
	for len(out) < n {
		a := arts[r.IntN(len(arts))]
		if len(a.Body) == 0 {
			continue
		}
		p := a.Body[r.IntN(len(a.Body))].Text
		ws := textnorm.Words(p)
		if len(ws) < 4 {
			continue
		}
		i := r.IntN(len(ws) - 3)
		word := func(k int) string { return p[ws[k].Start:ws[k].End] }
		switch r.IntN(4) {
		case 0:
			out = append(out, word(i))
		case 1:
			out = append(out, word(i)+" "+word(i+2+r.IntN(2)))
		case 2:
			out = append(out, `"`+p[ws[i].Start:ws[i+1+r.IntN(2)].End]+`"`)
		default:
			w := word(i)
			if len(w) >= 3 {
				out = append(out, w[:max(len(w)/2, 3)])
			}
		}
	}
	return out
}

func TestSearchFindsWhatTheInMemorySearchFinds(t *testing.T) {
	l, ix, arts := searchLibrary(t)
	ctx := context.Background()
	fixed := []string{"kataib", "Kata'ib", "Kata’ib", "KATAIB hezbollah", `"kataib hezbollah"`, "café", "cafe",
		"20,000", "3.5", "hezb", `"Kata’ib Hezbollah`, "Popular Mobilization", `"were hit" fighters`}
	for _, q := range append(fixed, queries(arts, 80)...) {
		for _, prefix := range []bool{false, true} {
			res, err := l.Search(ctx, q, SearchOptions{Limit: 10000, Prefix: prefix})
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			mem := ix.Words(q)
			if prefix {
				mem = ix.WordsPrefix(q)
			}
			if got, want := hitIDs(res.Hits), memIDs(mem); !slices.Equal(got, want) {
				t.Fatalf("Search(%q, prefix %v): %d hits %v\nin memory %d: %v", q, prefix, len(got), got, len(want), want)
			}
		}
	}
	// The spellings meet; the phrase does not cross paragraphs.
	res, err := l.Search(ctx, `"kataib hezbollah"`, SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := hitIDs(res.Hits)
	for _, id := range []string{"k1", "k2", "k3"} {
		if !slices.Contains(got, id) {
			t.Errorf("phrase misses %s: %v", id, got)
		}
	}
	if slices.Contains(got, "k4") {
		t.Errorf("phrase matched across paragraphs: %v", got)
	}
}

func TestSearchRanksAndLimits(t *testing.T) {
	l, _ := openTemp(t)
	mustAdd(t, l,
		article("once", "A", "O", "", "Strikes were reported once in a long article about many other matters entirely unrelated to anything."),
		article("often", "B", "O", "", "Strikes, strikes and more strikes."),
		article("none", "Strikes in the title only", "O", "", "Nothing of the kind is in this body at all, really nothing."),
	)
	ctx := context.Background()
	res, err := l.Search(ctx, "strikes", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].ID != "often" || res.Hits[0].Score <= res.Hits[1].Score || res.More {
		t.Fatalf("hits %+v", res.Hits)
	}
	res, err = l.Search(ctx, "strikes", SearchOptions{Titles: true, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || !res.More {
		t.Fatalf("titles, limit 2: %d hits, more %v", len(res.Hits), res.More)
	}
	all, _ := l.Search(ctx, "strikes", SearchOptions{Titles: true})
	if !slices.Contains(hitIDs(all.Hits), "none") {
		t.Errorf("Titles does not search titles: %v", hitIDs(all.Hits))
	}
}

func TestSearchQueryTextIsNeverSyntax(t *testing.T) {
	l, _ := searchLibraryQuick(t)
	ctx := context.Background()
	for _, q := range []string{`NEAR(kataib hezbollah)`, `kataib OR nothing`, `kataib NOT hezbollah`, `"unclosed kataib`,
		`title:kataib`, `{title}: kataib`, `*`, `kataib*`, `-kataib`, `^kataib`, `kataib AND`, `'`, `""`, `kata'ib"`,
		`body : x`, `(kataib`, `kataib)`, `a + b`, "\x00", "kataib\u202e", `""""`, `"kataib" "`} {
		res, err := l.Search(ctx, q, SearchOptions{})
		if err != nil {
			t.Errorf("Search(%q): %v", q, err)
			continue
		}
		// Operators are words like any other: "OR" must be in the body.
		if q == `kataib OR nothing` && len(res.Hits) != 0 {
			t.Errorf("%q found %v: OR was read as an operator", q, hitIDs(res.Hits))
		}
	}
}

func searchLibraryQuick(t *testing.T) (*Library, []*corpus.Article) {
	l, _ := openTemp(t)
	arts := []*corpus.Article{
		article("k1", "Kataib", "A", "", "Fighters of Kataib Hezbollah were hit."),
		article("k2", "Other", "B", "", "Kataib: nothing at all was the slogan of the day for some."),
	}
	mustAdd(t, l, arts...)
	return l, arts
}

func TestPassageMatchesInMemoryDetail(t *testing.T) {
	l, ix, arts := searchLibrary(t)
	ctx := context.Background()
	for _, q := range append([]string{"kataib", "cafe hezbollah"}, queries(arts, 25)...) {
		mem := ix.Words(q)
		pq := ParseQuery(q, false)
		for _, h := range mem[:min(len(mem), 5)] {
			want := h.Detail(80)
			got, err := l.Passage(ctx, h.Article.ID, pq)
			if err != nil {
				t.Fatal(err)
			}
			if got.Paragraph != want.Paragraph || !slices.Equal(got.Paragraphs, want.Paragraphs) {
				t.Fatalf("Passage(%s, %q) = %d %v, in memory %d %v", h.Article.ID, q, got.Paragraph, got.Paragraphs, want.Paragraph, want.Paragraphs)
			}
			if got.Text != h.Article.Body[got.Paragraph].Text {
				t.Fatalf("Passage text is not the paragraph's")
			}
		}
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in     string
		prefix bool
		want   string
	}{
		{`Kata’ib  Hezbollah`, false, "kataib hezbollah"},
		{`"Kata'ib Hezbollah" strikes`, false, `"kataib hezbollah" strikes`},
		{`«Café» strikes strikes`, false, `cafe strikes`},
		{`hezb`, true, `hezb*`},
		{`hezb `, true, `hezb`},
		{`he`, true, `he`},
		{`"unclosed phrase`, true, `"unclosed phrase"`},
		{`!!!`, false, ``},
	}
	for _, c := range cases {
		if got := ParseQuery(c.in, c.prefix).String(); got != c.want {
			t.Errorf("ParseQuery(%q, %v) = %q, want %q", c.in, c.prefix, got, c.want)
		}
	}
	if q := ParseQuery("  ", false); !q.Empty() {
		t.Errorf("blank query not empty")
	}
	if m := ParseQuery(`a "b c"`, false).match(false); !strings.HasPrefix(m, "{body} : (") {
		t.Errorf("match %q", m)
	}
}

func TestSearchCapsRanking(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	var arts []*corpus.Article
	for i := range 12 {
		arts = append(arts, article(fmt.Sprintf("s%02d", i), "T", "O", "",
			strings.Repeat("strikes ", i+1)+fmt.Sprintf("and other words in body number %d of the set.", i)))
	}
	mustAdd(t, l, arts...)
	res, err := l.Search(ctx, "strikes", SearchOptions{MaxRanked: 12})
	if err != nil || res.Capped || len(res.Hits) != 12 || res.Hits[0].ID != "s11" || res.Hits[0].Score <= 0 {
		t.Fatalf("12 matches, MaxRanked 12: capped %v, %d hits, first %+v, %v", res.Capped, len(res.Hits), res.Hits[0], err)
	}
	res, err = l.Search(ctx, "strikes", SearchOptions{MaxRanked: 11, Limit: 5})
	if err != nil || !res.Capped || !res.More || len(res.Hits) != 5 {
		t.Fatalf("12 matches, MaxRanked 11: capped %v, more %v, %d hits, %v", res.Capped, res.More, len(res.Hits), err)
	}
	// Newest first, unranked.
	if got := hitIDs(res.Hits); !slices.Equal(got, []string{"s07", "s08", "s09", "s10", "s11"}) || res.Hits[0].ID != "s11" || res.Hits[0].Score != 0 {
		t.Fatalf("capped hits %v (first %s, score %v)", got, res.Hits[0].ID, res.Hits[0].Score)
	}
	res, err = l.Search(ctx, "strikes", SearchOptions{MaxRanked: -1, Limit: 5})
	if err != nil || res.Capped || res.Hits[0].ID != "s11" || res.Hits[4].ID != "s07" || res.Hits[0].Score <= res.Hits[4].Score {
		t.Fatalf("unbounded: %+v, %v", hitIDs(res.Hits), err)
	}
}

func TestSearchRanksByRareWordsOnly(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	var arts []*corpus.Article
	for i := range 12 {
		body := fmt.Sprintf("strikes were reported in body number %d of the set.", i)
		if i%4 == 1 {
			body += strings.Repeat(" kututrville", i)
		}
		arts = append(arts, article(fmt.Sprintf("s%02d", i), "T", "O", "", body))
	}
	mustAdd(t, l, arts...)
	res, err := l.Search(ctx, "strikes kututrville", SearchOptions{MaxRanked: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Capped || !slices.Equal(rowIDs(hitRows(res.Hits)), []string{"s09", "s05", "s01"}) || res.Hits[2].Score <= 0 {
		t.Fatalf("mixed: capped %v, hits %v", res.Capped, rowIDs(hitRows(res.Hits)))
	}
	all, err := l.Search(ctx, "strikes kututrville", SearchOptions{MaxRanked: -1})
	if err != nil || !slices.Equal(hitIDs(all.Hits), hitIDs(res.Hits)) {
		t.Fatalf("unbounded finds %v, bounded %v (%v)", hitIDs(all.Hits), hitIDs(res.Hits), err)
	}
	lim, err := l.Search(ctx, "strikes kututrville", SearchOptions{MaxRanked: 5, Limit: 2})
	if err != nil || len(lim.Hits) != 2 || !lim.More || lim.Hits[0].ID != "s09" {
		t.Fatalf("mixed, limit 2: %v more %v (%v)", hitIDs(lim.Hits), lim.More, err)
	}
}

func hitRows(hs []Hit) []Row {
	out := make([]Row, len(hs))
	for i, h := range hs {
		out[i] = h.Row
	}
	return out
}
