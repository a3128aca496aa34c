package clean

import (
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
)

// TestLinesFoldLikeTextnorm checks that the phrase rules read a line
// folded as every other part of pmureader folds it (texttest.FoldCases).
func TestLinesFoldLikeTextnorm(t *testing.T) {
	for _, c := range texttest.FoldCases {
		for _, cl := range []*Cleaner{nil, {}} {
			slab, _ := cl.blocks([]string{c.In}, false)
			if b := slab.block([]string{c.In}, 0, 0); b.lower != c.Fold {
				t.Errorf("%q: folded to %q, want %q", c.In, b.lower, c.Fold)
			}
		}
	}
}

// TestBylineAfterFolding: a byline whose prefix only matches once folded
// ("By" with a combining accent) gives the name from the original text,
// cut where the folded prefix ends, never inside a character.
func TestBylineAfterFolding(t *testing.T) {
	for _, line := range []string{"By\u0301 Jane Doe", "Wrìtten by Jane Doe", "BY JANE DOE"} {
		bs := blocksOf(line)
		want := "Jane Doe"
		if line == "BY JANE DOE" {
			want = "JANE DOE"
		}
		if len(bs) != 1 || bs[0].kind != kindByline || bs[0].name != want {
			t.Errorf("%q: kind %d name %q, want a byline of %q", line, bs[0].kind, bs[0].name, want)
		}
	}
	if bs := blocksOf("Via Antiwar\u0301.com"); bs[0].kind != kindVia || bs[0].name != "Antiwar\u0301.com" {
		t.Errorf("via: kind %d name %q", bs[0].kind, bs[0].name)
	}
	// Chrome that ends in a guillemet or a closing quote, folded to '"'.
	for _, line := range []string{"Read more »", "Related Stories”"} {
		if bs := blocksOf(line); bs[0].kind != kindChrome || bs[0].why != whyRelated {
			t.Errorf("%q: kind %d why %q, want related headlines", line, bs[0].kind, bs[0].why)
		}
	}
}
