package tui

import (
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
)

// libArticles is a small library with known dates, outlets and titles.
func libArticles() []*corpus.Article {
	return []*corpus.Article{
		article("a1", "Zeta News", "2020-01-02", "Bravo strikes in the north", "Body one about Kata’ib Hezbollah."),
		article("a2", "Alpha Post", "2021-06-28", "Charlie condemns airstrikes", "Body two about the café in Baghdad."),
		article("a3", "Mid Times", "2019-12-29", "Alpha attacks on militias", "Body three mentions Ketaib Hezbollah twice: Ketaib."),
		article("a4", "Café Réseau", "", "Résumé of the Kata’ib story", "Body four, undated."),
	}
}

// rowTitles returns the titles in the order the library lists them.
func rowTitles(hs *harness) []string {
	l := hs.m.library
	var out []string
	for i := 0; i < l.listLen(); i++ {
		out = append(out, l.articleAt(i).Title)
	}
	return out
}

func selectedTitle(hs *harness) string {
	l := hs.m.library
	if a := l.articleAt(l.cur.at); a != nil {
		return a.Title
	}
	return ""
}

func TestLibraryListsEveryArticleWithColumns(t *testing.T) {
	hs := newHarness(t, libArticles(), 120, 20)
	scr := hs.screenText()
	for _, want := range []string{"Date ↓", "Outlet", "Title", "Story", "Words",
		"2021-06-28", "Alpha Post", "Charlie condemns airstrikes", "Café Réseau", "4 articles", "sorted by date"} {
		if !strings.Contains(scr, want) {
			t.Errorf("library lacks %q:\n%s", want, scr)
		}
	}
}

func TestLibrarySortCycles(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	want := map[string][]string{
		"date":   {"Charlie condemns airstrikes", "Bravo strikes in the north", "Alpha attacks on militias", "Résumé of the Kata’ib story"},
		"outlet": {"Charlie condemns airstrikes", "Résumé of the Kata’ib story", "Alpha attacks on militias", "Bravo strikes in the north"},
		"title":  {"Alpha attacks on militias", "Bravo strikes in the north", "Charlie condemns airstrikes", "Résumé of the Kata’ib story"},
	}
	for _, by := range []string{"date", "outlet", "title", "date"} {
		if got := rowTitles(hs); strings.Join(got, "|") != strings.Join(want[by], "|") {
			t.Fatalf("sorted by %s: %q, want %q", by, got, want[by])
		}
		if !strings.Contains(hs.screenText(), "sorted by "+by) {
			t.Fatalf("header does not say sorted by %s", by)
		}
		hs.keys("s")
	}
	hs.keys("S") // reverse (now by outlet)
	if got := rowTitles(hs); got[0] != "Bravo strikes in the north" {
		t.Fatalf("reversed by outlet: %q", got)
	}
}

func TestLibraryCursorKeysAndMouse(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	steps := []struct {
		keys []string
		want string
	}{
		{[]string{"j"}, "Bravo strikes in the north"},
		{[]string{"down"}, "Alpha attacks on militias"},
		{[]string{"k"}, "Bravo strikes in the north"},
		{[]string{"up"}, "Charlie condemns airstrikes"},
		{[]string{"G"}, "Résumé of the Kata’ib story"},
		{[]string{"g"}, "Charlie condemns airstrikes"},
		{[]string{"end"}, "Résumé of the Kata’ib story"},
		{[]string{"home"}, "Charlie condemns airstrikes"},
		{[]string{"pgdown"}, "Résumé of the Kata’ib story"},
		{[]string{"pgup"}, "Charlie condemns airstrikes"},
		{[]string{"ctrl+d"}, "Résumé of the Kata’ib story"},
		{[]string{"ctrl+u"}, "Charlie condemns airstrikes"},
		{[]string{"k"}, "Charlie condemns airstrikes"}, // stays at the top
	}
	for _, s := range steps {
		hs.keys(s.keys...)
		if got := selectedTitle(hs); got != s.want {
			t.Fatalf("after %v: selected %q, want %q", s.keys, got, s.want)
		}
	}
	hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if got := selectedTitle(hs); got != "Résumé of the Kata’ib story" {
		t.Fatalf("wheel down: %q", got)
	}
	// Row 1 of the list is on screen line 3 (bar, headings, row 0).
	hs.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 20, Y: 3})
	if got := selectedTitle(hs); got != "Bravo strikes in the north" {
		t.Fatalf("click: %q", got)
	}
	hs.send(tea.MouseClickMsg{Button: tea.MouseLeft, X: 20, Y: 3})
	if hs.m.active != ViewReader {
		t.Fatal("a click on the selected row should open it")
	}
}

func TestLibraryVirtualisesRows(t *testing.T) {
	var arts []*corpus.Article
	for i := 0; i < 5000; i++ {
		arts = append(arts, article("id"+string(rune('a'+i%26))+strings.Repeat("x", i%7)+strconv.Itoa(i), "Outlet", "2020-01-02", "Title number "+strconv.Itoa(i)))
	}
	hs := newHarness(t, arts, 80, 12)
	hs.keys("G")
	scr := hs.screenText()
	if !strings.Contains(scr, "5000/5000") {
		t.Fatalf("status does not show the position:\n%s", scr)
	}
	if n := strings.Count(scr, "Title number"); n != 12-4 {
		t.Fatalf("%d rows drawn, want %d:\n%s", n, 12-4, scr)
	}
}

func TestLibraryMarks(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	hs.keys("space", "space")
	scr := hs.screenText()
	if !strings.Contains(scr, "2 marked") {
		t.Fatalf("status does not count marks:\n%s", scr)
	}
	if n := strings.Count(scr, "✓"); n != 2 {
		t.Fatalf("%d marks visible, want 2:\n%s", n, scr)
	}
	hs.keys("k", "space") // unmark the second
	if !strings.Contains(hs.screenText(), "1 marked") {
		t.Fatal("unmarking did not update the count")
	}
	hs.keys("u")
	if strings.Contains(hs.screenText(), "marked") {
		t.Fatal("u did not clear the marks")
	}
}

func TestLibraryQuitAndQInSearch(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	hs.keys("/", "q")
	if hs.quit {
		t.Fatal("q typed in the search line quit")
	}
	if v := hs.m.library.input.Value(); v != "q" {
		t.Fatalf("search line holds %q, want q", v)
	}
	hs.keys("?")
	if hs.m.help.open {
		t.Fatal("? typed in the search line opened help")
	}
	hs.keys("esc", "q")
	if !hs.quit {
		t.Fatal("q in the library did not quit")
	}
}

func TestCtrlCQuitsEverywhere(t *testing.T) {
	for _, pre := range [][]string{nil, {"/"}, {"f"}, {"enter"}, {"enter", "/"}, {"?"}} {
		hs := newHarness(t, libArticles(), 100, 20)
		hs.keys(pre...)
		hs.keys("ctrl+c")
		if !hs.quit {
			t.Fatalf("ctrl+c after %v did not quit", pre)
		}
	}
}

func TestFuzzySearchRanksAndOpens(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	hs.keys("/", "charlie")
	got := rowTitles(hs)
	if len(got) == 0 || got[0] != "Charlie condemns airstrikes" {
		t.Fatalf("hits %q", got)
	}
	if !strings.Contains(hs.screenText(), "/ charlie") {
		t.Fatalf("search line not shown:\n%s", hs.screenText())
	}
	hs.keys("enter")
	if hs.m.active != ViewReader || !strings.Contains(hs.screenText(), "Body two about the café") {
		t.Fatalf("enter did not open the hit:\n%s", hs.screenText())
	}
	hs.keys("esc")
	if hs.m.active != ViewLibrary {
		t.Fatal("esc did not return to the library")
	}
	hs.keys("esc") // leave search
	if l := hs.m.library; l.mode != modeBrowse || selectedTitle(hs) != "Charlie condemns airstrikes" {
		t.Fatalf("leaving search: mode %v, selected %q", l.mode, selectedTitle(hs))
	}
}

// The matched characters of a fuzzy hit are highlighted in the original
// non-ASCII title, whole characters only.
func TestFuzzyHighlightNonASCII(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	hs.keys("/", "resume kataib")
	l := hs.m.library
	if l.titles.len() == 0 || l.titles.row(0).article.ID != "a4" {
		t.Fatalf("hits %q", rowTitles(hs))
	}
	title, _ := l.titles.row(0).spans()
	a := l.titles.row(0).article
	var matched strings.Builder
	for _, sp := range title {
		matched.WriteString(a.Title[sp.Start:sp.End])
	}
	if got := matched.String(); got != "RésuméKata’ib" && got != "Résumé Kata’ib" {
		t.Fatalf("matched characters %q", got)
	}
	row := l.tableRow(0, l.columns())
	if !strings.Contains(row, hs.m.sh.styles.P.Match.On(hs.m.sh.styles.P.Selected).Render("Résumé")) {
		t.Fatalf("row does not highlight Résumé: %q", row)
	}
}

// Results that arrive for an older query are dropped; at most one search
// runs, and the latest query typed meanwhile runs next.
func TestStaleResultsDropped(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 20)
	m := hs.m
	l := m.library
	hs.keys("/")
	// Type without running commands: first key starts a search, the others
	// only queue the latest query.
	for _, r := range "alpha" {
		m.Update(tea.KeyPressMsg(tea.Key{Code: r, Text: string(r)}))
	}
	jobs := m.jobs
	if !jobs.running(jobTitles) || jobs.kinds[jobTitles].queued == nil {
		t.Fatalf("in flight %v, queued %v", jobs.running(jobTitles), jobs.kinds[jobTitles].queued != nil)
	}
	latest := jobs.kinds[jobTitles].gen
	// An answer for an old generation is ignored…
	_, next := m.Update(titleResultsMsg{jobID: jobID{jobTitles, latest - 3}, query: "al", list: findTitles(m.sh.titles, "charlie", nil)})
	if l.titles.len() != 0 {
		t.Fatalf("stale results shown: %v", rowTitles(hs))
	}
	// …and the pending query is started, once.
	if next == nil || jobs.kinds[jobTitles].queued != nil || !jobs.running(jobTitles) {
		t.Fatal("the pending query was not started")
	}
	msg := next()
	tr, ok := msg.(titleResultsMsg)
	if !ok || tr.gen != latest || tr.query != "alpha" {
		t.Fatalf("next search: %#v", msg)
	}
	m.Update(tr)
	if got := rowTitles(hs); len(got) == 0 || !strings.Contains(got[0], "Alpha") {
		t.Fatalf("latest results not shown: %q", got)
	}
	// A late answer to an older query must not replace them.
	m.Update(titleResultsMsg{jobID: jobID{jobTitles, latest - 1}, query: "alph", list: findTitles(m.sh.titles, "charlie", nil)})
	if got := rowTitles(hs); len(got) == 0 || !strings.Contains(got[0], "Alpha") {
		t.Fatalf("late stale results replaced the latest: %q", got)
	}
}

func TestWordSearchShowsSnippetsAndOpensAtPassage(t *testing.T) {
	arts := libArticles()
	long := article("long", "Long Outlet", "2018-05-05", "A long article",
		strings.Repeat("Filler sentence about nothing in particular. ", 30),
		strings.Repeat("More filler text that is not relevant. ", 30),
		"Here the militia named Kata’ib Hezbollah is finally mentioned.",
	)
	arts = append(arts, long)
	hs := newHarness(t, arts, 80, 24)
	hs.keys("f", "hezbollah")
	scr := hs.screenText()
	for _, want := range []string{"words: hezbollah", "Long Outlet", "Kata’ib Hezbollah"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("word search screen lacks %q:\n%s", want, scr)
		}
	}
	// Select the long article and open it: the passage is on screen.
	l := hs.m.library
	for i := 0; i < l.listLen() && selectedTitle(hs) != "A long article"; i++ {
		hs.keys("down")
	}
	hs.keys("enter")
	scr = hs.screenText()
	if hs.m.active != ViewReader || !strings.Contains(scr, "finally mentioned") {
		t.Fatalf("reader not at the passage:\n%s", scr)
	}
	if !strings.Contains(scr, "1/1 “hezbollah”") {
		t.Fatalf("reader does not count the match of the typed query:\n%s", scr)
	}
}

// A "/" hit found by the words of its text (¶) opens, like a word-search
// hit, at the passage with the words, counted and highlighted; a hit found
// by its title opens at the top with nothing to find.
func TestTitleSearchTextHitOpensAtPassage(t *testing.T) {
	arts := libArticles()
	arts = append(arts, article("long", "Long Outlet", "2018-05-05", "A long article",
		strings.Repeat("Filler sentence about nothing in particular. ", 30),
		strings.Repeat("More filler text that is not relevant. ", 30),
		"Here the militia named Zanzibari Hezbollah is finally mentioned.",
	))
	hs := newHarness(t, arts, 80, 24)
	hs.keys("/", "zanzibari")
	l := hs.m.library
	if l.titles.len() == 0 || l.titles.row(0).article.ID != "long" || !l.titles.row(0).inText {
		t.Fatalf("want the long article first, found by its text: %q", rowTitles(hs))
	}
	hs.keys("enter")
	scr := hs.screenText()
	if hs.m.active != ViewReader || !strings.Contains(scr, "finally mentioned") {
		t.Fatalf("reader not at the passage:\n%s", scr)
	}
	if !strings.Contains(scr, "1/1 “zanzibari”") {
		t.Fatalf("reader does not count the match of the typed query:\n%s", scr)
	}
	if !strings.Contains(hs.m.render(), hs.m.sh.styles.Current.Render("Zanzibari")) {
		t.Fatal("the match is not highlighted")
	}

	hs.keys("esc", "esc", "/", "charlie", "enter")
	if scr := hs.screenText(); !strings.Contains(scr, "Charlie condemns airstrikes") || strings.Contains(scr, "“charlie”") {
		t.Fatalf("a title hit opens at the top with no find:\n%s", scr)
	}
}

func TestWordSearchPhrase(t *testing.T) {
	hs := newHarness(t, libArticles(), 80, 24)
	hs.keys("f", `"ketaib hezbollah"`)
	if got := rowTitles(hs); len(got) != 1 || got[0] != "Alpha attacks on militias" {
		t.Fatalf("phrase hits %q", got)
	}
}

func TestTooSmallSaysHowLarge(t *testing.T) {
	hs := newHarness(t, libArticles(), 20, 5)
	scr := hs.screenText()
	if !strings.Contains(scr, "30×8") || !strings.Contains(scr, "small") {
		t.Fatalf("too-small screen:\n%s", scr)
	}
	checkFrame(t, hs.m.render(), 20, 5)
}

// A hit on the story name is highlighted in the Story column.
func TestFuzzyHighlightsStory(t *testing.T) {
	arts := libArticles()
	m := New(Options{Load: batchLoader(arts), StoryOf: func(a *corpus.Article) string {
		if a.ID == "a1" {
			return "Zanzibar crisis"
		}
		return ""
	}})
	hs := &harness{t: t, m: m}
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 20})
	hs.run(m.Init())
	hs.keys("/", "zanzibar")
	l := m.library
	if l.titles.len() == 0 || l.titles.row(0).article.ID != "a1" {
		t.Fatalf("hits %q", rowTitles(hs))
	}
	row := l.tableRow(0, l.columns())
	if !strings.Contains(row, m.sh.styles.P.Match.On(m.sh.styles.P.Selected).Render("ibar")) {
		t.Fatalf("story match not highlighted: %q", row)
	}
}
