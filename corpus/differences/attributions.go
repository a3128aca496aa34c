package differences

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/tokens"
)

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

// sourceNouns are the heads of unnamed sources: "officials say".
var sourceNouns = []string{"official", "spokes", "source", "expert", "analyst", "minister", "ministry",
	"police", "witness", "report", "agency", "media", "government", "military", "army", "commander",
	"statement", "pentagon", "embassy", "office", "president", "leader", "lawmaker", "diplomat",
	"resident", "activist", "observer", "group", "militia", "authorit", "investigator", "prosecutor",
	"journalist", "correspondent", "newspaper", "website", "channel", "broadcaster", "monitor",
	"service", "association", "brigade", "board", "commission", "union", "federation", "medic", "doctor",
	"prosecutor", "party", "company", "firm", "operator", "witness", "survivor", "analyst", "famil"}

// attribution is one crediting of a source in a passage.
type attribution struct {
	ref     passages.Ref
	speaker string // as written: "US officials", "Kirby"
	entity  string // resolved entity key, "" for descriptions
	verb    string
}

// findAttributions finds who a passage credits: "according to X",
// "X said/told/…", ", said X". Pronouns take the article's previous named
// source, prev, which it updates.
func findAttributions(p Passage, ref passages.Ref, prev *attribution) []attribution {
	r := attributionReader{text: p.Text, toks: p.Tokens, ments: p.Mentions, ref: ref, prev: prev}
	toks := r.toks
	for v := 0; v < len(toks); v++ {
		t := toks[v]
		if t.Key == "according" && v+2 < len(toks) && toks[v+1].Key == "to" {
			r.accordingTo(v + 2)
			continue
		}
		if !speechVerbs[t.Key] || r.nounUse(v) {
			continue
		}
		verb := r.text[t.Start:t.End]
		if r.speakerAfter(v, verb) || v == 0 {
			continue
		}
		if m := r.appositionName(v); m != nil {
			r.add(m.Surface, m.Entity, verb) // "A lawyer for Brandt, Helga Moe, said"
			continue
		}
		if end, ok := r.subjectEnd(v); ok {
			r.speakerBefore(end, verb)
		}
	}
	return r.out
}

// attributionReader is findAttributions' reading of one passage.
type attributionReader struct {
	text  string
	toks  []tokens.Token
	ments []entities.Mention
	ref   passages.Ref
	prev  *attribution
	out   []attribution
}

// nounUse reports a speech verb used as a noun after a name: "doubts
// about US claims", "the Pentagon's reports".
func (r *attributionReader) nounUse(v int) bool {
	if v == 0 || !strings.HasSuffix(r.toks[v].Key, "s") {
		return false
	}
	m := r.mentionEndingAt(r.toks[v-1].End)
	if m == nil {
		return r.toks[v-1].Poss
	}
	k := v - 1
	for k > 0 && r.toks[k].Start > m.Start {
		k--
	}
	return k > 0 && nounUseBefore[r.toks[k-1].Key]
}

// nounUseBefore are the words that make "NAME claims" a noun phrase.
var nounUseBefore = map[string]bool{
	"about": true, "of": true, "on": true, "over": true, "despite": true, "against": true, "with": true,
	"the": true, "these": true, "those": true, "such": true, "by": true, "from": true, "to": true, "in": true,
}

// add records a source; it becomes the previous source pronouns take.
func (r *attributionReader) add(speaker, entity, verb string) {
	speaker = strings.Trim(speaker, " ,")
	if speaker == "" {
		return
	}
	at := attribution{ref: r.ref, speaker: speaker, entity: entity, verb: verb}
	r.out = append(r.out, at)
	*r.prev = at
}

func (r *attributionReader) mentionEndingAt(end int) *entities.Mention {
	for k := range r.ments {
		if r.ments[k].End == end {
			return &r.ments[k]
		}
	}
	return nil
}

func (r *attributionReader) mentionStartingAt(start int) *entities.Mention {
	for k := range r.ments {
		if r.ments[k].Start == start {
			return &r.ments[k]
		}
	}
	return nil
}

// accordingTo credits what follows "according to", from toks[i]: a name,
// else the noun phrase there.
func (r *attributionReader) accordingTo(i int) {
	const verb = "according to"
	at := i
	if r.toks[at].Key == "the" && at+1 < len(r.toks) {
		at++
	}
	if m := r.mentionStartingAt(r.toks[at].Start); m != nil {
		r.add(m.Surface, m.Entity, verb)
		return
	}
	if m := r.lastMentionIn(i, 5); m != nil && r.titleOnly(r.text[r.toks[i].Start:m.Start]) {
		r.add(m.Surface, m.Entity, verb) // "according to police spokeswoman Anna Kjell", "principal Jona Ferro", "al-Shamas"
		return
	}
	i, j := r.nounPhrase(i)
	if j < i {
		return
	}
	if m := r.ofOrganisation(i, j); m != nil {
		r.add(m.Surface, m.Entity, verb) // "according to officials of the Central Electoral Commission"
		return
	}
	r.add(r.text[r.toks[i].Start:r.toks[j].End], "", verb)
}

// titleOnly reports words before a name that only say who it is: lower
// case, no determiner or preposition ("police spokeswoman ", "principal
// ", "al-"), up to three of them.
func (r *attributionReader) titleOnly(lead string) bool {
	if lead == "al-" || lead == "el-" {
		return true
	}
	words := strings.Fields(lead)
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		k := textnorm.Key(w)
		if k == "" || k != strings.ToLower(w) && w != strings.ToLower(w) || determiners[k] || prepositions[k] || k == "of" {
			return false
		}
	}
	return true
}

// ofOrganisation returns the organisation a description of its people
// names: "officials of the Central Electoral Commission" are the
// Commission's; "residents of Senna" are no place's.
func (r *attributionReader) ofOrganisation(i, j int) *entities.Mention {
	for k := i + 1; k <= j; k++ {
		if r.toks[k].Key != "of" || !isSourceNoun(r.toks[k-1].Key) {
			continue
		}
		off := r.toks[k].End + 1
		if strings.HasPrefix(r.text[off:], "the ") {
			off += 4
		}
		if m := r.mentionStartingAt(off); m != nil && r.isOrganisation(m) {
			return m
		}
	}
	return nil
}

// isOrganisation reports a name that is a group's or an organisation's
// ("… Commission", "… Front", "Hezbollah").
func (r *attributionReader) isOrganisation(m *entities.Mention) bool {
	ks := textnorm.Keys(m.Surface)
	return len(ks) > 0 && (entities.IsOrgHead(ks[len(ks)-1]) || isGroup(m.Surface) || isGroup(entities.KeyName(m.Entity)))
}

// appositionName returns the name between two commas right before the
// speech verb toks[v]: "A lawyer for Brandt, Helga Moe, said" credits
// Helga Moe, not Brandt.
func (r *attributionReader) appositionName(v int) *entities.Mention {
	if v == 0 || !strings.HasSuffix(r.text[:r.toks[v].Start], ", ") {
		return nil
	}
	m := r.mentionEndingAt(r.toks[v-1].End)
	if m == nil || m.Start < 2 || r.text[m.Start-2:m.Start] != ", " {
		return nil
	}
	return m
}

// speakerAfter credits the name right after the speech verb toks[v] in an
// inverted quote ("…,” said Drew Kelton"), and reports whether it did.
func (r *attributionReader) speakerAfter(v int, verb string) bool {
	text, toks, t := r.text, r.toks, r.toks[v]
	before := strings.TrimRight(text[:t.Start], " ")
	if v+1 >= len(toks) || !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "”") && !strings.HasSuffix(before, "’") &&
		!strings.HasSuffix(before, "'") && !strings.HasSuffix(before, "\"") {
		return false
	}
	if text[t.End:toks[v+1].Start] != " " {
		return false
	}
	m := r.lastMentionIn(v+1, 5)
	if m == nil {
		m = r.mentionStartingAt(toks[v+1].Start) // "said Kata’ib Hezbollah today"
	}
	if m != nil {
		r.add(m.Surface, m.Entity, verb)
		return true
	}
	// "said his brother, Karim Taleb.": the name in apposition.
	end := r.phraseEnd(v+1, 5)
	if end+1 < len(toks) && r.text[toks[end].End:toks[end+1].Start] == ", " {
		if m := r.mentionStartingAt(toks[end+1].Start); m != nil && (m.End == len(text) || strings.ContainsAny(text[m.End:m.End+1], ",.;")) {
			r.add(m.Surface, m.Entity, verb)
			return true
		}
	}
	return false
}

// lastMentionIn returns the name that ends the phrase of up to n words
// that starts at toks[i] and runs to the next punctuation, or nil:
// "Senator Jim Hallet", "KMF president Bo Lindahl", "police spokeswoman
// Anna Kjell" credit the person.
func (r *attributionReader) lastMentionIn(i, n int) *entities.Mention {
	m := r.mentionEndingAt(r.toks[r.phraseEnd(i, n)].End)
	if m == nil || m.Start < r.toks[i].Start {
		return nil
	}
	return m
}

// phraseEnd is the index of the last word of the phrase lastMentionIn reads.
func (r *attributionReader) phraseEnd(i, n int) int {
	j := i
	for j+1 < len(r.toks) && j-i < n-1 && isWordGap(r.text[r.toks[j].End:r.toks[j+1].Start]) && !speechVerbs[r.toks[j+1].Key] {
		j++
	}
	return j
}

// subjectEnd finds the last word of the subject of the speech verb
// toks[v] (v > 0): the word before it, or, past an apposition ("X, a
// spokesperson, said"), the word before the apposition's comma; false when
// the verb has no subject right before it.
func (r *attributionReader) subjectEnd(v int) (int, bool) {
	text, toks, t := r.text, r.toks, r.toks[v]
	end := v - 1
	if strings.HasSuffix(text[toks[end].End:t.Start], ", ") || strings.HasSuffix(text[:t.Start], ", ") {
		k := end
		for k > 0 && k > end-20 && !strings.Contains(text[toks[k-1].End:toks[k].Start], ",") {
			k--
		}
		if k > 0 && k > end-20 {
			return k - 1, true
		}
		return 0, false
	}
	return end, text[toks[end].End:t.Start] == " "
}

// speakerBefore credits the subject ending at toks[end]: a pronoun takes
// the source named in this or the previous passage; a name is credited
// whole; else a description of up to three words ending in a source noun
// ("US officials", "security experts").
func (r *attributionReader) speakerBefore(end int, verb string) {
	text, toks := r.text, r.toks
	if pronouns[toks[end].Key] {
		// Only a source named in this or the previous passage.
		if r.prev.speaker != "" && r.prev.ref.Passage >= r.ref.Passage-1 && (end == 0 || !toks[end-1].Upper) {
			r.add(r.prev.speaker, r.prev.entity, verb)
		}
		return
	}
	if m := r.mentionEndingAt(toks[end].End); m != nil {
		r.nameBefore(m, verb)
		return
	}
	k := end
	for k > 0 && end-k < 3 && text[toks[k-1].End:toks[k].Start] == " " && !toks[k-1].Stop && !toks[k-1].Num && !speechVerbs[toks[k-1].Key] {
		k--
	}
	if toks[end].Stop || toks[end].Num {
		return
	}
	// A lone noun that points back ("the group said", "the agency said")
	// is kept: the credits read it as the source it points at.
	if isSourceNoun(toks[end].Key) {
		r.add(text[toks[k].Start:toks[end].End], "", verb)
	}
}

// nameBefore credits the name that ends the subject of a speech verb, or
// what it qualifies: "officials of the Commission said" credits the
// Commission, "Residents of Senna said" the residents, and a name after a
// preposition is no subject ("Shopkeepers on Harbour Road said",
// "interviewed by the Times said").
func (r *attributionReader) nameBefore(m *entities.Mention, verb string) {
	before := strings.TrimSuffix(r.text[:m.Start], "the ")
	words := strings.Fields(before)
	if len(words) == 0 {
		r.add(m.Surface, m.Entity, verb)
		return
	}
	last := strings.ToLower(words[len(words)-1])
	switch {
	case peopleOf[last] && len(words) > 1 && isSourceNoun(textnorm.Key(words[len(words)-2])):
		if r.isOrganisation(m) {
			r.add(m.Surface, m.Entity, verb) // "monitors from the Civic Vote Network"
			return
		}
		if last == "of" {
			from := strings.LastIndex(before, words[len(words)-2]+" "+words[len(words)-1])
			r.add(r.text[max(from, 0):m.End], "", verb) // "Residents of Senna"
		}
	case subjectPrepositions[last]:
	default:
		r.add(m.Surface, m.Entity, verb)
	}
}

// peopleOf link a source's people to an organisation: "officials of",
// "monitors from", "a spokesman for".
var peopleOf = map[string]bool{"of": true, "from": true, "at": true, "for": true, "with": true}

// subjectPrepositions put a name out of a speech verb's subject.
var subjectPrepositions = map[string]bool{
	"on": true, "in": true, "at": true, "near": true, "from": true, "by": true, "outside": true,
	"across": true, "of": true, "with": true, "for": true, "about": true, "against": true,
}

func isSourceNoun(key string) bool {
	for _, s := range sourceNouns {
		if strings.HasPrefix(key, s) {
			return true
		}
	}
	return false
}

// nounPhrase returns the words [i, j] of the noun phrase after
// "according to": up to five words from toks[i] to the next punctuation or
// preposition but "of", never ending inside a name ("the Syrian
// Observatory for Human Rights"); for a report ("estimates by regional
// analysts", "figures from the ministry") the phrase after it. j < i for
// none.
func (r *attributionReader) nounPhrase(i int) (int, int) {
	text, toks := r.text, r.toks
	if reportNouns[toks[i].Key] && i+2 < len(toks) && (toks[i+1].Key == "by" || toks[i+1].Key == "from" || toks[i+1].Key == "of") {
		i += 2
	}
	j := i
	for j+1 < len(toks) && j-i < 4 && isWordGap(text[toks[j].End:toks[j+1].Start]) && !speechVerbs[toks[j+1].Key] && !phraseEnds[toks[j+1].Key] {
		j++
	}
	if m := entities.MentionAt(r.ments, toks[j].Start); m != nil && m.End > toks[j].End {
		for j+1 < len(toks) && toks[j+1].End <= m.End {
			j++
		}
	}
	return i, j
}

// reportNouns are what "according to" may cite rather than whom.
var reportNouns = map[string]bool{
	"estimates": true, "figures": true, "reports": true, "data": true, "statement": true, "report": true,
}

// phraseEnds are the prepositions that end the phrase after "according
// to": "volunteer medics at the Red Crescent tent" are volunteer medics.
var phraseEnds = map[string]bool{
	"at": true, "in": true, "on": true, "near": true, "from": true, "with": true, "outside": true,
	"during": true, "who": true, "which": true, "that": true,
}

// isWordGap reports whether gap joins two words of one name or phrase: a
// space, or a hyphen ("al-Shamas").
func isWordGap(gap string) bool { return gap == " " || gap == "-" || gap == "‐" }
