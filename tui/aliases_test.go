package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
)

// aliasPair is two accounts of one visit that name its subject
// differently: only an alias table that says "Vrennick" is "Zorblax
// Quuxington" makes them one story.
func aliasPair() []*corpus.Article {
	return []*corpus.Article{
		article("a1", "Outlet One", "2024-03-01", "Zorblax Quuxington visits the harbour",
			"Zorblax Quuxington arrived at the harbour on Monday. Zorblax Quuxington spoke to workers.",
			"Critics of Zorblax Quuxington said the visit was staged by Zorblax Quuxington allies."),
		article("b1", "Outlet Two", "2024-03-01", "Vrennick visits the harbour",
			"Vrennick arrived at the docks on Tuesday. Vrennick greeted dockhands there.",
			"Opponents of Vrennick called the tour a stunt arranged by Vrennick supporters."),
	}
}

// newHarnessOpt is newHarness with the rest of the options given.
func newHarnessOpt(t testing.TB, arts []*corpus.Article, w, h int, opt Options) *harness {
	t.Helper()
	opt.Load = batchLoader(arts)
	hs := &harness{t: t, m: New(opt)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// Options.Aliases (the CLI's --aliases FILE merged over the shipped
// table) is what the stories view groups by and the compare view compares
// with; without it the shipped table is used.
func TestAliasesReachStoriesAndCompare(t *testing.T) {
	user, err := entities.LoadAliases(strings.NewReader("Zorblax Quuxington = Mayor Vrennick | Vrennick\n"))
	if err != nil {
		t.Fatal(err)
	}
	merged := entities.DefaultAliases().Merge(user)
	for _, tc := range []struct {
		name    string
		aliases *entities.Aliases
		stories int
		shared  bool // the compare view sees one entity in both articles
	}{
		{"shipped table", nil, 2, false},
		{"user aliases", merged, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := aliasPair()
			hs := newHarnessOpt(t, arts, 120, 30, Options{Aliases: tc.aliases})
			s := storiesOf(hs)
			if len(s.stories) != tc.stories {
				t.Fatalf("%d stories, want %d: %+v", len(s.stories), tc.stories, s.stories)
			}
			hs.keys("t")
			scr := hs.screenText()
			if tc.stories == 1 && (!strings.Contains(scr, "Outlet One") || !strings.Contains(scr, "Outlet Two")) {
				t.Fatalf("the story of both outlets is not shown:\n%s", scr)
			}
			hs.send(openCompareMsg{articles: arts})
			c := compareOf(hs)
			if c.cmp == nil {
				t.Fatalf("no comparison: %v", c.err)
			}
			shared := false
			for _, e := range c.cmp.Entities {
				if e.Name == "Zorblax Quuxington" && len(e.Articles) == 2 {
					shared = true
				}
			}
			if shared != tc.shared {
				t.Fatalf("entity named in both articles: %v, want %v: %+v", shared, tc.shared, c.cmp.Entities)
			}
		})
	}
}
