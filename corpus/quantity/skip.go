package quantity

// notACount reports numbers that name or date something rather than
// count it: dates ("May 24"), clock times ("10 a.m."), identifiers
// ("Route 9", "Flight 370", "Group of Seven"), ages ("aged 27", "Tolk,
// 54,"), phone numbers, ratios ("one in five") and the pronoun "one".
func notACount(text string, toks []token, n numeral) bool {
	prev, next := tokenAt(toks, n.first-1), tokenAt(toks, n.next)
	switch {
	case isDate(toks, n, prev, next):
		return true
	case isClock(toks, n.next):
		return true
	case isIdentifier(toks, n, prev):
		return true
	case isAge(toks, n, prev, next):
		return true
	case isPhone(text, toks, n, prev, next):
		return true
	case isRatio(text, toks, n, prev, next):
		return true
	case n.spelled && isPronounOne(toks, n, prev, next):
		return true
	}
	return false
}

// tokenAt returns toks[i], or a blank token out of range.
func tokenAt(toks []token, i int) token {
	if i < 0 || i >= len(toks) {
		return token{kind: tkPunct}
	}
	return toks[i]
}

func isDate(toks []token, n numeral, prev, next token) bool {
	if n.spelled || n.v > 31 && (n.v < 1800 || n.v > 2100) {
		return false
	}
	if months[prev.low] && prev.kind == tkWord {
		return true
	}
	if months[next.low] && next.kind == tkWord {
		// "24 May", but not "27 may have died": a month is capitalised.
		return next.upper
	}
	// "May 24, 2021": a year after a day and a comma.
	if prev.low == "," && n.first >= 3 && months[toks[n.first-3].low] {
		return true
	}
	return false
}

func isClock(toks []token, i int) bool {
	t := tokenAt(toks, i)
	if t.kind == tkWord && timeMarks[t.low] {
		return true
	}
	// "10 a.m.", "9 p.m."
	if (t.low == "a" || t.low == "p") && i+2 < len(toks) && toks[i+1].low == "." && toks[i+2].low == "m" {
		return true
	}
	return false
}

func isIdentifier(toks []token, n numeral, prev token) bool {
	if n.spelled {
		// "the Group of Seven", "the Big Four": a capitalised number
		// word inside a sentence is part of a name.
		return toks[n.first].upper && !sentenceStart(toks, n.first)
	}
	switch {
	case prev.kind == tkPunct:
		return prev.low == "#" || prev.low == "+"
	case prev.kind == tkNum:
		return false
	case idNouns[prev.low]:
		return true
	case prev.upper && !capitalsBefore[prev.low] && !months[prev.low]:
		// "Resolution 2334", "Kessara 24" – unless the word is a
		// qualifier or a determiner opening the sentence.
		_, _, q := qualifierBefore(toks, n.first)
		_, verb := verbsBefore[prev.low]
		return !q && !verb
	}
	return false
}

func isAge(toks []token, n numeral, prev, next token) bool {
	if prev.kind == tkWord && (prev.low == "aged" || prev.low == "age" || prev.low == "ages") {
		return true
	}
	if n.spelled || n.v >= 130 || n.v != float64(int(n.v)) {
		return false
	}
	// "Maren Tolk, 54, said" and "Tolk (54)".
	if prev.low == "," && (next.low == "," || next.low == ".") && n.first >= 2 {
		before := toks[n.first-2]
		return before.kind == tkWord && before.upper
	}
	return prev.low == "(" && next.low == ")"
}

func isPhone(text string, toks []token, n numeral, prev, next token) bool {
	if n.spelled {
		return false
	}
	if t := toks[n.first]; t.end-t.start > 1 && text[t.start] == '0' && (t.end-t.start < 2 || text[t.start+1] != '.') {
		return true // "0134": a leading zero
	}
	if next.kind == tkNum && onlySpaces(text[n.end:next.start]) {
		return true
	}
	return prev.kind == tkNum && onlySpaces(text[prev.end:toks[n.first].start])
}

func isRatio(text string, toks []token, n numeral, prev, next token) bool {
	if next.low == "in" && n.next+1 < len(toks) {
		if _, ok := numeralAt(text, toks, n.next+1); ok {
			return true
		}
	}
	if prev.low == "in" && n.first >= 2 {
		if m, ok := numeralAt(text, toks, n.first-2); ok && m.next == n.first-1 {
			return true
		}
	}
	return false
}

// isPronounOne tells "one of the victims", "no one" and "at one point"
// from "one person".
func isPronounOne(toks []token, n numeral, prev, next token) bool {
	if n.v != 1 || n.next-n.first != 1 || toks[n.first].low != "one" {
		return false
	}
	if pronounOne[prev.low] {
		return true
	}
	return next.kind != tkWord || npStop[next.low] || next.low == "another"
}
