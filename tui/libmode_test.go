package tui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/storystore"
)

// newTestLibrary stores arts in a new library in a temp folder and
// returns its path.
func newTestLibrary(t testing.TB, arts []*corpus.Article) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := libdb.Open(context.Background(), path, libdb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	entries := make([]libdb.Entry, len(arts))
	for i, a := range arts {
		c := *a
		entries[i] = libdb.Entry{Article: &c}
	}
	if _, err := lib.Add(context.Background(), entries); err != nil {
		t.Fatal(err)
	}
	return path
}

// libHarness runs the TUI on the library at path (opened anew, as a run
// of pmureader would), with opt's other options; Load, the fallback, is
// the seeds.
func libHarness(t testing.TB, path string, w, h int, lo libdb.Options) (*harness, *libdb.Library) {
	return libHarnessOpt(t, path, w, h, Options{}, lo)
}

// libHarnessOpt is libHarness with other options.
func libHarnessOpt(t testing.TB, path string, w, h int, opt Options, lo libdb.Options) (*harness, *libdb.Library) {
	t.Helper()
	lib, err := libdb.Open(context.Background(), path, lo)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	opt.Library = func(context.Context) (Library, error) { return lib, nil }
	if opt.Load == nil {
		opt.Load = batchLoader(seedArticles(t))
	}
	hs := &harness{t: t, m: New(opt)}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs, lib
}

// unreadRows counts the library rows marked unread.
func unreadRows(screen string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		// The mark column: the cursor ("▸" or a space), then "•" for unread.
		if strings.HasPrefix(l, "▸• ") || strings.HasPrefix(l, " • ") {
			n++
		}
	}
	return n
}

// longArticles are articles with bodies long enough to scroll.
func longArticles() []*corpus.Article {
	var arts []*corpus.Article
	for i, outlet := range []string{"Zeta News", "Alpha Post", "Mid Times"} {
		var paras []string
		for p := range 30 {
			paras = append(paras, fmt.Sprintf("Paragraph %d of %s: the river rose above its banks on Tuesday and %d people left their homes in the valley.", p+1, outlet, 100+p))
		}
		arts = append(arts, article(fmt.Sprintf("l%d", i+1), outlet, fmt.Sprintf("2024-03-0%d", i+1), "Floods in the valley, account "+outlet, paras...))
	}
	return arts
}

func TestLibraryModeListsHeadersOnly(t *testing.T) {
	path := newTestLibrary(t, libArticles())
	hs, _ := libHarness(t, path, 100, 20, libdb.Options{})
	if len(hs.m.sh.articles) != 4 {
		t.Fatalf("%d articles listed, want the library's 4", len(hs.m.sh.articles))
	}
	for _, a := range hs.m.sh.articles {
		if len(a.Body) != 0 {
			t.Errorf("%s is listed with its body: the list holds headers only", a.ID)
		}
	}
	scr := hs.screenText()
	if unreadRows(scr) != 4 || strings.Contains(scr, "Antiwar.com") {
		t.Errorf("want the library's four articles, unread:\n%s", scr)
	}
	// Opening reads the body; the article is read from then on.
	hs.keys("g", "enter")
	if hs.m.active != ViewReader || len(hs.m.reader.art.Body) == 0 {
		t.Fatalf("the reader did not get the body")
	}
	if !strings.Contains(hs.screenText(), "Body two about the café") {
		t.Errorf("reader:\n%s", hs.screenText())
	}
	hs.keys("esc")
	if got := unreadRows(hs.screenText()); got != 3 {
		t.Errorf("%d unread after reading one, want 3:\n%s", got, hs.screenText())
	}
}

// An empty library lists Load's articles (the seeds), so the first run is
// unchanged.
func TestEmptyLibraryListsTheSeeds(t *testing.T) {
	path := newTestLibrary(t, nil)
	hs, _ := libHarness(t, path, 100, 20, libdb.Options{})
	if hs.m.sh.lib != nil || !strings.Contains(hs.screenText(), "Antiwar.com") {
		t.Fatalf("the seeds are not listed:\n%s", hs.screenText())
	}
	if unreadRows(hs.screenText()) != 0 {
		t.Errorf("seeds marked unread:\n%s", hs.screenText())
	}
}

// Marks, read and unread, the sort order and the position in an article
// outlive the run.
func TestStatePersistsAcrossRuns(t *testing.T) {
	path := newTestLibrary(t, longArticles())
	hs, lib := libHarness(t, path, 100, 20, libdb.Options{})
	hs.keys("g", "space")                                    // mark the newest (Mid Times)
	hs.keys("s")                                             // sort by outlet
	hs.keys("g", "enter", "ctrl+d", "ctrl+d", "ctrl+d", "j") // Alpha Post, scrolled
	pos, ok := hs.m.reader.position()
	if !ok || pos.Paragraph == 0 {
		t.Fatalf("position %+v %v: not scrolled into the text", pos, ok)
	}
	hs.keys("esc")
	hs.m.sh.state.flush()
	if m, _ := lib.Marked(context.Background()); !slices.Equal(m, []string{"l3"}) {
		t.Errorf("marked in the library: %v", m)
	}
	st, _ := lib.ArticleState(context.Background(), "l2")
	if !st.Read || st.Position != pos {
		t.Errorf("state of l2 %+v, want read at %+v", st, pos)
	}
	hs.m.closeState()

	// A new run on the same library.
	hs2, _ := libHarness(t, path, 100, 20, libdb.Options{})
	if hs2.m.library.sortBy != sortOutlet || !hs2.m.sh.marks["l3"] || !hs2.m.sh.read["l2"] {
		t.Fatalf("state not restored: sort %v, marks %v, read %v", hs2.m.library.sortBy, hs2.m.sh.marks, hs2.m.sh.read)
	}
	hs2.keys("g", "enter")
	if got, _ := hs2.m.reader.position(); got != pos {
		t.Errorf("reopened at %+v, want %+v", got, pos)
	}
	hs2.m.closeState()

	// --no-state: none of it is read, and nothing is written.
	hs3, lib3 := libHarness(t, path, 100, 20, libdb.Options{NoState: true})
	if hs3.m.library.sortBy != sortDate || len(hs3.m.sh.marks) != 0 || unreadRows(hs3.screenText()) != 3 {
		t.Fatalf("a no-state run sees state:\n%s", hs3.screenText())
	}
	hs3.keys("g", "space")
	hs3.m.closeState()
	lib3.Close()
	hs4, _ := libHarness(t, path, 100, 20, libdb.Options{})
	if !hs4.m.sh.marks["l3"] || len(hs4.m.sh.marks) != 1 {
		t.Errorf("a no-state run changed the marks: %v", hs4.m.sh.marks)
	}
}

func TestLibraryModeCompareWordsAndStories(t *testing.T) {
	path := newTestLibrary(t, append(seedArticles(t), longArticles()...))
	hs, _ := libHarness(t, path, 120, 30, libdb.Options{})
	// Compare two headers: their bodies are read, then aligned.
	hs.keys("f", "kataib hezbollah")
	if len(hs.m.library.wordHits) == 0 {
		t.Fatalf("word search over the library found nothing:\n%s", hs.screenText())
	}
	if !strings.Contains(hs.screenText(), "Kata") {
		t.Errorf("no snippet:\n%s", hs.screenText())
	}
	hs.keys("enter")
	if hs.m.active != ViewReader || len(hs.m.reader.art.Body) == 0 {
		t.Fatalf("a word hit did not open with its body")
	}
	hs.keys("esc", "esc")
	hs.selectListed("l1")
	hs.keys("space")
	hs.selectListed("l2")
	hs.keys("space", "c")
	if hs.m.active != ViewCompare || hs.m.compare.cmp == nil {
		t.Fatalf("compare of two library articles: view %v, err %v", hs.m.active, hs.m.compare.err)
	}
	for _, a := range hs.m.compare.arts {
		if len(a.Body) == 0 {
			t.Errorf("%s compared without its body", a.ID)
		}
	}
	// Grouping read the bodies: the seeds' 29 Dec 2019 pair is one story.
	pair := false
	for _, st := range hs.m.stories.stories {
		ids := strings.Join(st.Articles, " ")
		pair = pair || strings.Contains(ids, "001_") && strings.Contains(ids, "003_")
	}
	if !pair {
		t.Errorf("the library's stories do not pair 001 and 003: %+v", hs.m.stories.stories)
	}
	for _, a := range hs.m.sh.articles {
		if len(a.Body) != 0 {
			t.Errorf("%s kept its body after grouping", a.ID)
		}
	}
}

// "a" takes addresses, adds them in the background through Options.Add,
// shows progress, lists what was added (selected) and says what failed.
func TestAddLine(t *testing.T) {
	added := article("new1", "Fresh Daily", "2025-01-01", "A new article from the web", "The new article's text, fetched just now.")
	var gotRefs []string
	add := func(ctx context.Context, refs []string, progress func(AddProgress)) AddResult {
		gotRefs = refs
		progress(AddProgress{Done: 1, Total: 2, Added: 1})
		progress(AddProgress{Done: 2, Total: 2, Added: 1, Failed: 1})
		return AddResult{Articles: []*corpus.Article{added},
			Failures: []corpus.Problem{{Path: "https://bad.example/x", Err: errors.New("HTTP 404 Not Found")}}}
	}
	hs := &harness{t: t, m: New(Options{Load: batchLoader(libArticles()), Add: add})}
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 20})
	hs.run(hs.m.Init())
	hs.keys("a")
	if !hs.m.add.open || !strings.Contains(hs.screenText(), "add: ") {
		t.Fatalf("no add line:\n%s", hs.screenText())
	}
	hs.keys("https://good.example/a https://bad.example/x", "enter")
	if !slices.Equal(gotRefs, []string{"https://good.example/a", "https://bad.example/x"}) {
		t.Errorf("refs %q", gotRefs)
	}
	scr := hs.screenText()
	if !strings.Contains(scr, "added 1 article · 1 failed (https://bad.example/x: HTTP 404 Not Found)") {
		t.Errorf("no summary:\n%s", scr)
	}
	if selectedTitle(hs) != "A new article from the web" || len(hs.m.sh.articles) != 5 {
		t.Errorf("the new article is not listed and selected (%q):\n%s", selectedTitle(hs), scr)
	}
	if !strings.Contains(scr, "1 problem (p): https://bad.example/x: HTTP 404 Not Found") {
		t.Errorf("the failure is not among the problems:\n%s", scr)
	}
	// Any key clears the summary; esc closes the line without adding.
	hs.keys("a", "x", "esc")
	if hs.m.add.open || hs.m.add.running || len(hs.m.sh.articles) != 5 {
		t.Errorf("esc did not cancel")
	}
	// Without Options.Add, "a" says so.
	hs2 := newHarness(t, libArticles(), 100, 20)
	hs2.keys("a")
	if hs2.m.add.open || !strings.Contains(hs2.screenText(), "adding is not available") {
		t.Errorf("a without Add:\n%s", hs2.screenText())
	}
}

// "o" hands the article's address to Options.OpenURL, http(s) only.
func TestOpenURL(t *testing.T) {
	arts := libArticles()
	arts[0].URL = "https://zeta.example/news/1"
	arts[1].URL = "javascript:alert(1)"
	var opened []string
	open := func(u string) error { opened = append(opened, u); return nil }
	hs := &harness{t: t, m: New(Options{Load: batchLoader(arts), OpenURL: open})}
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 20})
	hs.run(hs.m.Init())
	for i, a := range hs.m.library.order {
		if a.ID == "a1" {
			hs.m.library.cur.at = i
		}
	}
	hs.keys("o")
	if !slices.Equal(opened, []string{"https://zeta.example/news/1"}) || !strings.Contains(hs.screenText(), "opened https://zeta.example/news/1") {
		t.Fatalf("opened %q:\n%s", opened, hs.screenText())
	}
	for i, a := range hs.m.library.order {
		if a.ID == "a2" {
			hs.m.library.cur.at = i
		}
	}
	hs.keys("enter", "o")
	if len(opened) != 1 || !strings.Contains(hs.screenText(), "not a web address, not opened") {
		t.Errorf("a javascript: address was opened (%q):\n%s", opened, hs.screenText())
	}
}

// "y" copies the passage with its citation, and nothing else ever writes
// the clipboard.
func TestCopyPassageWithCitation(t *testing.T) {
	arts := longArticles()
	arts[1].URL = "https://alpha.example/floods"
	hs := newHarness(t, arts, 100, 20)
	for i, a := range hs.m.library.order {
		if a.ID == "l2" {
			hs.m.library.cur.at = i
		}
	}
	hs.keys("enter", "/", "paragraph 7 ", "enter")
	if hs.m.copied != "" {
		t.Fatalf("the clipboard was written before y: %q", hs.m.copied)
	}
	hs.keys("y")
	want := "“Paragraph 7 of Alpha Post: the river rose above its banks on Tuesday and 106 people left their homes in the valley.”\n" +
		"— Alpha Post, “Floods in the valley, account Alpha Post”, 2024-03-02, https://alpha.example/floods"
	if hs.m.copied != want {
		t.Errorf("copied:\n%s\nwant:\n%s", hs.m.copied, want)
	}
	if !strings.Contains(hs.screenText(), "copied the paragraph with its citation") {
		t.Errorf("no word of it:\n%s", hs.screenText())
	}
}

// "e" in the compare view hands the Markdown report to Options.Export and
// says where it went; "y" there copies the focused passage.
func TestCompareExportAndCopy(t *testing.T) {
	var name string
	var data []byte
	export := func(n string, d []byte) (string, error) { name, data = n, d; return "/tmp/reports/" + n, nil }
	hs := &harness{t: t, m: New(Options{Load: batchLoader(seedArticles(t)), Export: export})}
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	hs.run(hs.m.Init())
	hs.keys("/", "ketaib", "esc")
	for i, a := range hs.m.library.order {
		if strings.HasPrefix(a.ID, "001") || strings.HasPrefix(a.ID, "003") {
			hs.m.library.cur.at = i
			hs.keys("space")
		}
	}
	hs.keys("c")
	if hs.m.compare.cmp == nil {
		t.Fatalf("no comparison")
	}
	hs.keys("e")
	if name != "compare-iranian-com-american-herald-tribune-antiwar-com.md" && !strings.HasPrefix(name, "compare-") {
		t.Errorf("report name %q", name)
	}
	if !strings.HasPrefix(string(data), "# ") || !strings.Contains(string(data), "Antiwar.com") {
		t.Errorf("report is not the Markdown comparison: %.200q", data)
	}
	if !strings.Contains(hs.screenText(), "report written to /tmp/reports/"+name) {
		t.Errorf("not said where:\n%s", hs.screenText())
	}
	hs.keys("y")
	if !strings.HasPrefix(hs.m.copied, "“") || !strings.Contains(hs.m.copied, "\n— ") {
		t.Errorf("copied %q", hs.m.copied)
	}
}

func TestReportName(t *testing.T) {
	for _, c := range []struct {
		title string
		want  string
	}{
		{"US airstrikes on Kata'ib Hezbollah, 29 Dec 2019", "compare-us-airstrikes-on-kataib-hezbollah-29-dec-2019.md"},
		{"../../etc/passwd", "compare-etc-passwd.md"},
		{"漢字", "compare.md"},
	} {
		if got := reportName(c.title, nil); got != c.want {
			t.Errorf("reportName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// failingState is a library whose state writes fail.
type failingState struct{ *libdb.Library }

func (failingState) SetMarked(context.Context, bool, ...string) error {
	return errors.New("disk full")
}

// A state write that fails is reported among the problems; the mark
// stays for the run.
func TestStateWriteFailureIsReported(t *testing.T) {
	path := newTestLibrary(t, libArticles())
	lib, err := libdb.Open(context.Background(), path, libdb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	hs := &harness{t: t, m: New(Options{Library: func(context.Context) (Library, error) { return failingState{lib}, nil }})}
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 20})
	hs.run(hs.m.Init())
	hs.keys("space")
	hs.m.sh.state.flush()
	hs.keys("j")
	if scr := hs.screenText(); !strings.Contains(scr, "saving the reader's state: disk full") || len(hs.m.sh.marks) != 1 {
		t.Errorf("the failure is not shown:\n%s", scr)
	}
}

// Golden screens of the library's list (unread marks) and of adding, at
// two sizes.
func TestGoldenLibraryAndAdd(t *testing.T) {
	var store *libdb.Library // the library the list shows: an add stores there
	add := func(ctx context.Context, _ []string, _ func(AddProgress)) AddResult {
		a := article("n1", "Fresh Daily", "2025-01-01", "A new article from the web", "Its text.")
		if _, err := store.Add(ctx, []libdb.Entry{{Article: a}}); err != nil {
			return AddResult{Err: err}
		}
		return AddResult{Articles: []*corpus.Article{a},
			Duplicates: []string{"l1"}, Failures: []corpus.Problem{{Path: "https://example.org/doc.pdf", Err: errors.New("a PDF document (application/pdf), not a web page or feed")}}}
	}
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		path := newTestLibrary(t, longArticles())
		scenes := []struct {
			name string
			keys []string
		}{
			{"library-unread", []string{"g", "enter", "esc"}},
			{"add-line", []string{"a", "https://example.org/news/1 https://example.org/feed.xml"}},
			{"add-done", []string{"a", "https://example.org/news/1 https://example.org/doc.pdf", "enter"}},
		}
		for _, sc := range scenes {
			name := fmt.Sprintf("%s-%dx%d", sc.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs, lib := libHarnessOpt(t, path, sz[0], sz[1], Options{Add: add}, libdb.Options{NoState: true})
				store = lib
				hs.keys(sc.keys...)
				checkFrame(t, hs.m.render(), sz[0], sz[1])
				checkGolden(t, name, hs.screenText())
			})
		}
	}
}

// The library's list, the add line and an add's outcome, with hostile
// text, fit every size.
func TestLibraryAndAddSweep(t *testing.T) {
	long := strings.Repeat("https://example.org/"+strings.Repeat("x", 300)+" ", 5)
	add := func(ctx context.Context, refs []string, progress func(AddProgress)) AddResult {
		progress(AddProgress{Done: 1, Total: 5, Failed: 1})
		return AddResult{Articles: []*corpus.Article{hostileArticle()},
			Failures: []corpus.Problem{{Path: refs[0], Err: errors.New(strings.Repeat("漢字 reason ", 50))}}}
	}
	path := newTestLibrary(t, append(libArticles(), hostileArticle()))
	for _, keys := range [][]string{nil, {"a", long}, {"a", long, "enter"}, {"g", "enter", "esc"}} {
		hs, _ := libHarnessOpt(t, path, 100, 30, Options{Add: add}, libdb.Options{NoState: true})
		hs.keys(keys...)
		for _, sz := range sweepSizes() {
			hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, hs.m.View().Content, sz[0], sz[1])
		}
	}
}

// The first frame does not wait for the library: it is opened in a
// command, and until it answers the library says it is loading.
func TestFirstFrameDoesNotWaitForTheLibrary(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	m := New(Options{Library: func(ctx context.Context) (Library, error) {
		<-release
		return nil, nil
	}, Load: batchLoader(seedArticles(t))})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_ = m.Init() // returns commands; runs none of them
	if v := m.View().Content; !strings.Contains(v, "Loading…") {
		t.Fatalf("first frame:\n%s", v)
	}
}

// With no library at first (the seeds listed), an add creates one: from
// then on the added articles' marks and reading are kept there, the seeds'
// are not.
func TestAddAttachesTheLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	var lib *libdb.Library
	open := func(ctx context.Context) (Library, error) {
		if lib == nil {
			return nil, nil // no library yet
		}
		return lib, nil
	}
	fresh := article("n1", "Fresh Daily", "2025-01-01", "A new article from the web", "Its text, long enough.")
	add := func(ctx context.Context, refs []string, _ func(AddProgress)) AddResult {
		var err error
		if lib, err = libdb.Open(ctx, path, libdb.Options{}); err != nil {
			return AddResult{Err: err}
		}
		c := *fresh
		if _, err := lib.Add(ctx, []libdb.Entry{{Article: &c}}); err != nil {
			return AddResult{Err: err}
		}
		return AddResult{Articles: []*corpus.Article{fresh}}
	}
	hs := &harness{t: t, m: New(Options{Library: open, Load: batchLoader(seedArticles(t)), Add: add})}
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	hs.run(hs.m.Init())
	hs.keys("a", "https://example.org/new", "enter")
	if hs.m.sh.lib == nil || hs.m.sh.fromLib {
		t.Fatalf("the library is not attached for state (lib %v, fromLib %v)", hs.m.sh.lib, hs.m.sh.fromLib)
	}
	defer lib.Close()
	if unreadRows(hs.screenText()) != 1 {
		t.Errorf("want the added article alone unread:\n%s", hs.screenText())
	}
	hs.keys("g", "space", "space") // the new article, then a seed
	hs.m.sh.state.flush()
	if m, _ := lib.Marked(context.Background()); !slices.Equal(m, []string{"n1"}) {
		t.Errorf("marked in the library: %v", m)
	}
	if len(hs.m.sh.problems) != 0 {
		t.Errorf("problems: %v", hs.m.sh.problems)
	}
}

// "o" on a header of the library's list reads the article for its
// address first.
func TestOpenURLOfLibraryHeader(t *testing.T) {
	arts := libArticles()
	arts[2].URL = "https://mid.example/alpha"
	path := newTestLibrary(t, arts)
	var opened []string
	hs, _ := libHarnessOpt(t, path, 100, 20, Options{OpenURL: func(u string) error { opened = append(opened, u); return nil }}, libdb.Options{NoState: true})
	hs.selectListed("a3")
	hs.keys("o")
	if !slices.Equal(opened, []string{"https://mid.example/alpha"}) {
		t.Errorf("opened %q:\n%s", opened, hs.screenText())
	}
}

// With Options.GroupLibrary, the stories of a library come from what it
// keeps (grouped there, not in memory from bodies read whole): the same
// stories as grouping the articles in memory.
func TestLibraryModeKeptStories(t *testing.T) {
	arts := append(seedArticles(t), longArticles()...)
	path := newTestLibrary(t, arts)
	calls := 0
	opt := Options{GroupLibrary: func(ctx context.Context, al *entities.Aliases, article func(string) (*corpus.Article, bool), progress func(int, int)) ([]stories.Story, error) {
		calls++
		lib, err := libdb.Open(ctx, path, libdb.Options{})
		if err != nil {
			return nil, err
		}
		defer lib.Close()
		ss, _, err := storystore.Current(ctx, lib, storystore.Options{Aliases: al, Progress: progress}, article)
		return ss, err
	}}
	hs, lib := libHarnessOpt(t, path, 120, 30, opt, libdb.Options{})
	if calls == 0 {
		t.Fatal("the library's stories were grouped in memory, not kept")
	}
	want, err := stories.Group(context.Background(), arts, stories.Options{})
	if err != nil {
		t.Fatal(err)
	}
	members := func(ss []stories.Story) map[string][]string {
		out := map[string][]string{}
		for _, s := range ss {
			out[s.ID] = s.Articles
		}
		return out
	}
	if got := members(hs.m.stories.stories); !reflect.DeepEqual(got, members(want)) {
		t.Errorf("stories view %v, grouping in memory %v", got, members(want))
	}
	kept, err := lib.Stories(context.Background())
	if err != nil || len(kept) != len(want) {
		t.Errorf("the library keeps %d stories (%v), want %d", len(kept), err, len(want))
	}
}
