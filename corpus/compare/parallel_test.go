package compare

import (
	"reflect"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/internal/seedtest"
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

// The bundled seeds and the fixture take the same checks, on their own
// passages (quotes, entities, figures the synthetic text lacks).
func TestParallelMatchesSequentialSeeds(t *testing.T) {
	c := seedtest.Load(t)
	for _, group := range [][]*corpus.Article{c.Articles[:min(6, len(c.Articles))], fixture} {
		want, _ := Compare(group, Options{workers: 1})
		got, _ := Compare(group, Options{workers: 4})
		if !sameComparison(got, want) {
			t.Fatalf("parallel Compare of %d articles differs", len(group))
		}
	}
}

// The lexicon's near lists must give the guard the answers the vectors'
// cosine gives, so the same comparison, bit for bit; and the guard must
// have found near words at all on these articles (real English, with
// vectors), or the check would prove nothing.
func TestNearListsMatchCosine(t *testing.T) {
	c := seedtest.Load(t)
	group := c.Articles[:min(6, len(c.Articles))]
	computed := lexicon.English().WithoutNear()
	for _, w := range []int{1, 2} {
		want, _ := Compare(group, Options{workers: w, lex: computed})
		got, _ := Compare(group, Options{workers: w})
		if !sameComparison(got, want) {
			t.Fatalf("%d workers: the near lists and the cosine give different comparisons", w)
		}
	}
	lex := lexicon.English()
	cmp := &Comparison{Articles: make([]ArticleInfo, 2)}
	an, keys, _ := cmp.analyse(group[:2], 0, entities.DefaultAliases(), 1, wordEstimate(group[:2]))
	fs, vocab := features(an, lex, keys, 1)
	s := newPairScorer(lex, &defaultScoring, vocab, nil, comparisonWords(fs, lex.Len()), fs[0].words)
	found := 0
	for p := range fs[0].n() {
		for q := range fs[1].n() {
			b, nums := fs[1].termsOf(q), fs[0].wordNumsOf(p)
			for k, t := range fs[0].termsOf(p) {
				if !hasTerm(b, t.id) && s.hasNear(t.word, nums[k], b) {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no passage of two seeds has a word near one of another's: the test checks nothing")
	}
}
