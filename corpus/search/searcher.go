package search

import (
	"slices"
	"strings"
	"sync"
)

// TitleSearcher answers a sequence of title queries typed by one person, as
// fast as typing needs. Results are exactly those of Index.Titles (and of
// fuzzy.Find over the haystacks):
//
//   - When the new query extends an earlier one, only that query's matches
//     are scored: fuzzy matching is subsequence matching, so a string that
//     matches "abc" also matches "ab". Articles added since are scored too.
//   - When it is a prefix of an earlier one (backspace), the earlier answer
//     is reused as it is.
//   - A 64-bit mask of the bytes present in each haystack drops articles
//     lacking a letter of the query before any scoring.
//   - Only the best screens (topK hits) are ranked at once, scoring only
//     the titles whose bound, carried from the previous keystroke, can
//     reach them (see title_bound.go); the rest when asked for.
//   - Scoring is split across the cores and merged in fuzzy's order.
//
// Safe for concurrent use (calls are serialised), e.g. from tea.Cmds.
type TitleSearcher struct {
	mu    sync.Mutex
	ix    *Index
	gen   uint64
	stack []searchLevel // each level's pattern extends the one below
}

type searchLevel struct {
	pattern string
	n       int     // articles in the index when computed
	idxs    []int32 // matching article indexes, ascending
	// states are the bounds of idxs (see title_bound.go), kept by the top
	// level only (24 bytes a match); nil when not known.
	states []matchState
	res    *TitleResults
	hits   []TitleHit // res made whole, once Search asked for it
	// tight are the idxs whose haystack contains pattern as typed, once
	// Found asked for them (tightDone).
	tight     []int32
	tightDone bool
}

// maxLevels bounds the cache; deeper queries drop the oldest levels.
const maxLevels = 64

// NewTitleSearcher returns a searcher over ix.
func (ix *Index) NewTitleSearcher() *TitleSearcher {
	return &TitleSearcher{ix: ix}
}

// Search returns the title hits for query, as Index.Titles does. The
// returned slice is shared with the searcher's cache: do not modify it.
// Over a large index, Results is the cheaper answer: it makes a TitleHit
// only for the hits a view shows.
func (s *TitleSearcher) Search(query string) []TitleHit {
	s.mu.Lock()
	defer s.mu.Unlock()
	top := s.search(query, answerWhole)
	if top == nil {
		return nil
	}
	if top.hits == nil {
		top.hits = top.res.All()
	}
	return top.hits
}

// Results returns the ranked hits for query, as Search does, held
// compactly (see TitleResults); nil for a query without letters.
func (s *TitleSearcher) Results(query string) *TitleResults {
	s.mu.Lock()
	defer s.mu.Unlock()
	if top := s.search(query, answerRanked); top != nil {
		return top.res
	}
	return nil
}

// Found is Find's answer held lazily (see FoundList), its text tier made
// of words: the index's own word hits (Index.Words), or those of another
// index of the same articles, such as a library's full-text index, whose
// articles have the headers this index holds (and the same IDs). Every
// word hit's article must be one this index holds: the tiers are told
// apart by its header, and a hit whose article is not held would be
// counted among the title hits.
func (s *TitleSearcher) Found(query string, words []WordHit) *FoundList {
	if strings.TrimSpace(FoldQuery(query)) == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.search(query, answerTiers) == nil {
		return nil
	}
	// search left the query's level on top.
	k := len(s.stack) - 1
	top := &s.stack[k]
	tight := s.tightOf(k)
	s.ix.mu.RLock()
	story := s.ix.storyOf
	hay := func(w WordHit) string { return Haystack(w.Article, story(w.Article)) }
	f := newFoundList(top.res, tight, words, hay)
	s.ix.mu.RUnlock()
	return f
}

// tightOf returns the indexes of level k's hits whose haystack contains
// its pattern. A haystack that contains a pattern contains every prefix
// of it, so only the level below's are tested, with the articles added
// since; the first time, all of the level's hits. A bounded keystroke
// asked for the tiers has found them already, while matching.
func (s *TitleSearcher) tightOf(k int) []int32 {
	lv := &s.stack[k]
	if lv.tightDone {
		return lv.tight
	}
	cand := lv.idxs
	if k > 0 && s.stack[k-1].tightDone {
		below := &s.stack[k-1]
		at, _ := slices.BinarySearch(lv.idxs, int32(below.n))
		cand = append(intersect(slices.Clone(below.tight), lv.idxs[:at]), lv.idxs[at:]...)
	}
	lv.tight, lv.tightDone = lv.res.titles.containing(lv.pattern, cand), true
	return lv.tight
}

// answer is what a search is for.
type answer int

const (
	// answerRanked: the ranked hits (Results), the best ranked at once.
	answerRanked answer = iota
	// answerWhole: every hit made (Search): a new level is scored whole at
	// once rather than ranked by bounds, which would only add to that.
	answerWhole
	// answerTiers: the ranked hits and which contain the query as typed
	// (Found).
	answerTiers
)

// search brings the stack up to query and returns its top level, whose
// pattern is query's; nil for a query without letters. The caller holds
// s.mu.
func (s *TitleSearcher) search(query string, want answer) *searchLevel {
	pattern := FoldQuery(query)
	if pattern == "" {
		return nil
	}
	ix := s.ix
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := len(ix.articles)
	if s.gen != ix.gen {
		s.stack = s.stack[:0]
		s.gen = ix.gen
	}
	for len(s.stack) > 0 && !strings.HasPrefix(pattern, s.stack[len(s.stack)-1].pattern) {
		s.stack = s.stack[:len(s.stack)-1]
	}
	cand := allCandidates(n)
	var prev prevStates
	tc := tightCands{on: want == answerTiers, every: true}
	if len(s.stack) > 0 {
		top := &s.stack[len(s.stack)-1]
		if top.pattern == pattern && top.n == n {
			return top
		}
		cand = candidates{list: top.idxs, from: top.n, all: n}
		prev = prevStates{states: top.states, prevLen: len(top.pattern)}
		if top.tightDone {
			tc.every, tc.prev, tc.from = false, top.tight, int32(top.n)
		}
		if top.pattern == pattern {
			s.stack = s.stack[:len(s.stack)-1]
		}
	}
	lv := searchLevel{pattern: pattern, n: n}
	if want != answerWhole && boundedApplies(pattern) {
		b := ix.titles.matchBounded(pattern, cand, prev, &tc)
		lv.res = ix.newResults(pattern)
		lv.res.lazy, lv.res.matches, lv.res.top = true, b.idxs, b.top
		lv.idxs, lv.states = b.idxs, b.states
		lv.tight, lv.tightDone = b.tight, tc.on
	} else {
		lv.res, lv.idxs = ix.matchTitles(pattern, cand)
	}
	if len(s.stack) > 0 {
		// Its states are the new level's now (see prevStates).
		s.stack[len(s.stack)-1].states = nil
	}
	if len(s.stack) == maxLevels {
		s.stack = append(s.stack[:0], s.stack[1:]...)
	}
	s.stack = append(s.stack, lv)
	return &s.stack[len(s.stack)-1]
}
