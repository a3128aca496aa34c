package stories

import (
	"math"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// stem is the stem term of a word, as the tokenizer stems it.
func stem(word string) string { return stemKind + tokens.Tokenize(word)[0].Stem }

// terms renders an extraction's terms as "text=count".
func terms(x *extractor, tc []termCount) []string {
	var out []string
	for _, t := range tc {
		out = append(out, x.texts[t.id]+"="+string(rune('0'+t.n)))
	}
	return out
}

// Terms come in order of first appearance, a part's new stems before its
// names; title and dek count twice; an entity counts per mention.
func TestExtractTerms(t *testing.T) {
	x := newExtractor(entities.DefaultAliases())
	a := &corpus.Article{Title: "Strikes hit Ravenna", Body: []corpus.Paragraph{{Text: "Strikes hit bases in Ravenna."}}}
	got := terms(x, x.extract(a))
	want := []string{stem("strikes") + "=3", stem("hit") + "=3", stem("ravenna") + "=3", entityKind + "ravenna=3", stem("bases") + "=1"}
	if !slices.Equal(got, want) {
		t.Errorf("terms %q, want %q", got, want)
	}
}

// An article's names are found by its own capitalisation alone: a
// headline word is a name when the article writes it capitalised in
// running text, whatever other articles do, so that features can be
// stored once per article.
func TestExtractIsPerArticle(t *testing.T) {
	lower := &corpus.Article{Title: "Strikes hit Ravenna", Body: []corpus.Paragraph{{Text: "strikes hit bases in ravenna."}}}
	other := &corpus.Article{Body: []corpus.Paragraph{{Text: "Rescuers reached Ravenna as Strikes went on."}}}
	fresh := newExtractor(nil)
	want := terms(fresh, fresh.extract(lower))
	if slices.Contains(want, entityKind+"ravenna=2") {
		t.Fatalf("a headline word the article never capitalises is a name: %q", want)
	}
	x := newExtractor(nil)
	x.extract(other)
	if got := terms(x, x.extract(lower)); !slices.Equal(got, want) {
		t.Errorf("after another article: %q, want %q", got, want)
	}
}

// Terms are numbered in order of first appearance; spellings of one
// name, and names spelling one alias entity, are one class numbered by
// its first term; stems are their own class.
func TestVocabularyClasses(t *testing.T) {
	v := newVocabulary()
	texts := []string{stem("strike"), "e:qassem musleh", "e:ketaib hezbollahh", "e:qasim muslih", "e:iran", "e:iraq",
		"e:=Kata'ib Hezbollah", "e:kataib hezbolah"}
	for k, text := range texts {
		if id := v.id(text); id != int32(k) {
			t.Fatalf("%q numbered %d, want %d", text, id, k)
		}
	}
	got := v.classes(entities.DefaultAliases())
	want := []int32{0, 1, 2, 1, 4, 5, 2, 2}
	if !slices.Equal(got, want) {
		t.Errorf("classes %v, want %v", got, want)
	}
	// The alias entity joins its spellings though no article names it as
	// such.
	v = newVocabulary()
	v.id("e:ketaib hezbollahh")
	v.id("e:kataib hezbolah")
	if got := v.classes(entities.DefaultAliases()); !slices.Equal(got, []int32{0, 0}) {
		t.Errorf("two spellings of an alias entity: classes %v", got)
	}
}

// Weighing turns terms into their classes (two spellings in one article
// add up) and weighs a class by the articles of all its terms.
func TestWeighMergesSpellings(t *testing.T) {
	st, err := NewStats(10, []TermStat{{ID: 0, Class: 0, DF: 3}, {ID: 1, Class: 1, DF: 2}, {ID: 2, Class: 1, DF: 4}})
	if err != nil {
		t.Fatal(err)
	}
	var sc weighScratch
	d := sc.weigh(&corpus.Article{}, 1, []termCount{{2, 1}, {0, 1}, {1, 2}}, st)
	w0, w1 := tfidf.Weight(1, 10, 3), tfidf.Weight(3, 10, 6)
	norm := math.Sqrt(w0*w0 + w1*w1)
	if !slices.Equal(d.vec.IDs, []int32{0, 1}) || !slices.Equal(d.vec.W, []float32{float32(w0 / norm), float32(w1 / norm)}) {
		t.Errorf("vector %v %v", d.vec.IDs, d.vec.W)
	}
	if !math.IsNaN(d.day) || d.n != 1 {
		t.Errorf("day %v n %d", d.day, d.n)
	}
	if _, err := NewStats(1, []TermStat{{ID: 0, Class: 3, DF: 1}}); err == nil {
		t.Error("a class outside the terms was taken")
	}
}
