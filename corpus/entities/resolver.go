package entities

import (
	"sort"
	"strings"
	"sync"
	"unicode"
)

// Resolver gives every mention an entity key, joining spellings: the alias
// table first, then a short name to the one longer name in the same
// document it abbreviates ("Muslih" → "Qasim Muslih"), then fuzzy matching
// of names with the same consonant skeleton across documents.
//
// Entity keys are opaque to callers but for KeyName: "=" and the canonical
// name for an entity of the alias table, else a name key. A Resolver is
// used by one goroutine until Resolve returns; after that, Display may be
// called from several at once (it caches what it computes, under a lock).
type Resolver struct {
	al      *Aliases
	parent  map[string]string // union-find over entity keys
	surface map[string]map[string]int
	// counts totals spellings per resolved entity; built by the first
	// Display call, after Resolve. shown keeps what Display answered. mu
	// guards both, and parent once Resolve has returned (find shortens
	// its paths).
	mu     sync.Mutex
	counts map[string]map[string]int
	shown  map[string]string
}

// NewResolver returns a resolver using an alias table (nil for none).
func NewResolver(al *Aliases) *Resolver {
	return &Resolver{al: al, parent: map[string]string{}, surface: map[string]map[string]int{}}
}

// aliasKeyPrefix starts the entity key of an alias-table entity.
const aliasKeyPrefix = "="

// KeyName is the text of an entity key: the canonical name of an alias
// entity, else the name key (word keys, space-joined).
func KeyName(key string) string { return strings.TrimPrefix(key, aliasKeyPrefix) }

func (r *Resolver) find(k string) string {
	for {
		p, ok := r.parent[k]
		if !ok || p == k {
			return k
		}
		if gp, ok := r.parent[p]; ok && gp != p {
			r.parent[k] = gp
		}
		k = p
	}
}

func (r *Resolver) union(a, b string) {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return
	}
	// Alias-table keys stay roots so that the canonical name shows.
	if strings.HasPrefix(rb, aliasKeyPrefix) && !strings.HasPrefix(ra, aliasKeyPrefix) {
		ra, rb = rb, ra
	}
	r.parent[rb] = ra
	if _, ok := r.parent[ra]; !ok {
		r.parent[ra] = ra
	}
}

// Resolve sets the Entity of the mentions of several documents (docs[d]
// holds document d's mentions, by passage): each document's own keys, then
// spellings joined across documents.
func (r *Resolver) Resolve(docs [][][]Mention) { r.ResolveOn(docs, 1) }

// ResolveOn is Resolve with the search for short forms' long names (every
// short form tried on every long name) on up to w goroutines; the result
// is the same.
func (r *Resolver) ResolveOn(docs [][][]Mention, w int) {
	for _, doc := range docs {
		r.keyDocument(doc)
	}
	r.joinAliasVariants(r.skeletonBlocks())
	r.joinSpellings()
	r.joinShortForms(w)
	for _, doc := range docs {
		for pi := range doc {
			for mi := range doc[pi] {
				doc[pi][mi].Entity = r.find(doc[pi][mi].Entity)
			}
		}
	}
}

// keyDocument gives the mentions of one document their first keys
// (DocumentKeys) and counts the spellings.
func (r *Resolver) keyDocument(doc [][]Mention) {
	DocumentKeys(doc)
	for pi := range doc {
		for mi := range doc[pi] {
			m := &doc[pi][mi]
			if _, ok := r.parent[m.Entity]; !ok {
				r.parent[m.Entity] = m.Entity
			}
			if r.surface[m.Entity] == nil {
				r.surface[m.Entity] = map[string]int{}
			}
			r.surface[m.Entity][m.Surface]++
		}
	}
}

// skeletonBlocks groups the name keys seen (not alias entities) by their
// consonant skeleton: only names in one block can be spellings of one
// another.
func (r *Resolver) skeletonBlocks() map[string][]string {
	blocks := map[string][]string{}
	for k := range r.parent {
		if strings.HasPrefix(k, aliasKeyPrefix) {
			continue
		}
		sk := nameSkeleton(k)
		blocks[sk] = append(blocks[sk], k)
	}
	return blocks
}

// joinAliasVariants joins each name to the alias entity one of whose
// variants it is a fuzzy spelling of ("ketaib hezbolah" → Kata'ib
// Hezbollah).
func (r *Resolver) joinAliasVariants(blocks map[string][]string) {
	if r.al == nil {
		return
	}
	variants := r.al.variantBlocks() // the table's variants by the same skeletons, made once
	for sk, ks := range blocks {
		for _, v := range variants[sk] {
			for _, k := range ks {
				if fuzzyName(k, v.name) {
					r.union(aliasKeyPrefix+v.canon, k)
				}
			}
		}
	}
}

// joinSpellings joins the names that are fuzzy spellings of one another
// ("qasim muslih", "qassem musleh", "maren tolk", "marin tolke"). Only
// names with as many words, each starting with the same consonant, can be:
// those are compared.
func (r *Resolver) joinSpellings() {
	blocks := map[string][]string{}
	for k := range r.parent {
		if !strings.HasPrefix(k, aliasKeyPrefix) {
			ini := initials(k)
			blocks[ini] = append(blocks[ini], k)
		}
	}
	for _, ks := range blocks {
		if len(ks) < 2 {
			continue
		}
		sort.Strings(ks)
		for a := 0; a < len(ks); a++ {
			for b := a + 1; b < len(ks); b++ {
				if fuzzyName(ks[a], ks[b]) {
					r.union(ks[a], ks[b])
				}
			}
		}
	}
}

// initials is the first consonant of each word of a name key (its first
// letter when it has none): fuzzy spellings share it.
func initials(name string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(name) {
		c, _, _ := nextSkeletonByte(w, 0, 0) // the skeleton's first byte
		if c == 0 {
			c = w[0]
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Display names an entity key for people: the canonical name for alias
// entities, else its fullest spelling (most words: "Anja Lind", not "Lind";
// "Kessara Workers' Union", not "KWU"), the most common of those, longest
// on ties, then the first in byte order. Call it after Resolve; it is safe
// for concurrent use.
func (r *Resolver) Display(key string) string {
	if strings.HasPrefix(key, aliasKeyPrefix) {
		return key[len(aliasKeyPrefix):]
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.counts == nil {
		r.countSpellings()
		r.shown = map[string]string{}
	}
	if d, ok := r.shown[key]; ok {
		return d
	}
	counts := r.counts[key]
	best, bn, bw := key, 0, 0
	for s, n := range counts {
		w := wordCount(s)
		if w > bw || w == bw && (n > bn || (n == bn && (len(s) > len(best) || (len(s) == len(best) && s < best)))) {
			best, bn, bw = s, n, w
		}
	}
	r.shown[key] = best
	return best
}

// countSpellings totals the spellings of every resolved entity, once
// resolution is done.
func (r *Resolver) countSpellings() {
	r.counts = map[string]map[string]int{}
	for k, m := range r.surface {
		root := r.find(k)
		if r.counts[root] == nil {
			r.counts[root] = map[string]int{}
		}
		for s, n := range m {
			r.counts[root][s] += n
		}
	}
}

// stripConnectors drops the connectors of a name ("hashd al shaabi" →
// "hashd shaabi"), keeping a name made of nothing else whole.
func stripConnectors(name string) string {
	parts := strings.Fields(name)
	out := parts[:0]
	for _, p := range parts {
		if !connectors[p] {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return name
	}
	return strings.Join(out, " ")
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// wordCount is len(strings.Fields(s)), without making the list.
func wordCount(s string) int {
	n, in := 0, false
	for _, c := range s {
		if unicode.IsSpace(c) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}
