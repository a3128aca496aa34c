package storystore

import (
	"context"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/corpus/stories"
)

// Stories reads the library's stories as stories.Group gives them
// (stories.Restore): article gives each member's id, outlet and date (a
// header's are enough); members it does not know are left out.
func Stories(ctx context.Context, lib *library.Library, article func(id string) (*corpus.Article, bool)) ([]stories.Story, error) {
	kept, err := lib.Stories(ctx)
	if err != nil {
		return nil, err
	}
	ss := make([]stories.Story, len(kept))
	for k, s := range kept {
		ss[k] = stories.Story{ID: s.ID, Name: s.Name, Articles: s.Members, Related: s.Related, Pinned: s.Pinned, Score: s.Score}
		if len(ss[k].Related) == 0 {
			ss[k].Related = nil
		}
	}
	return stories.Restore(ss, article), nil
}

// Current groups what is new in the library (GroupNew) and reads its
// stories (Stories): what a reader of the library shows.
func Current(ctx context.Context, lib *library.Library, opt Options, article func(id string) (*corpus.Article, bool)) ([]stories.Story, Report, error) {
	rep, err := GroupNew(ctx, lib, opt)
	if err != nil {
		return nil, rep, err
	}
	ss, err := Stories(ctx, lib, article)
	return ss, rep, err
}
