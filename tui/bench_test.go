package tui

import (
	"strconv"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// benchArticles is the seeds plus enough generated articles to fill a
// 200×60 library many times over.
func benchArticles(b *testing.B) []*corpus.Article {
	arts := append([]*corpus.Article(nil), seedArticles(b)...)
	for i := 0; i < 2000; i++ {
		arts = append(arts, article("gen"+strconv.Itoa(i), "Outlet Number "+strconv.Itoa(i%37), "2020-01-02",
			"Generated title about Kata’ib Hezbollah and Iraq’s militias number "+strconv.Itoa(i),
			"Kata’ib Hezbollah body text about strikes on Iraq’s militias, paragraph one, with the café and résumé.",
			"Second paragraph mentions Hezbollah again and the Popular Mobilization Units."))
	}
	return arts
}

func benchView(b *testing.B, keys ...string) {
	hs := newHarness(b, benchArticles(b), 200, 60)
	hs.keys(keys...)
	hs.m.View() // warm the caches: View only slices from here on
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = hs.m.View()
	}
}

func BenchmarkViewLibrary(b *testing.B) { benchView(b) }
func BenchmarkViewFuzzy(b *testing.B)   { benchView(b, "/", "kataib") }
func BenchmarkViewWords(b *testing.B)   { benchView(b, "f", "hezbollah") }
func BenchmarkViewReader(b *testing.B) {
	benchView(b, "/", "response to us strikes", "enter", "/", "iraq", "enter")
}
func BenchmarkViewReaderRaw(b *testing.B) {
	benchView(b, "/", "response to us strikes", "enter", "r")
}
func BenchmarkViewHelp(b *testing.B) { benchView(b, "?") }
