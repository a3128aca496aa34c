package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
)

// reader shows one article: a header, the body wrapped to the width at
// word boundaries, find-in-article, and the raw source on demand. Its find
// while typing runs as a job (jobFind); the root hands it the matches.
type reader struct {
	sh    *shared
	keys  readerKeys
	fkeys findKeys
	w, h  int

	art    *corpus.Article
	raw    bool
	blocks []block
	lines  []docLine
	cache  map[wrapKey][]docLine // wrapped documents by (article, width, raw)
	top    int                   // first visible document line
	anchor docPos                // what is at the top, kept across re-wraps

	finding bool
	input   textinput.Model
	before  findSave // what to go back to if the find is cancelled
	query   string   // what the matches are for, as typed
	terms   []string // folded search terms
	matches []match
	current int // index into matches; -1: none chosen
	byBlock map[int][]int
}

// findSave is the reader's find state when "/" was pressed.
type findSave struct {
	query string
	terms []string
	top   int
}

func newReader(sh *shared) *reader {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "find in article"
	in.CharLimit = 256
	r := &reader{sh: sh, keys: newReaderKeys(), fkeys: newFindKeys(), input: in,
		cache: map[wrapKey][]docLine{}, current: -1}
	r.restyle()
	return r
}

func (r *reader) restyle() { r.sh.styles.styleInput(&r.input) }

// KeyMap is the reader's keys, or the find line's while it has focus.
func (r *reader) KeyMap() help.KeyMap {
	if r.finding {
		return r.fkeys
	}
	return r.keys
}

// Capturing is true while the find line has focus.
func (r *reader) Capturing() bool { return r.finding }

// bodyHeight is the number of document lines on screen: all but the top
// bar and the status line.
func (r *reader) bodyHeight() int { return max(r.h-2, 1) }

// wrapWidth is the width text is wrapped to: the view less a margin on
// each side, and less the gutter in the raw view.
func (r *reader) wrapWidth() int {
	w := r.w - 2
	if r.raw {
		w -= r.gutterWidth() + 1
	}
	return max(w, 1)
}

func (r *reader) gutterWidth() int {
	n := 1
	if r.art != nil && len(r.art.Raw) > 0 {
		n = len(strconv.Itoa(r.art.Raw[len(r.art.Raw)-1].Number))
	}
	return n + 1 + 7 // number, space, role
}

// SetSize re-wraps the document for the new width, keeping the line that
// was at the top at the top.
func (r *reader) SetSize(w, h int) {
	r.w, r.h = w, h
	r.input.SetWidth(max(w-16, 1)) // room for the match count
	r.rewrap()
}

// open shows an article, scrolled to body paragraph para (-1: the top),
// with terms highlighted as the find query.
func (r *reader) open(a *corpus.Article, para int, terms []string, query string) {
	if r.art != a {
		clear(r.cache)
	}
	r.art, r.raw = a, false
	r.finding = false
	r.input.Blur()
	r.blocks = r.buildBlocks()
	r.anchor = docPos{}
	r.top = 0
	r.rewrap()
	r.setQuery(query, terms)
	if para >= 0 {
		if b := r.blockOfPara(para); b >= 0 {
			r.current = -1
			for i, m := range r.matches {
				if m.block >= b {
					r.current = i
					break
				}
			}
			if r.current >= 0 && r.matches[r.current].block == b {
				r.showMatch()
			} else {
				r.current = -1
				r.scrollTo(r.lineOf(docPos{b, 0}) - 1)
			}
		}
	}
}

// showMatch scrolls so that the current match is on screen, a third of the
// way down when it was not.
func (r *reader) showMatch() {
	if r.current < 0 || r.current >= len(r.matches) {
		return
	}
	m := r.matches[r.current]
	li := r.lineOf(docPos{m.block, m.sp.Start})
	if li < r.top || li >= r.top+r.bodyHeight() {
		r.scrollTo(li - r.bodyHeight()/3)
	}
}

// toggleRaw switches between the clean and the raw view, staying at the
// same place in the source.
func (r *reader) toggleRaw() {
	if r.art == nil {
		return
	}
	var at int // source line at the top
	if r.top < len(r.lines) {
		b := r.blocks[r.lines[r.top].block]
		switch {
		case r.raw:
			at = b.line
		case b.para >= 0:
			at = r.art.Body[b.para].Source.StartLine
		}
	}
	r.raw = !r.raw
	r.blocks = r.buildBlocks()
	r.anchor = docPos{}
	if at > 0 {
		for i, b := range r.blocks {
			if (r.raw && b.line >= at) || (!r.raw && b.para >= 0 && r.art.Body[b.para].Source.EndLine >= at) {
				r.anchor = docPos{i, 0}
				break
			}
		}
	}
	r.rewrap()
	r.setQuery(r.query, r.terms)
}

// show opens the article msg asks for (see openArticleMsg).
func (r *reader) show(msg openArticleMsg) {
	q := msg.query
	if q == "" {
		q = strings.Join(msg.terms, " ")
	}
	r.open(msg.article, msg.para, msg.terms, q)
}

// Update handles the reader's keys and mouse, and what a focused find line
// takes (the cursor's blink).
func (r *reader) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if r.finding {
			return r.findKey(msg)
		}
		return r.key(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			r.scrollTo(r.top - 3)
		case tea.MouseWheelDown:
			r.scrollTo(r.top + 3)
		}
		return nil
	}
	if r.finding {
		var cmd tea.Cmd
		r.input, cmd = r.input.Update(msg)
		return cmd
	}
	return nil
}

func (r *reader) key(msg tea.KeyPressMsg) tea.Cmd {
	k := r.keys
	bh := r.bodyHeight()
	if mv := k.nav.move(msg); mv != navNone {
		r.scrollTo(r.top + mv.delta(max(bh-1, 1), max(bh/2, 1), len(r.lines)))
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.Find):
		r.finding = true
		r.before = findSave{r.query, r.terms, r.top}
		// A new query starts empty, as in less and vim: the previous one
		// (perhaps the search that opened the article) stays until enter,
		// and esc brings it back.
		r.input.SetValue("")
		return r.input.Focus()
	case key.Matches(msg, k.Next):
		r.step(1)
	case key.Matches(msg, k.Prev):
		r.step(-1)
	case key.Matches(msg, k.Raw):
		r.toggleRaw()
	case key.Matches(msg, k.Copy):
		return r.copyPassage()
	case key.Matches(msg, k.OpenURL):
		a := r.art
		return func() tea.Msg { return openURLMsg{article: a} }
	}
	return nil
}

// step moves to the next (d=1) or previous (d=-1) match, wrapping around.
// With no current match it starts from what is on screen.
func (r *reader) step(d int) {
	n := len(r.matches)
	if n == 0 {
		return
	}
	if r.current < 0 {
		// The first match at or below the top (or above, going back).
		r.current = 0
		for i, m := range r.matches {
			if r.lineOf(docPos{m.block, m.sp.Start}) >= r.top {
				r.current = i
				break
			}
		}
		if d < 0 {
			r.current = (r.current - 1 + n) % n
		}
	} else {
		r.current = (r.current + d + n) % n
	}
	r.showMatch()
}

func (r *reader) findKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.fkeys.Cancel):
		r.finding = false
		r.input.Blur()
		r.sh.jobs.drop(jobFind) // a preview still running
		r.setQuery(r.before.query, r.before.terms)
		r.scrollTo(r.before.top)
		return nil
	case key.Matches(msg, r.fkeys.Accept):
		r.finding = false
		r.input.Blur()
		r.sh.jobs.drop(jobFind)
		q := r.input.Value()
		if q != r.query || r.before.query == q {
			// The preview has not caught up: find now. (Otherwise its
			// matches stand, and the one previewed stays current.)
			r.setQuery(q, findTerms(q))
			r.step(1)
		} else if r.current < 0 {
			r.step(1)
		}
		return nil
	}
	before := r.input.Value()
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	if r.input.Value() == before {
		return cmd
	}
	// Preview the matches while typing, in the background: the article may
	// be long. At most one find runs; the latest query waits for it.
	return tea.Batch(cmd, r.sh.jobs.find(r.art, r.raw, r.blocks, r.input.Value()))
}

// findTerms turns what was typed after "/" into the one term to find.
func findTerms(q string) []string {
	if t := foldQuery(q); t != "" {
		return []string{t}
	}
	return nil
}

// showFound shows a live find's matches if they are for the document
// still shown, scrolling to the first one below the top.
func (r *reader) showFound(msg findResultsMsg) {
	if msg.art != r.art || msg.raw != r.raw || !r.finding {
		return
	}
	r.query, r.terms, r.matches, r.byBlock, r.current = msg.query, msg.terms, msg.matches, msg.byBlock, -1
	top := r.top
	r.top = r.before.top
	r.step(1)
	if r.current < 0 {
		r.top = top
	}
}
