package library

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/seeds"
)

// exportCorpus is the seeds, synthetic articles and articles with every
// kind of date and metadata.
func exportCorpus(t *testing.T) []*corpus.Article {
	t.Helper()
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	arts := append(append([]*corpus.Article{}, c.Articles...), synth.Articles(40, 9)...)
	month := article("m", "Month only", "Outlet M", "https://m.example/1", "A body dated to a month, and nothing more precise than that.")
	month.Date = corpus.Date{Time: time.Date(2021, 6, 1, 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionMonth}
	year := article("y", "Year only", "Outlet Y", "", "A body dated to a year, with a note on why that is so.")
	year.Date = corpus.Date{Time: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), Precision: corpus.PrecisionYear, Note: "from the archive"}
	stamp := article("s", "Timestamped", "Outlet S", "", "A body with a full timestamp in a zone east of Greenwich.")
	stamp.Date = corpus.Date{Time: time.Date(2019, 12, 29, 10, 31, 0, 0, time.FixedZone("", 3*3600)), Precision: corpus.PrecisionDay}
	stamp.Dek, stamp.Via, stamp.OutletProfile, stamp.Author, stamp.Event, stamp.Story =
		"The dek", "Press TV", "A profile", "Jane Doe, John Roe", "An event", "pinned-story"
	none := article("n", "Undated", "", "", "A body without any date at all, and without an outlet either.")
	none.Date = corpus.Date{}
	return append(arts, month, year, stamp, none)
}

func TestExportLoadsBackTheSameArticles(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	arts := exportCorpus(t)
	mustAdd(t, l, arts...)
	for _, f := range []Format{FormatJSON, FormatJSONL} {
		path := filepath.Join(t.TempDir(), "export."+string(f))
		var buf bytes.Buffer
		n, err := l.Export(ctx, &buf, f)
		if err != nil || n != len(arts) {
			t.Fatalf("%s: exported %d, %v; want %d", f, n, err, len(arts))
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := corpus.Load(ctx, []string{path}, corpus.Options{MaxFileSize: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Problems) != 0 {
			t.Fatalf("%s: load problems %v", f, c.Problems)
		}
		if len(c.Articles) != len(arts) {
			t.Fatalf("%s: loaded %d of %d", f, len(c.Articles), len(arts))
		}
		for _, back := range c.Articles {
			rec, err := l.Get(ctx, back.ID)
			if err != nil {
				t.Fatalf("%s: %s: %v", f, back.ID, err)
			}
			if diff := compareArticles(rec.Article, back); diff != "" {
				t.Errorf("%s: %s: %s", f, back.ID, diff)
			}
		}
	}
}

// compareArticles names the first field in which a loaded article differs
// from the stored one, or returns "".
func compareArticles(want, got *corpus.Article) string {
	fields := []struct {
		name   string
		w, g   string
		wantOK bool
	}{
		{"title", want.Title, got.Title, true},
		{"dek", want.Dek, got.Dek, true},
		{"outlet", want.Outlet, got.Outlet, true},
		{"via", want.Via, got.Via, true},
		{"outlet_profile", want.OutletProfile, got.OutletProfile, true},
		{"author", want.Author, got.Author, true},
		{"url", want.URL, got.URL, true},
		{"event", want.Event, got.Event, true},
		{"story", want.Story, got.Story, true},
		{"date precision", string(want.Date.Precision), string(got.Date.Precision), true},
		{"date note", want.Date.Note, got.Date.Note, true},
	}
	for _, f := range fields {
		if f.w != f.g {
			return f.name + ": " + f.g + " != " + f.w
		}
	}
	if !want.Date.Time.Equal(got.Date.Time) {
		return "date: " + got.Date.Time.String() + " != " + want.Date.Time.String()
	}
	if len(want.Body) != len(got.Body) {
		return "paragraphs differ in number"
	}
	for i := range want.Body {
		if want.Body[i].Text != got.Body[i].Text {
			return "paragraph " + want.Body[i].Text + " != " + got.Body[i].Text
		}
		if want.Body[i].Subhead != got.Body[i].Subhead {
			return "subhead flag of " + want.Body[i].Text
		}
	}
	return ""
}

func TestExportShape(t *testing.T) {
	l, _ := openTemp(t)
	ctx := context.Background()
	var buf bytes.Buffer
	if n, err := l.Export(ctx, &buf, FormatJSON); err != nil || n != 0 || strings.TrimSpace(buf.String()) != "[]" {
		t.Fatalf("empty export %q, %d, %v", buf.String(), n, err)
	}
	mustAdd(t, l, article("a", "A <b>", "O", "", "Body & more."))
	buf.Reset()
	if _, err := l.Export(ctx, &buf, FormatJSONL); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"a","title":"A <b>","text":"Body & more.","date":"2019-12-29","date_precision":"day","outlet":"O"}` + "\n"
	if buf.String() != want {
		t.Fatalf("jsonl\n got %s\nwant %s", buf.String(), want)
	}
	if _, err := l.Export(ctx, &buf, "xml"); err == nil {
		t.Fatalf("unknown format: no error")
	}
}
