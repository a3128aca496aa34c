package compare

import (
	"math"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/quantity"
	"github.com/pmureader/pmureader/corpus/tokens"
)

func ref(a, p int) passages.Ref { return passages.Ref{Article: a, Passage: p} }

func TestIsDateline(t *testing.T) {
	for text, want := range map[string]bool{
		"Posted Nov 14th 2007 12:41PM":     true,
		"Sunday, 29 December 2019":         true,
		"Updated at 10:31 GMT":             true,
		"December 29":                      true,
		"":                                 false,
		"Strikes hit bases on 29 December": false,
		"The 14th strike":                  false,
	} {
		if got := isDateline(tokens.Tokenize(text)); got != want {
			t.Errorf("isDateline(%q) = %v", text, got)
		}
	}
}

// passagesOf analyses texts as the passages of one article each, with a
// memo as build uses, and the given mentions (entity keys) per passage.
func analysedOf(memo tokens.Memo, texts [][]string, ents [][][]string) [][]analysed {
	an := make([][]analysed, len(texts))
	for i, art := range texts {
		for j, s := range art {
			a := analysed{toks: tokens.TokenizeInto(nil, s, memo, nil)}
			if ents != nil {
				for _, e := range ents[i][j] {
					a.ments = append(a.ments, entities.Mention{Entity: e})
				}
			}
			an[i] = append(an[i], a)
		}
	}
	return an
}

// Term ids come in order of first appearance; "killed" and "dead" are one
// term; numbers are terms of their own; a dateline has none; an entity
// counts entityWeight.
func TestTermCounter(t *testing.T) {
	memo := make(tokens.Memo)
	an := analysedOf(memo, [][]string{{"Strikes killed 27 strikes", "Posted Nov 14th 2007", "27 dead in strike"}},
		[][][]string{{{"=PMF"}, {"=PMF"}, nil}})
	tc := newTermCounter(len(memo))
	var got [][]termCount
	for j := range an[0] {
		got = append(got, slices.Clone(tc.countPassage(&an[0][j])))
	}
	// strike=0, killed=1, 27=2, entity=3; "dead" is killed (1).
	want := [][]termCount{{{0, 2}, {1, 1}, {2, 1}, {3, entityWeight}}, {}, {{2, 1}, {1, 1}, {0, 1}}}
	for j := range want {
		if !slices.Equal(got[j], want[j]) {
			t.Errorf("passage %d: counts %v, want %v", j, got[j], want[j])
		}
	}
	if !slices.Equal(tc.df, []int32{2, 2, 2, 1}) {
		t.Errorf("df %v", tc.df)
	}
	// Without memo numbers (KeyID -1) the stem is interned by its text:
	// the same term.
	plain := analysed{toks: tokens.Tokenize("strikes")}
	if c := tc.countPassage(&plain); len(c) != 1 || c[0].id != 0 {
		t.Errorf("memo-less stem counted as %v", c)
	}
}

// Vectors are TF-IDF weighted over all passages and L2-normalised; a term
// in every passage still weighs (smoothed IDF); passages with no terms
// have empty vectors.
func TestVectorize(t *testing.T) {
	memo := make(tokens.Memo)
	an := analysedOf(memo, [][]string{{"bases bases hit", "hit"}, {"Posted Nov 14th 2007"}}, nil)
	vectorize(an, len(memo))
	n := 3.0
	wBase := tfidf.Weight(2, n, 1)
	wHit := tfidf.Weight(1, n, 2)
	norm := math.Sqrt(wBase*wBase + wHit*wHit)
	want := []tfidf.Vector{
		{IDs: []int32{0, 1}, W: []float32{float32(float64(float32(wBase)) / norm), float32(float64(float32(wHit)) / norm)}},
		{IDs: []int32{1}, W: []float32{1}},
	}
	for j, w := range want {
		v := an[0][j].vec
		if !slices.Equal(v.IDs, w.IDs) || len(v.W) != len(w.W) {
			t.Fatalf("passage %d: vector %+v, want %+v", j, v, w)
		}
		for k := range w.W {
			if math.Abs(float64(v.W[k]-w.W[k])) > 1e-6 {
				t.Errorf("passage %d: weight %d = %v, want %v", j, k, v.W[k], w.W[k])
			}
		}
	}
	if v := an[1][0].vec; len(v.IDs) != 0 {
		t.Errorf("dateline vector %+v", v)
	}
	if d := tfidf.Dot(an[0][0].vec, an[0][0].vec); math.Abs(d-1) > 1e-6 {
		t.Errorf("not normalised: |v|² = %v", d)
	}
}

func TestPrior(t *testing.T) {
	lead := leadWeights(10)
	if lead[0] != 1 || math.Abs(lead[3]-math.Exp(-1)) > 1e-15 {
		t.Fatalf("lead weights %v", lead)
	}
	for _, tc := range []struct {
		v            float64
		p, q, ni, nj int
		want         float64
	}{
		{0, 0, 0, 10, 10, 0},                                     // zero stays zero
		{0.5, 0, 0, 10, 10, 0.5 * 1.3},                           // both at the top: +30%
		{0.9, 0, 0, 10, 10, 1},                                   // never above 1
		{0.5, 9, 0, 10, 10, 0.5 * 0.7 * (1 + 0.3*(lead[9]+1)/2)}, // positions as far apart as can be: -30%
		{0.5, 9, 9, 10, 10, 0.5 * (1 + 0.3*lead[9])},             // same relative place, far down
		{0.5, 0, 0, 1, 1, 0.5 * 1.3},                             // one-passage articles
	} {
		if got := prior(tc.v, tc.p, tc.q, tc.ni, tc.nj, lead); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("prior(%v, %d of %d, %d of %d) = %v, want %v", tc.v, tc.p, tc.ni, tc.q, tc.nj, got, tc.want)
		}
	}
}

func vec(ids []int32, w []float32) analysed { return analysed{vec: tfidf.Vector{IDs: ids, W: w}} }

func TestBuildPostings(t *testing.T) {
	art := []analysed{vec([]int32{0, 2}, []float32{.6, .8}), vec(nil, nil), vec([]int32{2, 3}, []float32{.5, .5})}
	ps := buildPostings(art, 5)
	want := map[int32][]posting{0: {{0, .6}}, 1: nil, 2: {{0, .8}, {2, .5}}, 3: {{2, .5}}, 4: nil}
	for term, w := range want {
		if got := ps.of(term); !slices.Equal(got, w) {
			t.Errorf("term %d: %v, want %v", term, got, w)
		}
	}
}

// The scorer gives each pair of passages the dot product of their vectors
// with the priors, and leaves out exactly the zeros.
func TestPairScorer(t *testing.T) {
	ai := []analysed{vec([]int32{0, 1}, []float32{.6, .8}), vec([]int32{5}, []float32{1}), vec([]int32{1, 2}, []float32{.8, .6})}
	aj := []analysed{vec([]int32{1}, []float32{1}), vec([]int32{0, 2}, []float32{.8, .6}), vec([]int32{3}, []float32{1}), vec([]int32{2}, []float32{1})}
	lead := leadWeights(4)
	var sc pairScorer
	for round := 0; round < 2; round++ { // the scratch is clean for the next pair
		m := sc.score(ai, aj, buildPostings(aj, 6), lead)
		for p := range ai {
			for q := range aj {
				want := float32(prior(dot32(ai[p].vec, aj[q].vec), p, q, len(ai), len(aj), lead))
				if got := m.at(p, q); got != want {
					t.Errorf("round %d: cell (%d, %d) = %v, want %v", round, p, q, got, want)
				}
			}
		}
		if len(m.q) != 5 { // (0,0) (0,1) (2,0) (2,1) (2,3)
			t.Errorf("round %d: %d cells kept, want the 5 nonzero ones: %v", round, len(m.q), m.q)
		}
	}
}

// dot32 is the dot product as the scorer sums it: each term's product in
// float32, summed in float64 in ascending term id.
func dot32(a, b tfidf.Vector) float64 {
	var s float64
	for i, id := range a.IDs {
		if k, ok := slices.BinarySearch(b.IDs, id); ok {
			s += float64(a.W[i] * b.W[k])
		}
	}
	return s
}

func TestAscending(t *testing.T) {
	mark := make([]bool, 40)
	for _, q := range []int32{30, 2, 17} {
		mark[q] = true
	}
	if got := ascending([]int32{30, 2, 17}, mark, 40); !slices.Equal(got, []int32{2, 17, 30}) {
		t.Errorf("sorted few: %v", got)
	}
	if got := ascending([]int32{30, 2, 17}, mark, 20); !slices.Equal(got, []int32{2, 17}) {
		t.Errorf("swept %v (only columns below n)", got)
	}
	if got := ascending(nil, mark, 40); len(got) != 0 {
		t.Errorf("nothing touched: %v", got)
	}
}

// sparseOf builds a sparse matrix from a dense one.
func sparseOf(dense [][]float32) sparseScores {
	m := sparseScores{start: []int32{0}}
	for _, row := range dense {
		for q, v := range row {
			if v != 0 {
				m.q = append(m.q, int32(q))
				m.v = append(m.v, v)
			}
		}
		m.start = append(m.start, int32(len(m.q)))
	}
	return m
}

func TestSparseScoresAt(t *testing.T) {
	dense := [][]float32{{0, .5, 0}, {0, 0, 0}, {.25, 0, 1}}
	m := sparseOf(dense)
	for p := range dense {
		for q := range dense[p] {
			if got := m.at(p, q); got != dense[p][q] {
				t.Errorf("at(%d, %d) = %v, want %v", p, q, got, dense[p][q])
			}
		}
	}
}

// handComparison is a comparison of articles with the given numbers of
// passages and the given pair scores (dense, by article pair).
func handComparison(sizes []int, dense map[[2]int][][]float32) *Comparison {
	c := &Comparison{Articles: make([]ArticleInfo, len(sizes))}
	for i, n := range sizes {
		c.Articles[i].Passages = make([]passages.Passage, n)
		for p := range c.Articles[i].Passages {
			c.Articles[i].Passages[p].Index = p
		}
	}
	c.scores = make([][]sparseScores, len(sizes))
	for i := range sizes {
		c.scores[i] = make([]sparseScores, len(sizes))
		for j := i + 1; j < len(sizes); j++ {
			d := dense[[2]int{i, j}]
			if d == nil {
				d = make([][]float32, sizes[i])
				for p := range d {
					d[p] = make([]float32, sizes[j])
				}
			}
			c.scores[i][j] = sparseOf(d)
		}
	}
	return c
}

func TestCandidatePairs(t *testing.T) {
	c := handComparison([]int{2, 2, 1}, map[[2]int][][]float32{
		{0, 1}: {{.1, .5}, {.3, 0}},
		{0, 2}: {{.5}, {0}},
		{1, 2}: {{.2}, {.9}},
	})
	got := candidatePairs(c.scores, 0.2)
	want := []passagePair{{ref(1, 1), ref(2, 0), .9}, {ref(0, 0), ref(1, 1), .5}, {ref(0, 0), ref(2, 0), .5},
		{ref(0, 1), ref(1, 0), float64(float32(.3))}, {ref(1, 0), ref(2, 0), float64(float32(.2))}}
	if len(got) != len(want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	for k := range want {
		if got[k].a != want[k].a || got[k].b != want[k].b || math.Abs(got[k].s-want[k].s) > 1e-7 {
			t.Errorf("pair %d = %v, want %v", k, got[k], want[k])
		}
	}
}

// Rows start from a pair, take a third article's passage when it is close
// enough to the whole row, never two passages of one article, and join
// when their passages are close enough on average.
func TestRowBuilder(t *testing.T) {
	dense := map[[2]int][][]float32{
		{0, 1}: {{.9, .8}},
		{0, 2}: {{.5}},
		{1, 2}: {{.1, .4}},
		{0, 3}: {{.3}},
		{1, 3}: {{.3, 0}},
		{2, 3}: {{.3}},
	}
	for _, tc := range []struct {
		name  string
		pairs []passagePair
		thr   float64
		rows  [][]passages.Ref
	}{
		{"a pair starts a row", []passagePair{{ref(0, 0), ref(1, 0), .9}}, .2,
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}}},
		{"one passage per article", []passagePair{{ref(0, 0), ref(1, 0), .9}, {ref(0, 0), ref(1, 1), .8}}, .2,
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}}},
		{"a newcomer close to the whole row", []passagePair{{ref(0, 0), ref(1, 0), .9}, {ref(0, 0), ref(2, 0), .5}}, .3,
			[][]passages.Ref{{ref(0, 0), ref(1, 0), ref(2, 0)}}}, // the mean of .5 and .1 is .3
		{"a newcomer too far from the row", []passagePair{{ref(0, 0), ref(1, 0), .9}, {ref(0, 0), ref(2, 0), .5}}, .31,
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}}},
		{"two rows join", []passagePair{{ref(0, 0), ref(1, 0), .9}, {ref(2, 0), ref(3, 0), .3}, {ref(0, 0), ref(3, 0), .3}}, .25,
			[][]passages.Ref{{ref(0, 0), ref(1, 0), ref(2, 0), ref(3, 0)}, nil}}, // the mean of .5, .3, .1 and .3 is .3
		{"two rows stay apart", []passagePair{{ref(0, 0), ref(1, 0), .9}, {ref(2, 0), ref(3, 0), .3}, {ref(0, 0), ref(3, 0), .3}}, .301,
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}, {ref(2, 0), ref(3, 0)}}},
	} {
		c := handComparison([]int{1, 2, 1, 1}, dense)
		rb := newRowBuilder(c, tc.thr)
		for _, pr := range tc.pairs {
			rb.add(pr)
		}
		if len(rb.rows) != len(tc.rows) {
			t.Errorf("%s: rows %v, want %v", tc.name, rb.rows, tc.rows)
			continue
		}
		for r := range tc.rows {
			if !slices.Equal(rb.rows[r], tc.rows[r]) {
				t.Errorf("%s: row %d = %v, want %v", tc.name, r, rb.rows[r], tc.rows[r])
			}
			for _, m := range tc.rows[r] {
				if c.rowOf[m.Article][m.Passage] != r {
					t.Errorf("%s: %v is in row %d, want %d", tc.name, m, c.rowOf[m.Article][m.Passage], r)
				}
			}
		}
	}
}

// Rows read down in the first article's order; rows without it fall in by
// their first member's relative position.
func TestOrderRows(t *testing.T) {
	c := handComparison([]int{4, 2, 2}, nil)
	rows := [][]passages.Ref{
		{ref(1, 1), ref(0, 3)},
		nil,
		{ref(2, 0), ref(1, 0)},
		{ref(0, 0), ref(2, 1)},
		{ref(2, 1), ref(1, 1)}, // no first-article passage: the second article's 1/2, between 0 and 3/4
	}
	got := orderRows(c, rows)
	want := [][]passages.Ref{{ref(0, 0), ref(2, 1)}, {ref(1, 0), ref(2, 0)}, {ref(1, 1), ref(2, 1)}, {ref(0, 3), ref(1, 1)}}
	if len(got) != len(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for r := range want {
		if !slices.Equal(got[r], want[r]) {
			t.Errorf("row %d = %v, want %v", r, got[r], want[r])
		}
	}
}

func TestMeanScoreAndUnique(t *testing.T) {
	c := handComparison([]int{1, 1, 2}, map[[2]int][][]float32{{0, 1}: {{.5}}, {0, 2}: {{.25, 0}}, {1, 2}: {{0, 0}}})
	if got := c.meanScore([]passages.Ref{ref(0, 0), ref(1, 0), ref(2, 0)}); got != 0.25 {
		t.Errorf("meanScore = %v, want (.5+.25+0)/3", got)
	}
	got := uniquePassages([][]int{{0}, {-1, 2, -1}, {}})
	if !slices.Equal(got, []passages.Ref{ref(1, 0), ref(1, 2)}) {
		t.Errorf("unique %v", got)
	}
}

// A row shares what two or more of its passages have; a word inside a
// name counts as the name.
func TestShared(t *testing.T) {
	texts := []string{"Iraq strikes killed 27 near Baghdad.", "In Iraq the strikes killed 27.", "Strikes in Syria."}
	c := &Comparison{Articles: make([]ArticleInfo, len(texts))}
	an := make([][]analysed, len(texts))
	caps := entities.NewCapitalisation()
	for i, s := range texts {
		c.Articles[i].Passages = []passages.Passage{{Text: s}}
		an[i] = []analysed{{toks: tokens.Tokenize(s)}}
		caps.Observe(an[i][0].toks, false)
	}
	docs := make([][][]entities.Mention, len(texts))
	for i, s := range texts {
		docs[i] = [][]entities.Mention{entities.FindMentions(s, an[i][0].toks, caps, nil, false)}
	}
	res := entities.NewResolver(nil)
	res.Resolve(docs)
	for i, s := range texts {
		an[i][0].ments = docs[i][0]
		an[i][0].figs = quantity.Parse(s)
	}
	sh := shared(c, an, []passages.Ref{ref(0, 0), ref(1, 0), ref(2, 0)}, res)
	if !slices.Equal(sh.Entities, []string{"Iraq"}) || !slices.Equal(sh.Numbers, []string{"27 killed"}) || !slices.Equal(sh.Words, []string{"killed", "strikes"}) {
		t.Errorf("shared %+v", sh)
	}
}

// Entities are listed most mentioned first, then by name, with every
// spelling and the articles naming them.
func TestEntitiesOf(t *testing.T) {
	pmu := entities.Mention{Name: "pmu", Canon: "PMF", Surface: "PMU"}
	pmf := entities.Mention{Name: "pmf", Canon: "PMF", Surface: "PMF"}
	iraq := entities.Mention{Name: "iraq", Surface: "Iraq"}
	baghdad := entities.Mention{Name: "baghdad", Surface: "Baghdad"}
	docs := [][][]entities.Mention{{{pmu, iraq}, {pmf}}, {{iraq, pmu, baghdad}}}
	res := entities.NewResolver(nil)
	res.Resolve(docs)
	got := entitiesOf(docs, res)
	want := []Entity{
		{Name: "PMF", Variants: []string{"PMF", "PMU"}, Articles: []int{0, 1}, Mentions: 3},
		{Name: "Iraq", Variants: []string{"Iraq"}, Articles: []int{0, 1}, Mentions: 2},
		{Name: "Baghdad", Variants: []string{"Baghdad"}, Articles: []int{1}, Mentions: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("entities %+v", got)
	}
	for k := range want {
		g, w := got[k], want[k]
		if g.Name != w.Name || !slices.Equal(g.Variants, w.Variants) || !slices.Equal(g.Articles, w.Articles) || g.Mentions != w.Mentions {
			t.Errorf("entity %d = %+v, want %+v", k, g, w)
		}
	}
}

// Differences name each article by its outlet label (its id without one),
// telling apart two articles of one outlet by a short title, or by their
// ids when the titles are the same.
func TestArticleNamesAndWords(t *testing.T) {
	arts := []*corpus.Article{
		{ID: "a", Outlet: "Daily", Via: "Wire"},
		{ID: "b"},
		{ID: "c", Outlet: "The News Line", Title: "US Aiding Terrorists In Iraq And Syria, a long headline"},
		{ID: "d", Outlet: "The News Line", Title: "Iran's defence minister says"},
		{ID: "e", Outlet: "Post", Title: "Same"},
		{ID: "f", Outlet: "Post", Title: "Same"},
		{},
	}
	want := []string{"Daily (via Wire)", "b", "The News Line: US Aiding Terrorists In Iraq And…",
		"The News Line: Iran's defence minister says", "Post: e", "Post: f", "article 7"}
	if got := articleNames(arts); !slices.Equal(got, want) {
		t.Errorf("articleNames = %q, want %q", got, want)
	}
	a := &corpus.Article{Title: "123456", Dek: "789012", Body: []corpus.Paragraph{{Text: "abcdef"}, {Text: "ghijkl"}}}
	if got := wordEstimate([]*corpus.Article{a, a}); got != 8 {
		t.Errorf("wordEstimate = %d, want 48/6", got)
	}
}

// scoresTo gives a passage's scores against every passage of another
// article, whichever comes first, reusing its buffer.
func TestScoresTo(t *testing.T) {
	c := handComparison([]int{2, 3}, map[[2]int][][]float32{{0, 1}: {{0, .5, .25}, {1, 0, 0}}})
	buf := []float32{9, 9, 9, 9}
	if got := c.scoresTo(ref(0, 0), 1, buf); !slices.Equal(got, []float32{0, .5, .25}) || &got[0] != &buf[0] {
		t.Errorf("row %v (buffer reused: %v)", got, &got[0] == &buf[0])
	}
	if got := c.scoresTo(ref(1, 1), 0, nil); !slices.Equal(got, []float32{.5, 0}) {
		t.Errorf("column %v", got)
	}
	if got := c.scoresTo(ref(0, 1), 0, nil); !slices.Equal(got, []float32{0, 0}) {
		t.Errorf("own article %v", got)
	}
	if got := c.scoresTo(ref(0, 5), 1, nil); !slices.Equal(got, []float32{0, 0, 0}) {
		t.Errorf("bad ref %v", got)
	}
}
