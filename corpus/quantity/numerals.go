package quantity

import (
	"strconv"
	"strings"
)

// numeral is a number as written, before its qualifier and what it
// counts are known.
type numeral struct {
	v, v2       float64
	qual        Qualifier // Exact, or About ("a dozen"), Vague, Range, AtLeast ("50-plus")
	first, next int       // tokens [first, next)
	end         int       // byte end
	unit        string    // from a unit suffix: "km" in "12km", "day" in "three-day"
	class       Class     // the class of that unit
	skip        bool      // not a count: an age, a date, a time, an identifier, a score
	spelled     bool      // written in words
	separated   bool      // digits with a thousands separator or a decimal point
	strong      bool      // "3,500-strong"
	mult        float64   // the multiplier that followed ("1.2 million"), 0 for none
}

// numeralAt reads the number that starts at token i, if any.
func numeralAt(s string, toks []token, i int) (numeral, bool) {
	t := toks[i]
	switch t.kind {
	case tkNum:
		return digitsAt(toks, i)
	case tkWord:
		if n, ok := vagueAt(toks, i); ok {
			return n, true
		}
		return spelledAt(s, toks, i)
	}
	return numeral{}, false
}

// digitsAt reads "27", "20,000", "3.5", "4bn", "12km", "20-30",
// "27-year-old" and "1.2 million".
func digitsAt(toks []token, i int) (numeral, bool) {
	t := toks[i]
	n := numeral{first: i, next: i + 1, end: t.end}
	if strings.ContainsAny(t.low, ":/") {
		n.skip = true // a time or a date: "10:30", "12/29"
		return n, true
	}
	v, rest, sep := leadingNumber(t.low)
	n.v, n.separated = v, sep
	switch {
	case rest == "":
	case rest[0] == '-':
		applyTail(&n, rest[1:])
	default:
		applySuffix(&n, toks, i, rest)
	}
	if !n.skip {
		applyScaleWord(&n, toks)
	}
	return n, true
}

// leadingNumber parses the digits, separators and decimal point at the
// start of w and returns what follows them.
func leadingNumber(w string) (v float64, rest string, separated bool) {
	j := 0
	for j < len(w) && (isDigit(w[j]) || (w[j] == ',' || w[j] == '.') && j+1 < len(w) && isDigit(w[j+1])) {
		if w[j] == ',' || w[j] == '.' {
			separated = true
		}
		j++
	}
	num := w[:j]
	if strings.IndexByte(num, ',') >= 0 {
		num = strings.ReplaceAll(num, ",", "")
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, "", false
	}
	return v, w[j:], separated
}

// applySuffix handles letters written against digits: "4bn", "12km",
// "$10m"; ordinals ("3rd"), decades ("1990s") and clock times ("9pm")
// are not counts.
func applySuffix(n *numeral, toks []token, i int, rest string) {
	if m, ok := suffixScales[rest]; ok {
		n.v *= m
		n.mult = m
		return
	}
	if rest == "m" && i > 0 && currencySigns[toks[i-1].low] != "" {
		n.v *= 1e6
		n.mult = 1e6
		return
	}
	if u, ok := units[rest]; ok {
		n.unit, n.class = u.unit, u.class
		return
	}
	n.skip = true
}

// applyTail handles what a hyphen joins to a number: a range ("20-30"),
// an age ("27-year-old"), "3,500-strong", "50-odd", "50-plus", a unit
// adjective ("three-day", "10-km") or anything else (not a count).
func applyTail(n *numeral, tail string) {
	if tail == "" {
		n.skip = true
		return
	}
	if isDigit(tail[0]) {
		v2, rest, _ := leadingNumber(tail)
		if rest != "" || tail[0] == '0' || v2 <= n.v {
			n.skip = true // a score ("3-1"), a phone number, a code
			return
		}
		n.v2, n.qual = v2, Range
		return
	}
	switch {
	case strings.HasPrefix(tail, "year") || strings.HasPrefix(tail, "month-old") ||
		strings.HasPrefix(tail, "week-old") || strings.HasPrefix(tail, "day-old"):
		n.skip = true // an age
	case tail == "strong":
		n.strong = true
	case tail == "odd":
		n.qual = About
	case tail == "plus":
		n.qual = AtLeast
	default:
		if u, ok := units[tail]; ok && u.class != Percent {
			n.unit, n.class = u.unit, u.class
			return
		}
		n.skip = true // "two-thirds", "five-storey", "F-15"-like compounds
	}
}

// applyScaleWord multiplies by a scale word that follows: "1.2 million".
func applyScaleWord(n *numeral, toks []token) {
	if n.next >= len(toks) || n.qual == Range && n.v2 == 0 {
		return
	}
	t := toks[n.next]
	if t.kind != tkWord {
		return
	}
	m, ok := scales[t.low]
	if !ok {
		m, ok = suffixScales[t.low]
	}
	if !ok {
		return
	}
	n.v *= m
	if n.v2 != 0 {
		n.v2 *= m
	}
	n.mult = m
	n.end = t.end
	n.next++
}

// vagueAt reads "dozens", "hundreds", "tens of thousands", "hundreds of
// thousands", "several hundred", "a few thousand".
func vagueAt(toks []token, i int) (numeral, bool) {
	w := toks[i].low
	if (w == "tens" || w == "hundreds") && i+2 < len(toks) && toks[i+1].low == "of" {
		if base, ok := scales[strings.TrimSuffix(toks[i+2].low, "s")]; ok && strings.HasSuffix(toks[i+2].low, "s") && base >= 1e3 {
			lo := 20 * base
			if w == "hundreds" {
				lo = 200 * base
			}
			return numeral{v: lo, v2: lo*5 - 1, qual: Vague, first: i, next: i + 3, end: toks[i+2].end, spelled: true}, true
		}
	}
	if band, ok := vagueWords[w]; ok {
		return numeral{v: band[0], v2: band[1], qual: Vague, first: i, next: i + 1, end: toks[i].end, spelled: true}, true
	}
	k := i + 1
	lo, hi := 0.0, 0.0
	switch {
	case w == "several":
		lo, hi = 3, 10
	case w == "a" && k < len(toks) && toks[k].low == "few":
		lo, hi = 2, 6
		k++
	default:
		return numeral{}, false
	}
	if k >= len(toks) {
		return numeral{}, false
	}
	base, ok := scales[toks[k].low]
	if toks[k].low == "dozen" {
		base, ok = 12, true
	}
	if !ok {
		return numeral{}, false
	}
	return numeral{v: lo * base, v2: hi*base - 1, qual: Vague, first: i, next: k + 1, end: toks[k].end, spelled: true}, true
}

// spelledAt reads a number written in words: "nine", "twenty-seven", "one
// hundred and five", "two thousand", "a dozen", "three-day".
func spelledAt(s string, toks []token, i int) (numeral, bool) {
	n := numeral{first: i, spelled: true}
	k := i
	if w := toks[i].low; (w == "a" || w == "an") && i+1 < len(toks) && (toks[i+1].low == "dozen" || scales[toks[i+1].low] > 0) {
		n.qual = About
		k++
	}
	var acc spelling
	for k < len(toks) && toks[k].kind == tkWord {
		if k > n.first && !onlySpaces(s[toks[k-1].end:toks[k].start]) {
			break
		}
		w := toks[k].low
		if w == "and" && acc.words > 0 && acc.afterScale && k+1 < len(toks) && cardinals[toks[k+1].low] > 0 {
			k++
			continue
		}
		consumed, tail := acc.addToken(w)
		if consumed == 0 {
			break
		}
		n.end = toks[k].end
		k++
		if tail != "" {
			applyTail(&n, tail)
			break
		}
	}
	if acc.words == 0 {
		return numeral{}, false
	}
	if acc.dozen && n.qual == Exact {
		n.qual = About
	}
	n.v = acc.value()
	if n.qual == Range {
		n.qual = Exact // "twenty-30" is no range; keep the first value
		n.v2 = 0
	}
	n.next = k
	return n, true
}

func onlySpaces(gap string) bool {
	for i := 0; i < len(gap); i++ {
		if gap[i] != ' ' && gap[i] != '\t' && gap[i] != '\n' {
			return false
		}
	}
	return true
}

// spelling accumulates number words: total holds what the thousands and
// millions closed, cur the part below them.
type spelling struct {
	total, cur float64
	words      int
	afterScale bool
	dozen      bool
}

func (a *spelling) value() float64 { return a.total + a.cur }

// addToken adds the parts of one (possibly hyphenated) word; it returns
// how many parts were numbers and the rest ("day" in "three-day").
func (a *spelling) addToken(w string) (consumed int, tail string) {
	rest := w
	for rest != "" {
		part, after, found := strings.Cut(rest, "-")
		if !a.add(part) {
			if consumed == 0 {
				return 0, ""
			}
			return consumed, rest
		}
		consumed++
		if !found {
			return consumed, ""
		}
		rest = after
	}
	return consumed, ""
}

// add adds one number word, or reports false when w is none or cannot
// follow what came before ("five six").
func (a *spelling) add(w string) bool {
	if v, ok := cardinals[w]; ok {
		below := a.cur - 100*float64(int(a.cur/100))
		if below != 0 && (v >= 10 || below < 20 || below != float64(int(below/10))*10) {
			return false
		}
		a.cur += v
		a.words++
		a.afterScale = false
		return true
	}
	if w == "dozen" {
		if a.cur == 0 {
			a.cur = 1
		}
		a.cur *= 12
		a.words++
		a.dozen = true
		return true
	}
	m, ok := scales[w]
	if !ok {
		return false
	}
	if a.cur == 0 {
		if a.words > 0 && a.total == 0 {
			return false
		}
		a.cur = 1
	}
	if m == 100 {
		if a.cur >= 100 {
			return false
		}
		a.cur *= 100
	} else {
		a.total += a.cur * m
		a.cur = 0
	}
	a.words++
	a.afterScale = true
	return true
}
