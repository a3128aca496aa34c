package differences

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// label is a descriptive noun phrase for a group in one passage.
type label struct {
	ref        passages.Ref
	text       string
	start, end int
	named      bool // the phrase ends in the group's name
}

// labelDifferences lists, for each actor an article describes, the labels
// each article puts on it: first those placed against a name
// (appositions, descriptions before a name, placedLabels), then group
// labels found by their words (findLabels), labelOwner saying which group
// those are for. Actors several articles name come first.
func labelDifferences(in Input) []Difference {
	groups := groupEntities{res: in.Entities, cache: map[string]bool{}}
	arts := map[string]map[int]bool{} // entity → the articles naming it
	byEntity := map[string][]Item{}
	var order []string
	add := func(e string, it Item) {
		if _, ok := byEntity[e]; !ok {
			order = append(order, e)
		}
		byEntity[e] = append(byEntity[e], it)
	}
	for i, a := range in.Articles {
		top := groups.mostNamed(a, i, arts)
		seen := map[string]bool{}
		for p, ps := range a.Passages {
			ref := passages.Ref{Article: i, Passage: p}
			for _, l := range passageLabels(ps, ref, groups.is, top) {
				key := l.owner + "\x00" + strings.ToLower(l.text)
				if seen[key] {
					continue
				}
				seen[key] = true
				add(l.owner, Item{Ref: ref, Outlet: a.Name, Text: l.text, Entity: in.Entities.Display(l.owner)})
			}
		}
	}
	slices.SortStableFunc(order, func(x, y string) int { return cmp.Compare(len(arts[y]), len(arts[x])) })
	out := make([]Difference, 0, len(order))
	for _, e := range order {
		out = append(out, labelDifference(in, e, withoutRepeats(byEntity[e])))
	}
	return out
}

// withoutRepeats drops a label an article also writes longer for the same
// actor: "Iran-backed militia" beside "an Iran-backed militia".
func withoutRepeats(items []Item) []Item {
	out := make([]Item, 0, len(items))
	for i, it := range items {
		words := " " + strings.Join(textnorm.Keys(it.Text), " ") + " "
		repeat := false
		for j, o := range items {
			longer := " " + strings.Join(textnorm.Keys(o.Text), " ") + " "
			repeat = repeat || j != i && o.Article == it.Article && len(longer) > len(words) && strings.Contains(longer, words)
		}
		if !repeat {
			out = append(out, it)
		}
	}
	return out
}

// passageLabels finds a passage's labels with their owners: those placed
// against a name, then group labels outside them.
func passageLabels(ps Passage, ref passages.Ref, isGroup func(string) bool, top string) []placed {
	out := placedLabels(ps, isGroup)
	for _, l := range findLabels(ps, ref, isGroup) {
		if overlaps(out, l.start, l.end) {
			continue
		}
		if e := labelOwner(ps.Text, l, ps.Mentions, isGroup, top); e != "" {
			out = append(out, placed{text: l.text, start: l.start, end: l.end, owner: e})
		}
	}
	return out
}

// labelDifference is the difference listing the labels (items) the
// articles put on actor e.
func labelDifference(in Input, e string, items []Item) Difference {
	per := map[int][]string{}
	for _, it := range items {
		per[it.Article] = append(per[it.Article], it.Text)
	}
	var parts []string
	for i, a := range in.Articles {
		if len(per[i]) > 0 {
			parts = append(parts, a.Name+": "+strings.Join(per[i], ", "))
		}
	}
	name := in.Entities.Display(e)
	return Difference{Kind: KindLabel, Topic: name, Summary: name + " — " + strings.Join(parts, "; "), Items: items}
}

// groupEntities tells which entities are groups (see isGroup), by the name
// they show and their key, remembering the answers.
type groupEntities struct {
	res   *entities.Resolver
	cache map[string]bool
}

func (g groupEntities) is(e string) bool {
	v, ok := g.cache[e]
	if !ok {
		v = isGroup(g.res.Display(e)) || isGroup(entities.KeyName(e))
		g.cache[e] = v
	}
	return v
}

// mostNamed is the group article i (a) names most, the one it names first
// on ties ("" when it names none), and records in arts that the article
// names each entity it names.
func (g groupEntities) mostNamed(a Article, i int, arts map[string]map[int]bool) string {
	counts := map[string]int{}
	var firstSeen []string // the groups in the order the article first names them
	for _, p := range a.Passages {
		for _, m := range p.Mentions {
			if arts[m.Entity] == nil {
				arts[m.Entity] = map[int]bool{}
			}
			arts[m.Entity][i] = true
			if g.is(m.Entity) {
				if counts[m.Entity] == 0 {
					firstSeen = append(firstSeen, m.Entity)
				}
				counts[m.Entity]++
			}
		}
	}
	top, tn := "", 0
	for _, e := range firstSeen {
		if n := counts[e]; n > tn {
			top, tn = e, n
		}
	}
	return top
}

// findLabels finds descriptive phrases for groups: a group noun with at
// least one describing word before it ("Iran-backed militias", "people’s
// resistance movement", "Iraq’s Shi’ite militias"), and describing words
// put before a group's name ("anti-terror Popular Mobilisation Units").
func findLabels(p Passage, ref passages.Ref, groupEntity func(string) bool) []label {
	var out []label
	text, toks := p.Text, p.Tokens
	for h := range toks {
		headEnd, m, ok := labelHead(text, toks[h], p.Mentions, groupEntity)
		if !ok {
			continue
		}
		k := modifiersStart(text, toks, h)
		// Only lower-case describing words may precede a name.
		if m != nil {
			for k < h && toks[k].Upper && text[toks[k].End:toks[k+1].Start] != "-" {
				k++
			}
		}
		if m == nil {
			k = coordinatedStart(text, toks, k)
		}
		if k == h || m == nil && stateForces(text, toks, k, h) {
			continue
		}
		out = append(out, label{ref: ref, text: text[toks[k].Start:headEnd], start: toks[k].Start, end: headEnd, named: m != nil})
	}
	// "Iraqi paramilitary and resistance groups" is one label, not also
	// "Iraqi paramilitary".
	kept := out[:0]
	for i, l := range out {
		inside := false
		for j, o := range out {
			inside = inside || j != i && o.start <= l.start && l.end <= o.end && (o.end-o.start > l.end-l.start)
		}
		if !inside {
			kept = append(kept, l)
		}
	}
	return kept
}

// coordinatedStart extends a label's start over a describing phrase joined
// by "and" or "or": "Iraqi paramilitary and resistance groups" starts at
// "Iraqi".
func coordinatedStart(text string, toks []tokens.Token, k int) int {
	if k < 2 || toks[k-1].Key != "and" && toks[k-1].Key != "or" {
		return k
	}
	if text[toks[k-2].End:toks[k-1].Start] != " " || toks[k-2].Upper || !labelHeads[toks[k-2].Key] && !isModifier(text, toks, k-2) {
		return k // "Iran and popular Shi’a militias" are two things
	}
	return modifiersStart(text, toks, k-2)
}

// labelHead reports whether t can end a label: a lower-case group noun
// outside any name, or the first word of a group's name (returned). It
// returns where the head ends.
func labelHead(text string, t tokens.Token, ments []entities.Mention, groupEntity func(string) bool) (int, *entities.Mention, bool) {
	if !t.Upper {
		if t.Stem != "" && labelHeads[t.Key] && entities.MentionAt(ments, t.Start) == nil {
			return t.End, nil, true
		}
		if t.Stem == "" || len(ments) == 0 {
			return 0, nil, false // a function word, or no name to start
		}
	}
	m := entities.MentionAt(ments, t.Start)
	if m == nil || m.Start != t.Start || !groupEntity(m.Entity) || inModifier(text, m) {
		return 0, nil, false
	}
	return m.End, m, true
}

// inModifier reports a name written as part of a describing word:
// "anti-ISIS", "Iran-backed", "US-led" describe; they name no actor the
// label is about.
func inModifier(text string, m *entities.Mention) bool {
	if m.Start > 0 && strings.HasSuffix(text[:m.Start], "-") {
		return true
	}
	rest := text[m.End:]
	return strings.HasPrefix(rest, "-") && len(rest) > 1 && rest[1] >= 'a' && rest[1] <= 'z'
}

// modifiersStart walks back from the head toks[h] over up to four
// describing words joined by spaces or hyphens, and returns the first.
func modifiersStart(text string, toks []tokens.Token, h int) int {
	k := h
	for k > 0 && h-k < 4 && isModifier(text, toks, k-1) {
		gap := text[toks[k-1].End:toks[k].Start]
		if gap != " " && gap != "-" && gap != "‐" {
			break
		}
		k--
	}
	return k
}

// isModifier reports whether toks[k] may describe a group: a word joined
// by a hyphen ("Iran-backed", "anti-terror"), a possessive ("people’s",
// "Iraq’s"), a known describing word, or an adjective of place or creed
// ("Shi’ite", "Iraqi", "Iranian").
func isModifier(text string, toks []tokens.Token, k int) bool {
	t := toks[k]
	if t.Num {
		return false
	}
	if k+1 < len(toks) {
		gap := text[t.End:toks[k+1].Start]
		if gap == "-" || gap == "‐" {
			return true
		}
	}
	if k > 0 && (text[toks[k-1].End:t.Start] == "-") {
		return true
	}
	if t.Poss {
		return true
	}
	if t.Stop {
		return false
	}
	if labelModifiers[t.Key] {
		return true
	}
	if t.Upper && !t.Caps {
		for _, suf := range []string{"i", "ite", "ian", "ish", "ese", "an"} {
			if strings.HasSuffix(t.Key, suf) {
				return true
			}
		}
	}
	return false
}

// stateForces reports whether toks[k:h] describe a state's forces, whose
// head toks[h] is "forces" or "units": another actor than the armed group
// the labels are about.
func stateForces(text string, toks []tokens.Token, k, h int) bool {
	switch toks[h].Key {
	case "force", "forces", "units":
	default:
		return false
	}
	for i := k; i < h; i++ {
		key := toks[i].Key
		if stateModifiers[key] || stateNationals[key] && text[toks[i].End:toks[i+1].Start] == " " {
			return true
		}
	}
	return false
}

// labelOwner picks the group label l describes, or "" for none: the name
// it is on; the group after "of" ("fighters of Kata’ib Hezbollah"; none
// when what follows "of" is not a group: "units of the Iraqi army"); the
// group it stands in apposition to, before or after ("Iraq’s Shi’ite
// militias, the Popular Mobilization Units"); else, as a label standing
// alone ("the anti-terror group") refers back to the article's subject,
// the group the article names most (top); else the nearest group named in
// the passage.
func labelOwner(text string, l label, ments []entities.Mention, groupEntity func(string) bool, top string) string {
	ofAt := -1
	if rest, ok := strings.CutPrefix(text[l.end:], " of "); ok {
		ofAt = len(text) - len(strings.TrimPrefix(rest, "the "))
	}
	if e := copulaSubject(text, l, ments, groupEntity); e != "" {
		return e
	}
	nearest, best := "", -1
	for k := range ments {
		m := ments[k]
		if !groupEntity(m.Entity) || inModifier(text, &m) {
			continue
		}
		switch {
		case m.Start >= l.start && m.End <= l.end, m.Start == ofAt:
			return m.Entity
		case l.named:
		case m.End <= l.start:
			if apposition[strings.ToLower(strings.Trim(text[m.End:l.start], " ,()"))] {
				return m.Entity
			}
		case m.Start >= l.end:
			if gap := text[l.end:m.Start]; strings.HasPrefix(gap, ",") || strings.HasPrefix(gap, " (") {
				if apposition[strings.ToLower(strings.Trim(gap, " ,()"))] {
					return m.Entity
				}
			}
		}
		if dist := abs(m.Start - l.start); best < 0 || dist < best {
			nearest, best = m.Entity, dist
		}
	}
	if ofAt >= 0 {
		return "" // part of something that is not a group: "the units of the Iraqi army"
	}
	if top != "" {
		return top
	}
	return nearest
}

// copulas link a sentence's subject to a label that describes it: "The
// Iraqi Kata’ib Hezbollah, a paramilitary group …, was one of the popular
// grassroots militias".
var copulas = []string{" was one of the", " is one of the", " were among the", " are among the",
	" was one of", " is one of", " was a", " is a", " was an", " is an", " are", " were", " remains a",
	" became a", " has become a"}

// copulaSubject returns the group a label after a copula describes: the
// first group the sentence names before it, or "".
func copulaSubject(text string, l label, ments []entities.Mention, groupEntity func(string) bool) string {
	before := strings.ToLower(text[:l.start])
	before = strings.TrimRight(before, " ")
	is := false
	for _, c := range copulas {
		is = is || strings.HasSuffix(before, c)
	}
	if !is {
		return ""
	}
	from, _ := sentenceAround(text, l.start, l.end)
	for k := range ments {
		m := ments[k]
		if m.Start >= from && m.End <= l.start && groupEntity(m.Entity) && !inModifier(text, &m) {
			return m.Entity
		}
	}
	return ""
}

// isGroup reports whether a name is a group's: one of its words marks one
// ("Forces", "Hezbollah", "Movement").
func isGroup(name string) bool {
	for w := range textnorm.AllWords(name) {
		if slices.Contains(groupWords, w.Key) {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
