package quantity

// qualifierPhrase is a hedge or bound written before a figure.
type qualifierPhrase struct {
	words []string
	kind  Qualifier
}

// before are the qualifiers written before a figure, longest first so
// that "just over" wins over "over".
var before = []qualifierPhrase{
	{[]string{"at", "the", "very", "least"}, AtLeast},
	{[]string{"slightly", "more", "than"}, JustOver},
	{[]string{"a", "little", "more", "than"}, JustOver},
	{[]string{"a", "little", "over"}, JustOver},
	{[]string{"slightly", "less", "than"}, Nearly},
	{[]string{"slightly", "fewer", "than"}, Nearly},
	{[]string{"a", "little", "under"}, Nearly},
	{[]string{"just", "shy", "of"}, Nearly},
	{[]string{"no", "fewer", "than"}, AtLeast},
	{[]string{"no", "less", "than"}, AtLeast},
	{[]string{"not", "less", "than"}, AtLeast},
	{[]string{"not", "fewer", "than"}, AtLeast},
	{[]string{"a", "minimum", "of"}, AtLeast},
	{[]string{"no", "more", "than"}, AtMost},
	{[]string{"not", "more", "than"}, AtMost},
	{[]string{"a", "maximum", "of"}, AtMost},
	{[]string{"as", "many", "as"}, AtMost},
	{[]string{"as", "much", "as"}, AtMost},
	{[]string{"as", "few", "as"}, AtLeast},
	{[]string{"in", "excess", "of"}, MoreThan},
	{[]string{"upwards", "of"}, AtLeast},
	{[]string{"upward", "of"}, AtLeast},
	{[]string{"just", "over"}, JustOver},
	{[]string{"just", "above"}, JustOver},
	{[]string{"just", "under"}, Nearly},
	{[]string{"just", "below"}, Nearly},
	{[]string{"not", "quite"}, Nearly},
	{[]string{"well", "over"}, MoreThan},
	{[]string{"well", "above"}, MoreThan},
	{[]string{"at", "least"}, AtLeast},
	{[]string{"more", "than"}, MoreThan},
	{[]string{"up", "to"}, AtMost},
	{[]string{"at", "most"}, AtMost},
	{[]string{"less", "than"}, LessThan},
	{[]string{"fewer", "than"}, LessThan},
	{[]string{"close", "to"}, About},
	{[]string{"an", "estimated"}, About},
	{[]string{"over"}, MoreThan},
	{[]string{"above"}, MoreThan},
	{[]string{"exceeding"}, MoreThan},
	{[]string{"under"}, LessThan},
	{[]string{"below"}, LessThan},
	{[]string{"about"}, About},
	{[]string{"around"}, About},
	{[]string{"approximately"}, About},
	{[]string{"approx"}, About},
	{[]string{"roughly"}, About},
	{[]string{"some"}, About},
	{[]string{"estimated"}, About},
	{[]string{"circa"}, About},
	{[]string{"nearly"}, Nearly},
	{[]string{"almost"}, Nearly},
	{[]string{"exactly"}, Exact},
	{[]string{"precisely"}, Exact},
}

// after are the qualifiers written after a figure: "50 or more".
var after = []qualifierPhrase{
	{[]string{"or", "more"}, AtLeast},
	{[]string{"or", "so"}, About},
	{[]string{"or", "fewer"}, AtMost},
	{[]string{"or", "less"}, AtMost},
	{[]string{"plus"}, AtLeast},
	{[]string{"odd"}, About},
}

// risingVerbs before "up to" make it "reached", not a bound: "the toll
// went up to 27".
var risingVerbs = map[string]bool{"went": true, "gone": true, "rose": true, "risen": true, "climbed": true, "jumped": true, "shot": true, "go": true, "goes": true}

// qualifierBefore finds the qualifier that ends just before token i and
// returns it with the index of its first token; ok is false when none.
func qualifierBefore(toks []token, i int) (kind Qualifier, first int, ok bool) {
	for _, q := range before {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		match := true
		for k, w := range q.words {
			t := toks[i-n+k]
			if t.kind != tkWord || t.low != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if q.kind == AtMost && q.words[0] == "up" && i-n-1 >= 0 && risingVerbs[toks[i-n-1].low] {
			return Exact, i, false
		}
		return q.kind, i - n, true
	}
	return Exact, i, false
}

// qualifierAfter finds a qualifier that starts at token i ("or more")
// and returns it with the index just past it.
func qualifierAfter(toks []token, i int) (kind Qualifier, next int, ok bool) {
	for _, q := range after {
		n := len(q.words)
		if i+n > len(toks) {
			continue
		}
		match := true
		for k, w := range q.words {
			t := toks[i+k]
			if t.kind != tkWord || t.low != w {
				match = false
				break
			}
		}
		if match {
			return q.kind, i + n, true
		}
	}
	return Exact, i, false
}
