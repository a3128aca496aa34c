package differences

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// credits lists whom each article credits: one difference per article
// that credits anyone, one item per source, each source named once however
// the article writes it ("Ali al-Waeli" and "Al-Waeli", "the Lindmark Civil
// Protection Agency" and "the agency", "Interior Minister Pavel Orsky" and
// "the minister"). A named source shows its entity's name, so that one
// source reads the same in every article ("US" and "the US" are the United
// States); a description shows as written, without "the" ("US officials",
// "local media").
func credits(in Input) []Difference {
	var out []Difference
	words := map[string][]string{} // an entity's name, as word keys
	for i, a := range in.Articles {
		srcs := articleSources(in, i, words)
		if len(srcs) == 0 {
			continue
		}
		d := Difference{Kind: KindAttribution, Topic: a.Name}
		names := make([]string, len(srcs))
		for k, s := range srcs {
			names[k] = s.name
			it := Item{Ref: s.ref, Outlet: a.Name, Text: s.name, Verb: s.verb, Also: s.also}
			if s.entity != "" {
				it.Entity = in.Entities.Display(s.entity)
			}
			d.Items = append(d.Items, it)
		}
		d.Summary = a.Name + " credits " + strings.Join(names, ", ")
		out = append(out, d)
	}
	return out
}

// source is one source an article credits.
type source struct {
	key    string // the entity key, or "d:" and the folded description
	name   string
	entity string
	verb   string
	ref    passages.Ref
	also   []passages.Ref
}

// articleSources reads the sources article i credits, in the order first
// credited.
func articleSources(in Input, i int, words map[string][]string) []source {
	var prev attribution
	seen := namesSeen{res: in.Entities, words: words}
	at := map[string]int{}
	var out []source
	for p, ps := range in.Articles[i].Passages {
		seen.observe(ps)
		for _, a := range findAttributions(ps, passages.Ref{Article: i, Passage: p}, &prev) {
			s, ok := seen.canonical(a)
			if !ok {
				continue
			}
			if k, dup := at[s.key]; dup {
				if o := &out[k]; o.ref != a.ref && !containsRef(o.also, a.ref) {
					o.also = append(o.also, a.ref)
				}
				continue
			}
			at[s.key] = len(out)
			out = append(out, s)
			seen.credit(s)
		}
	}
	return out
}

func containsRef(rs []passages.Ref, r passages.Ref) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// namesSeen is what an article has named so far, most recent last: the
// names short credits and descriptions point back at.
type namesSeen struct {
	res      *entities.Resolver
	names    []seenName
	credited []source
	words    map[string][]string // an entity's name, as word keys
}

// seenName is one name met in the article.
type seenName struct {
	entity string
	words  []string // the name's word keys ("lindmark", "civil", "protection", "agency")
	role   string   // the role word written before it ("minister"), if any
}

// observe records the names of a passage, with the role before each
// ("Interior Minister Pavel Orsky").
func (s *namesSeen) observe(p Passage) {
	k := 0 // the first token at or after the mention
	for _, m := range p.Mentions {
		n := seenName{entity: m.Entity, words: s.nameWords(m.Entity)}
		for k < len(p.Tokens) && p.Tokens[k].Start < m.Start {
			k++
		}
		for j := k - 1; j >= 0 && p.Tokens[j].Start >= m.Start-30; j-- {
			if creditRoles[p.Tokens[j].Key] {
				n.role = p.Tokens[j].Key
				break
			}
		}
		s.names = append(s.names, n)
	}
}

func (s *namesSeen) credit(src source) { s.credited = append(s.credited, src) }

// nameWords is an entity's shown name as word keys, kept.
func (s *namesSeen) nameWords(e string) []string {
	words, ok := s.words[e]
	if !ok {
		words = textnorm.Keys(s.res.Display(e))
		s.words[e] = words
	}
	return words
}

// creditRoles are the roles "the minister said" points back with.
var creditRoles = map[string]bool{
	"minister": true, "president": true, "governor": true, "mayor": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "chief": true, "director": true, "chairman": true,
	"commander": true, "general": true, "senator": true, "judge": true, "prosecutor": true,
	"secretary": true, "ambassador": true, "leader": true,
}

// backHeads are the nouns of a description that points back at a source
// named before ("the agency", "the ministry", "the prosecutor's office");
// one that points at nothing names no one and is dropped.
var backHeads = map[string]bool{
	"agency": true, "ministry": true, "minister": true, "group": true, "service": true,
	"association": true, "party": true, "company": true, "office": true, "board": true,
	"union": true, "federation": true, "commission": true, "committee": true, "council": true,
	"department": true, "president": true, "governor": true, "mayor": true, "spokesman": true,
	"spokeswoman": true, "organisation": true, "organization": true, "movement": true,
	"militia": true, "operator": true, "firm": true, "charity": true, "court": true,
}

// canonical names the source of an attribution: a short name ("Waeli",
// "Tolk") the last full name it ends; a description whose noun points back
// ("the agency") the source it points at; a name its entity.
func (s *namesSeen) canonical(a attribution) (source, bool) {
	src := source{verb: a.verb, ref: a.ref}
	if a.entity != "" {
		e := s.fullName(a.entity)
		src.key, src.entity, src.name = e, e, s.res.Display(e)
		return src, true
	}
	d := strings.TrimSpace(a.speaker)
	for _, the := range []string{"the ", "The ", "THE "} {
		d = strings.TrimPrefix(d, the)
	}
	words := textnorm.Keys(d)
	if len(words) == 0 {
		return src, false
	}
	if head := words[len(words)-1]; backHeads[head] && len(words) <= 2 {
		if o, ok := s.pointsAt(head, words); ok {
			o.verb, o.ref, o.also = a.verb, a.ref, nil
			return o, true
		}
		return src, false
	}
	src.key, src.name = "d:"+strings.Join(words, " "), d
	return src, true
}

// fullName returns the entity a one-word name stands for in this article:
// the most recent full name it ends ("Al-Waeli" after "Ali al-Waeli"),
// else the entity itself.
func (s *namesSeen) fullName(e string) string {
	words := s.nameWords(e)
	if len(words) != 1 || strings.HasPrefix(e, "=") {
		return e
	}
	w := words[0]
	for k := len(s.names) - 1; k >= 0; k-- {
		n := s.names[k]
		if len(n.words) > 1 && n.entity != e && sameWord(n.words[len(n.words)-1], w) {
			return n.entity
		}
	}
	return e
}

// sameWord reports one name word, written with or without "al-" ("Waeli",
// "al-Waeli").
func sameWord(a, b string) bool {
	trim := func(w string) string {
		for _, p := range []string{"al ", "el "} {
			w = strings.TrimPrefix(w, p)
		}
		return w
	}
	return trim(a) == trim(b)
}

// pointsAt finds what a description with the noun head points back at:
// the most recent source or name with that word in it ("the agency" → the
// Lindmark Civil Protection Agency; "the service" → the regional emergency
// service), or written after that role ("the minister" → Pavel Orsky).
func (s *namesSeen) pointsAt(head string, words []string) (source, bool) {
	for k := len(s.credited) - 1; k >= 0; k-- {
		c := s.credited[k]
		if strings.HasPrefix(c.key, "d:") && strings.HasSuffix(c.key, " "+head) {
			return c, true
		}
	}
	for k := len(s.names) - 1; k >= 0; k-- {
		n := s.names[k]
		if n.role == head || containsAll(n.words, words) || groupHeads[head] && isGroup(s.res.Display(n.entity)) {
			return source{key: n.entity, entity: n.entity, name: s.res.Display(n.entity)}, true
		}
	}
	return source{}, false
}

// groupHeads point back at the last group named: "the group said".
var groupHeads = map[string]bool{"group": true, "militia": true, "movement": true, "organisation": true, "organization": true}

// containsAll reports whether every word of ws is in name.
func containsAll(name, ws []string) bool {
	for _, w := range ws {
		if !containsWord(name, w) {
			return false
		}
	}
	return true
}

func containsWord(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}
