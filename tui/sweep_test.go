package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
)

// sweepSizes are the terminal sizes every view is drawn at: every size
// from 1×1 up to 200×60 in steps that still hit the edges (the minimum,
// one less, tiny, odd).
func sweepSizes() [][2]int {
	ws := []int{1, 2, 3, 5, 8, 13, 20, 29, 30, 31, 39, 40, 41, 49, 50, 69, 70, 79, 80, 99, 100, 101, 120, 157, 200}
	hs := []int{1, 2, 3, 5, 7, 8, 9, 12, 17, 24, 40, 59, 60}
	var out [][2]int
	for _, w := range ws {
		for _, h := range hs {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

// sweepScenes reach each view (and its variants) by keys.
var sweepScenes = []struct {
	name string
	keys []string
}{
	{"library", nil},
	{"library-marked", []string{"space", "space", "s"}},
	{"fuzzy", []string{"/", "e"}},
	{"fuzzy-hostile", []string{"/", "漢字"}},
	{"words", []string{"f", "emoji"}},
	{"words-phrase", []string{"f", `"combining a"`}},
	{"reader", []string{"G", "enter"}},
	{"reader-scrolled", []string{"G", "enter", "ctrl+d", "ctrl+d", "j"}},
	{"reader-find", []string{"G", "enter", "/", "x", "enter", "n"}},
	{"reader-finding", []string{"G", "enter", "/", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}},
	{"reader-raw", []string{"G", "enter", "r", "G"}},
	{"reader-first", []string{"enter"}},
	{"help", []string{"?"}},
	{"help-reader", []string{"enter", "?", "j", "j"}},
	{"problems", []string{"p"}},
	{"problems-end", []string{"p", "G", "k"}},
}

// sweepProblems are load problems with text that breaks naive layout: a
// long path, a word longer than any terminal, wide and right-to-left
// text, and control characters a loader bug let through.
func sweepProblems() batchMsg {
	b := problemsBatch(20)
	b.batch.Problems = append(b.batch.Problems,
		corpus.Problem{Path: strings.Repeat("very/deep/", 40) + "漢字.jsonl", Line: 7, Err: errString(strings.Repeat("x", 500))},
		corpus.Problem{Path: "evil\x1b[2J.txt", Err: errString("مرحبا 👨‍👩‍👧‍👦 \x1b]0;pwned\x07 bell")})
	return b
}

// Every view, at every size, with ordinary and hostile text: no panic, no
// line wider than the terminal, no more lines than it has, no control
// characters.
func TestSizeSweep(t *testing.T) {
	sets := map[string][]*corpus.Article{
		"seeds":   seedArticles(t),
		"hostile": append([]*corpus.Article{hostileArticle()}, libArticles()...),
		// Text that skipped sanitising (a loader bug): the views must
		// still neither overflow nor pass control characters on.
		"unsanitised": append([]*corpus.Article{unsanitisedArticle()}, libArticles()...),
	}
	for setName, arts := range sets {
		for _, sc := range sweepScenes {
			// Reach the scene at a comfortable size, then resize through
			// every size: that also exercises re-wrapping and clamping.
			hs := newHarness(t, arts, 100, 30)
			hs.send(sweepProblems())
			if setName != "seeds" {
				hs.keys("s", "s") // sort by title: the hostile one last, "G" reaches it
			}
			hs.keys(sc.keys...)
			for _, sz := range sweepSizes() {
				hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				frame := hs.m.View().Content
				checkFrame(t, frame, sz[0], sz[1])
			}
			// And reach it again starting at each small size.
			for _, sz := range [][2]int{{30, 8}, {40, 12}, {1, 1}, {200, 60}} {
				hs := newHarness(t, arts, sz[0], sz[1])
				hs.send(sweepProblems())
				if setName != "seeds" {
					hs.keys("s", "s")
				}
				hs.keys(sc.keys...)
				checkFrame(t, hs.m.View().Content, sz[0], sz[1])
			}
		}
	}
}

// The hostile article itself is what the reader shows in the sweep.
func TestHostileArticleReachesReader(t *testing.T) {
	arts := append([]*corpus.Article{hostileArticle()}, libArticles()...)
	hs := newHarness(t, arts, 100, 30)
	hs.keys("s", "s", "G", "enter")
	r := hs.m.reader
	if r.art == nil || r.art.ID != "hostile" {
		t.Fatalf("reader shows %v", r.art)
	}
}

// unsanitisedArticle is hostileArticle with raw control characters put
// back into every field, as if Sanitize had never run.
func unsanitisedArticle() *corpus.Article {
	a := hostileArticle()
	bad := "\t\x1b[2J\x1b]0;pwned\x07\r\x00\u0085\u202e"
	a.Title += bad
	a.Outlet += bad
	a.Author = bad
	a.Dek = bad + "dek"
	a.URL = "https://x/" + bad
	for i := range a.Body {
		a.Body[i].Text += bad
	}
	for i := range a.Raw {
		a.Raw[i].Text += bad
	}
	return a
}
