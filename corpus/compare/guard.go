package compare

// The guard (see scoring): a pair of passages that scores guardFrom or
// more makes a link only if guardWords content words of each are in the
// other, or near a word of the other (their vectors' cosine guardNear or
// more). Whether two words are near is asked of many cells with the same
// words, so it is remembered per pair of articles (nearCache).

// guard copies the similarities to the link strengths, but a pair scoring
// guardFrom or more that fails the guard (see scoring) keeps only
// guardKeep of it there: function words, attribution, a date or one place
// name never carry a link alone. It is checked both ways, so that it does
// not depend on which article comes first.
func (s *pairScorer) guard(m *pairMatrix, fi, fj *artFeatures) {
	copy(m.link, m.v)
	s.near.reset(fi.words, fj.words)
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
			case s.nearShared(a, fi.localOf(p), b, fj.localOf(q), false) < s.sc.guardWords ||
				s.nearShared(b, fj.localOf(q), a, fi.localOf(p), true) < s.sc.guardWords:
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
// many. It stops counting at guardWords. la and lb are the terms' local
// word numbers (artFeatures.localOf); swapped says a is of the second
// article of the pair.
func (s *pairScorer) nearShared(a []term, la []int32, b []term, lb []int32, swapped bool) int {
	n, names := 0, 0
	for k, t := range a {
		if t.bg < s.sc.guardContent || (t.name && names > 0) {
			continue
		}
		if !hasTerm(b, t.id) && !s.hasNear(t.word, la[k], b, lb, swapped) {
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
// (local number lw) is guardNear or more (word -1: none).
func (s *pairScorer) hasNear(word, lw int32, b []term, lb []int32, swapped bool) bool {
	if word < 0 {
		return false
	}
	for k, t := range b {
		if t.word < 0 || t.word == word {
			continue
		}
		if swapped {
			if s.isNear(t.word, lb[k], word, lw) {
				return true
			}
		} else if s.isNear(word, lw, t.word, lb[k]) {
			return true
		}
	}
	return false
}

// isNear reports whether word x of the pair's first article (local number
// lx) and word y of its second (ly) are near: their vectors' cosine is
// guardNear or more. It asks the lexicon once per pair of words.
func (s *pairScorer) isNear(x, lx, y, ly int32) bool {
	v := s.near.get(x, lx, y, ly)
	if v == nearUnknown {
		v = nearNo
		if s.lex.SimilarIDs(min(x, y), max(x, y)) >= s.sc.guardNear {
			v = nearYes
		}
		s.near.set(x, lx, y, ly, v)
	}
	return v == nearYes
}

// What nearCache knows of a pair of words.
const (
	nearUnknown uint8 = iota
	nearNo
	nearYes
)

// nearCacheCells is the most cells (words of one article times words of
// the other) nearCache keeps in a table; bigger pairs of articles use a
// map by lexicon ids (about 4 MB: two articles of some 2,000 distinct
// words each).
const nearCacheCells = 1 << 22

// nearCache remembers which words of the pair of articles being scored are
// near: one byte (nearUnknown, nearNo, nearYes) per word of the first
// article and word of the second, by their local numbers, in one buffer
// reused from pair to pair; a map by lexicon ids for pairs too big for
// it.
type nearCache struct {
	cells []uint8
	cols  int // words of the second article
	big   map[[2]int32]uint8
	limit int // nearCacheCells; tests lower it
}

// reset readies the cache for a pair of articles of wi and wj distinct
// words.
func (c *nearCache) reset(wi, wj int) {
	limit := c.limit
	if limit == 0 {
		limit = nearCacheCells
	}
	if wi*wj > limit {
		c.cells, c.cols = nil, 0
		if c.big == nil {
			c.big = map[[2]int32]uint8{}
		}
		return
	}
	if cap(c.cells) < wi*wj {
		c.cells = make([]uint8, wi*wj)
	}
	c.cells, c.cols = c.cells[:wi*wj], wj
	clear(c.cells)
}

// get is what the cache knows of words x (local number lx, of the first
// article) and y (ly, of the second).
func (c *nearCache) get(x, lx, y, ly int32) uint8 {
	if c.cols > 0 {
		return c.cells[int(lx)*c.cols+int(ly)]
	}
	return c.big[[2]int32{min(x, y), max(x, y)}]
}

// set records v for words x and y (see get).
func (c *nearCache) set(x, lx, y, ly int32, v uint8) {
	if c.cols > 0 {
		c.cells[int(lx)*c.cols+int(ly)] = v
		return
	}
	c.big[[2]int32{min(x, y), max(x, y)}] = v
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
