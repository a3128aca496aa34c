package stories

import (
	"context"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
)

// hand builds a storyDoc: article id, outlet and pin, a day (NaN for
// none), its vector (term ids ascending) and its top terms with weights.
type hand struct {
	id, outlet, pin string
	day             float64
	ids             []int32
	w               []float32
	top             []int32
	topW            []float32
}

func docsOf(hs ...hand) []storyDoc {
	out := make([]storyDoc, len(hs))
	for i, h := range hs {
		a := &corpus.Article{ID: h.id, Title: "Title " + h.id, Outlet: h.outlet, Story: h.pin}
		if !math.IsNaN(h.day) {
			a.Date = corpus.Date{Time: time.Unix(int64(h.day*86400), 0).UTC(), Precision: corpus.PrecisionDay}
		}
		out[i] = storyDoc{a: a, n: int64(i + 1), vec: tfidf.Vector{IDs: h.ids, W: h.w}, top: h.top, topW: h.topW, day: h.day}
	}
	return out
}

var nan = math.NaN()

func TestDates(t *testing.T) {
	for p, want := range map[corpus.Precision]float64{corpus.PrecisionDay: 0, corpus.PrecisionApproximate: 3,
		corpus.PrecisionMonth: 16, corpus.PrecisionYear: 183, "": 3} {
		if got := dateSlack(p); got != want {
			t.Errorf("dateSlack(%q) = %v, want %v", p, got, want)
		}
	}
	for _, tc := range []struct {
		a, b, slackA, slackB float64
		gap, factor          float64
	}{
		{100, 100, 0, 0, 0, 1},
		{100, 107, 0, 0, 7, 1},          // within sameStoryDays
		{100, 114, 0, 0, 14, 0.5},       // halfway to fadeDays
		{100, 121, 0, 0, 21, 0},         // fadeDays
		{100, 130, 0, 0, 30, 0},         // beyond
		{100, 130, 16, 0, 14, 0.5},      // a month's slack
		{100, 90, 3, 3, 4, 1},           // order does not matter
		{nan, 100, 0, 0, math.NaN(), 1}, // unknown date
		{100, nan, 0, 0, math.NaN(), 1},
	} {
		a, b := storyDoc{day: tc.a, slack: tc.slackA}, storyDoc{day: tc.b, slack: tc.slackB}
		g := dayGap(a, b)
		if g != tc.gap && !(math.IsNaN(g) && math.IsNaN(tc.gap)) {
			t.Errorf("dayGap(%v±%v, %v±%v) = %v, want %v", tc.a, tc.slackA, tc.b, tc.slackB, g, tc.gap)
		}
		if f := dateFactor(a, b); f != tc.factor {
			t.Errorf("dateFactor(%v±%v, %v±%v) = %v, want %v", tc.a, tc.slackA, tc.b, tc.slackB, f, tc.factor)
		}
	}
}

// The index holds, for each term, the articles with it among their top
// terms with their weights, by slack group and date, then by number.
func TestBuildCandidateIndex(t *testing.T) {
	docs := docsOf(
		hand{id: "a", day: 10, ids: []int32{0, 2, 5}, w: []float32{.1, .2, .3}, top: []int32{5, 2}, topW: []float32{.3, .2}},
		hand{id: "b", day: nan, ids: []int32{2, 3}, w: []float32{.4, .5}, top: []int32{2}, topW: []float32{.4}},
		hand{id: "c", day: 5, ids: []int32{2, 5}, w: []float32{.6, .7}, top: []int32{5, 2}, topW: []float32{.7, .6}},
	)
	idx := buildCandidateIndex(docs)
	if idx.vocab != 6 {
		t.Errorf("vocab %d, want 6", idx.vocab)
	}
	want := map[int32][]int32{0: nil, 1: nil, 2: {2, 0, 1}, 3: nil, 4: nil, 5: {2, 0}} // c (day 5), a (day 10), b undated
	wantW := map[int32][]float32{2: {.6, .2, .4}, 5: {.7, .3}}
	for term := int32(0); term < idx.vocab; term++ {
		var arts []int32
		var ws []float32
		for _, p := range idx.post[idx.start[term]:idx.start[term+1]] {
			arts, ws = append(arts, p.doc), append(ws, p.w)
		}
		if !slices.Equal(arts, want[term]) || len(want[term]) > 0 && !slices.Equal(ws, wantW[term]) {
			t.Errorf("term %d: postings %v %v, want %v %v", term, arts, ws, want[term], wantW[term])
		}
	}
	if empty := buildCandidateIndex(nil); empty.vocab != 0 || len(empty.post) != 0 {
		t.Errorf("index of nothing: %+v", empty)
	}
}

// An article may link to the articles added before it, within
// relatedDays beyond both dates' slack; an undated article only to
// undated ones.
func TestInReach(t *testing.T) {
	for _, tc := range []struct {
		name   string
		d, o   float64
		slackD float64
		nD, nO int64
		want   bool
	}{
		{"earlier, same day", 100, 100, 0, 2, 1, true},
		{"later", 100, 100, 0, 1, 2, false},
		{"itself", 100, 100, 0, 1, 1, false},
		{"relatedDays apart", 220, 100, 0, 2, 1, true},
		{"one day more", 221, 100, 0, 2, 1, false},
		{"one day more, within slack", 221, 100, 3, 2, 1, true},
		{"undated and undated", nan, nan, 0, 2, 1, true},
		{"undated and dated", nan, 100, 0, 2, 1, false},
		{"dated and undated", 100, nan, 0, 2, 1, false},
	} {
		d := storyDoc{day: tc.d, slack: tc.slackD, n: tc.nD}
		o := storyDoc{day: tc.o, n: tc.nO}
		if got := inReach(&d, &o); got != tc.want {
			t.Errorf("%s: inReach = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// An article's candidates are the earlier articles in its reach sharing a
// top term, each with its full similarity (the cosine) and that scaled by
// dates; pairs under the threshold are left out.
func TestCandidateEdges(t *testing.T) {
	docs := docsOf(
		hand{id: "a", day: 100, ids: []int32{0, 1}, w: []float32{.6, .8}, top: []int32{0, 1}, topW: []float32{.6, .8}},
		hand{id: "b", day: 114, ids: []int32{0, 2}, w: []float32{.8, .6}, top: []int32{0, 2}, topW: []float32{.8, .6}},
		hand{id: "c", day: nan, ids: []int32{1, 2}, w: []float32{.6, .8}, top: []int32{2}, topW: []float32{.8}},
		hand{id: "d", day: 100, ids: []int32{3}, w: []float32{1}, top: nil, topW: nil}, // shares no term
		hand{id: "e", day: nan, ids: []int32{2}, w: []float32{1}, top: []int32{2}, topW: []float32{1}},
		hand{id: "f", day: 300, ids: []int32{0, 1}, w: []float32{.6, .8}, top: []int32{0, 1}, topW: []float32{.6, .8}}, // a's twin, too late
		hand{id: "g", day: 101, ids: []int32{0, 4}, w: []float32{.14, .99}, top: []int32{0}, topW: []float32{.14}},     // too little shared
	)
	for _, w := range []int{1, 3} {
		edges, err := scanAll(context.Background(), docs, buildCandidateIndex(docs), nil, 0.15, w, nil)
		if err != nil {
			t.Fatal(err)
		}
		ab := float64(float32(.6)) * float64(float32(.8))
		ce := float64(float32(.8)) * float64(float32(1))
		want := []Edge{
			{A: 1, B: 2, Content: ab, Score: ab * 0.5}, // 14 days apart: half
			{A: 3, B: 5, Content: ce, Score: ce},       // two undated articles
		}
		// b and c share term 2, but c is undated and b is not; f is 200
		// days after a.
		if !slices.Equal(edges, want) {
			t.Errorf("%d workers: edges %+v, want %+v", w, edges, want)
		}
	}
}

// An article keeps at most maxCandidates candidates, those that share the
// most top-term weight (ties to the article added first).
func TestScanKeepsBestCandidates(t *testing.T) {
	n := maxCandidates + 6
	var hs []hand
	for i := 0; i < n-1; i++ {
		// Articles 0..4 share only term 1 (weight .8·.1), the rest term 0
		// as well (more weight).
		h := hand{id: "x", day: nan, ids: []int32{0, 1}, w: []float32{.7, .7}, top: []int32{0, 1}, topW: []float32{.7, .1}}
		if i < 5 {
			h.ids, h.w, h.top, h.topW = []int32{1}, []float32{1}, []int32{1}, []float32{.1}
		}
		hs = append(hs, h)
	}
	hs = append(hs, hand{id: "last", day: nan, ids: []int32{0, 1}, w: []float32{.6, .8}, top: []int32{0, 1}, topW: []float32{.6, .8}})
	docs := docsOf(hs...)
	idx := buildCandidateIndex(docs)
	sc := newEdgeScanner(docs, idx)
	edges := sc.scan(nil, docs, idx, n-1, 0)
	if len(edges) != maxCandidates {
		t.Fatalf("%d candidates, want %d", len(edges), maxCandidates)
	}
	for _, e := range edges {
		if e.A <= 5 || e.B != int64(n) {
			t.Errorf("kept %d–%d: %d shares less than the others", e.A, e.B, e.A)
		}
	}
	for j := range sc.acc {
		if sc.acc[j] != 0 {
			t.Fatalf("scratch left dirty at %d", j)
		}
	}
}

// A term more than maxDocFreq of the articles in reach have among their
// top terms finds no candidate; counted in reach, not in the index.
func TestScanSkipsCommonTerms(t *testing.T) {
	common := hand{id: "x", day: 100, ids: []int32{0}, w: []float32{1}, top: []int32{0}, topW: []float32{1}}
	far := common
	far.day = 400
	var hs []hand
	for range maxDocFreq {
		hs = append(hs, common, far)
	}
	docs := docsOf(append(hs, common)...)
	idx := buildCandidateIndex(docs)
	if edges := newEdgeScanner(docs, idx).scan(nil, docs, idx, len(docs)-1, 0); len(edges) != maxCandidates {
		t.Errorf("maxDocFreq articles in reach: %d candidates, want %d", len(edges), maxCandidates)
	}
	docs = docsOf(append(hs, common, common)...)
	idx = buildCandidateIndex(docs)
	if edges := newEdgeScanner(docs, idx).scan(nil, docs, idx, len(docs)-1, 0); len(edges) != 0 {
		t.Errorf("a term of more than maxDocFreq articles in reach found %d candidates", len(edges))
	}
}

func TestSortEdges(t *testing.T) {
	edges := []edge{{2, 3, 0, .5}, {0, 4, 0, .9}, {1, 2, 0, .5}, {1, 1, 0, .5}, {0, 1, 0, .1}}
	sortEdges(edges)
	want := []edge{{0, 4, 0, .9}, {1, 1, 0, .5}, {1, 2, 0, .5}, {2, 3, 0, .5}, {0, 1, 0, .1}}
	if !slices.Equal(edges, want) {
		t.Errorf("sorted %v, want %v", edges, want)
	}
}

func TestNewClustersPinsFirst(t *testing.T) {
	c := newClusters(docsOf(hand{id: "a", pin: "P", day: nan}, hand{id: "b", day: nan}, hand{id: "c", pin: "P", day: nan},
		hand{id: "d", pin: "Q", day: nan}))
	if !slices.Equal(c.of, []int{0, 1, 0, 2}) || len(c.members) != 3 || !slices.Equal(c.members[0], []int{0, 2}) {
		t.Errorf("clusters %v %v", c.of, c.members)
	}
}

func TestCanJoin(t *testing.T) {
	docs := docsOf(hand{id: "a", outlet: "O1", day: nan}, hand{id: "b", outlet: "O1", day: nan}, hand{id: "c", outlet: "O2", day: nan},
		hand{id: "d", day: nan}, hand{id: "e", day: nan}, hand{id: "p", pin: "P", day: nan}, hand{id: "q", pin: "Q", day: nan})
	c := newClusters(docs)
	for _, tc := range []struct {
		a, b       int
		sameOutlet bool
		want       bool
	}{
		{0, 1, false, false}, // one outlet
		{0, 1, true, true},   // allowed with SameOutlet
		{0, 2, false, true},
		{3, 4, false, true}, // no outlet: never restricted
		{5, 6, true, false}, // two pins, always apart
		{5, 0, false, true}, // a pin and an unpinned article
	} {
		if got := c.canJoin(tc.a, tc.b, tc.sameOutlet); got != tc.want {
			t.Errorf("canJoin(%s, %s, %v) = %v", docs[tc.a].a.ID, docs[tc.b].a.ID, tc.sameOutlet, got)
		}
	}
}

// Three articles: a-b and b-c close, a-c far. Average linkage joins a and
// b, then c only if its mean similarity to both reaches the threshold.
func TestLinkAverageLinkage(t *testing.T) {
	mk := func() []storyDoc {
		return docsOf(
			hand{id: "a", day: nan, ids: []int32{0, 1}, w: []float32{.8, .6}},
			hand{id: "b", day: nan, ids: []int32{0, 1, 2}, w: []float32{.6, .6, .53}},
			hand{id: "c", day: nan, ids: []int32{2}, w: []float32{1}},
		)
	}
	docs := mk()
	ab, bc, ac := similarity(docs, 0, 1), similarity(docs, 1, 2), similarity(docs, 0, 2)
	if ac != 0 || ab < bc {
		t.Fatalf("fixture: ab %v bc %v ac %v", ab, bc, ac)
	}
	edges := []edge{{0, 1, ab, ab}, {1, 2, bc, bc}}
	for _, tc := range []struct {
		thr  float64
		want []int // article → cluster
	}{
		{(bc + ac) / 2, []int{0, 0, 0}},     // c's mean link to {a, b} just reaches it
		{(bc+ac)/2 + 0.001, []int{0, 0, 2}}, // just misses
		{ab + 0.001, []int{0, 1, 2}},        // no edge reaches it
	} {
		c := newClusters(mk())
		c.link(edges, tc.thr, false)
		if !slices.Equal(c.of, tc.want) {
			t.Errorf("thr %.4f: clusters %v, want %v", tc.thr, c.of, tc.want)
		}
	}
}

// The mean link takes the edge's own (date-scaled) score for its pair.
func TestMeanLink(t *testing.T) {
	docs := docsOf(hand{id: "a", day: nan, ids: []int32{0}, w: []float32{1}}, hand{id: "b", day: nan, ids: []int32{0}, w: []float32{1}},
		hand{id: "c", day: nan, ids: []int32{1}, w: []float32{1}})
	c := newClusters(docs)
	if got := c.meanLink(0, 1, edge{0, 1, 1, 0.25}); got != 0.25 {
		t.Errorf("meanLink = %v, want the edge's 0.25", got)
	}
	c.link([]edge{{0, 1, 1, 1}}, 0.5, false)
	if got := c.meanLink(0, 2, edge{0, 2, 0, 0}); got != 0 {
		t.Errorf("meanLink of {a,b} and c = %v, want 0", got)
	}
}

func TestMakeStory(t *testing.T) {
	docs := docsOf(
		hand{id: "z9", outlet: "B", day: 195, ids: []int32{0}, w: []float32{1}},
		hand{id: "a1", outlet: "A", day: 190, ids: []int32{0}, w: []float32{1}},
		hand{id: "m5", outlet: "A", day: nan, ids: []int32{1}, w: []float32{1}},
	)
	docs[0].a.Event = "The event"
	s := makeStory(docs, []int{0, 1, 2})
	if s.ID != "a1" || !slices.Equal(s.Articles, []string{"a1", "z9", "m5"}) || !slices.Equal(s.Outlets, []string{"A", "B"}) {
		t.Errorf("story %+v", s)
	}
	if s.Start.Time.Unix() != 190*86400 || s.End.Time.Unix() != 195*86400 || s.Pinned {
		t.Errorf("span %v – %v, pinned %v", s.Start, s.End, s.Pinned)
	}
	// a1 and z9 are equally central (each has similarity 1 to the other):
	// the first in date order names it, by its title (no event).
	if s.Name != "Title a1" || s.Score != round3((1+0+0)/3.0) {
		t.Errorf("name %q score %v", s.Name, s.Score)
	}
	one := makeStory(docs, []int{0})
	if one.Score != 1 || one.Name != "The event" {
		t.Errorf("story of one: %+v", one)
	}
	pinned := docsOf(hand{id: "p1", pin: "My Pin", day: nan}, hand{id: "p0", pin: "My Pin", day: nan})
	if s := makeStory(pinned, []int{0, 1}); s.ID != "story:my-pin" || s.Name != "My Pin" || !s.Pinned {
		t.Errorf("pinned story %+v", s)
	}
}

func TestLinkRelated(t *testing.T) {
	docs := docsOf(hand{id: "a", day: 100}, hand{id: "b", day: 150}, hand{id: "c", day: 400}, hand{id: "d", day: nan})
	stories := []Story{{ID: "A"}, {ID: "B"}, {ID: "C"}, {ID: "D"}}
	edges := []edge{
		{0, 1, 0.3, 0}, // 50 days apart: related
		{0, 2, 0.9, 0}, // 300 days apart: not
		{0, 3, 0.3, 0}, // unknown date: related
		{1, 3, 0.1, 0}, // under the threshold
		{0, 1, 0.2, 0}, // a weaker edge between A and B changes nothing
	}
	linkRelated(stories, []int{0, 1, 2, 3}, edges, docs, 0.15)
	want := [][]string{{"B", "D"}, {"A"}, nil, {"A"}}
	for i, s := range stories {
		if !slices.Equal(s.Related, want[i]) {
			t.Errorf("%s related %v, want %v", s.ID, s.Related, want[i])
		}
	}
}

func TestSortStories(t *testing.T) {
	day := func(d int) corpus.Date {
		return corpus.Date{Time: time.Unix(int64(d)*86400, 0).UTC(), Precision: corpus.PrecisionDay}
	}
	stories := []Story{{ID: "undated"}, {ID: "late", Start: day(9)}, {ID: "b", Start: day(3)}, {ID: "a", Start: day(3)}}
	sortStories(stories)
	var ids []string
	for _, s := range stories {
		ids = append(ids, s.ID)
	}
	if !slices.Equal(ids, []string{"a", "b", "late", "undated"}) {
		t.Errorf("order %v", ids)
	}
}

// The strongest terms are those shared with another article (df >= 2),
// strongest first, ties to the smaller id, at most topTerms.
func TestStrongestTerms(t *testing.T) {
	ids := []int32{1, 2, 3, 4, 5}
	ws := []float64{.5, .9, .5, .7, .95}
	df := []int32{0, 2, 3, 2, 2, 1} // term 5 is in one article only
	if got := strongestTerms(nil, ids, ws, df); !slices.Equal(got, []int{1, 3, 0, 2}) {
		t.Errorf("top %v, want positions [1 3 0 2]", got)
	}
	many := make([]int32, topTerms+10)
	mw := make([]float64, len(many))
	mdf := make([]int32, len(many))
	for i := range many {
		many[i], mw[i], mdf[i] = int32(i), float64(i), 2
	}
	top := strongestTerms(nil, many, mw, mdf)
	if len(top) != topTerms || top[0] != len(many)-1 || top[topTerms-1] != len(many)-topTerms {
		t.Errorf("top of many: %v", top)
	}
}
