package stories

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// Stored is one article's features as a store keeps them: the article's
// number, id and date, and its encoded features (Extracted.Encode).
type Stored struct {
	N     int64
	ID    string
	Unix  int64 // the date, seconds since 1970 UTC, when Dated
	Dated bool
	Data  []byte
}

// Info is what a Window tells of one of its articles.
type Info struct {
	N     int64
	ID    string
	Unix  int64
	Dated bool
	Slack float64 // days its date may be off (Slack of its precision)
	Pin   string  // its metadata story pin, "" for none
}

// A Window holds stored articles weighed for grouping: a stretch of the
// timeline, to scan the articles in it for candidates, or the articles of
// some stories, to cluster them. It weighs with the statistics it was
// made with.
type Window struct {
	st   *Stats
	docs []storyDoc
	at   map[int64]int32  // article number → place in docs
	idx  *candidateIndex  // of docs, built when a scan needs it
	ids  map[string]int64 // article id → number, made when needed
}

// NewWindow returns an empty window weighing by st.
func NewWindow(st *Stats) *Window { return &Window{st: st, at: map[int64]int32{}} }

// Len is the number of articles in the window.
func (w *Window) Len() int { return len(w.docs) }

// Add decodes and weighs stored features on workers goroutines and adds
// them; articles the window holds already are left as they are.
func (w *Window) Add(ctx context.Context, fs []Stored, workers int) error {
	fresh := make([]Stored, 0, len(fs))
	for _, f := range fs {
		if _, ok := w.at[f.N]; !ok {
			w.at[f.N] = -1 // a duplicate in fs is added once
			fresh = append(fresh, f)
		}
	}
	docs := make([]storyDoc, len(fresh))
	errs := make([]error, len(fresh))
	stop := &canceller{ctx: ctx}
	pool.Blocks(len(fresh), pool.Workers(workers, len(fresh)), func(_, _, lo, hi int) {
		if stop.stopped() {
			return
		}
		var sc weighScratch
		for i := lo; i < hi; i++ {
			docs[i], errs[i] = w.st.weighStored(&sc, fresh[i])
		}
	})
	if stop.cancelled() {
		for _, f := range fresh {
			delete(w.at, f.N)
		}
		return ctx.Err()
	}
	for i := range docs {
		if errs[i] != nil {
			delete(w.at, fresh[i].N)
			continue
		}
		w.at[fresh[i].N] = int32(len(w.docs))
		w.docs = append(w.docs, docs[i])
	}
	w.idx, w.ids = nil, nil
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("article %s: %w", fresh[i].ID, err)
		}
	}
	return nil
}

// weighStored weighs one stored article.
func (st *Stats) weighStored(sc *weighScratch, f Stored) (storyDoc, error) {
	m, tf, err := decode(f.Data)
	if err != nil {
		return storyDoc{}, err
	}
	for _, t := range tf {
		if int(t.id) >= len(st.class) {
			return storyDoc{}, fmt.Errorf("term %d is not in the vocabulary (%d terms)", t.id, len(st.class))
		}
	}
	a := &corpus.Article{ID: f.ID, Outlet: m.outlet, Story: m.pin, Event: m.name, CopyOf: m.copyOf}
	if f.Dated {
		a.Date = corpus.Date{Time: time.Unix(f.Unix, 0).UTC(), Precision: m.precision}
	}
	return sc.weigh(a, f.N, tf, st), nil
}

// Keep drops the articles for which keep is false.
func (w *Window) Keep(keep func(Info) bool) {
	kept := w.docs[:0]
	for i := range w.docs {
		if keep(infoOf(&w.docs[i])) {
			kept = append(kept, w.docs[i])
		}
	}
	clear(w.docs[len(kept):])
	w.docs = kept
	clear(w.at)
	for i := range w.docs {
		w.at[w.docs[i].n] = int32(i)
	}
	w.idx, w.ids = nil, nil
}

// Info tells of article n, when the window holds it.
func (w *Window) Info(n int64) (Info, bool) {
	i, ok := w.at[n]
	if !ok {
		return Info{}, false
	}
	return infoOf(&w.docs[i]), true
}

func infoOf(d *storyDoc) Info {
	in := Info{N: d.n, ID: d.a.ID, Pin: d.a.Story}
	if d.a.Date.Known() {
		in.Unix, in.Dated, in.Slack = d.a.Date.Time.Unix(), true, d.slack
	}
	return in
}

// Slack is how many days off a date of this precision may be.
func Slack(p corpus.Precision) float64 { return dateSlack(p) }

// ScanSpan is the stretch of dates (seconds since 1970, inclusive) a
// window must hold, with every undated article, to scan an article dated
// unix with this slack, when no article's slack exceeds maxSlack: its
// reach, the articles it may link to.
func ScanSpan(unix int64, slack, maxSlack float64) (from, to int64) {
	r := int64(math.Ceil((relatedDays+slack+maxSlack+1)*86400)) + 1
	return unix - r, unix + r
}

// Scan finds the edges of the articles ns (which the window must hold),
// each against the articles of the window in its reach, on workers
// goroutines (0: GOMAXPROCS); edges whose similarity is under thr are
// left out. The window must hold each one's reach (ScanSpan): the edges
// are then exactly those Group finds for them.
func (w *Window) Scan(ctx context.Context, ns []int64, thr float64, workers int) ([]Edge, error) {
	which := make([]int, len(ns))
	for k, n := range ns {
		i, ok := w.at[n]
		if !ok {
			return nil, fmt.Errorf("stories: article %d is not in the window", n)
		}
		which[k] = int(i)
	}
	if w.idx == nil {
		idx := buildCandidateIndex(w.docs)
		w.idx = &idx
	}
	return scanAll(ctx, w.docs, *w.idx, which, thr, pool.Workers(workers, len(ns)), nil)
}

// Cluster groups the articles ns (which the window must hold) by average
// linkage over the edges among them, under the options' threshold,
// outlet and pin rules, and returns their stories, without Related, and
// each story's articles by number (in the order of Story.Articles). ns
// must be whole components: every article an edge scoring at least the
// threshold, or a pin, joins to one of them must be among them; the
// stories are then exactly those Group makes of them. Edges with an end
// outside ns are ignored.
func (w *Window) Cluster(ns []int64, edges []Edge, opt Options) ([]Story, [][]int64, error) {
	ns = slices.Clone(ns)
	slices.Sort(ns)
	ns = slices.Compact(ns)
	docs := make([]storyDoc, len(ns))
	for k, n := range ns {
		i, ok := w.at[n]
		if !ok {
			return nil, nil, fmt.Errorf("stories: article %d is not in the window", n)
		}
		docs[k] = w.docs[i]
	}
	place := func(n int64) int32 {
		k := sort.Search(len(ns), func(k int) bool { return ns[k] >= n })
		if k == len(ns) || ns[k] != n {
			return -1
		}
		return int32(k)
	}
	var es []edge
	for _, e := range edges {
		if a, b := place(e.A), place(e.B); a >= 0 && b >= 0 {
			es = append(es, edge{min(a, b), max(a, b), e.Content, e.Score})
		}
	}
	sortEdges(es)
	cl := newClusters(docs)
	thr := opt.EffectiveThreshold()
	cl.link(es, thr, opt.SameOutlet)
	stories, _ := buildStories(cl)
	members := make([][]int64, len(stories))
	for k, s := range stories {
		for _, id := range s.Articles {
			members[k] = append(members[k], w.byID(id))
		}
	}
	return stories, members, nil
}

// byID is the number of the window's article with this id (0 when it has
// none); the map is made on first use.
func (w *Window) byID(id string) int64 {
	if w.ids == nil {
		w.ids = make(map[string]int64, len(w.docs))
		for i := range w.docs {
			w.ids[w.docs[i].a.ID] = w.docs[i].n
		}
	}
	return w.ids[id]
}

// EffectiveThreshold is the similarity threshold the options ask for:
// Threshold, or DefaultThreshold when it is not set.
func (opt Options) EffectiveThreshold() float64 {
	if opt.Threshold <= 0 {
		return DefaultThreshold
	}
	return opt.Threshold
}
