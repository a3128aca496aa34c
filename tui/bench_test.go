package tui

import (
	"context"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/seeds"
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

// BenchmarkFirstFrame measures what `pmureader` does before its first
// useful frame, from nothing: load the bundled seeds with the real loader
// (inside Options.Load, from the Init command, as the binary does), build
// the model, size it, deliver the loader's batch and draw the library. The
// target is 20 ms.
func BenchmarkFirstFrame(b *testing.B) {
	load := func(ctx context.Context) <-chan corpus.Batch {
		ch := make(chan corpus.Batch, 1)
		c, err := corpus.LoadFS(ctx, seeds.FS, corpus.Options{})
		if err != nil {
			b.Fatalf("load seeds: %v", err)
		}
		ch <- corpus.Batch{Articles: c.Articles, Problems: c.Problems, FilesDone: len(c.Articles), FilesTotal: len(c.Articles)}
		close(ch)
		return ch
	}
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Load: load})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		// Run Init's commands until the loader's batch is delivered. What
		// that Update starts (grouping stories) runs beside the first
		// frame in the program, not before it, so it is not run here.
		pending := []tea.Cmd{m.Init()}
		for delivered := false; !delivered && len(pending) > 0; {
			cmd := pending[0]
			pending = pending[1:]
			if cmd == nil {
				continue
			}
			switch msg := cmd().(type) {
			case tea.BatchMsg:
				pending = append(pending, msg...)
			case batchMsg:
				m.Update(msg)
				delivered = true
			}
		}
		if v := m.View(); !strings.Contains(v.Content, "Antiwar.com") {
			b.Fatalf("no library rows in the first frame:\n%s", v.Content)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/op")
}
