package tui

import (
	"context"
	"image/color"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/internal/termtext"
)

func TestHelpShowsEveryBindingOfTheView(t *testing.T) {
	hs := newHarness(t, libArticles(), 120, 40)
	check := func(km help.KeyMap) {
		t.Helper()
		scr := hs.screenText()
		for _, g := range km.FullHelp() {
			for _, b := range g {
				if b.Enabled() && (!strings.Contains(scr, b.Help().Key) || !strings.Contains(scr, b.Help().Desc)) {
					t.Errorf("help lacks %q %q:\n%s", b.Help().Key, b.Help().Desc, scr)
				}
			}
		}
	}
	hs.keys("?")
	if !hs.m.help.open {
		t.Fatal("? did not open help")
	}
	check(newLibraryKeys())
	hs.keys("esc", "enter", "?")
	check(newReaderKeys())
	hs.keys("?")
	if hs.m.help.open {
		t.Fatal("? did not close help")
	}
}

// In a short terminal the help scrolls instead of dropping bindings.
func TestHelpScrollsWhenShort(t *testing.T) {
	hs := newHarness(t, libArticles(), 30, 8)
	hs.keys("?")
	// Narrow, a description wraps: read the lines, in order, as one text.
	var text []string
	last := 0
	for i := 0; i < 40; i++ {
		lines := strings.Split(hs.screenText(), "\n")
		body := lines[:len(lines)-1] // not the help line
		if i == 0 {
			text = append(text, body...)
		} else if top := hs.m.help.scroll; top > last {
			text = append(text, body[len(body)-(top-last):]...)
			last = top
		}
		hs.keys("j")
	}
	all := strings.Join(strings.Fields(strings.Join(text, " ")), " ")
	for _, want := range []string{"sort by date, outlet", "search words in text", "quit", "unmark all"} {
		if !strings.Contains(all, want) {
			t.Errorf("scrolling the help never showed %q", want)
		}
	}
}

func TestShortHelpLine(t *testing.T) {
	hs := newHarness(t, libArticles(), 120, 20)
	lines := strings.Split(hs.screenText(), "\n")
	last := lines[len(lines)-1]
	for _, want := range []string{"enter read", "/ find", "f words", "space mark", "? help", "q quit"} {
		if !strings.Contains(last, want) {
			t.Errorf("help line %q lacks %q", last, want)
		}
	}
}

func TestTinyAndZeroSizesDoNotPanic(t *testing.T) {
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {0, 10}, {10, 0}, {2, 1}, {29, 8}, {30, 7}} {
		hs := newHarness(t, libArticles(), sz[0], sz[1])
		hs.keys("/", "x", "enter", "j", "?", "esc")
		checkFrame(t, hs.m.render(), sz[0], sz[1])
		v := hs.m.View()
		if !v.AltScreen {
			t.Fatal("not on the alternate screen")
		}
	}
}

// With NO_COLOR the selected row must still stand out: reverse video.
func TestNoColorSelectionVisible(t *testing.T) {
	hs := newHarness(t, libArticles(), 80, 12)
	hs.m.noColor = true
	hs.m.restyle()
	frame := hs.m.render()
	if strings.Contains(frame, "38;2") || strings.Contains(frame, "48;2") {
		t.Fatalf("colours drawn with NO_COLOR: %q", frame)
	}
	var sel string
	for _, l := range strings.Split(frame, "\n") {
		if strings.Contains(ansi.Strip(l), "Charlie condemns") {
			sel = l
		}
	}
	if !strings.Contains(sel, "\x1b[1;7m") && !strings.Contains(sel, "\x1b[7") && !strings.Contains(sel, ";7m") {
		t.Fatalf("selected row not in reverse video: %q", sel)
	}
}

func TestBackgroundColorPicksPalette(t *testing.T) {
	hs := newHarness(t, libArticles(), 80, 12)
	hs.send(tea.BackgroundColorMsg{Color: color.White})
	if hs.m.sh.styles.Dark {
		t.Fatal("a white background gave dark styles")
	}
	light := hs.m.render()
	hs.send(tea.BackgroundColorMsg{Color: color.Black})
	if !hs.m.sh.styles.Dark || hs.m.render() == light {
		t.Fatal("a black background did not switch to dark styles")
	}
}

// A panic while a view handles a message (here: the compare view asked to
// order articles that are not there) is recovered: the program ends with
// the error instead of a stack trace on a raw terminal.
func TestPanicInUpdateBecomesError(t *testing.T) {
	m := New(Options{Load: batchLoader(libArticles())})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	_, cmd := m.Update(openCompareMsg{articles: []*corpus.Article{nil, nil}})
	if m.err == nil || !strings.Contains(m.err.Error(), "internal error: runtime error") {
		t.Fatalf("err = %v", m.err)
	}
	if cmd == nil {
		t.Fatal("no quit command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("a panic did not quit")
	}
}

// A panic while drawing (here: a compare view holding an article that is
// not there) is recovered too, and stops the program.
func TestPanicInViewBecomesError(t *testing.T) {
	m := New(Options{})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	m.Update(openCompareMsg{})
	m.compare.arts = []*corpus.Article{nil}
	m.compare.err = nil
	killed := false
	m.kill = func() { killed = true }
	m.View()
	if m.err == nil || !strings.Contains(m.err.Error(), "internal error while drawing: runtime error") || !killed {
		t.Fatalf("err = %v, killed %v", m.err, killed)
	}
}

func TestPanicInCommandBecomesFatalMsg(t *testing.T) {
	msg := guard(func() tea.Msg { panic("boom in cmd") })()
	fm, ok := msg.(fatalMsg)
	if !ok || !strings.Contains(fm.err.Error(), "boom in cmd") {
		t.Fatalf("got %#v", msg)
	}
	m := New(Options{})
	_, cmd := m.Update(fm)
	if m.err == nil || cmd == nil {
		t.Fatal("fatalMsg did not stop the program")
	}
}

// Loading shows progress and the articles loaded so far.
func TestLoadingProgress(t *testing.T) {
	arts := libArticles()
	m := New(Options{Load: func(context.Context) <-chan corpus.Batch { return nil }})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	m.Update(batchMsg{batch: corpus.Batch{Articles: arts[:2], FilesDone: 2, FilesTotal: 4, BytesDone: 50, BytesTotal: 100}})
	scr := ansi.Strip(m.render())
	if !strings.Contains(scr, "loading 2/4 files") || !strings.Contains(scr, "2 articles") || !strings.Contains(scr, "Charlie") {
		t.Fatalf("loading screen:\n%s", scr)
	}
	if !strings.Contains(scr, "█") {
		t.Fatalf("no progress bar:\n%s", scr)
	}
	m.Update(batchMsg{batch: corpus.Batch{Articles: arts[2:], FilesDone: 4, FilesTotal: 4}, done: true})
	scr = ansi.Strip(m.render())
	if strings.Contains(scr, "loading") || !strings.Contains(scr, "4 articles") {
		t.Fatalf("after loading:\n%s", scr)
	}
}

// A loader that counts something else than files (a search cluster's
// pages count articles) says so in the progress.
func TestLoadingProgressUnit(t *testing.T) {
	arts := libArticles()
	m := New(Options{Load: func(context.Context) <-chan corpus.Batch { return nil }, LoadUnit: "articles"})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	m.Update(batchMsg{batch: corpus.Batch{Articles: arts[:2], FilesDone: 2, FilesTotal: 4}})
	if scr := ansi.Strip(m.render()); !strings.Contains(scr, "loading 2/4 articles █") {
		t.Fatalf("loading screen:\n%s", scr)
	}
}

func TestProblemsShown(t *testing.T) {
	hs := newHarness(t, libArticles(), 120, 12)
	hs.send(batchMsg{batch: corpus.Batch{Problems: []corpus.Problem{{Path: "bad.txt", Line: 3, Err: errString("not UTF-8")}}}})
	if scr := hs.screenText(); !strings.Contains(scr, "1 problem (p): bad.txt:3: not UTF-8") {
		t.Fatalf("problem not shown:\n%s", scr)
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// A panic inside a command of a tea.Batch is caught too.
func TestGuardAllReachesIntoBatches(t *testing.T) {
	cmd := guardAll(tea.Batch(func() tea.Msg { return nil }, func() tea.Msg { panic("boom in batch") }))
	b, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatalf("not a batch")
	}
	var got []tea.Msg
	for _, c := range b {
		got = append(got, c())
	}
	fm, ok := got[1].(fatalMsg)
	if !ok || !strings.Contains(fm.err.Error(), "boom in batch") {
		t.Fatalf("got %#v", got)
	}
}

func TestHelpFromEmptySearchLine(t *testing.T) {
	hs := newHarness(t, libArticles(), 100, 30)
	hs.keys("/", "?")
	if !hs.m.help.open || !strings.Contains(hs.screenText(), "leave search") {
		t.Fatalf("? on an empty search line did not show the search keys:\n%s", hs.screenText())
	}
	hs.keys("esc", "x", "?")
	if hs.m.help.open {
		t.Fatal("? after text opened help")
	}
	if v := hs.m.library.input.Value(); v != "x?" {
		t.Fatalf("search line holds %q", v)
	}
}

// Batches that arrive close together reach the library as one message.
func TestWaitBatchMerges(t *testing.T) {
	ch := make(chan corpus.Batch, 3)
	arts := libArticles()
	ch <- corpus.Batch{Articles: arts[:1], FilesDone: 1, FilesTotal: 3}
	ch <- corpus.Batch{Articles: arts[1:3], FilesDone: 2, FilesTotal: 3}
	ch <- corpus.Batch{Articles: arts[3:], FilesDone: 3, FilesTotal: 3}
	close(ch)
	ix := search.New(nil)
	msg := readBatches(ch, batchWindow(0), ix)
	if len(msg.batch.Articles) != 4 || msg.batch.FilesDone != 3 || !msg.done {
		t.Fatalf("got %d articles, %d files, done %v", len(msg.batch.Articles), msg.batch.FilesDone, msg.done)
	}
	if ix.Len() != 4 {
		t.Fatalf("the command indexed %d articles, want all 4 before its message", ix.Len())
	}
	if batchWindow(1_000_000) > 250*time.Millisecond || batchWindow(100_000) <= batchWindow(0) {
		t.Fatal("batch window does not grow within bounds")
	}
}

// The library's help line fits itself to the width: help and quit always,
// then the most useful keys that fit, "t stories" among them from 80
// columns; never a cut-off binding.
func TestShortHelpFitsWidth(t *testing.T) {
	for _, tc := range []struct {
		w          int
		want, lack []string
	}{
		{120, []string{"enter read", "/ find", "f words", "space mark", "c compare", "t stories", "s sort", "? help", "q quit"}, nil},
		{80, []string{"enter read", "/ find", "f words", "c compare", "t stories", "? help", "q quit"}, []string{"s sort", "space mark"}},
		{50, []string{"enter read", "/ find", "t stories", "? help", "q quit"}, []string{"s sort", "c compare"}},
		{30, []string{"? help", "q quit"}, []string{"s sort"}},
	} {
		hs := newHarness(t, libArticles(), tc.w, 20)
		lines := strings.Split(hs.screenText(), "\n")
		last := strings.TrimRight(lines[len(lines)-1], " ")
		for _, want := range tc.want {
			if !strings.Contains(last, want) {
				t.Errorf("%d columns: help line %q lacks %q", tc.w, last, want)
			}
		}
		for _, lack := range tc.lack {
			if strings.Contains(last, lack) {
				t.Errorf("%d columns: help line %q has %q, which cannot fit with the rest", tc.w, last, lack)
			}
		}
		if strings.Contains(last, "…") || termtext.Width(last) > tc.w {
			t.Errorf("%d columns: help line cut off: %q", tc.w, last)
		}
	}
}

// Every view's help line fits itself to the width the way the library's
// does: the way back and "?" always show, the other keys give way from the
// right, and the line is never cut off mid-binding.
func TestEveryHelpLineFitsWidth(t *testing.T) {
	views := []struct {
		name   string
		open   func(hs *harness)
		always []string
		first  string // the binding listed first: shown once there is room
	}{
		{"search", func(hs *harness) { hs.keys("/") }, []string{"esc back", "ctrl+c quit"}, "enter read"},
		{"reader", func(hs *harness) { hs.keys("enter") }, []string{"esc/q back", "? help"}, "pgdn/space page"},
		{"stories", func(hs *harness) { hs.keys("t") }, []string{"esc/q back", "? help"}, "enter compare"},
		{"compare", func(hs *harness) {
			markIDs(t, hs, seedIranian, seedAntiwar)
			hs.keys("c")
		}, []string{"esc/q back", "? help"}, "↓/j passage"},
		{"differences", func(hs *harness) {
			markIDs(t, hs, seedIranian, seedAntiwar)
			hs.keys("c", "d")
		}, []string{"esc/d close", "? help"}, "enter go to passage"},
		{"compare, paged", func(hs *harness) {
			markIDs(t, hs, seedIranian, seedAntiwar, "004_f3682412e17b471f")
			hs.keys("c")
		}, []string{"→/l panes", "esc/q back", "? help"}, "↓/j passage"},
	}
	for _, v := range views {
		for _, w := range []int{minWidth, 40, 60, 80, 100, 160} {
			if v.name == "compare, paged" && (w < 40 || w >= 100) {
				continue // too narrow for the three keys; from 100 all panes fit
			}
			hs := newHarness(t, seedArticles(t), w, 24)
			v.open(hs)
			lines := strings.Split(hs.screenText(), "\n")
			last := strings.TrimRight(lines[len(lines)-1], " ")
			for _, want := range v.always {
				if !strings.Contains(last, want) {
					t.Errorf("%s at %d columns: help line %q lacks %q", v.name, w, last, want)
				}
			}
			if w >= 80 && !strings.Contains(last, v.first) {
				t.Errorf("%s at %d columns: help line %q lacks %q", v.name, w, last, v.first)
			}
			if strings.Contains(last, "…") || termtext.Width(last) > w {
				t.Errorf("%s at %d columns: help line cut off: %q", v.name, w, last)
			}
		}
	}
}

// The "?" screen explains the marks each view draws, under its keys; in a
// small terminal it scrolls down to the last of them.
func TestHelpExplainsMarks(t *testing.T) {
	views := []struct {
		name string
		open []string
		km   signed
	}{
		{"library", nil, newLibraryKeys()},
		{"reader", []string{"enter"}, newReaderKeys()},
		{"stories", []string{"t"}, newStoriesKeys()},
		{"compare", []string{"t", "j", "j", "j", "enter"}, newCompareKeys()},
	}
	for _, v := range views {
		hs := newHarness(t, seedArticles(t), 140, 60)
		hs.keys(v.open...)
		hs.keys("?")
		scr := hs.screenText()
		if !strings.Contains(scr, " Marks") {
			t.Errorf("%s help has no marks:\n%s", v.name, scr)
		}
		for _, s := range v.km.Signs() {
			if !strings.Contains(scr, s.mark) || !strings.Contains(scr, s.meaning) {
				t.Errorf("%s help lacks %q %q", v.name, s.mark, s.meaning)
			}
		}
		small := newHarness(t, seedArticles(t), 40, 12)
		small.keys(v.open...)
		small.keys("?")
		for range 60 {
			small.keys("j")
		}
		signs := v.km.Signs()
		if last := signs[len(signs)-1].mark; !strings.Contains(small.screenText(), last) {
			t.Errorf("%s help at 40×12 does not scroll to %q:\n%s", v.name, last, small.screenText())
		}
		checkFrame(t, small.m.render(), 40, 12)
	}
}

// Indexing is the loading command's work, never the update loop's: a batch
// message adds its articles to the library without touching the index
// (which waitBatch filled before sending it), and story names reach the
// index in the grouping command, not in Update.
func TestUpdateDoesNotIndex(t *testing.T) {
	m := New(Options{})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	arts := libArticles()
	m.Update(batchMsg{batch: corpus.Batch{Articles: arts}, done: true})
	if len(m.sh.articles) != len(arts) {
		t.Fatalf("library has %d articles, want %d", len(m.sh.articles), len(arts))
	}
	if n := m.sh.index.Len(); n != 0 {
		t.Fatalf("Update indexed %d articles itself", n)
	}

	hs := newHarness(t, seedArticles(t), 100, 30)
	if hs.m.sh.index.Len() != len(hs.m.sh.articles) {
		t.Fatalf("index holds %d of %d loaded articles", hs.m.sh.index.Len(), len(hs.m.sh.articles))
	}
	// After grouping, the title index searches each article's story name.
	s := storiesOf(hs)
	if len(s.stories) == 0 {
		t.Fatal("no stories after the load")
	}
	st := s.stories[0]
	found := false
	for _, h := range hs.m.sh.titles.Search(st.Name) {
		found = found || h.Article.ID == st.Articles[0] && h.Story == st.Name
	}
	if !found {
		t.Fatalf("the title index does not know %s is in story %q", st.Articles[0], st.Name)
	}
}
