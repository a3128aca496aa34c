package entities

import (
	"sort"
	"strings"
	"unicode"

	"github.com/pmureader/pmureader/corpus/internal/pool"
)

// corporateSuffixes may end a company's name and be left out when it is
// named again: "Castell Energy" for "Castell Energy Holdings".
var corporateSuffixes = map[string]bool{
	"holdings": true, "company": true, "group": true, "inc": true, "ltd": true, "corporation": true,
	"corp": true, "co": true, "plc": true, "llc": true,
}

// joinShortForms joins a short form to the one longer name it stands for:
// an acronym ("KWU" for "Kessara Workers' Union", "CENTCOM" for "US Central
// Command", "CE Holdings" for "Castell Energy Holdings") or the name
// without its leading word or trailing company word ("Central Command",
// "Castell Energy"). When two longer names fit, the short form stays apart:
// nothing says which it is. Which long names a short form could stand for
// depends on the names alone, so it is found on w goroutines; the joins
// are then made in order.
func (r *Resolver) joinShortForms(w int) {
	var long []string
	for k := range r.parent {
		if !strings.HasPrefix(k, aliasKeyPrefix) && strings.Contains(k, " ") {
			long = append(long, k)
		}
	}
	sort.Strings(long)
	longWords := make([][]string, len(long)) // split once: every short form is tried on every long name
	leads := make([]leads, len(long))
	for i, l := range long {
		longWords[i] = strings.Fields(l)
		leads[i] = leadsOf(longWords[i])
	}
	shorts := make([]string, 0, len(r.parent))
	for k := range r.parent {
		if !strings.HasPrefix(k, aliasKeyPrefix) {
			shorts = append(shorts, k)
		}
	}
	// Longer short forms first: once "Central Command" is one with "US
	// Central Command", "CENTCOM" fits one entity, not two.
	sort.Slice(shorts, func(a, b int) bool {
		na, nb := strings.Count(shorts[a], " "), strings.Count(shorts[b], " ")
		if na != nb {
			return na > nb
		}
		return shorts[a] < shorts[b]
	})
	fits := make([][]int32, len(shorts)) // the long names each short form fits
	pool.ForEach(len(shorts), pool.Workers(w, len(shorts)), func(_, x int) {
		s := shorts[x]
		words := strings.Fields(s)
		caps := r.capsWords(s, len(words))
		if len(words) == 1 && !caps[0] {
			return // a lone ordinary word ("Terrin", "Castell") may name many things
		}
		for i, l := range long {
			if l != s && (len(words) == 0 || leads[i].mayLead(words[0])) && r.standsFor(words, caps, longWords[i]) {
				fits[x] = append(fits[x], int32(i))
			}
		}
	})
	for x, s := range shorts {
		target := ""
		for _, i := range fits[x] {
			if root := r.find(long[i]); target == "" || target == root {
				target = root
			} else {
				target = "\x00" // two entities fit
				break
			}
		}
		if target != "" && target != "\x00" {
			r.union(target, s)
		}
	}
}

// leads is what the first word of a short form must match for the form to
// stand for a long name (standsFor), which it covers from the name's
// first or second word: each of those words' first letter and first
// skeleton consonant (0 for no such word). Checking it first spares most
// pairs of names the full check, which finds the same.
type leads struct {
	letter, skeleton [2]byte
}

// leadsOf is the leads of a long name's words.
func leadsOf(words []string) leads {
	var l leads
	for k := 0; k < 2 && k < len(words); k++ {
		l.letter[k] = words[k][0]
		l.skeleton[k], _, _ = nextSkeletonByte(words[k], 0, 0)
	}
	return l
}

// mayLead reports whether a short form's first word w can begin to cover
// the long name from its first or second word, as coverWords covers: the
// word itself (the same first letter), a fuzzy spelling of it (fuzzyWord:
// the same skeleton, of three consonants or more, so the same first
// consonant; only for words of four letters or more), or an acronym of it
// and the words after (acronymOf: the same first letter). When it cannot,
// standsFor is false.
func (l leads) mayLead(w string) bool {
	sk := byte(0)
	if len(w) > 3 {
		sk, _, _ = nextSkeletonByte(w, 0, 0)
	}
	for k := range 2 {
		if l.letter[k] == 0 {
			continue
		}
		if w[0] == l.letter[k] || sk != 0 && sk == l.skeleton[k] {
			return true
		}
	}
	return false
}

// standsFor reports whether the short name (words, with which are written
// in capitals) stands for the long one, which has more words: each short
// word is the long word in its place (or a fuzzy spelling of it), or,
// written in capitals, the initials or first letters of several long words
// in a row; the long name may have one more word before ("US",
// "Lindmark") and company words after. An acronym alone must stand for an
// organisation: three or more words, or a name ending in an organisation's
// word.
func (r *Resolver) standsFor(short []string, caps []bool, long []string) bool {
	if len(short) >= len(long) {
		return false
	}
	if len(short) == 1 && len(long) < 3 && !orgHeads[long[len(long)-1]] {
		return false
	}
	for _, v := range [][]string{long, long[1:]} {
		for {
			if coverWords(short, caps, v) {
				return true
			}
			if len(v) < 2 || !corporateSuffixes[v[len(v)-1]] {
				break
			}
			v = v[:len(v)-1]
		}
	}
	return false
}

// coverWords reports whether the short words cover the long words exactly,
// in order: a short word is the long word in its place (or a fuzzy
// spelling of it), or, written in capitals, the first letters of two or
// more long words in a row.
func coverWords(short []string, caps []bool, long []string) bool {
	if len(short) == 0 {
		return len(long) == 0
	}
	if len(long) == 0 {
		return false
	}
	if (short[0] == long[0] || len(short[0]) > 3 && fuzzyWord(short[0], long[0])) && coverWords(short[1:], caps[1:], long[1:]) {
		return true
	}
	if !caps[0] || len(short[0]) < 2 {
		return false
	}
	for n := 2; n <= len(long); n++ {
		if acronymOf(short[0], long[:n]) && coverWords(short[1:], caps[1:], long[n:]) {
			return true
		}
	}
	return false
}

// acronymOf reports whether a is made of a non-empty prefix of each word in
// turn: "kwu" of "kessara workers union", "centcom" of "central command".
// ok[i] says whether a[i:] is made of the words from the current one on,
// filled from the last word back: time len(a) × the words' letters.
func acronymOf(a string, words []string) bool {
	if len(a) < len(words) || len(a) > 16 {
		return false
	}
	next := make([]bool, len(a)+1) // for the words after the current one
	next[len(a)] = true
	cur := make([]bool, len(a)+1)
	for j := len(words) - 1; j >= 0; j-- {
		w := words[j]
		clear(cur)
		for i := 0; i < len(a); i++ {
			for p := 1; p <= len(w) && i+p <= len(a) && a[i+p-1] == w[p-1]; p++ {
				if next[i+p] {
					cur[i] = true
					break
				}
			}
		}
		next, cur = cur, next
	}
	return next[0]
}

// capsWords says which words of a name key were written in capitals in its
// most common spelling ("CE Holdings" → true, false); all false when the
// spelling does not split into as many words.
func (r *Resolver) capsWords(key string, n int) []bool {
	out := make([]bool, n)
	best, bn := "", 0
	for s, c := range r.surface[key] {
		if c > bn || c == bn && s < best {
			best, bn = s, c
		}
	}
	words := strings.FieldsFunc(best, func(c rune) bool { return c == ' ' || c == '-' || c == '‐' || c == '‑' })
	if len(words) != n {
		return out
	}
	for i, w := range words {
		out[i] = isAllCaps(w)
	}
	return out
}

// isAllCaps reports a word of two or more letters, all upper case: "KWU",
// "CENTCOM"; "U.S." counts.
func isAllCaps(w string) bool {
	letters := 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
