package entities

import (
	"slices"
	"strings"
)

// DocumentKeys gives the mentions of one document (doc[p] holds passage
// p's) their document keys, as Entity: the alias table's entity ("=" and
// the canonical name) for a mention the table knows, the one longer name
// of the document that a one-word name ends ("Muslih" → "qasim muslih"),
// else the name key. A document key depends on its document alone; Resolve
// starts from these and then joins spellings across documents. Story
// grouping keeps the document keys of each article and joins spellings
// when it groups, with SpellingBlock, SameSpelling and SpelledEntities,
// which give the joins Resolve makes of spellings and alias variants; not
// its short forms (joinShortForms), which weigh every longer name of all
// the documents at once, and so are not made term by term.
func DocumentKeys(doc [][]Mention) {
	full := map[string][]string{} // last word → multi-word names in this doc
	for _, ms := range doc {
		for _, m := range ms {
			// A compound joined by hyphens ("Dalmar-Kolby") is no full name
			// that its last word abbreviates.
			if m.Canon == "" && strings.Contains(m.Name, " ") && strings.Contains(m.Surface, " ") {
				last := m.Name[strings.LastIndexByte(m.Name, ' ')+1:]
				if !containsStr(full[last], m.Name) {
					full[last] = append(full[last], m.Name)
				}
			}
		}
	}
	for pi := range doc {
		for mi := range doc[pi] {
			m := &doc[pi][mi]
			switch {
			case m.Canon != "":
				m.Entity = aliasKeyPrefix + m.Canon
			case !strings.Contains(m.Name, " ") && len(full[m.Name]) == 1:
				m.Entity = full[m.Name][0]
			default:
				m.Entity = m.Name
			}
		}
	}
}

// SpellingBlock is the block of a document key: two keys can be spellings
// of one another (SameSpelling) only when they are in one block. An alias
// entity key is in none (""): it joins names through SpelledEntities.
func SpellingBlock(key string) string {
	if strings.HasPrefix(key, aliasKeyPrefix) {
		return ""
	}
	return nameSkeleton(key)
}

// SameSpelling reports whether two name keys of one block are spellings of
// one name ("qasim muslih", "qassem musleh"), as Resolve joins them.
func SameSpelling(a, b string) bool { return fuzzyName(a, b) }

// SpelledEntities returns the alias entity keys ("=" and the canonical
// name) that a name key is a fuzzy spelling of a variant of ("ketaib
// hezbolah" → "=Kata'ib Hezbollah"), sorted; nil for none, for an alias
// entity key, or for a nil table.
func (a *Aliases) SpelledEntities(key string) []string {
	if a == nil || strings.HasPrefix(key, aliasKeyPrefix) {
		return nil
	}
	var out []string
	for _, v := range a.variantBlocks()[nameSkeleton(key)] {
		if fuzzyName(key, v.name) && !slices.Contains(out, aliasKeyPrefix+v.canon) {
			out = append(out, aliasKeyPrefix+v.canon)
		}
	}
	slices.Sort(out)
	return out
}

// aliasVariant is a variant of the alias table with its connectors
// stripped, as fuzzy matching reads it, and its canonical name.
type aliasVariant struct {
	name, canon string
}

// variantBlocks indexes the table's variants by the skeleton of their
// stripped form, built once.
func (a *Aliases) variantBlocks() map[string][]aliasVariant {
	a.blocksOnce.Do(func() {
		a.blocks = map[string][]aliasVariant{}
		for v, c := range a.canon {
			s := stripConnectors(v)
			sk := nameSkeleton(s)
			a.blocks[sk] = append(a.blocks[sk], aliasVariant{s, c})
		}
	})
	return a.blocks
}
