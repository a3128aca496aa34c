package tui

import (
	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/search"
)

// The TUI does not search: corpus/search does, in a background command.
// These types hold its answers together with what the views derive from
// them lazily, for the rows on screen only (highlights, snippets).

// titleHit is one fuzzy title match. Its highlights (byte ranges into the
// article's Title and Outlet) are computed the first time the row is drawn.
type titleHit struct {
	article *corpus.Article
	hit     search.TitleHit
	inText  bool     // found by the words of its text, not its header
	words   *wordHit // for inText hits: where in the text, to open there
	done    bool
	title   []span
	outlet  []span
	story   []span // into hit.Story
}

// spans returns the matched byte spans of the title and the outlet.
func (h *titleHit) spans() (title, outlet []span) {
	h.compute()
	return h.title, h.outlet
}

// storySpans returns the matched byte spans of story, if it is the story
// name the search matched.
func (h *titleHit) storySpans(story string) []span {
	h.compute()
	if story != h.hit.Story {
		return nil
	}
	return h.story
}

func (h *titleHit) compute() {
	if !h.done && h.hit.Article != nil {
		hl := h.hit.Highlights()
		h.title, h.outlet, h.story = toSpans(hl.Title), toSpans(hl.Outlet), toSpans(hl.Story)
		h.done = true
	}
}

// wordHit is one article whose body has every word of a word query. The
// snippet is cut for the width it is shown at, when it is first drawn.
type wordHit struct {
	article *corpus.Article
	hit     search.WordHit
	terms   []string // the query's folded terms, for the reader's highlights

	width   int // width the detail was cut for; 0: none yet
	para    int
	snippet string
	spans   []span
}

// detail returns the best paragraph, a snippet about width cells wide and
// the matched words' spans in it.
func (h *wordHit) detail(width int) (para int, snippet string, spans []span) {
	if h.width != width && h.hit.Article != nil {
		d := h.hit.Detail(width)
		h.width, h.para, h.snippet, h.spans = width, d.Paragraph, d.Snippet, toSpans(d.Highlights)
	}
	return h.para, h.snippet, h.spans
}

func toSpans(rs []search.Range) []span {
	if len(rs) == 0 {
		return nil
	}
	out := make([]span, len(rs))
	for i, r := range rs {
		out[i] = span{r.Start, r.End}
	}
	return out
}

// rankTitleHits runs a "/" query (in a job): corpus/search's "find by
// title" (TitleSearcher.Find, the three tiers `pmureader search --title`
// prints too), with what the rows need to draw and open each hit.
func rankTitleHits(ts *search.TitleSearcher, q string) []*titleHit {
	if ts == nil {
		return nil
	}
	found := ts.Find(q)
	out := make([]*titleHit, len(found))
	var terms []string
	for i, f := range found {
		th := &titleHit{article: f.Article, hit: f.Title}
		if f.By == search.FoundByText {
			if terms == nil {
				terms = queryTerms(q)
			}
			th.inText, th.done = true, true
			th.words = &wordHit{article: f.Article, hit: f.Words, terms: terms, para: -1}
		}
		out[i] = th
	}
	return out
}

// findWordHits runs a word query (in a job). While typing, the last
// word also matches longer words it begins.
func findWordHits(ix *search.Index, q string) []*wordHit {
	if ix == nil {
		return nil
	}
	hs := ix.WordsPrefix(q)
	terms := queryTerms(q)
	out := make([]*wordHit, len(hs))
	for i, h := range hs {
		out[i] = &wordHit{article: h.Article, hit: h, terms: terms, para: -1}
	}
	return out
}
