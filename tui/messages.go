package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Messages. Views never call each other: a view asks for another view
// with a message (open an article, compare, back), and background work
// answers with a result message that names its job (see jobs.go); the root
// routes both (see Model.Update).

// openArticleMsg asks the root to show an article in the reader. para is
// the body paragraph to scroll to (-1: the top); terms are highlighted and
// become the reader's find query, so n/N walk through them.
type openArticleMsg struct {
	article *corpus.Article
	para    int
	terms   []string
	query   string // what the user typed, shown with the match count
}

// openCompareMsg asks the root for the compare view of these articles.
type openCompareMsg struct {
	articles []*corpus.Article
	title    string // what is compared, e.g. a story's name; "" for marks
}

// openStoriesMsg asks the root for the stories view.
type openStoriesMsg struct{}

// openProblemsMsg asks the root for the list of load problems.
type openProblemsMsg struct{}

// backMsg asks the root to return to the view shown before this one.
type backMsg struct{}

// diffJumpMsg is the differences panel asking the compare view to close
// it and put the cursor on a passage.
type diffJumpMsg struct{ ref passages.Ref }

// diffCloseMsg is the differences panel asking to be closed.
type diffCloseMsg struct{}

// batchMsg carries what the loader produced since the last one: one or
// more corpus.Batch merged, so that a fast loader does not cost one
// re-sort per file. done is true once the loader's channel is closed.
type batchMsg struct {
	jobID
	batch corpus.Batch
	done  bool
	ch    <-chan corpus.Batch // where the next batches come from
}

// groupedMsg answers a grouping: the stories of the articles in byID,
// and what names each article's story after them.
type groupedMsg struct {
	jobID
	stories []stories.Story
	byID    map[string]*corpus.Article
	storyOf func(*corpus.Article) string
	err     error
}

// groupTickMsg redraws the progress of grouping gen while it runs.
type groupTickMsg struct{ gen int }

// storyNamesMsg answers the naming of stories in the title index: from
// now on storyOf names each article's story, in the library too.
type storyNamesMsg struct {
	jobID
	storyOf func(*corpus.Article) string
}

// comparedMsg answers a comparison.
type comparedMsg struct {
	jobID
	cmp *compare.Comparison
	err error
}

// titleResultsMsg answers a title search.
type titleResultsMsg struct {
	jobID
	query string
	list  *titleList
}

// titleRowsMsg brings rows of a title search's answer, from from on.
type titleRowsMsg struct {
	jobID
	list *titleList
	from int
	rows []*titleHit
}

// wordResultsMsg answers a word search.
type wordResultsMsg struct {
	jobID
	query string
	hits  []*wordHit
}

// findResultsMsg answers a find in the reader's document: art's, raw or
// not.
type findResultsMsg struct {
	jobID
	art     *corpus.Article
	raw     bool
	query   string
	terms   []string
	matches []match
	byBlock map[int][]int
}

// fatalMsg reports a panic recovered in a command: the program stops and
// Run returns the error, after the terminal is restored.
type fatalMsg struct{ err error }

// guard wraps a command so that a panic in it becomes a fatalMsg instead of
// killing the program with a stack trace on a raw-mode terminal.
func guard(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = fatalMsg{err: panicError("internal error in background work", r)}
			}
		}()
		return cmd()
	}
}

// panicError is the error a recovered panic value r becomes: "what: r" on
// one sanitised line, since it is printed on the restored terminal as the
// program's last words, and a panic value may hold anything.
func panicError(what string, r any) error {
	return fmt.Errorf("%s: %s", what, textnorm.Line(fmt.Sprint(r)))
}

// guardAll guards cmd and, when it turns out to be a tea.Batch, every
// command inside it, so that no command any view returns (bubbles' ones
// included) can panic on the program's goroutines.
func guardAll(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return guard(func() tea.Msg {
		msg := cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = guardAll(c)
			}
			return out
		}
		return msg
	})
}
