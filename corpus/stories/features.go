package stories

import (
	"context"
	"math"
	"slices"
	"sync/atomic"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// storyDoc is an article's features for grouping.
type storyDoc struct {
	a     *corpus.Article
	vec   tfidf.Vector
	top   []int32 // strongest terms, for the candidate index
	topW  []float32
	day   float64 // days since epoch, NaN when unknown
	slack float64
}

// storyFeatures computes each article's TF-IDF vector (stems of title,
// dek and body, title and dek counted twice, plus resolved entities) and its
// strongest terms, on w goroutines.
//
// Memory is what limits Group at scale, so no article's full token list
// outlives its analysis: the first pass keeps, per article, its distinct
// stems (as the worker's small ints) and, for the second pass, only the
// words that pass can need (entities.UsedByMentions: capitalised words and
// connectors, 12% of the words of the synthetic corpus) in a compact form
// (offsets, an interned key, flags: 16 bytes a word). The second pass
// finds names; it needs every article's capitalisation before it can tell
// names from sentence starts. Term ids are then given in the order the
// terms first appear (article by article, part by part, a part's words
// before its names), which is the order a single sequential scan gives, so
// the vectors do not depend on how the work was split.
func storyFeatures(ctx context.Context, articles []*corpus.Article, al *entities.Aliases, w int, prog *progress) ([]storyDoc, error) {
	stop := &canceller{ctx: ctx}
	arts, ws := firstPass(articles, w, prog, stop)
	if stop.cancelled() {
		return nil, ctx.Err()
	}
	caps := ws[0].caps
	for _, wk := range ws[1:] {
		caps.Merge(wk.caps)
	}
	mentions := findNames(articles, arts, ws, caps, al, w, prog, stop)
	if stop.cancelled() {
		return nil, ctx.Err()
	}
	entities.NewResolver(al).Resolve(mentions)
	tfs, df, err := countTerms(ctx, arts, ws, mentions)
	if err != nil {
		return nil, err
	}
	return weighDocs(articles, tfs, df, w, prog), nil
}

// canceller stops the passes over the articles once the context is done:
// a block that finds it so skips its work, and the pass then reports the
// context's error.
type canceller struct {
	ctx  context.Context
	flag atomic.Bool
}

// stopped reports whether the work should stop, and remembers it.
func (c *canceller) stopped() bool {
	if c.flag.Load() || c.ctx.Err() != nil {
		c.flag.Store(true)
		return true
	}
	return false
}

// cancelled reports whether some block stopped.
func (c *canceller) cancelled() bool { return c.flag.Load() }

// firstPass runs each article's first pass (storyWorker.first) on w
// workers.
func firstPass(articles []*corpus.Article, w int, prog *progress, stop *canceller) ([]storyArticle, []*storyWorker) {
	arts := make([]storyArticle, len(articles))
	ws := make([]*storyWorker, w)
	for k := range ws {
		ws[k] = newStoryWorker()
	}
	pool.Blocks(len(articles), w, func(k, _, lo, hi int) {
		if stop.stopped() {
			return
		}
		wk := ws[k]
		for i := lo; i < hi; i++ {
			wk.first(articles[i], &arts[i], int32(k), int32(i+1))
		}
		prog.add(hi - lo)
	})
	return arts, ws
}

// findNames is the second pass: each article's mentions, by part, from the
// words the first pass kept, now that capitalisation is known everywhere.
// It lets go of the kept words.
func findNames(articles []*corpus.Article, arts []storyArticle, ws []*storyWorker, caps *entities.Capitalisation,
	al *entities.Aliases, w int, prog *progress, stop *canceller) [][][]entities.Mention {
	mentions := make([][][]entities.Mention, len(articles))
	toksOf := make([][]tokens.Token, w) // each worker's scratch
	pool.Blocks(len(articles), w, func(k, _, lo, hi int) {
		if stop.stopped() {
			return
		}
		for i := lo; i < hi; i++ {
			a, art := articles[i], &arts[i]
			wk := ws[art.worker]
			mentions[i] = make([][]entities.Mention, len(art.parts)-1)
			for p := range mentions[i] {
				text := partText(a, p)
				if text == "" {
					continue
				}
				toks := toksOf[k][:0]
				for _, t := range art.toks[art.parts[p]:art.parts[p+1]] {
					toks = append(toks, wk.expand(text, t))
				}
				toksOf[k] = toks
				mentions[i][p] = entities.FindMentions(text, toks, caps, al, p == 0)
			}
			art.toks = nil
		}
		prog.add(hi - lo)
	})
	return mentions
}

// termCount is a term of an article and its weighted count.
type termCount struct {
	id int32
	n  float64
}

// termTable gives term ids in order of first appearance and counts the
// articles each term appears in (df). Stems and entities are terms of
// their own kinds: they never meet.
type termTable struct {
	stemIDs, entIDs map[string]int32
	df              []int32
	seenAt          []int32 // term id → last article (+1) that counted it
	slot            []int32 // term id → its index in that article's counts
	// gid maps each worker's stem indexes to term ids, -1 unset.
	gid [][]int32
}

func newTermTable(ws []*storyWorker) *termTable {
	tt := &termTable{stemIDs: map[string]int32{}, entIDs: map[string]int32{}, gid: make([][]int32, len(ws))}
	for c, wk := range ws {
		tt.gid[c] = make([]int32, len(wk.stems))
		for x := range tt.gid[c] {
			tt.gid[c][x] = -1
		}
	}
	return tt
}

func (tt *termTable) newTerm() int32 {
	id := int32(len(tt.df))
	tt.df = append(tt.df, 0)
	tt.seenAt = append(tt.seenAt, 0)
	tt.slot = append(tt.slot, 0)
	return id
}

// stemTerm is the term id of stem index x of worker c's stems.
func (tt *termTable) stemTerm(c int32, x int32, ws []*storyWorker) int32 {
	id := tt.gid[c][x]
	if id < 0 {
		s := ws[c].stems[x]
		var ok bool
		if id, ok = tt.stemIDs[s]; !ok {
			id = tt.newTerm()
			tt.stemIDs[s] = id
		}
		tt.gid[c][x] = id
	}
	return id
}

// count lists article i's terms with their counts, part by part, a part's
// stems before its names (an entity counts once per mention, twice in the
// title and dek), and adds the article to their df.
func (tt *termTable) count(i int, art *storyArticle, mentions [][]entities.Mention, ws []*storyWorker) []termCount {
	var out []termCount
	next := 0
	for k := range mentions {
		weight := float64(partWeight(k))
		for ; next < len(art.stems) && int(art.stems[next].part) == k; next++ {
			sc := art.stems[next]
			id := tt.stemTerm(art.worker, sc.stem, ws)
			tt.df[id]++
			out = append(out, termCount{id, float64(sc.n)})
		}
		for _, m := range mentions[k] {
			id, ok := tt.entIDs[m.Entity]
			if !ok {
				id = tt.newTerm()
				tt.entIDs[m.Entity] = id
			}
			if tt.seenAt[id] != int32(i+1) {
				tt.seenAt[id] = int32(i + 1)
				tt.slot[id] = int32(len(out))
				tt.df[id]++
				out = append(out, termCount{id, 0})
			}
			out[tt.slot[id]].n += weight
		}
	}
	return out
}

// countTerms counts every article's terms, in article order, letting go
// of the first pass's stems and the mentions as it goes; it returns the
// counts and the document frequencies by term id.
func countTerms(ctx context.Context, arts []storyArticle, ws []*storyWorker, mentions [][][]entities.Mention) ([][]termCount, []int32, error) {
	tt := newTermTable(ws)
	tfs := make([][]termCount, len(arts))
	for i := range arts {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		tfs[i] = tt.count(i, &arts[i], mentions[i], ws)
		mentions[i], arts[i].stems = nil, nil
	}
	return tfs, tt.df, nil
}

// weighDocs turns every article's term counts into its storyDoc (see
// weigh), on w workers, letting go of the counts.
func weighDocs(articles []*corpus.Article, tfs [][]termCount, df []int32, w int, prog *progress) []storyDoc {
	docs := make([]storyDoc, len(articles))
	N := float64(len(articles))
	pool.Blocks(len(articles), w, func(_, _, lo, hi int) {
		var sc weighScratch
		for i := lo; i < hi; i++ {
			docs[i] = sc.weigh(articles[i], tfs[i], df, N)
			tfs[i] = nil
		}
		prog.add(hi - lo)
	})
	return docs
}

// weighScratch is one worker's buffers for weigh.
type weighScratch struct {
	keys []uint64 // term id << 32 | position in the counts
	ws   []float64
	top  []int // positions in keys, best first
}

// weigh builds an article's storyDoc from its term counts: the
// L2-normalised TF-IDF vector over n articles, its top terms, and its date.
func (sc *weighScratch) weigh(a *corpus.Article, tf []termCount, df []int32, n float64) storyDoc {
	d := storyDoc{a: a, day: math.NaN()}
	if a.Date.Known() {
		d.day = float64(a.Date.Time.Unix()) / 86400
		d.slack = dateSlack(a.Date.Precision)
	}
	// The article's terms by id (ids are distinct, so the order is total).
	sc.keys = sc.keys[:0]
	for x, t := range tf {
		sc.keys = append(sc.keys, uint64(t.id)<<32|uint64(x))
	}
	slices.Sort(sc.keys)
	sc.ws = sc.ws[:0]
	var norm float64
	for _, k := range sc.keys {
		t := tf[uint32(k)]
		wt := tfidf.Weight(t.n, n, df[t.id])
		sc.ws = append(sc.ws, wt)
		norm += wt * wt
	}
	inv := 0.0
	if norm > 0 {
		inv = 1 / math.Sqrt(norm)
	}
	d.vec = tfidf.Vector{IDs: make([]int32, len(sc.keys)), W: make([]float32, len(sc.keys))}
	for x, k := range sc.keys {
		d.vec.IDs[x] = int32(k >> 32)
		d.vec.W[x] = float32(sc.ws[x] * inv)
	}
	sc.top = strongestTerms(sc.top[:0], d.vec.IDs, sc.ws, df)
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
