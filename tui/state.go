package tui

import (
	"context"
	"sync"
	"time"

	"github.com/pmureader/pmureader/corpus"
	libdb "github.com/pmureader/pmureader/corpus/library"
)

// The reader's state kept in the library: marks, read and unread, the
// position in each article and the library's sort order. Changes are made
// in Update, where nothing may wait on a disk, so they are queued to one
// writer goroutine that applies them in order (a mark and an unmark in
// quick succession end unmarked). Run waits for the queue to drain before
// it returns, so that what the user did last is kept. With --no-state the
// library keeps all of it in memory for the run (library.Options.NoState).

// stateWriter applies state changes to the library one at a time.
type stateWriter struct {
	lib Library

	mu      sync.Mutex
	queue   []func(context.Context, Library) error
	wake    chan struct{} // a change is queued
	err     error         // the latest failure not yet reported
	closed  bool
	stopped chan struct{} // the goroutine has returned
}

func newStateWriter(lib Library) *stateWriter {
	w := &stateWriter{lib: lib, wake: make(chan struct{}, 1), stopped: make(chan struct{})}
	go w.loop()
	return w
}

// do queues a change. It never waits.
func (w *stateWriter) do(f func(context.Context, Library) error) {
	if w == nil {
		return
	}
	w.mu.Lock()
	if !w.closed {
		w.queue = append(w.queue, f)
	}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

func (w *stateWriter) loop() {
	defer close(w.stopped)
	for range w.wake {
		for {
			w.mu.Lock()
			if len(w.queue) == 0 {
				closed := w.closed
				w.mu.Unlock()
				if closed {
					return
				}
				break
			}
			f := w.queue[0]
			w.queue = w.queue[1:]
			w.mu.Unlock()
			if err := f(context.Background(), w.lib); err != nil {
				w.mu.Lock()
				w.err = err
				w.mu.Unlock()
			}
		}
	}
}

// close stops taking changes and waits, at most wait, for the queued ones
// to be written.
func (w *stateWriter) close(wait time.Duration) {
	if w == nil {
		return
	}
	w.mu.Lock()
	w.closed = true
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	select {
	case <-w.stopped:
	case <-time.After(wait):
	}
}

// flush waits until every change queued so far is written (tests).
func (w *stateWriter) flush() {
	done := make(chan struct{})
	w.do(func(context.Context, Library) error { close(done); return nil })
	<-done
}

// takeErr returns the latest failed write not yet reported, or nil. The
// root asks at every message, so a failure shows without a command
// waiting for it.
func (w *stateWriter) takeErr() error {
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.err
	w.err = nil
	return err
}

// closeState lets the state writer finish (Run calls it as the program
// ends).
func (m *Model) closeState() { m.sh.state.close(5 * time.Second) }

// markChanged records marks set or cleared on articles (those that are
// the library's).
func (s *shared) markChanged(on bool, ids ...string) {
	var keep []string
	for _, id := range ids {
		if s.fromLib || s.ids.get(id) != nil {
			keep = append(keep, id)
		}
	}
	if len(keep) == 0 {
		return
	}
	s.state.do(func(ctx context.Context, lib Library) error { return lib.SetMarked(ctx, on, keep...) })
}

// marksCleared records that every mark was cleared.
func (s *shared) marksCleared() {
	s.state.do(func(ctx context.Context, lib Library) error { return lib.ClearMarks(ctx) })
}

// sortChanged records the library's sort order.
func (s *shared) sortChanged(by sortKey, reverse bool) {
	srt := toLibrarySort(by, reverse)
	s.state.do(func(ctx context.Context, lib Library) error { return lib.SetSort(ctx, srt) })
}

// markRead records that an article was opened.
func (s *shared) markRead(a *corpus.Article) {
	if !s.inLibrary(a) || s.read[a.ID] {
		return
	}
	s.read[a.ID] = true
	id := a.ID
	s.state.do(func(ctx context.Context, lib Library) error { return lib.SetRead(ctx, true, id) })
}

// unread reports whether the list should mark a as unread: only articles
// of the library are read or unread.
func (s *shared) unread(a *corpus.Article) bool {
	return s.inLibrary(a) && !s.read[a.ID]
}

// inLibrary reports whether a is one of the library's articles whose
// state the library keeps: every article of the list when the list is the
// library's (its rows may come before their headers are read).
func (s *shared) inLibrary(a *corpus.Article) bool {
	return s.lib != nil && a != nil && (s.fromLib || s.ids.get(a.ID) != nil)
}

// toLibrarySort is the library's name for the list's order. The list's
// date order is newest first unless reversed; outlet and title A to Z.
func toLibrarySort(by sortKey, reverse bool) libdb.Sort {
	switch by {
	case sortOutlet:
		return libdb.Sort{By: libdb.ByOutlet, Desc: reverse}
	case sortTitle:
		return libdb.Sort{By: libdb.ByTitle, Desc: reverse}
	}
	return libdb.Sort{By: libdb.ByDate, Desc: !reverse}
}

// fromLibrarySort is toLibrarySort the other way.
func fromLibrarySort(s libdb.Sort) (sortKey, bool) {
	switch s.By {
	case libdb.ByOutlet:
		return sortOutlet, s.Desc
	case libdb.ByTitle:
		return sortTitle, s.Desc
	}
	return sortDate, !s.Desc
}

// savePosition remembers where the reader is in its article, when that
// article is the library's: the paragraph at the top of the screen and
// the byte in it, so that it does not depend on the width.
func (m *Model) savePosition() {
	r := m.reader
	if !m.sh.inLibrary(r.art) || m.active != ViewReader {
		return
	}
	pos, ok := r.position()
	if !ok {
		return
	}
	id := r.art.ID
	m.sh.state.do(func(ctx context.Context, lib Library) error { return lib.SetPosition(ctx, id, pos) })
}

// position is the reader's place in the clean text: the first paragraph
// line on screen, as a paragraph and a byte offset.
func (r *reader) position() (libdb.Position, bool) {
	if r.raw {
		return libdb.Position{}, false
	}
	for i := r.top; i < len(r.lines); i++ {
		b := r.blocks[r.lines[i].block]
		if b.para >= 0 {
			off := 0
			if r.lines[i].block == r.lines[r.top].block {
				off = r.lines[r.top].start
			}
			return libdb.Position{Paragraph: b.para, Offset: off}, true
		}
	}
	return libdb.Position{}, false
}

// restore scrolls the reader to a saved position.
func (r *reader) restore(p libdb.Position) {
	b := r.blockOfPara(p.Paragraph)
	if b < 0 || (p.Paragraph == 0 && p.Offset == 0) {
		return
	}
	r.scrollTo(r.lineOf(docPos{b, p.Offset}))
}
