package stories

import (
	"context"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

// TestCopiesAreNotIndependentAccounts is issue 12 item 3's side in
// stories: a republication (Article.CopyOf) joins its original's story,
// even from the same outlet, but its outlet is not counted as another
// account of the event; a copy whose original is elsewhere counts.
func TestCopiesAreNotIndependentAccounts(t *testing.T) {
	body := []corpus.Paragraph{
		{Text: "US warplanes struck five sites of Kata'ib Hezbollah in western Iraq and eastern Syria on Sunday, the Pentagon said."},
		{Text: "At least 25 fighters were killed and 51 wounded, according to the Popular Mobilization Units, of which the group is part."},
		{Text: "The strikes answered a rocket attack on a base near Kirkuk on Friday that killed an American contractor."},
	}
	own := []corpus.Paragraph{
		{Text: "American jets bombed Kata'ib Hezbollah positions in Iraq and Syria, killing 25 fighters of the militia, officials said."},
		{Text: "The Pentagon called the strikes a response to the rocket attack near Kirkuk in which a contractor died."},
	}
	orig := &corpus.Article{ID: "a-orig", Title: "US strikes Kata'ib Hezbollah", Outlet: "Antiwar.com", Body: body}
	copyOther := &corpus.Article{ID: "b-copy", Title: "US strikes Kata'ib Hezbollah", Outlet: "Iranian.com", Via: "Antiwar.com", Body: body, CopyOf: "a-orig"}
	copySame := &corpus.Article{ID: "c-copy", Title: "US strikes Kata'ib Hezbollah again", Outlet: "Antiwar.com", Body: body, CopyOf: "a-orig"}
	indep := &corpus.Article{ID: "d-own", Title: "US jets bomb Iraqi militia", Outlet: "Reuters", Body: own}
	stories, err := Group(context.Background(), []*corpus.Article{orig, copyOther, copySame, indep}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 {
		t.Fatalf("%d stories, want one: %+v", len(stories), stories)
	}
	s := stories[0]
	if !slices.Equal(s.Outlets, []string{"Antiwar.com", "Reuters"}) {
		t.Errorf("outlets %v: a copy is not another account", s.Outlets)
	}

	// Without its original in the story, a copy is the account it has.
	stories, err = Group(context.Background(), []*corpus.Article{copyOther, indep}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || !slices.Equal(stories[0].Outlets, []string{"Iranian.com", "Reuters"}) {
		t.Errorf("a copy without its original: %+v", stories)
	}
}
