package differences

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/quantity"
)

// A fact is built in three steps. Each article's figures become
// statements: one per thing counted and value, with every passage that
// states it (a headline repeating the lead is one statement). Statements of
// two articles are linked when they count the same thing and their
// passages are counterparts. Links join statements into facts, best link
// first, at most one statement per article in a fact.
//
// Two passages are counterparts when they share an alignment row or score
// at least the row threshold. The first statement an article makes of a
// count (its lead figure for the killed, the arrested, the crowd) is also
// linked to another article's first statement of that count when their
// passages score above zero: accounts of one event state their headline
// figures in words of their own ("Twenty-one men were brought out alive",
// "More than 20 were rescued") that passage similarity alone would not
// line up.
//
// Never linked: figures of articles published a month or more apart
// (different events), a figure about another time or place (a sentence
// dated in an earlier year, "last week", "elsewhere") or a rate ("30,000
// passengers a day") with one about the event, figures more than thirty
// times apart (a toll of 25 and the 20,000 of a war), and different things
// counted (fighters and civilians killed, officers and protesters hurt).

// statement is one article's figure for one thing counted.
type statement struct {
	article int
	q       quantity.Quantity
	ref     passages.Ref   // where it is stated: a body passage when there is one
	also    []passages.Ref // the article's other passages stating it
	head    bool           // stated only in the headline or standfirst
	text    string         // the passage it was read from
	sense   nounSense
	// aside marks a figure about another time or place, or a rate: not
	// the event's count.
	aside bool
	// lead marks the article's first statement of its count.
	lead bool
}

// Tuning of the links, explained above.
const (
	// sameEventSpan is how far apart two accounts' dates may be for their
	// figures to be set against each other, beyond each date's slack.
	sameEventSpan = 31 * 24 * time.Hour
	// maxRatio is how many times apart two figures of one count may be.
	maxRatio = 30.0
	// leadBonus ranks a link between two lead statements above any link
	// between passages that merely share a row.
	leadBonus = 2.0
)

// facts lists the facts two or more articles state: conflicts first, then
// compatible ones, then those all state alike; within each, in the order
// the first article states them.
func facts(in Input) []Difference {
	sts := statements(in)
	groups := joinStatements(in, sts, factLinks(in, sts))
	var out []Difference
	for _, g := range groups {
		if d, ok := factDifference(in, sts, g); ok {
			out = append(out, d)
		}
	}
	rank := map[string]int{quantity.Conflict.String(): 0, quantity.Compatible.String(): 1, quantity.Same.String(): 2}
	slices.SortStableFunc(out, func(a, b Difference) int {
		if c := cmp.Compare(rank[a.Relation], rank[b.Relation]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Items[0].Article, b.Items[0].Article); c != 0 {
			return c
		}
		return cmp.Compare(a.Items[0].Passage, b.Items[0].Passage)
	})
	return out
}

// statements reads each article's figures (copies' aside) into
// statements: body passages first, so that a headline's figure joins the
// body statement it repeats.
func statements(in Input) []statement {
	n := 0
	for _, a := range in.Articles {
		for _, ps := range a.Passages {
			n += len(ps.Figures)
		}
	}
	out := make([]statement, 0, n)
	for i, a := range in.Articles {
		if a.Copy {
			continue
		}
		now := nowYear(a)
		first := len(out)
		for _, head := range []bool{false, true} {
			for p, ps := range a.Passages {
				if isHead(ps.Kind) != head {
					continue
				}
				for _, q := range ps.Figures {
					if !countable(q) {
						continue
					}
					st := statement{article: i, q: q, ref: passages.Ref{Article: i, Passage: p}, head: head, text: ps.Text,
						sense: senseOf(q), aside: aside(ps, q, now)}
					if k := restated(out[first:], st); k >= 0 {
						out[first+k].also = append(out[first+k].also, st.ref)
						continue
					}
					out = append(out, st)
				}
			}
		}
		markLeads(out[first:])
	}
	return out
}

func isHead(k passages.Kind) bool { return k == passages.KindTitle || k == passages.KindDek }

// countable reports whether a figure says what it counts well enough to be
// set against another: a class, or for Other a noun that is not a mere
// "people"; a percentage must say what it is of, a measure its unit.
func countable(q quantity.Quantity) bool {
	switch q.Class {
	case quantity.Other:
		s := senseOf(q)
		return s.key != "" && !s.generic
	case quantity.Percent:
		return q.NounKey != ""
	case quantity.Distance, quantity.Duration, quantity.Area, quantity.Weight:
		return q.Unit != ""
	}
	return true
}

// restated returns the index among sts (one article's statements so far)
// of the statement st says again, or -1: the same count, and the same
// value and qualifier, or, for a headline, a value the statement allows
// ("Thousands evacuated" over "About 3,500 people were evacuated").
func restated(sts []statement, st statement) int {
	for k, o := range sts {
		if !sameCount(o, st) || o.aside != st.aside || o.q.Part != st.q.Part {
			continue
		}
		switch quantity.Relate(o.q, st.q) {
		case quantity.Same:
			return k
		case quantity.Compatible:
			if st.head {
				return k
			}
		}
	}
	return -1
}

// sameCount reports whether two statements count the same thing: one
// class, one unit, nouns that fit.
func sameCount(a, b statement) bool {
	if a.q.Class != b.q.Class || a.q.Unit != b.q.Unit {
		return false
	}
	if a.q.Class == quantity.Percent {
		return a.q.NounKey == b.q.NounKey
	}
	return a.sense.fits(b.sense)
}

// markLeads marks each article's first statement of each count (by where
// it stands, body before headline), leaving out parts and asides.
func markLeads(sts []statement) {
	order := make([]int, len(sts))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := sts[a], sts[b]
		if x.head != y.head {
			if x.head {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(x.ref.Passage, y.ref.Passage); c != 0 {
			return c
		}
		return cmp.Compare(x.q.Start, y.q.Start)
	})
	for n, k := range order {
		s := &sts[k]
		if s.aside || s.q.Part || !leadKind(s.q, passageText(sts, k)) {
			continue
		}
		s.lead = true
		for _, e := range order[:n] {
			if o := sts[e]; !o.aside && !o.q.Part && sameCount(o, *s) {
				s.lead = false
				break
			}
		}
	}
}

// leadKind reports whether a figure can be an account's lead figure for
// its count: a toll, a crowd, an amount, a share, or a number of things
// that is the subject or object of what happened ("seven carriages had
// overturned"), not a measure ("80 km") nor a count of places something
// happened at ("irregularities at more than 300 polling stations").
func leadKind(q quantity.Quantity, text string) bool {
	switch q.Class {
	case quantity.Distance, quantity.Duration, quantity.Area, quantity.Weight:
		return false
	case quantity.Other:
		return !places[strings.ToLower(lastWord(text[:q.Start]))]
	}
	return true
}

// lastWord is the last space-separated word of s.
func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// places are the prepositions that make a count one of places or things
// an event happened at, in or from.
var places = map[string]bool{
	"at": true, "in": true, "from": true, "across": true, "into": true, "on": true,
	"through": true, "throughout": true, "within": true,
}

// passageText is the text statement k was read from (its first passage).
func passageText(sts []statement, k int) string { return sts[k].text }

// link joins two statements (indexes) with a weight.
type link struct {
	a, b int
	w    float64
}

// factLinks lists the links between statements of different articles,
// best first.
func factLinks(in Input, sts []statement) []link {
	ev := newEvidence(in)
	// Only statements of one class and unit can be linked: pair those.
	type countKey struct {
		class quantity.Class
		unit  string
	}
	byCount := map[countKey][]int{}
	var keys []countKey
	for x := range sts {
		k := countKey{sts[x].q.Class, sts[x].q.Unit}
		if byCount[k] == nil {
			keys = append(keys, k)
		}
		byCount[k] = append(byCount[k], x)
	}
	var out []link
	for _, k := range keys {
		out = appendLinks(out, in, ev, sts, byCount[k])
	}
	slices.SortStableFunc(out, func(p, q link) int { return cmp.Compare(q.w, p.w) })
	return out
}

// appendLinks adds the links among statements (indexes into sts) of one
// count.
func appendLinks(out []link, in Input, ev *evidence, sts []statement, group []int) []link {
	for i, x := range group {
		for _, y := range group[i+1:] {
			a, b := &sts[x], &sts[y]
			if a.article == b.article || !linkable(in, *a, *b) {
				continue
			}
			s, row := ev.between(*a, *b)
			counterparts := row || s >= in.Threshold && in.Threshold > 0
			leads := a.lead && b.lead && s > 0
			if !counterparts && !leads {
				continue
			}
			w := s
			if row {
				w++
			}
			if leads {
				w += leadBonus
			}
			out = append(out, link{x, y, w})
		}
	}
	return out
}

// linkable reports whether two statements of different articles may be
// one fact at all: the same count, both about the event or both aside,
// within thirty times of each other, from accounts of one time.
func linkable(in Input, a, b statement) bool {
	if !sameCount(a, b) || a.aside != b.aside || a.q.Part != b.q.Part || !closeEnough(a.q, b.q) {
		return false
	}
	return sameTime(in.Articles[a.article], in.Articles[b.article])
}

// closeEnough reports two figures within maxRatio of each other.
func closeEnough(a, b quantity.Quantity) bool {
	va, vb := magnitude(a), magnitude(b)
	if va <= 0 || vb <= 0 {
		return true
	}
	return math.Max(va, vb)/math.Min(va, vb) <= maxRatio
}

// magnitude is a figure's typical value: its value, the middle (geometric)
// of a range or band.
func magnitude(q quantity.Quantity) float64 {
	if q.Value2 > q.Value && q.Value > 0 {
		return math.Sqrt(q.Value * q.Value2)
	}
	return q.Value
}

// sameTime reports whether two accounts were published close enough to
// tell one event: within sameEventSpan beyond their dates' slack, or
// either undated.
func sameTime(a, b Article) bool {
	if a.Date.IsZero() || b.Date.IsZero() {
		return true
	}
	d := a.Date.Sub(b.Date)
	if d < 0 {
		d = -d
	}
	return d <= sameEventSpan+a.DateSlack+b.DateSlack
}

// evidence answers how similar two statements' passages are, keeping the
// score rows it asked for (in slab, a few large arrays rather than a small
// one per row).
type evidence struct {
	in    Input
	cache map[evidenceKey][]float32
	slab  []float32
}

type evidenceKey struct {
	ref     passages.Ref
	article int
}

func newEvidence(in Input) *evidence {
	return &evidence{in: in, cache: map[evidenceKey][]float32{}}
}

// between returns the best score of a passage of a against one of b, and
// whether two of them share an alignment row.
func (e *evidence) between(a, b statement) (score float64, row bool) {
	for ia := -1; ia < len(a.also); ia++ {
		ra := a.ref
		if ia >= 0 {
			ra = a.also[ia]
		}
		scores := e.scores(ra, b.article)
		for ib := -1; ib < len(b.also); ib++ {
			rb := b.ref
			if ib >= 0 {
				rb = b.also[ib]
			}
			if rb.Passage < len(scores) {
				score = max(score, float64(scores[rb.Passage]))
			}
			row = row || shareRow(e.in.Articles[ra.Article].Passages[ra.Passage].Rows, e.in.Articles[rb.Article].Passages[rb.Passage].Rows)
		}
	}
	return score, row
}

func (e *evidence) scores(r passages.Ref, article int) []float32 {
	k := evidenceKey{r, article}
	s, ok := e.cache[k]
	if !ok {
		if e.in.Scores != nil {
			n := len(e.in.Articles[article].Passages)
			if cap(e.slab)-len(e.slab) < n {
				e.slab = make([]float32, 0, max(4096, n))
			}
			dst := e.slab[len(e.slab) : len(e.slab)+n : len(e.slab)+n]
			e.slab = e.slab[:len(e.slab)+n]
			s = e.in.Scores(r, article, dst)
		}
		e.cache[k] = s
	}
	return s
}

func shareRow(a, b []int) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// joinStatements joins linked statements into facts, best link first: two
// groups join when no article is in both, their nouns fit and every pair
// across them may be linked. It returns the groups of two or more
// statements, each in article order.
func joinStatements(in Input, sts []statement, links []link) [][]int {
	group := make([]int, len(sts)) // statement → its group's index in members
	members := make([][]int, len(sts))
	for k := range sts {
		group[k] = k
		members[k] = []int{k}
	}
	for _, l := range links {
		ga, gb := group[l.a], group[l.b]
		if ga == gb || !joinable(in, sts, members[ga], members[gb]) {
			continue
		}
		for _, k := range members[gb] {
			group[k] = ga
		}
		members[ga] = append(members[ga], members[gb]...)
		members[gb] = nil
	}
	var out [][]int
	for _, m := range members {
		if len(m) < 2 {
			continue
		}
		slices.SortFunc(m, func(a, b int) int { return cmp.Compare(sts[a].article, sts[b].article) })
		out = append(out, m)
	}
	return out
}

// joinable reports whether two groups of statements can be one fact.
func joinable(in Input, sts []statement, a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if sts[x].article == sts[y].article || !linkable(in, sts[x], sts[y]) {
				return false
			}
		}
	}
	return fitTogether(sts, append(slices.Clone(a), b...))
}

// fitTogether reports whether the nouns of a group's statements fit one
// another: at most one specific noun among them.
func fitTogether(sts []statement, group []int) bool {
	for i, x := range group {
		for _, y := range group[i+1:] {
			if !sts[x].sense.fits(sts[y].sense) {
				return false
			}
		}
	}
	return true
}

// factDifference renders a group of statements as a fact.
func factDifference(in Input, sts []statement, group []int) (Difference, bool) {
	qs := make([]quantity.Quantity, len(group))
	for k, x := range group {
		qs[k] = sts[x].q
	}
	rel := quantity.Relate(qs...)
	if rel == quantity.Incomparable {
		return Difference{}, false
	}
	first := sts[group[0]].q
	d := Difference{Kind: KindNumber, Relation: rel.String(), Class: first.Class.String(), Unit: first.Unit,
		Noun: factNoun(sts, group)}
	d.Topic = factTopic(first.Class, d.Noun)
	var parts []string
	for _, x := range group {
		st := sts[x]
		name := in.Articles[st.article].Name
		d.Items = append(d.Items, Item{Ref: st.ref, Outlet: name, Text: st.q.Text, Value: st.q.Value, Value2: st.q.Value2,
			Qualifier: st.q.Qualifier.String(), Interval: intervalOf(st.q.Interval), Also: st.also})
		parts = append(parts, st.q.Text+" ("+name+")")
	}
	d.Summary = d.Topic + ": " + strings.Join(parts, "; ") + " — " + relationPhrase(rel)
	return d, true
}

// relationPhrase says what a relation means for a fact.
func relationPhrase(r quantity.Relation) string {
	switch r {
	case quantity.Conflict:
		return "conflict: no value fits every account"
	case quantity.Compatible:
		return "compatible: they differ in precision, not in fact"
	}
	return "the same in every account"
}

// factNoun is the counted noun a fact shows: the one most of its figures
// count (the first written on ties), "" when none writes one.
func factNoun(sts []statement, group []int) string {
	count := map[string]int{}
	noun, best := "", 0
	for _, x := range group {
		if k := sts[x].q.NounKey; k != "" {
			count[k]++
		}
	}
	specific := false
	for _, x := range group {
		q, sense := sts[x].q, sts[x].sense
		n := count[q.NounKey]
		if q.NounKey != "" && (n > best || n == best && !specific && !sense.generic) {
			noun, best, specific = q.Noun, n, !sense.generic
		}
	}
	return noun
}

// factTopic names what a fact counts: "killed (workers)", "carriages",
// "percent (turnout)", "money".
func factTopic(c quantity.Class, noun string) string {
	noun = strings.ToLower(noun)
	switch {
	case c == quantity.Other:
		return noun
	case noun == "" || noun == c.String():
		return c.String()
	}
	return c.String() + " (" + noun + ")"
}
