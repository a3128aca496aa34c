package quantity

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Parse returns the figures in text, in order of appearance. Things that
// are numbers but not counts (years, dates, clock times, ages, ordinals,
// identifiers, phone numbers, scores) are left out.
func Parse(text string) []Quantity {
	var p Parser
	return p.Parse(text)
}

// Parser reads figures, reusing its buffers from one call to the next;
// the zero value is ready to use. A Parser is not safe for concurrent use.
type Parser struct {
	toks []token
}

// Parse is the package Parse, with the Parser's buffers.
func (p *Parser) Parse(text string) []Quantity {
	p.toks = tokenize(text, p.toks[:0])
	toks := p.toks
	var out []Quantity
	for i := 0; i < len(toks); {
		n, ok := numeralAt(text, toks, i)
		if !ok {
			i++
			continue
		}
		q, next, keep := figure(text, toks, n, out)
		if keep {
			out = append(out, q)
		}
		i = max(next, i+1)
	}
	return out
}

// figure completes a numeral into a Quantity: its range, qualifier,
// currency or unit, and what it counts. keep is false for numbers that
// count nothing; next is the token to go on from.
func figure(text string, toks []token, n numeral, prev []Quantity) (q Quantity, next int, keep bool) {
	if !n.skip && n.qual == Exact {
		var earlier bool
		n, earlier = joinRange(text, toks, n)
		if earlier {
			return q, n.next, false
		}
	}
	if n.skip || notACount(text, toks, n) {
		return q, n.next, false
	}
	start, end := toks[n.first].start, n.end
	first := n.first
	q.Unit, first = currencyBefore(toks, first)
	qual := n.qual
	if qual == Exact || qual == About && n.spelled {
		if k, at, ok := qualifierBefore(toks, first); ok {
			qual, first = k, at
		}
	}
	if qual == Range && first > 0 && toks[first-1].low == "between" {
		first--
	}
	if first < n.first {
		start = toks[first].start
	}
	next = n.next
	if qual == Exact {
		if k, after, ok := qualifierAfter(toks, next); ok {
			qual, end, next = k, toks[after-1].end, after
			n.next = after
		}
	}
	class, unit := Other, n.unit
	if unit != "" {
		class = n.class
	}
	if q.Unit != "" {
		class = Money
	} else if c, u, e, ok := unitAfter(toks, next); ok {
		class, q.Unit = c, u
		if e > 0 {
			end = e
		}
	} else if unit != "" {
		q.Unit = unit
	}
	if isYear(toks, n, qual, q.Unit) || qual == Range && isYearRange(toks, n, q.Unit) {
		return q, next, false
	}
	q.Text, q.Start, q.End = text[start:end], start, end
	q.Value, q.Value2, q.Qualifier = n.v, n.v2, qual
	q.Interval = interval(qual, n.v, n.v2, class < Money || class > Weight)
	if q.Interval.Empty() {
		return q, next, false // "under 0", "nearly 0": no value fits
	}
	switch class {
	case Other:
		class, q.Noun, q.Part = classify(text, toks, first, n, prev)
	case Percent:
		q.Noun = shareOf(text, toks, first, next)
	}
	q.Class = class
	if q.Noun != "" {
		q.NounKey = singular(textnorm.Key(q.Noun))
	}
	return q, next, true
}

// joinRange extends n over "between 20 and 30", "20 to 30", "two or
// three" and "20 - 30". earlier is set for the first value of a change
// ("rose from 12 to 27", "up from 12"), which states no current figure.
func joinRange(text string, toks []token, n numeral) (out numeral, earlier bool) {
	if n.first > 0 {
		p := toks[n.first-1].low
		if p == "from" && n.first > 1 && (toks[n.first-2].low == "up" || toks[n.first-2].low == "down") {
			return n, true
		}
	}
	j := n.next
	if j+1 >= len(toks) {
		return n, false
	}
	sep := toks[j].low
	between := n.first > 0 && toks[n.first-1].low == "between"
	if sep != "to" && sep != "or" && sep != "-" && (sep != "and" || !between) {
		return n, false
	}
	m, ok := numeralAt(text, toks, j+1)
	if !ok || m.skip || m.qual != Exact {
		return n, false
	}
	lo := n.v
	if m.mult != 0 && n.mult == 0 && lo*m.mult <= m.v {
		lo *= m.mult
	}
	if m.v <= lo {
		return n, false
	}
	if sep == "to" && n.first > 0 && toks[n.first-1].low == "from" {
		return n, true
	}
	n.v, n.v2, n.qual = lo, m.v, Range
	n.next, n.end = m.next, m.end
	if n.unit == "" {
		n.unit, n.class = m.unit, m.class
	}
	return n, false
}

// currencyBefore finds a currency sign before token i ("$4 billion", "US$
// 12 million") and returns its code and the index of its first token.
func currencyBefore(toks []token, i int) (string, int) {
	if i == 0 {
		return "", i
	}
	code, ok := currencySigns[toks[i-1].low]
	if !ok {
		return "", i
	}
	i--
	if i > 0 && toks[i-1].kind == tkWord && (toks[i-1].low == "us" || toks[i-1].low == "u.s") && toks[i-1].end == toks[i].start {
		i--
	}
	return code, i
}

// unitAfter finds a currency word, a percent sign or a unit after a figure.
// end is the byte end to extend the figure's text to (the "%" sign), or 0.
func unitAfter(toks []token, i int) (class Class, unit string, end int, ok bool) {
	if i >= len(toks) {
		return Other, "", 0, false
	}
	t := toks[i]
	if t.low == "%" {
		return Percent, "%", t.end, true
	}
	if t.kind != tkWord {
		return Other, "", 0, false
	}
	if c, ok := currencyWords[t.low]; ok {
		return Money, c, 0, true
	}
	if t.low == "per" && i+1 < len(toks) && toks[i+1].low == "cent" {
		return Percent, "%", 0, true
	}
	if u, ok := units[t.low]; ok && t.low != "m" {
		return u.class, u.unit, 0, true
	}
	return Other, "", 0, false
}

// isYearRange reports "between 2021 and 2024", "2019-2021": two years.
func isYearRange(toks []token, n numeral, unit string) bool {
	if n.spelled || n.separated || n.mult != 0 || unit != "" {
		return false
	}
	years := func(v float64) bool { return v >= 1800 && v <= 2100 && v == float64(int(v)) }
	return years(n.v) && years(n.v2) && toks[n.first].end-toks[n.first].start >= 4
}

// isYear reports a bare four-digit number between 1800 and 2100 with no
// qualifier, unit or currency: "in 2019", "the 1998 flood".
func isYear(toks []token, n numeral, qual Qualifier, unit string) bool {
	if n.spelled || n.separated || n.mult != 0 || qual != Exact || unit != "" || n.v < 1800 || n.v > 2100 {
		return false
	}
	t := toks[n.first]
	return t.end-t.start == 4
}

// singular reduces a folded plural noun to its singular well enough to
// match counted nouns ("vehicles" → "vehicle", "casualties" →
// "casualty", "buses" → "bus", "bases" → "base"); a Snowball stem costs more than the rest
// of a parse.
func singular(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ouses"):
		return w[:n-1] // "houses", "spouses"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "uses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2] // "losses", "buses", "boxes", "churches"
	case n > 4 && strings.HasSuffix(w, "ses"):
		return w[:n-1] // "bases", "houses", "nurses"
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u':
		return w[:n-1]
	}
	return w
}
