package storystore

import (
	"context"
	"slices"

	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// regroupAround regroups the stories new articles touch: the whole
// components (articles joined by edges scoring at least the threshold,
// or by pins) that hold a target, whose clustering depends on nothing
// else; their old stories go, their new ones come, and the stories
// related to them get their related lists again. One transaction, which
// also marks the targets grouped.
func (r *run) regroupAround(ctx context.Context, stats *stories.Stats, targets []target) error {
	w := stories.NewWindow(stats)
	members, edges, err := r.components(ctx, w, targets)
	if err != nil {
		return err
	}
	r.grow(len(members))
	made, numbers, err := w.Cluster(members, storiesEdges(edges), r.sopt)
	if err != nil {
		return err
	}
	old, err := r.lib.StoriesOf(ctx, members)
	if err != nil {
		return err
	}
	assign := map[int64]string{} // the members' new stories
	put := make([]library.Story, len(made))
	kept := map[string]bool{}
	for k, s := range made {
		put[k] = library.Story{ID: s.ID, Name: s.Name, Members: s.Articles, Pinned: s.Pinned, Score: s.Score}
		kept[s.ID] = true
		for _, n := range numbers[k] {
			assign[n] = s.ID
		}
	}
	var remove []string
	for _, id := range old {
		if !kept[id] && !slices.Contains(remove, id) {
			remove = append(remove, id)
		}
	}
	rel, err := r.relatedAround(ctx, assign, edges)
	if err != nil {
		return err
	}
	for k := range put {
		put[k].Related = rel[put[k].ID]
		delete(rel, put[k].ID)
	}
	grouped := int64(0)
	for _, t := range targets {
		grouped = max(grouped, t.n)
	}
	err = r.lib.UpdateStories(ctx, library.StoryUpdate{Remove: remove, Put: put, Related: rel,
		State: map[string]string{keyGrouped: itoa(grouped)}})
	if err != nil {
		return err
	}
	r.rep.Clustered += len(members)
	r.rep.Stories += len(put)
	r.step(len(members))
	return nil
}

// components gathers the whole components that hold the targets, breadth
// first over the stored edges and the pins, loading the articles into w.
// It returns their articles, ascending, and every edge that touches one.
func (r *run) components(ctx context.Context, w *stories.Window, targets []target) ([]int64, []library.Edge, error) {
	seen := map[int64]bool{}
	var frontier []int64
	for _, t := range targets {
		if !seen[t.n] {
			seen[t.n] = true
			frontier = append(frontier, t.n)
		}
	}
	var edges []library.Edge
	pinsSeen := map[string]bool{}
	for len(frontier) > 0 {
		fs, err := r.lib.FeaturesOf(ctx, r.version, frontier)
		if err != nil {
			return nil, nil, err
		}
		if err := w.Add(ctx, storedOf(fs), r.workers); err != nil {
			return nil, nil, err
		}
		es, err := r.lib.EdgesOf(ctx, frontier)
		if err != nil {
			return nil, nil, err
		}
		var next []int64
		add := func(n int64) {
			if !seen[n] {
				seen[n] = true
				next = append(next, n)
			}
		}
		edges = append(edges, es...)
		for _, e := range es {
			if e.Score >= r.thr {
				add(e.A)
				add(e.B)
			}
		}
		var pins []string
		for _, n := range frontier {
			if in, ok := w.Info(n); ok && in.Pin != "" && !pinsSeen[in.Pin] {
				pinsSeen[in.Pin] = true
				pins = append(pins, in.Pin)
			}
		}
		if len(pins) > 0 {
			pinned, err := r.lib.PinnedArticles(ctx, pins)
			if err != nil {
				return nil, nil, err
			}
			for _, ns := range pinned {
				for _, n := range ns {
					add(n)
				}
			}
		}
		frontier = next
	}
	members := make([]int64, 0, len(seen))
	for n := range seen {
		members = append(members, n)
	}
	slices.Sort(members)
	return members, dedupEdges(edges), nil
}

// dedupEdges keeps one of each pair.
func dedupEdges(es []library.Edge) []library.Edge {
	seen := map[[2]int64]bool{}
	out := es[:0]
	for _, e := range es {
		if k := [2]int64{e.A, e.B}; !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// relatedAround gives the related lists of the regrouped stories and of
// the stories their edges reach: edges (those touching the regrouped
// articles, whose new stories assign gives) at the threshold, best first.
func (r *run) relatedAround(ctx context.Context, assign map[int64]string, edges []library.Edge) (map[string][]string, error) {
	storyOf := func(stored map[int64]string, n int64) string {
		if s, ok := assign[n]; ok {
			return s
		}
		return stored[n]
	}
	var outside []int64
	for _, e := range edges {
		for _, n := range []int64{e.A, e.B} {
			if _, ok := assign[n]; !ok {
				outside = append(outside, n)
			}
		}
	}
	stored, err := r.lib.StoriesOf(ctx, outside)
	if err != nil {
		return nil, err
	}
	// The stories outside the regrouped ones that an edge reaches get
	// their lists again, from all their members' edges.
	neighbours := map[string]bool{}
	for _, e := range edges {
		if e.Content < r.thr {
			continue
		}
		for _, n := range []int64{e.A, e.B} {
			if s := stored[n]; s != "" {
				neighbours[s] = true
			}
		}
	}
	var ids []string
	for id := range neighbours {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	ms, err := r.lib.StoryMembers(ctx, ids)
	if err != nil {
		return nil, err
	}
	var theirs []int64
	for _, ns := range ms {
		theirs = append(theirs, ns...)
	}
	more, err := r.lib.EdgesOf(ctx, theirs)
	if err != nil {
		return nil, err
	}
	all := dedupEdges(append(slices.Clone(edges), more...))
	var ends []int64
	for _, e := range more {
		ends = append(ends, e.A, e.B)
	}
	more2, err := r.lib.StoriesOf(ctx, ends)
	if err != nil {
		return nil, err
	}
	for n, s := range more2 {
		stored[n] = s
	}
	best := map[string]map[string]float64{}
	for _, e := range all {
		a, b := storyOf(stored, e.A), storyOf(stored, e.B)
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
	out := map[string][]string{}
	for _, s := range assign {
		out[s] = stories.RankRelated(best[s])
	}
	for id := range neighbours {
		out[id] = stories.RankRelated(best[id])
	}
	return out, nil
}
