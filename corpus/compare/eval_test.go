package compare

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/tokens"
	"github.com/pmureader/pmureader/internal/evalcorpus"
	"github.com/pmureader/pmureader/internal/evaldata"
)

// The alignment evaluation (issue 10) on ../shared/eval: news_synth_dev
// (paraphrased accounts: recall of gold sentence links, predicted links per
// gold link, share of the gold sources given a row whose row holds a gold
// target), in two halves so that what is chosen on one is checked on the
// other, and news_ecb (is a gold target the first counterpart, or among
// the first three?).

// evalPair is two documents of a data set and their gold sentence links.
type evalPair struct {
	arts [2]*corpus.Article
	gold map[int][]int
}

// evalSet is a data set's documents and linked pairs, in link id order.
type evalSet struct {
	docs  map[string]*corpus.Article
	pairs []evalPair
}

// loadEvalSet reads a data set of ../shared/eval, or skips the test.
func loadEvalSet(t testing.TB, name string) *evalSet {
	t.Helper()
	dir, err := evaldata.Dir(name)
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	docs, err := evalcorpus.Articles(dir)
	if err != nil {
		t.Fatal(err)
	}
	links, err := evaldata.Links(dir)
	if err != nil {
		t.Fatal(err)
	}
	set := &evalSet{docs: docs}
	for _, l := range links {
		a, b := docs[l.Doc1], docs[l.Doc2]
		if a == nil || b == nil {
			t.Fatalf("%s: links name unknown docs %s, %s", name, l.Doc1, l.Doc2)
		}
		set.pairs = append(set.pairs, evalPair{arts: [2]*corpus.Article{a, b}, gold: l.Links})
	}
	return set
}

// half is the pairs of one half: 0 the even-numbered, 1 the odd, -1 all.
func (s *evalSet) half(h int) []evalPair {
	var out []evalPair
	for i, p := range s.pairs {
		if h < 0 || i%2 == h {
			out = append(out, p)
		}
	}
	return out
}

// linkFigures are news_synth's three figures, counted.
type linkFigures struct {
	gold, pred, hit   int
	sources, srcRight int
}

func (f linkFigures) recall() float64  { return float64(f.hit) / float64(max(1, f.gold)) }
func (f linkFigures) perGold() float64 { return float64(f.pred) / float64(max(1, f.gold)) }
func (f linkFigures) right() float64   { return float64(f.srcRight) / float64(max(1, f.sources)) }

func (f linkFigures) String() string {
	return fmt.Sprintf("recall %.3f, %.2f links per gold link, %.3f right", f.recall(), f.perGold(), f.right())
}

// add counts one pair's predicted sentence links against its gold.
func (f *linkFigures) add(gold map[int][]int, pred map[[2]int]bool) {
	bySrc := map[int][]int{}
	for l := range pred {
		bySrc[l[0]] = append(bySrc[l[0]], l[1])
	}
	f.pred += len(pred)
	for s, ts := range gold {
		f.gold += len(ts)
		for _, t := range ts {
			if pred[[2]int{s, t}] {
				f.hit++
			}
		}
		if got := bySrc[s]; len(got) > 0 {
			f.sources++
			if slices.ContainsFunc(got, func(x int) bool { return slices.Contains(ts, x) }) {
				f.srcRight++
			}
		}
	}
}

// rankFigures are news_ecb's top-1 and top-3, counted.
type rankFigures struct{ total, top1, top3 int }

func (r rankFigures) t1() float64 { return float64(r.top1) / float64(max(1, r.total)) }
func (r rankFigures) t3() float64 { return float64(r.top3) / float64(max(1, r.total)) }

func (r rankFigures) String() string {
	return fmt.Sprintf("top-1 %.3f, top-3 %.3f over %d linked sentences", r.t1(), r.t3(), r.total)
}

// add ranks, for each gold source sentence, the target sentences by the
// comparison's counterparts (a sentence split in two counts once).
func (r *rankFigures) add(c *Comparison, gold map[int][]int) {
	first := map[int]int{} // paragraph (sentence) → its first passage
	for _, p := range c.Articles[0].Passages {
		if _, ok := first[p.Paragraph]; !ok {
			first[p.Paragraph] = p.Index
		}
	}
	for src, tgts := range gold {
		r.total++
		p, ok := first[src]
		if !ok {
			continue
		}
		var ranked []int
		for _, m := range c.Counterparts(passages.Ref{Article: 0, Passage: p}, 6)[1] {
			if para := c.Articles[1].Passages[m.Passage].Paragraph; !slices.Contains(ranked, para) {
				ranked = append(ranked, para)
			}
		}
		for k, para := range ranked[:min(3, len(ranked))] {
			if slices.Contains(tgts, para) {
				if k == 0 {
					r.top1++
				}
				r.top3++
				break
			}
		}
	}
}

// rowLinks is the sentence pairs (article 0's sentence, article 1's) a
// comparison of two documents puts in one row.
func rowLinks(c *Comparison) map[[2]int]bool {
	out := map[[2]int]bool{}
	para := func(r passages.Ref) int { return c.Articles[r.Article].Passages[r.Passage].Paragraph }
	for _, row := range c.Rows {
		for _, x := range row.Passages {
			for _, y := range row.Passages {
				if x.Article == 0 && y.Article == 1 {
					out[[2]int{para(x), para(y)}] = true
				}
			}
		}
	}
	return out
}

// measure compares every pair with opt and counts both sets of figures.
func measure(t testing.TB, pairs []evalPair, opt Options) (linkFigures, rankFigures) {
	t.Helper()
	var lf linkFigures
	var rf rankFigures
	for _, p := range pairs {
		c, err := Compare(p.arts[:], opt)
		if err != nil {
			t.Fatal(err)
		}
		lf.add(p.gold, rowLinks(c))
		rf.add(c, p.gold)
	}
	return lf, rf
}

// logLine prints a figure line to the test log and to standard output, so
// that `go test -run Eval` shows the figures without -v too.
func logLine(t testing.TB, format string, args ...any) {
	t.Helper()
	s := fmt.Sprintf(format, args...)
	t.Log(s)
	fmt.Println(s)
}

// ecbEvents groups news_ecb's documents by event (the number before the
// first "_" of an id), each event's documents in id order.
func ecbEvents(s *evalSet) [][]*corpus.Article {
	byEvent := map[string][]*corpus.Article{}
	for id, a := range s.docs {
		ev, _, _ := strings.Cut(id, "_")
		byEvent[ev] = append(byEvent[ev], a)
	}
	keys := make([]string, 0, len(byEvent))
	for k := range byEvent {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([][]*corpus.Article, 0, len(keys))
	for _, k := range keys {
		docs := byEvent[k]
		slices.SortFunc(docs, func(a, b *corpus.Article) int { return strings.Compare(a.ID, b.ID) })
		out = append(out, docs)
	}
	return out
}

// rowPairs is the pairs of passages a comparison puts in one row, as
// (article ID, passage) pairs, so that comparisons of different sets of
// articles can be matched.
type passageKey struct {
	id string
	p  int
}

func rowPairs(c *Comparison) map[[2]passageKey]bool {
	out := map[[2]passageKey]bool{}
	for _, r := range c.Rows {
		for x, a := range r.Passages {
			for _, b := range r.Passages[x+1:] {
				ka := passageKey{c.Articles[a.Article].ID, a.Passage}
				kb := passageKey{c.Articles[b.Article].ID, b.Passage}
				if ka.id > kb.id {
					ka, kb = kb, ka
				}
				out[[2]passageKey{ka, kb}] = true
			}
		}
	}
	return out
}

// stability counts, for comparisons of n documents of one event, the
// passage pairs each two-way comparison of two of them puts in one row,
// and how many of those the n-way comparison still puts in one row.
func stability(t testing.TB, docs []*corpus.Article) (kept, total int) {
	t.Helper()
	all, err := Compare(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	nway := rowPairs(all)
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			two, err := Compare([]*corpus.Article{docs[i], docs[j]}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for p := range rowPairs(two) {
				total++
				if nway[p] {
					kept++
				}
			}
		}
	}
	return kept, total
}

// The targets (issue 10).
const (
	targetSynthRecall  = 0.65 // gold links in one row
	targetSynthPerGold = 1.3  // predicted links per gold link, at most
	targetSynthRight   = 0.85 // gold sources given a row whose row holds a gold target
	targetTop1         = 0.70
	targetTop3         = 0.90
	targetStability    = 0.95
)

// TestEvalAlignment measures alignment with default settings: on
// news_synth_dev, each half and the whole (the threshold was chosen on
// half A, so half B is held out), and on news_ecb; each must meet the
// issue's targets.
func TestEvalAlignment(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the alignment evaluation in -short mode")
	}
	synth := loadEvalSet(t, "news_synth_dev")
	for _, h := range []int{0, 1, -1} {
		name := map[int]string{0: "half A (tuning)", 1: "half B (held out)", -1: "all"}[h]
		f, _ := measure(t, synth.half(h), Options{})
		logLine(t, "news_synth_dev %s, %d pairs: %s", name, len(synth.half(h)), f)
		if f.recall() < targetSynthRecall || f.perGold() > targetSynthPerGold || f.right() < targetSynthRight {
			t.Errorf("news_synth_dev %s: %s; want recall ≥ %.2f, ≤ %.1f links per gold link, right ≥ %.2f",
				name, f, targetSynthRecall, targetSynthPerGold, targetSynthRight)
		}
	}
	ecb := loadEvalSet(t, "news_ecb")
	_, r := measure(t, ecb.half(-1), Options{})
	logLine(t, "news_ecb: %s", r)
	if r.t1() < targetTop1 || r.t3() < targetTop3 {
		t.Errorf("news_ecb %s; want top-1 ≥ %.2f, top-3 ≥ %.2f", r, targetTop1, targetTop3)
	}
}

// TestEvalNWayStability: on news_ecb events of four or more documents, of
// the passage pairs each two-way comparison of two documents puts in one
// row, how many the comparison of four, five and six of the event's
// documents (the first by id) still puts in one row.
func TestEvalNWayStability(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the stability evaluation in -short mode")
	}
	ecb := loadEvalSet(t, "news_ecb")
	kept, total := 0, 0
	for n := 4; n <= MaxArticles; n++ {
		k, tt, events := 0, 0, 0
		for _, docs := range ecbEvents(ecb) {
			if len(docs) < n {
				continue
			}
			events++
			a, b := stability(t, docs[:n])
			k += a
			tt += b
		}
		logLine(t, "news_ecb, %d documents of each of %d events: %d of %d two-way row pairs still share a row (%.3f)",
			n, events, k, tt, float64(k)/float64(max(tt, 1)))
		kept += k
		total += tt
	}
	if s := float64(kept) / float64(max(total, 1)); s < targetStability || total == 0 {
		t.Errorf("stability %.3f (%d of %d); want ≥ %.2f", s, kept, total, targetStability)
	}
}

// TestEvalWeakLinks prints how often links are right by score (on
// news_synth_dev, links from gold source sentences; the gold is partial, so
// these are lower bounds) and how many links join accounts of different
// events of one kind (news_ecb documents of the most alike other event),
// under and over WeakBelow. It asserts that weak links are the less often
// right, and that most links between different events are weak.
func TestEvalWeakLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the evaluation in -short mode")
	}
	synth := loadEvalSet(t, "news_synth_dev")
	var n, right [2]int // weak, strong
	for _, p := range synth.pairs {
		c, err := Compare(p.arts[:], Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range c.Links {
			a, _ := c.Passage(l.A)
			b, _ := c.Passage(l.B)
			ts, ok := p.gold[a.Paragraph]
			if !ok {
				continue
			}
			k := 0
			if l.Score >= WeakBelow {
				k = 1
			}
			n[k]++
			if slices.Contains(ts, b.Paragraph) {
				right[k]++
			}
		}
	}
	ecb := loadEvalSet(t, "news_ecb")
	var other [2]int
	passagesN := 0
	for _, p := range alikeEventPairs(ecb) {
		c, err := Compare(p[:], Options{})
		if err != nil {
			t.Fatal(err)
		}
		passagesN += min(len(c.Articles[0].Passages), len(c.Articles[1].Passages))
		for _, l := range c.Links {
			if l.Score >= WeakBelow {
				other[1]++
			} else {
				other[0]++
			}
		}
	}
	pr := func(k int) float64 { return float64(right[k]) / float64(max(n[k], 1)) }
	logLine(t, "news_synth_dev links from gold sources: weak (< %.2f) %d, %.2f right; strong %d, %.2f right", WeakBelow, n[0], pr(0), n[1], pr(1))
	logLine(t, "news_ecb, accounts of different events of one kind: %d weak and %d strong links over %d passages (%.3f strong per passage)",
		other[0], other[1], passagesN, float64(other[1])/float64(max(passagesN, 1)))
	if pr(0) >= pr(1) || other[0] < 2*other[1] {
		t.Errorf("weak links are not the weak ones: synth %.2f vs %.2f right; different events %d weak, %d strong", pr(0), pr(1), other[0], other[1])
	}
}

// alikeEventPairs pairs documents of different news_ecb events that are
// most alike: for each event, its first four documents (by id) with the
// first four of the event whose documents share the most rare words with
// its own. Every link between them joins accounts of different events.
func alikeEventPairs(s *evalSet) [][2]*corpus.Article {
	events := ecbEvents(s)
	bags := make([]map[string]float64, len(events))
	df := map[string]float64{}
	for e, docs := range events {
		bags[e] = map[string]float64{}
		for _, a := range docs {
			seen := map[string]bool{}
			for _, p := range a.Body {
				for _, tk := range tokens.Tokenize(p.Text) {
					if tk.Stem != "" && !seen[tk.Stem] {
						seen[tk.Stem] = true
						bags[e][tk.Stem] += 1 / float64(len(docs))
					}
				}
			}
		}
		for w := range bags[e] {
			df[w]++
		}
	}
	for e := range bags {
		var norm float64
		for w, x := range bags[e] {
			bags[e][w] = x * math.Log(float64(len(events))/df[w])
			norm += bags[e][w] * bags[e][w]
		}
		for w := range bags[e] {
			bags[e][w] /= math.Sqrt(norm)
		}
	}
	var out [][2]*corpus.Article
	for e := range events {
		best, bs := -1, -1.0
		for o := range events {
			if o == e {
				continue
			}
			var d float64
			for w, x := range bags[e] {
				d += x * bags[o][w]
			}
			if d > bs {
				best, bs = o, d
			}
		}
		for x := 0; x < 4 && x < len(events[e]) && x < len(events[best]); x++ {
			out = append(out, [2]*corpus.Article{events[e][x], events[best][x]})
		}
	}
	return out
}

// TestEvalAblation measures the scoring with each of its parts taken out
// (the README's table in "How passages are lined up") on news_synth_dev and
// half of news_ecb's pairs (the even-numbered, to spare time), and checks that each part earns its place on news_synth_dev:
// without it, fewer gold links are found or more links are made per gold
// link.
func TestEvalAblation(t *testing.T) {
	if os.Getenv("PMUREADER_ABLATION") == "" {
		t.Skip("the ablation is a study, not a target: PMUREADER_ABLATION=1 go test ./corpus/compare -run Ablation -v")
	}
	synth := loadEvalSet(t, "news_synth_dev")
	ecb := loadEvalSet(t, "news_ecb")
	run := func(name string, sc scoring) linkFigures {
		f, _ := measure(t, synth.half(-1), Options{scoring: &sc})
		_, r := measure(t, ecb.half(0), Options{scoring: &sc})
		logLine(t, "%-22s news_synth_dev %s | news_ecb half %s", name, f, r)
		return f
	}
	base := run("default", defaultScoring)
	for _, c := range []struct {
		name string
		off  func(*scoring)
	}{
		{"no word vectors", func(s *scoring) { s.vector = 0 }},
		{"word vectors only", func(s *scoring) { s.vector = 1 }},
		{"own IDF only", func(s *scoring) { s.bgMix = 0 }},
		{"no neighbours", func(s *scoring) { s.neigh = 0 }},
		{"no guard", func(s *scoring) { s.guardFrom = 2 }},
		{"no stand-out (CSLS)", func(s *scoring) { s.stand = 0 }},
		{"no news priors", func(s *scoring) { s.pos, s.lead = 0, 0 }},
	} {
		sc := defaultScoring
		c.off(&sc)
		if f := run(c.name, sc); f.recall() >= base.recall() && f.perGold() <= base.perGold() {
			t.Errorf("%s: %s, as good as the default (%s)", c.name, f, base)
		}
	}
}
