package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
)

// storyCompareSizes are the sizes the stories and compare views are drawn
// at: from 1×1 to 200×60, through the edges (the minimum terminal, one
// pane's width, two panes', six panes').
func storyCompareSizes() [][2]int {
	ws := []int{1, 2, 5, 13, 29, 30, 31, 40, 59, 61, 62, 63, 80, 93, 100, 120, 157, 185, 186, 200}
	hs := []int{1, 2, 5, 7, 8, 9, 12, 17, 24, 40, 60}
	var out [][2]int
	for _, w := range ws {
		for _, h := range hs {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

// compareScenes reach the stories and compare views and their states. The
// compare scenes start from two or more marked articles: the last one in
// the list (the hostile one, for the hostile set) and those above it.
var compareScenes = []struct {
	name string
	keys []string
}{
	{"stories", []string{"t"}},
	{"stories-last", []string{"t", "G"}},
	{"stories-open", []string{"t", "G", "enter"}},
	{"compare", []string{"G", "space", "k", "space", "c"}},
	{"compare-down", []string{"G", "space", "k", "space", "c", "j", "j", "j", "ctrl+d"}},
	{"compare-tab", []string{"G", "space", "k", "space", "c", "tab", "j", "j"}},
	{"compare-full", []string{"G", "space", "k", "space", "c", "z", "G"}},
	{"compare-three", []string{"G", "space", "k", "space", "k", "k", "space", "c", "l", "j"}},
	{"compare-diffs", []string{"G", "space", "k", "space", "c", "d", "j"}},
	{"compare-help", []string{"G", "space", "k", "space", "c", "?"}},
}

// Every size, seeds and hostile text: no panic, no line wider than the
// terminal, no more lines than it has, no control characters.
func TestSizeSweepStoriesCompare(t *testing.T) {
	sets := map[string][]*corpus.Article{
		"seeds":   seedArticles(t),
		"hostile": append([]*corpus.Article{hostileArticle(), hostileTwin()}, libArticles()...),
	}
	for setName, arts := range sets {
		for _, sc := range compareScenes {
			t.Run(setName+"/"+sc.name, func(t *testing.T) {
				hs := newHarness(t, arts, 100, 30)
				if setName != "seeds" {
					hs.keys("s", "s") // by title: the hostile ones last
				}
				hs.keys(sc.keys...)
				if strings.HasPrefix(sc.name, "compare") && hs.m.active != ViewCompare {
					t.Fatalf("scene did not reach compare (active %d)", hs.m.active)
				}
				for _, sz := range storyCompareSizes() {
					hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
					checkFrame(t, hs.m.View().Content, sz[0], sz[1])
					// Keys at every size: layout and scrolling clamp.
					if sz[0] == 40 || sz[0] == 200 {
						hs.keys("j", "tab", "G")
						checkFrame(t, hs.m.View().Content, sz[0], sz[1])
					}
				}
				for _, sz := range [][2]int{{30, 8}, {31, 9}, {1, 1}, {200, 60}} {
					hs := newHarness(t, arts, sz[0], sz[1])
					if setName != "seeds" {
						hs.keys("s", "s")
					}
					hs.keys(sc.keys...)
					checkFrame(t, hs.m.View().Content, sz[0], sz[1])
				}
			})
		}
	}
}

// hostileTwin is a second hostile article that shares words with the
// first, so the two align (rows, word diffs) over hostile text.
func hostileTwin() *corpus.Article {
	return article("hostile-twin", "مرحبا Outlet 🗞️", "2020-03-01",
		"漢字のタイトル twin "+strings.Repeat("ö", 100),
		"Mixed: 中文字符测试 😀 combining a\u0300\u0301 RTL: مرحبا بالعالم and tabs there, with 27 killed.",
		strings.Repeat("y", 10000),
		strings.Repeat("emoji 👨‍👩‍👧‍👦 ", 150)+" at least 25 killed.",
	)
}

// goldenCompareScenes are the stories and compare frames kept as golden
// files (testdata/golden/stories_* and compare_*).
var goldenCompareScenes = []struct {
	name  string
	sizes [][2]int
	keys  func(t testing.TB, hs *harness)
}{
	{"stories_list", [][2]int{{80, 24}, {120, 40}}, func(t testing.TB, hs *harness) { hs.keys("t") }},
	{"stories_pair", [][2]int{{80, 24}, {120, 40}}, func(t testing.TB, hs *harness) { openSeedStory(t, hs) }},
	{"compare_story", [][2]int{{120, 40}, {200, 50}}, func(t testing.TB, hs *harness) { openSeedStory(t, hs); hs.keys("enter") }},
	{"compare_toll", [][2]int{{120, 40}, {200, 50}}, func(t testing.TB, hs *harness) {
		openSeedStory(t, hs)
		hs.keys("enter", "j", "j", "j")
	}},
	{"compare_tab", [][2]int{{120, 40}, {200, 50}}, func(t testing.TB, hs *harness) {
		openSeedStory(t, hs)
		hs.keys("enter", "j", "j", "j", "tab")
	}},
	{"compare_three", [][2]int{{120, 40}, {200, 50}}, func(t testing.TB, hs *harness) {
		markIDs(t, hs, seedIranian, seedAntiwar, "004_f3682412e17b471f")
		hs.keys("c")
	}},
	{"compare_diffs", [][2]int{{120, 40}, {200, 50}}, func(t testing.TB, hs *harness) {
		openSeedStory(t, hs)
		hs.keys("enter", "d")
	}},
}

func TestGoldenStoriesCompare(t *testing.T) {
	for _, sc := range goldenCompareScenes {
		for _, sz := range sc.sizes {
			name := fmt.Sprintf("%s-%dx%d", sc.name, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, seedArticles(t), sz[0], sz[1])
				sc.keys(t, hs)
				checkFrame(t, hs.m.render(), sz[0], sz[1])
				checkGolden(t, name, hs.screenText())
			})
		}
	}
}

// compareFuzzKeys are the keys of the stories and compare views (and the
// library's ways into them).
var compareFuzzKeys = []string{
	"t", "c", "space", "enter", "esc", "j", "k", "g", "G", "tab", "shift+tab", "h", "l", "z", "d",
	"m", "r", "pgdown", "pgup", "ctrl+d", "ctrl+u", "?", "u", "s",
}

// FuzzStoriesCompare drives the stories and compare views with random keys,
// clicks and sizes over the seeds and hostile text: no panic, every frame
// fits.
func FuzzStoriesCompare(f *testing.F) {
	f.Add([]byte{0, 3, 2, 2, 1, 5, 9, 10, 12, 14, 6, 4})
	f.Add([]byte{2, 5, 2, 1, 13, 14, 5, 200, 31, 9, 10, 11, 12})
	f.Add([]byte{0, 15, 3, 7, 0, 3, 240, 5, 5, 9, 13})
	arts := append([]*corpus.Article{hostileArticle(), hostileTwin()}, seedArticles(f)...)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 100 {
			data = data[:100]
		}
		hs := newHarness(t, arts, 100, 30)
		w, h := 100, 30
		for i := 0; i < len(data); i++ {
			b := data[i]
			var msg tea.Msg
			switch {
			case b < 200:
				k := compareFuzzKeys[int(b)%len(compareFuzzKeys)]
				if k == "shift+tab" {
					msg = tea.KeyPressMsg(tea.Key{Code: tea.KeyTab, Mod: tea.ModShift})
				} else {
					for _, m := range keyMsgs(k) {
						hs.send(m)
					}
				}
			case b < 230 && i+2 < len(data):
				w, h = int(data[i+1])%210, int(data[i+2])%70
				i += 2
				msg = tea.WindowSizeMsg{Width: w, Height: h}
			case i+2 < len(data):
				msg = tea.MouseClickMsg(tea.Mouse{X: int(data[i+1]), Y: int(data[i+2]) % 70, Button: tea.MouseLeft})
				i += 2
			}
			if msg != nil {
				hs.send(msg)
			}
			if hs.quit {
				return
			}
			checkFrame(t, hs.m.View().Content, w, h)
		}
	})
}
