package compare

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/figures"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// differences finds how the accounts differ: figures that disagree
// between counterpart passages (numbers.go), and later sources and labels.
func differences(c *Comparison, an [][]analysed, res *entities.Resolver) []Difference {
	out := numberDifferences(c, an)
	if d, ok := attributionDifference(c, an, res); ok {
		out = append(out, d)
	}
	return append(out, labelDifferences(c, an, res)...)
}

// numberDifferences pairs figures that count the same thing in two
// articles and reports those whose values differ. A pair must come from
// passages that report the same thing: the same row, or, failing that, the
// best-scoring pair of passages that both count it.
func numberDifferences(c *Comparison, an [][]analysed) []Difference {
	var out []Difference
	n := len(c.Articles)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			type cand struct {
				a, b   passages.Ref
				fa, fb figures.Figure
				s      float64
			}
			var cands []cand
			m := &c.scores[i][j]
			row := make([]float32, len(an[j])) // row p of the scores, dense
			for p := range an[i] {
				if len(an[i][p].figs) == 0 {
					continue // a pair without figures on both sides adds nothing
				}
				for x := m.start[p]; x < m.start[p+1]; x++ {
					row[m.q[x]] = m.v[x]
				}
				for q := range an[j] {
					if len(an[j][q].figs) == 0 {
						continue
					}
					ra, rb := passages.Ref{Article: i, Passage: p}, passages.Ref{Article: j, Passage: q}
					s := float64(row[q])
					same := c.rowOf[i][p] >= 0 && c.rowOf[i][p] == c.rowOf[j][q]
					if !same && s < 0.1 {
						continue
					}
					if same {
						s += 1
					}
					for _, fa := range an[i][p].figs {
						for _, fb := range an[j][q].figs {
							if fa.Counted == fb.Counted {
								cands = append(cands, cand{ra, rb, fa, fb, s})
							}
						}
					}
				}
				for x := m.start[p]; x < m.start[p+1]; x++ {
					row[m.q[x]] = 0
				}
			}
			slices.SortStableFunc(cands, func(x, y cand) int { return cmp.Compare(y.s, x.s) })
			// A figure is its passage and its offset there.
			type fig struct {
				ref   passages.Ref
				start int
			}
			usedA, usedB := map[fig]bool{}, map[fig]bool{}
			for _, cd := range cands {
				ka := fig{cd.a, cd.fa.Start}
				kb := fig{cd.b, cd.fb.Start}
				if usedA[ka] || usedB[kb] {
					continue
				}
				usedA[ka], usedB[kb] = true, true
				if cd.fa.Value == cd.fb.Value && cd.fa.Qualifier == cd.fb.Qualifier {
					continue
				}
				what := cd.fa.CountedName()
				out = append(out, Difference{
					Kind:    DiffNumber,
					Topic:   what,
					Summary: fmt.Sprintf("%s: %s (%s) vs %s (%s)", what, cd.fa.Text, name(c, i), cd.fb.Text, name(c, j)),
					Items: []DifferenceItem{
						{Ref: cd.a, Text: cd.fa.Text, Value: cd.fa.Value, Qualifier: cd.fa.Qualifier},
						{Ref: cd.b, Text: cd.fb.Text, Value: cd.fb.Value, Qualifier: cd.fb.Qualifier},
					},
				})
			}
		}
	}
	return out
}

// name is how summaries name an article: its outlet, else its id.
func name(c *Comparison, i int) string {
	a := c.Articles[i]
	if a.Outlet != "" {
		return a.Outlet
	}
	if a.ID != "" {
		return a.ID
	}
	return fmt.Sprintf("article %d", i+1)
}

// speechVerbs credit a source ("X said", "said X", "X told").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "added": true, "adds": true,
	"warned": true, "warns": true, "stated": true, "states": true, "claimed": true, "claims": true,
	"reported": true, "reports": true, "confirmed": true, "confirms": true, "announced": true,
	"announces": true, "insisted": true, "insists": true, "noted": true, "notes": true,
	"explained": true, "argued": true, "argues": true, "denied": true, "denies": true,
	"accused": true, "accuses": true, "described": true, "describes": true, "quoted": true,
	"believe": true, "believes": true, "wrote": true, "writes": true, "emphasised": true,
	"emphasized": true, "alleged": true, "alleges": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// attribution is one crediting of a source in a passage.
type attribution struct {
	ref     passages.Ref
	speaker string // as written: "US officials", "Kirby"
	entity  string // resolved entity key, "" for descriptions
	verb    string
}

// findAttributions finds who a passage credits: "according to X",
// "X said/told/…", ", said X". Pronouns take the article's previous named
// source.
func findAttributions(text string, a analysed, ref passages.Ref, prev *attribution) []attribution {
	var out []attribution
	toks := a.toks
	mentionEndingAt := func(end int) *entities.Mention {
		for k := range a.ments {
			if a.ments[k].End == end {
				return &a.ments[k]
			}
		}
		return nil
	}
	mentionStartingAt := func(start int) *entities.Mention {
		for k := range a.ments {
			if a.ments[k].Start == start {
				return &a.ments[k]
			}
		}
		return nil
	}
	add := func(speaker, entity, verb string) {
		speaker = strings.Trim(speaker, " ,")
		if speaker == "" {
			return
		}
		at := attribution{ref: ref, speaker: speaker, entity: entity, verb: verb}
		out = append(out, at)
		*prev = at
	}
	for v := 0; v < len(toks); v++ {
		t := toks[v]
		if t.Key == "according" && v+2 < len(toks) && toks[v+1].Key == "to" {
			if m := mentionStartingAt(toks[v+2].Start); m != nil {
				add(m.Surface, m.Entity, "according to")
			} else if np := nounPhrase(text, toks, v+2); np != "" {
				add(np, "", "according to")
			}
			continue
		}
		if !speechVerbs[t.Key] {
			continue
		}
		verb := text[t.Start:t.End]
		// Inverted: "…,” said Drew Kelton".
		before := strings.TrimRight(text[:t.Start], " ")
		if v+1 < len(toks) && (strings.HasSuffix(before, ",") || strings.HasSuffix(before, "”") || strings.HasSuffix(before, "’") || strings.HasSuffix(before, "'")) {
			if m := mentionStartingAt(toks[v+1].Start); m != nil && text[t.End:toks[v+1].Start] == " " {
				add(m.Surface, m.Entity, verb)
				continue
			}
		}
		if v == 0 {
			continue
		}
		// "X, a spokesperson, said": skip the apposition back to X.
		end := v - 1
		if strings.HasSuffix(text[toks[end].End:t.Start], ", ") || strings.HasSuffix(text[:t.Start], ", ") {
			k := end
			for k > 0 && k > end-12 && !strings.Contains(text[toks[k-1].End:toks[k].Start], ",") {
				k--
			}
			if k > 0 && k > end-12 {
				end = k - 1
			} else {
				continue
			}
		} else if gap := text[toks[end].End:t.Start]; gap != " " {
			continue
		}
		if pronouns[toks[end].Key] {
			// Only a source named in this or the previous passage.
			if prev.speaker != "" && prev.ref.Passage >= ref.Passage-1 && (end == 0 || !toks[end-1].Upper) {
				add(prev.speaker, prev.entity, verb)
			}
			continue
		}
		if m := mentionEndingAt(toks[end].End); m != nil {
			add(m.Surface, m.Entity, verb)
			continue
		}
		// A description: "US officials", "security experts".
		k := end
		for k > 0 && end-k < 3 && text[toks[k-1].End:toks[k].Start] == " " && !toks[k-1].Stop && !toks[k-1].Num && !speechVerbs[toks[k-1].Key] {
			k--
		}
		if toks[end].Stop || toks[end].Num {
			continue
		}
		// A lone group noun ("the group said") points back at a group
		// named elsewhere; on its own it names no one.
		if isSourceNoun(toks[end].Key) && (k < end || toks[end].Upper || !labelHeads[toks[end].Key]) {
			add(text[toks[k].Start:toks[end].End], "", verb)
		}
	}
	return out
}

// sourceNouns are the heads of unnamed sources: "officials say".
var sourceNouns = []string{"official", "spokes", "source", "expert", "analyst", "minister", "ministry",
	"police", "witness", "report", "agency", "media", "government", "military", "army", "commander",
	"statement", "pentagon", "embassy", "office", "president", "leader", "lawmaker", "diplomat",
	"resident", "activist", "observer", "group", "militia", "authorit", "investigator", "prosecutor",
	"journalist", "correspondent", "newspaper", "website", "channel", "broadcaster", "monitor"}

func isSourceNoun(key string) bool {
	for _, s := range sourceNouns {
		if strings.HasPrefix(key, s) {
			return true
		}
	}
	return false
}

// nounPhrase returns up to five words from toks[i] to the next
// punctuation: "the Pentagon", "Iraqi media", "al-Shamas".
func nounPhrase(text string, toks []tokens.Token, i int) string {
	j := i
	for j+1 < len(toks) && j-i < 4 && isWordGap(text[toks[j].End:toks[j+1].Start]) && !speechVerbs[toks[j+1].Key] {
		j++
	}
	return text[toks[i].Start:toks[j].End]
}

// isWordGap reports whether gap joins two words of one name or phrase: a
// space, or a hyphen ("al-Shamas").
func isWordGap(gap string) bool { return gap == " " || gap == "-" || gap == "‐" }

// attributionDifference lists who each article credits, in passage order.
func attributionDifference(c *Comparison, an [][]analysed, res *entities.Resolver) (Difference, bool) {
	d := Difference{Kind: DiffAttribution, Topic: "sources"}
	var parts []string
	for i := range c.Articles {
		var prev attribution
		var names []string
		seen := map[string]bool{}
		credited := map[string]bool{}
		for p := range an[i] {
			para := strconv.Itoa(c.Articles[i].Passages[p].Paragraph)
			for _, at := range findAttributions(c.Articles[i].Passages[p].Text, an[i][p], passages.Ref{Article: i, Passage: p}, &prev) {
				it := DifferenceItem{Ref: at.ref, Text: at.speaker, Verb: at.verb}
				key := strings.ToLower(at.speaker)
				if at.entity != "" {
					it.Entity = res.Display(at.entity)
					key = at.entity
				}
				// One source credited twice in a paragraph is one item.
				once := para + "\x00" + key + "\x00" + strings.ToLower(at.verb)
				if credited[once] {
					continue
				}
				credited[once] = true
				d.Items = append(d.Items, it)
				if !seen[key] {
					seen[key] = true
					names = append(names, at.speaker)
				}
			}
		}
		if len(names) > 0 {
			parts = append(parts, name(c, i)+" credits "+strings.Join(names, ", "))
		} else {
			parts = append(parts, name(c, i)+" credits no one by name")
		}
	}
	if len(d.Items) == 0 {
		return d, false
	}
	d.Summary = strings.Join(parts, "; ")
	return d, true
}

// labelHeads are nouns that describe an armed or political group.
var labelHeads = map[string]bool{
	"militia": true, "militias": true, "militiamen": true, "group": true, "groups": true,
	"movement": true, "movements": true, "forces": true, "force": true, "fighters": true,
	"units": true, "organisation": true, "organization": true, "organisations": true,
	"organizations": true, "paramilitary": true, "paramilitaries": true, "faction": true,
	"factions": true, "alliance": true, "network": true, "proxies": true, "proxy": true,
	"brigades": true, "terrorists": true, "insurgents": true, "rebels": true, "militants": true,
}

// labelModifiers may describe such a group ("popular grassroots militias").
var labelModifiers = map[string]bool{
	"popular": true, "grassroots": true, "armed": true, "resistance": true, "terrorist": true,
	"terror": true, "volunteer": true, "paramilitary": true, "militant": true, "extremist": true,
	"rebel": true, "insurgent": true, "jihadist": true, "radical": true, "rogue": true, "proxy": true,
	"allied": true, "national": true, "local": true, "powerful": true, "people": true, "peoples": true,
	"shia": true, "shiite": true, "sunni": true, "islamist": true, "sectarian": true, "pro": true,
	"anti": true, "backed": true, "sponsored": true, "supported": true, "aligned": true,
	"hardline": true, "notorious": true, "outlawed": true, "banned": true, "irregular": true,
	"defence": true, "defense": true, "security": true, "umbrella": true, "described": true,
}

// groupWords mark an entity as a group, whose labels are worth comparing.
var groupWords = []string{"forces", "force", "units", "unit", "militia", "brigades", "hezbollah",
	"hizbollah", "kataib", "hashd", "movement", "party", "army", "corps", "group", "front",
	"organisation", "organization", "council", "guard", "mobilization", "mobilisation",
	"committee", "state", "hamas", "taliban", "qaeda", "isis", "daesh", "haq"}

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

// label is a descriptive noun phrase for a group in one passage.
type label struct {
	ref        passages.Ref
	text       string
	start, end int
	named      bool // the phrase ends in the group's name
}

// stateModifiers mark a state's own forces: "Iraqi security forces",
// "US-led forces", "the government’s forces".
var stateModifiers = map[string]bool{"security": true, "government": true, "led": true, "coalition": true}

// stateNationals mark them as a bare adjective ("American forces"), but
// not as the backer in "US-backed".
var stateNationals = map[string]bool{"american": true, "us": true, "british": true, "western": true, "foreign": true}

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

// findLabels finds descriptive phrases for groups: a group noun with at
// least one describing word before it ("Iran-backed militias", "people’s
// resistance movement", "Iraq’s Shi’ite militias"), and describing words
// put before a group's name ("anti-terror Popular Mobilisation Units").
func findLabels(text string, a analysed, ref passages.Ref, groupEntity func(string) bool) []label {
	var out []label
	toks := a.toks
	isMod := func(k int) bool {
		t := toks[k]
		if t.Num {
			return false
		}
		if k+1 < len(toks) {
			gap := text[t.End:toks[k+1].Start]
			if gap == "-" || gap == "‐" {
				return true // "Iran-backed", "anti-terror"
			}
		}
		if k > 0 && (text[toks[k-1].End:t.Start] == "-") {
			return true
		}
		if t.Poss {
			return true // "people’s", "Iraq’s"
		}
		if t.Stop {
			return false
		}
		if labelModifiers[t.Key] {
			return true
		}
		if t.Upper && !t.Caps {
			// Adjectives of place and creed: "Shi’ite", "Iraqi", "Iranian".
			for _, suf := range []string{"i", "ite", "ian", "ish", "ese", "an"} {
				if strings.HasSuffix(t.Key, suf) {
					return true
				}
			}
		}
		return false
	}
	for h := 0; h < len(toks); h++ {
		t := toks[h]
		var headEnd int
		var m *entities.Mention
		switch {
		case labelHeads[t.Key] && !t.Upper && entities.MentionAt(a.ments, t.Start) == nil:
			headEnd = t.End
		default:
			m = entities.MentionAt(a.ments, t.Start)
			if m == nil || m.Start != t.Start || !groupEntity(m.Entity) {
				continue
			}
			headEnd = m.End
		}
		k := h
		for k > 0 && h-k < 4 && isMod(k-1) {
			gap := text[toks[k-1].End:toks[k].Start]
			if gap != " " && gap != "-" && gap != "‐" {
				break
			}
			k--
		}
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

// apposition is what may stand between a group's name and a label that
// follows it: "Kata’ib Hezbollah, a paramilitary group", "Daesh and other
// terrorist groups", "the PMU umbrella group".
var apposition = map[string]bool{"": true, "a": true, "an": true, "the": true, "and other": true,
	"or other": true, "and its": true, "as a": true}

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

// labelDifferences lists, for each group named in two or more articles,
// the descriptive labels each article uses for it; labelOwner says which
// group a label is for.
func labelDifferences(c *Comparison, an [][]analysed, res *entities.Resolver) []Difference {
	groupCache := map[string]bool{}
	groupEntity := func(e string) bool {
		g, ok := groupCache[e]
		if !ok {
			g = isGroup(res.Display(e)) || isGroup(entities.KeyName(e))
			groupCache[e] = g
		}
		return g
	}
	arts := map[string]map[int]bool{}
	byEntity := map[string][]DifferenceItem{}
	var order []string
	for i := range c.Articles {
		counts := map[string]int{}
		for p := range an[i] {
			for _, m := range an[i][p].ments {
				if groupEntity(m.Entity) {
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
		seen := map[string]bool{}
		for p := range an[i] {
			text := c.Articles[i].Passages[p].Text
			for _, l := range findLabels(text, an[i][p], passages.Ref{Article: i, Passage: p}, groupEntity) {
				e := labelOwner(text, l, an[i][p].ments, groupEntity, top)
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
				byEntity[e] = append(byEntity[e], DifferenceItem{Ref: l.ref, Text: l.text, Entity: res.Display(e)})
			}
		}
	}
	var out []Difference
	for _, e := range order {
		if len(arts[e]) < 2 {
			continue
		}
		items := byEntity[e]
		per := map[int][]string{}
		for _, it := range items {
			per[it.Article] = append(per[it.Article], it.Text)
		}
		var parts []string
		for i := range c.Articles {
			if len(per[i]) > 0 {
				parts = append(parts, name(c, i)+": "+strings.Join(per[i], ", "))
			}
		}
		out = append(out, Difference{Kind: DiffLabel, Topic: res.Display(e),
			Summary: res.Display(e) + " — " + strings.Join(parts, "; "), Items: items})
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
