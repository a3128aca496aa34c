package tui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Messages the views exchange through the root. Views never call each
// other: they return a tea.Cmd producing one of these, and the root routes
// it (see Model.Update). Results of background work carry the generation
// they answer, so the receiver can drop stale ones.

// batchMsg carries what the loader produced since the last one: one or
// more corpus.Batch merged, so that a fast loader does not cost one
// re-sort per file. done is true once the loader's channel is closed.
type batchMsg struct {
	batch corpus.Batch
	done  bool
	ch    <-chan corpus.Batch // where the next batches come from
}

// titleResultsMsg answers a title search started with generation gen.
type titleResultsMsg struct {
	gen   int
	query string
	hits  []*titleHit
}

// wordResultsMsg answers a word search started with generation gen.
type wordResultsMsg struct {
	gen   int
	query string
	hits  []*wordHit
}

// findResultsMsg answers a live find started with generation gen.
type findResultsMsg struct {
	gen     int
	art     *corpus.Article
	raw     bool
	query   string
	terms   []string
	matches []match
	byBlock map[int][]int
}

// openArticleMsg asks the root to show an article in the reader. para is
// the body paragraph to scroll to (-1: the top); terms are highlighted and
// become the reader's find query, so n/N walk through them.
type openArticleMsg struct {
	article *corpus.Article
	para    int
	terms   []string
	query   string // what the user typed, shown with the match count
}

// openCompareMsg asks the root for the compare view of these articles
// (the marked ones). Until a compare view is registered the root ignores it.
type openCompareMsg struct {
	articles []*corpus.Article
	title    string // what is compared, e.g. a story's name; "" for marks
}

// openStoriesMsg asks the root for the stories view.
type openStoriesMsg struct{}

// backMsg asks the root to return to the view shown before this one.
type backMsg struct{}

// storyOfMsg replaces the function that names an article's story, e.g.
// once stories have been computed in the background.
type storyOfMsg struct {
	storyOf func(*corpus.Article) string
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

// waitBatch reads the next batches from the loader's channel: it blocks for
// one, then takes whatever else arrives within window, merged. Each message
// costs the library a re-sort, so the window grows with the library (see
// batchWindow) to keep that cost a small share of the load.
//
// It also indexes the articles into ix for both searches, here, in the
// command, before the message goes out: indexing 100,000 articles takes
// seconds, which on the update loop would freeze typing while a large
// corpus loads. The index is safe for concurrent use, so searches running
// meanwhile simply see the articles already added.
func waitBatch(ch <-chan corpus.Batch, window time.Duration, ix *search.Index) tea.Cmd {
	return guard(func() tea.Msg {
		b, ok := <-ch
		if !ok {
			return batchMsg{done: true}
		}
		b = mergeBatch(corpus.Batch{}, b)
		deadline := time.After(window)
		msg := batchMsg{ch: ch}
	gather:
		for {
			select {
			case nb, ok := <-ch:
				if !ok {
					msg.done = true
					break gather
				}
				b = mergeBatch(b, nb)
			case <-deadline:
				break gather
			}
		}
		if ix != nil {
			ix.Add(b.Articles)
		}
		msg.batch = b
		return msg
	})
}

// batchWindow is how long to gather batches once one has arrived, for a
// library of n articles: 15 ms, plus 1 ms per thousand articles, at most
// 250 ms (sorting 100,000 articles takes some tens of milliseconds).
func batchWindow(n int) time.Duration {
	return min(15*time.Millisecond+time.Duration(n/1000)*time.Millisecond, 250*time.Millisecond)
}

// mergeBatch folds batch b into a: articles and problems appended, progress
// taken from the later one.
func mergeBatch(a, b corpus.Batch) corpus.Batch {
	// Full slice expressions: never write into the loader's arrays.
	a.Articles = append(a.Articles[:len(a.Articles):len(a.Articles)], b.Articles...)
	a.Problems = append(a.Problems[:len(a.Problems):len(a.Problems)], b.Problems...)
	a.FilesDone, a.FilesTotal = b.FilesDone, b.FilesTotal
	a.BytesDone, a.BytesTotal = b.BytesDone, b.BytesTotal
	return a
}
