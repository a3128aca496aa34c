package stories

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// Story is a group of articles that report the same event.
type Story struct {
	// ID is stable across runs and loads: the smallest member article id,
	// or "story:" + the pin for a story pinned in metadata.
	ID string `json:"id"`
	// Name is a short label for people: the pin, or the most central
	// article's metadata Event, or its title.
	Name     string   `json:"name"`
	Articles []string `json:"articles"` // article ids, oldest first
	Outlets  []string `json:"outlets"`  // distinct outlets, in article order
	// Start and End span the members' known dates (zero when none known).
	Start corpus.Date `json:"start"`
	End   corpus.Date `json:"end"`
	// Related lists the IDs of stories about the same actors at other
	// times, most related first.
	Related []string `json:"related,omitempty"`
	// Pinned is true when metadata named the story (Article.Story).
	Pinned bool `json:"pinned,omitempty"`
	// Score is the mean similarity (0..1) of the members' pairs; 1 for a
	// story of one article.
	Score float64 `json:"score"`
}

// Options tunes Group. The zero value is the default.
type Options struct {
	// SameOutlet lifts the rule that a story holds at most one article per
	// outlet (articles without an outlet are never restricted).
	SameOutlet bool
	// Threshold is the least similarity (0..1) for two articles to be in
	// one story; 0 means DefaultStoryThreshold.
	Threshold float64
	// Aliases resolves entity spellings; nil means entities.DefaultAliases().
	Aliases *entities.Aliases
	// Progress, when not nil, is called as grouping advances, with the
	// work done and the work in all (articles times the passes over
	// them); the last steps, linking and naming, are quick and not
	// counted. It is called from several goroutines at once, so it must
	// be safe for concurrent use, and quick.
	Progress func(done, total int)

	// workers bounds the goroutines Group uses; 0 means GOMAXPROCS. Tests
	// set 1 to check that the parallel path gives exactly what the
	// sequential one gives.
	workers int
}

// groupPasses is how many times Group goes over the articles in blocks:
// words, names, vectors, candidates. Progress counts articles per pass.
const groupPasses = 4

// progress counts Group's work for StoryOptions.Progress.
type progress struct {
	report func(done, total int)
	total  int
	done   atomic.Int64
}

// add records k more articles done in a pass.
func (p *progress) add(k int) {
	if p != nil && p.report != nil {
		p.report(int(p.done.Add(int64(k))), p.total)
	}
}

// Defaults for Group.
const (
	DefaultThreshold        = 0.15
	DefaultRelatedThreshold = 0.15
	// sameStoryDays is the date gap (beyond each date's slack) within which
	// two articles can report one event; beyond fadeDays they cannot.
	sameStoryDays = 7
	fadeDays      = 21
	// relatedDays bounds how far apart related stories may be.
	relatedDays = 120
	// topTerms is how many of an article's strongest terms go into the
	// candidate index; maxCandidates how many candidates each article keeps.
	topTerms      = 24
	maxCandidates = 40
)

// edge is a candidate pair of articles i < j with their similarity.
type edge struct {
	i, j    int32
	content float64 // text similarity, dates ignored
	s       float64 // with dates
}

// storyDoc is an article's features for grouping.
type storyDoc struct {
	a     *corpus.Article
	vec   tfidf.Vector
	top   []int32 // strongest terms, for the candidate index
	topW  []float32
	day   float64 // days since epoch, NaN when unknown
	slack float64
}

// Group sorts articles into stories. Similarity is the cosine of TF-IDF
// vectors over stemmed content words and resolved entities (title words
// count double), scaled down as known dates drift apart; candidate pairs come
// from an inverted index of each article's rarest strong terms, not from all
// pairs, so 10,000 articles group in seconds. Clusters grow by average link:
// two stories join when their articles' mean similarity reaches the
// threshold, never two articles of one outlet (unless SameOutlet) and never
// two different metadata pins. Stories are returned oldest first.
func Group(ctx context.Context, articles []*corpus.Article, opt Options) ([]Story, error) {
	thr := opt.Threshold
	if thr <= 0 {
		thr = DefaultThreshold
	}
	al := opt.Aliases
	if al == nil {
		al = entities.DefaultAliases()
	}
	w := pool.Workers(opt.workers, len(articles))
	prog := &progress{report: opt.Progress, total: groupPasses * len(articles)}
	docs, err := storyFeatures(ctx, articles, al, w, prog)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n := len(docs)
	// Candidate pairs from the inverted index of top terms: term t's
	// postings are postI/postW[start[t]:start[t+1]], articles ascending.
	vocab := int32(0)
	for _, d := range docs {
		if len(d.vec.IDs) > 0 {
			vocab = max(vocab, d.vec.IDs[len(d.vec.IDs)-1]+1)
		}
	}
	start := make([]int32, vocab+2)
	for _, d := range docs {
		for _, t := range d.top {
			start[t+2]++
		}
	}
	for t := 2; t < len(start); t++ {
		start[t] += start[t-1]
	}
	postI := make([]int32, start[len(start)-1])
	postW := make([]float32, len(postI))
	for i, d := range docs {
		for k, t := range d.top {
			postI[start[t+1]] = int32(i)
			postW[start[t+1]] = d.topW[k]
			start[t+1]++
		}
	}
	start = start[:vocab+1]
	maxDF := max(20, min(n/10, 300))
	// Each block of articles finds its own candidates; the blocks' edges,
	// concatenated in order, are the edges one scan would give.
	blockEdges := make([][]edge, pool.NumBlocks(n))
	type scratch struct {
		acc []float32
		// dense holds article i's weights by term id while its
		// candidates are scored: a lookup per term instead of a merge.
		dense   []float32
		touched []int32
	}
	scr := make([]scratch, w)
	var cancelled atomicFlag
	pool.Blocks(n, w, func(k, b, lo, hi int) {
		if cancelled.get() || ctx.Err() != nil {
			cancelled.set()
			return
		}
		sc := &scr[k]
		if sc.acc == nil {
			sc.acc, sc.dense = make([]float32, n), make([]float32, vocab)
		}
		acc, dense, touched := sc.acc, sc.dense, sc.touched
		var edges []edge
		for i := lo; i < hi; i++ {
			d := &docs[i]
			touched = touched[:0]
			for k, t := range d.top {
				from, to := start[t], start[t+1]
				if to-from > int32(maxDF) {
					continue
				}
				for x := from; x < to; x++ {
					j := postI[x]
					if int(j) <= i {
						continue
					}
					if acc[j] == 0 {
						touched = append(touched, j)
					}
					acc[j] += d.topW[k] * postW[x]
				}
			}
			if len(touched) > maxCandidates {
				slices.SortFunc(touched, func(x, y int32) int {
					switch {
					case acc[x] > acc[y]:
						return -1
					case acc[x] < acc[y]:
						return 1
					}
					return int(x - y)
				})
			}
			for k, id := range d.vec.IDs {
				dense[id] = d.vec.W[k]
			}
			for k, j := range touched {
				if k < maxCandidates {
					// The same sum, in the same order, as tfidf.Dot(d.vec,
					// docs[j].vec): terms d lacks add zero.
					var content float64
					dj := &docs[j]
					for x, id := range dj.vec.IDs {
						content += float64(dense[id]) * float64(dj.vec.W[x])
					}
					edges = append(edges, edge{int32(i), j, content, content * dateFactor(*d, *dj)})
				}
				acc[j] = 0
			}
			for _, id := range d.vec.IDs {
				dense[id] = 0
			}
		}
		sc.touched = touched
		blockEdges[b] = edges
		prog.add(hi - lo)
	})
	if cancelled.get() {
		return nil, ctx.Err()
	}
	total := 0
	for _, es := range blockEdges {
		total += len(es)
	}
	edges := make([]edge, 0, total)
	for _, es := range blockEdges {
		edges = append(edges, es...)
	}
	blockEdges = nil
	slices.SortFunc(edges, func(x, y edge) int {
		switch {
		case x.s > y.s:
			return -1
		case x.s < y.s:
			return 1
		case x.i != y.i:
			return int(x.i - y.i)
		}
		return int(x.j - y.j)
	})
	// Clusters: pins first.
	cl := make([]int, n) // article → cluster
	members := make([][]int, 0, n)
	pinOf := map[string]int{}
	for i, d := range docs {
		if p := d.a.Story; p != "" {
			if c, ok := pinOf[p]; ok {
				cl[i] = c
				members[c] = append(members[c], i)
				continue
			}
			pinOf[p] = len(members)
		}
		cl[i] = len(members)
		members = append(members, []int{i})
	}
	sim := func(i, j int) float64 { return tfidf.Dot(docs[i].vec, docs[j].vec) * dateFactor(docs[i], docs[j]) }
	canJoin := func(a, b int) bool {
		pa, pb := docs[members[a][0]].a.Story, docs[members[b][0]].a.Story
		if pa != "" && pb != "" && pa != pb {
			return false
		}
		if opt.SameOutlet {
			return true
		}
		for _, x := range members[a] {
			ox := docs[x].a.Outlet
			if ox == "" {
				continue
			}
			for _, y := range members[b] {
				if docs[y].a.Outlet == ox {
					return false
				}
			}
		}
		return true
	}
	for _, e := range edges {
		if e.s < thr {
			break
		}
		a, b := cl[e.i], cl[e.j]
		if a == b || !canJoin(a, b) {
			continue
		}
		var sum float64
		for _, x := range members[a] {
			for _, y := range members[b] {
				if (x == int(e.i) && y == int(e.j)) || (x == int(e.j) && y == int(e.i)) {
					sum += e.s
				} else {
					sum += sim(x, y)
				}
			}
		}
		if sum/float64(len(members[a])*len(members[b])) < thr {
			continue
		}
		if len(members[a]) < len(members[b]) {
			a, b = b, a
		}
		for _, y := range members[b] {
			cl[y] = a
		}
		members[a] = append(members[a], members[b]...)
		members[b] = nil
	}
	// Build stories.
	var stories []Story
	storyOf := make([]int, len(members))
	for c, ms := range members {
		storyOf[c] = -1
		if len(ms) == 0 {
			continue
		}
		storyOf[c] = len(stories)
		stories = append(stories, makeStory(docs, ms, sim))
	}
	// Related: the best content link between two stories, dates ignored,
	// for stories within relatedDays of each other.
	rel := map[[2]int]float64{}
	for _, e := range edges {
		a, b := storyOf[cl[e.i]], storyOf[cl[e.j]]
		if a == b || e.content < thr {
			continue
		}
		if gap := dayGap(docs[e.i], docs[e.j]); !math.IsNaN(gap) && gap > relatedDays {
			continue
		}
		if a > b {
			a, b = b, a
		}
		if e.content > rel[[2]int{a, b}] {
			rel[[2]int{a, b}] = e.content
		}
	}
	type relTo struct {
		id string
		s  float64
	}
	relOf := make([][]relTo, len(stories))
	for k, s := range rel {
		relOf[k[0]] = append(relOf[k[0]], relTo{stories[k[1]].ID, s})
		relOf[k[1]] = append(relOf[k[1]], relTo{stories[k[0]].ID, s})
	}
	for i := range stories {
		rs := relOf[i]
		sort.Slice(rs, func(x, y int) bool {
			if rs[x].s != rs[y].s {
				return rs[x].s > rs[y].s
			}
			return rs[x].id < rs[y].id
		})
		for _, r := range rs {
			stories[i].Related = append(stories[i].Related, r.id)
		}
	}
	sort.SliceStable(stories, func(i, j int) bool {
		ti, tj := stories[i].Start.Time, stories[j].Start.Time
		if !ti.Equal(tj) {
			if ti.IsZero() || tj.IsZero() {
				return tj.IsZero()
			}
			return ti.Before(tj)
		}
		return stories[i].ID < stories[j].ID
	})
	return stories, nil
}

// makeStory builds the Story value of one cluster.
func makeStory(docs []storyDoc, ms []int, sim func(i, j int) float64) Story {
	sort.Slice(ms, func(x, y int) bool {
		ax, ay := docs[ms[x]].a, docs[ms[y]].a
		if !ax.Date.Time.Equal(ay.Date.Time) {
			if ax.Date.Time.IsZero() || ay.Date.Time.IsZero() {
				return ay.Date.Time.IsZero()
			}
			return ax.Date.Time.Before(ay.Date.Time)
		}
		return ax.ID < ay.ID
	})
	s := Story{Score: 1}
	best, bestSum := ms[0], -1.0
	var total float64
	pairs := 0
	for _, x := range ms {
		var sum float64
		for _, y := range ms {
			if x != y {
				v := sim(x, y)
				sum += v
				if x < y {
					total += v
					pairs++
				}
			}
		}
		if sum > bestSum {
			best, bestSum = x, sum
		}
	}
	if pairs > 0 {
		s.Score = round3(total / float64(pairs))
	}
	seenOutlet := map[string]bool{}
	for _, x := range ms {
		a := docs[x].a
		s.Articles = append(s.Articles, a.ID)
		if a.Outlet != "" && !seenOutlet[a.Outlet] {
			seenOutlet[a.Outlet] = true
			s.Outlets = append(s.Outlets, a.Outlet)
		}
		if s.ID == "" || a.ID < s.ID {
			s.ID = a.ID
		}
		if a.Story != "" {
			s.Pinned = true
			s.Name = a.Story
		}
		if a.Date.Known() {
			if !s.Start.Known() || a.Date.Time.Before(s.Start.Time) {
				s.Start = a.Date
			}
			if !s.End.Known() || a.Date.Time.After(s.End.Time) {
				s.End = a.Date
			}
		}
	}
	if s.Pinned {
		s.ID = "story:" + slug(s.Name)
	}
	if s.Name == "" {
		c := docs[best].a
		s.Name = c.Event
		if s.Name == "" {
			s.Name = c.Title
		}
		if s.Name == "" {
			s.Name = c.ID
		}
	}
	return s
}

// slug makes a pin into an id: folded, words joined by "-".
func slug(s string) string {
	var parts []string
	for _, w := range tokens.Tokenize(s) {
		parts = append(parts, w.Key)
	}
	return strings.Join(parts, "-")
}

// storyFeatures computes each article's TF-IDF vector (stems of title,
// dek and body, title and dek counted twice, plus resolved entities) and its
// strongest terms, on w goroutines.
//
// Memory is what limits Group at scale, so no article's full token list
// outlives its analysis: the first pass keeps, per article, its distinct
// stems (as the worker's small ints) and, for the second pass, only the
// words that pass can need (forNames: capitalised words and connectors,
// 12% of the words of the synthetic corpus) in a compact form (offsets,
// an interned key, flags: 16 bytes a word). The second pass finds names;
// it needs every article's capitalisation (textStats) before it can tell
// names from sentence starts. Term ids are then given in the order the
// terms first appear (article by article, part by part, a part's words
// before its names), which is the order a single sequential scan gives, so
// the vectors do not depend on how the work was split.
func storyFeatures(ctx context.Context, articles []*corpus.Article, al *entities.Aliases, w int, prog *progress) ([]storyDoc, error) {
	n := len(articles)
	arts := make([]storyArticle, n)
	ws := make([]*storyWorker, w)
	for k := range ws {
		ws[k] = &storyWorker{memo: make(tokens.Memo, 4096), keyID: make(map[string]int32, 4096),
			stemID: make(map[string]int32, 4096), st: entities.NewCapitalisation()}
	}
	var cancelled atomicFlag
	stopped := func() bool {
		if cancelled.get() || ctx.Err() != nil {
			cancelled.set()
			return true
		}
		return false
	}
	pool.Blocks(n, w, func(k, _, lo, hi int) {
		if stopped() {
			return
		}
		wk := ws[k]
		for i := lo; i < hi; i++ {
			wk.first(articles[i], &arts[i], int32(k), int32(i+1))
		}
		prog.add(hi - lo)
	})
	if cancelled.get() {
		return nil, ctx.Err()
	}
	st := ws[0].st
	for _, wk := range ws[1:] {
		st.Merge(wk.st)
	}
	// Second pass: names, now that capitalisation is known everywhere.
	docsM := make([][][]entities.Mention, n)
	toksOf := make([][]tokens.Token, w) // each worker's scratch
	pool.Blocks(n, w, func(k, _, lo, hi int) {
		if stopped() {
			return
		}
		for i := lo; i < hi; i++ {
			a, art := articles[i], &arts[i]
			wk := ws[art.worker]
			docsM[i] = make([][]entities.Mention, len(art.parts)-1)
			for p := range docsM[i] {
				text := partText(a, p)
				if text == "" {
					continue
				}
				toks := toksOf[k][:0]
				for _, t := range art.toks[art.parts[p]:art.parts[p+1]] {
					key := text[t.start:t.end]
					if t.key >= 0 {
						key = wk.keys[t.key]
					}
					// extractMentions reads no stem or casualty class.
					toks = append(toks, tokens.Token{Start: int(t.start), End: int(t.end), Key: key,
						Stop: t.flags&fStop != 0, Num: t.flags&fNum != 0, Upper: t.flags&fUpper != 0,
						Caps: t.flags&fCaps != 0, Poss: t.flags&fPoss != 0})
				}
				toksOf[k] = toks
				docsM[i][p] = entities.FindMentions(text, toks, st, al, p == 0)
			}
			art.toks = nil
		}
		prog.add(hi - lo)
	})
	if cancelled.get() {
		return nil, ctx.Err()
	}
	entities.NewResolver(al).Resolve(docsM)
	// Term ids in order of first appearance; counts and document
	// frequencies.
	type tf struct {
		id int32
		n  float64
	}
	var (
		stemIDs = map[string]int32{}
		entIDs  = map[string]int32{}
		df      []int32
		seenAt  []int32 // term id → last article (+1) that counted it
		slot    []int32 // term id → its index in that article's tfs
	)
	newTerm := func() int32 {
		id := int32(len(df))
		df = append(df, 0)
		seenAt = append(seenAt, 0)
		slot = append(slot, 0)
		return id
	}
	gid := make([][]int32, w) // worker stem index → term id, -1 unset
	for c, wk := range ws {
		gid[c] = make([]int32, len(wk.stems))
		for x := range gid[c] {
			gid[c][x] = -1
		}
	}
	tfs := make([][]tf, n)
	for i := range arts {
		if i%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		art := &arts[i]
		c := art.worker
		wk := ws[c]
		var out []tf
		next := 0
		for k := range docsM[i] {
			weight := 1.0
			if k < 2 {
				weight = 2
			}
			for ; next < len(art.stems) && int(art.stems[next].part) == k; next++ {
				sc := art.stems[next]
				id := gid[c][sc.stem]
				if id < 0 {
					s := wk.stems[sc.stem]
					var ok bool
					if id, ok = stemIDs[s]; !ok {
						id = newTerm()
						stemIDs[s] = id
					}
					gid[c][sc.stem] = id
				}
				df[id]++
				out = append(out, tf{id, float64(sc.n)})
			}
			for _, m := range docsM[i][k] {
				id, ok := entIDs[m.Entity]
				if !ok {
					id = newTerm()
					entIDs[m.Entity] = id
				}
				if seenAt[id] != int32(i+1) {
					seenAt[id] = int32(i + 1)
					slot[id] = int32(len(out))
					df[id]++
					out = append(out, tf{id, 0})
				}
				out[slot[id]].n += weight
			}
		}
		tfs[i] = out
		docsM[i], art.stems = nil, nil
	}
	docs := make([]storyDoc, n)
	N := float64(n)
	pool.Blocks(n, w, func(_, _, lo, hi int) {
		var (
			keys []uint64 // term id << 32 | position in tfs[i]
			ws   []float64
			top  []int // positions in keys, best first
		)
		for i := lo; i < hi; i++ {
			a := articles[i]
			d := storyDoc{a: a, day: math.NaN()}
			if a.Date.Known() {
				d.day = float64(a.Date.Time.Unix()) / 86400
				d.slack = dateSlack(a.Date.Precision)
			}
			// The article's terms by id (ids are distinct, so the
			// order is total).
			keys = keys[:0]
			for x, t := range tfs[i] {
				keys = append(keys, uint64(t.id)<<32|uint64(x))
			}
			slices.Sort(keys)
			ws = ws[:0]
			var norm float64
			for _, k := range keys {
				t := tfs[i][uint32(k)]
				wt := tfidf.Weight(t.n, N, df[t.id])
				ws = append(ws, wt)
				norm += wt * wt
			}
			tfs[i] = nil
			inv := 0.0
			if norm > 0 {
				inv = 1 / math.Sqrt(norm)
			}
			d.vec = tfidf.Vector{IDs: make([]int32, len(keys)), W: make([]float32, len(keys))}
			for x, k := range keys {
				d.vec.IDs[x] = int32(k >> 32)
				d.vec.W[x] = float32(ws[x] * inv)
			}
			// Top terms: the topTerms strongest weights (ties to the
			// smaller id) among terms shared with some other article
			// (df >= 2); a term of one article finds no candidate.
			better := func(x, y int) bool { return ws[x] > ws[y] || ws[x] == ws[y] && d.vec.IDs[x] < d.vec.IDs[y] }
			top = top[:0]
			for x, id := range d.vec.IDs {
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
			d.top = make([]int32, len(top))
			d.topW = make([]float32, len(top))
			for y, x := range top {
				d.top[y] = d.vec.IDs[x]
				d.topW[y] = float32(ws[x] * inv)
			}
			docs[i] = d
		}
		prog.add(hi - lo)
	})
	return docs, nil
}

// ctok is a word kept between Group's passes: its byte range, its key (an
// index in the worker's keys, or -1 when the key is the word as written)
// and the flags extractMentions reads.
type ctok struct {
	start, end int32
	key        int32
	flags      uint8
}

// ctok flags.
const (
	fStop = 1 << iota
	fNum
	fUpper
	fCaps
	fPoss
)

// stemCount is one distinct stem of an article.
type stemCount struct {
	stem int32 // index in the worker's stems
	part int32 // the part it first appears in
	n    int32 // occurrences, title and dek counted twice
}

// storyArticle is what Group's first pass keeps of an article.
type storyArticle struct {
	worker int32   // the worker whose keys and stems the indexes refer to
	toks   []ctok  // the words forNames keeps
	parts  []int32 // part k's words are toks[parts[k]:parts[k+1]]
	stems  []stemCount
}

// storyWorker is one worker's state in Group's first pass: its memo,
// interned strings and scratch buffers.
type storyWorker struct {
	memo    tokens.Memo
	keyID   map[string]int32
	keys    []string
	keyStem []int32 // memo key number (token.sid) → stem index, -1 until needed
	stemID  map[string]int32
	stems   []string
	st      *entities.Capitalisation

	toks   []tokens.Token
	ctoks  []ctok
	counts []stemCount
	seenAt []int32 // stem index → the stamp of the article that last counted it
	slot   []int32 // stem index → its position in that article's counts
}

// first is Group's first pass over one article: tokens, capitalisation,
// stem counts, and the words the second pass needs.
func (wk *storyWorker) first(a *corpus.Article, art *storyArticle, worker, stamp int32) {
	art.worker = worker
	wk.ctoks, wk.counts = wk.ctoks[:0], wk.counts[:0]
	nparts := 2 + len(a.Body)
	art.parts = make([]int32, 0, nparts+1)
	for k := 0; k < nparts; k++ {
		art.parts = append(art.parts, int32(len(wk.ctoks)))
		text := partText(a, k)
		if text == "" {
			continue
		}
		wk.toks = tokens.TokenizeInto(wk.toks, text, wk.memo, nil)
		toks := wk.toks
		wk.st.Observe(toks, k == 0)
		weight := int32(1)
		if k < 2 {
			weight = 2
		}
		for x, t := range toks {
			if t.Stem != "" {
				wk.countStem(t, int32(k), weight, stamp)
			}
			if !entities.UsedByMentions(toks, x) {
				continue
			}
			var f uint8
			if t.Stop {
				f |= fStop
			}
			if t.Num {
				f |= fNum
			}
			if t.Upper {
				f |= fUpper
			}
			if t.Caps {
				f |= fCaps
			}
			if t.Poss {
				f |= fPoss
			}
			// Most keys are the word as written (lower case ASCII); the
			// others are interned.
			kid := int32(-1)
			if t.Key != text[t.Start:t.End] {
				var ok bool
				if kid, ok = wk.keyID[t.Key]; !ok {
					kid = int32(len(wk.keys))
					wk.keyID[t.Key] = kid
					wk.keys = append(wk.keys, t.Key)
				}
			}
			wk.ctoks = append(wk.ctoks, ctok{int32(t.Start), int32(t.End), kid, f})
		}
	}
	art.parts = append(art.parts, int32(len(wk.ctoks)))
	art.toks = slices.Clone(wk.ctoks)
	art.stems = slices.Clone(wk.counts)
}

// countStem adds a word to the current article's stem counts.
func (wk *storyWorker) countStem(t tokens.Token, part, weight, stamp int32) {
	// A word's stem depends on its key alone: look the stem up once per key
	// (t.sid numbers this worker's keys).
	for int(t.KeyID) >= len(wk.keyStem) {
		wk.keyStem = append(wk.keyStem, -1)
	}
	sid := wk.keyStem[t.KeyID]
	if sid < 0 {
		var ok bool
		if sid, ok = wk.stemID[t.Stem]; !ok {
			sid = int32(len(wk.stems))
			wk.stemID[t.Stem] = sid
			wk.stems = append(wk.stems, t.Stem)
			wk.seenAt = append(wk.seenAt, 0)
			wk.slot = append(wk.slot, 0)
		}
		wk.keyStem[t.KeyID] = sid
	}
	if wk.seenAt[sid] == stamp {
		wk.counts[wk.slot[sid]].n += weight
	} else {
		wk.seenAt[sid] = stamp
		wk.slot[sid] = int32(len(wk.counts))
		wk.counts = append(wk.counts, stemCount{sid, part, weight})
	}
}

// partText is part k of an article as Group reads it: the title, the dek,
// then the body paragraphs.
func partText(a *corpus.Article, k int) string {
	switch k {
	case 0:
		return a.Title
	case 1:
		return a.Dek
	}
	return a.Body[k-2].Text
}

// atomicFlag is a flag goroutines set and read without a lock.
type atomicFlag struct{ v atomic.Bool }

func (f *atomicFlag) set()      { f.v.Store(true) }
func (f *atomicFlag) get() bool { return f.v.Load() }

// dateSlack is how many days off a date of this precision may be.
func dateSlack(p corpus.Precision) float64 {
	switch p {
	case corpus.PrecisionDay:
		return 0
	case corpus.PrecisionApproximate:
		return 3
	case corpus.PrecisionMonth:
		return 16
	case corpus.PrecisionYear:
		return 183
	}
	return 3
}

// dayGap is the days between two articles beyond their dates' slack; NaN
// when either date is unknown.
func dayGap(a, b storyDoc) float64 {
	if math.IsNaN(a.day) || math.IsNaN(b.day) {
		return math.NaN()
	}
	return math.Max(0, math.Abs(a.day-b.day)-a.slack-b.slack)
}

// dateFactor scales similarity by date distance: 1 within sameStoryDays,
// fading linearly to 0 at fadeDays; 1 when a date is unknown.
func dateFactor(a, b storyDoc) float64 {
	g := dayGap(a, b)
	switch {
	case math.IsNaN(g) || g <= sameStoryDays:
		return 1
	case g >= fadeDays:
		return 0
	}
	return 1 - (g-sameStoryDays)/(fadeDays-sameStoryDays)
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
