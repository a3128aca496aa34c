package entities

import "strings"

// skeleton is a word's consonant outline: vowels dropped, doubled letters
// once, q and c as k, so transliterations meet ("qassem", "qasim" → "ksm";
// "hezbolah", "hezbollah" → "hzblh").
func skeleton(w string) string {
	var b strings.Builder
	writeSkeleton(&b, w)
	return b.String()
}

// writeSkeleton writes w's skeleton to b.
func writeSkeleton(b *strings.Builder, w string) {
	var last byte
	for i := 0; i < len(w); {
		var c byte
		c, i, last = nextSkeletonByte(w, i, last)
		if c == 0 {
			return
		}
		b.WriteByte(c)
	}
}

// nextSkeletonByte returns the next byte of w's skeleton from byte i on
// (0 at the end), the index after it and the new last byte. Comparing
// skeletons with it, as sameSkeleton does, allocates nothing: story grouping
// compares every pair of names that share initials.
func nextSkeletonByte(w string, i int, last byte) (c byte, next int, newLast byte) {
	for ; i < len(w); i++ {
		c = w[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', '-', '.', '\'':
			continue
		case 'q', 'c':
			c = 'k'
		}
		if c == last {
			continue
		}
		return c, i + 1, c
	}
	return 0, i, last
}

// sameSkeleton reports whether a and b have the same skeleton, and its
// length (when they do).
func sameSkeleton(a, b string) (same bool, n int) {
	i, j := 0, 0
	var la, lb byte
	for {
		var ca, cb byte
		ca, i, la = nextSkeletonByte(a, i, la)
		cb, j, lb = nextSkeletonByte(b, j, lb)
		if ca != cb {
			return false, 0
		}
		if ca == 0 {
			return true, n
		}
		n++
	}
}

// nameSkeleton is the skeleton of every word of a name key, space-joined
// (a word without consonants leaves an empty part), written into one
// string: resolving names asks it of every name.
func nameSkeleton(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	first := true
	for w := range strings.FieldsSeq(name) {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		writeSkeleton(&b, w)
	}
	return b.String()
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
	if same, n := sameSkeleton(a, b); !same || n < 3 {
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
	words, agree, loose := 0, 0, 0
	for i, j := 0, 0; ; words++ {
		var wa, wb string
		wa, i = nextWord(a, i)
		wb, j = nextWord(b, j)
		switch {
		case wa == "" && wb == "":
			return loose == 0 || words >= 2 && agree >= 1
		case wa == "" || wb == "":
			return false // not as many words
		case fuzzyWord(wa, wb):
			agree++
		case looseWord(wa, wb):
			loose++
		default:
			return false
		}
	}
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
	same, _ := sameSkeleton(a, b)
	return same && editDistance(a, b, 1) <= 1
}

// nextWord returns the word of s that starts at or after byte i (words
// are separated by spaces, as in name keys; "" at the end) and the index
// after it, without allocating as strings.Fields does.
func nextWord(s string, i int) (word string, next int) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	start := i
	for i < len(s) && s[i] != ' ' {
		i++
	}
	return s[start:i], i
}

// editDistance is the Levenshtein distance of a and b (bytes), or limit+1
// as soon as it must exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var rows [2][32]int // words of names fit; longer ones allocate
	prev, cur := rows[0][:0], rows[1][:0]
	if len(b)+1 > len(rows[0]) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
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
