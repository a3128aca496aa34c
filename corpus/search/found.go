package search

import (
	"slices"
	"strings"
	"sync"
)

// FoundList is "find by title" (Tiers, TitleSearcher.Find) held lazily,
// for a list over a library of a million titles: the count at once, each
// hit made when it is asked for. Its hits, in order, are exactly Tiers':
//
//  1. the title hits whose header contains the query as typed, by fuzzy
//     score;
//  2. the word hits, by their order, but those whose header contains the
//     query (they are in tier 1);
//  3. the other title hits, by fuzzy score, but those in tier 2.
//
// What makes it cheap is that "contains as typed" narrows as a person
// types, as fuzzy matching does: the headers that contain "kat" are among
// those that contain "ka", so a TitleSearcher tests only those (see
// TitleSearcher.Found). The tiers are then found by walking the fuzzy
// ranking only as far as the hits asked for.
//
// A FoundList never changes and is safe for concurrent use. The nil
// *FoundList holds no hits.
type FoundList struct {
	res     *TitleResults
	pattern string
	tight   []int32   // the indexes of the headers containing pattern, ascending
	text    []WordHit // tier 2
	textIDs map[string]bool
	loose   int // the size of tier 3

	mu         sync.Mutex
	scanned    int           // fuzzy ranks walked so far
	tightRanks []int32       // the fuzzy ranks of tier 1's hits found so far, in order
	looseRanks []int32       // the same for tier 3
	header     *TitleResults // tier 1 ranked by itself, when the walk is not enough
}

// newFoundList makes the tiers of res (a title query's ranked hits, with
// pattern its folded form), tight (the ascending indexes of res's hits
// whose haystack contains pattern) and words. hay returns the haystack of
// a word hit's article as the index holds it.
func newFoundList(res *TitleResults, tight []int32, words []WordHit, hay func(WordHit) string) *FoundList {
	f := &FoundList{res: res, pattern: res.pattern, tight: tight, textIDs: make(map[string]bool, len(words))}
	inText := 0 // tier 2's hits that are title hits too
	for _, w := range words {
		h := hay(w)
		if strings.Contains(h, f.pattern) {
			continue
		}
		f.text = append(f.text, w)
		f.textIDs[w.Article.ID] = true
		if _, _, ok := matchOne(f.pattern, res.patASCII, h, isASCII(h), nil); ok {
			inText++
		}
	}
	f.loose = max(res.Len()-len(tight)-inText, 0)
	return f
}

// Len returns the number of hits.
func (f *FoundList) Len() int {
	if f == nil {
		return 0
	}
	return len(f.tight) + len(f.text) + f.loose
}

// TextLen returns the number of hits found by the words of their text
// (FoundByText).
func (f *FoundList) TextLen() int {
	if f == nil {
		return 0
	}
	return len(f.text)
}

// At returns the i-th hit (0 is the best). Hits of tiers 1 and 3 are
// made again each time (their matched offsets included): a list keeps
// the ones it shows. The zero Found, with no Article, stands for a hit
// the fuzzy ranking no longer holds (a word hit's article that the index
// does not hold, counted among its title hits).
func (f *FoundList) At(i int) Found {
	if i < 0 || i >= f.Len() {
		return Found{}
	}
	if i < len(f.tight) {
		return f.titleFound(i, FoundByHeader)
	}
	i -= len(f.tight)
	if i < len(f.text) {
		w := f.text[i]
		return Found{Article: w.Article, By: FoundByText, Words: w}
	}
	return f.titleFound(i-len(f.text), FoundByLetters)
}

// All returns every hit, in order.
func (f *FoundList) All() []Found {
	out := make([]Found, 0, f.Len())
	for i := range f.Len() {
		out = append(out, f.At(i))
	}
	return out
}

// titleFound returns the i-th title hit of tier by (1 or 3).
func (f *FoundList) titleFound(i int, by FoundBy) Found {
	var h TitleHit
	if by == FoundByHeader {
		h = f.headerHit(i)
	} else {
		rank, ok := f.looseRank(i)
		if !ok {
			return Found{}
		}
		h = f.res.Hit(int(rank))
	}
	return Found{Article: h.Article, By: by, Title: h}
}

// headerHit returns tier 1's i-th hit. The fuzzy ranking's ranked prefix
// (its best topK, when lazy) is walked first; when tier 1 goes on below
// it (scattered matches outscore some headers that contain the query),
// the headers that contain the query are ranked by themselves, which is
// the fuzzy ranking's order restricted to them, rather than ranking every
// fuzzy hit.
func (f *FoundList) headerHit(i int) TitleHit {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.walk(func() bool { return len(f.tightRanks) > i }, f.res.rankedPrefix())
	if i < len(f.tightRanks) {
		return f.res.Hit(int(f.tightRanks[i]))
	}
	if f.header == nil {
		f.header = &TitleResults{arts: f.res.arts, titles: f.res.titles, pattern: f.pattern, patASCII: f.res.patASCII}
		f.header.scoreAll(candidates{list: f.tight})
	}
	return f.header.Hit(i)
}

// looseRank returns the fuzzy rank of tier 3's i-th hit, walking the
// ranking as far as needed (ranking all of it, when lazy, below its best).
func (f *FoundList) looseRank(i int) (int32, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.walk(func() bool { return len(f.looseRanks) > i }, f.res.Len())
	if i >= len(f.looseRanks) {
		return 0, false
	}
	return f.looseRanks[i], true
}

// walk classifies the fuzzy ranking's hits, from where it stopped, until
// done or the rank limit. The caller holds mu.
func (f *FoundList) walk(done func() bool, limit int) {
	for ; !done() && f.scanned < limit; f.scanned++ {
		idx := int32(f.res.Index(f.scanned))
		if _, ok := slices.BinarySearch(f.tight, idx); ok {
			f.tightRanks = append(f.tightRanks, int32(f.scanned))
		} else if !f.textIDs[f.res.arts[idx].ID] {
			f.looseRanks = append(f.looseRanks, int32(f.scanned))
		}
	}
}

// tightCands says which matches of a keystroke may contain its pattern
// as typed, to be tested while the keystroke matches them (the haystack
// is at hand then; a second pass over a million haystacks costs as much
// as the matching): those of the level below that did (prev, ascending)
// and the articles added since (from on), or, with every, all of them.
// The zero value asks for none.
type tightCands struct {
	on, every bool
	prev      []int32
	from      int32
}

// tightScan tests a worker's matches, ascending, against tightCands.
type tightScan struct {
	c   *tightCands
	j   int // where in c.prev the matches have got to
	out []int32
}

// scan returns the scan of candidates lo..hi-1.
func (c *tightCands) scan(cand candidates, lo, hi int) tightScan {
	s := tightScan{c: c}
	if c.on && !c.every && lo < hi {
		s.j, _ = slices.BinarySearch(c.prev, int32(cand.at(lo)))
	}
	return s
}

// test keeps idx, a match whose haystack is hay, if it is a candidate and
// contains pattern. end is where the match's leftmost letters end (see
// matchState; -1 when not known): when they are adjacent there, they are
// the pattern, found without a search.
func (s *tightScan) test(idx int32, hay, pattern string, end int) {
	c := s.c
	if !c.on {
		return
	}
	if !c.every && idx < c.from {
		for s.j < len(c.prev) && c.prev[s.j] < idx {
			s.j++
		}
		if s.j == len(c.prev) || c.prev[s.j] != idx {
			return
		}
	}
	if end >= len(pattern) && hay[end-len(pattern):end] == pattern || strings.Contains(hay, pattern) {
		s.out = append(s.out, idx)
	}
}

// containing returns the candidates (ascending indexes) whose haystack
// contains pattern, ascending, testing them on all cores.
func (t *titleStore) containing(pattern string, cand []int32) []int32 {
	parts := splitWork(len(cand), func(lo, hi int) []int32 {
		var out []int32
		for _, idx := range cand[lo:hi] {
			if strings.Contains(t.hays[idx], pattern) {
				out = append(out, idx)
			}
		}
		return out
	})
	return slices.Concat(parts...)
}
