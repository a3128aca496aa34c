package quantity

import "strings"

// classify finds what a count counts and the noun it counts. first is the
// figure's first token (its qualifier or currency sign). In order: a verb
// whose object it is ("killing 27"), a tally it is the value of ("the
// death toll rose to 27", "a crowd of 10,000"), a verb or predicate after
// it ("27 people were killed"), its noun ("15,000 protesters"), and last
// the figure it is a part of ("…, including 12 children").
func classify(text string, toks []token, first int, n numeral, prev []Quantity) (class Class, noun string, part bool) {
	nounAt := nounStart(toks, n)
	noun = headNoun(text, toks, nounAt)
	part = isPart(toks, first)
	if c, ok := verbBefore(toks, first); ok {
		return c, noun, part
	}
	if c, ok := tallyBefore(toks, first, false); ok {
		return c, noun, part
	}
	if c, ok := predicateAfter(text, toks, nounAt); ok {
		return c, noun, part
	}
	if c, ok := tallyBefore(toks, first, true); ok {
		return c, noun, part
	}
	if t := tokenAt(toks, nounAt); attributive[t.low] && isPluralNoun(tokenAt(toks, nounAt+1).low) {
		return strong[t.low], noun, part // "about 5,000 displaced people"
	}
	if c, ok := weak[strings.ToLower(noun)]; ok {
		return c, noun, part
	}
	if part && len(prev) > 0 {
		last := prev[len(prev)-1]
		if !strings.ContainsAny(text[last.End:toks[first].start], ".!?") {
			return last.Class, noun, part
		}
	}
	if c, ok := joinedTo(text, toks, first, prev); ok {
		return c, noun, part
	}
	return Other, noun, part
}

// joinedTo returns the class of the figure this one is joined to by "and"
// or "or" in one clause: "killed 15 fighters and three civilians".
func joinedTo(text string, toks []token, first int, prev []Quantity) (Class, bool) {
	if first == 0 || len(prev) == 0 || toks[first-1].low != "and" && toks[first-1].low != "or" {
		return Other, false
	}
	last := prev[len(prev)-1]
	between := text[last.End:toks[first-1].start]
	if last.Class == Other || strings.ContainsAny(between, ",;.!?") || len(strings.Fields(between)) > 2 {
		return Other, false
	}
	return last.Class, true
}

// nounStart is where the counted noun phrase begins: after the numeral,
// past "of" and "of the" ("dozens of people", "two of the victims").
func nounStart(toks []token, n numeral) int {
	k := n.next
	if k < len(toks) && toks[k].low == "of" {
		k++
		if k < len(toks) && (toks[k].low == "the" || toks[k].low == "them" || toks[k].low == "whom") {
			k++
		}
	}
	return k
}

// verbBefore reads the verb whose object the figure is: "killing 27",
// "evacuated about 3,500 people", or an event noun with "of": "the arrest
// of 40".
func verbBefore(toks []token, first int) (Class, bool) {
	k := first - 1
	if k < 0 || toks[k].kind != tkWord {
		return Other, false
	}
	if c, ok := verbsBefore[toks[k].low]; ok {
		if k > 1 && (toks[k-1].low == "and" || toks[k-1].low == "or") && together(c, verbsBefore[toks[k-2].low]) {
			return Casualties, true // "killed and wounded 40"
		}
		return c, true
	}
	if toks[k].low == "of" && k > 0 {
		if c, ok := nounsOf[toks[k-1].low]; ok {
			if c == Killed && toks[k-1].low == "toll" && k > 1 && isInjuryWord(toks[k-2].low) {
				return Injured, true
			}
			return c, true
		}
	}
	return Other, false
}

func isInjuryWord(w string) bool { return w == "injury" || w == "injuries" || w == "casualty" }

// tallyBefore walks back over a tally's filler ("the death toll has
// climbed to", "a crowd estimated at", "the number of dead rose to") and
// returns the class of the tally it meets. wide lets it pass over any word
// of the clause ("the death toll from the fire rose to 27").
func tallyBefore(toks []token, first int, wide bool) (Class, bool) {
	limit := 8
	if wide {
		limit = 16
	}
	for k, steps := first-1, 0; k >= 0 && steps < limit; k, steps = k-1, steps+1 {
		t := toks[k]
		if t.kind == tkNum && k > 0 && toks[k-1].low == "from" {
			continue // the earlier value of a change: "rose from 12 to 27"
		}
		if t.kind != tkWord {
			return Other, false
		}
		if t.low == "toll" {
			if k > 0 && isInjuryWord(toks[k-1].low) {
				return Injured, true
			}
			return Killed, true
		}
		if c, ok := strong[t.low]; ok {
			// "the number of dead rose to 14"; but in a wide walk any
			// other verb belongs to another clause ("released nine
			// captives and kept two").
			return c, !wide || k > 0 && toks[k-1].low == "of"
		}
		if wide && (cardinals[t.low] > 0 || verbsBefore[t.low] != Other) {
			return Other, false
		}
		if c, ok := nounsOf[t.low]; ok && c == Crowd {
			return c, true
		}
		if !tallyFill[t.low] && (!wide || clauseEnd[t.low]) {
			return Other, false
		}
	}
	return Other, false
}

// predicateAfter reads forward from the counted noun to the verb or
// predicate that says what happened to what is counted: "27 people were
// killed", "2,000 residents fled", "27 dead", "12 lost their lives". It
// stops at the end of the clause, at another figure and at a credit
// ("…, officials said"), and passes over an inserted part ("27 people,
// including 12 children, were killed").
func predicateAfter(text string, toks []token, k int) (Class, bool) {
	event := Other
	for steps := 0; k < len(toks) && steps < 16; k, steps = k+1, steps+1 {
		t := toks[k]
		if t.isBreak() {
			break
		}
		if t.kind == tkPunct {
			if t.low == "," && k+1 < len(toks) && (partMarkers[toks[k+1].low] || isArticle(toks[k+1].low)) {
				k = skipInsert(toks, k+1)
			}
			continue
		}
		if c, ok := phraseAt(toks, k); ok {
			return c, true
		}
		if c, ok := strong[t.low]; ok {
			next := tokenAt(toks, k+1)
			if (next.low == "and" || next.low == "or") && together(c, strong[tokenAt(toks, k+2).low]) {
				return Casualties, true // "20,000 have been killed and wounded"
			}
			if !attributive[t.low] || next.kind != tkWord || !isPluralNoun(next.low) || strong[next.low] != Other {
				return c, true
			}
		}
		if clauseEnd[t.low] {
			break
		}
		if c, ok := nounsOf[t.low]; ok && c == Crowd && event == Other {
			event = Crowd // "took part in an unauthorised gathering"
		}
		if n, ok := numeralAt(text, toks, k); ok && (t.kind == tkNum || cardinals[t.low] > 0 || vagueWords[t.low][0] > 0) {
			// Another figure ends the search, unless it is joined to this
			// one ("15 fighters and three civilians had been killed").
			// Nor does a measure ("held for five months by …").
			_, unit := units[tokenAt(toks, n.next).low]
			if !unit && (k == 0 || toks[k-1].low != "and") {
				break
			}
			k = n.next - 1
		}
	}
	return event, event != Other
}

// together reports a killed and an injured class joined by "and" or "or":
// what is counted is the casualties of both.
func together(a, b Class) bool {
	return a == Killed && b == Injured || a == Injured && b == Killed
}

func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// skipInsert returns the index of the comma that closes an insert that
// starts at k, or the last token of the clause.
func skipInsert(toks []token, k int) int {
	for ; k < len(toks); k++ {
		if toks[k].low == "," {
			return k
		}
		if toks[k].isBreak() {
			return k - 1
		}
	}
	return k
}

// phraseAt matches the multi-word predicates at k.
func phraseAt(toks []token, k int) (Class, bool) {
	for _, p := range phrases {
		if toks[k].low != p.words[0] || k+len(p.words) > len(toks) {
			continue
		}
		match := true
		for j, w := range p.words[1:] {
			if toks[k+1+j].low != w {
				match = false
				break
			}
		}
		if match {
			return p.class, true
		}
	}
	return Other, false
}

// isPart reports a figure introduced as part of the one before:
// "including 12 children", "among them three journalists", "of whom 9".
func isPart(toks []token, first int) bool {
	k := first - 1
	if k < 0 {
		return false
	}
	w := toks[k].low
	if w == "them" || w == "whom" {
		return k > 0 && (toks[k-1].low == "among" || toks[k-1].low == "of")
	}
	return w == "including" || w == "includes" || w == "include" || w == "mostly"
}

// headNoun returns the counted noun that starts at k, as written: the
// last plural noun of the phrase ("27 Kessaran soldiers" → "soldiers",
// "50 other people" → "people"), else its first word that is no verb
// form ("one person").
func headNoun(text string, toks []token, k int) string {
	head, firstWord := "", ""
	for steps := 0; k < len(toks) && steps < 4; k, steps = k+1, steps+1 {
		t := toks[k]
		if t.kind != tkWord || npStop[t.low] {
			break
		}
		if npSkip[t.low] {
			continue
		}
		if _, ok := phraseAt(toks, k); ok {
			break
		}
		if _, ok := strong[t.low]; ok {
			if next := tokenAt(toks, k+1); attributive[t.low] && next.kind == tkWord && isPluralNoun(next.low) {
				continue // "four injured passengers"
			}
			if head == "" && firstWord == "" && isPluralNoun(t.low) {
				head = text[t.start:t.end]
			}
			break
		}
		if _, ok := verbsBefore[t.low]; ok {
			break
		}
		if isPluralNoun(t.low) {
			head = text[t.start:t.end]
			continue
		}
		if firstWord == "" && !isVerbForm(t.low) {
			firstWord = text[t.start:t.end]
		}
		if head != "" {
			break
		}
	}
	if head == "" {
		head = firstWord
	}
	return head
}

func isPluralNoun(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != '\''
}

func isVerbForm(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly")
}

// shareOf names what a percentage is a share of: the noun before it,
// joined by a verb or preposition ("turnout of about 60 percent",
// "Turnout nationwide reached 62%", "inflation, which stood at 11
// percent"), else the noun after "of" ("12% of its value"), else "". A
// noun right before it with nothing between ("gave the party 38%") is the
// receiver, not what is measured.
func shareOf(text string, toks []token, first, next int) string {
	filled := false
	for k, steps := first-1, 0; k >= 0 && steps < 6; k, steps = k-1, steps+1 {
		t := toks[k]
		if t.low == "," && filled && k > 0 && toks[k-1].kind == tkWord {
			k-- // "inflation, which stood at": the noun before the comma
			t = toks[k]
		} else if t.kind != tkWord {
			break
		}
		if shareFill[t.low] {
			filled = true
			continue
		}
		if filled && !isVerbForm(t.low) && !npStop[t.low] {
			return text[t.start:t.end]
		}
		break
	}
	k := next
	for k < len(toks) && (toks[k].low == "%" || toks[k].low == "percent" || toks[k].low == "per" || toks[k].low == "cent" || toks[k].low == "pct") {
		k++ // the unit, which the figure's tokens leave out
	}
	if k < len(toks) && toks[k].low == "of" {
		k++
		for k < len(toks) && (isArticle(toks[k].low) || toks[k].low == "its" || toks[k].low == "their" || toks[k].low == "the") {
			k++
		}
		if k < len(toks) && toks[k].kind == tkWord && !npStop[toks[k].low] {
			return text[toks[k].start:toks[k].end]
		}
	}
	return ""
}
