package search

import (
	"cmp"
	"math"
	"slices"
)

// A person typing over a large library sees the count of hits and the
// first screens of them; scoring every match of every keystroke (most of a
// million titles for the first letters) is what made typing slow. So a
// TitleSearcher finds, per keystroke, which candidates match, and then
// ranks only the best topK of them exactly, scoring only the titles whose
// score bound can reach them; the rest is ranked when a hit below is asked
// for (TitleResults.at).
//
// The bound comes from the previous keystroke. fuzzy (see matchASCII)
// scores pattern P+c over s exactly as it scores P for the characters
// before P's last, and P's last character chooses among a prefix of the
// occurrences it chose among for P; so, with bonus the sum of the
// characters' scores (score = bonus + len(P) - len(s)) and cur fuzzy's
// accumulated adjacency bonus,
//
//	bonus(P+c) <= bonus(P) + max(20, 2·cur(P) + 5 + (20 if P's last byte is a separator))
//	cur(P+c)   <= 3·cur(P) + 5
//
// (one character's score is at most 20 after a separator, or the
// adjacency bonus, plus 20 when the adjacent character is itself a
// separator; the first character's is at most 15, with its leading
// penalty). Where a title's letters start words (wordStarts, 8 bytes a
// title) tightens both: a letter that never follows a separator earns no
// 20, and the first letter earns 15 only near the start. A title scored
// exactly at one keystroke carries its exact bonus and cur to the next;
// one never scored carries the bound made along its leftmost match.
// Titles whose matched letters are scattered keep a small cur, so their
// bound falls further behind the best titles' scores at each keystroke,
// and they stop being scored at all. And a byte can be adjacent to the
// one before only where its leftmost match follows that one's directly
// (see step), which the keystroke's test of a candidate finds anyway: a
// title whose letters are not adjacent there gets no adjacency bonus in
// its bound. At a million synthetic titles, half of the benchmark's
// keystrokes score fewer than 3,300 titles, and none more than 82,000
// (TestTitleBoundHolds checks the bounds against matchASCIIState).

// topK is how many of the best hits a bounded answer ranks at once: a few
// screens.
const topK = 256

// maxBoundLen is the longest pattern (in bytes) answered with bounds;
// longer ones are scored whole. The bounds grow threefold a byte and stay
// far inside an int64 up to here.
const maxBoundLen = 30

// firstBonus bounds the first character's score: 10 at offset 0, or 20
// after a separator less 5 a leading byte (so 15 at offset 1, 5 from
// offset 3 on).
const firstBonus = 15

// unbounded marks a state without a bound (a non-ASCII haystack, which
// fuzzy itself scores): such titles are always scored. Half the largest
// int, so that it fits on 32-bit platforms and a bonus added to it does
// not overflow.
const unbounded = math.MaxInt / 2

// matchState is what a keystroke carries to the next about one matching
// title: where its leftmost match of the pattern ends (so the next
// keystroke tests one more byte from there), and bounds of bonus and cur
// (exact when it was scored).
type matchState struct {
	end   int32 // offset just past the greedy match; -1 when not known
	bonus int
	cur   int
}

// advance matches pattern's bytes from n on in hay (ASCII), leftmost,
// from where st's match of pattern[:n] ended (n = 0: from the start),
// bounding each one's score on the way (see step), and returns the state
// for pattern; false when it does not match.
func (st matchState) advance(pattern, hay string, n int, starts uint64) (matchState, bool) {
	pos := 0
	if n > 0 {
		pos = int(st.end)
	}
	for t := n; t < len(pattern); t++ {
		k := indexByteFrom(hay, pos, pattern[t])
		if k < 0 {
			return st, false
		}
		st = st.step(pattern, t, starts, t > 0 && hay[k-1] == pattern[t-1])
		pos = k + 1
	}
	st.end = int32(pos)
	return st, true
}

// step bounds the score of pattern byte t (and the bonus and cur after
// it) in a haystack whose wordStarts are starts. fuzzy considers byte t
// from its leftmost occurrence after byte t-1's (k), up to byte t+1's, so
// it can be adjacent to byte t-1 only at k, when hay[k-1] is byte t-1
// (adjacent): otherwise it earns no adjacency bonus and cur stays.
func (st matchState) step(pattern string, t int, starts uint64, adjacent bool) matchState {
	if t <= 1 {
		// The first byte's score, which a shorter region may raise.
		st.bonus = firstBound(pattern[0], starts)
	}
	if t == 0 {
		st.cur = 0
		return st
	}
	c := pattern[t]
	apart := 20 // the score of c not adjacent: after a separator at best
	if isLetter(c) && starts&(1<<(32+c-'a')) == 0 {
		apart = 0
	}
	if !adjacent {
		st.bonus += apart
		return st
	}
	sep := 0
	if isSep(pattern[t-1]) {
		sep = 20
	}
	st.bonus += max(apart, 2*st.cur+5+sep)
	st.cur = 3*st.cur + 5
	return st
}

// wordStarts returns, for an ASCII haystack, the letters at offset 0 or
// right after a separator at offset 1 or 2 (bits 0-25, a for bit 0), and
// the letters right after a separator anywhere (bits 32-57): where a
// letter can earn fuzzy's bonuses.
func wordStarts(s string) uint64 {
	var m uint64
	for j := 0; j < len(s); j++ {
		c := s[j]
		if !isLetter(c) {
			continue
		}
		if j == 0 || j <= 2 && isSep(s[j-1]) {
			m |= 1 << (c - 'a')
		}
		if j > 0 && isSep(s[j-1]) {
			m |= 1 << (32 + c - 'a')
		}
	}
	return m
}

// firstBound bounds the score of the pattern's first byte c (with its
// leading penalty): 15 where c may start a word in the first three bytes
// (or is not a letter), 5 where it starts one later, 0 otherwise.
func firstBound(c byte, starts uint64) int {
	switch {
	case !isLetter(c) || starts&(1<<(c-'a')) != 0:
		return firstBonus
	case starts&(1<<(32+c-'a')) != 0:
		return 5
	}
	return 0
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' }

// boundedApplies reports whether pattern is answered with bounds.
func boundedApplies(pattern string) bool {
	return isASCII(pattern) && len(pattern) <= maxBoundLen
}

// boundedPart is one worker's share of a bounded keystroke: how many of
// its candidates match (their indexes and states are written from the
// start of its range of the level's arrays), and its best topK matches by
// bound (a min-heap on the bound), the seeds of the threshold.
type boundedPart struct {
	lo, n int
	seeds []seed
	tight []int32 // its matches that contain the pattern as typed, when asked
}

type seed struct {
	bound int
	pos   int32 // position in the level's arrays
}

// prevStates are the states of the candidates from the previous level:
// states[i] belongs to cand.list[i], computed for prevPattern (the first
// prevLen bytes of the pattern); nil when unknown.
//
// The states are overwritten: the new level's are written over them
// (each worker writes a match at or before the candidate it reads), so
// the previous level must not use them again.
type prevStates struct {
	states  []matchState
	prevLen int
}

// filterBounded tests candidates lo..hi-1 against pattern (ASCII), and
// writes the matching ones and their states, extended to pattern, to
// lv.idxs and lv.states from lo on.
func (t *titleStore) filterBounded(pattern string, pm uint64, cand candidates, prev prevStates, tc *tightCands, lv *boundedLevel, lo, hi int) boundedPart {
	p := boundedPart{lo: lo}
	tight := tc.scan(cand, lo, hi)
	idxs, states := lv.idxs[lo:hi], lv.states[lo:hi]
	for i := lo; i < hi; i++ {
		idx := cand.at(i)
		hay := t.hays[idx]
		var st matchState
		if !t.ascii[idx] {
			if _, _, ok := matchOne(pattern, true, hay, false, nil); !ok {
				continue
			}
			st = matchState{end: -1, bonus: unbounded}
		} else {
			if t.masks[idx]&pm != pm {
				continue
			}
			n := 0
			if i < len(prev.states) && prev.states[i].end >= 0 {
				st, n = prev.states[i], prev.prevLen
			}
			var ok bool
			if st, ok = st.advance(pattern, hay, n, t.starts[idx]); !ok {
				continue
			}
		}
		idxs[p.n], states[p.n] = int32(idx), st
		p.pushSeed(seed{bound: st.bound(pattern, hay), pos: int32(lo + p.n)})
		p.n++
		tight.test(int32(idx), hay, pattern, int(st.end))
	}
	p.tight = tight.out
	return p
}

// bound returns the bound of the score of a title whose haystack is hay.
func (st matchState) bound(pattern, hay string) int {
	if st.bonus >= unbounded {
		return unbounded
	}
	return st.bonus + len(pattern) - len(hay)
}

// pushSeed keeps s if it is among the topK best bounds seen.
func (p *boundedPart) pushSeed(s seed) {
	h := p.seeds
	if len(h) < topK {
		h = append(h, s)
		for i := len(h) - 1; i > 0; {
			up := (i - 1) / 2
			if h[up].bound <= h[i].bound {
				break
			}
			h[up], h[i] = h[i], h[up]
			i = up
		}
		p.seeds = h
		return
	}
	if s.bound <= h[0].bound {
		return
	}
	h[0] = s
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if c+1 < len(h) && h[c+1].bound < h[c].bound {
			c++
		}
		if h[i].bound <= h[c].bound {
			break
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// scoreState scores hay exactly and returns the score and the exact
// state (end kept).
func (t *titleStore) scoreState(pattern string, idx int32, st matchState) (int, matchState) {
	hay := t.hays[idx]
	if !t.ascii[idx] {
		score, _, _ := matchOne(pattern, true, hay, false, nil)
		return score, st
	}
	bonus, cur, _, _ := matchASCIIState(pattern, hay, nil)
	st.bonus, st.cur = bonus, cur
	return bonus + len(pattern) - len(hay), st
}

// boundedLevel is a bounded keystroke's answer: the matches ascending,
// their states, and the best min(topK, len(idxs)) hits ranked.
type boundedLevel struct {
	idxs   []int32
	states []matchState
	top    []rawHit
	tight  []int32 // the matches that contain the pattern as typed, when asked
}

// matchBounded answers pattern (ASCII, at most maxBoundLen bytes) over
// the candidates: which match, and the best topK ranked exactly as
// fuzzy.Find ranks them; with tc on, also which contain pattern as typed
// (see tightCands). The caller holds the read lock.
func (t *titleStore) matchBounded(pattern string, cand candidates, prev prevStates, tc *tightCands) boundedLevel {
	pm := presenceMask(pattern)
	n := cand.len()
	lv := boundedLevel{idxs: make([]int32, n), states: prev.states[:0]}
	if cap(lv.states) >= n {
		lv.states = lv.states[:n]
	} else {
		lv.states = make([]matchState, n)
	}
	parts := splitWork(n, func(lo, hi int) boundedPart {
		return t.filterBounded(pattern, pm, cand, prev, tc, &lv, lo, hi)
	})
	if tc.on {
		tights := make([][]int32, len(parts))
		for i, p := range parts {
			tights[i] = p.tight
		}
		lv.tight = slices.Concat(tights...)
	}
	// Close the gaps between the parts' matches.
	total := 0
	var seeds []seed
	for _, p := range parts {
		copy(lv.idxs[total:], lv.idxs[p.lo:p.lo+p.n])
		copy(lv.states[total:], lv.states[p.lo:p.lo+p.n])
		for _, s := range p.seeds {
			seeds = append(seeds, seed{bound: s.bound, pos: s.pos - int32(p.lo) + int32(total)})
		}
		total += p.n
	}
	lv.idxs, lv.states = lv.idxs[:total:total], lv.states[:total:total]
	if total < n/2 {
		// The level is kept while the person types on: not the
		// candidates' room.
		lv.idxs, lv.states = slices.Clone(lv.idxs), slices.Clone(lv.states)
	}
	if total == 0 {
		return lv
	}
	floor := t.threshold(pattern, &lv, seeds)
	// Every title that can reach floor, and its part's best topK so far,
	// is scored; floor is at most the topK-th best score, so the best topK
	// are among them.
	heaps := splitWork(total, func(lo, hi int) hitHeap {
		var h hitHeap
		for i := lo; i < hi; i++ {
			st := lv.states[i]
			idx := lv.idxs[i]
			b := st.bound(pattern, t.hays[idx])
			if b < floor || len(h) == topK && b <= h[0].score {
				continue
			}
			score, exact := t.scoreState(pattern, idx, st)
			lv.states[i] = exact
			if score >= floor {
				h.push(rawHit{idx: idx, score: score})
			}
		}
		return h
	})
	var hits []rawHit
	for _, h := range heaps {
		hits = append(hits, h...)
	}
	slices.SortFunc(hits, byRank)
	lv.top = hits[:min(topK, len(hits)):min(topK, len(hits))]
	return lv
}

// hitHeap holds the best topK hits of one part, scored in index order:
// a heap whose root is the worst (lowest score, and of those the last).
type hitHeap []rawHit

// push adds x, which comes after every hit already held, if it is among
// the best topK.
func (h *hitHeap) push(x rawHit) {
	a := *h
	if len(a) < topK {
		a = append(a, x)
		for i := len(a) - 1; i > 0; {
			up := (i - 1) / 2
			if !worse(a[i], a[up]) {
				break
			}
			a[up], a[i] = a[i], a[up]
			i = up
		}
		*h = a
		return
	}
	if x.score <= a[0].score {
		return
	}
	a[0] = x
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(a) {
			break
		}
		if c+1 < len(a) && worse(a[c+1], a[c]) {
			c++
		}
		if !worse(a[c], a[i]) {
			break
		}
		a[i], a[c] = a[c], a[i]
		i = c
	}
}

// worse reports whether a ranks below b.
func worse(a, b rawHit) bool { return byRank(a, b) > 0 }

// threshold scores the best topK seeds of all parts (by bound) and
// returns the topK-th best of their scores (the lowest, when there are
// fewer): at least that many titles score that much, so the topK-th best
// score of all is not lower.
func (t *titleStore) threshold(pattern string, lv *boundedLevel, seeds []seed) int {
	slices.SortFunc(seeds, func(a, b seed) int { return cmp.Compare(b.bound, a.bound) })
	seeds = seeds[:min(topK, len(seeds))]
	scores := make([]int, len(seeds))
	for k, s := range seeds {
		scores[k], _ = t.scoreState(pattern, lv.idxs[s.pos], lv.states[s.pos])
	}
	slices.Sort(scores)
	return scores[0]
}

// byRank orders hits as fuzzy.Find does: score descending, ties in index
// order.
func byRank(a, b rawHit) int {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c
	}
	return cmp.Compare(a.idx, b.idx)
}
