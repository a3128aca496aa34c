package compare

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/passages"
)

// FuzzCompare feeds random texts to Compare: it must not panic, every row
// must hold valid passages (at most one per article), word diffs must be
// valid byte ranges of their passages, and every fact must hold one figure
// per article, found in its passage.
func FuzzCompare(f *testing.F) {
	f.Add("US strikes killed 27. The PMU denied it.", "Strikes killed at least 25, officials said.", "Kata’ib Hezbollah, a people’s resistance movement, said so.")
	f.Add("", "", "")
	f.Add("Mr. A. B. said.", "“Quoted,” said Dr. Who. $20 billion.", "• bullet\n\nsecond line")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		var arts []*corpus.Article
		for i, s := range []string{a, b, c} {
			if !utf8.ValidString(s) {
				return
			}
			art := &corpus.Article{ID: string(rune('a' + i)), Outlet: string(rune('A' + i))}
			lines := strings.Split(s, "\n")
			art.Title = lines[0]
			for n, l := range lines[1:] {
				art.Body = append(art.Body, corpus.Paragraph{Text: l, Source: corpus.Span{File: "f", StartLine: n + 2, EndLine: n + 2}})
			}
			arts = append(arts, art)
		}
		cmp, err := Compare(arts, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range cmp.Rows {
			seen := map[int]bool{}
			for _, ref := range r.Passages {
				if _, ok := cmp.Passage(ref); !ok {
					t.Fatalf("row holds invalid ref %v", ref)
				}
				if seen[ref.Article] {
					t.Fatalf("row holds two passages of article %d", ref.Article)
				}
				seen[ref.Article] = true
			}
			for x := 0; x < len(r.Passages); x++ {
				for y := x + 1; y < len(r.Passages); y++ {
					checkDiff(t, cmp, r.Passages[x], r.Passages[y])
				}
			}
		}
		for i, art := range cmp.Articles {
			for _, p := range art.Passages {
				if p.Start < 0 || p.End < p.Start {
					t.Fatalf("bad passage range %+v", p)
				}
				cmp.Counterparts(passages.Ref{Article: i, Passage: p.Index}, 3)
			}
		}
		if len(cmp.Articles[0].Passages) > 0 && len(cmp.Articles[1].Passages) > 0 {
			checkDiff(t, cmp, passages.Ref{Article: 0, Passage: 0}, passages.Ref{Article: 1, Passage: 0})
		}
		for _, d := range cmp.Differences {
			articles := map[int]bool{}
			for _, it := range d.Items {
				p, ok := cmp.Passage(it.Ref)
				if !ok {
					t.Fatalf("difference points at invalid %v", it.Ref)
				}
				if d.Kind != differences.KindNumber {
					continue
				}
				// A fact: one figure per article, found in its passage.
				if articles[it.Article] || !strings.Contains(p.Text, it.Text) || it.Interval == nil {
					t.Fatalf("fact %q: item %+v (passage %q)", d.Summary, it, p.Text)
				}
				articles[it.Article] = true
			}
			if d.Kind == differences.KindNumber && (len(d.Items) < 2 || d.Relation != "conflict" && d.Relation != "compatible" && d.Relation != "same") {
				t.Fatalf("fact %+v", d)
			}
		}
		_ = Markdown(cmp)
	})
}

func checkDiff(t *testing.T, c *Comparison, a, b passages.Ref) {
	t.Helper()
	d := c.Diff(a, b)
	pa, _ := c.Passage(a)
	pb, _ := c.Passage(b)
	for _, side := range []struct {
		rs   []Range
		text string
	}{{d.A, pa.Text}, {d.B, pb.Text}} {
		last := 0
		for _, r := range side.rs {
			if r.Start < last || r.End <= r.Start || r.End > len(side.text) {
				t.Fatalf("bad range %+v in %q", r, side.text)
			}
			if !utf8.ValidString(side.text[r.Start:r.End]) {
				t.Fatalf("range %+v splits a character of %q", r, side.text)
			}
			last = r.End
		}
	}
}
