package compare

import "github.com/pmureader/pmureader/corpus/lexicon"

// The guard (see scoring): a pair of passages that scores guardFrom or
// more makes a link only if guardWords content words of each are in the
// other, or near a word of the other (their vectors' cosine guardNear or
// more). Whether two words are near is a look-up in the lexicon's near
// lists (lexicon.IsNear), computed offline for every pair of its words;
// each worker keeps, for each word it is asked about, the words of the
// comparison in the word's list (nearCache): for most words none or a
// few, which a passage's words are checked against.

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
			case s.nearShared(a, fi.wordNumsOf(p), b) < s.sc.guardWords || s.nearShared(b, fj.wordNumsOf(q), a) < s.sc.guardWords:
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
// many. It stops counting at guardWords. la is a's terms' word numbers
// in the comparison (artFeatures.wordNumsOf).
func (s *pairScorer) nearShared(a []term, la []int32, b []term) int {
	n, names := 0, 0
	for k, t := range a {
		if t.bg < s.sc.guardContent || (t.name && names > 0) {
			continue
		}
		if !hasTerm(b, t.id) && !s.hasNear(t.word, la[k], b) {
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
// (number lw in the comparison) is guardNear or more (word -1: none).
func (s *pairScorer) hasNear(word, lw int32, b []term) bool {
	if word < 0 {
		return false
	}
	if cands, ok := s.near.candidates(s.lex, word, lw, s.sc.guardNear); ok {
		for _, y := range cands {
			for _, t := range b {
				if t.word == y && s.lex.IsNear(word, y, s.sc.guardNear) {
					return true
				}
			}
		}
		return false
	}
	nb := s.lex.Neighbours(word, s.sc.guardNear)
	for _, t := range b {
		if t.word >= 0 && t.word != word && nb.Has(t.word) {
			return true
		}
	}
	return false
}

// nearCache is one worker's memory of the comparison's near words: for
// each word it was asked about (by its number in the comparison,
// artFeatures.wordNum), the words of the comparison in its near list.
type nearCache struct {
	present []uint64 // the comparison's words, a bit by lexicon id (shared, read only)
	spans   []span   // by word number: its candidates are ys[lo:hi]
	ys      []int32
}

// span is a range of ys, lo to hi-1; hi is spanUnknown before the first
// question, spanUnlisted when the lexicon has no list to say.
type span struct{ lo, hi int32 }

const (
	spanUnknown  = -1
	spanUnlisted = -2
)

// comparisonWords is the set of the articles' words, a bit by lexicon id
// (n words in the lexicon).
func comparisonWords(fs []artFeatures, n int) []uint64 {
	set := make([]uint64, (n+63)/64)
	for i := range fs {
		for _, t := range fs[i].terms {
			if t.word >= 0 && int(t.word) < n {
				set[t.word>>6] |= 1 << (t.word & 63)
			}
		}
	}
	return set
}

// newNearCache is a worker's cache for a comparison of words words whose
// set is present.
func newNearCache(present []uint64, words int) nearCache {
	spans := make([]span, words)
	for k := range spans {
		spans[k].hi = spanUnknown
	}
	// About ten candidates a word are kept in a comparison of news
	// (its words are of a few topics, so near each other): room for
	// sixteen saves the list's regrowth.
	return nearCache{present: present, spans: spans, ys: make([]int32, 0, 16*words)}
}

// candidates is the words of the comparison that may be near word
// (number lw): those of its near list at thr (lexicon.Neighbours.AppendIn;
// IsNear says which are); false when the lexicon has no list to say.
func (c *nearCache) candidates(lex *lexicon.Lexicon, word, lw int32, thr float32) ([]int32, bool) {
	sp := &c.spans[lw]
	if sp.hi == spanUnknown {
		nb := lex.Neighbours(word, thr)
		lo := len(c.ys)
		var listed bool
		c.ys, listed = nb.AppendIn(c.ys, c.present)
		*sp = span{int32(lo), int32(len(c.ys))}
		if !listed {
			sp.hi = spanUnlisted
		}
	}
	if sp.hi == spanUnlisted {
		return nil, false
	}
	return c.ys[sp.lo:sp.hi], true
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
