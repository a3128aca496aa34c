package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/synth"
)

// The 29 Dec 2019 pair of the seeds: Antiwar.com and the Iranian.com copy
// of the American Herald Tribune piece.
const (
	seedAntiwar = "003_a3f0896ac364095c"
	seedIranian = "001_dca753b7094c4e72"
)

func storiesOf(hs *harness) *storiesPage { return hs.m.stories }
func compareOf(hs *harness) *comparePage { return hs.m.compare }

// storyIndex is the list position of the story holding article id.
func storyIndex(t testing.TB, s *storiesPage, id string) int {
	t.Helper()
	for i, st := range s.stories {
		for _, a := range st.Articles {
			if a == id {
				return i
			}
		}
	}
	t.Fatalf("no story holds %s", id)
	return -1
}

// openSeedStory opens the stories view and puts the cursor on the story of
// the 29 Dec 2019 pair.
func openSeedStory(t testing.TB, hs *harness) {
	t.Helper()
	hs.keys("t")
	if hs.m.active != ViewStories {
		t.Fatalf("t did not open the stories view (active %d)", hs.m.active)
	}
	s := storiesOf(hs)
	for i := storyIndex(t, s, seedAntiwar); i > 0; i-- {
		hs.keys("j")
	}
}

func TestStoriesGroupedAfterLoadFillStoryColumn(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 160, 30)
	s := storiesOf(hs)
	if s.busy() || len(s.stories) == 0 {
		t.Fatalf("stories not grouped after the load: busy=%v, %d stories", s.busy(), len(s.stories))
	}
	i := storyIndex(t, s, seedAntiwar)
	st := s.stories[i]
	if len(st.Articles) != 2 || !slicesContain(st.Articles, seedIranian) {
		t.Fatalf("the 29 Dec 2019 story holds %v, want the Antiwar.com and Iranian.com pair", st.Articles)
	}
	// The library's Story column names each article's story.
	var antiwar *corpus.Article
	for _, a := range hs.m.sh.articles {
		if a.ID == seedAntiwar {
			antiwar = a
		}
	}
	if got := hs.m.sh.story(antiwar); got != st.Name {
		t.Fatalf("Story column of Antiwar.com = %q, want %q", got, st.Name)
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "Story") || !strings.Contains(scr, st.Name[:20]) {
		t.Fatalf("the library does not show story names:\n%s", scr)
	}
}

func slicesContain(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestStoriesViewListsOutletsDatesAndTimeline(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	openSeedStory(t, hs)
	scr := hs.screenText()
	for _, want := range []string{
		"2019-12-29 – 2020-01-02 · 2 articles · Antiwar.com, Iranian.com", // outlets, span, count
		"Coverage", "2019-12-27", "2020-01-03", // the axis with its dates
		"Antiwar.com — US Conducts Airstrikes",
	} {
		if !strings.Contains(scr, want) {
			t.Errorf("stories view lacks %q:\n%s", want, scr)
		}
	}
	// One timeline row per outlet, each with a mark, the Antiwar.com one
	// (29 Dec) left of the Iranian.com one (2 Jan).
	col := map[string]int{}
	for _, l := range strings.Split(scr, "\n") {
		for _, o := range []string{"Antiwar.com", "Iranian.com"} {
			if strings.HasPrefix(strings.TrimSpace(l), o) && strings.Contains(l, "●") {
				col[o] = strings.Index(l, "●")
			}
		}
	}
	if len(col) != 2 || col["Antiwar.com"] >= col["Iranian.com"] {
		t.Fatalf("timeline marks wrong (%v):\n%s", col, scr)
	}
	// An approximate date is drawn with "~", and related stories are named.
	hs.keys("g")
	scr = hs.screenText()
	if !strings.Contains(scr, "~") || !strings.Contains(scr, "Related:") {
		t.Fatalf("newest story (approximate date, related stories): no ~ or Related:\n%s", scr)
	}
}

func TestStoriesEnterComparesOrReads(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	openSeedStory(t, hs)
	hs.keys("enter")
	if hs.m.active != ViewCompare {
		t.Fatalf("enter on a story of two did not open compare (active %d)", hs.m.active)
	}
	c := compareOf(hs)
	if len(c.arts) != 2 || c.cmp == nil || c.title == "" {
		t.Fatalf("compare has %d articles, cmp %v, title %q", len(c.arts), c.cmp != nil, c.title)
	}
	if !strings.Contains(hs.screenText(), c.title[:20]) {
		t.Fatalf("the compare bar does not name the story:\n%s", hs.screenText())
	}
	hs.keys("esc")
	if hs.m.active != ViewStories {
		t.Fatalf("esc from compare went to %d, want the stories view", hs.m.active)
	}
	// A story of one article has nothing to compare: enter reads it.
	hs.keys("g", "enter")
	if hs.m.active != ViewReader {
		t.Fatalf("enter on a one-article story: active %d, want the reader", hs.m.active)
	}
	hs.keys("esc", "esc")
	if hs.m.active != ViewLibrary {
		t.Fatalf("esc esc: active %d, want the library", hs.m.active)
	}
}

// A grouping result that is not the latest is dropped, whichever order the
// results come back in.
func TestStoriesStaleResultDropped(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	s := storiesOf(hs)
	want := len(s.stories)
	arts := hs.m.sh.articles
	old := hs.m.jobs.group(arts, nil)
	fresh := hs.m.jobs.group(arts, nil)
	freshMsg := fresh().(groupedMsg)
	oldMsg := old().(groupedMsg) // cancelled or complete: either way stale
	if oldMsg.gen >= freshMsg.gen {
		t.Fatalf("generations not increasing: %d then %d", oldMsg.gen, freshMsg.gen)
	}
	hs.send(freshMsg)
	if len(s.stories) != want || s.err != nil {
		t.Fatalf("fresh result not taken: %d stories, err %v", len(s.stories), s.err)
	}
	hs.send(oldMsg)
	hs.send(groupedMsg{jobID: oldMsg.jobID, stories: []stories.Story{{ID: "stale", Name: "stale"}}})
	if len(s.stories) != want || s.err != nil || s.stories[0].ID == "stale" {
		t.Fatalf("stale result shown: %d stories, err %v", len(s.stories), s.err)
	}
}

// More articles after the load re-group, and the new grouping replaces the
// old one.
func TestStoriesRegroupWhenArticlesArrive(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	s := storiesOf(hs)
	gen, n := hs.m.jobs.kinds[jobGroup].gen, len(s.stories)
	extra := article("zz-extra", "Late Outlet", "2023-03-03", "A late story about something else entirely", "Nothing in common with the rest.")
	hs.send(batchMsg{batch: corpus.Batch{Articles: []*corpus.Article{extra}}, done: true})
	if g := hs.m.jobs.kinds[jobGroup].gen; g <= gen || len(s.stories) != n+1 {
		t.Fatalf("after one more article: gen %d→%d, stories %d→%d", gen, g, n, len(s.stories))
	}
}

func TestStoriesGroupingCancelledByNewerOne(t *testing.T) {
	j := newJobs()
	first := j.group(seedArticles(t), nil)
	j.group(seedArticles(t), nil)
	msg := first().(groupedMsg)
	if msg.err == nil && len(msg.stories) == 0 {
		t.Fatalf("cancelled grouping returned neither stories nor an error")
	}
	if msg.err != nil && !errors.Is(msg.err, context.Canceled) {
		t.Fatalf("cancelled grouping: unexpected error %v", msg.err)
	}
}

func TestStoriesHelpAndKeys(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	hs.keys("t", "?")
	scr := hs.screenText()
	for _, g := range newStoriesKeys().FullHelp() {
		for _, b := range g {
			if !strings.Contains(scr, b.Help().Key) || !strings.Contains(scr, b.Help().Desc) {
				t.Errorf("help lacks %q %q", b.Help().Key, b.Help().Desc)
			}
		}
	}
	hs.keys("esc")
	lines := strings.Split(hs.screenText(), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "enter compare") || !strings.Contains(last, "esc/q back") {
		t.Fatalf("help line: %q", last)
	}
}

func TestStoriesSeveralOnlyToggle(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	openSeedStory(t, hs)
	s := storiesOf(hs)
	all := len(s.list)
	hs.keys("m")
	if len(s.list) != 1 || !strings.Contains(hs.screenText(), "several articles only") {
		t.Fatalf("m: %d stories listed of %d, want only the pair:\n%s", len(s.list), all, hs.screenText())
	}
	if st, ok := s.selected(); !ok || !slicesContain(st.Articles, seedAntiwar) {
		t.Fatal("m lost the story under the cursor")
	}
	if strings.Contains(hs.screenText(), "The Duran") {
		t.Fatalf("a one-article story is still listed:\n%s", hs.screenText())
	}
	hs.keys("m")
	if len(s.list) != all {
		t.Fatalf("m again: %d stories, want %d", len(s.list), all)
	}
	if st, _ := s.selected(); !slicesContain(st.Articles, seedAntiwar) {
		t.Fatal("m again lost the story under the cursor")
	}
}

// A story of more than six articles compares its first six, and says so.
func TestStoriesCompareCapsAtSix(t *testing.T) {
	var arts []*corpus.Article
	for i := 0; i < 8; i++ {
		a := article(fmt.Sprintf("big%d", i), fmt.Sprintf("Outlet %c", 'A'+i), fmt.Sprintf("2022-03-0%d", i+1),
			"Dam bursts in the valley", "The dam burst on Tuesday, flooding the valley.", fmt.Sprintf("Outlet %d adds its own detail.", i))
		a.Story = "Valley dam"
		arts = append(arts, a)
	}
	hs := newHarness(t, arts, 120, 40)
	hs.keys("t")
	s := storiesOf(hs)
	if st, ok := s.selected(); !ok || len(st.Articles) != 8 {
		t.Fatalf("want one story of 8 articles, got %+v", s.stories)
	}
	hs.keys("enter")
	c := compareOf(hs)
	if hs.m.active != ViewCompare || len(c.arts) != compare.MaxArticles || c.cmp == nil {
		t.Fatalf("active %d, %d articles compared", hs.m.active, len(c.arts))
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "the first 6 of 8 articles") || !strings.Contains(scr, "panes 1–3 of 6") {
		t.Fatalf("want the cap and the paging said:\n%s", scr)
	}
}

func TestStoriesClick(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	hs.keys("t")
	s := storiesOf(hs)
	i := storyIndex(t, s, seedAntiwar)
	y := rowOf(hs.screenText(), "2019-12-29 – 2020-01-02")
	hs.send(tea.MouseClickMsg(tea.Mouse{X: 10, Y: y, Button: tea.MouseLeft}))
	if s.cur.at != i {
		t.Fatalf("click on the pair's line: cursor %d, want %d", s.cur.at, i)
	}
	hs.send(tea.MouseClickMsg(tea.Mouse{X: 10, Y: y, Button: tea.MouseLeft}))
	if hs.m.active != ViewCompare {
		t.Fatalf("second click: active %d, want compare", hs.m.active)
	}
}

// While a large library is grouped, the stories view says how far along
// it is, redrawn on a tick that stops when the grouping ends.
func TestStoriesShowGroupingProgress(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 100, 30)
	hs.keys("t")
	s := storiesOf(hs)
	jobs := hs.m.jobs
	jobs.kinds[jobGroup].waiting = true // as if a grouping had just started
	jobs.grouping = groupRun{n: 12345, prog: &groupProgress{}}
	if scr := hs.screenText(); !strings.Contains(scr, "grouping articles…") {
		t.Fatalf("before any progress:\n%s", scr)
	}
	jobs.grouping.prog.report(40, 100)
	jobs.grouping.prog.report(30, 100) // a slower worker's older count does not go back
	scr := hs.screenText()
	if !strings.Contains(scr, "grouping 12345 articles… 40%") {
		t.Fatalf("progress not shown:\n%s", scr)
	}
	s.stories, s.list = nil, nil // the first grouping: nothing to list yet
	if scr := hs.screenText(); !strings.Contains(scr, "Grouping 12345 articles… 40%") {
		t.Fatalf("progress not shown on the empty page:\n%s", scr)
	}
	gen := jobs.kinds[jobGroup].gen
	if _, cmd := hs.m.Update(groupTickMsg{gen: gen}); cmd == nil {
		t.Fatal("the tick stopped while grouping runs")
	}
	if _, cmd := hs.m.Update(groupTickMsg{gen: gen - 1}); cmd != nil {
		t.Fatal("an old grouping's tick kept ticking")
	}
	jobs.kinds[jobGroup].waiting = false
	if _, cmd := hs.m.Update(groupTickMsg{gen: gen}); cmd != nil {
		t.Fatal("the tick went on after the grouping ended")
	}
	checkFrame(t, hs.m.render(), 100, 30)
}

// A library large enough gets the ticking progress; grouping it still
// ends with its stories.
func TestLargeLibraryGroupsWithProgress(t *testing.T) {
	arts := synth.Articles(progressFrom, 1)
	hs := newHarness(t, arts, 100, 30)
	s := storiesOf(hs)
	if s.busy() || len(s.stories) == 0 {
		t.Fatalf("not grouped: busy %v, %d stories", s.busy(), len(s.stories))
	}
	if p := hs.m.jobs.grouping.prog.percent(); p < 90 {
		t.Fatalf("progress at the end: %d%%", p)
	}
}
