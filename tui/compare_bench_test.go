package tui

import (
	"strconv"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// BenchmarkViewCompare draws the compare view of the 29 Dec 2019 pair at
// 200×60 with the cursor on the casualty passages (word diffs shown).
func BenchmarkViewCompare(b *testing.B) {
	hs := newHarness(b, seedArticles(b), 200, 60)
	openSeedStory(b, hs)
	hs.keys("enter", "j", "j", "j")
	benchFrames(b, hs)
}

// BenchmarkViewCompareSix draws six panes (the most a comparison takes) of
// the seeds at 200×60.
func BenchmarkViewCompareSix(b *testing.B) {
	hs := newHarness(b, seedArticles(b), 200, 60)
	hs.keys("space", "space", "space", "space", "space", "space", "c", "j", "j")
	benchFrames(b, hs)
}

// BenchmarkViewCompareScroll draws a frame after each cursor move: what a
// held-down j costs.
func BenchmarkViewCompareScroll(b *testing.B) {
	hs := newHarness(b, seedArticles(b), 200, 60)
	openSeedStory(b, hs)
	hs.keys("enter", "tab")
	c := compareOf(hs)
	n := len(c.cmp.Articles[c.focus].Passages)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			hs.keys("g")
		} else {
			hs.keys("j")
		}
		_ = hs.m.View()
	}
}

// BenchmarkViewStories draws the stories view of 2,000 generated articles
// and the seeds at 200×60.
func BenchmarkViewStories(b *testing.B) {
	arts := append([]*corpus.Article(nil), seedArticles(b)...)
	for i := 0; i < 2000; i++ {
		arts = append(arts, article("gen"+strconv.Itoa(i), "Outlet Number "+strconv.Itoa(i%37), "2020-01-"+strconv.Itoa(10+i%20),
			"Generated title about Kata’ib Hezbollah and event "+strconv.Itoa(i/5),
			"Body text about event "+strconv.Itoa(i/5)+" and strikes on Iraq’s militias."))
	}
	hs := newHarness(b, arts, 200, 60)
	hs.keys("t", "j", "j")
	benchFrames(b, hs)
}

func benchFrames(b *testing.B, hs *harness) {
	hs.m.View()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = hs.m.View()
	}
}
