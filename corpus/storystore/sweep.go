package storystore

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// target is an article to scan or group: its number and date.
type target struct {
	n     int64
	unix  int64
	dated bool
}

// pageSize is how many feature headers one read takes.
const pageSize = 20000

// featuredAfter lists the featured articles numbered above after (up to
// below when below > 0), by number.
func (r *run) featuredAfter(ctx context.Context, after, below int64) ([]target, error) {
	var out []target
	for {
		fs, err := r.lib.FeaturedAfter(ctx, r.version, after, pageSize, false)
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			if below > 0 && f.N > below {
				return out, nil
			}
			out = append(out, target{f.N, f.Unix, f.Dated})
		}
		if len(fs) < pageSize {
			return out, nil
		}
		after = fs[len(fs)-1].N
	}
}

// checkCounts returns how many articles have features, and when articles
// were removed since the vocabulary counted them, counts the df again
// from the stored features (the removed articles' terms are not known
// any more) and marks the library for a full regroup.
// The count is read again: the extraction that ran since st was read
// has moved it.
func (r *run) checkCounts(ctx context.Context, st *state) (int, error) {
	featured, err := r.lib.FeatureCount(ctx, r.version)
	if err != nil {
		return 0, err
	}
	counted, _, err := r.lib.GroupingState(ctx, keyCounted)
	if err != nil {
		return 0, err
	}
	if st.counted, err = atoiState(keyCounted, counted); err != nil || featured == st.counted {
		return featured, err
	}
	df := map[int64]int64{}
	after := int64(0)
	for {
		fs, err := r.lib.FeaturedAfter(ctx, r.version, after, 5000, true)
		if err != nil {
			return 0, err
		}
		for _, f := range fs {
			ids, err := stories.StoredTerms(f.Data)
			if err != nil {
				return 0, err
			}
			for _, id := range ids {
				df[id]++
			}
		}
		if len(fs) < 5000 {
			break
		}
		after = fs[len(fs)-1].N
	}
	st.counted, st.removed = featured, true
	return featured, r.lib.SetDF(ctx, df, map[string]string{keyCounted: itoa(featured), keyRemoved: "1"})
}

// atoiState reads a number of grouping's state ("" is 0).
func atoiState(key, v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, fmt.Errorf("grouping state %s: %w", key, err)
	}
	return n, nil
}

// Chunks of the sweep: the targets scanned between two saves span at most
// chunkDays days and number at most chunkTargets. Each save makes the
// reading connection drop its page cache, so fewer, longer chunks cost
// less: a regroup of 10k synthetic articles over eight years took 11.3
// CPU-s with 30-day chunks, 8.0 with 90-day ones, while the window grows
// from about 280 to 340 days (each chunk's reach is 120 days beyond the
// slack on each side).
const (
	chunkDays    = 90
	chunkTargets = 20000
)

// maxSlack is the largest slack of any dated article's precision.
func (r *run) maxSlack(ctx context.Context) (float64, error) {
	ps, err := r.lib.DatePrecisions(ctx)
	if err != nil {
		return 0, err
	}
	m := 0.0
	for _, p := range ps {
		m = max(m, stories.Slack(p))
	}
	return m, nil
}

// sweep scans targets for candidates, the dated ones in date order a
// chunk at a time in a window that slides along the timeline, holding
// each chunk's reach, then the undated ones against every undated
// article. With save, it saves each chunk's edges with the state save
// gives for its last target, so that memory stays within the window and
// an interrupted sweep resumes after its last chunk (a regroup). With
// save nil, it saves every edge in one transaction at the end (GroupNew:
// the edges of a few new articles are few; and one write, not one per
// chunk, keeps the reading connection's page cache, which every write
// makes it drop: measured, 2.8 s of 9.5 s of CPU for 1,000 articles).
func (r *run) sweep(ctx context.Context, stats *stories.Stats, targets []target, save func(last target) map[string]string) error {
	out := &edgeSink{save: save}
	if err := r.sweepInto(ctx, stats, targets, out); err != nil {
		return err
	}
	if save == nil && len(out.scanned) > 0 {
		return r.lib.SaveEdges(ctx, out.scanned, out.edges, nil)
	}
	return nil
}

// edgeSink is where a sweep's edges go: saved by chunk with save's state,
// or kept for one save at the end.
type edgeSink struct {
	save    func(last target) map[string]string
	scanned []int64
	edges   []library.Edge
}

func (r *run) sweepInto(ctx context.Context, stats *stories.Stats, targets []target, out *edgeSink) error {
	var dated, undated []target
	for _, t := range targets {
		if t.dated {
			dated = append(dated, t)
		} else {
			undated = append(undated, t)
		}
	}
	slices.SortFunc(dated, func(a, b target) int {
		if a.unix != b.unix {
			return cmp.Compare(a.unix, b.unix)
		}
		return cmp.Compare(a.n, b.n)
	})
	r.grow(len(targets))
	slack, err := r.maxSlack(ctx)
	if err != nil {
		return err
	}
	var w *stories.Window
	var hi int64 // the window holds the dated articles up to hi
	for i := 0; i < len(dated); {
		j := i + 1
		for j < len(dated) && j-i < chunkTargets && dated[j].unix <= dated[i].unix+chunkDays*86400 {
			j++
		}
		from, _ := stories.ScanSpan(dated[i].unix, slack, slack)
		_, to := stories.ScanSpan(dated[j-1].unix, slack, slack)
		if w == nil || from > hi {
			w, hi = stories.NewWindow(stats), from-1
		} else {
			w.Keep(func(in stories.Info) bool { return in.Unix >= from })
		}
		if to > hi {
			fs, err := r.lib.FeaturesBetween(ctx, r.version, time.Unix(hi+1, 0), time.Unix(to, 0), false)
			if err != nil {
				return err
			}
			if err := w.Add(ctx, storedOf(fs), r.workers); err != nil {
				return err
			}
			hi = to
		}
		if err := r.scanChunk(ctx, w, dated[i:j], out); err != nil {
			return err
		}
		i = j
	}
	if len(undated) == 0 {
		return nil
	}
	// Only the undated articles: an empty stretch of dates.
	fs, err := r.lib.FeaturesBetween(ctx, r.version, time.Unix(1, 0), time.Unix(0, 0), true)
	if err != nil {
		return err
	}
	w = stories.NewWindow(stats)
	if err := w.Add(ctx, storedOf(fs), r.workers); err != nil {
		return err
	}
	for i := 0; i < len(undated); i += chunkTargets {
		if err := r.scanChunk(ctx, w, undated[i:min(len(undated), i+chunkTargets)], out); err != nil {
			return err
		}
	}
	return nil
}

// scanChunk scans some targets and saves their edges, or keeps them.
func (r *run) scanChunk(ctx context.Context, w *stories.Window, chunk []target, out *edgeSink) error {
	ns := make([]int64, len(chunk))
	for k, t := range chunk {
		ns[k] = t.n
	}
	edges, err := w.Scan(ctx, ns, r.thr, r.workers)
	if err != nil {
		return err
	}
	if out.save == nil {
		out.scanned = append(out.scanned, ns...)
		out.edges = append(out.edges, libraryEdges(edges)...)
	} else if err := r.lib.SaveEdges(ctx, ns, libraryEdges(edges), out.save(chunk[len(chunk)-1])); err != nil {
		return err
	}
	r.rep.Scanned += len(chunk)
	r.step(len(chunk))
	return nil
}

func storedOf(fs []library.Features) []stories.Stored {
	out := make([]stories.Stored, len(fs))
	for k, f := range fs {
		out[k] = stories.Stored{N: f.N, ID: f.ID, Unix: f.Unix, Dated: f.Dated, Data: f.Data}
	}
	return out
}

func libraryEdges(es []stories.Edge) []library.Edge {
	out := make([]library.Edge, len(es))
	for k, e := range es {
		out[k] = library.Edge{A: e.A, B: e.B, Content: e.Content, Score: e.Score}
	}
	return out
}

func storiesEdges(es []library.Edge) []stories.Edge {
	out := make([]stories.Edge, len(es))
	for k, e := range es {
		out[k] = stories.Edge{A: e.A, B: e.B, Content: e.Content, Score: e.Score}
	}
	return out
}
