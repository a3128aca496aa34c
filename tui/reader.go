package tui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/termtext"
)

// blockKind is what a block of the reader's document is, which decides
// its style.
type blockKind int

const (
	kTitle blockKind = iota
	kDek
	kMeta
	kProfile
	kURL
	kBlank
	kPara
	kSubhead
	kRaw
	kRule // the line between the header and the body
)

// block is one unit of the document the reader shows: a header field, a
// body paragraph, or a raw source line. Wrapping cuts blocks into lines;
// positions (the reading anchor, matches) are (block, byte offset).
type block struct {
	text   string
	kind   blockKind
	para   int         // index into Article.Body; -1 if none
	line   int         // raw mode: source line number
	role   corpus.Role // raw mode: what cleaning made of the line
	gutter string      // raw mode: "  12 chrome"
}

// docLine is one wrapped line: a span of one block's text.
type docLine struct {
	block      int
	start, end int
}

// wrapKey identifies a wrapped document in the cache.
type wrapKey struct {
	a   *corpus.Article
	w   int
	raw bool
}

// reader shows one article: a header, the body wrapped to the width at
// word boundaries, find-in-article, and the raw source on demand.
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
	find    searchState // live find while typing: one search at a time
	before  findSave    // what to go back to if the find is cancelled
	query   string      // what the matches are for, as typed
	terms   []string    // folded search terms
	matches []match
	cur     int // index into matches; -1: none chosen
	byBlock map[int][]int
}

// findSave is the reader's find state when "/" was pressed.
type findSave struct {
	query string
	terms []string
	top   int
}

// docPos is a position in the document: a block and a byte offset in it.
type docPos struct{ block, off int }

// match is one find hit.
type match struct {
	block int
	sp    span
}

func newReader(sh *shared) *reader {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "find in article"
	in.CharLimit = 256
	r := &reader{sh: sh, keys: newReaderKeys(), fkeys: newFindKeys(), input: in,
		cache: map[wrapKey][]docLine{}, cur: -1}
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
			r.cur = -1
			for i, m := range r.matches {
				if m.block >= b {
					r.cur = i
					break
				}
			}
			if r.cur >= 0 && r.matches[r.cur].block == b {
				r.showMatch()
			} else {
				r.cur = -1
				r.scrollTo(r.lineOf(docPos{b, 0}) - 1)
			}
		}
	}
}

func (r *reader) blockOfPara(p int) int {
	for i, b := range r.blocks {
		if b.para == p && (b.kind == kPara || b.kind == kSubhead) {
			return i
		}
	}
	return -1
}

// buildBlocks makes the document for the current mode.
func (r *reader) buildBlocks() []block {
	a := r.art
	if a == nil {
		return nil
	}
	var bs []block
	add := func(kind blockKind, text string) {
		bs = append(bs, block{text: text, kind: kind, para: -1})
	}
	if r.raw {
		gw := r.gutterWidth()
		for _, l := range a.Raw {
			role := string(l.Role)
			text := termtext.Block(l.Text)
			if l.Why != "" {
				text += "  ⟨" + termtext.OneLine(l.Why) + "⟩"
			}
			g := fmt.Sprintf("%*d %-7s", gw-8, l.Number, role)
			bs = append(bs, block{text: text, kind: kRaw, para: -1, line: l.Number, role: l.Role, gutter: g})
		}
		if len(bs) == 0 {
			add(kBlank, "(this article has no raw source lines)")
		}
		return bs
	}
	add(kTitle, termtext.OneLine(a.Title))
	if a.Dek != "" {
		add(kDek, termtext.OneLine(a.Dek))
	}
	var meta []string
	if by := a.Byline(); by != "" {
		meta = append(meta, termtext.OneLine(by))
	}
	if a.Author != "" {
		meta = append(meta, "by "+termtext.OneLine(a.Author))
	}
	if d := a.Date.String(); d != "" {
		meta = append(meta, d)
	}
	if a.Words > 0 {
		meta = append(meta, fmt.Sprintf("%d words", a.Words))
	}
	if len(meta) > 0 {
		add(kMeta, strings.Join(meta, " · "))
	}
	if a.OutletProfile != "" {
		add(kProfile, termtext.OneLine(a.OutletProfile))
	}
	if a.Date.Note != "" {
		add(kProfile, "Date: "+termtext.OneLine(a.Date.Note))
	}
	if a.URL != "" {
		add(kURL, termtext.OneLine(a.URL))
	}
	add(kBlank, "")
	add(kRule, "")
	for i, p := range a.Body {
		add(kBlank, "")
		k := kPara
		if p.Subhead {
			k = kSubhead
		}
		bs = append(bs, block{text: termtext.Block(p.Text), kind: k, para: i})
	}
	if len(a.Body) == 0 {
		add(kBlank, "")
		add(kBlank, "(no body text)")
	}
	return bs
}

// rewrap wraps the document to the current width (from the cache when it
// has been wrapped to it before) and scrolls back to the anchor.
func (r *reader) rewrap() {
	if r.art == nil || r.w <= 0 {
		r.lines = nil
		return
	}
	k := wrapKey{r.art, r.wrapWidth(), r.raw}
	lines, ok := r.cache[k]
	if !ok {
		tw := r.wrapWidth()
		for bi, b := range r.blocks {
			for _, sp := range termtext.Wrap(b.text, tw) {
				lines = append(lines, docLine{bi, sp.Start, sp.End})
			}
		}
		if len(r.cache) >= 8 {
			clear(r.cache)
		}
		r.cache[k] = lines
	}
	r.lines = lines
	r.top = r.lineOf(r.anchor)
	r.clampTop()
}

// lineOf returns the index of the line that shows position p.
func (r *reader) lineOf(p docPos) int {
	i := sort.Search(len(r.lines), func(i int) bool {
		l := r.lines[i]
		return l.block > p.block || (l.block == p.block && l.end > p.off)
	})
	if i >= len(r.lines) {
		return max(len(r.lines)-1, 0)
	}
	if r.lines[i].block > p.block && i > 0 && r.lines[i-1].block == p.block {
		return i - 1 // p is past the block's last line end (trailing space)
	}
	return i
}

func (r *reader) maxTop() int { return max(len(r.lines)-r.bodyHeight(), 0) }

func (r *reader) clampTop() {
	r.top = min(max(r.top, 0), r.maxTop())
}

// scrollTo puts line i at the top and remembers it as the anchor.
func (r *reader) scrollTo(i int) {
	r.top = i
	r.clampTop()
	if r.top < len(r.lines) {
		l := r.lines[r.top]
		r.anchor = docPos{l.block, l.start}
	}
}

// setQuery finds terms in the document; the first match becomes current.
func (r *reader) setQuery(query string, terms []string) {
	r.query, r.terms = query, terms
	r.matches, r.byBlock = findMatches(r.blocks, terms)
	r.cur = -1
}

// findMatches finds terms in every block, in document order.
func findMatches(blocks []block, terms []string) ([]match, map[int][]int) {
	var ms []match
	byBlock := map[int][]int{}
	if len(terms) == 0 {
		return nil, byBlock
	}
	for bi, b := range blocks {
		if b.text == "" {
			continue
		}
		for _, sp := range foldText(b.text).findAll(terms, b.text) {
			byBlock[bi] = append(byBlock[bi], len(ms))
			ms = append(ms, match{bi, sp})
		}
	}
	return ms, byBlock
}

// showMatch scrolls so that the current match is on screen, a third of the
// way down when it was not.
func (r *reader) showMatch() {
	if r.cur < 0 || r.cur >= len(r.matches) {
		return
	}
	m := r.matches[r.cur]
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

// Update handles the reader's keys and mouse, and opening an article.
func (r *reader) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case openArticleMsg:
		q := msg.query
		if q == "" {
			q = strings.Join(msg.terms, " ")
		}
		r.open(msg.article, msg.para, msg.terms, q)
		return nil
	case tea.BackgroundColorMsg, tea.EnvMsg:
		r.restyle()
		return nil
	case findResultsMsg:
		return r.findResults(msg)
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
	switch {
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return backMsg{} }
	case key.Matches(msg, k.nav.Up):
		r.scrollTo(r.top - 1)
	case key.Matches(msg, k.nav.Down):
		r.scrollTo(r.top + 1)
	case key.Matches(msg, k.nav.PageUp):
		r.scrollTo(r.top - max(bh-1, 1))
	case key.Matches(msg, k.nav.PageDown):
		r.scrollTo(r.top + max(bh-1, 1))
	case key.Matches(msg, k.nav.HalfUp):
		r.scrollTo(r.top - max(bh/2, 1))
	case key.Matches(msg, k.nav.HalfDown):
		r.scrollTo(r.top + max(bh/2, 1))
	case key.Matches(msg, k.nav.Top):
		r.scrollTo(0)
	case key.Matches(msg, k.nav.Bottom):
		r.scrollTo(r.maxTop())
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
	if r.cur < 0 {
		// The first match at or below the top (or above, going back).
		r.cur = 0
		for i, m := range r.matches {
			if r.lineOf(docPos{m.block, m.sp.Start}) >= r.top {
				r.cur = i
				break
			}
		}
		if d < 0 {
			r.cur = (r.cur - 1 + n) % n
		}
	} else {
		r.cur = (r.cur + d + n) % n
	}
	r.showMatch()
}

func (r *reader) findKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, r.fkeys.Cancel):
		r.finding = false
		r.input.Blur()
		r.find.gen++ // drop a preview still running
		r.setQuery(r.before.query, r.before.terms)
		r.scrollTo(r.before.top)
		return nil
	case key.Matches(msg, r.fkeys.Accept):
		r.finding = false
		r.input.Blur()
		r.find.gen++
		q := r.input.Value()
		if q != r.query || r.before.query == q {
			// The preview has not caught up: find now. (Otherwise its
			// matches stand, and the one previewed stays current.)
			r.setQuery(q, findTerms(q))
			r.step(1)
		} else if r.cur < 0 {
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
	// be long. At most one search runs; the latest query waits for it.
	r.find.gen++
	if r.find.inFlight {
		r.find.pending = true
		return cmd
	}
	return tea.Batch(cmd, r.launchFind())
}

// findTerms turns what was typed after "/" into the one term to find.
func findTerms(q string) []string {
	if t := foldQuery(q); t != "" {
		return []string{t}
	}
	return nil
}

// launchFind finds the current query in a command.
func (r *reader) launchFind() tea.Cmd {
	r.find.inFlight, r.find.pending = true, false
	gen, art, raw, blocks := r.find.gen, r.art, r.raw, r.blocks
	q := r.input.Value()
	terms := findTerms(q)
	return guard(func() tea.Msg {
		ms, bb := findMatches(blocks, terms)
		return findResultsMsg{gen: gen, art: art, raw: raw, query: q, terms: terms, matches: ms, byBlock: bb}
	})
}

// findResults shows a live find's matches if they answer the latest query
// on the document still shown, scrolling to the first one below the top.
func (r *reader) findResults(msg findResultsMsg) tea.Cmd {
	r.find.inFlight = false
	if msg.gen == r.find.gen && msg.art == r.art && msg.raw == r.raw && r.finding {
		r.query, r.terms, r.matches, r.byBlock, r.cur = msg.query, msg.terms, msg.matches, msg.byBlock, -1
		top := r.top
		r.top = r.before.top
		r.step(1)
		if r.cur < 0 {
			r.top = top
		}
	}
	if r.find.pending && r.finding {
		return r.launchFind()
	}
	r.find.pending = false
	return nil
}

// View draws the top bar, the visible document lines and the status line.
// Only the visible lines are styled; wrapping happened in rewrap.
func (r *reader) View() string {
	if r.w <= 0 || r.h <= 0 {
		return ""
	}
	st := r.sh.styles
	lines := make([]string, 0, r.h)
	lines = append(lines, r.barLine())
	bh := r.bodyHeight()
	for i := r.top; i < len(r.lines) && i < r.top+bh; i++ {
		lines = append(lines, r.renderLine(i))
	}
	if r.art == nil {
		lines = append(lines, st.Dim.Render(" No article open."))
	}
	for len(lines) < r.h-1 {
		lines = append(lines, "")
	}
	lines = append(lines[:r.h-1], r.statusLine())
	return screen(lines, r.w, r.h)
}

func (r *reader) barLine() string {
	st := r.sh.styles
	if r.art == nil {
		return st.Bar.Render("pmureader")
	}
	mode := ""
	if r.raw {
		mode = " · raw source"
	}
	by := termtext.OneLine(r.art.Byline())
	if by == "" {
		by = "unknown outlet"
	}
	return st.Bar.Render(by) + st.BarDim.Render(mode+" · "+termtext.OneLine(r.art.Title))
}

func (r *reader) styleOf(b block) Paint {
	st := r.sh.styles.P
	switch b.kind {
	case kTitle:
		return st.Title
	case kDek:
		return st.Dek
	case kMeta:
		return st.Meta
	case kProfile:
		return st.Dim
	case kURL:
		return st.URL
	case kSubhead:
		return st.Subhead
	case kRaw:
		switch b.role {
		case corpus.RoleChrome, corpus.RoleOther, corpus.RoleBlank:
			return st.Chrome
		case corpus.RoleTitle:
			return st.Title
		case corpus.RoleSubhead:
			return st.Subhead
		case corpus.RoleDek:
			return st.Dek
		case corpus.RoleByline, corpus.RoleVia, corpus.RoleCaption:
			return st.Meta
		}
		return st.Body
	}
	return st.Body
}

// renderLine styles document line i, with its find matches.
func (r *reader) renderLine(i int) string {
	st := r.sh.styles.P
	l := r.lines[i]
	b := r.blocks[l.block]
	base := r.styleOf(b)
	text := b.text[l.start:l.end]
	var out strings.Builder
	out.WriteByte(' ')
	if r.raw {
		g := strings.Repeat(" ", len(b.gutter))
		if i == 0 || r.lines[i-1].block != l.block {
			g = b.gutter
		}
		gs := st.Gutter
		if b.role == corpus.RoleChrome {
			gs = st.ChromeGutter
		}
		out.WriteString(gs.Render(g))
		out.WriteString(st.Gutter.Render("│"))
	}
	if b.kind == kRule {
		out.WriteString(st.Gutter.Render(strings.Repeat("─", max(r.wrapWidth(), 1))))
		return out.String()
	}
	idx := r.byBlock[l.block]
	if len(idx) == 0 {
		out.WriteString(base.Render(text))
		return out.String()
	}
	// Paint plain runs with base, matches with Match, the current one with
	// Current.
	at := l.start
	for _, mi := range idx {
		m := r.matches[mi]
		a, e := max(m.sp.Start, l.start), min(m.sp.End, l.end)
		if a >= e {
			continue
		}
		if a > at {
			out.WriteString(base.Render(b.text[at:a]))
		}
		hs := st.Match.On(base)
		if mi == r.cur {
			hs = st.Current.On(base)
		}
		out.WriteString(hs.Render(b.text[a:e]))
		at = e
	}
	if at < l.end {
		out.WriteString(base.Render(b.text[at:l.end]))
	}
	return out.String()
}

func (r *reader) statusLine() string {
	st := r.sh.styles
	if r.finding {
		count := ""
		if strings.TrimSpace(r.input.Value()) != "" && r.query == r.input.Value() {
			count = fmt.Sprintf("  %d matches", len(r.matches))
			if r.cur >= 0 {
				count = fmt.Sprintf("  %d/%d", r.cur+1, len(r.matches))
			}
		}
		return r.input.View() + st.Status.Render(count)
	}
	if r.art == nil {
		return ""
	}
	var parts []string
	bh := r.bodyHeight()
	if len(r.lines) <= bh {
		parts = append(parts, "all")
	} else {
		// How far down the text the view is: 0% at the top, 100% at the end.
		parts = append(parts, fmt.Sprintf("%d%%", r.top*100/r.maxTop()))
	}
	if r.query != "" {
		q := termtext.OneLine(r.query)
		switch {
		case len(r.matches) == 0:
			parts = append(parts, fmt.Sprintf("no match for “%s”", q))
		case r.cur < 0:
			parts = append(parts, fmt.Sprintf("%d matches for “%s”", len(r.matches), q))
		default:
			parts = append(parts, fmt.Sprintf("%d/%d “%s”", r.cur+1, len(r.matches), q))
		}
	}
	if r.raw {
		parts = append(parts, fmt.Sprintf("raw: %s lines %d-%d", r.art.Source.File, r.art.Source.StartLine, r.art.Source.EndLine))
	}
	return " " + st.Status.Render(strings.Join(parts, " · "))
}
