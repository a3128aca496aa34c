package compare

// The guard (see scoring): a pair of passages that scores guardFrom or
// more makes a link only if guardWords content words of each are in the
// other, or near a word of the other (their vectors' cosine guardNear or
// more). Whether two words are near is asked of many cells, and of many
// pairs of articles, with the same words, so it is remembered for the
// whole comparison (nearCache, one per worker).

// guard copies the similarities to the link strengths, but a pair scoring
// guardFrom or more that fails the guard (see scoring) keeps only
// guardKeep of it there: function words, attribution, a date or one place
// name never carry a link alone. It is checked both ways, so that it does
// not depend on which article comes first.
func (s *pairScorer) guard(m *pairMatrix, fi, fj *artFeatures) {
	copy(m.link, m.v)
	s.near.ready(fi.words)
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
// asks the lexicon once per pair of words.
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

// nearCacheWords is the most words with vectors a comparison may have for
// nearCache to keep a table (two bits a pair of them: 4 MB); beyond, it
// uses a map by lexicon ids. Six articles of 1,600 words have about 2,000.
const nearCacheWords = 4096

// nearCache remembers which words of the comparison are near: two bits
// (nearUnknown, nearNo, nearYes) per pair of words, by their numbers in
// the comparison, smaller first; a map by lexicon ids for comparisons with
// too many words for the table.
type nearCache struct {
	cells []byte
	words int
	big   map[[2]int32]uint8
	limit int // nearCacheWords; tests lower it
}

// ready readies the cache for a comparison of w words with vectors; the
// first call decides between table and map, the others do nothing.
func (c *nearCache) ready(w int) {
	if c.cells != nil || c.big != nil {
		return
	}
	limit := c.limit
	if limit == 0 {
		limit = nearCacheWords
	}
	if w > limit {
		c.big = map[[2]int32]uint8{}
		return
	}
	c.words = w
	c.cells = make([]byte, (w*w+3)/4)
}

// get is what the cache knows of words x and y (numbers lx and ly).
func (c *nearCache) get(x, lx, y, ly int32) uint8 {
	if c.big != nil {
		return c.big[[2]int32{min(x, y), max(x, y)}]
	}
	at := int(min(lx, ly))*c.words + int(max(lx, ly))
	return c.cells[at>>2] >> (uint(at&3) * 2) & 3
}

// set records v for words x and y (see get).
func (c *nearCache) set(x, lx, y, ly int32, v uint8) {
	if c.big != nil {
		c.big[[2]int32{min(x, y), max(x, y)}] = v
		return
	}
	at := int(min(lx, ly))*c.words + int(max(lx, ly))
	shift := uint(at&3) * 2
	c.cells[at>>2] = c.cells[at>>2]&^(3<<shift) | v<<shift
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
