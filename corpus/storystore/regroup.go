package storystore

import (
	"context"
	"encoding/json"
	"slices"
	"sort"

	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// Regroup groups the whole library again from its stored features, with
// the statistics as they are now: it extracts the features of the
// articles that have none (of every article, after a change of the alias
// table or of the feature encoding), scans every article in a window that
// slides along the timeline, clusters the components in batches, then
// links related stories; memory holds a window of the timeline and a
// batch of components, not the library. Each step saves a checkpoint
// with its work, so that Regroup (or GroupNew) called after an
// interruption resumes where it stopped. Articles added during a regroup
// are grouped by the next GroupNew.
func Regroup(ctx context.Context, lib *library.Library, opt Options) (Report, error) {
	r := newRun(lib, opt)
	st, err := r.readState(ctx)
	if err != nil {
		return r.rep, err
	}
	return r.regroup(ctx, st)
}

// regroup runs or resumes a full regroup.
func (r *run) regroup(ctx context.Context, st state) (Report, error) {
	r.rep.Full = true
	cp := st.checkpt
	if cp == nil || cp.Version != r.version || cp.Options != r.optionsKey() {
		var err error
		if cp, err = r.startRegroup(ctx, st); err != nil {
			return r.rep, err
		}
	}
	if err := r.extractNew(ctx, 0); err != nil {
		return r.rep, err
	}
	featured, err := r.checkCounts(ctx, &st)
	if err != nil {
		return r.rep, err
	}
	if cp.Below == 0 {
		if cp.Below, err = r.lastFeatured(ctx); err != nil {
			return r.rep, err
		}
		if err := r.save(ctx, cp, nil); err != nil {
			return r.rep, err
		}
	}
	stats, err := r.stats(ctx, featured)
	if err != nil {
		return r.rep, err
	}
	all, err := r.featuredAfter(ctx, 0, cp.Below)
	if err != nil {
		return r.rep, err
	}
	if cp.Phase == phaseScan {
		if err := r.scanAll(ctx, stats, all, cp); err != nil {
			return r.rep, err
		}
	}
	if cp.Phase == phaseCluster {
		if err := r.clusterAll(ctx, stats, all, cp); err != nil {
			return r.rep, err
		}
	}
	return r.rep, r.relateAll(ctx, all, cp, featured)
}

// startRegroup starts a regroup: when the stored features are of another
// version, it clears what grouping stored.
func (r *run) startRegroup(ctx context.Context, st state) (*checkpoint, error) {
	cp := &checkpoint{Version: r.version, Options: r.optionsKey(), Phase: phaseScan}
	b, err := json.Marshal(cp)
	if err != nil {
		return nil, err
	}
	state := map[string]string{keyRegroup: string(b), keyVersion: itoa(r.version), keyOptions: r.optionsKey()}
	if st.version != r.version {
		state[keyCounted], state[keyGrouped], state[keyBase], state[keyRemoved] = "", "", "", ""
		return cp, r.lib.ClearGrouping(ctx, state)
	}
	return cp, r.lib.SetGroupingState(ctx, state)
}

// save saves the checkpoint, with more state.
func (r *run) save(ctx context.Context, cp *checkpoint, more map[string]string) error {
	return r.lib.SetGroupingState(ctx, r.withCheckpoint(cp, more))
}

func (r *run) withCheckpoint(cp *checkpoint, more map[string]string) map[string]string {
	b, err := json.Marshal(cp)
	if err != nil {
		panic(err) // a struct of numbers and strings always encodes
	}
	out := map[string]string{keyRegroup: string(b)}
	for k, v := range more {
		out[k] = v
	}
	return out
}

// lastFeatured is the highest number of a featured article.
func (r *run) lastFeatured(ctx context.Context) (int64, error) {
	return r.lib.LastFeatured(ctx, r.version)
}

// scanAll is the regroup's sweep: every article, from where the
// checkpoint says.
func (r *run) scanAll(ctx context.Context, stats *stories.Stats, all []target, cp *checkpoint) error {
	var todo []target
	for _, t := range all {
		switch {
		case cp.Undated:
			if !t.dated && t.n > cp.N {
				todo = append(todo, t)
			}
		case !t.dated || cp.N == 0 || t.unix > cp.Unix || t.unix == cp.Unix && t.n > cp.N:
			todo = append(todo, t)
		}
	}
	r.skip(len(all) - len(todo))
	err := r.sweep(ctx, stats, todo, func(last target) map[string]string {
		cp.Unix, cp.N, cp.Undated = last.unix, last.n, !last.dated
		return r.withCheckpoint(cp, nil)
	})
	if err != nil {
		return err
	}
	cp.Phase = phaseCluster
	return r.save(ctx, cp, nil)
}

// clusterBatch is about how many articles one batch of components holds.
const clusterBatch = 4000

// clusterAll clusters every component, in a fixed order, a batch at a
// time, writing each batch's stories (their related lists come after) and
// resuming after the last batch written.
func (r *run) clusterAll(ctx context.Context, stats *stories.Stats, all []target, cp *checkpoint) error {
	comps, err := r.allComponents(ctx, all)
	if err != nil {
		return err
	}
	written := 0
	for _, c := range comps[:cp.Next] {
		written += len(c)
	}
	r.skip(written)
	r.grow(len(all) - written)
	for k := cp.Next; k < len(comps); {
		var ns []int64
		j := k
		for ; j < len(comps) && (j == k || len(ns)+len(comps[j]) <= clusterBatch); j++ {
			ns = append(ns, comps[j]...)
		}
		put, err := r.clusterBatch(ctx, stats, ns)
		if err != nil {
			return err
		}
		cp.Next = j
		if err := r.lib.UpdateStories(ctx, library.StoryUpdate{Put: put, State: r.withCheckpoint(cp, nil)}); err != nil {
			return err
		}
		r.rep.Clustered += len(ns)
		r.rep.Stories += len(put)
		r.step(len(ns))
		k = j
	}
	cp.Phase = phaseRelated
	return r.save(ctx, cp, nil)
}

// clusterBatch clusters some whole components.
func (r *run) clusterBatch(ctx context.Context, stats *stories.Stats, ns []int64) ([]library.Story, error) {
	fs, err := r.lib.FeaturesOf(ctx, r.version, ns)
	if err != nil {
		return nil, err
	}
	w := stories.NewWindow(stats)
	if err := w.Add(ctx, storedOf(fs), r.workers); err != nil {
		return nil, err
	}
	edges, err := r.lib.EdgesOf(ctx, ns)
	if err != nil {
		return nil, err
	}
	made, _, err := w.Cluster(ns, storiesEdges(edges), r.sopt)
	if err != nil {
		return nil, err
	}
	put := make([]library.Story, len(made))
	for k, s := range made {
		put[k] = library.Story{ID: s.ID, Name: s.Name, Members: s.Articles, Pinned: s.Pinned, Score: s.Score}
	}
	return put, nil
}

// allComponents splits the articles all into components (edges at the
// threshold, and pins), ordered by their first article's date (undated
// ones last), then by their first article's number.
func (r *run) allComponents(ctx context.Context, all []target) ([][]int64, error) {
	ns := make([]int64, len(all)) // ascending: all is by number
	for k, t := range all {
		ns[k] = t.n
	}
	at := func(n int64) int {
		k := sort.Search(len(ns), func(k int) bool { return ns[k] >= n })
		if k < len(ns) && ns[k] == n {
			return k
		}
		return -1
	}
	parent := make([]int32, len(ns))
	for k := range parent {
		parent[k] = int32(k)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	join := func(a, b int) {
		if a >= 0 && b >= 0 {
			ra, rb := find(int32(a)), find(int32(b))
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	err := r.lib.EachEdge(ctx, func(es []library.Edge) error {
		for _, e := range es {
			if e.Score >= r.thr {
				join(at(e.A), at(e.B))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pins, err := r.lib.PinnedArticles(ctx, nil)
	if err != nil {
		return nil, err
	}
	for _, p := range pins {
		for _, n := range p[1:] {
			join(at(p[0]), at(n))
		}
	}
	byRoot := map[int32]int{}
	var comps [][]int64
	var first []target // each component's earliest article
	for k, t := range all {
		root := find(int32(k))
		c, ok := byRoot[root]
		if !ok {
			c = len(comps)
			byRoot[root] = c
			comps = append(comps, nil)
			first = append(first, t)
		}
		comps[c] = append(comps[c], t.n)
		if earlier(t, first[c]) {
			first[c] = t
		}
	}
	order := make([]int, len(comps))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int {
		if earlier(first[a], first[b]) {
			return -1
		}
		if earlier(first[b], first[a]) {
			return 1
		}
		return 0
	})
	out := make([][]int64, len(comps))
	for k, c := range order {
		out[k] = comps[c]
	}
	return out, nil
}

// earlier orders articles by date, undated last, then by number.
func earlier(a, b target) bool {
	switch {
	case a.dated != b.dated:
		return a.dated
	case a.dated && a.unix != b.unix:
		return a.unix < b.unix
	}
	return a.n < b.n
}

// relateBatch is how many stories' related lists one transaction writes.
const relateBatch = 20000

// relateAll gives every story its related list from every edge, then
// drops the stories left without members and ends the regroup.
func (r *run) relateAll(ctx context.Context, all []target, cp *checkpoint, featured int) error {
	ns := make([]int64, len(all))
	for k, t := range all {
		ns[k] = t.n
	}
	storyOf, err := r.lib.StoriesOf(ctx, ns)
	if err != nil {
		return err
	}
	best := map[string]map[string]float64{}
	err = r.lib.EachEdge(ctx, func(es []library.Edge) error {
		for _, e := range es {
			a, b := storyOf[e.A], storyOf[e.B]
			if e.Content < r.thr || a == b || a == "" || b == "" {
				continue
			}
			for _, p := range [2][2]string{{a, b}, {b, a}} {
				if best[p[0]] == nil {
					best[p[0]] = map[string]float64{}
				}
				best[p[0]][p[1]] = max(best[p[0]][p[1]], e.Content)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, s := range storyOf {
		ids[s] = true
	}
	sorted := make([]string, 0, len(ids))
	for id := range ids {
		sorted = append(sorted, id)
	}
	slices.Sort(sorted)
	r.grow(len(sorted))
	// The last batch also ends the regroup, so that no write follows the
	// last step.
	for k := 0; k == 0 || k < len(sorted); k += relateBatch {
		batch := sorted[k:min(len(sorted), k+relateBatch)]
		u := library.StoryUpdate{Related: map[string][]string{}}
		for _, id := range batch {
			u.Related[id] = stories.RankRelated(best[id])
		}
		if k+relateBatch >= len(sorted) {
			u.DropEmpty = true
			u.State = map[string]string{keyRegroup: "", keyGrouped: itoa(cp.Below), keyBase: itoa(featured), keyRemoved: ""}
		}
		if err := r.lib.UpdateStories(ctx, u); err != nil {
			return err
		}
		r.step(len(batch))
	}
	return nil
}
