package search

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
)

// Benchmarks run on synth corpora (seed 1). Sizes: 10k and 100k articles.
// The 100k cases take a while to set up (generating 400 MB of text and
// indexing it); scripts/bench runs them with -benchtime=3x.

var benchCorpora = struct {
	sync.Mutex
	arts   map[int][]*corpus.Article
	ix     map[int]*Index
	titles map[int]*Index
}{arts: map[int][]*corpus.Article{}, ix: map[int]*Index{}, titles: map[int]*Index{}}

func benchArticles(n int) []*corpus.Article {
	if arts, ok := benchCorpora.arts[n]; ok {
		return arts
	}
	var arts []*corpus.Article
	if n < bench1M {
		arts = synth.Articles(n, 1)
	} else {
		arts = synthHeaders(n)
	}
	benchCorpora.arts[n] = arts
	return arts
}

// bench1M is the size from which benchmarks hold only the articles'
// headers (a million bodies would take gigabytes): what the title search
// of a library holds.
const bench1M = 1_000_000

// env1M names the environment variable that runs the benchmarks over a
// million articles (PMUREADER_BENCH_1M=1): they take a minute to set up and
// about 1 GB, so neither CI nor scripts/bench runs them by default.
const env1M = "PMUREADER_BENCH_1M"

// synthHeaders returns the synthetic articles' headers only: id, title,
// outlet, author and date, as the library lists them.
func synthHeaders(n int) []*corpus.Article {
	arts := make([]*corpus.Article, 0, n)
	synth.Each(n, 1, func(r *synth.Record) bool {
		a := &corpus.Article{ID: r.ID, Title: r.Title, Outlet: r.Outlet, Author: r.Author}
		if t, err := time.Parse("2006-01-02", r.Date); err == nil {
			a.Date = corpus.Date{Time: t, Precision: corpus.PrecisionDay}
		}
		arts = append(arts, a)
		return true
	})
	return arts
}

// titleSizes are benchSizes and, with PMUREADER_BENCH_1M=1, a million.
func titleSizes() []struct {
	name string
	n    int
} {
	sizes := benchSizes
	if os.Getenv(env1M) != "" {
		sizes = append(sizes[:len(sizes):len(sizes)], struct {
			name string
			n    int
		}{"1M", bench1M})
	}
	return sizes
}

// benchIndex returns n synthetic articles and their full index, built
// once per process and shared by the benchmarks.
func benchIndex(b *testing.B, n int) ([]*corpus.Article, *Index) {
	b.Helper()
	benchCorpora.Lock()
	defer benchCorpora.Unlock()
	if ix, ok := benchCorpora.ix[n]; ok {
		return benchCorpora.arts[n], ix
	}
	arts := benchArticles(n)
	ix := New(arts)
	benchCorpora.ix[n] = ix
	return arts, ix
}

// benchTitleIndex returns an index whose title part is built exactly as
// New builds it, without the body word index (title benchmarks do not use
// it, and building it for 100k articles takes a while).
func benchTitleIndex(b *testing.B, n int) *Index {
	b.Helper()
	benchCorpora.Lock()
	defer benchCorpora.Unlock()
	if ix, ok := benchCorpora.ix[n]; ok {
		return ix
	}
	if ix, ok := benchCorpora.titles[n]; ok {
		return ix
	}
	arts := benchArticles(n)
	ix := &Index{articles: arts}
	ix.titles.add(arts, ix.storyOf)
	benchCorpora.titles[n] = ix
	return ix
}

var benchSizes = []struct {
	name string
	n    int
}{{"10k", 10_000}, {"100k", 100_000}}

// titleQueries are typed letter by letter: a group, a person, an outlet,
// words of headlines, and a query that stops matching.
var titleQueries = []string{"kataib", "jason ditz", "evening post", "dead as strikes", "ministry of", "qxzv"}

// BenchmarkTitleSearch types each query letter by letter into one
// TitleSearcher, as a person does, and reports the mean and median time per
// keystroke (ms/key, ms/key-p50) and the slowest keystroke (ms/key-max): the
// ranked hits (Results) and the first screen of them made whole (50), what
// a list waits for before it draws. 1M runs with PMUREADER_BENCH_1M=1.
func BenchmarkTitleSearch(b *testing.B) {
	benchTyping(b, func(s *TitleSearcher, q string) { s.Results(q).Hits(0, 50) })
}

// BenchmarkTitleFound is BenchmarkTitleSearch as the reader's "/" list
// runs it: the three tiers held lazily (Found, no word hits: a library's
// come from its full-text index) and their first screen made.
func BenchmarkTitleFound(b *testing.B) {
	benchTyping(b, func(s *TitleSearcher, q string) {
		f := s.Found(q, nil)
		for i := range min(f.Len(), 50) {
			f.At(i)
		}
	})
}

// BenchmarkTitleSearchAll is BenchmarkTitleSearch making every hit whole
// (Search), as FindTitles and the command line do.
func BenchmarkTitleSearchAll(b *testing.B) {
	benchTyping(b, func(s *TitleSearcher, q string) { s.Search(q) })
}

func benchTyping(b *testing.B, search func(*TitleSearcher, string)) {
	for _, size := range titleSizes() {
		b.Run(size.name, func(b *testing.B) {
			ix := benchTitleIndex(b, size.n)
			var keys []time.Duration
			b.ResetTimer()
			for range b.N {
				for _, q := range titleQueries {
					s := ix.NewTitleSearcher()
					for k := 1; k <= len(q); k++ {
						t0 := time.Now()
						search(s, q[:k])
						keys = append(keys, time.Since(t0))
					}
				}
			}
			b.StopTimer()
			reportKeys(b, keys, "key")
		})
	}
}

// BenchmarkTitleSearchPlain is the baseline: sahilm/fuzzy's own fuzzy.Find
// over all haystacks for every keystroke, on one core, no narrowing.
func BenchmarkTitleSearchPlain(b *testing.B) {
	for _, size := range benchSizes[:1] {
		b.Run(size.name, func(b *testing.B) {
			ix := benchTitleIndex(b, size.n)
			var keys []time.Duration
			b.ResetTimer()
			for range b.N {
				for _, q := range titleQueries {
					for k := 1; k <= len(q); k++ {
						t0 := time.Now()
						ix.titlesPlain(q[:k])
						keys = append(keys, time.Since(t0))
					}
				}
			}
			b.StopTimer()
			reportKeys(b, keys, "key")
		})
	}
}

func reportKeys(b *testing.B, ds []time.Duration, unit string) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	b.ReportMetric(ms(sum)/float64(len(ds)), "ms/"+unit)
	b.ReportMetric(ms(ds[len(ds)/2]), "ms/"+unit+"-p50")
	b.ReportMetric(ms(ds[len(ds)-1]), "ms/"+unit+"-max")
}

// wordQueries: a rare entity, a common pair, a phrase, a quoted name with a
// typographic apostrophe, a word being typed (prefix), and no match.
var wordQueries = []string{
	"kututrville",
	"killed people",
	`"were wounded"`,
	`“Kata’ib Otkeot”`,
	"ministry viis",
	"said qxzv",
}

// BenchmarkWordSearch runs each word query once per iteration and reports
// the mean, median and slowest query time.
func BenchmarkWordSearch(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			_, ix := benchIndex(b, size.n)
			var qs []time.Duration
			b.ResetTimer()
			for range b.N {
				for i, q := range wordQueries {
					t0 := time.Now()
					if i == 4 {
						ix.WordsPrefix(q)
					} else {
						ix.Words(q)
					}
					qs = append(qs, time.Since(t0))
				}
			}
			b.StopTimer()
			reportKeys(b, qs, "query")
		})
	}
}

// BenchmarkIndexBuild indexes 10k articles for both searches.
func BenchmarkIndexBuild(b *testing.B) {
	arts, _ := benchIndex(b, 10_000)
	b.ResetTimer()
	for range b.N {
		New(arts)
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(len(arts)), "ns/article")
}

// BenchmarkMemory measures the heap held by n articles plus their index,
// per article (B/article) and as a multiple of the articles' text
// (x-text; the target is at most 3), and the index's share
// (index-B/article).
func BenchmarkMemory(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"10k", 10_000}} {
		b.Run(size.name, func(b *testing.B) {
			for range b.N {
				var before, mid, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				arts := synth.Articles(size.n, 1)
				runtime.GC()
				runtime.ReadMemStats(&mid)
				ix := New(arts)
				runtime.GC()
				runtime.ReadMemStats(&after)
				text := 0
				for _, a := range arts {
					text += len(a.Title) + len(a.Outlet) + len(a.Author) + len(a.URL) + len(a.Event) + len(a.ID)
					for _, p := range a.Body {
						text += len(p.Text)
					}
				}
				held := float64(after.HeapAlloc) - float64(before.HeapAlloc)
				b.ReportMetric(held/float64(size.n), "B/article")
				b.ReportMetric(held/float64(text), "x-text")
				b.ReportMetric((float64(after.HeapAlloc)-float64(mid.HeapAlloc))/float64(size.n), "index-B/article")
				runtime.KeepAlive(ix)
			}
		})
	}
}

func ExampleIndex_Words() {
	ix := New([]*corpus.Article{
		article("aw", "US Bombs Ketaib Hezbollah in Iraq", "Antiwar.com", "",
			"US warplanes struck Ketaib Hezbollah.\n\nThe Pentagon said the strikes were defensive."),
	})
	for _, h := range ix.Words("pentagon STRIKES") {
		d := h.Detail(40)
		fmt.Println(h.Article.ID, d.Paragraph, d.Snippet, d.Highlights)
	}
	// Output: aw 1 The Pentagon said the strikes were… [{4 12} {22 29}]
}
