package differences

import (
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/quantity"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// The labels put on a name by the name's place in the sentence, whatever
// the actor (a person, a group, a place):
//
//	after it, between commas     "VE Holdings, the plant's owner, has", "the KWU, a militant labor group that"
//	before it, between commas    "The President, Aurel Mariss, thanked", "the operator, Kessara State Railways,"
//	right before it              "Opposition candidate Sofia Ren", "the elder Sheikh Hamad al-Rumi"
//	right after it               "Ostral Front terrorists", "the PMU umbrella group"
//	"the X of" it                "the rebels of the Ostral Front", "the opposition stronghold of Oldtown"
//
// The group labels of labels.go (describing words before a group noun,
// standing alone) come after these and skip what these took.

// placed is a label read from where it stands against a name.
type placed struct {
	text       string
	start, end int
	owner      string // entity key
}

// placedLabels finds the labels a passage puts on its names by placement.
func placedLabels(p Passage, groupEntity func(string) bool) []placed {
	if isHead(p.Kind) {
		return nil // a headline's capitals and clipped grammar mislead these
	}
	r := sentenceReader{text: p.Text, toks: p.Tokens, ments: p.Mentions}
	var out []placed
	for k := range p.Mentions {
		m := &p.Mentions[k]
		if r.inModifier(m) {
			continue
		}
		for find := range 4 {
			var l placed
			var ok bool
			switch find {
			case 0:
				l, ok = r.after(m)
			case 1:
				l, ok = r.before(m)
			case 2:
				l, ok = r.descriptor(m)
			default:
				ok = groupEntity(m.Entity) // "Ostral Front terrorists"; not "US air force"
				if ok {
					l, ok = r.nounAfter(m)
				}
			}
			if ok && !overlaps(out, l.start, l.end) {
				l.owner = m.Entity
				out = append(out, l)
			}
		}
	}
	for _, l := range r.ofLabels() {
		if !overlaps(out, l.start, l.end) {
			out = append(out, l)
		}
	}
	return out
}

func overlaps(ls []placed, start, end int) bool {
	for _, l := range ls {
		if start < l.end && l.start < end {
			return true
		}
	}
	return false
}

// sentenceReader reads one passage's words and names.
type sentenceReader struct {
	text  string
	toks  []tokens.Token
	ments []entities.Mention
}

// tokenAt returns the index of the token starting at off, or -1.
func (r sentenceReader) tokenAt(off int) int {
	i := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].Start >= off })
	if i < len(r.toks) && r.toks[i].Start == off {
		return i
	}
	return -1
}

// tokenEndingAt returns the index of the token ending at off, or -1.
func (r sentenceReader) tokenEndingAt(off int) int {
	i := sort.Search(len(r.toks), func(i int) bool { return r.toks[i].End >= off })
	if i < len(r.toks) && r.toks[i].End == off {
		return i
	}
	return -1
}

func (r sentenceReader) mentionAt(off int) *entities.Mention { return entities.MentionAt(r.ments, off) }

func (r sentenceReader) inModifier(m *entities.Mention) bool { return inModifier(r.text, m) }

// labelStarts are the words an apposition after a name may start with.
var labelStarts = map[string]bool{
	"a": true, "an": true, "the": true, "one": true, "once": true, "its": true, "his": true, "her": true,
	"their": true, "our": true, "another": true, "now": true, "himself": true, "herself": true,
}

// clauseWords end an apposition: "the KWU, a militant labor group that has …".
var clauseWords = map[string]bool{"who": true, "which": true, "that": true, "whose": true, "where": true, "whom": true}

// after reads an apposition after the name: ", a/the/one of … ," up to
// the next comma, full stop or relative clause; or a bare plural ("The
// Sadun Brigades, freedom fighters who …").
func (r sentenceReader) after(m *entities.Mention) (placed, bool) {
	rest := r.text[m.End:]
	if strings.HasPrefix(rest, " (") { // "Popular Mobilization Forces (PMU), an umbrella group"
		if k := strings.IndexByte(rest, ')'); k > 0 && k < 20 {
			rest = rest[k+1:]
		}
	}
	if !strings.HasPrefix(rest, ", ") {
		return placed{}, false
	}
	i := r.tokenAt(len(r.text) - len(rest) + 2)
	if i < 0 {
		return placed{}, false
	}
	j, ok := r.phraseTo(i, 14)
	if !ok {
		return placed{}, false
	}
	first := r.toks[i]
	switch {
	case j == i || !nounLike(r.toks[j]):
		return placed{}, false // "the Islamic Republic, the (world’s) …": no phrase
	case r.hasVerb(i, j):
		return placed{}, false // "…, an inquiry will report within 30 days."
	case first.Key == "one" && (i+1 > j || r.toks[i+1].Key != "of"):
		return placed{}, false // "In Harlow, one person died": a clause, not a label
	case labelStarts[first.Key] && !r.startsWithName(i):
	case first.Poss && i+1 <= j: // "Lindt, Lindmark's first female governor, said"
	case !first.Upper && nounLike(first) && j-i < 3 && isPluralWord(r.toks[j].Key) && r.allLower(i, j) && !r.hasNumber(i, j): // bare plural
	default:
		return placed{}, false
	}
	return placed{text: r.text[first.Start:r.toks[j].End], start: first.Start, end: r.toks[j].End}, true
}

// phraseTo reads a noun phrase from toks[i] to the end of its apposition
// (a comma, a full stop, a relative word) within n words: the index of
// its last word. It fails on a speech verb or a running sentence.
func (r sentenceReader) phraseTo(i, n int) (int, bool) {
	j := i
	for {
		if speechVerbs[r.toks[j].Key] || clauseWords[r.toks[j].Key] && j > i {
			return 0, false
		}
		if j+1 >= len(r.toks) {
			return j, true
		}
		gap := r.text[r.toks[j].End:r.toks[j+1].Start]
		if strings.ContainsAny(gap, ",.;:()\"“”") || clauseWords[r.toks[j+1].Key] {
			return j, true
		}
		if j-i >= n {
			return 0, false
		}
		j++
	}
}

// startsWithName reports a phrase that is a name ("the PMU", "the Popular
// Mobilization Units"): another naming, not a label.
func (r sentenceReader) startsWithName(i int) bool {
	k := i
	if labelStarts[r.toks[k].Key] && k+1 < len(r.toks) {
		k++
	}
	m := r.mentionAt(r.toks[k].Start)
	return m != nil && m.Start == r.toks[k].Start && !r.toks[k].Poss && !r.inModifier(m) && !r.qualifies(m)
}

// hasVerb reports an auxiliary or modal among words i..j: a clause.
func (r sentenceReader) hasVerb(i, j int) bool {
	for k := i; k <= j; k++ {
		if auxiliaries[r.toks[k].Key] {
			return true
		}
	}
	return false
}

func (r sentenceReader) hasNumber(i, j int) bool {
	for k := i; k <= j; k++ {
		if r.toks[k].Num || quantity.IsNumberWord(r.toks[k].Key) {
			return true
		}
	}
	return false
}

// auxiliaries make a phrase a clause.
var auxiliaries = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "will": true, "would": true, "has": true,
	"have": true, "had": true, "can": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "did": true, "does": true, "said": true, "says": true,
}

func (r sentenceReader) allLower(i, j int) bool {
	for k := i; k <= j; k++ {
		if r.toks[k].Upper {
			return false
		}
	}
	return true
}

// determiners open a description before a name.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true,
}

// before reads a description between a determiner and a comma right
// before the name, when the name closes an apposition (a comma, a full
// stop, "of", a bracket after it): "The President, Aurel Mariss,",
// "the operator, Kessara State Railways,", "Brandt's brother, Emil Brandt,".
func (r sentenceReader) before(m *entities.Mention) (placed, bool) {
	if m.Start < 2 || r.text[m.Start-2:m.Start] != ", " {
		return placed{}, false
	}
	after := r.text[m.End:]
	closes := after == ""
	for _, c := range []string{",", ".", " of ", " ("} {
		closes = closes || strings.HasPrefix(after, c)
	}
	if !closes {
		return placed{}, false
	}
	j := r.tokenEndingAt(m.Start - 2)
	if j < 0 || !nounLike(r.toks[j]) {
		return placed{}, false
	}
	if r.mentionAt(r.toks[j].Start) != nil && !r.toks[j].Poss {
		return placed{}, false // "the strikes, Iraq": a name before the comma is a list
	}
	for i := j; i >= 0 && j-i < 8; i-- {
		t := r.toks[i]
		if i < j && r.text[t.End:r.toks[i+1].Start] != " " {
			return placed{}, false
		}
		// "A spokesman for the group, Hadi Nasr": past "for the" to "A".
		through := i > 1 && prepositions[r.toks[i-1].Key] && nounLike(r.toks[i-2])
		if (determiners[t.Key] || t.Poss && (i == 0 || !r.toks[i-1].Upper)) && !through {
			if i > 0 && frontedBy[r.toks[i-1].Key] {
				return placed{}, false // "On the arrest, Khadim Al-Waeli": a phrase put first, no description of him
			}
			return placed{text: r.text[t.Start:r.toks[j].End], start: t.Start, end: r.toks[j].End}, true
		}
		if r.mentionAt(t.Start) != nil && !t.Poss || speechVerbs[t.Key] || t.Num {
			return placed{}, false
		}
	}
	return placed{}, false
}

// frontedBy are the prepositions that put a phrase before a sentence's
// subject: "On the arrest, …", "In the capital, …".
var frontedBy = map[string]bool{
	"on": true, "in": true, "at": true, "after": true, "before": true, "during": true, "with": true,
	"for": true, "by": true, "from": true, "to": true, "of": true, "about": true, "over": true, "under": true,
	"despite": true, "amid": true, "following": true,
}

// prepositions may stand inside a description: "a spokesman for the
// group", "a student from Dalmar".
var prepositions = map[string]bool{
	"of": true, "for": true, "at": true, "in": true, "from": true, "on": true, "near": true, "with": true,
	"by": true, "to": true, "outside": true, "inside": true, "across": true, "over": true, "under": true,
	"south": true, "north": true, "east": true, "west": true, "since": true, "after": true,
	"before": true, "during": true, "against": true, "about": true, "than": true, "as": true,
	"like": true, "between": true, "among": true, "amongst": true, "toward": true, "towards": true,
	"via": true, "per": true, "despite": true, "amid": true, "including": true, "into": true,
}

// descriptor reads the description written right before a name, ending
// in a word for a person or post: "Opposition candidate Sofia Ren",
// "police spokeswoman Anna Kjell", "the elder Sheikh Hamad al-Rumi",
// "Flashy energy baron Oskar Brandt", the titles the name was read without
// ("Iraq’s Defence Minister Juma Anad"). A name that qualifies the noun
// after it ("the latest US attack") has none.
func (r sentenceReader) descriptor(m *entities.Mention) (placed, bool) {
	j := r.tokenEndingAt(m.Start - 1)
	if j < 0 || r.text[r.toks[j].End:m.Start] != " " || r.qualifies(m) || !personWord(r.toks[j]) {
		return placed{}, false
	}
	title := r.toks[j].Upper // a capitalised title goes back over capitals only
	i := j
	for i > 0 && j-i < 4 {
		t := r.toks[i-1]
		if r.text[t.End:r.toks[i].Start] != " " || r.mentionAt(t.Start) != nil && !t.Poss {
			break
		}
		if determiners[t.Key] || t.Poss {
			i--
			break
		}
		if notDescriptors[t.Key] || !nounLike(t) || title && !t.Upper && !personWord(t) || !title && t.Upper && i-1 > 0 && !sentenceStartBefore(r.text, t.Start) {
			break
		}
		i--
	}
	if title && r.allTitle(i, j) {
		return placed{}, false // a title ("Prime Minister", "Iraq’s Defence Minister") is part of the name, not a label
	}
	return placed{text: r.text[r.toks[i].Start:r.toks[j].End], start: r.toks[i].Start, end: r.toks[j].End}, true
}

// allTitle reports words i..j all capitalised or possessive: a title.
func (r sentenceReader) allTitle(i, j int) bool {
	for k := i; k <= j; k++ {
		if !r.toks[k].Upper && !r.toks[k].Poss {
			return false
		}
	}
	return true
}

// qualifies reports a name followed by the noun it qualifies: "US
// officials", "the latest US attack", "Israeli settlers".
func (r sentenceReader) qualifies(m *entities.Mention) bool {
	k := r.tokenAt(m.End + 1)
	if k < 0 || r.text[m.End:m.End+1] != " " {
		return false
	}
	t := r.toks[k]
	return !t.Upper && nounLike(t)
}

// sentenceStartBefore reports whether only opening punctuation stands
// between off and the start of its sentence.
func sentenceStartBefore(text string, off int) bool {
	s := strings.TrimRight(text[:off], " \"'“‘(")
	return s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// personWord reports a word for a person or a post: a known one
// ("spokesman", "candidate", "elder", "baron"), or a noun made for people
// ("-er", "-or", "-ist", "-ian", "-man", "-woman") that is no common word
// of another kind ("former", "water", "border").
func personWord(t tokens.Token) bool {
	k := t.Key
	if roleNouns[k] || roleTitles[k] || personNouns[k] {
		return true
	}
	if notPersons[k] || !nounLike(t) {
		return false
	}
	k = strings.TrimSuffix(k, "s")
	for _, suf := range []string{"er", "or", "ist", "ian", "man", "woman", "person"} {
		if len(k) >= len(suf)+4 && strings.HasSuffix(k, suf) { // "leader", not "enter"
			return true
		}
	}
	return false
}

// personNouns are words for people the suffixes miss.
var personNouns = map[string]bool{
	"candidate": true, "elder": true, "baron": true, "tycoon": true, "boss": true, "aide": true,
	"envoy": true, "cleric": true, "expert": true, "official": true, "officials": true, "activist": true,
	"veteran": true, "mogul": true, "magnate": true, "owner": true, "student": true, "president": true,
	"resident": true, "agent": true, "correspondent": true, "dissident": true, "assistant": true,
	"lieutenant": true, "sergeant": true, "militant": true, "chief": true, "head": true, "imam": true,
	"priest": true, "pensioner": true, "widow": true, "chancellor": true, "premier": true, "emir": true,
	"king": true, "queen": true, "prince": true, "princess": true, "heir": true, "deputy": true,
	"analyst": true, "lawmaker": true, "general": true, "colonel": true, "captain": true, "major": true,
}

// notPersons end in a people suffix without being people.
var notPersons = map[string]bool{
	"former": true, "latter": true, "other": true, "another": true, "further": true, "either": true,
	"neither": true, "never": true, "however": true, "together": true, "rather": true, "whether": true,
	"after": true, "over": true, "under": true, "later": true, "earlier": true, "water": true,
	"border": true, "order": true, "number": true, "power": true, "center": true, "centre": true,
	"matter": true, "letter": true, "paper": true, "quarter": true, "chapter": true, "winter": true,
	"summer": true, "corner": true, "disaster": true, "theater": true, "theatre": true, "error": true,
	"factor": true, "sector": true, "floor": true, "door": true, "interior": true, "exterior": true,
	"minor": true, "superior": true, "prior": true, "labor": true, "labour": true, "honor": true,
	"terror": true, "horror": true, "mirror": true, "harbor": true, "harbour": true, "corridor": true,
	"monitor": true, "register": true, "computer": true, "helicopter": true, "container": true,
	"shelter": true, "cluster": true, "cancer": true, "fever": true, "silver": true, "river": true,
	"tower": true, "partner": true, "german": true, "christian": true, "italian": true, "civilian": true,
	"territorian": true, "election": true, "deliver": true, "remember": true, "consider": true,
	"gather": true, "suffer": true, "wonder": true, "answer": true, "discover": true, "cover": true,
	"counter": true, "encounter": true, "whatever": true, "whenever": true, "wherever": true,
}

// nounAfter reads a group noun right after a group's name: "Ostral Front
// terrorists", "the PMU umbrella group".
func (r sentenceReader) nounAfter(m *entities.Mention) (placed, bool) {
	rest := r.text[m.End:]
	off := m.End + 1
	switch {
	case strings.HasPrefix(rest, ") "):
		off = m.End + 2
	case !strings.HasPrefix(rest, " "):
		return placed{}, false
	}
	i := r.tokenAt(off)
	if i < 0 {
		return placed{}, false
	}
	for j := i; j < len(r.toks) && j-i < 2; j++ {
		t := r.toks[j]
		if t.Upper || t.Stop || t.Num || j > i && r.text[r.toks[j-1].End:t.Start] != " " {
			return placed{}, false
		}
		if labelHeads[t.Key] {
			if j+1 < len(r.toks) && r.toks[j+1].Upper && r.text[t.End:r.toks[j+1].Start] == " " {
				return placed{}, false // "PMU group Ketaib Hezbollah": the label is the next name's
			}
			if j == i && plainHeads[t.Key] {
				return placed{}, false // "the Islamic State group" says nothing of it
			}
			return placed{text: r.text[r.toks[i].Start:t.End], start: r.toks[i].Start, end: t.End}, true
		}
	}
	return placed{}, false
}

// roleNouns head a description of a person or post: "the leader of the
// National Renewal Front" describes the leader, not the Front.
var roleNouns = map[string]bool{
	"leader": true, "head": true, "president": true, "member": true, "members": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "commander": true, "chief": true, "founder": true,
	"director": true, "executive": true, "professor": true, "governor": true, "secretary": true,
	"minister": true, "mayor": true, "son": true, "daughter": true, "wife": true, "husband": true,
	"brother": true, "sister": true, "father": true, "mother": true, "chairman": true, "lawyer": true,
	"part": true, "one": true, "most": true, "rest": true, "half": true, "number": true, "units": true,
	"unit": true, "officials": true, "official": true, "supporters": true, "representative": true,
}

// plainHeads name a kind of group without describing it.
var plainHeads = map[string]bool{
	"group": true, "groups": true, "organisation": true, "organization": true, "organisations": true,
	"organizations": true, "movement": true, "movements": true, "force": true, "forces": true,
	"units": true, "network": true, "alliance": true, "faction": true, "factions": true,
}

// ofHeads may head "the X of NAME": a group noun, or a kind of place
// ("the opposition stronghold of Oldtown", "the port city of Varo").
var ofHeads = map[string]bool{
	"stronghold": true, "city": true, "town": true, "capital": true, "province": true, "region": true,
	"district": true, "districts": true, "village": true, "country": true, "port": true, "heartland": true,
	"hometown": true, "enclave": true, "suburb": true, "island": true, "republic": true, "state": true,
}

// ofLabels reads "the X of (the) NAME" outside an apposition: "the rebels
// of the Ostral Front", "the opposition stronghold of Oldtown".
func (r sentenceReader) ofLabels() []placed {
	var out []placed
	for k := range r.ments {
		m := &r.ments[k]
		before := r.text[:m.Start]
		cut := strings.TrimSuffix(before, "the ")
		if !strings.HasSuffix(cut, " of ") {
			continue
		}
		j := r.tokenEndingAt(len(cut) - 4)
		if j < 0 || (!labelHeads[r.toks[j].Key] || plainHeads[r.toks[j].Key]) && !ofHeads[r.toks[j].Key] {
			continue
		}
		for i := j - 1; i >= 0 && j-i < 5; i-- {
			t := r.toks[i]
			if r.text[t.End:r.toks[i+1].Start] != " " || t.Upper && !t.Poss || t.Num || speechVerbs[t.Key] || prepositions[t.Key] {
				break
			}
			if determiners[t.Key] {
				out = append(out, placed{text: r.text[t.Start:r.toks[j].End], start: t.Start, end: r.toks[j].End, owner: m.Entity})
				break
			}
		}
	}
	return out
}

// nounLike reports a word that may end a description: lower case (or
// capitalised), no function word, number or verb form.
func nounLike(t tokens.Token) bool {
	if t.Stop || t.Num || speechVerbs[t.Key] || verbsNotNouns[t.Key] || prepositions[t.Key] {
		return false
	}
	k := t.Key
	return !strings.HasSuffix(k, "ed") && !strings.HasSuffix(k, "ing") && !strings.HasSuffix(k, "ly")
}

// verbsNotNouns are common verbs that the -ed/-ing test misses.
var verbsNotNouns = map[string]bool{
	"met": true, "led": true, "hit": true, "saw": true, "took": true, "gave": true, "made": true,
	"beat": true, "put": true, "let": true, "sent": true, "built": true, "left": true, "kept": true,
	"held": true, "won": true, "lost": true, "thanked": true, "visited": true, "urged": true,
	"asked": true, "called": true, "told": true, "is": true, "was": true, "are": true, "were": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "should": true,
	"may": true, "might": true, "must": true, "can": true, "did": true, "does": true, "do": true,
	"be": true, "been": true, "according": true, "include": true, "includes": true,
}

// isPluralWord reports a word ending in s (not ss): "fighters".
func isPluralWord(k string) bool {
	return len(k) > 3 && strings.HasSuffix(k, "s") && !strings.HasSuffix(k, "ss")
}

// notDescriptors end no description before a name: "the name Commander
// Sayf".
var notDescriptors = map[string]bool{"name": true, "names": true, "called": true, "named": true, "dubbed": true}

// roleTitles are titles written before a name that describe a post.
var roleTitles = map[string]bool{
	"judge": true, "senator": true, "governor": true, "mayor": true, "sheikh": true, "general": true,
	"colonel": true, "ambassador": true, "prosecutor": true, "chairman": true, "director": true,
	"secretary": true, "minister": true,
}
