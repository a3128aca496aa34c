package stories

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/internal/seedtest"
)

func TestSeedStories(t *testing.T) {
	c := seedtest.Load(t)
	stories, err := Group(context.Background(), c.Articles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	of := map[string]Story{}
	for _, s := range stories {
		for _, id := range s.Articles {
			if _, dup := of[id]; dup {
				t.Fatalf("article %s in two stories", id)
			}
			of[id] = s
		}
	}
	if len(of) != len(c.Articles) {
		t.Fatalf("%d articles placed, want %d", len(of), len(c.Articles))
	}
	if got := of[seedtest.Iranian].Articles; !slices.Equal(got, []string{seedtest.Antiwar, seedtest.Iranian}) {
		t.Errorf("29 Dec 2019 story = %v, want 003 then 001 (oldest first)", got)
	}
	for _, id := range []string{seedtest.Duran, seedtest.PMU, seedtest.Gaza, seedtest.Vice} {
		if n := len(of[id].Articles); n != 1 {
			t.Errorf("%s should stand alone, its story has %v", id, of[id].Articles)
		}
	}
	if !slices.Contains(of[seedtest.PMU].Related, of[seedtest.Vice].ID) || !slices.Contains(of[seedtest.Vice].Related, of[seedtest.PMU].ID) {
		t.Errorf("002 and 004 should be related: %v / %v", of[seedtest.PMU].Related, of[seedtest.Vice].Related)
	}
	if len(of[seedtest.Gaza].Related) != 0 {
		t.Errorf("the Gaza item is related to nothing, got %v", of[seedtest.Gaza].Related)
	}
	s := of[seedtest.Iranian]
	if s.ID != seedtest.Iranian {
		t.Errorf("story id %q, want the smallest member id", s.ID)
	}
	if !slices.Equal(s.Outlets, []string{"Antiwar.com", "Iranian.com"}) {
		t.Errorf("outlets %v", s.Outlets)
	}
	if s.Start.Time.Format("2006-01-02") != "2019-12-29" || s.End.Time.Format("2006-01-02") != "2020-01-02" {
		t.Errorf("span %v – %v", s.Start, s.End)
	}
	if s.Name == "" {
		t.Error("story has no name")
	}
	// Stable: the same input gives the same stories.
	again, _ := Group(context.Background(), c.Articles, Options{})
	a, _ := json.Marshal(stories)
	b, _ := json.Marshal(again)
	if string(a) != string(b) {
		t.Error("Group is not deterministic")
	}
}

func TestStoryPinsAndOutlets(t *testing.T) {
	mk := func(id, outlet, story, text string) *corpus.Article {
		return &corpus.Article{ID: id, Outlet: outlet, Story: story, Title: text,
			Body: []corpus.Paragraph{{Text: text}}}
	}
	quake := "A strong earthquake struck the coastal town of Ravenna overnight, collapsing the cathedral bell tower and killing four residents."
	arts := []*corpus.Article{
		mk("a1", "Daily A", "", quake),
		mk("a2", "Daily A", "", quake+" Rescuers searched the rubble."),
		mk("b1", "Daily B", "", quake+" The mayor declared mourning."),
		mk("p1", "Daily C", "My pin", "Budget talks stalled in parliament over farm subsidies."),
		mk("p2", "Daily D", "My pin", "Quarterly football results surprised fans of the league."),
	}
	stories, err := Group(context.Background(), arts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	of := map[string]Story{}
	for _, s := range stories {
		for _, id := range s.Articles {
			of[id] = s
		}
	}
	if of["a1"].ID == of["a2"].ID {
		t.Error("two articles of one outlet joined one story by default")
	}
	if of["b1"].ID != of["a1"].ID && of["b1"].ID != of["a2"].ID {
		t.Error("b1 should join one of the Daily A articles")
	}
	if of["p1"].ID != of["p2"].ID || !of["p1"].Pinned || of["p1"].Name != "My pin" || of["p1"].ID != "story:my-pin" {
		t.Errorf("pinned story wrong: %+v", of["p1"])
	}
	lifted, _ := Group(context.Background(), arts, Options{SameOutlet: true})
	ids := map[string]string{}
	for _, s := range lifted {
		for _, id := range s.Articles {
			ids[id] = s.ID
		}
	}
	if ids["a1"] != ids["a2"] || ids["a1"] != ids["b1"] {
		t.Errorf("with SameOutlet the three quake reports are one story: %v", ids)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Group(ctx, arts, Options{}); err == nil {
		t.Error("cancelled context not reported")
	}
}

// Group reports its progress: counts that only grow, ending at the total,
// with one worker or several.
func TestGroupProgress(t *testing.T) {
	arts := seedtest.Articles(t, seedtest.Duran, seedtest.Iranian, seedtest.PMU, seedtest.Gaza, seedtest.Antiwar, seedtest.Vice)
	for _, w := range []int{1, 0} {
		var mu sync.Mutex
		last, most, total, calls := 0, 0, 0, 0
		_, err := Group(context.Background(), arts, Options{workers: w, Progress: func(done, all int) {
			mu.Lock()
			defer mu.Unlock()
			if w == 1 && done <= last {
				t.Errorf("one worker: progress went from %d to %d", last, done)
			}
			last, most, total, calls = done, max(most, done), all, calls+1
		}})
		if err != nil {
			t.Fatal(err)
		}
		if calls == 0 || total != groupPasses*len(arts) || most != total {
			t.Errorf("workers %d: %d calls, most %d of %d, want %d", w, calls, most, total, groupPasses*len(arts))
		}
	}
}

func TestGroupParallelMatchesSequential(t *testing.T) {
	for _, seed := range []int64{5, 9} {
		arts := synth.Articles(250, seed)
		for _, opt := range []Options{{}, {SameOutlet: true, Threshold: 0.3}} {
			seq := opt
			seq.workers = 1
			want, err := Group(context.Background(), arts, seq)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{2, 3, 7} {
				par := opt
				par.workers = w
				got, err := Group(context.Background(), arts, par)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("seed %d, %+v: %d workers differ from 1", seed, opt, w)
				}
			}
		}
	}
}

// The parallel path groups the bundled seeds as the sequential one does.
func TestGroupParallelMatchesSequentialSeeds(t *testing.T) {
	c := seedtest.Load(t)
	want, _ := Group(context.Background(), c.Articles, Options{workers: 1})
	got, _ := Group(context.Background(), c.Articles, Options{workers: 4})
	if !reflect.DeepEqual(got, want) {
		t.Fatal("parallel Group of the seeds differs")
	}
}
