package search

import (
	"strings"

	"github.com/sahilm/fuzzy"
)

// matchASCII computes exactly what sahilm/fuzzy (v0.1.3, FindFromIterNoSort)
// computes for one string, when both the pattern and s are ASCII and s has
// no upper-case letters (so fuzzy's camel-case bonus never applies), as all
// haystacks and folded queries are. It appends the matched byte offsets to
// matched and reports whether pattern matched at all.
//
// fuzzy's loop walks s once; for pattern character p it keeps the best
// scoring occurrence until the character just after the current position
// is pattern character p+1 (or s ends), then commits it. So pattern
// character p's occurrences are considered from where p-1 was committed
// (for p = 0, from its first occurrence) up to just before the first
// occurrence of character p+1 that follows p's first occurrence; the last
// pattern character considers every occurrence to the end. Each occurrence
// scores +10 at offset 0, +20 after a separator ("/-_ .\"), and an adjacency
// bonus (2×accumulated + 5, which also accumulates) right after the previous
// committed match; the first strictly best wins. The first character pays
// 5 per leading byte (at most 15), and the total loses one per unmatched
// byte. strings.IndexByte makes the walk jump between occurrences.
// Tests compare it with fuzzy.Find on random text.
func matchASCII(pattern, s string, matched []int) (int, []int, bool) {
	total, _, matched, ok := matchASCIIState(pattern, s, matched)
	if !ok {
		return 0, matched, false
	}
	return total + len(pattern) - len(s), matched, true
}

// matchASCIIState is matchASCII returning, instead of the score, the
// bonuses it sums (score = bonus + len(pattern) - len(s)) and fuzzy's
// accumulated adjacency bonus at the end (cur), what bounds the score of
// a longer pattern (see title_bound.go).
func matchASCIIState(pattern, s string, matched []int) (bonus, cur int, _ []int, _ bool) {
	m := len(pattern)
	total := 0
	cur = 0         // fuzzy's currAdjacentMatchBonus
	lastMatch := -1 // offset of the last committed match
	pos := 0
	start := len(matched)
	for p := 0; p < m; p++ {
		c := pattern[p]
		i := indexByteFrom(s, pos, c)
		if i < 0 {
			return 0, 0, matched[:start], false
		}
		end := len(s) // exclusive end of the region
		if p < m-1 {
			k := indexByteFrom(s, i+1, pattern[p+1])
			if k < 0 {
				return 0, 0, matched[:start], false
			}
			end = k
		}
		best, bestJ := -1, -1
		for j := i; j >= 0 && j < end; j = indexByteFrom(s, j+1, c) {
			score := 0
			if j == 0 {
				score += 10
			} else if isSep(s[j-1]) {
				score += 20
			}
			if p > 0 && j-1 == lastMatch {
				bonus := cur*2 + 5
				score += bonus
				cur += bonus
			}
			if score > best {
				best, bestJ = score, j
			}
		}
		if p == 0 {
			best += max(bestJ*-5, -15)
		}
		total += best
		lastMatch = bestJ
		matched = append(matched, bestJ)
		pos = end
	}
	return total, cur, matched, true
}

// indexByteFrom returns the offset of the first c in s at or after from,
// or -1.
func indexByteFrom(s string, from int, c byte) int {
	if from >= len(s) {
		return -1
	}
	i := strings.IndexByte(s[from:], c)
	if i < 0 {
		return -1
	}
	return from + i
}

func isSep(c byte) bool {
	switch c {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// matchOne scores one haystack: matchASCII when it applies, otherwise
// sahilm/fuzzy itself.
func matchOne(pattern string, patASCII bool, hay string, hayASCII bool, matched []int) (int, []int, bool) {
	if patASCII && hayASCII {
		return matchASCII(pattern, hay, matched)
	}
	ms := fuzzy.FindNoSort(pattern, []string{hay})
	if len(ms) == 0 {
		return 0, matched, false
	}
	return ms[0].Score, append(matched, ms[0].MatchedIndexes...), true
}

// charBit is the bit of an ASCII byte in a presence mask: letters and
// digits have a bit each, other bytes share the rest.
func charBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	default:
		return 1 << (36 + c%27)
	}
}

// presenceMask returns the mask of the bytes of an ASCII string.
func presenceMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= charBit(s[i])
	}
	return m
}
