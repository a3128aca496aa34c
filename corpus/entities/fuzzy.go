package entities

import "strings"

// skeleton is a word's consonant outline: vowels dropped, doubled letters
// once, q and c as k, so transliterations meet ("qassem", "qasim" → "ksm";
// "hezbolah", "hezbollah" → "hzblh").
func skeleton(w string) string {
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', '-', '.', '\'':
			continue
		case 'q', 'c':
			c = 'k'
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

// nameSkeleton is the skeleton of every word of a name key.
func nameSkeleton(name string) string {
	parts := strings.Fields(name)
	for i, p := range parts {
		parts[i] = skeleton(p)
	}
	return strings.Join(parts, " ")
}

// fuzzyWord reports whether two name words are spellings of one another:
// equal, or the same consonant skeleton (at least three consonants) and at
// most two edits apart (one for short words). The skeleton guard keeps
// "Iran" from "Iraq"; the edit bound keeps "Hussein" from "Hassan".
func fuzzyWord(a, b string) bool {
	if a == b {
		return true
	}
	// "Israel"/"Israeli", "Syria"/"Syrian": a name and its adjective.
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return false
	}
	sa := skeleton(a)
	if len(sa) < 3 || sa != skeleton(b) {
		return false
	}
	n := min(len(a), len(b))
	limit := 2
	if n < 5 {
		limit = 1
	}
	return editDistance(a, b, limit) <= limit
}

// fuzzyName reports whether two name keys name the same thing: the same
// number of words, each pair fuzzyWord; or, in a name of two or more words
// where some word pair is equal or fuzzyWord ("the rest agrees"), a word
// one letter longer than its pair ("Tolk"/"Tolke", "Lind"/"Lindt") or a
// short word one edit from its pair with the same consonants
// ("Rumi"/"Roumi").
func fuzzyName(a, b string) bool {
	if a == b {
		return true
	}
	pa, pb := strings.Fields(a), strings.Fields(b)
	if len(pa) != len(pb) {
		return false
	}
	agree, loose := 0, 0
	for i := range pa {
		switch {
		case fuzzyWord(pa[i], pb[i]):
			agree++
		case looseWord(pa[i], pb[i]):
			loose++
		default:
			return false
		}
	}
	return loose == 0 || len(pa) >= 2 && agree >= 1
}

// looseWord reports the near spellings fuzzyWord leaves out, which count
// only when the rest of the name agrees: one letter added at the end of a
// word of three or more letters ("Varga"/"Vargas"; on its own that is
// "Israel"/"Israeli"), or one edit between words with the same consonant
// skeleton too short for fuzzyWord ("Rumi"/"Roumi", "Ren"/"Renn").
func looseWord(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= 3 && len(b) == len(a)+1 && strings.HasPrefix(b, a) {
		return true
	}
	return skeleton(a) == skeleton(b) && editDistance(a, b, 1) <= 1
}

// editDistance is the Levenshtein distance of a and b (bytes), or limit+1
// as soon as it must exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
