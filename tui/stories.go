package tui

import (
	"fmt"
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/stories"
)

// The stories view lists the stories corpus/compare found (articles from
// several outlets reporting one event), newest first, and for the one under
// the cursor draws a coverage timeline: a row per outlet, a time axis across
// the width, a mark where each article was published. enter compares the
// story's articles side by side (or reads a story of one article).
//
// Grouping is a job (jobGroup, stories.Group) the root starts once the load
// has finished, and again whenever more articles arrive afterwards; the
// root hands this view the latest grouping's stories.

// storiesPage is the stories view.
type storiesPage struct {
	sh   *shared
	keys storiesKeys
	w, h int

	stories []stories.Story // newest first
	// list is the stories shown: indexes into stories, all of them or,
	// with multiOnly, those of two articles or more. The cursor indexes
	// list.
	list      []int
	multiOnly bool
	byID      map[string]*corpus.Article
	index     map[string]int // story ID -> index in stories
	err       error

	cur  listCursor
	note string // a one-off message for the status line
}

func newStories(sh *shared) *storiesPage {
	return &storiesPage{sh: sh, keys: newStoriesKeys()}
}

// SetSize gives the view its rectangle.
func (s *storiesPage) SetSize(w, h int) {
	s.w, s.h = w, h
	s.clamp()
}

// KeyMap is the stories view's keys.
func (s *storiesPage) KeyMap() help.KeyMap { return s.keys }

// Capturing is always false: the view has no text field.
func (s *storiesPage) Capturing() bool { return false }

// busy reports whether stories are being grouped.
func (s *storiesPage) busy() bool { return s.sh.jobs.waiting(jobGroup) }

// setStories takes the stories of the latest grouping (of the articles in
// byID), keeping the cursor on the story it was on, or the error that
// stopped it.
func (s *storiesPage) setStories(stories []stories.Story, byID map[string]*corpus.Article, err error) {
	if err != nil {
		s.err = err
		return
	}
	var cur string
	if st, ok := s.selected(); ok {
		cur = st.ID
	}
	s.err = nil
	s.stories = slices.Clone(stories)
	slices.Reverse(s.stories) // Group returns oldest first; show newest first
	s.byID = byID
	s.index = make(map[string]int, len(s.stories))
	for i, st := range s.stories {
		s.index[st.ID] = i
	}
	s.filter(cur)
}

// Update handles keys and the mouse while the view is shown.
func (s *storiesPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			s.cur.at--
		case tea.MouseWheelDown:
			s.cur.at++
		}
		s.clamp()
	case tea.MouseClickMsg:
		return s.click(msg)
	}
	return nil
}

// click selects the story under the mouse (under the bar, each takes
// entryHeight lines), or opens it if it was selected.
func (s *storiesPage) click(msg tea.MouseClickMsg) tea.Cmd {
	listH, _ := s.layout()
	if msg.Button != tea.MouseLeft || msg.Y < 1 || msg.Y > listH {
		return nil
	}
	i := s.cur.top + (msg.Y-1)/entryHeight
	if i >= len(s.list) {
		return nil
	}
	if i == s.cur.at {
		return s.open(false)
	}
	s.cur.at = i
	s.clamp()
	return nil
}

// selected is the story under the cursor.
func (s *storiesPage) selected() (stories.Story, bool) {
	if s.cur.at < 0 || s.cur.at >= len(s.list) {
		return stories.Story{}, false
	}
	return s.stories[s.list[s.cur.at]], true
}

// filter rebuilds the list shown, keeping the cursor on story cur if it
// is still listed.
func (s *storiesPage) filter(cur string) {
	s.list = s.list[:0]
	for i, st := range s.stories {
		if s.multiOnly && len(st.Articles) < 2 {
			continue
		}
		if st.ID == cur {
			s.cur.at = len(s.list)
		}
		s.list = append(s.list, i)
	}
	s.clamp()
}

func (s *storiesPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	s.note = ""
	if key.Matches(msg, k.Back) {
		return func() tea.Msg { return backMsg{} }
	}
	if mv := k.nav.move(msg); mv != navNone {
		s.cur.navigate(mv, len(s.list), s.visibleEntries())
		s.clamp()
		return nil
	}
	switch {
	case key.Matches(msg, k.Multi):
		cur := ""
		if st, ok := s.selected(); ok {
			cur = st.ID
		}
		s.multiOnly = !s.multiOnly
		s.cur.at = 0
		s.filter(cur)
	case key.Matches(msg, k.Open):
		return s.open(false)
	case key.Matches(msg, k.Read):
		return s.open(true)
	}
	return nil
}

// articlesOf returns a story's articles that are loaded, oldest first.
func (s *storiesPage) articlesOf(st stories.Story) []*corpus.Article {
	var out []*corpus.Article
	for _, id := range st.Articles {
		if a := s.byID[id]; a != nil {
			out = append(out, a)
		}
	}
	return out
}

// open compares the selected story's articles, or reads its first one
// (read, or a story of one article: there is nothing to compare).
func (s *storiesPage) open(read bool) tea.Cmd {
	st, ok := s.selected()
	if !ok {
		return nil
	}
	arts := s.articlesOf(st)
	if len(arts) == 0 {
		return nil
	}
	if read || len(arts) < 2 {
		a := arts[0]
		return func() tea.Msg { return openArticleMsg{article: a, para: -1} }
	}
	title := st.Name
	if len(arts) > compare.MaxArticles {
		title += fmt.Sprintf(" (the first %d of %d articles)", compare.MaxArticles, len(arts))
		arts = arts[:compare.MaxArticles]
	}
	return func() tea.Msg { return openCompareMsg{articles: arts, title: title} }
}

// entryHeight is the lines one story takes in the list: its name and a
// line of outlets, dates and count.
const entryHeight = 2

// layout splits the body (all but the top bar and the status line) between
// the list and the detail below it: the detail gets what it needs, as long
// as the list keeps room for at least three stories (or what there is).
func (s *storiesPage) layout() (listH int, detail []string) {
	body := max(s.h-2, 0)
	minList := min(3*entryHeight, body)
	detail = s.detailLines(max(body-minList-1, 0))
	listH = body
	if len(detail) > 0 {
		listH = body - len(detail) - 1
	}
	return listH, detail
}

func (s *storiesPage) visibleEntries() int {
	listH, _ := s.layout()
	return max(listH/entryHeight, 1)
}

// clamp keeps the cursor in the list and the list scrolled to it; how many
// stories fit depends on the detail of the story selected, so the page is
// measured once the cursor is in the list.
func (s *storiesPage) clamp() {
	s.cur.within(len(s.list))
	s.cur.clamp(len(s.list), s.visibleEntries())
}
