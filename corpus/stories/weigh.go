package stories

import (
	"math"
	"slices"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
)

// storyDoc is an article weighed for grouping.
type storyDoc struct {
	a     *corpus.Article
	n     int64 // its number: its place in the order articles were added
	vec   tfidf.Vector
	top   []int32 // strongest terms, for the candidate index
	topW  []float32
	day   float64 // days since epoch, NaN when unknown
	slack float64
}

// weighScratch is one worker's buffers for weigh.
type weighScratch struct {
	keys []uint64 // class id << 32 | position in the counts
	ids  []int32
	ws   []float64
	top  []int // positions in ids, best first
}

// weigh builds an article's storyDoc from its term counts (vocabulary
// ids, any order): its terms become their classes (two spellings of one
// name in one article add up), weighed by TF-IDF over the statistics,
// L2-normalised; its top terms; its date.
func (sc *weighScratch) weigh(a *corpus.Article, n int64, tf []termCount, st *Stats) storyDoc {
	d := storyDoc{a: a, n: n, day: math.NaN()}
	if a.Date.Known() {
		d.day = float64(a.Date.Time.Unix()) / 86400
		d.slack = dateSlack(a.Date.Precision)
	}
	sc.keys = sc.keys[:0]
	for x, t := range tf {
		sc.keys = append(sc.keys, uint64(st.class[t.id])<<32|uint64(x))
	}
	slices.Sort(sc.keys)
	sc.ids, sc.ws = sc.ids[:0], sc.ws[:0]
	var norm float64
	for k := 0; k < len(sc.keys); {
		c := int32(sc.keys[k] >> 32)
		var count int32
		for ; k < len(sc.keys) && int32(sc.keys[k]>>32) == c; k++ {
			count += tf[uint32(sc.keys[k])].n
		}
		wt := tfidf.Weight(float64(count), float64(st.n), st.classDF[c])
		sc.ids = append(sc.ids, c)
		sc.ws = append(sc.ws, wt)
		norm += wt * wt
	}
	inv := 0.0
	if norm > 0 {
		inv = 1 / math.Sqrt(norm)
	}
	d.vec = tfidf.Vector{IDs: slices.Clone(sc.ids), W: make([]float32, len(sc.ids))}
	for x := range sc.ids {
		d.vec.W[x] = float32(sc.ws[x] * inv)
	}
	sc.top = strongestTerms(sc.top[:0], d.vec.IDs, sc.ws, st.classDF)
	d.top = make([]int32, len(sc.top))
	d.topW = make([]float32, len(sc.top))
	for y, x := range sc.top {
		d.top[y] = d.vec.IDs[x]
		d.topW[y] = float32(sc.ws[x] * inv)
	}
	return d
}

// strongestTerms appends to top the positions of the topTerms strongest
// weights ws (ties to the smaller id of ids) among terms shared with some
// other article (df >= 2), strongest first: a term of one article finds
// no candidate.
func strongestTerms(top []int, ids []int32, ws []float64, df []int32) []int {
	better := func(x, y int) bool { return ws[x] > ws[y] || ws[x] == ws[y] && ids[x] < ids[y] }
	for x, id := range ids {
		if df[id] < 2 || (len(top) == topTerms && !better(x, top[len(top)-1])) {
			continue
		}
		if len(top) < topTerms {
			top = append(top, x)
		} else {
			top[len(top)-1] = x
		}
		for y := len(top) - 1; y > 0 && better(top[y], top[y-1]); y-- {
			top[y], top[y-1] = top[y-1], top[y]
		}
	}
	return top
}
