package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus"
)

func bodied(id, title, body string) *corpus.Article {
	return &corpus.Article{ID: id, Title: title, Body: []corpus.Paragraph{{Text: body}}}
}

// The tiers: the query as typed in a header first, then the query's words
// in a text, then letters scattered through a header; each article once,
// in its best tier.
func TestFindTitlesTiers(t *testing.T) {
	arts := []*corpus.Article{
		bodied("scattered", "Kids eat tacos at its bar", "Nothing to see here."),
		bodied("text", "Strikes on militias", "They blame Ketaib Hezbollah for the attack."),
		bodied("both", "Kentucky eats tart apple ice buns", "A word on ketaib in the text too."),
		bodied("header", "Ketaib Hezbollah blamed", "No word of it in the text."),
		bodied("none", "Weather", "Rain."),
	}
	ix := New(arts)
	var got []string
	for _, f := range ix.FindTitles("ketaib") {
		got = append(got, f.Article.ID+"/"+f.By.String())
		switch f.By {
		case FoundByText:
			if f.Words.Article != f.Article || f.Title.Article != nil {
				t.Errorf("%s: a text hit carries %+v", f.Article.ID, f)
			}
		default:
			if f.Title.Article != f.Article || f.Words.Article != nil {
				t.Errorf("%s: a header hit carries %+v", f.Article.ID, f)
			}
		}
	}
	want := []string{"header/title", "text/text", "both/text", "scattered/fuzzy"}
	if !slices.Equal(got, want) {
		t.Errorf("FindTitles(ketaib) = %v, want %v", got, want)
	}
	if f := ix.FindTitles("  "); f != nil {
		t.Errorf("a blank query found %v", f)
	}
}

// A TitleSearcher's Find, narrowing as a person types, answers what
// FindTitles answers, query after query.
func TestSearcherFindEqualsFindTitles(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 12))
	for round := range 10 {
		arts := randomArticles(r, 1+r.IntN(2000))
		for i, a := range arts {
			a.Body = []corpus.Paragraph{{Text: randomTitle(r) + " " + randomTitle(r)}}
			a.ID = fmt.Sprint(i)
		}
		ix := New(arts)
		s := ix.NewTitleSearcher()
		q := ""
		for range 15 {
			q += queryLetters[r.IntN(len(queryLetters))]
			if got, want := foundKeys(s.Find(q)), foundKeys(ix.FindTitles(q)); !slices.Equal(got, want) {
				t.Fatalf("round %d query %q:\n got %v\nwant %v", round, q, got[:min(len(got), 5)], want[:min(len(want), 5)])
			}
		}
	}
}

func foundKeys(fs []Found) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%s/%s/%d/%.6f", f.Article.ID, f.By, f.Title.Score, f.Words.Score)
	}
	return out
}

// Found, the tiers held lazily, answers what Tiers answers over the same
// title and word hits, keystroke after keystroke, with backspaces and
// articles added while typing, and with the word hits of another index of
// the same articles (a library's full-text index: other *Article values,
// the same IDs and headers; it holds no article the title index does
// not), whatever order its hits are asked for in.
func TestFoundEqualsTiers(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 21))
	for round := range 12 {
		arts := randomArticles(r, 1+r.IntN(5000))
		bodies := make([]*corpus.Article, len(arts))
		for i, a := range arts {
			b := *a
			b.Body = []corpus.Paragraph{{Text: randomTitle(r) + " " + randomTitle(r)}}
			bodies[i] = &b
		}
		split := len(arts)
		if round%2 == 0 {
			split = len(arts) / 2
		}
		headers, text := New(arts[:split]), New(bodies[:split])
		s := headers.NewTitleSearcher()
		q := ""
		for key := range 24 {
			switch {
			case key == 8 && split < len(arts):
				headers.Add(arts[split:])
				text.Add(bodies[split:])
			case len(q) > 0 && r.IntN(5) == 0:
				_, size := utf8.DecodeLastRuneInString(q)
				q = q[:len(q)-size]
			default:
				q += queryLetters[r.IntN(len(queryLetters))]
			}
			words := text.Words(q)
			want := foundKeys(Tiers(q, headers.Titles(q), words))
			f := s.Found(q, words)
			if f.Len() != len(want) {
				t.Fatalf("round %d query %q: Len %d, want %d", round, q, f.Len(), len(want))
			}
			got := make([]string, f.Len())
			for _, i := range r.Perm(f.Len()) {
				got[i] = foundKeys([]Found{f.At(i)})[0]
			}
			if !slices.Equal(got, want) {
				t.Fatalf("round %d query %q:\n got %v\nwant %v", round, q, got[:min(len(got), 5)], want[:min(len(want), 5)])
			}
			texts := 0
			for _, k := range want {
				if strings.Contains(k, "/text/") {
					texts++
				}
			}
			if f.TextLen() != texts {
				t.Errorf("round %d query %q: TextLen %d, want %d", round, q, f.TextLen(), texts)
			}
		}
	}
}
