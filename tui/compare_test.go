package tui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
)

// markIDs marks the articles with these IDs in the library, by keys.
func markIDs(t testing.TB, hs *harness, ids ...string) {
	t.Helper()
	l := hs.m.library
	for _, id := range ids {
		at := -1
		for i, a := range l.order {
			if a.ID == id {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("no article %s in the library", id)
		}
		hs.keys("g")
		for i := 0; i < at; i++ {
			hs.keys("j")
		}
		hs.keys("space")
	}
}

// comparePair opens the compare view on the 29 Dec 2019 pair, marked in
// the library, in a terminal 120 columns wide and h lines high.
func comparePair(t testing.TB, h int) *harness {
	t.Helper()
	hs := newHarness(t, seedArticles(t), 120, h)
	markIDs(t, hs, seedIranian, seedAntiwar)
	hs.keys("c")
	if hs.m.active != ViewCompare {
		t.Fatalf("c with two marked did not open compare (active %d)", hs.m.active)
	}
	if c := compareOf(hs); c.cmp == nil {
		t.Fatalf("no comparison: err %v", c.err)
	}
	return hs
}

// The first words of the two casualty passages: Antiwar.com's and
// Iranian.com's.
const (
	strikesStart = "The strikes targeted five PMU"
	attacksStart = "The attacks targeted a Katai’b"
)

// rowOf returns the screen row where s first appears, or -1.
func rowOf(scr, s string) int {
	for i, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, s) {
			return i
		}
	}
	return -1
}

// paneRow returns the screen row where pane p (0-based, panes split by
// "│") first shows s, or -1.
func paneRow(scr string, p int, s string) int {
	for i, l := range strings.Split(scr, "\n") {
		if ps := strings.Split(l, "│"); p < len(ps) && strings.Contains(ps[p], s) {
			return i
		}
	}
	return -1
}

// passageIndex finds the passage of article a whose text contains s.
func passageIndex(t testing.TB, c *comparePage, a int, s string) int {
	t.Helper()
	for i, p := range c.cmp.Articles[a].Passages {
		if strings.Contains(p.Text, s) {
			return i
		}
	}
	t.Fatalf("article %d has no passage with %q", a, s)
	return -1
}

func articleIndex(t testing.TB, c *comparePage, id string) int {
	t.Helper()
	for i, a := range c.arts {
		if a.ID == id {
			return i
		}
	}
	t.Fatalf("%s is not compared", id)
	return -1
}

func TestCompareFromTwoMarked(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	scr := hs.screenText()
	// One pane per article, headed by outlet and date, side by side.
	head := strings.Split(scr, "\n")[1]
	if !strings.Contains(head, "Antiwar.com · 2019-12-29") || !strings.Contains(head, "Iranian.com (via American Herald Tribune) · 2020-01-02") {
		t.Fatalf("pane headings: %q", head)
	}
	if !strings.Contains(scr, "│") {
		t.Fatalf("no rule between the panes:\n%s", scr)
	}
	if c.title != "" || !strings.Contains(scr, "2 marked articles") {
		t.Fatalf("bar should say what is compared:\n%s", scr)
	}
}

func TestCompareNeedsTwoToSixMarked(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 30)
	hs.keys("c")
	if hs.m.active != ViewLibrary || !strings.Contains(hs.screenText(), "compare takes 2 to 6 marked articles") {
		t.Fatalf("c with none marked: active %d\n%s", hs.m.active, hs.screenText())
	}
	markIDs(t, hs, seedAntiwar)
	hs.keys("c")
	if hs.m.active != ViewLibrary || !strings.Contains(hs.screenText(), "1 marked") {
		t.Fatalf("c with one marked: active %d\n%s", hs.m.active, hs.screenText())
	}
	hs.keys("j")
	if strings.Contains(hs.screenText(), "compare takes") {
		t.Fatal("the message outlived the next key")
	}
	// Seven marked: too many.
	var arts []*corpus.Article
	for i := 0; i < 7; i++ {
		arts = append(arts, article(fmt.Sprintf("m%d", i), fmt.Sprintf("Outlet %d", i), "2020-01-0"+fmt.Sprint(i+1), "Title", "Some body text."))
	}
	hs = newHarness(t, arts, 120, 30)
	for range arts {
		hs.keys("space")
	}
	hs.keys("c")
	if hs.m.active != ViewLibrary || !strings.Contains(hs.screenText(), "7 marked") {
		t.Fatalf("c with seven marked: active %d\n%s", hs.m.active, hs.screenText())
	}
}

// Until the comparison arrives the view says it is aligning, and still
// takes keys.
func TestCompareAligningUntilResult(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	c := compareOf(hs)
	arts := []*corpus.Article{hs.m.sh.articles[0], hs.m.sh.articles[1]}
	_, cmd := hs.m.Update(openCompareMsg{articles: arts})
	if cmd == nil || !c.busy() {
		t.Fatal("opening compare started no work")
	}
	if hs.m.active != ViewCompare {
		t.Fatalf("openCompareMsg did not show the compare view (active %d)", hs.m.active)
	}
	if scr := hs.screenText(); !strings.Contains(scr, "aligning") {
		t.Fatalf("no aligning message while comparing:\n%s", scr)
	}
	hs.keys("j", "tab", "z", "d", "esc") // keys while busy: no panic, no effect
	if hs.m.active != ViewLibrary {
		t.Fatalf("esc while aligning: active %d", hs.m.active)
	}
	hs.run(cmd)
	if c.busy() || c.cmp == nil {
		t.Fatalf("result not taken: busy %v", c.busy())
	}
}

// A comparison result for articles no longer asked about is dropped.
func TestCompareStaleResultDropped(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 120, 40)
	c := compareOf(hs)
	arts := hs.m.sh.articles
	_, first := hs.m.Update(openCompareMsg{articles: arts[:2]})
	_, second := hs.m.Update(openCompareMsg{articles: arts[2:5]})
	newMsg := runBatchFirst(second)
	oldMsg := runBatchFirst(first)
	hs.send(newMsg)
	if c.cmp == nil || len(c.cmp.Articles) != 3 {
		t.Fatalf("latest result not shown")
	}
	hs.send(oldMsg)
	if len(c.cmp.Articles) != 3 || c.busy() {
		t.Fatalf("stale result replaced the latest: %d articles", len(c.cmp.Articles))
	}
}

// runBatchFirst runs the first command of a tea.Batch (the comparison;
// the second is the spinner).
func runBatchFirst(cmd tea.Cmd) tea.Msg {
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		return b[0]()
	}
	return msg
}

// j/k move the cursor passage by passage through the focused pane and the
// other panes follow: the counterpart is on the same screen rows.
func TestCompareJKMovesAndOthersFollow(t *testing.T) {
	hs := comparePair(t, 14) // short: the casualty passages start off screen
	c := compareOf(hs)
	aw := articleIndex(t, c, seedAntiwar)
	if c.focus != aw {
		t.Fatalf("focus on article %d, want Antiwar.com (%d), the oldest", c.focus, aw)
	}
	target := passageIndex(t, c, aw, "killing at least 25")
	if rowOf(hs.screenText(), "killing 27") >= 0 {
		t.Skip("the terminal is tall enough to show it already")
	}
	for i := 0; i < target; i++ {
		hs.keys("j")
	}
	if c.cur[aw] != target {
		t.Fatalf("cursor on §%d, want §%d", c.cur[aw]+1, target+1)
	}
	scr := hs.screenText()
	ra, ri := rowOf(scr, strikesStart), rowOf(scr, attacksStart)
	if ra < 0 || ri < 0 || ra != ri || rowOf(scr, "killing 27") < 0 || rowOf(scr, "killing at least 25") < 0 {
		t.Fatalf("casualty passages not level (rows %d and %d):\n%s", ra, ri, scr)
	}
	if !strings.Contains(scr, "▍ The strikes targeted") || !strings.Contains(scr, "≈ 0.") {
		t.Fatalf("cursor band not marked or no similarity:\n%s", scr)
	}
	hs.keys("k")
	if c.cur[aw] != target-1 {
		t.Fatalf("k: cursor on §%d", c.cur[aw]+1)
	}
	hs.keys("G")
	if c.cur[aw] != len(c.cmp.Articles[aw].Passages)-1 {
		t.Fatal("G did not reach the last passage")
	}
	hs.keys("g")
	if c.cur[aw] != 0 || c.top != 0 {
		t.Fatalf("g: cursor %d top %d", c.cur[aw], c.top)
	}
}

// The words that differ between the two casualty passages are highlighted.
func TestCompareWordDiffInCursorBand(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	aw, ir := articleIndex(t, c, seedAntiwar), articleIndex(t, c, seedIranian)
	target := passageIndex(t, c, aw, "killing at least 25")
	for i := 0; i < target; i++ {
		hs.keys("j")
	}
	hl := c.highlights()
	got := func(a int) string {
		r := passages.Ref{Article: a, Passage: c.cur[aw]}
		if a == ir {
			r.Passage = passageIndex(t, c, ir, "killing 27")
		}
		var parts []string
		for _, sp := range hl[r] {
			parts = append(parts, c.cmp.Articles[a].Passages[r.Passage].Text[sp.Start:sp.End])
		}
		return strings.Join(parts, "|")
	}
	if g := got(aw); !strings.Contains(g, "at least 25") {
		t.Errorf("Antiwar.com differing words %q lack “at least 25”", g)
	}
	if g := got(ir); !strings.Contains(g, "27") {
		t.Errorf("Iranian.com differing words %q lack “27”", g)
	}
	// And they are drawn differently: the frame styles them.
	frame := hs.m.render()
	for _, l := range strings.Split(frame, "\n") {
		if strings.Contains(ansi.Strip(l), "killing 27") {
			plain := c.sh.styles.Body.Render("killing 27")
			if strings.Contains(l, plain) {
				t.Errorf("“27” not highlighted: %q", l)
			}
		}
	}
}

func TestCompareTabMovesFocusAndReanchors(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	aw, ir := articleIndex(t, c, seedAntiwar), articleIndex(t, c, seedIranian)
	target := passageIndex(t, c, aw, "killing at least 25")
	for i := 0; i < target; i++ {
		hs.keys("j")
	}
	hs.keys("tab")
	if c.focus != ir {
		t.Fatalf("tab: focus %d, want %d", c.focus, ir)
	}
	// The cursor moved to the counterpart, which stays on screen, level.
	if want := passageIndex(t, c, ir, "killing 27"); c.cur[ir] != want {
		t.Fatalf("after tab the cursor is on §%d, want the counterpart §%d", c.cur[ir]+1, want+1)
	}
	scr := hs.screenText()
	if head := strings.Split(scr, "\n")[1]; !strings.Contains(head, "▸ Iranian.com") {
		t.Fatalf("focused heading not marked: %q", head)
	}
	if ra, ri := rowOf(scr, strikesStart), rowOf(scr, attacksStart); ra < 0 || ra != ri {
		t.Fatalf("after tab the pair is not level (%d, %d):\n%s", ra, ri, scr)
	}
	// Anchored on Iranian.com, its passages run in its own order: the
	// title first, then its first sentence.
	hs.keys("g")
	scr = hs.screenText()
	if rowOf(scr, "Response to US Strikes") > rowOf(scr, "US airstrikes Sunday targeted") {
		t.Fatalf("focused pane not in its own order:\n%s", scr)
	}
	hs.send(tea.KeyPressMsg(tea.Key{Code: tea.KeyTab, Mod: tea.ModShift}))
	if c.focus != aw {
		t.Fatalf("shift+tab: focus %d, want %d", c.focus, aw)
	}
}

// A passage with no counterpart is marked, and the cursor on it says the
// other pane has nothing level with it.
func TestCompareUniquePassages(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	aw := articleIndex(t, c, seedAntiwar)
	u := -1
	for i := range c.cmp.Articles[aw].Passages {
		if c.cmp.RowOf(passages.Ref{Article: aw, Passage: i}) < 0 {
			u = i
			break
		}
	}
	if u < 0 {
		t.Fatal("no unique passage in Antiwar.com")
	}
	if !strings.Contains(hs.screenText(), "○ ") {
		t.Fatalf("no unique mark:\n%s", hs.screenText())
	}
	for i := 0; i < u; i++ {
		hs.keys("j")
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "only in Antiwar.com") {
		t.Fatalf("cursor on a unique passage: no “only in Antiwar.com”:\n%s", scr)
	}
}

// Panes that do not fit page horizontally; the status line says which.
func TestComparePagingAndFullWidth(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 80, 30)
	markIDs(t, hs, seedIranian, seedAntiwar, "004_f3682412e17b471f")
	hs.keys("c")
	c := compareOf(hs)
	if c.cmp == nil {
		t.Fatalf("no comparison: %v", c.err)
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "panes 1–2 of 3") || !strings.Contains(scr, "→/l panes") {
		t.Fatalf("80 columns, 3 articles: want panes 1–2 of 3 and a paging key:\n%s", scr)
	}
	hs.keys("l")
	scr = hs.screenText()
	if !strings.Contains(scr, "panes 2–3 of 3") || c.focus != 1 {
		t.Fatalf("l: want panes 2–3 of 3 and focus on pane 2 (focus %d):\n%s", c.focus, scr)
	}
	if !strings.Contains(strings.Split(scr, "\n")[1], "VICE World News") {
		t.Fatalf("the third pane is not shown after paging:\n%s", scr)
	}
	hs.keys("h")
	if scr = hs.screenText(); !strings.Contains(scr, "panes 1–2 of 3") {
		t.Fatalf("h: want panes 1–2 of 3:\n%s", scr)
	}
	// Full width: one pane, as wide as the terminal.
	hs.keys("z")
	scr = hs.screenText()
	if !strings.Contains(scr, "full width") || strings.Contains(scr, "│") {
		t.Fatalf("z: want one pane without rules:\n%s", scr)
	}
	long := 0
	for _, l := range strings.Split(scr, "\n")[3:] {
		long = max(long, len(strings.TrimRight(l, " ")))
	}
	if long <= 50 {
		t.Fatalf("full-width text lines are at most %d columns", long)
	}
	hs.keys("z")
	if strings.Contains(hs.screenText(), "full width") {
		t.Fatal("z did not toggle back")
	}
}

func TestCompareEnterReadsThePassage(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	aw := articleIndex(t, c, seedAntiwar)
	target := passageIndex(t, c, aw, "killing at least 25")
	for i := 0; i < target; i++ {
		hs.keys("j")
	}
	hs.keys("enter")
	if hs.m.active != ViewReader {
		t.Fatalf("enter: active %d, want the reader", hs.m.active)
	}
	if !strings.Contains(hs.screenText(), "killing at least 25") {
		t.Fatalf("the reader is not at the passage:\n%s", hs.screenText())
	}
	hs.keys("esc")
	if hs.m.active != ViewCompare || c.cur[aw] != target {
		t.Fatal("back from the reader lost the compare view's place")
	}
}

func TestCompareHelpShowsItsKeys(t *testing.T) {
	hs := comparePair(t, 40)
	check := func(groups [][]key2) {
		t.Helper()
		scr := hs.screenText()
		for _, g := range groups {
			for _, b := range g {
				if !strings.Contains(scr, b.k) || !strings.Contains(scr, b.d) {
					t.Errorf("help lacks %q %q", b.k, b.d)
				}
			}
		}
	}
	hs.keys("?")
	check(helpOf(newCompareKeys().FullHelp()))
	hs.keys("esc", "d", "?")
	check(helpOf(newDiffKeys().FullHelp()))
	hs.keys("esc", "esc")
	last := strings.Split(hs.screenText(), "\n")
	if l := last[len(last)-1]; !strings.Contains(l, "tab focus") || !strings.Contains(l, "d differences") {
		t.Fatalf("compare help line: %q", l)
	}
}

type key2 struct{ k, d string }

func helpOf(groups [][]key.Binding) [][]key2 {
	var out [][]key2
	for _, g := range groups {
		var row []key2
		for _, b := range g {
			row = append(row, key2{b.Help().Key, b.Help().Desc})
		}
		out = append(out, row)
	}
	return out
}

// An article with nothing to align (no title, no body) compares without
// a panic, and every key still works.
func TestCompareEmptyArticle(t *testing.T) {
	empty := &corpus.Article{ID: "empty", Outlet: "Blank Outlet", Format: "text"}
	full := article("full", "Some Outlet", "2020-01-01", "A title", "A body sentence. Another one.")
	hs := newHarness(t, []*corpus.Article{empty, full}, 100, 20)
	hs.keys("space", "space", "c")
	c := compareOf(hs)
	if hs.m.active != ViewCompare || (c.cmp == nil && c.err == nil) {
		t.Fatalf("active %d, cmp %v err %v", hs.m.active, c.cmp != nil, c.err)
	}
	for _, k := range []string{"j", "k", "G", "g", "tab", "j", "enter", "esc", "z", "d", "j", "enter", "d", "esc", "tab", "enter"} {
		hs.keys(k)
		checkFrame(t, hs.m.render(), 100, 20)
	}
}

// A click puts the cursor on the passage under the mouse, focusing its pane.
func TestCompareClick(t *testing.T) {
	hs := comparePair(t, 40)
	c := compareOf(hs)
	aw, ir := articleIndex(t, c, seedAntiwar), articleIndex(t, c, seedIranian)
	scr := hs.screenText()
	y := rowOf(scr, strikesStart)
	hs.send(tea.MouseClickMsg(tea.Mouse{X: 5, Y: y, Button: tea.MouseLeft}))
	if c.focus != aw || !strings.Contains(c.cmp.Articles[aw].Passages[c.cur[aw]].Text, "killing at least 25") {
		t.Fatalf("click on Antiwar.com's toll: focus %d §%d", c.focus, c.cur[aw]+1)
	}
	if rowOf(hs.screenText(), strikesStart) != y {
		t.Fatal("a click in the focused pane moved the text")
	}
	y = rowOf(hs.screenText(), "According to the US")
	hs.send(tea.MouseClickMsg(tea.Mouse{X: 80, Y: y, Button: tea.MouseLeft}))
	if c.focus != ir || !strings.Contains(c.cmp.Articles[ir].Passages[c.cur[ir]].Text, "According to the US") {
		t.Fatalf("click on an Iranian.com passage: focus %d §%d", c.focus, c.cur[ir]+1)
	}
	hs.send(tea.MouseClickMsg(tea.Mouse{X: 80, Y: 0, Button: tea.MouseLeft})) // the bar: nothing
	hs.send(tea.MouseClickMsg(tea.Mouse{X: 500, Y: 500, Button: tea.MouseLeft}))
}

// With three panes, passages of the two other panes that report the same
// thing, with nothing in the focused pane, are level with each other too.
func TestCompareOtherPanesAlignAmongThemselves(t *testing.T) {
	a := article("ta", "Alpha Wire", "2020-01-01", "Harvest festival opens in the hill town",
		"Farmers brought pumpkins to the square on Saturday.", "A brass band played until late.")
	b := article("tb", "Bravo Daily", "2020-01-02", "Flooding closes the river bridge",
		"Engineers say the bridge piers were damaged by the flood water.",
		"The river rose four metres overnight after heavy rain.",
		"Residents were moved to the school gymnasium.")
	c := article("tc", "Charlie Post", "2020-01-03", "River bridge shut after floods",
		"The river rose four metres overnight after days of heavy rain.",
		"Engineers said the flood water damaged the bridge piers.",
		"Shops on the embankment stayed closed.")
	hs := newHarness(t, []*corpus.Article{a, b, c}, 150, 60)
	hs.keys("space", "space", "space", "c")
	cm := compareOf(hs)
	if cm.cmp == nil {
		t.Fatalf("no comparison: %v", cm.err)
	}
	if cm.focus != 0 || cm.arts[0].ID != "ta" {
		t.Fatalf("focus on %s, want the festival story", cm.arts[cm.focus].ID)
	}
	scr := hs.screenText()
	// Both river sentences are rows of Bravo and Charlie.
	for _, pair := range [][2]string{{"Engineers say the bridge", "Engineers said the flood"}, {"The river rose four metres overnight after heavy", "The river rose four metres overnight after days"}} {
		rb, rc := cm.cmp.RowOf(passages.Ref{Article: 1, Passage: passageIndex(t, cm, 1, pair[0])}), cm.cmp.RowOf(passages.Ref{Article: 2, Passage: passageIndex(t, cm, 2, pair[1])})
		if rb < 0 || rb != rc {
			t.Skipf("the comparison does not pair %q with %q (rows %d, %d)", pair[0], pair[1], rb, rc)
		}
	}
	// They cross (Bravo: engineers then river; Charlie: river then
	// engineers), so one pair is level and the other is drawn in order.
	level := 0
	for _, pair := range [][2]string{{"Engineers say the bridge", "Engineers said the flood"}, {"The river rose four", "The river rose four"}} {
		if r := paneRow(scr, 1, pair[0]); r >= 0 && r == paneRow(scr, 2, pair[1]) {
			level++
		}
	}
	if level != 1 {
		t.Fatalf("%d of the two crossing pairs level, want 1:\n%s", level, scr)
	}
	if !strings.Contains(scr, "with Bravo Daily") {
		t.Fatalf("the level pair does not say what it is level with:\n%s", scr)
	}
	for _, s := range []string{"Residents were moved", "Shops on the embankment", "Flooding closes", "River bridge shut"} {
		if rowOf(scr, s) < 0 {
			t.Errorf("%q is not drawn", s)
		}
	}
}
