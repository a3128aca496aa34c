package search

import (
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/internal/texttest"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// TestSearchFoldsLikeTextnorm checks that title search's haystacks and
// queries and the word index's keys fold the hard cases as every other
// part of pmureader does (texttest.FoldCases), and that a title found by
// its whole key is highlighted whole.
func TestSearchFoldsLikeTextnorm(t *testing.T) {
	for _, c := range texttest.FoldCases {
		a := &corpus.Article{Title: c.In}
		if got := Haystack(a, ""); got != c.Key {
			t.Errorf("Haystack(%q) = %q, want %q", c.In, got, c.Key)
		}
		if got := FoldQuery(c.In); got != c.Key {
			t.Errorf("FoldQuery(%q) = %q, want %q", c.In, got, c.Key)
		}
		hits := New([]*corpus.Article{a}).Titles(c.In)
		if len(hits) != 1 {
			t.Errorf("title %q: %d hits for itself", c.In, len(hits))
			continue
		}
		if h := hits[0].Highlights().Title; len(h) == 0 || h[0].Start != 0 || h[len(h)-1].End != len(c.In) {
			t.Errorf("title %q: highlights %v", c.In, h)
		}
		var s wordScanner
		s.scan(c.In, func(start, end int, key []byte) {
			if want := textnorm.Key(c.In[start:end]); string(key) != want {
				t.Errorf("%q: word %q has key %q, want %q", c.In, c.In[start:end], key, want)
			}
		})
	}
}
