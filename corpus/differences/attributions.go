package differences

import (
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
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
	"journalist", "correspondent", "newspaper", "website", "channel", "broadcaster", "monitor"}

// attribution is one crediting of a source in a passage.
type attribution struct {
	ref     passages.Ref
	speaker string // as written: "US officials", "Kirby"
	entity  string // resolved entity key, "" for descriptions
	verb    string
}

// attributionDifference lists who each article credits, in passage order.
func attributionDifference(in Input) (Difference, bool) {
	d := Difference{Kind: KindAttribution, Topic: "sources"}
	var parts []string
	for i, a := range in.Articles {
		var prev attribution
		var names []string
		seen := map[string]bool{}
		credited := map[string]bool{}
		for p, ps := range a.Passages {
			para := strconv.Itoa(ps.Paragraph)
			for _, at := range findAttributions(ps, passages.Ref{Article: i, Passage: p}, &prev) {
				it := Item{Ref: at.ref, Text: at.speaker, Verb: at.verb}
				key := strings.ToLower(at.speaker)
				if at.entity != "" {
					it.Entity = in.Entities.Display(at.entity)
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
			parts = append(parts, a.Name+" credits "+strings.Join(names, ", "))
		} else {
			parts = append(parts, a.Name+" credits no one by name")
		}
	}
	if len(d.Items) == 0 {
		return d, false
	}
	d.Summary = strings.Join(parts, "; ")
	return d, true
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
		if !speechVerbs[t.Key] {
			continue
		}
		verb := r.text[t.Start:t.End]
		if r.speakerAfter(v, verb) || v == 0 {
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
	if m := r.mentionStartingAt(r.toks[i].Start); m != nil {
		r.add(m.Surface, m.Entity, "according to")
	} else if np := nounPhrase(r.text, r.toks, i); np != "" {
		r.add(np, "", "according to")
	}
}

// speakerAfter credits the name right after the speech verb toks[v] in an
// inverted quote ("…,” said Drew Kelton"), and reports whether it did.
func (r *attributionReader) speakerAfter(v int, verb string) bool {
	text, toks, t := r.text, r.toks, r.toks[v]
	before := strings.TrimRight(text[:t.Start], " ")
	if v+1 < len(toks) && (strings.HasSuffix(before, ",") || strings.HasSuffix(before, "”") || strings.HasSuffix(before, "’") || strings.HasSuffix(before, "'")) {
		if m := r.mentionStartingAt(toks[v+1].Start); m != nil && text[t.End:toks[v+1].Start] == " " {
			r.add(m.Surface, m.Entity, verb)
			return true
		}
	}
	return false
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
		for k > 0 && k > end-12 && !strings.Contains(text[toks[k-1].End:toks[k].Start], ",") {
			k--
		}
		if k > 0 && k > end-12 {
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
		r.add(m.Surface, m.Entity, verb)
		return
	}
	k := end
	for k > 0 && end-k < 3 && text[toks[k-1].End:toks[k].Start] == " " && !toks[k-1].Stop && !toks[k-1].Num && !speechVerbs[toks[k-1].Key] {
		k--
	}
	if toks[end].Stop || toks[end].Num {
		return
	}
	// A lone group noun ("the group said") points back at a group
	// named elsewhere; on its own it names no one.
	if isSourceNoun(toks[end].Key) && (k < end || toks[end].Upper || !labelHeads[toks[end].Key]) {
		r.add(text[toks[k].Start:toks[end].End], "", verb)
	}
}

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
