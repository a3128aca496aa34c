package compare

import (
	"sync/atomic"

	"github.com/pmureader/pmureader/corpus/lexicon"
)

// The guard (see scoring): a pair of passages that scores guardFrom or
// more makes a link only if guardWords content words of each are in the
// other, or near a word of the other (their vectors' cosine guardNear or
// more). Whether two words are near is asked of many cells, and of many
// pairs of articles, with the same words, so it is remembered for the
// whole comparison (nearTable, shared by the workers).

// guard copies the similarities to the link strengths, but a pair scoring
// guardFrom or more that fails the guard (see scoring) keeps only
// guardKeep of it there: function words, attribution, a date or one place
// name never carry a link alone. It is checked both ways, so that it does
// not depend on which article comes first.
func (s *pairScorer) guard(m *pairMatrix, fi, fj *artFeatures) {
	copy(m.link, m.v)
	for p := range m.ni {
		for q := range m.nj {
			x := p*m.nj + q
			if m.v[x] < s.sc.guardFrom {
				continue
			}
			a, b := fi.termsOf(p), fj.termsOf(q)
			switch {
			case exactShared(a, b, s.sc.guardContent) >= s.sc.guardWords:
				// Shared outright, so both ways: no vectors needed.
				if nameConflict(a, b) {
					m.link[x] *= s.sc.conflictKeep
				}
			case s.nearShared(a, fi.wordNumsOf(p), b, fj.wordNumsOf(q)) < s.sc.guardWords ||
				s.nearShared(b, fj.wordNumsOf(q), a, fi.wordNumsOf(p)) < s.sc.guardWords:
				m.link[x] *= s.sc.guardKeep
			case nameConflict(a, b):
				m.link[x] *= s.sc.conflictKeep
			}
		}
	}
}

// nearShared counts the content words of a (background IDF at least
// guardContent) that b has too, or, for words with vectors, that b has a
// word close to (cosine at least guardNear); names count once, however
// many. It stops counting at guardWords. la and lb are the terms' word
// numbers in the comparison (artFeatures.wordNumsOf).
func (s *pairScorer) nearShared(a []term, la []int32, b []term, lb []int32) int {
	n, names := 0, 0
	for k, t := range a {
		if t.bg < s.sc.guardContent || (t.name && names > 0) {
			continue
		}
		if !hasTerm(b, t.id) && !s.hasNear(t.word, la[k], b, lb) {
			continue
		}
		if t.name {
			names = 1
		} else {
			n++
		}
		if n+names >= s.sc.guardWords {
			break
		}
	}
	return n + names
}

// exactShared counts the content terms (background IDF at least content
// in both passages) that a and b both have, names once however many.
func exactShared(a, b []term, content float32) int {
	n, names := 0, 0
	x, y := 0, 0
	for x < len(a) && y < len(b) {
		switch {
		case a[x].id < b[y].id:
			x++
		case a[x].id > b[y].id:
			y++
		default:
			if a[x].bg >= content && b[y].bg >= content {
				if a[x].name || b[y].name {
					names = 1
				} else {
					n++
				}
			}
			x++
			y++
		}
	}
	return n + names
}

// hasTerm reports whether terms (by id ascending) hold id.
func hasTerm(terms []term, id int32) bool {
	lo, hi := 0, len(terms)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if terms[h].id < id {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo < len(terms) && terms[lo].id == id
}

// hasNear reports whether b has a word whose vector's cosine with word's
// (number lw) is guardNear or more (word -1: none).
func (s *pairScorer) hasNear(word, lw int32, b []term, lb []int32) bool {
	if word < 0 {
		return false
	}
	for k, t := range b {
		if t.word >= 0 && t.word != word && s.isNear(word, lw, t.word, lb[k]) {
			return true
		}
	}
	return false
}

// isNear reports whether words x and y (numbers lx and ly in the
// comparison) are near: their vectors' cosine is guardNear or more. It
// computes each pair of words once per comparison (once per worker for
// comparisons too big for the shared table).
func (s *pairScorer) isNear(x, lx, y, ly int32) bool {
	if t := s.near.table; t != nil {
		return t.isNear(x, lx, y, ly, s.sc.guardNear)
	}
	key := [2]int32{min(x, y), max(x, y)}
	v := s.near.big[key]
	if v == nearUnknown {
		v = nearNo
		if s.lex.SimilarIDs(key[0], key[1]) >= s.sc.guardNear {
			v = nearYes
		}
		s.near.big[key] = v
	}
	return v == nearYes
}

// What the near-word cache knows of a pair of words.
const (
	nearUnknown uint8 = iota
	nearNo
	nearYes
)

// nearCacheWords is the most words with vectors a comparison may have for
// the workers to share a nearTable (two bits a pair of them: 2 MB);
// beyond, each worker keeps a map by lexicon ids. Six articles of 1,600
// words have about 2,000.
const nearCacheWords = 4096

// nearCache is one worker's way to what is known of near words: the
// comparison's shared table, or, for comparisons with too many words for
// it, a map of its own by lexicon ids (smaller first).
type nearCache struct {
	table *nearTable
	big   map[[2]int32]uint8
}

// newNearCache is a worker's near-word cache: the shared table when there
// is one, else an empty map.
func newNearCache(table *nearTable) nearCache {
	if table != nil {
		return nearCache{table: table}
	}
	return nearCache{big: map[[2]int32]uint8{}}
}

// nearTable remembers, for every worker of one comparison, which of its
// words are near: two bits (nearUnknown, nearNo, nearYes) per pair of
// words, by their numbers in the comparison (the larger's triangle row,
// then the smaller), written with atomic ORs (a pair's answer is the same
// whoever computes it, so two workers computing it at once write the same
// bits).
type nearTable struct {
	cells []atomic.Uint32
	lex   *lexicon.Lexicon
}

// newNearTable is the table for a comparison of words words with vectors,
// nil when there are more than limit (0: nearCacheWords).
func newNearTable(lex *lexicon.Lexicon, words, limit int) *nearTable {
	if limit == 0 {
		limit = nearCacheWords
	}
	if words > limit {
		return nil
	}
	pairs := words * (words - 1) / 2
	return &nearTable{cells: make([]atomic.Uint32, (pairs+15)/16), lex: lex}
}

// isNear reports whether words x and y (lexicon ids; numbers lx and ly,
// never equal) have vectors whose cosine is thr or more, asking the
// lexicon on the first question.
func (t *nearTable) isNear(x, lx, y, ly int32, thr float32) bool {
	lo, hi := int(min(lx, ly)), int(max(lx, ly))
	at := hi*(hi-1)/2 + lo
	cell, shift := &t.cells[at>>4], uint(at&15)*2
	v := uint8(cell.Load()>>shift) & 3
	if v == nearUnknown {
		v = nearNo
		if t.lex.SimilarIDs(min(x, y), max(x, y)) >= thr {
			v = nearYes
		}
		cell.Or(uint32(v) << shift)
	}
	return v == nearYes
}

// nameConflict reports whether both passages name entities and share none
// of their names (entities or words of names).
func nameConflict(a, b []term) bool {
	ea, eb := 0, 0
	for _, t := range a {
		if t.word == -1 && t.name {
			ea++
		}
	}
	for _, t := range b {
		if t.word == -1 && t.name {
			eb++
		}
	}
	if ea == 0 || eb == 0 {
		return false
	}
	x, y := 0, 0
	for x < len(a) && y < len(b) {
		switch {
		case a[x].id < b[y].id:
			x++
		case a[x].id > b[y].id:
			y++
		default:
			if a[x].name {
				return false
			}
			x++
			y++
		}
	}
	return true
}
