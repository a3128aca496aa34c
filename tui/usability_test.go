package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"github.com/pmureader/pmureader/corpus"
)

// These tests hold what a new user ran into (issue 12): at 80×24, 200×50
// and 40×12, with NO_COLOR and TERM=dumb, on the seeds and on a corpus of
// their own.

// lineWith returns the first line of scr that contains s, or "".
func lineWith(scr, s string) string {
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

// Item 12: with TERM=dumb no attribute reaches the screen, so the row
// under the cursor must be told by a mark, in the table, in title search
// and in word search (the stories view has one already).
func TestCursorMarkWithoutAttributes(t *testing.T) {
	hs := newHarness(t, libArticles(), 80, 12)
	check := func(where, selected string, others ...string) {
		t.Helper()
		scr := hs.screenText() // what a terminal without attributes shows
		if l := lineWith(scr, selected); !strings.HasPrefix(l, "▸") {
			t.Errorf("%s: the selected row %q has no cursor mark: %q\n%s", where, selected, l, scr)
		}
		for _, o := range others {
			if l := lineWith(scr, o); strings.Contains(l, "▸") {
				t.Errorf("%s: an unselected row has the cursor mark: %q", where, l)
			}
		}
	}
	hs.keys("j")
	check("library", "Bravo strikes", "Charlie condemns", "Alpha attacks")
	hs.keys("space") // marks it and moves on
	check("library, the row above marked", "Alpha attacks", "Bravo strikes")
	if l := lineWith(hs.screenText(), "Bravo strikes"); !strings.HasPrefix(l, " ✓") {
		t.Errorf("a marked row lost its mark: %q", l)
	}
	hs.keys("/", "strikes")
	check("title search", "Bravo strikes")
	hs.keys("esc", "f", "body", "down")
	scr := hs.screenText()
	n := strings.Count(scr, "▸")
	if n != 1 {
		t.Errorf("word search: %d cursor marks, want 1:\n%s", n, scr)
	}
}

// problemsBatch is n load problems, one line each, and one long one.
func problemsBatch(n int) batchMsg {
	var ps []corpus.Problem
	for i := 1; i <= n; i++ {
		ps = append(ps, corpus.Problem{Path: fmt.Sprintf("dir/p%02d.jsonl", i), Line: i, Err: errString(fmt.Sprintf("bad record number %d", i))})
	}
	long := "a very long message " + strings.Repeat("that goes on ", 20) + "and ends here"
	ps = append(ps, corpus.Problem{Path: "dir/long.txt", Err: errString(long)},
		corpus.Problem{Path: "dir/w.txt", Line: 2, Warning: true, Err: errString("invalid UTF-8 replaced")})
	return batchMsg{batch: corpus.Batch{Problems: ps}}
}

// Item 13: a key lists every load problem (file, line, message), whole,
// and scrolls through them.
func TestProblemsListedInFull(t *testing.T) {
	hs := newHarness(t, libArticles(), 80, 12)
	hs.send(problemsBatch(30))
	status := lineWith(hs.screenText(), "problems")
	if !strings.Contains(status, "32 problems") || !strings.Contains(status, "p ") {
		t.Fatalf("the status line does not say how to list the problems: %q", status)
	}
	hs.keys("p")
	seen := map[string]bool{}
	var text strings.Builder
	for range 60 {
		scr := hs.screenText()
		checkFrame(t, hs.m.render(), 80, 12)
		for _, l := range strings.Split(scr, "\n") {
			if !seen[l] {
				seen[l] = true
				text.WriteString(strings.TrimSpace(l) + " ")
			}
		}
		hs.keys("j")
	}
	all := strings.Join(strings.Fields(text.String()), " ")
	for i := 1; i <= 30; i++ {
		if want := fmt.Sprintf("dir/p%02d.jsonl:%d: bad record number %d", i, i, i); !strings.Contains(all, want) {
			t.Errorf("the list never showed %q", want)
		}
	}
	if !strings.Contains(all, "that goes on and ends here") || !strings.Contains(all, "warning") {
		t.Errorf("the long problem or the warning is not shown whole:\n%s", all)
	}
	hs.keys("g")
	if !strings.Contains(hs.screenText(), "p01.jsonl") {
		t.Errorf("g does not go back to the first problem:\n%s", hs.screenText())
	}
	hs.keys("G")
	if !strings.Contains(hs.screenText(), "w.txt") {
		t.Errorf("G does not reach the last problem:\n%s", hs.screenText())
	}
	hs.keys("esc")
	if hs.m.active != ViewLibrary {
		t.Errorf("esc does not leave the problems")
	}
	// Without problems the key says there are none, and stays put.
	clean := newHarness(t, libArticles(), 80, 12)
	clean.keys("p")
	if clean.m.active != ViewLibrary || !strings.Contains(clean.screenText(), "no load problems") {
		t.Errorf("p without problems:\n%s", clean.screenText())
	}
}

// untitled is two articles with neither outlet nor headline, as a scraper
// dump gives them, and one with a title made from its first sentence.
func untitled() []*corpus.Article {
	a := article("coastal_times", "", "2020-02-01", "", "Storm hits the coast of Rivertown. Boats were lost.")
	b := article("inland_post", "", "2020-02-02", "", "Storm hits the coast of Rivertown. Roads were closed.")
	c := article("derived", "Harbour Daily", "2020-02-03", "Storm hits the harbour.", "Storm hits the harbour. Ships sank.")
	c.TitleDerived = true
	return []*corpus.Article{a, b, c}
}

// Items 14, 5 and 6: rows without outlet or title are told apart by the
// article's id, dimmed; a title made from the text is marked "untitled: "
// in the library, the reader and the stories view.
func TestNamelessArticlesToldApart(t *testing.T) {
	hs := newHarness(t, untitled(), 100, 20)
	scr := hs.screenText()
	for _, id := range []string{"coastal_times", "inland_post"} {
		if lineWith(scr, id) == "" {
			t.Errorf("library: no row names %s:\n%s", id, scr)
		}
	}
	if !strings.Contains(scr, "untitled: Storm hits the harbour") {
		t.Errorf("library: derived title not marked:\n%s", scr)
	}
	hs.keys("f", "storm")
	if scr := hs.screenText(); strings.Contains(scr, "unknown outlet") || lineWith(scr, "coastal_times") == "" {
		t.Errorf("word search: outlet-less hit not named:\n%s", scr)
	}
	hs.keys("esc", "G", "enter") // the oldest: coastal_times
	if scr := hs.screenText(); !strings.HasPrefix(scr, "coastal_times") || strings.Contains(scr, "unknown outlet") {
		t.Errorf("reader: outlet-less article not named by its id:\n%s", scr)
	}
	hs.keys("esc", "g", "enter") // the newest: derived
	if scr := hs.screenText(); strings.Count(scr, "untitled: Storm hits the harbour") < 2 {
		t.Errorf("reader: derived title not marked in the bar and the header:\n%s", scr)
	}
}

// Items 5, 6: the stories view names outlet-less articles by id, marks
// derived titles, and an undated article is "undated", not "~" (which
// its legend defines as approximate).
func TestStoriesMarksUndatedAndNameless(t *testing.T) {
	arts := untitled()
	arts[0].Date = corpus.Date{}
	for _, a := range arts {
		a.Story = "storm"
	}
	hs := newHarness(t, arts, 120, 40)
	hs.keys("t")
	scr := hs.screenText()
	if strings.Contains(scr, "unknown outlet") || lineWith(scr, "coastal_times") == "" {
		t.Errorf("stories: outlet-less article not named:\n%s", scr)
	}
	if !strings.Contains(scr, "untitled: Storm hits the harbour") {
		t.Errorf("stories: derived title not marked:\n%s", scr)
	}
	l := lineWith(scr, "coastal_times —")
	if !strings.Contains(l, "undated") || strings.Contains(l, "~") {
		t.Errorf("stories: the undated article is %q", l)
	}
}

// Item 15: the "?" screen wraps what a mark or a key means instead of
// cutting it off at the edge.
func TestHelpWrapsMarks(t *testing.T) {
	for _, w := range []int{80, 40} {
		hs := newHarness(t, seedArticles(t), w, 70)
		hs.keys("t", "j", "j", "j", "enter", "?")
		all := strings.Join(strings.Fields(hs.screenText()), " ")
		for _, s := range newCompareKeys().Signs() {
			if !strings.Contains(all, s.meaning) {
				t.Errorf("%d columns: compare help cuts %q:\n%s", w, s.meaning, hs.screenText())
			}
		}
		for _, g := range newCompareKeys().FullHelp() {
			for _, b := range g {
				if !strings.Contains(all, b.Help().Desc) {
					t.Errorf("%d columns: compare help cuts %q:\n%s", w, b.Help().Desc, hs.screenText())
				}
			}
		}
	}
}

// Item 15: "compare" with one article marked says what it needs once.
func TestCompareNoteDoesNotRepeatTheCount(t *testing.T) {
	hs := newHarness(t, libArticles(), 120, 12)
	hs.keys("space", "c")
	status := lineWith(hs.screenText(), "compare")
	if strings.Count(status, "1 marked") != 1 {
		t.Errorf("status: %q", status)
	}
}

// Item 15: a bar cut at the edge ends in "…".
func TestBarsCutWithEllipsis(t *testing.T) {
	long := article("long", "Outlet", "2020-01-01", "A headline that is far too long for a terminal forty columns wide", "Body.")
	hs := newHarness(t, []*corpus.Article{long}, 40, 12)
	hs.keys("enter")
	bar := strings.Split(hs.screenText(), "\n")[0]
	if !strings.HasSuffix(strings.TrimRight(bar, " "), "…") {
		t.Errorf("the reader's bar is cut without an ellipsis: %q", bar)
	}
}

// Item 15: at 200 columns the title and story columns share the width:
// every seed title shows whole and the story column is not left at 24.
func TestLibraryColumnsShareTheWidth(t *testing.T) {
	hs := newHarness(t, seedArticles(t), 200, 50)
	scr := hs.screenText()
	for _, a := range seedArticles(t) {
		if !strings.Contains(scr, a.Title) {
			t.Errorf("title cut at 200 columns: %q", a.Title)
		}
	}
	if c := hs.m.library.columns(); c.story <= 24 || c.title < c.story {
		t.Errorf("at 200 columns: title %d, story %d", c.title, c.story)
	}
	if strings.Contains(scr, "US airstrikes on militi…") {
		t.Errorf("a story name is cut though there is room:\n%s", scr)
	}
}

// keyName is how the help writes a key.
func keyName(k string) string {
	switch k {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "pgdown":
		return "pgdn"
	case wheelKey:
		return "wheel"
	case clickKey:
		return "click"
	}
	return k
}

// bindingsOf is every binding of a key map: its exported fields and its
// navigation keys.
func bindingsOf(km any) []key.Binding {
	v := reflect.ValueOf(km)
	var out []key.Binding
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b)
		}
	}
	var nav navKeys
	switch k := km.(type) {
	case libraryKeys:
		nav = k.nav
	case searchKeys:
		nav = k.nav
	case readerKeys:
		nav = k.nav
	case storiesKeys:
		nav = k.nav
	case compareKeys:
		nav = k.nav
	case diffKeys:
		nav = k.nav
	case problemsKeys:
		nav = k.nav
	}
	return append(out, nav.all()...)
}

// Item 15: the "?" screen names every key that works (mouse, ctrl+f,
// backspace, "f", "[" and "]" were missing), and every binding a view
// answers is on it.
func TestHelpNamesEveryKey(t *testing.T) {
	maps := map[string]help.KeyMap{
		"library": newLibraryKeys(), "search": newSearchKeys(), "reader": newReaderKeys(), "find": newFindKeys(),
		"stories": newStoriesKeys(), "compare": newCompareKeys(), "differences": newDiffKeys(), "problems": newProblemsKeys(),
	}
	for name, km := range maps {
		full := map[string]bool{}
		for _, g := range km.FullHelp() {
			for _, b := range g {
				full[b.Help().Key+"\x00"+b.Help().Desc] = true
				for _, k := range b.Keys() {
					if !strings.Contains(b.Help().Key, keyName(k)) {
						t.Errorf("%s: %q works but its help says %q", name, k, b.Help().Key)
					}
				}
			}
		}
		for _, b := range bindingsOf(km) {
			if b.Enabled() && !full[b.Help().Key+"\x00"+b.Help().Desc] {
				t.Errorf("%s: %q (%s) is not on the ? screen", name, b.Help().Key, b.Help().Desc)
			}
		}
	}
	for _, name := range []string{"library", "reader", "stories", "compare"} {
		hasMouse := false
		for _, g := range maps[name].FullHelp() {
			for _, b := range g {
				hasMouse = hasMouse || strings.Contains(b.Help().Key, "wheel")
			}
		}
		if !hasMouse {
			t.Errorf("%s: the mouse works but the ? screen does not say so", name)
		}
	}
}
