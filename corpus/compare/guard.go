package compare

// The guard (see scoring): a pair of passages that scores guardFrom or
// more makes a link only if guardWords content words of each are in the
// other, or near a word of the other (their vectors' cosine guardNear or
// more). Whether two words are near is a look-up in the lexicon's near
// lists (lexicon.IsNear), computed offline for every pair of its words.

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
			case s.nearShared(a, b) < s.sc.guardWords || s.nearShared(b, a) < s.sc.guardWords:
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
// many. It stops counting at guardWords.
func (s *pairScorer) nearShared(a, b []term) int {
	n, names := 0, 0
	for _, t := range a {
		if t.bg < s.sc.guardContent || (t.name && names > 0) {
			continue
		}
		if !hasTerm(b, t.id) && !s.hasNear(t.word, b) {
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
// is guardNear or more (word -1: none).
func (s *pairScorer) hasNear(word int32, b []term) bool {
	if word < 0 {
		return false
	}
	nb := s.lex.Neighbours(word, s.sc.guardNear)
	if nb.None() {
		return false
	}
	for _, t := range b {
		if t.word >= 0 && t.word != word && nb.Has(t.word) {
			return true
		}
	}
	return false
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
