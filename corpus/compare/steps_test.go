package compare

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/lexicon"
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

// analysedOf analyses texts as the passages of one article each, with a
// memo as build uses, and the given names per passage (as written; the
// entity is the name in lower case, found where the text has it, or
// nowhere).
func analysedOf(memo tokens.Memo, texts [][]string, ents [][][]string) [][]analysed {
	an := make([][]analysed, len(texts))
	for i, art := range texts {
		for j, s := range art {
			a := analysed{toks: tokens.TokenizeInto(nil, s, memo)}
			if ents != nil {
				for _, e := range ents[i][j] {
					at := strings.Index(s, e)
					m := entities.Mention{Entity: strings.ToLower(e), Start: at, End: at + len(e)}
					if at < 0 {
						m.Start, m.End = -1, -1
					}
					a.ments = append(a.ments, m)
				}
			}
			an[i] = append(an[i], a)
		}
	}
	return an
}

// featuresOf computes the features of texts (one article each) as
// features does, and names each term id: "#27" a number, "~killed" a
// casualty class, "wstrike" a stem, "@key" an entity.
func featuresOf(t *testing.T, texts [][]string, ents [][][]string) ([]artFeatures, map[int32]string) {
	t.Helper()
	memo := make(tokens.Memo)
	an := analysedOf(memo, texts, ents)
	lex := lexicon.English()
	f := newFeaturizer(lex, len(memo))
	fs := make([]artFeatures, len(an))
	dims := lex.Dims()
	for i := range an {
		af := artFeatures{off: []int32{0}, vecs: make([]float32, len(an[i])*dims), hasVec: make([]bool, len(an[i])), dims: dims}
		var words []weightedWord
		off := []int32{0}
		for j := range an[i] {
			af.terms, words = f.passage(&an[i][j], af.terms, words)
			af.off = append(af.off, int32(len(af.terms)))
			off = append(off, int32(len(words)))
		}
		af.sentenceVectors(lex, f.common, words, off)
		fs[i] = af
	}
	f.canonical(fs)
	numberComparisonWords(fs)
	names := map[int32]string{}
	for id, n := range f.names {
		names[int32(id)] = string("#~w@"[n.kind]) + n.text
	}
	return fs, names
}

// A passage's terms: function words, reporting and attribution words,
// months and weekdays and words as common as the floor are left out; a
// year or a day beside a month is a date; spelled numbers are digits;
// "killed" and "dead" are one term; an entity counts entityWeight; a
// dateline has nothing.
func TestFeaturesTerms(t *testing.T) {
	fs, names := featuresOf(t, [][]string{{
		"Officials said on Monday that strikes killed 27 people, and 8 were hurt on 29 December 2019.",
		"Eight dead in strike",
		"Posted Nov 14th 2007",
	}}, [][][]string{{{"PMF"}, nil, nil}})
	got := func(p int) map[string]term {
		out := map[string]term{}
		for _, tm := range fs[0].termsOf(p) {
			out[names[tm.id]] = tm
		}
		return out
	}
	first := got(0)
	for _, gone := range []string{"wofficial", "wsaid", "wmonday", "wdecemb", "wpeople"} {
		if _, ok := first[gone]; ok {
			t.Errorf("%s kept: %v", gone, first)
		}
	}
	if first["#27"].bg != numberIDF || first["#2019"].bg != dateIDF || first["#29"].bg != dateIDF {
		t.Errorf("numbers %+v %+v %+v", first["#27"], first["#2019"], first["#29"])
	}
	if first["~killed"].tf != 1 || first["~injured"].tf != 1 || first["wstrike"].tf != 1 {
		t.Errorf("words %v", first)
	}
	if e := first["@pmf"]; math.Abs(float64(e.tf)-(1+math.Log(entityWeight))) > 1e-6 || e.bg != entityIDF || !e.name {
		t.Errorf("entity %+v", e)
	}
	second := got(1)
	if _, ok := second["#8"]; !ok {
		t.Errorf("spelled eight is not the number 8: %v", second)
	}
	if second["~killed"].tf != 1 {
		t.Errorf("dead is not killed: %v", second)
	}
	if len(fs[0].termsOf(2)) != 0 || fs[0].hasVec[2] {
		t.Errorf("dateline has terms %v or a vector", fs[0].termsOf(2))
	}
	// Terms are by id ascending.
	for p := range fs[0].n() {
		ts := fs[0].termsOf(p)
		if !slices.IsSortedFunc(ts, func(x, y term) int { return int(x.id - y.id) }) {
			t.Errorf("passage %d terms not in id order", p)
		}
	}
}

// A sentence vector is unit length with the common direction of English
// taken out; a passage of function words only has none.
func TestFeaturesVectors(t *testing.T) {
	fs, _ := featuresOf(t, [][]string{{"Protesters seized the parliament building.", "It was what it was."}}, nil)
	v := fs[0].vec(0)
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if math.Abs(n-1) > 1e-4 || math.Abs(float64(dot(v, lexicon.English().Common()))) > 1e-4 {
		t.Errorf("|v|² = %v, v·common = %v", n, dot(v, lexicon.English().Common()))
	}
	if fs[0].hasVec[1] || fs[0].vec(1) != nil {
		t.Error("function words made a vector")
	}
}

// Term ids depend only on the terms: the same article's terms come in the
// same order beside other articles, so its sums run in the same order.
func TestCanonicalOrder(t *testing.T) {
	a := []string{"Rebels seized the airport and the port of Aden after heavy fighting."}
	alone, namesA := featuresOf(t, [][]string{a}, nil)
	beside, namesB := featuresOf(t, [][]string{{"Fighting near the port, the zoo and the mill."}, a}, nil)
	var x, y []string
	for _, tm := range alone[0].termsOf(0) {
		x = append(x, namesA[tm.id])
	}
	for _, tm := range beside[1].termsOf(0) {
		y = append(y, namesB[tm.id])
	}
	if !slices.Equal(x, y) || len(x) < 5 {
		t.Errorf("terms alone %v, beside another article %v", x, y)
	}
}

func TestIsDateNumber(t *testing.T) {
	toks := tokens.Tokenize("On 29 December 2019, 27 people died; on Dec. 3, 1,500 more")
	want := map[string]bool{"29": true, "2019": true, "27": false, "3": true, "1,500": false}
	for i, tk := range toks {
		if w, ok := want[tk.Key]; ok && isDateNumber(toks, i) != w {
			t.Errorf("isDateNumber(%s) = %v", tk.Key, !w)
		}
	}
}

// matrixOf builds a pair matrix with the given scores, link strengths
// equal to them.
func matrixOf(dense [][]float32) pairMatrix {
	m := pairMatrix{ni: len(dense)}
	if len(dense) > 0 {
		m.nj = len(dense[0])
	}
	for _, row := range dense {
		m.v = append(m.v, row...)
	}
	m.link = slices.Clone(m.v)
	return m
}

func TestNeighbours(t *testing.T) {
	s := pairScorer{sc: &scoring{neigh: 0.5, neighCap: 0.2}}
	m := matrixOf([][]float32{{.8, 0, 0}, {0, .1, 0}, {0, 0, .6}})
	s.neighbours(&m)
	// (1,1): neighbours .8 and .6, mean .7, capped at .1+.2: + .5 × .3.
	// (0,0): only (1,1) below, (0.1+0)/2 = .05. (2,2): (.1+0)/2.
	want := []float32{.8 + .5*.05, 0, 0, 0, .1 + .5*.3, 0, 0, 0, .6 + .5*.05}
	for x := range want {
		if math.Abs(float64(m.v[x]-want[x])) > 1e-6 {
			t.Errorf("cell %d = %v, want %v", x, m.v[x], want[x])
		}
	}
}

// Priors: up to pos off as relative positions drift apart, up to lead on
// near the top of both, at most 1; positions count passages with content.
func TestPriors(t *testing.T) {
	lead := leadWeights(10)
	s := pairScorer{sc: &scoring{pos: 0.3, lead: 0.5}, lead: lead}
	f := func(n int, content ...bool) *artFeatures {
		af := &artFeatures{off: make([]int32, n+1), hasVec: content}
		af.pos = make([]int32, n+1)
		k := int32(0)
		for p := range n {
			af.pos[p] = k
			if content[p] {
				k++
			}
		}
		af.pos[n] = k
		return af
	}
	fi := f(3, true, false, true) // a dateline in the middle
	fj := f(3, true, true, true)
	m := matrixOf([][]float32{{.5, .5, .5}, {.5, .5, .5}, {.5, .5, .5}})
	m.v[0] = 0.9
	s.priors(&m, fi, fj)
	// fi's passages sit at 0, 1 and 1 of 2 (relative 0, 1, 1); fj's at 0, .5, 1.
	cell := func(v, rp, rq float64, pp, qq int) float32 {
		x := v * (1 - 0.3*math.Abs(rp-rq)) * (1 + 0.5*(lead[pp]+lead[qq])/2)
		return float32(min(x, 1))
	}
	want := []float32{1, cell(.5, 0, .5, 0, 1), cell(.5, 0, 1, 0, 2),
		cell(.5, 1, 0, 1, 0), cell(.5, 1, .5, 1, 1), cell(.5, 1, 1, 1, 2),
		cell(.5, 1, 0, 1, 0), cell(.5, 1, .5, 1, 1), cell(.5, 1, 1, 1, 2)}
	for x := range want {
		if math.Abs(float64(m.v[x]-want[x])) > 1e-6 {
			t.Errorf("cell %d = %v, want %v", x, m.v[x], want[x])
		}
	}
}

// The guard keeps a link only for passages sharing two content words (or
// near words) both ways, names counting once; a pair that names different
// entities only keeps conflictKeep.
func TestGuard(t *testing.T) {
	texts := [][]string{{
		"They said further attacks would depend on the militia's response.",
		"Rebels seized the airport in Aden.",
		"An earthquake killed ten people in Iran.",
		"Police in Baghdad and Basra said so.",
	}, {
		"He further said,",
		"Insurgents captured the airport at Aden.",
		"An earthquake killed ten people in Aceh.",
		"Officials in Baghdad and Basra said so too.",
	}}
	ents := [][][]string{{nil, {"Aden"}, {"Iran"}, {"Baghdad", "Basra"}}, {nil, {"Aden"}, {"Aceh"}, {"Baghdad", "Basra"}}}
	fs, _ := featuresOf(t, texts, ents)
	sc := defaultScoring
	lex := lexicon.English()
	s := newPairScorer(lex, &sc, 1000, leadWeights(4), comparisonWords(fs, lex.Len()), fs[0].words)
	m := matrixOf([][]float32{{.9, 0, 0, 0}, {0, .9, 0, 0}, {0, 0, .9, 0}, {0, 0, 0, .9}})
	s.guard(&m, &fs[0], &fs[1])
	want := []float32{.9 * sc.guardKeep, .9, .9 * sc.conflictKeep, .9 * sc.guardKeep}
	for p, w := range want {
		if got := m.linkAt(p, p); math.Abs(float64(got-w)) > 1e-6 {
			t.Errorf("%q / %q: link %v, want %v", texts[0][p], texts[1][p], got, w)
		}
		if m.at(p, p) != .9 {
			t.Errorf("the guard changed the score of %d", p)
		}
	}
}

// Link strength: a score standing out from the three best of its row and
// column, at least 0 and never above the guarded score.
func TestStrength(t *testing.T) {
	s := pairScorer{sc: &scoring{stand: 1}}
	m := matrixOf([][]float32{{.9, .5, .5}, {.5, .5, .5}})
	m.link[1] = .05 // failed the guard
	s.strength(&m)
	row0 := float32(.9+.5+.05) / 3
	row1 := float32(.5)
	col0, col1, col2 := float32(.9+.5)/2, float32(.05+.5)/2, float32(.5)
	want := []float32{min(2*.9-(row0+col0)/2, .9), min(max(2*.05-(row0+col1)/2, 0), .05), min(2*.5-(row0+col2)/2, .5),
		min(2*.5-(row1+col0)/2, .5), min(2*.5-(row1+col1)/2, .5), min(2*.5-(row1+col2)/2, .5)}
	for x := range want {
		if math.Abs(float64(m.link[x]-want[x])) > 1e-6 {
			t.Errorf("cell %d = %v, want %v", x, m.link[x], want[x])
		}
	}
}

func TestTop3(t *testing.T) {
	var k top3
	if k.mean() != 0 {
		t.Error("empty mean")
	}
	for _, v := range []float32{.2, .9, .1, .5, .7} {
		k.add(v)
	}
	if k.v != [3]float32{.9, .7, .5} || math.Abs(float64(k.mean()-.7)) > 1e-6 {
		t.Errorf("top3 %+v mean %v", k, k.mean())
	}
	var two top3
	two.add(.4)
	two.add(.8)
	if two.mean() != .6 {
		t.Errorf("mean of two %v", two.mean())
	}
}

// Links: strongest first, each passage once; then a passage's runner-up
// within secondShare of its best.
func TestPairLinks(t *testing.T) {
	m := matrixOf([][]float32{
		{.9, .8, .75},
		{.85, .2, .1},
		{.1, .1, .3},
	})
	got := pairLinks(&m, 0, 1, .4, nil)
	type pq struct{ p, q int32 }
	var cells []pq
	for _, l := range got {
		cells = append(cells, pq{l.p, l.q})
		if l.i != 0 || l.j != 1 || l.v != m.at(int(l.p), int(l.q)) {
			t.Errorf("link %+v", l)
		}
	}
	// (0,0) first; then no cell at or above .4 has both passages free;
	// (1,0) .85 ≥ .8 × .9 is column 0's runner-up and (0,1) .8 row 0's,
	// so (0,2) .75, though ≥ .8 × .9, is not: one runner-up a passage;
	// (1,1) and (2,2) are under the threshold.
	want := []pq{{0, 0}, {1, 0}, {0, 1}}
	if !slices.Equal(cells, want) {
		t.Errorf("links %v, want %v", cells, want)
	}
}

// handComparison is a comparison of articles with the given numbers of
// passages and pair scores (dense, by article pair; link strength the
// same).
func handComparison(sizes []int, dense map[[2]int][][]float32) *Comparison {
	c := &Comparison{Articles: make([]ArticleInfo, len(sizes))}
	for i, n := range sizes {
		c.Articles[i].Passages = make([]passages.Passage, n)
		for p := range c.Articles[i].Passages {
			c.Articles[i].Passages[p].Index = p
		}
	}
	c.pairs = make([][]pairMatrix, len(sizes))
	for i := range sizes {
		c.pairs[i] = make([]pairMatrix, len(sizes))
		for j := i + 1; j < len(sizes); j++ {
			d := dense[[2]int{i, j}]
			if d == nil {
				d = make([][]float32, sizes[i])
				for p := range d {
					d[p] = make([]float32, sizes[j])
				}
			}
			c.pairs[i][j] = matrixOf(d)
		}
	}
	return c
}

// Every link ends in a row: rows join when they share no article and
// every passage of one agrees with every passage of the other (linked, or
// scoring WeakBelow or more); otherwise the link makes a row of its own,
// and a passage can be in two rows.
func TestRowBuilder(t *testing.T) {
	dense := map[[2]int][][]float32{
		{0, 1}: {{.9, .8}},
		{0, 2}: {{.6}},
		{1, 2}: {{.55}, {.1}},
		{0, 3}: {{.3}},
		{1, 3}: {{.3}, {0}},
		{2, 3}: {{.4}},
	}
	lk := func(a, b passages.Ref) link {
		return link{i: int32(a.Article), p: int32(a.Passage), j: int32(b.Article), q: int32(b.Passage)}
	}
	for _, tc := range []struct {
		name  string
		links []link
		rows  [][]passages.Ref
	}{
		{"a link starts a row", []link{lk(ref(0, 0), ref(1, 0))},
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}}},
		{"one sentence covering two: two rows", []link{lk(ref(0, 0), ref(1, 0)), lk(ref(0, 0), ref(1, 1))},
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}, {ref(0, 0), ref(1, 1)}}},
		{"a newcomer agreeing with the whole row", []link{lk(ref(0, 0), ref(1, 0)), lk(ref(0, 0), ref(2, 0))},
			[][]passages.Ref{{ref(0, 0), ref(1, 0), ref(2, 0)}}}, // 1:0–2:0 scores .55
		{"a newcomer one member disagrees with", []link{lk(ref(0, 0), ref(1, 1)), lk(ref(0, 0), ref(2, 0))},
			[][]passages.Ref{{ref(0, 0), ref(1, 1)}, {ref(0, 0), ref(2, 0)}}}, // 1:1–2:0 scores .1
		{"two rows join when all agree", []link{lk(ref(0, 0), ref(1, 0)), lk(ref(2, 0), ref(3, 0)), lk(ref(1, 0), ref(3, 0)), lk(ref(0, 0), ref(3, 0)), lk(ref(1, 0), ref(2, 0))},
			[][]passages.Ref{{ref(0, 0), ref(1, 0), ref(2, 0), ref(3, 0)}}}, // 0:0–2:0 scores .6, the rest are linked
		{"two rows stay apart, a passage in both", []link{lk(ref(0, 0), ref(1, 0)), lk(ref(2, 0), ref(3, 0)), lk(ref(1, 0), ref(3, 0))},
			[][]passages.Ref{{ref(0, 0), ref(1, 0)}, {ref(2, 0), ref(3, 0), ref(1, 0)}}}, // 0:0–3:0 scores .3; 1:0 agrees with 2:0 (.55) and 3:0 (linked)
		{"no agreement anywhere: a row of its own", []link{lk(ref(0, 0), ref(1, 1)), lk(ref(2, 0), ref(3, 0)), lk(ref(1, 1), ref(3, 0))},
			[][]passages.Ref{{ref(0, 0), ref(1, 1)}, {ref(2, 0), ref(3, 0)}, {ref(1, 1), ref(3, 0)}}}, // 1:1–2:0 .1, 0:0–3:0 .3
	} {
		c := handComparison([]int{1, 2, 1, 1}, dense)
		rb := newRowBuilder(c, tc.links)
		for _, l := range tc.links {
			rb.add(l.a(), l.b())
		}
		var rows [][]passages.Ref
		for _, r := range rb.rows {
			if r != nil {
				rows = append(rows, r)
			}
		}
		if len(rows) != len(tc.rows) {
			t.Errorf("%s: rows %v, want %v", tc.name, rows, tc.rows)
			continue
		}
		for r := range tc.rows {
			if !slices.Equal(rows[r], tc.rows[r]) {
				t.Errorf("%s: row %d = %v, want %v", tc.name, r, rows[r], tc.rows[r])
			}
		}
		for _, l := range tc.links {
			if !rb.together(l.a(), l.b()) {
				t.Errorf("%s: link %v–%v in no row", tc.name, l.a(), l.b())
			}
		}
	}
}

// together reports whether two passages share a row being built.
func (rb *rowBuilder) together(a, b passages.Ref) bool {
	for _, r := range rb.in[a] {
		if slices.Contains(rb.rows[r], b) {
			return true
		}
	}
	return false
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

// Rows score the mean of their links' scores, weak under WeakBelow; a
// passage's rows come strongest first; unique passages are in none.
func TestScoreRowsAndUnique(t *testing.T) {
	c := handComparison([]int{1, 2, 1}, nil)
	c.Rows = []Row{{Passages: []passages.Ref{ref(0, 0), ref(1, 0), ref(2, 0)}}, {Passages: []passages.Ref{ref(0, 0), ref(1, 1)}}}
	c.rowsOf = [][][]int{{{0, 1}}, {{0}, {1}}, {{0}}}
	c.Links = []Link{{A: ref(0, 0), B: ref(1, 0), Score: .9}, {A: ref(0, 0), B: ref(2, 0), Score: .7}, {A: ref(0, 0), B: ref(1, 1), Score: .45}}
	// The third link is the strongest (it stands out more), so its row
	// comes first for 0:0 though its score is lower.
	strength := c.scoreRows([]link{{s: .5}, {s: .6}, {s: .8}})
	if c.Rows[0].Score != .8 || c.Rows[0].Weak || c.Rows[1].Score != .45 || !c.Rows[1].Weak || !slices.Equal(strength, []float32{.6, .8}) {
		t.Errorf("rows %+v, strength %v", c.Rows, strength)
	}
	c.primaryFirst(strength)
	if !slices.Equal(c.rowsOf[0][0], []int{1, 0}) || c.RowOf(ref(0, 0)) != 1 {
		t.Errorf("rows of 0:0 %v", c.rowsOf[0][0])
	}
	if got := c.uniquePassages(); got == nil || len(got) != 0 {
		t.Errorf("unique %#v, want none (not nil: JSON shows [])", got)
	}
	c.rowsOf[1][1] = nil
	if got := c.uniquePassages(); !slices.Equal(got, []passages.Ref{ref(1, 1)}) {
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
	sh := shared(c, an, []passages.Ref{ref(0, 0), ref(1, 0), ref(2, 0)}, res, nil)
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
	an := make([][]analysed, len(docs))
	for i, doc := range docs {
		for _, ms := range doc {
			an[i] = append(an[i], analysed{ments: ms})
		}
	}
	got := entitiesOf(an, res)
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

// A headline left in the body (title case, or capitals) reads as one: its
// capitals make no names.
func TestIsHeadlineAndMentionTokens(t *testing.T) {
	body := passages.Passage{Kind: passages.KindBody}
	for text, want := range map[string]bool{
		"Red Sox To Break Bank For Teixeira":             true,
		"Report: Red Sox offer Teixeira $200 million":    false,
		"Barack Obama met Angela Merkel in Berlin.":      false,
		"Iraq Condemns US Airstrikes":                    true,
		"The Red Sox":                                    false, // two words are no headline
		"REPORT: RED SOX MAKE HUGE OFFER TO TEIXEIRA":    true,
		"Ten dead in southern Iran quake, officials say": false,
	} {
		if got := isHeadline(body, tokens.Tokenize(text)); got != want {
			t.Errorf("isHeadline(%q) = %v", text, got)
		}
	}
	if !isHeadline(passages.Passage{Kind: passages.KindTitle}, tokens.Tokenize("a b")) {
		t.Error("a title is a headline")
	}
	shout := tokens.Tokenize("RED SOX MAKE HUGE OFFER")
	if got := mentionTokens(shout); got[0].Caps || !shout[0].Caps {
		t.Error("capitals kept as acronyms, or the tokens changed in place")
	}
	mixed := tokens.Tokenize("PMU fighters killed")
	if got := mentionTokens(mixed); !got[0].Caps {
		t.Error("an acronym in running text lost its flag")
	}
}
