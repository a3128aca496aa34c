package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

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
