package clean

import (
	"math/bits"
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/swar"
)

// phraseIndex maps the first word of each containsRules phrase to the
// rules that start with it, so that a line is scanned once, word by word,
// rather than once per phrase.
var phraseIndex = func() map[string][]int {
	m := make(map[string][]int, len(containsRules))
	for i, r := range containsRules {
		m[firstWord(r.phrase)] = append(m[firstWord(r.phrase)], i)
	}
	return m
}()

// phraseKeyLens has, for each first byte, a bit for each length of a
// phraseIndex key starting with it: most words of a line are ruled out
// without a map lookup.
var phraseKeyLens = func() (t [256]uint32) {
	for _, r := range containsRules {
		w := firstWord(r.phrase)
		t[w[0]] |= 1 << min(len(w), 31)
	}
	return t
}()

func firstWord(phrase string) string {
	i := 0
	for i < len(phrase) && isWordByte(rune(phrase[i])) {
		i++
	}
	return phrase[:i]
}

func isWordByte(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '\''
}

// wordBytes marks the bytes isWordByte accepts, for the scan in
// containsPhrase, which looks at every byte of every short line.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(rune(c))
	}
	return t
}()

// containsPhrase returns the why of the first containsRules phrase found in
// the folded line l, or "". It finds the words of l eight bytes at a time
// and looks up only those whose first byte and length match a phrase's
// first word: this runs over every byte of every short line.
func containsPhrase(l string) reason {
	i := 0
	prev := uint64(0) // 0x80 when the byte before the word at i is a word byte
	for ; i+8 <= len(l); i += 8 {
		w := wordByteMask(swar.Load(l[i : i+8]))
		starts := w &^ (w<<8 | prev)
		prev = w >> 56
		for starts != 0 {
			k := bits.TrailingZeros64(starts) / 8
			starts &= starts - 1
			s := i + k
			lens := phraseKeyLens[l[s]]
			if lens == 0 {
				continue
			}
			// The word ends at the first byte that is not a word byte.
			var e int
			if rest := (^w & swar.High) >> (8 * (k + 1)); rest != 0 {
				e = s + 1 + bits.TrailingZeros64(rest)/8
			} else {
				e = i + 8
				for e < len(l) && wordBytes[l[e]] {
					e++
				}
			}
			if lens&(1<<min(e-s, 31)) == 0 {
				continue
			}
			if why := phraseAt(l, s, e); why != "" {
				return why
			}
		}
	}
	// The last bytes one at a time; a word may have started before them.
	inWord := prev != 0
	for ; i < len(l); i++ {
		if !wordBytes[l[i]] {
			inWord = false
			continue
		}
		if inWord {
			continue
		}
		inWord = true
		e := i + 1
		for e < len(l) && wordBytes[l[e]] {
			e++
		}
		if phraseKeyLens[l[i]]&(1<<min(e-i, 31)) == 0 {
			continue
		}
		if why := phraseAt(l, i, e); why != "" {
			return why
		}
	}
	return ""
}

// phraseAt returns the why of the first containsRules phrase that starts
// with the word l[s:e] and is found at s, or "".
func phraseAt(l string, s, e int) reason {
	for _, k := range phraseIndex[l[s:e]] {
		if strings.HasPrefix(l[s:], containsRules[k].phrase) {
			return containsRules[k].why
		}
	}
	return ""
}

// wordByteMask marks, with the high bit of each byte, the bytes of x that
// wordBytes accepts: a-z, 0-9, '-' and '\”.
func wordByteMask(x uint64) uint64 {
	a := x & swar.Low // each byte below 0x80, as InRange needs
	m := swar.InRange(a, 'a', 'z') | swar.InRange(a, '0', '9') | swar.Equal(a, '-') | swar.Equal(a, '\'')
	return m & ^x & swar.High
}
