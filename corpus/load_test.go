package corpus_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/seeds"
)

// writeFiles creates files (name -> content) under dir, making
// subdirectories as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// findProblem returns the first problem for a path (matched by suffix)
// whose error wraps target.
func findProblem(c *corpus.Corpus, pathSuffix string, target error) (corpus.Problem, bool) {
	for _, p := range c.Problems {
		if strings.HasSuffix(filepath.ToSlash(p.Path), pathSuffix) && errors.Is(p, target) {
			return p, true
		}
	}
	return corpus.Problem{}, false
}

func mustLoad(t *testing.T, paths ...string) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(context.Background(), paths, corpus.Options{})
	if err != nil {
		t.Fatalf("Load(%v): %v (problems: %v)", paths, err, c.Problems)
	}
	return c
}

func TestLoadFSSeedsWithMetadata(t *testing.T) {
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Fatal() {
		t.Errorf("unexpected problem: %v", p)
	}
	if len(c.Articles) < 5 {
		t.Fatalf("got %d articles, want at least 5", len(c.Articles))
	}
	day := func(s string) time.Time {
		d, _ := time.Parse("2006-01-02", s)
		return d
	}
	tests := []struct {
		id, outlet, via string
		date            time.Time
		precision       corpus.Precision
		url             string
	}{
		{"000_7f156dedb77d178e", "The Duran", "", day("2017-08-08"), corpus.PrecisionApproximate, "https://theduran.com/us-bombs-anti-isis-iraqi-shia-fighters/"},
		{"001_dca753b7094c4e72", "Iranian.com", "American Herald Tribune", day("2020-01-02"), corpus.PrecisionDay, "https://iranian.com/2020/01/02/response-to-us-strikes-a-united-opposition-to-occupation-of-iraq/"},
		{"002_521e8e9ae6276b4b", "The News Line", "Press TV", day("2021-05-31"), corpus.PrecisionApproximate, "https://wrp.org.uk/?p=26543"},
		{"003_a3f0896ac364095c", "Antiwar.com", "", day("2019-12-29"), corpus.PrecisionDay, "https://news.antiwar.com/2019/12/29/us-attacks-shiite-militias-in-iraq-and-syria/"},
		{"004_f3682412e17b471f", "VICE World News", "", day("2021-06-28"), corpus.PrecisionApproximate, "https://www.vice.com/amp/en/article/88nmkz/iraq-condemns-us-air-strikes-that-targeted-iran-backed-militias"},
	}
	for _, tt := range tests {
		a, ok := c.ByID(tt.id)
		if !ok {
			t.Errorf("no article %s", tt.id)
			continue
		}
		if a.Outlet != tt.outlet || a.Via != tt.via || a.URL != tt.url {
			t.Errorf("%s: outlet %q via %q url %q; want %q %q %q", tt.id, a.Outlet, a.Via, a.URL, tt.outlet, tt.via, tt.url)
		}
		if !a.Date.Time.Equal(tt.date) || a.Date.Precision != tt.precision {
			t.Errorf("%s: date %v %q; want %v %q", tt.id, a.Date.Time, a.Date.Precision, tt.date, tt.precision)
		}
		if a.Format != "text" || a.Words == 0 || a.Event == "" || a.OutletProfile == "" {
			t.Errorf("%s: format %q words %d event %q profile %q", tt.id, a.Format, a.Words, a.Event, a.OutletProfile)
		}
		if a.Source.File != tt.id+".txt" || a.Source.StartLine < 1 || a.Source.EndLine < a.Source.StartLine {
			t.Errorf("%s: source %v", tt.id, a.Source)
		}
	}
	if a, _ := c.ByID("001_dca753b7094c4e72"); a != nil && !strings.Contains(a.Date.Note, "31 Dec 2019") {
		t.Errorf("001 date note %q", a.Date.Note)
	}
	// Articles are sorted by file, then position.
	for i := 1; i < len(c.Articles); i++ {
		if c.Articles[i-1].Source.File > c.Articles[i].Source.File {
			t.Errorf("articles out of order: %s before %s", c.Articles[i-1].Source, c.Articles[i].Source)
		}
	}
}

func TestLoadFSSeedsSplitsMultiItemFile(t *testing.T) {
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, ok := c.ByID("002_521e8e9ae6276b4b-2")
	if !ok {
		t.Fatalf("002 not split into two articles (ids: %v)", ids(c))
	}
	first, _ := c.ByID("002_521e8e9ae6276b4b")
	if want := "Iran's defence minister says Palestinian missiles and drones will haunt Israeli settlers"; second.Title != want {
		t.Errorf("002-2 title %q, want %q (from parts)", second.Title, want)
	}
	if second.Event != "Iranian reactions to the May 2021 Gaza war" || second.Outlet != "The News Line" || second.Via != "Press TV" {
		t.Errorf("002-2 event %q outlet %q via %q", second.Event, second.Outlet, second.Via)
	}
	if first.Title != "US Aiding Terrorists In Iraq And Syria" || !strings.Contains(first.Event, "Muslih") {
		t.Errorf("002 title %q event %q", first.Title, first.Event)
	}
}

func TestLoadTextWithMetaYAML(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":     "Headline A\n\nFirst paragraph of A.\n\nSecond paragraph of A.",
		"b.txt":     "Headline B\n\nBody of B here.",
		"sub/c.txt": "Headline C\n\nBody of C.",
		"notes.doc": "ignored inside a directory",
		"meta.yaml": "- file: a.txt\n  outlet: Outlet A\n  via: Original A\n  author: Jane Doe\n  date: 2021-06\n  url: https://example.com/a\n  story: story-a\n" +
			"- file: b.txt\n  date: 2019\n  date_precision: approximate\n  date_note: a guess\n",
	})
	c := mustLoad(t, dir)
	if len(c.Articles) != 3 {
		t.Fatalf("got %d articles, want 3; problems %v", len(c.Articles), c.Problems)
	}
	a, _ := c.ByID("a")
	if a == nil || a.Title != "Headline A" || a.Outlet != "Outlet A" || a.Via != "Original A" || a.Author != "Jane Doe" ||
		a.URL != "https://example.com/a" || a.Story != "story-a" || a.Date.String() != "2021-06" || a.Date.Precision != corpus.PrecisionMonth {
		t.Errorf("a: %+v", a)
	}
	if a.Words != 8 {
		t.Errorf("a.Words = %d, want 8", a.Words)
	}
	b, _ := c.ByID("b")
	if b == nil || b.Date.Precision != corpus.PrecisionApproximate || b.Date.Time.Year() != 2019 || b.Date.Note != "a guess" || b.Outlet != "" {
		t.Errorf("b: %+v", b)
	}
	if _, ok := c.ByID("c"); !ok {
		t.Errorf("sub/c.txt not loaded from the walked subdirectory")
	}
	if len(c.Problems) != 0 {
		t.Errorf("problems: %v", c.Problems)
	}
	if got := c.Articles[0].Source.File; got != filepath.Join(dir, "a.txt") {
		t.Errorf("first article from %s, want %s", got, filepath.Join(dir, "a.txt"))
	}
}

func TestLoadSamePathTwiceLoadsOnce(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.txt": "Title\n\nBody."})
	c := mustLoad(t, dir, filepath.Join(dir, "a.txt"), dir+"/./")
	if len(c.Articles) != 1 || len(c.Problems) != 0 {
		t.Errorf("got %d articles, problems %v; want 1 article, no problem", len(c.Articles), c.Problems)
	}
}

func TestStreamDeliversAllWithProgress(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 30 {
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt")] = fmt.Sprintf("Title %d\n\nSome body text.", i)
	}
	files["bad.txt"] = ""
	writeFiles(t, dir, files)
	var got, probs int
	var last corpus.Batch
	batches := 0
	for b := range corpus.Stream(context.Background(), []string{dir}, corpus.Options{Workers: 2}) {
		batches++
		got += len(b.Articles)
		probs += len(b.Problems)
		if b.FilesDone > b.FilesTotal || b.BytesDone > b.BytesTotal {
			t.Errorf("progress past total: %+v", b)
		}
		if b.FilesDone < last.FilesDone {
			t.Errorf("progress went back: %d after %d", b.FilesDone, last.FilesDone)
		}
		last = b
	}
	if got != 30 || probs != 1 {
		t.Errorf("streamed %d articles and %d problems, want 30 and 1", got, probs)
	}
	if last.FilesDone != 31 || last.FilesTotal != 31 || last.BytesDone != last.BytesTotal || last.BytesTotal == 0 {
		t.Errorf("final progress %+v, want 31/31 files and all bytes", last)
	}
	if batches == 0 {
		t.Error("no batch")
	}
}

func TestCancelStopsLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 200 {
		files[filepath.Join("d", strings.Repeat("f", 1+i%10)+string(rune('a'+i/10))+".txt")] = "Title\n\nBody."
	}
	writeFiles(t, dir, files)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := corpus.Load(ctx, []string{dir}, corpus.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with cancelled ctx: err %v, want context.Canceled", err)
	}

	// A cancelled stream loads nothing and closes its channel.
	n := 0
	for b := range corpus.Stream(ctx, []string{dir}, corpus.Options{Workers: 1}) {
		n += len(b.Articles)
	}
	if n != 0 {
		t.Errorf("cancelled stream delivered %d articles", n)
	}

	// Cancelling midway closes the channel (promptly: the test would hang
	// otherwise), whatever had been delivered by then.
	ctx, cancel = context.WithCancel(context.Background())
	ch := corpus.Stream(ctx, []string{dir}, corpus.Options{Workers: 1})
	<-ch
	cancel()
	for range ch {
	}
}

func TestNothingLoaded(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"empty/readme.doc": "x", "bad/a.txt": "", "bad/b.txt": "\x00\x01"})
	c, err := corpus.Load(context.Background(), []string{filepath.Join(dir, "empty")}, corpus.Options{})
	if !errors.Is(err, corpus.ErrNothingLoaded) || !strings.Contains(err.Error(), "no articles found in") {
		t.Errorf("empty dir: err %v", err)
	}
	if _, ok := findProblem(c, "/empty", corpus.ErrNoArticles); !ok {
		t.Errorf("no problem for the empty directory: %v", c.Problems)
	}
	_, err = corpus.Load(context.Background(), []string{filepath.Join(dir, "bad")}, corpus.Options{})
	if !errors.Is(err, corpus.ErrNothingLoaded) || err.Error() != "no articles loaded: 2 files failed" {
		t.Errorf("bad files: err %v", err)
	}
	_, err = corpus.Load(context.Background(), []string{filepath.Join(dir, "missing.txt"), filepath.Join(dir, "empty")}, corpus.Options{})
	if !errors.Is(err, corpus.ErrNothingLoaded) || err.Error() != "no articles loaded: 1 file failed" {
		t.Errorf("missing file: err %v", err)
	}
	if _, err = corpus.Load(context.Background(), nil, corpus.Options{}); err == nil || err.Error() != "no articles loaded: no paths given" {
		t.Errorf("no paths: err %v", err)
	}
	if _, err = corpus.LoadFS(context.Background(), fstest.MapFS{"x.doc": {}}, corpus.Options{}); err == nil || err.Error() != "no articles found in the file system" {
		t.Errorf("empty FS: err %v", err)
	}
}

func ids(c *corpus.Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID)
	}
	return out
}
