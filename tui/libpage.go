package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
	"github.com/pmureader/pmureader/internal/termtext"
)

// The library's list read from the database a window at a time. When the
// list is the library's (Options.Library holds articles), the sorted list
// is not kept in memory: the library sorts it (an index per order,
// libdb.Sort) and the list holds the rows around the screen, read in a
// job (jobPage) as the cursor moves. Scrolling reads the next or previous
// rows by key (Library.Page, PageBefore: the same cost anywhere in the
// list); a jump (G, a sort change, a search left) reads the rows at a
// position (Library.PageAt) or around an article (KeyOf, Position). The
// list's length is the library's count. The headers are still read whole
// for the title search and the stories (see store.go); Load's articles
// (files, seeds) are sorted in memory as before (library_sort.go).

// pagedRow is a row of the window: the article listed and its place in
// the window's order, for reading on from it.
type pagedRow struct {
	a   *corpus.Article
	key libdb.Key
}

// pagedList is the window of the library's list that is held.
type pagedList struct {
	lib   Library
	sort  libdb.Sort
	known bool // total has been counted
	total int  // the rows of the list
	start int  // the position of rows[0]
	rows  []pagedRow
	asked pageReq // the latest request, not to ask twice for the same rows
}

func newPagedList(lib Library, s libdb.Sort) *pagedList { return &pagedList{lib: lib, sort: s} }

// at returns the article at position i, or nil when the window does not
// hold it (yet).
func (p *pagedList) at(i int) *corpus.Article {
	if i < p.start || i >= p.start+len(p.rows) {
		return nil
	}
	return p.rows[i-p.start].a
}

// covers reports whether the window holds positions [from, to) of the
// list (as far as the list goes).
func (p *pagedList) covers(from, to int) bool {
	from, to = max(from, 0), min(to, p.total)
	return from >= to || p.start <= from && p.start+len(p.rows) >= to
}

// pageReq asks for the window of rows [from, from+n) of the list in
// order sort; with id set, around the article id instead: its position
// becomes the cursor's, keep rows below the top of the screen. The rest
// is the window held when it was asked, to read on from by key.
type pageReq struct {
	sort    libdb.Sort
	from, n int
	id      string
	keep    int
	at      int // the cursor's position, where id is not found
	base    int // the window held: its start, length, first and last keys
	baseLen int
	first   libdb.Key
	last    libdb.Key
	margin  int // rows kept beyond the screen on each side (id requests)
	visible int
	whole   bool // a window of its own, not joined to the one held
}

// pageMsg answers a pageReq: the window [start, start+len(rows)), the
// list's length, and for an id request the article's position (at, or -1
// when the cursor stays).
type pageMsg struct {
	jobID
	req   pageReq
	total int
	start int
	rows  []pagedRow
	at    int
	err   error
}

// readPage reads the rows req asks for: around the article req.id when
// it names one, else by key from the window held when the new one
// overlaps it, else from a position.
func readPage(ctx context.Context, lib Library, req pageReq) pageMsg {
	msg := pageMsg{req: req, at: -1}
	total, err := lib.Count(ctx)
	if err != nil {
		msg.err = err
		return msg
	}
	msg.total = total
	if req.id != "" {
		if msg.err = readAround(ctx, lib, req, &msg); msg.err == nil {
			return msg
		}
		// Gone from the library: the cursor stays where it was.
		msg.at = min(max(req.at, 0), max(total-1, 0))
		req.from, req.n = max(msg.at-req.keep-req.margin, 0), req.visible+2*req.margin
	}
	msg.req, msg.start = req, req.from
	msg.rows, msg.err = readRows(ctx, lib, req, total)
	return msg
}

// readAround reads the window around the article req.id into msg: its
// position, and the rows before and from it by key (no position is
// skipped to but the count of rows before it).
func readAround(ctx context.Context, lib Library, req pageReq, msg *pageMsg) error {
	k, err := lib.KeyOf(ctx, req.sort, req.id)
	if err != nil {
		return err
	}
	at, err := lib.Position(ctx, req.sort, k)
	if err != nil {
		return err
	}
	n := req.visible + 2*req.margin
	up, err := lib.PageBefore(ctx, req.sort, k, req.keep+req.margin)
	if err != nil {
		return err
	}
	var from libdb.Key // the list's start: the article is first
	if len(up) > 0 {
		from = up[len(up)-1].Key(req.sort)
	}
	down, err := lib.Page(ctx, req.sort, from, n-len(up))
	if err != nil {
		return err
	}
	msg.at, msg.start = at, at-len(up)
	msg.req.from, msg.req.n = msg.start, n
	msg.rows = pagedRows(append(up, down...), req.sort)
	return nil
}

// readRows reads rows [req.from, req.from+req.n) of a list of total:
// only those the window held lacks when the two overlap (the rest are the
// window's), by key; the list's last rows back from its end (G), by key
// too; others from their position.
func readRows(ctx context.Context, lib Library, req pageReq, total int) ([]pagedRow, error) {
	end, baseEnd := req.from+req.n, req.base+req.baseLen
	var rows []libdb.Row
	var err error
	switch {
	case !req.whole && req.baseLen > 0 && req.from >= req.base && req.from <= baseEnd && end > baseEnd:
		rows, err = lib.Page(ctx, req.sort, req.last, end-baseEnd) // on down from the window's end
	case !req.whole && req.baseLen > 0 && req.from < req.base && end >= req.base:
		rows, err = lib.PageBefore(ctx, req.sort, req.first, req.base-req.from) // on up from its start
	case end >= total && req.from < total:
		rows, err = lib.PageBefore(ctx, req.sort, libdb.Key{}, total-req.from) // back from the end
	default:
		rows, err = lib.PageAt(ctx, req.sort, req.from, req.n)
	}
	if err != nil {
		return nil, err
	}
	return pagedRows(rows, req.sort), nil
}

// pagedRows are the list's rows of the library's rows in order s.
func pagedRows(rows []libdb.Row, s libdb.Sort) []pagedRow {
	out := make([]pagedRow, len(rows))
	for i := range rows {
		out[i] = pagedRow{a: rowArticle(&rows[i]), key: rows[i].Key(s)}
	}
	return out
}

// rowArticle is the list's article for a row: a shell of its header (see
// shell), which the reader reads whole when it is opened.
func rowArticle(r *libdb.Row) *corpus.Article {
	a := shell(&r.Header)
	a.TitleDerived, a.CopyOf = r.TitleDerived, r.CopyOf
	return a
}

// take puts an answer's rows in the window: joined to the rows held when
// they were read on from them, in their place otherwise. It reports false
// when the window changed since it was asked (then the answer is of no
// use).
func (p *pagedList) take(msg pageMsg) bool {
	req := msg.req
	if req.sort != p.sort || !req.whole && (req.base != p.start || req.baseLen != len(p.rows)) {
		return false
	}
	p.known, p.total = true, msg.total
	rows := msg.rows
	switch end, baseEnd := msg.start+req.n, req.base+req.baseLen; {
	case req.whole || req.baseLen == 0:
	case msg.start >= req.base && msg.start <= baseEnd && end > baseEnd:
		rows = append(p.rows[msg.start-req.base:len(p.rows):len(p.rows)], rows...)
	case msg.start < req.base && end >= req.base:
		rows = append(rows, p.rows[:min(end-req.base, len(p.rows))]...)
	}
	p.start, p.rows = msg.start, rows
	p.asked = pageReq{}
	return true
}

// request is a request for the rows [from, from+n) read on from the
// window held.
func (p *pagedList) request(from, n int) pageReq {
	req := pageReq{sort: p.sort, from: from, n: n, base: p.start, baseLen: len(p.rows)}
	if len(p.rows) > 0 {
		req.first, req.last = p.rows[0].key, p.rows[len(p.rows)-1].key
	}
	return req
}

// pageMargin is how many rows the window holds beyond the screen on each
// side, for a list vis rows high: two screens, so that scrolling a page
// at a time reads ahead of the cursor rather than after it.
func pageMargin(vis int) int { return max(2*vis, 20) }

// fetch returns the job that reads req, unless that is being read.
func (l *library) fetch(req pageReq) tea.Cmd {
	if req == l.pg.asked {
		return nil
	}
	l.pg.asked = req
	return l.sh.jobs.page(l.pg.lib, req)
}

// follow keeps the cursor in the list and on screen and, when the list is
// read from the library or is a title search's answer, asks for the rows
// around the screen it lacks: every move of the cursor ends here.
func (l *library) follow() tea.Cmd {
	l.clamp()
	if l.titleHitsShown() {
		return l.followTitles()
	}
	if l.pg == nil || !l.listed() {
		return nil
	}
	if l.pg.asked.id != "" {
		return nil // the cursor goes to an article first (see reanchor)
	}
	vis := l.visibleRows()
	if l.pg.known && l.pg.covers(l.cur.top-vis, l.cur.top+2*vis) {
		return nil
	}
	m := pageMargin(vis)
	from := max(l.cur.top-m, 0)
	return l.fetch(l.pg.request(from, vis+2*m))
}

// reanchor reads the list again around the article with id (the order
// changed, articles arrived, a search was left): the cursor goes to it,
// as far down the screen as it was. Without an id, or when the article is
// gone, the cursor keeps its position.
func (l *library) reanchor(id string, resorted bool) tea.Cmd {
	if l.pg == nil {
		return nil
	}
	if resorted {
		l.pg.rows, l.pg.start = nil, 0 // of the old order: not shown
	}
	vis := l.visibleRows()
	m := pageMargin(vis)
	req := l.pg.request(max(l.cur.top-m, 0), vis+2*m)
	req.whole, req.id, req.at, req.keep = true, id, l.cur.at, l.cur.at-l.cur.top
	req.margin, req.visible = m, vis
	l.pg.asked = pageReq{}
	return l.fetch(req)
}

// pageLoaded takes the rows read for the list: the cursor goes to the
// article asked for, if any, and the rows still missing (the cursor moved
// on meanwhile) are asked for.
func (l *library) pageLoaded(msg pageMsg) tea.Cmd {
	if l.pg == nil {
		return nil
	}
	if msg.err != nil {
		l.pg.asked = pageReq{}
		l.note = "could not read the list: " + termtext.OneLine(msg.err.Error())
		return nil
	}
	if !l.pg.take(msg) {
		l.pg.asked = pageReq{}
		return l.follow()
	}
	if msg.at >= 0 && l.listed() {
		l.cur.at, l.cur.top = msg.at, msg.at-msg.req.keep
	}
	return l.follow()
}
