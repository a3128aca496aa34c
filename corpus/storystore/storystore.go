package storystore

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// Options tunes grouping over a library.
type Options struct {
	// SameOutlet, Threshold and Aliases are stories.Options'. A library's
	// stories are grouped with one set of them: grouping with others
	// regroups the library (Regroup), and other Aliases extract every
	// article's features again.
	SameOutlet bool
	Threshold  float64
	Aliases    *entities.Aliases
	// Progress, when not nil, is called as grouping advances, from one
	// goroutine, with the work done and the work in all, counted in
	// articles (extracted, scanned, clustered); the total grows when a
	// step finds more to do than was known.
	Progress func(done, total int)
	// Workers bounds the goroutines grouping uses; 0 means GOMAXPROCS.
	Workers int

	// limit, when > 0, makes GroupNew group at most this many of the
	// articles not grouped yet, the first added: tests use it to group a
	// library in steps under one set of statistics.
	limit int
}

// Report says what a round of grouping did.
type Report struct {
	Extracted int  // articles whose features were computed
	Scanned   int  // articles scanned for candidates
	Clustered int  // articles whose stories were computed again
	Stories   int  // stories written
	Full      bool // the round was a full regroup
	// Stale is true when the statistics have moved enough since the last
	// full regroup that one is due: the library has grown by half since
	// (staleGrowth), or articles were removed. GroupNew never regroups on
	// its own; the caller may run Regroup in the background.
	Stale bool
}

// staleGrowth is how much the library may grow after a full regroup
// before Report.Stale says another is due.
const staleGrowth = 1.5

// Keys of grouping's state in the library.
const (
	keyVersion = "stories.version" // the feature version of what is stored
	keyOptions = "stories.options" // the options the stories were grouped with
	keyCounted = "stories.counted" // featured articles the vocabulary's df counts
	keyGrouped = "stories.grouped" // every featured article up to this number is grouped
	keyBase    = "stories.base"    // featured articles at the last full regroup
	keyRemoved = "stories.removed" // "1" after articles were removed since the last full regroup
	keyRegroup = "stories.regroup" // the checkpoint of a regroup in progress (JSON)
	keyPrefix  = "stories."
)

// state is grouping's state as the library keeps it.
type state struct {
	version int // 0: never grouped
	options string
	counted int
	grouped int64
	base    int
	removed bool
	checkpt *checkpoint
}

// checkpoint is where a regroup is.
type checkpoint struct {
	Version int    `json:"version"`
	Options string `json:"options"`
	Phase   string `json:"phase"` // phaseScan, phaseCluster, phaseRelated
	Below   int64  `json:"below"` // the regroup groups the featured articles up to this number
	// The scan has saved the edges of the dated targets up to (Unix, N),
	// and of the undated ones up to N when Undated.
	Unix    int64 `json:"unix"`
	N       int64 `json:"n"`
	Undated bool  `json:"undated"`
	Next    int   `json:"next"` // the clustering has written the components before this one
}

// The phases of a regroup.
const (
	phaseScan    = "scan"
	phaseCluster = "cluster"
	phaseRelated = "related"
)

// run is one call's context.
type run struct {
	lib     *library.Library
	opt     Options
	al      *entities.Aliases
	sopt    stories.Options
	version int
	thr     float64
	workers int
	done    int
	total   int
	rep     Report

	known map[string]int64 // terms counted by this run's saved rounds, by text (see remember)
}

func newRun(lib *library.Library, opt Options) *run {
	al := opt.Aliases
	if al == nil {
		al = entities.DefaultAliases()
	}
	sopt := stories.Options{SameOutlet: opt.SameOutlet, Threshold: opt.Threshold, Aliases: al}
	return &run{lib: lib, opt: opt, al: al, sopt: sopt, version: stories.FeatureVersion(al),
		thr: sopt.EffectiveThreshold(), workers: pool.Workers(opt.Workers, 1<<20)}
}

// optionsKey names the options the stories depend on (the threshold also
// decides which edges are kept).
func (r *run) optionsKey() string {
	return fmt.Sprintf("threshold=%g same-outlet=%t", r.thr, r.opt.SameOutlet)
}

// grow adds to the work known; step records work done.
func (r *run) grow(n int) {
	r.total += n
	r.report()
}

func (r *run) step(n int) {
	r.done += n
	r.report()
}

// skip counts work an earlier, interrupted run did, as done.
func (r *run) skip(n int) {
	if n > 0 {
		r.total += n
		r.done += n
		r.report()
	}
}

func (r *run) report() {
	if r.opt.Progress != nil {
		r.opt.Progress(r.done, max(r.total, r.done))
	}
}

// readState reads grouping's state from the library.
func (r *run) readState(ctx context.Context) (state, error) {
	var st state
	get := func(key string) (string, error) {
		v, _, err := r.lib.GroupingState(ctx, key)
		return v, err
	}
	vals := map[string]string{}
	for _, k := range []string{keyVersion, keyOptions, keyCounted, keyGrouped, keyBase, keyRemoved, keyRegroup} {
		v, err := get(k)
		if err != nil {
			return st, err
		}
		vals[k] = v
	}
	var err error
	atoi := func(key string) int64 {
		if vals[key] == "" || err != nil {
			return 0
		}
		var v int64
		v, err = strconv.ParseInt(vals[key], 10, 64)
		if err != nil {
			err = fmt.Errorf("grouping state %s: %w", key, err)
		}
		return v
	}
	st.version, st.counted, st.grouped, st.base = int(atoi(keyVersion)), int(atoi(keyCounted)), atoi(keyGrouped), int(atoi(keyBase))
	st.options, st.removed = vals[keyOptions], vals[keyRemoved] == "1"
	if err != nil {
		return st, err
	}
	if vals[keyRegroup] != "" {
		st.checkpt = &checkpoint{}
		if err := json.Unmarshal([]byte(vals[keyRegroup]), st.checkpt); err != nil {
			return st, fmt.Errorf("grouping state %s: %w", keyRegroup, err)
		}
	}
	return st, nil
}

func itoa[T int | int64](v T) string { return strconv.FormatInt(int64(v), 10) }

// stale reports whether a full regroup is due (Report.Stale).
func (st state) stale(featured int) bool {
	return st.removed || st.base == 0 || float64(featured) > staleGrowth*float64(st.base)
}

// GroupNew groups what was added to the library since it was last
// grouped: it extracts the features of the articles that have none,
// scans them for candidates, and regroups the stories they touch (see
// the package comment for its transactions). When the library was never grouped, or with other options
// or another alias table than its stories were grouped with, or when a
// regroup was interrupted, or when more is new than is grouped, it runs
// Regroup instead (Report.Full).
func GroupNew(ctx context.Context, lib *library.Library, opt Options) (Report, error) {
	r := newRun(lib, opt)
	st, err := r.readState(ctx)
	if err != nil {
		return r.rep, err
	}
	if st.checkpt != nil || st.version != r.version || st.options != r.optionsKey() {
		return r.regroup(ctx, st)
	}
	from, err := r.extractFrom(ctx, st)
	if err != nil {
		return r.rep, err
	}
	if err := r.extractNew(ctx, from); err != nil {
		return r.rep, err
	}
	featured, err := r.checkCounts(ctx, &st)
	if err != nil {
		return r.rep, err
	}
	targets, err := r.featuredAfter(ctx, st.grouped, 0)
	if err != nil {
		return r.rep, err
	}
	if r.opt.limit > 0 && len(targets) > r.opt.limit {
		targets = targets[:r.opt.limit]
	}
	if len(targets) > featured-len(targets) && r.opt.limit == 0 {
		return r.regroup(ctx, st)
	}
	r.rep.Stale = st.stale(featured)
	if len(targets) == 0 {
		return r.rep, nil
	}
	stats, err := r.stats(ctx, featured)
	if err != nil {
		return r.rep, err
	}
	if err := r.sweep(ctx, stats, targets, nil); err != nil {
		return r.rep, err
	}
	return r.rep, r.regroupAround(ctx, stats, targets)
}

// extractFrom is where GroupNew looks for articles without features:
// after the last one grouped, whose predecessors all have features, so
// that a million featured articles are not read to find the new ones. A
// removal (the features counted are fewer than the count, or were since
// the last regroup) may have let a new article take a freed number, so
// then it looks from the start.
func (r *run) extractFrom(ctx context.Context, st state) (int64, error) {
	if st.removed {
		return 0, nil
	}
	featured, err := r.lib.FeatureCount(ctx, r.version)
	if err != nil || featured != st.counted {
		return 0, err
	}
	return st.grouped, nil
}

// stats reads the vocabulary's statistics.
func (r *run) stats(ctx context.Context, featured int) (*stories.Stats, error) {
	terms, err := r.lib.TermStats(ctx)
	if err != nil {
		return nil, err
	}
	ts := make([]stories.TermStat, len(terms))
	for k, t := range terms {
		ts[k] = stories.TermStat{ID: t.ID, Class: t.Class, DF: t.DF}
	}
	return stories.NewStats(featured, ts)
}
