package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/storystore"
)

// storyNames knows the story grouping put each article in: its id and name,
// by article id. The zero value knows none (grouping was skipped): then an
// article's story is what its metadata pins, and it has no story id.
type storyNames struct {
	id, name map[string]string
}

// namesOf indexes the stories found by their articles.
func namesOf(found []stories.Story) storyNames {
	n := storyNames{id: map[string]string{}, name: map[string]string{}}
	for _, s := range found {
		for _, a := range s.Articles {
			n.id[a], n.name[a] = s.ID, s.Name
		}
	}
	return n
}

// of returns a's story: its id ("" when not grouped) and name. An article
// grouping did not place keeps the story its metadata pins, as in the
// reader's Story column (tui's storyNamer names stories the same way).
func (n storyNames) of(a *corpus.Article) (id, name string) {
	if name, ok := n.name[a.ID]; ok {
		return n.id[a.ID], name
	}
	return "", a.Story
}

// storyName is of's name alone, the form corpus/search takes for title
// search (search.Options.Story).
func (n storyNames) storyName(a *corpus.Article) string {
	_, name := n.of(a)
	return name
}

// groupNames groups c's articles into stories with the default options
// (as `pmureader stories` and the reader do) and indexes them, for the
// commands that name each article's story. skip leaves them unnamed.
func (a *app) groupNames(ctx context.Context, c *corpus.Corpus, skip bool) (storyNames, error) {
	if skip {
		return storyNames{}, nil
	}
	found, err := a.group(ctx, c, stories.Options{})
	if err != nil {
		return storyNames{}, err
	}
	return namesOf(found), nil
}

// group groups c's articles into stories: the library's kept stories
// when c is the library's (storystore: what is new is grouped first, the
// rest is read back), else stories.Group in memory. Both give the same
// stories for the same articles.
func (a *app) group(ctx context.Context, c *corpus.Corpus, opt stories.Options) ([]stories.Story, error) {
	if a.fromLibrary == nil {
		found, err := stories.Group(ctx, c.Articles, opt)
		if err != nil {
			return nil, fmt.Errorf("group stories: %w", err)
		}
		return found, nil
	}
	sopt := storystore.Options{SameOutlet: opt.SameOutlet, Threshold: opt.Threshold, Aliases: opt.Aliases, Progress: a.groupingLine()}
	found, _, err := storystore.Current(ctx, a.fromLibrary, sopt, c.ByID)
	if sopt.Progress != nil {
		fmt.Fprint(a.stderr, "\r\x1b[K")
	}
	if err != nil {
		return nil, fmt.Errorf("group the library's stories (run again to resume): %w", err)
	}
	return found, nil
}

// groupingLine returns a progress reporter for grouping the library's
// stories, which redraws one line on stderr when stderr is a terminal
// and the work is large enough to wait for, or nil.
func (a *app) groupingLine() func(done, total int) {
	f, ok := a.stderr.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return nil
	}
	var last time.Time
	return func(done, total int) {
		if total < 1000 || time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(a.stderr, "\rgrouping stories: %d/%d (Ctrl-C stops; the next run goes on)\x1b[K", done, total)
	}
}
