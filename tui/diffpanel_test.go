package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
)

// factArticles are three accounts of one invented fire: the toll
// conflicts (25, 27, 31), the injured agree but for their precision (more
// than 40, 47, dozens).
func factArticles() []*corpus.Article {
	return []*corpus.Article{
		article("fire-a", "Meridian Wire", "2025-03-11", "Fire at textile plant",
			"A fire tore through a textile plant in Varo on Tuesday, killing at least 25 workers and injuring more than 40 others, the ministry said."),
		article("fire-b", "Varo Herald", "2025-03-12", "Twenty-seven dead in plant blaze",
			"Twenty-seven workers died in Tuesday's fire at the textile plant in Varo, and 47 were injured, the fire brigade said."),
		article("fire-c", "People's Voice", "2025-03-13", "Union: 31 killed in Varo fire",
			"Thirty-one workers were killed in the fire at the textile plant in Varo on Tuesday, the union said. Dozens of workers were injured."),
	}
}

// openFacts compares the three fire accounts at w×h and opens the panel.
func openFacts(t testing.TB, w, h int) (*harness, *comparePage) {
	t.Helper()
	hs := newHarness(t, factArticles(), w, h)
	markIDs(t, hs, "fire-a", "fire-b", "fire-c")
	hs.keys("c", "d")
	c := compareOf(hs)
	if c.panel == nil {
		t.Fatal("d did not open the differences panel")
	}
	return hs, c
}

// Conflicts come first, then the figures that differ in precision only,
// each fact one entry with every outlet's figure on a line of its own.
func TestDiffPanelFactsApart(t *testing.T) {
	hs, c := openFacts(t, 160, 40)
	scr := hs.screenText()
	conflict := strings.Index(scr, "Figures that conflict (1)")
	compatible := strings.Index(scr, "Figures that differ in precision only (1)")
	if conflict < 0 || compatible < conflict {
		t.Fatalf("want the conflict section, then the compatible one:\n%s", scr)
	}
	for _, want := range []string{"killed (workers) — conflict", "Meridian Wire: at least 25", "Varo Herald: Twenty-seven", "People's Voice: Thirty-one",
		"injured (workers) — compatible", "Meridian Wire: more than 40", "Varo Herald: 47", "People's Voice: Dozens", "Who each account credits"} {
		if !strings.Contains(scr, want) {
			t.Errorf("panel lacks %q:\n%s", want, scr)
		}
	}
	p := c.panel
	e, _ := p.selected()
	if e.last-e.first != 3 || p.lines[e.first].kind != diffSummary {
		t.Fatalf("the first entry spans lines %d–%d, want the toll's summary and three figures", e.first, e.last)
	}
	hs.keys("j")
	if e2, _ := p.selected(); e2.last-e2.first != 3 || !strings.Contains(p.lines[e2.first].text, "injured") {
		t.Fatalf("j went to %+v, want the injured fact", e2)
	}
}

// enter goes to the fact's first figure in its pane; esc closes the panel
// and stays in the view.
func TestDiffPanelJumps(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	aw := articleIndex(t, c, seedAntiwar)
	ir := articleIndex(t, c, seedIranian)
	hs.keys("d")
	scr := hs.screenText()
	for _, want := range []string{"Figures that conflict (0)", "Figures that differ in precision only (2)", "killed — compatible",
		"27", "at least 25", "Who each account credits", "What each outlet calls the actors"} {
		if !strings.Contains(scr, want) {
			t.Errorf("differences panel lacks %q", want)
		}
	}
	e, ok := c.panel.selected()
	if !ok || e.ref.Article != min(aw, ir) {
		t.Fatalf("first entry %+v", e)
	}
	hs.keys("enter")
	if c.panel != nil {
		t.Fatal("enter did not close the panel")
	}
	if c.focus != e.ref.Article || c.cur[e.ref.Article] != e.ref.Passage {
		t.Fatalf("jumped to pane %d §%d, want pane %d §%d", c.focus, c.cur[c.focus]+1, e.ref.Article, e.ref.Passage+1)
	}
	hs.keys("d", "esc")
	if c.panel != nil || hs.m.active != ViewCompare {
		t.Fatal("esc should close the panel, not leave the view")
	}
}

// d opens the panel where it was left on the same comparison, after esc
// and after a jump; another comparison starts at its first entry.
func TestDiffPanelReopensWhereItWas(t *testing.T) {
	hs, c := openFacts(t, 120, 30)
	hs.keys("j", "j")
	at := c.panel.cur.at
	if at != 2 {
		t.Fatalf("two entries down is entry %d", at+1)
	}
	hs.keys("esc", "d")
	if c.panel.cur.at != at {
		t.Errorf("after esc, d reopened at entry %d, want %d", c.panel.cur.at+1, at+1)
	}
	hs.keys("enter", "d")
	if c.panel.cur.at != at {
		t.Errorf("after a jump, d reopened at entry %d, want %d", c.panel.cur.at+1, at+1)
	}
	hs.keys("esc", "esc")
	markIDs(t, hs, "fire-a") // unmark: fire-b and fire-c are compared now
	hs.keys("c", "d")
	if c := compareOf(hs); c.panel == nil || c.panel.cur.at != 0 {
		t.Errorf("another comparison's panel opened at entry %d, want 1", c.panel.cur.at+1)
	}
}

// With NO_COLOR the selected entry is in reverse video from edge to edge,
// the highlighted figure included.
func TestDiffPanelNoColorSelection(t *testing.T) {
	hs, c := openFacts(t, 120, 30)
	hs.m.noColor = true
	hs.m.restyle()
	p := c.panel
	for _, k := range []string{"", "j", "j", "j"} {
		if k != "" {
			hs.keys(k)
		}
		e, _ := p.selected()
		for i := e.first; i <= e.last; i++ {
			l := p.line(i)
			if strings.Contains(l, "38;2") || strings.Contains(l, "48;2") {
				t.Fatalf("colours with NO_COLOR: %q", l)
			}
			if gap, ok := reverseGap(l); !ok {
				t.Errorf("entry %d, line %q: %q is not in reverse video", p.cur.at+1, ansi.Strip(l), gap)
			}
		}
	}
}

// reverseGap walks a line's SGR sequences and reports the first printed
// text drawn without reverse video.
func reverseGap(l string) (string, bool) {
	rev := false
	for i := 0; i < len(l); {
		if strings.HasPrefix(l[i:], "\x1b[") {
			end := strings.IndexByte(l[i:], 'm')
			if end < 0 {
				return l[i:], false
			}
			params := l[i+2 : i+end]
			if params == "" || params == "0" {
				rev = false
			}
			for _, p := range strings.Split(params, ";") {
				switch p {
				case "7":
					rev = true
				case "27", "0":
					rev = false
				}
			}
			i += end + 1
			continue
		}
		if !rev {
			j := strings.Index(l[i:], "\x1b[")
			if j < 0 {
				j = len(l) - i
			}
			return l[i : i+j], false
		}
		i++
	}
	return "", true
}

// At every size the conflicts and the compatible figures stay apart: each
// fact's section title is on screen with it whenever the panel is taller
// than the fact.
func TestDiffPanelSectionsAtEverySize(t *testing.T) {
	for _, sz := range storyCompareSizes() {
		if sz[0] < minWidth || sz[1] < minHeight {
			continue
		}
		hs, c := openFacts(t, sz[0], sz[1])
		p := c.panel
		for n := range p.entries {
			if n > 0 {
				hs.keys("j")
			}
			e, _ := p.selected()
			if e.last-e.first+2 > p.h || !strings.Contains(p.lines[e.first].text, " — ") {
				continue
			}
			title := "Figures that con" // as much of the title as the narrowest panel shows
			if strings.Contains(p.lines[e.first].text, "compatible") {
				title = "Figures that dif"
			}
			if scr := hs.screenText(); !strings.Contains(scr, title) {
				t.Errorf("%dx%d, entry %d: %q not on screen:\n%s", sz[0], sz[1], n+1, title, scr)
			}
		}
	}
}

// The panel over three accounts with a conflict and a compatible fact, as
// a golden file (go test ./tui -run Golden -update, then read it).
func TestGoldenDiffPanelFacts(t *testing.T) {
	for _, sz := range [][2]int{{100, 30}, {60, 16}} {
		name := fmt.Sprintf("diffpanel_facts-%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			hs, _ := openFacts(t, sz[0], sz[1])
			hs.keys("j")
			checkFrame(t, hs.m.render(), sz[0], sz[1])
			checkGolden(t, name, hs.screenText())
		})
	}
}
