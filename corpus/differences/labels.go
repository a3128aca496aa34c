package differences

import (
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

// labelDifferences lists, for each group named in two or more articles,
// the descriptive labels each article uses for it; labelOwner says which
// group a label is for.
func labelDifferences(in Input) []Difference {
	groups := groupEntities{res: in.Entities, cache: map[string]bool{}}
	arts := map[string]map[int]bool{} // group entity → the articles naming it
	byEntity := map[string][]Item{}
	var order []string
	for i, a := range in.Articles {
		top := groups.mostNamed(a, i, arts)
		seen := map[string]bool{}
		for p, ps := range a.Passages {
			for _, l := range findLabels(ps, passages.Ref{Article: i, Passage: p}, groups.is) {
				e := labelOwner(ps.Text, l, ps.Mentions, groups.is, top)
				if e == "" {
					continue
				}
				key := e + "\x00" + strings.ToLower(l.text)
				if seen[key] {
					continue
				}
				seen[key] = true
				if _, ok := byEntity[e]; !ok {
					order = append(order, e)
				}
				byEntity[e] = append(byEntity[e], Item{Ref: l.ref, Text: l.text, Entity: in.Entities.Display(e)})
			}
		}
	}
	var out []Difference
	for _, e := range order {
		if len(arts[e]) >= 2 {
			out = append(out, labelDifference(in, e, byEntity[e]))
		}
	}
	return out
}

// labelDifference is the difference listing the labels (items) the
// articles put on group e.
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

// mostNamed is the group article i (a) names most, the smallest key on
// ties ("" when it names none), and records in arts that the article names
// each group it names.
func (g groupEntities) mostNamed(a Article, i int, arts map[string]map[int]bool) string {
	counts := map[string]int{}
	for _, p := range a.Passages {
		for _, m := range p.Mentions {
			if g.is(m.Entity) {
				counts[m.Entity]++
				if arts[m.Entity] == nil {
					arts[m.Entity] = map[int]bool{}
				}
				arts[m.Entity][i] = true
			}
		}
	}
	top, tn := "", 0
	for e, n := range counts {
		if n > tn || (n == tn && e < top) {
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
		headEnd, m, ok := labelHead(toks[h], p.Mentions, groupEntity)
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
		if k == h || m == nil && stateForces(text, toks, k, h) {
			continue
		}
		out = append(out, label{ref: ref, text: text[toks[k].Start:headEnd], start: toks[k].Start, end: headEnd, named: m != nil})
	}
	return out
}

// labelHead reports whether t can end a label: a lower-case group noun
// outside any name, or the first word of a group's name (returned). It
// returns where the head ends.
func labelHead(t tokens.Token, ments []entities.Mention, groupEntity func(string) bool) (int, *entities.Mention, bool) {
	if labelHeads[t.Key] && !t.Upper && entities.MentionAt(ments, t.Start) == nil {
		return t.End, nil, true
	}
	m := entities.MentionAt(ments, t.Start)
	if m == nil || m.Start != t.Start || !groupEntity(m.Entity) {
		return 0, nil, false
	}
	return m.End, m, true
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
	nearest, best := "", -1
	for _, m := range ments {
		if !groupEntity(m.Entity) {
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

// isGroup reports whether a name is a group's: one of its words marks one
// ("Forces", "Hezbollah", "Movement").
func isGroup(name string) bool {
	for _, k := range textnorm.Keys(name) {
		for _, g := range groupWords {
			if k == g {
				return true
			}
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
