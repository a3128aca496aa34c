package stories

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
)

// vocabulary gives term ids in the order terms first appear (article by
// article, each article's terms in their order) and counts the articles
// each term is in (df). The library keeps the same numbering, batch by
// batch of added articles, so that both number terms alike.
type vocabulary struct {
	ids   map[string]int32
	texts []string
	df    []int32
}

func newVocabulary() *vocabulary { return &vocabulary{ids: map[string]int32{}} }

// id is the id of a term text, numbering it when new.
func (v *vocabulary) id(text string) int32 {
	id, ok := v.ids[text]
	if !ok {
		id = int32(len(v.texts))
		v.ids[text] = id
		v.texts = append(v.texts, text)
		v.df = append(v.df, 0)
	}
	return id
}

// number turns every article's term numbers into vocabulary ids, in
// article order, and counts df; it lets go of the extraction's numbers.
func (v *vocabulary) number(e *extraction) [][]termCount {
	gid := make([][]int32, len(e.workers)) // worker's term number → id, -1 unset
	for k, x := range e.workers {
		gid[k] = slices.Repeat([]int32{-1}, len(x.texts))
	}
	for i, ts := range e.terms {
		g := gid[e.worker[i]]
		for k := range ts {
			id := g[ts[k].id]
			if id < 0 {
				id = v.id(e.text(i, ts[k].id))
				g[ts[k].id] = id
			}
			v.df[id]++
			ts[k].id = id
		}
	}
	return e.terms
}

// classes gives every term its class: a stem is its own; a name joins the
// names it is a spelling of and the alias entities it spells (see
// SpellingLinks), and a class is numbered by its first term.
func (v *vocabulary) classes(al *entities.Aliases) []int32 {
	u := newUnion(len(v.texts))
	blocks := map[string][]int32{}
	// An alias entity no article names as such stands for the first term
	// that spells it.
	virtual := map[string]int32{}
	for id, text := range v.texts {
		b := TermBlock(text)
		if b == "" {
			continue
		}
		others := make([]string, len(blocks[b]))
		for k, o := range blocks[b] {
			others[k] = v.texts[o]
		}
		for _, l := range SpellingLinks(text, others, al) {
			if o, ok := v.ids[l]; ok {
				u.join(int32(id), o)
			} else if o, ok := virtual[l]; ok {
				u.join(int32(id), o)
			} else {
				virtual[l] = int32(id)
			}
		}
		blocks[b] = append(blocks[b], int32(id))
	}
	return u.classes()
}

// union is a union-find over term ids whose classes are numbered by their
// smallest id.
type union struct{ parent []int32 }

func newUnion(n int) *union {
	u := &union{parent: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
	}
	return u
}

func (u *union) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// join puts a and b in one class; the smaller root stays.
func (u *union) join(a, b int32) {
	ra, rb := u.find(a), u.find(b)
	if ra > rb {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

func (u *union) classes() []int32 {
	out := make([]int32, len(u.parent))
	for i := range out {
		out[i] = u.find(int32(i))
	}
	return out
}

// TermBlock is the spelling block of a term text: names that may be
// spellings of one another share one (entities.SpellingBlock). It is ""
// for word stems and alias entities, which join nothing by their spelling.
func TermBlock(text string) string {
	key, ok := strings.CutPrefix(text, entityKind)
	if !ok {
		return ""
	}
	return entities.SpellingBlock(key)
}

// SpellingLinks returns the term texts a name term joins: those of others
// (terms of its block) it is a spelling of, and the alias entity terms it
// spells, which need not be terms yet. Grouping joins a term to each, and
// a class of spellings is one term of the vectors; this is the join
// entities.Resolver makes across documents, made term by term so that a
// library can make it for the names a new article brings.
func SpellingLinks(text string, others []string, al *entities.Aliases) []string {
	key, ok := strings.CutPrefix(text, entityKind)
	if !ok {
		return nil
	}
	var out []string
	for _, o := range others {
		if k, ok := strings.CutPrefix(o, entityKind); ok && k != key && entities.SameSpelling(key, k) {
			out = append(out, o)
		}
	}
	for _, e := range al.SpelledEntities(key) {
		out = append(out, entityKind+e)
	}
	return out
}

// Stats are what grouping weighs terms by: the number of articles, each
// term's class (its own id for a stem, the first term of its spelling
// class for a name), and how many articles have each class (the sum of
// its terms' df).
type Stats struct {
	n       int
	class   []int32 // term id → class id
	classDF []int32 // class id → df
}

// TermStat is one term as a store keeps it: its id, its class and its df.
type TermStat struct {
	ID, Class, DF int64
}

// NewStats returns the statistics of n articles whose terms are terms
// (ids are small: below the number of terms ever numbered).
func NewStats(n int, terms []TermStat) (*Stats, error) {
	size := int64(0)
	for _, t := range terms {
		size = max(size, t.ID+1)
	}
	if size > 1<<31-1 {
		return nil, fmt.Errorf("stories: %d term ids do not fit", size)
	}
	st := &Stats{n: n, class: make([]int32, size), classDF: make([]int32, size)}
	for i := range st.class {
		st.class[i] = int32(i)
	}
	for _, t := range terms {
		if t.ID < 0 || t.Class < 0 || t.Class >= size {
			return nil, fmt.Errorf("stories: term %d has class %d of %d terms", t.ID, t.Class, size)
		}
		st.class[t.ID] = int32(t.Class)
		st.classDF[t.Class] += int32(t.DF)
	}
	return st, nil
}

// statsOf is the statistics of an in-memory vocabulary over n articles.
func statsOf(v *vocabulary, classes []int32, n int) *Stats {
	st := &Stats{n: n, class: classes, classDF: make([]int32, len(classes))}
	for id, c := range classes {
		st.classDF[c] += v.df[id]
	}
	return st
}
