package compare

import (
	"context"
	"reflect"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// sameComparison reports whether two comparisons are equal in everything,
// the score matrices bit for bit, except the tokens' memo numbers (sid),
// which depend on which worker stemmed a word first and are used only
// inside build. It clears those numbers in both.
func sameComparison(a, b *Comparison) bool {
	for _, c := range []*Comparison{a, b} {
		for _, art := range c.toks {
			for _, ts := range art {
				for k := range ts {
					ts[k].KeyID = 0
				}
			}
		}
	}
	return reflect.DeepEqual(a, b)
}

// The parallel path must give exactly what the sequential one gives: every
// exported field and the score matrices, bit for bit, whatever the number
// of workers (more than the cores too, to vary the interleaving).
func TestCompareParallelMatchesSequential(t *testing.T) {
	for _, seed := range []int64{3, 42} {
		arts := synth.Articles(60, seed)
		for k, size := 0, 2; k+size <= len(arts); k, size = k+size, size%MaxArticles+1 {
			if size < 2 {
				size = 2
			}
			group := arts[k : k+size]
			for _, unit := range []passages.Unit{passages.UnitSentence, passages.UnitParagraph} {
				want, err := Compare(group, Options{Unit: unit, workers: 1})
				if err != nil {
					t.Fatal(err)
				}
				for _, w := range []int{2, 3, 7} {
					got, err := Compare(group, Options{Unit: unit, workers: w})
					if err != nil {
						t.Fatal(err)
					}
					if !sameComparison(got, want) {
						t.Fatalf("seed %d, articles %d..%d, unit %d: %d workers differ from 1", seed, k, k+size, unit, w)
					}
				}
			}
		}
	}
}

func TestGroupParallelMatchesSequential(t *testing.T) {
	for _, seed := range []int64{5, 9} {
		arts := synth.Articles(250, seed)
		for _, opt := range []StoryOptions{{}, {SameOutlet: true, Threshold: 0.3}} {
			seq := opt
			seq.workers = 1
			want, err := Group(context.Background(), arts, seq)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []int{2, 3, 7} {
				par := opt
				par.workers = w
				got, err := Group(context.Background(), arts, par)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("seed %d, %+v: %d workers differ from 1", seed, opt, w)
				}
			}
		}
	}
}

// The bundled seeds and the fixture take the same checks, on their own
// passages (quotes, entities, figures the synthetic text lacks).
func TestParallelMatchesSequentialSeeds(t *testing.T) {
	c := loadSeeds(t)
	for _, group := range [][]*corpus.Article{c.Articles[:min(6, len(c.Articles))], fixture} {
		want, _ := Compare(group, Options{workers: 1})
		got, _ := Compare(group, Options{workers: 4})
		if !sameComparison(got, want) {
			t.Fatalf("parallel Compare of %d articles differs", len(group))
		}
	}
	want, _ := Group(context.Background(), c.Articles, StoryOptions{workers: 1})
	got, _ := Group(context.Background(), c.Articles, StoryOptions{workers: 4})
	if !reflect.DeepEqual(got, want) {
		t.Fatal("parallel Group of the seeds differs")
	}
}

// Group keeps only the words forNames picks between its passes: names found
// among those alone must be the names found among all words.
func TestForNamesKeepsMentions(t *testing.T) {
	var texts []string
	for _, a := range loadSeeds(t).Articles {
		texts = append(texts, a.Title, a.Dek)
		for _, p := range a.Body {
			texts = append(texts, p.Text)
		}
	}
	for _, a := range synth.Articles(40, 8) {
		texts = append(texts, a.Title)
		for _, p := range a.Body {
			texts = append(texts, p.Text)
		}
	}
	texts = append(texts, "said Iraq", "the Bank of England said", "of Iraq", "Mohammed bin Salman and al-Sadr",
		"Hashd al-Sha’abi, the PMU’s arm", "US-Iran talks of the U.N. in Geneva-based Bank", "x", "")
	st := newTextStats()
	toks := make([][]tokens.Token, len(texts))
	for i, s := range texts {
		toks[i] = tokens.Tokenize(s)
		st.observe(toks[i], i%7 == 0)
	}
	al := DefaultAliases()
	for i, s := range texts {
		var kept []tokens.Token
		for x := range toks[i] {
			if forNames(toks[i], x) {
				kept = append(kept, toks[i][x])
			}
		}
		for _, title := range []bool{false, true} {
			want := extractMentions(s, toks[i], st, al, title)
			got := extractMentions(s, kept, st, al, title)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q (title %v): names from kept words %+v, from all %+v", s, title, got, want)
			}
		}
	}
}
