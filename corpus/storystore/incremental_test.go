package storystore

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/synth"
)

// numbers lists the library's featured articles by number.
func numbers(t testing.TB, l *library.Library) []int64 {
	t.Helper()
	fs, err := l.FeaturedAfter(context.Background(), stories.FeatureVersion(nil), 0, 1<<30, false)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]int64, len(fs))
	for k, f := range fs {
		out[k] = f.N
	}
	return out
}

// edges lists the library's edges.
func edges(t testing.TB, l *library.Library) []library.Edge {
	t.Helper()
	var out []library.Edge
	if err := l.EachEdge(context.Background(), func(es []library.Edge) error { out = append(out, es...); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

// forget drops the library's grouping (edges, stories) but keeps the
// features and the vocabulary, so that it can be grouped again under the
// same statistics.
func forget(t testing.TB, l *library.Library) {
	t.Helper()
	ctx := context.Background()
	if err := l.SaveEdges(ctx, numbers(t, l), nil, map[string]string{keyGrouped: "0"}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range stored(t, l) {
		ids = append(ids, s.ID)
	}
	if err := l.UpdateStories(ctx, library.StoryUpdate{Remove: ids}); err != nil {
		t.Fatal(err)
	}
}

// Under one set of statistics, grouping a library a few articles at a
// time gives what a full regroup gives.
func TestGroupNewInStepsEqualsRegroup(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of articles grouped many times over: left to the full test step, not the race detector's -short run")
	}
	arts := synth.MixedDates(1200, 11)
	l := openTemp(t)
	add(t, l, arts)
	if _, err := Regroup(context.Background(), l, Options{}); err != nil {
		t.Fatal(err)
	}
	full, fullEdges := stored(t, l), edges(t, l)
	forget(t, l)
	steps := 0
	for {
		rep := groupNew(t, l, Options{limit: 100})
		if rep.Scanned == 0 {
			break
		}
		if rep.Full || rep.Extracted != 0 || rep.Scanned > 100 || rep.Clustered < rep.Scanned {
			t.Fatalf("step %d: %+v", steps, rep)
		}
		steps++
	}
	if steps != 12 {
		t.Errorf("%d steps, want 12", steps)
	}
	if got := edges(t, l); !reflect.DeepEqual(got, fullEdges) {
		t.Errorf("%d edges, want the regroup's %d", len(got), len(fullEdges))
	}
	sameStories(t, "in steps", stored(t, l), full)
}

// Adding articles in batches, each grouped as it comes, with the
// statistics moving as they do: the stories are a full regroup's but
// where a story's weights changed enough. The test measures how many
// pairs of articles differ, and fails above one in a hundred.
func TestGroupNewAsArticlesComeNearRegroup(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of articles grouped many times over: left to the full test step, not the race detector's -short run")
	}
	arts := synth.MixedDates(1500, 13)
	l := openTemp(t)
	for k := 0; k < len(arts); k += 250 {
		add(t, l, arts[k:k+250])
		rep := groupNew(t, l, Options{})
		if k > 0 && (rep.Full || rep.Extracted != 250 || rep.Scanned != 250) {
			t.Fatalf("batch %d: %+v", k/250, rep)
		}
		// The first batch was a full regroup; the next one grows the
		// library past staleGrowth times its size.
		if want := k > 0; rep.Stale != want {
			t.Errorf("batch %d: stale %v, want %v", k/250, rep.Stale, want)
		}
	}
	inSteps := stored(t, l)
	if _, err := Regroup(context.Background(), l, Options{}); err != nil {
		t.Fatal(err)
	}
	full := stored(t, l)
	p, r, f1 := agreement(inSteps, full)
	t.Logf("batches of 250 against one regroup of %d articles: %d and %d stories; same-story pairs P=%.4f R=%.4f F1=%.4f",
		len(arts), len(inSteps), len(full), p, r, f1)
	if f1 < 0.99 {
		t.Errorf("grouped as they came, the stories agree with a regroup's at F1 %.4f", f1)
	}
}

// agreement compares two groupings as same-story pairs of articles:
// precision and recall of got's pairs against want's.
func agreement(got, want []library.Story) (p, r, f1 float64) {
	pairs := func(ss []library.Story) map[[2]string]bool {
		out := map[[2]string]bool{}
		for _, s := range ss {
			for i, a := range s.Members {
				for _, b := range s.Members[i+1:] {
					out[[2]string{min(a, b), max(a, b)}] = true
				}
			}
		}
		return out
	}
	g, w := pairs(got), pairs(want)
	both := 0
	for k := range g {
		if w[k] {
			both++
		}
	}
	p, r = float64(both)/float64(len(g)), float64(both)/float64(len(w))
	return p, r, 2 * p * r / (p + r)
}

// A regroup interrupted anywhere, and resumed, ends as one that ran
// through: same edges, same stories.
func TestRegroupResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("hundreds of articles grouped many times over: left to the full test step, not the race detector's -short run")
	}
	arts := synth.MixedDates(900, 17)
	ctx := context.Background()
	want := openTemp(t)
	add(t, want, arts)
	if _, err := Regroup(ctx, want, Options{}); err != nil {
		t.Fatal(err)
	}
	wantEdges, wantStories := edges(t, want), stored(t, want)
	// The points a run reports: the last step writes the end of the
	// regroup with its work, so the last stop is at the one before.
	var dones []int
	if _, err := Regroup(ctx, openTempWith(t, arts), Options{Progress: func(done, _ int) {
		if len(dones) == 0 || dones[len(dones)-1] != done {
			dones = append(dones, done)
		}
	}}); err != nil {
		t.Fatal(err)
	}
	total := dones[len(dones)-1]
	for _, at := range []int{total / 5, total / 2, 3 * total / 4, dones[len(dones)-2]} {
		l := openTempWith(t, arts)
		stops := 0
		// Stop at at, then after every step, resuming each time, until
		// done.
		for {
			ctx, cancel := context.WithCancel(context.Background())
			first := -1
			_, err := GroupNew(ctx, l, Options{Progress: func(done, _ int) {
				if first < 0 {
					first = done
				}
				if done >= at && done > first {
					cancel()
				}
			}})
			cancel()
			if err == nil {
				break
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatal(err)
			}
			if stops++; stops > 5000 {
				t.Fatal("no progress")
			}
			at = 0
		}
		if stops == 0 {
			t.Errorf("interrupted at %d of %d: never stopped", at, total)
		}
		if got := edges(t, l); !reflect.DeepEqual(got, wantEdges) {
			t.Errorf("interrupted at %d: %d edges, want %d", at, len(got), len(wantEdges))
		}
		sameStories(t, fmt.Sprintf("interrupted at %d of %d, %d stops", at, total, stops), stored(t, l), wantStories)
	}
}

// openTempWith is a new library with articles.
func openTempWith(t testing.TB, arts []*corpus.Article) *library.Library {
	l := openTemp(t)
	add(t, l, arts)
	return l
}

// Removing articles leaves the df counting the others, and a regroup due;
// the regroup gives Group's stories of what is left.
func TestRemovalRecountsAndRegroups(t *testing.T) {
	ctx := context.Background()
	arts := synth.MixedDates(400, 19)
	l := openTempWith(t, arts)
	groupNew(t, l, Options{})
	for _, a := range arts[100:110] {
		if err := l.Remove(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
	}
	rep := groupNew(t, l, Options{})
	if !rep.Stale || rep.Full {
		t.Fatalf("after removals: %+v", rep)
	}
	left := append(append([]*corpus.Article{}, arts[:100]...), arts[110:]...)
	fresh := openTempWith(t, left)
	groupNew(t, fresh, Options{})
	got, _ := l.TermStats(ctx)
	want, _ := fresh.TermStats(ctx)
	dfs := func(ts []library.Term) map[int64]int64 {
		out := map[int64]int64{}
		for _, t := range ts {
			if t.DF > 0 {
				out[t.Class] += t.DF
			}
		}
		return out
	}
	if g, w := dfs(got), dfs(want); len(g) != len(w) {
		t.Errorf("%d terms counted after removals, %d in a library of what is left", len(g), len(w))
	}
	if rep, err := Regroup(ctx, l, Options{}); err != nil || rep.Stale {
		t.Fatalf("regroup: %+v, %v", rep, err)
	}
	if rep := groupNew(t, l, Options{}); rep.Stale {
		t.Errorf("still stale after the regroup: %+v", rep)
	}
	ss, err := stories.Group(ctx, left, stories.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameStories(t, "after removals and a regroup", stored(t, l), asStored(ss))
}

// Grouping with another alias table extracts every article again and
// gives Group's stories with that table; other options regroup without.
func TestOtherOptionsRegroup(t *testing.T) {
	ctx := context.Background()
	arts := seedArticles(t)
	l := openTempWith(t, arts)
	groupNew(t, l, Options{})
	al, err := entities.LoadAliasFile("../entities/testdata/aliases_user.txt")
	if err != nil {
		t.Fatal(err)
	}
	al = entities.DefaultAliases().Merge(al)
	rep := groupNew(t, l, Options{Aliases: al})
	if !rep.Full || rep.Extracted != len(arts) {
		t.Errorf("another alias table: %+v", rep)
	}
	want, _ := stories.Group(ctx, arts, stories.Options{Aliases: al})
	sameStories(t, "other aliases", stored(t, l), asStored(want))
	rep = groupNew(t, l, Options{Aliases: al, SameOutlet: true})
	if !rep.Full || rep.Extracted != 0 || rep.Scanned != len(arts) {
		t.Errorf("other options: %+v", rep)
	}
	if _, err := GroupNew(cancelled(), l, Options{Aliases: al}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

// Two groupings of one library at once (the reader and an update from
// another process) both succeed, leave the vocabulary counting each
// article once (the library refuses a second batch of features for an
// article, and a count that disagrees is recounted) and end, after a
// regroup, with Group's stories.
func TestConcurrentGroupNew(t *testing.T) {
	ctx := context.Background()
	arts := synth.MixedDates(600, 29)
	l := openTempWith(t, arts[:300])
	groupNew(t, l, Options{})
	add(t, l, arts[300:])
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := GroupNew(ctx, l, Options{})
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	fresh := openTempWith(t, arts)
	groupNew(t, fresh, Options{})
	got, _ := l.TermStats(ctx)
	want, _ := fresh.TermStats(ctx)
	df := func(ts []library.Term) int64 {
		n := int64(0)
		for _, t := range ts {
			n += t.DF
		}
		return n
	}
	if df(got) != df(want) {
		t.Errorf("df counts %d term uses, a library grouped once %d", df(got), df(want))
	}
	if _, err := Regroup(ctx, l, Options{}); err != nil {
		t.Fatal(err)
	}
	ss, err := stories.Group(ctx, arts, stories.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sameStories(t, "after two groupings at once and a regroup", stored(t, l), asStored(ss))
}

// Adding a few articles to a regrouped library groups them alone: no
// recount of the vocabulary, no regroup said due.
func TestGroupNewAfterRegroupIsNotStale(t *testing.T) {
	arts := synth.MixedDates(400, 31)
	l := openTempWith(t, arts[:300])
	if rep := groupNew(t, l, Options{}); !rep.Full || rep.Stale {
		t.Fatalf("first grouping: %+v", rep)
	}
	add(t, l, arts[300:350])
	if rep := groupNew(t, l, Options{}); rep.Full || rep.Stale || rep.Extracted != 50 {
		t.Errorf("50 added to 300: %+v", rep)
	}
	if v, _, _ := l.GroupingState(context.Background(), keyRemoved); v != "" {
		t.Errorf("marked as after a removal: %q", v)
	}
}
