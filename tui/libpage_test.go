package tui

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// selectListed moves the library's cursor, with keys, to the article
// with id.
func (hs *harness) selectListed(id string) {
	hs.t.Helper()
	hs.keys("g")
	for range hs.m.library.listLen() {
		if a := hs.m.library.articleAt(hs.m.library.cur.at); a != nil && a.ID == id {
			return
		}
		hs.keys("j")
	}
	hs.t.Fatalf("%s is not in the list:\n%s", id, hs.screenText())
}

// pagedArticles are the articles of the paging tests: more than a window
// holds at the tests' sizes, with ties and missing values in every order.
var pagedArticles = sync.OnceValue(func() []*corpus.Article {
	arts := synth.Articles(400, 3)
	for i, a := range arts {
		switch i % 37 {
		case 5:
			a.Date = corpus.Date{}
		case 6:
			a.Outlet = ""
		}
	}
	return arts
})

// pagedLibrary is a library of pagedArticles, stored once per test.
func pagedLibrary(t *testing.T) string { return newTestLibrary(t, pagedArticles()) }

// wantListed is the library's list in order s, by its promise
// (libdb.Sort): by the folded field then id, both in the order's
// direction, rows without a value last, by id.
func wantListed(arts []*corpus.Article, s libdb.Sort) []string {
	type row struct {
		id, text string
		num      int64
		missing  bool
	}
	rows := make([]row, len(arts))
	for i, a := range arts {
		r := row{id: a.ID}
		switch s.By {
		case libdb.ByDate:
			r.missing, r.num = !a.Date.Known(), a.Date.Time.Unix()
		case libdb.ByOutlet:
			r.missing, r.text = a.Outlet == "", textnorm.Fold(a.Outlet)
		default:
			r.missing, r.text = a.Title == "", textnorm.Fold(a.Title)
		}
		rows[i] = r
	}
	slices.SortFunc(rows, func(x, y row) int {
		if x.missing != y.missing {
			return boolFirst(y.missing)
		}
		c := 0
		if !x.missing {
			c = cmp.Or(cmp.Compare(x.num, y.num), strings.Compare(x.text, y.text))
		}
		return flip(cmp.Or(c, strings.Compare(x.id, y.id)), s.Desc)
	})
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.id
	}
	return ids
}

// checkWindow fails when the library's list holds more rows than the
// screen and its margins, or does not hold the row under the cursor.
func checkWindow(t *testing.T, hs *harness) {
	t.Helper()
	l := hs.m.library
	if l.pg == nil || !l.pg.known {
		t.Fatalf("the list is not read from the library")
	}
	vis := l.visibleRows()
	if n := len(l.pg.rows); n > vis+2*pageMargin(vis) {
		t.Fatalf("the list holds %d rows for a screen of %d", n, vis)
	}
	if l.articleAt(l.cur.at) == nil {
		t.Fatalf("the row under the cursor (%d) is not held (window %d+%d)", l.cur.at, l.pg.start, len(l.pg.rows))
	}
}

// walk moves down the whole list with key, collecting the selected
// article's id at each stop, and checking the window at each.
func walk(t *testing.T, hs *harness, key string) []string {
	t.Helper()
	hs.keys("g")
	var ids []string
	for {
		checkWindow(t, hs)
		ids = append(ids, hs.m.library.articleAt(hs.m.library.cur.at).ID)
		before := hs.m.library.cur.at
		hs.keys(key)
		if hs.m.library.cur.at == before {
			return ids
		}
	}
}

// The library's list is read a window at a time, in every order: moving
// down row by row, or a page at a time, meets every article in the
// library's order, while only the rows around the screen are held.
func TestPagedListWalksEveryOrder(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	if hs.m.library.order != nil {
		t.Fatalf("the library's list is sorted in memory (%d)", len(hs.m.library.order))
	}
	vis := hs.m.library.visibleRows()
	for i := range 6 {
		if i > 0 {
			hs.keys("S") // reversed; then the next field
			if i%2 == 0 {
				hs.keys("s")
			}
		}
		s := toLibrarySort(hs.m.library.sortBy, hs.m.library.reverse)
		want := wantListed(pagedArticles(), s)
		if got := walk(t, hs, "j"); !slices.Equal(got, want) {
			t.Fatalf("%v, row by row: %d rows, want %d; first %v, want %v", s, len(got), len(want), got[:min(5, len(got))], want[:5])
		}
		var pages []string
		for i := 0; i < len(want); i += vis {
			pages = append(pages, want[i])
		}
		pages = append(pages, want[len(want)-1])
		if got := walk(t, hs, "pgdown"); !slices.Equal(got, pages) {
			t.Fatalf("%v, page by page: %v, want %v", s, got, pages)
		}
		checkFrame(t, hs.m.render(), 100, 20)
	}
}

// G jumps to the end of the list (read from its position), g back to the
// start, and the status line counts the rows of the library.
func TestPagedListJumps(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	want := wantListed(pagedArticles(), libdb.DefaultSort)
	hs.keys("G")
	checkWindow(t, hs)
	l := hs.m.library
	if l.cur.at != len(want)-1 || l.articleAt(l.cur.at).ID != want[len(want)-1] {
		t.Fatalf("G: at %d (%s), want %d (%s)", l.cur.at, l.articleAt(l.cur.at).ID, len(want)-1, want[len(want)-1])
	}
	scr := hs.screenText()
	if !strings.Contains(scr, fmt.Sprintf("%d/%d", len(want), len(want))) || !strings.Contains(scr, fmt.Sprintf("%d articles", len(want))) {
		t.Errorf("the status and bar do not count the library:\n%s", scr)
	}
	if l.pg.start == 0 {
		t.Errorf("the window at the end starts at 0: the whole list was read")
	}
	hs.keys("g")
	checkWindow(t, hs)
	if l.cur.at != 0 || l.articleAt(0).ID != want[0] {
		t.Errorf("g: at %d", l.cur.at)
	}
	for range 50 { // the wheel moves three rows a turn
		hs.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
		checkWindow(t, hs)
	}
	if l.cur.at != 150 || l.articleAt(150).ID != want[150] {
		t.Errorf("the wheel: at %d", l.cur.at)
	}
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 120}) // taller: more rows read
	checkWindow(t, hs)
	if scr := hs.screenText(); pendingRows(scr) > 0 || !l.pg.covers(l.cur.top, l.cur.top+l.visibleRows()) {
		t.Errorf("rows missing after a resize:\n%s", scr)
	}
	checkFrame(t, hs.m.render(), 100, 120)
}

// A sort change reads the list again in the new order with the same
// article selected, at its place in the new order.
func TestPagedListSortKeepsSelection(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	sel := wantListed(pagedArticles(), libdb.DefaultSort)[250]
	hs.selectListed(sel)
	for _, k := range []string{"s", "S", "s", "S", "s"} {
		hs.keys(k)
		l := hs.m.library
		checkWindow(t, hs)
		want := wantListed(pagedArticles(), toLibrarySort(l.sortBy, l.reverse))
		if got := l.articleAt(l.cur.at).ID; got != sel || l.cur.at != slices.Index(want, sel) {
			t.Fatalf("after %q: %s at %d selected, want %s at %d", k, got, l.cur.at, sel, slices.Index(want, sel))
		}
		if a := l.articleAt(l.cur.at); !strings.Contains(hs.screenText(), "▸") || a == nil {
			t.Fatalf("the selected row is not drawn:\n%s", hs.screenText())
		}
	}
}

// Returning from the reader finds the list where it was: the same article
// selected at the same place on screen, now read.
func TestPagedListReturnFromReader(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	hs.keys("G", "k", "k", "k")
	l := hs.m.library
	at, top, id := l.cur.at, l.cur.top, l.articleAt(l.cur.at).ID
	before := hs.screenText()
	hs.keys("enter")
	if hs.m.active != ViewReader || hs.m.reader.art.ID != id || len(hs.m.reader.art.Body) == 0 {
		t.Fatalf("the reader does not show %s with its body", id)
	}
	hs.keys("esc")
	checkWindow(t, hs)
	if l.cur.at != at || l.cur.top != top || l.articleAt(l.cur.at).ID != id {
		t.Fatalf("back at %d/%d (%s), want %d/%d (%s)", l.cur.at, l.cur.top, l.articleAt(l.cur.at).ID, at, top, id)
	}
	after := hs.screenText()
	if unreadRows(after) != unreadRows(before)-1 || strings.Contains(selectedLine(after), "•") {
		t.Errorf("the article read is not shown read:\n%s", after)
	}
}

// A mark made on a row read from the library is kept there, and drawn.
func TestPagedListMarks(t *testing.T) {
	hs, lib := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{})
	hs.keys("G", "k", "k")
	id := hs.m.library.articleAt(hs.m.library.cur.at).ID
	hs.keys("space", "k")
	hs.m.sh.state.flush()
	if m, err := lib.Marked(context.Background()); err != nil || !slices.Equal(m, []string{id}) {
		t.Errorf("marked in the library: %v (%v), want %s", m, err, id)
	}
	if !strings.Contains(hs.screenText(), "✓") || !strings.Contains(hs.screenText(), "1 marked") {
		t.Errorf("the mark is not drawn:\n%s", hs.screenText())
	}
}

// pendingRows counts the rows drawn as not read yet ("…").
func pendingRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		if s := strings.TrimSpace(strings.TrimPrefix(l, "▸")); s == "…" {
			n++
		}
	}
	return n
}

// selectedLine is the line of the screen under the cursor.
func selectedLine(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "▸") {
			return l
		}
	}
	return ""
}

// Articles stored while the list is open (an add) are listed: the list is
// read again with the selected article still selected, though its
// position moved; the add then selects the article it added.
func TestPagedListArticlesArrive(t *testing.T) {
	hs, lib := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	want := wantListed(pagedArticles(), libdb.DefaultSort)
	hs.selectListed(want[100])
	top := hs.m.library.cur.at - hs.m.library.cur.top
	fresh := article("fresh-1", "Fresh Daily", "2031-01-01", "Newest of all", "Its text.")
	if _, err := lib.Add(context.Background(), []libdb.Entry{{Article: fresh}}); err != nil {
		t.Fatal(err)
	}
	hs.run(hs.m.articlesArrived([]*corpus.Article{fresh}, nil))
	l := hs.m.library
	checkWindow(t, hs)
	if l.articleAt(l.cur.at).ID != want[100] || l.cur.at != 101 || l.cur.at-l.cur.top != top {
		t.Fatalf("after an article arrived: %s at %d (%d down the screen), want %s at 101 (%d)", l.articleAt(l.cur.at).ID, l.cur.at, l.cur.at-l.cur.top, want[100], top)
	}
	if !strings.Contains(hs.screenText(), fmt.Sprintf("%d articles", len(want)+1)) {
		t.Errorf("the count is not the library's:\n%s", hs.screenText())
	}
	hs.send(addedMsg{jobID: jobID{jobAdd, hs.m.jobs.kinds[jobAdd].gen}, res: AddResult{Duplicates: []string{want[300]}}})
	if l.articleAt(l.cur.at).ID != want[300] || l.cur.at != 301 {
		t.Errorf("the add's article is not selected: %s at %d", l.articleAt(l.cur.at).ID, l.cur.at)
	}
	hs.keys("g")
	if l.articleAt(0).ID != "fresh-1" {
		t.Errorf("the new article is not first: %s", l.articleAt(0).ID)
	}
}

// Leaving a title search puts the cursor on the article found, at its
// place in the library's list.
func TestPagedListLeaveSearch(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	want := wantListed(pagedArticles(), libdb.DefaultSort)
	var title string
	for _, a := range pagedArticles() {
		if a.ID == want[333] {
			title = a.Title
		}
	}
	hs.keys("/", title)
	l := hs.m.library
	for range l.titles.len() {
		if l.articleAt(l.cur.at).ID == want[333] {
			break
		}
		hs.keys("down")
	}
	if l.titles.len() == 0 || l.articleAt(l.cur.at).ID != want[333] {
		t.Fatalf("the title search does not find %s:\n%s", want[333], hs.screenText())
	}
	hs.keys("esc")
	checkWindow(t, hs)
	if l.cur.at != 333 || l.articleAt(333).ID != want[333] {
		t.Errorf("after the search: at %d (%s), want 333 (%s)", l.cur.at, l.articleAt(l.cur.at).ID, want[333])
	}
	checkFrame(t, hs.m.render(), 100, 20)
}

// The library's list keeps no index of its articles by id: word search
// makes its hits from the library's rows, and they open with their
// bodies.
func TestPagedListWordSearchWithoutIndex(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	if n := len(hs.m.sh.ids.byID); n != 0 {
		t.Errorf("%d articles indexed by id", n)
	}
	a := pagedArticles()[123]
	hs.keys("f", `"`+strings.Join(strings.Fields(a.Body[len(a.Body)-1].Text)[:6], " ")+`"`)
	l := hs.m.library
	found := false
	for _, h := range l.wordHits {
		found = found || h.article.ID == a.ID && h.article.Title == a.Title
	}
	if !found {
		t.Fatalf("word search did not find %s:\n%s", a.ID, hs.screenText())
	}
	hs.keys("enter")
	if hs.m.active != ViewReader || len(hs.m.reader.art.Body) == 0 {
		t.Fatalf("a word hit did not open with its body")
	}
}

// When the selected article is gone from the library as the list is read
// again, the cursor keeps its position.
func TestPagedListSelectedArticleGone(t *testing.T) {
	hs, lib := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	want := wantListed(pagedArticles(), libdb.DefaultSort)
	hs.selectListed(want[100])
	if err := lib.Remove(context.Background(), want[100]); err != nil {
		t.Fatal(err)
	}
	hs.run(hs.m.library.sortChanged()) // the same order, read again
	l := hs.m.library
	checkWindow(t, hs)
	if l.cur.at != 100 || l.articleAt(100).ID != want[101] || l.pg.total != len(want)-1 {
		t.Errorf("at %d (%s), %d rows; want 100 (%s), %d", l.cur.at, l.articleAt(l.cur.at).ID, l.pg.total, want[101], len(want)-1)
	}
}

// An answer to an older request is dropped: the list shows what the
// latest key asked for, read once the older read has answered.
func TestPagedListDropsStaleRows(t *testing.T) {
	hs, _ := libHarness(t, pagedLibrary(t), 100, 20, libdb.Options{NoState: true})
	want := wantListed(pagedArticles(), libdb.DefaultSort)
	_, toEnd := hs.m.Update(tea.KeyPressMsg(tea.Key{Code: 'G', Text: "G"}))
	_, up := hs.m.Update(tea.KeyPressMsg(tea.Key{Code: tea.KeyPgUp}))
	if toEnd == nil || up != nil || hs.m.jobs.kinds[jobPage].queued == nil {
		t.Fatalf("want the read for G running and pgup's waiting for it")
	}
	_, next := hs.m.Update(toEnd()) // G's rows: stale, dropped
	l := hs.m.library
	if l.pg.start != 0 || next == nil {
		t.Fatalf("the stale rows were taken (window from %d) or pgup's read did not start", l.pg.start)
	}
	hs.run(next)
	checkWindow(t, hs)
	at := len(want) - 1 - l.visibleRows()
	if l.cur.at != at || l.articleAt(l.cur.at).ID != want[at] {
		t.Errorf("at %d (%s), want %d", l.cur.at, l.articleAt(l.cur.at).ID, at)
	}
}

// Golden screens of the library's list read from the library: at its end,
// and a jump whose rows are still being read ("…"), at two sizes.
func TestGoldenPagedList(t *testing.T) {
	path := pagedLibrary(t)
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		hs, _ := libHarness(t, path, sz[0], sz[1], libdb.Options{NoState: true})
		hs.keys("s", "G", "k", "k")
		checkFrame(t, hs.m.render(), sz[0], sz[1])
		checkGolden(t, fmt.Sprintf("paged-end-%dx%d", sz[0], sz[1]), hs.screenText())
		hs.keys("g")
		hs.m.Update(tea.KeyPressMsg(tea.Key{Code: 'G', Text: "G"})) // its read not run
		if pendingRows(hs.screenText()) == 0 {
			t.Errorf("no row drawn as being read:\n%s", hs.screenText())
		}
		checkFrame(t, hs.m.render(), sz[0], sz[1])
		checkGolden(t, fmt.Sprintf("paged-reading-%dx%d", sz[0], sz[1]), hs.screenText())
	}
}
