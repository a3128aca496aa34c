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

// titleList is the answer to a "/" query: corpus/search's "find by
// title" (the three tiers `pmureader search --title` prints too) held
// lazily (search.FoundList), and the rows made of it so far, from the top.
// Making a row below the best few hundred can rank every title that
// matches (a million in a large library), so rows are made in jobs, never
// while drawing: the search's job makes the first screens, and the cursor
// going further asks for more (see library.follow); a row not made yet
// shows as "…" for that moment. Rows are appended in Update only.
type titleList struct {
	query string
	found *search.FoundList
	terms []string // the query's word terms, for the rows found by their text
	rows  []*titleHit
	asked int // rows made or being made
}

// firstTitleRows is how many rows the search's own job makes: a few
// screens.
const firstTitleRows = 200

// findTitles runs a "/" query (in a job) with ts, words being the word
// hits of its text (the tiers' second), and makes the first rows.
func findTitles(ts *search.TitleSearcher, q string, words []search.WordHit) *titleList {
	if ts == nil {
		return nil
	}
	t := &titleList{query: q, found: ts.Found(q, words)}
	if t.found.TextLen() > 0 {
		t.terms = queryTerms(q)
	}
	t.rows = t.make(0, min(t.len(), firstTitleRows))
	t.asked = len(t.rows)
	return t
}

// len returns the number of hits.
func (t *titleList) len() int {
	if t == nil {
		return 0
	}
	return t.found.Len()
}

// row returns hit i, nil when its row is not made yet.
func (t *titleList) row(i int) *titleHit {
	if t == nil || i < 0 || i >= len(t.rows) {
		return nil
	}
	return t.rows[i]
}

// textHits reports whether some hits were found by their text (¶).
func (t *titleList) textHits() bool { return t != nil && t.found.TextLen() > 0 }

// make makes rows from..to-1, with what they need to draw and open (run
// it in a job).
func (t *titleList) make(from, to int) []*titleHit {
	out := make([]*titleHit, 0, max(to-from, 0))
	for i := from; i < to; i++ {
		f := t.found.At(i)
		th := &titleHit{article: f.Article, hit: f.Title}
		if f.By == search.FoundByText {
			th.inText, th.done = true, true
			th.words = &wordHit{article: f.Article, hit: f.Words, terms: t.terms, para: -1}
		}
		out = append(out, th)
	}
	return out
}

// take appends rows made from from on, if they follow those made.
func (t *titleList) take(from int, rows []*titleHit) bool {
	if t == nil || from != len(t.rows) {
		return false
	}
	t.rows = append(t.rows, rows...)
	return true
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
