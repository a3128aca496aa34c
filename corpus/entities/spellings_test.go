package entities

import (
	"slices"
	"strings"
	"testing"
)

// DocumentKeys gives the keys Resolve starts from: alias entities, the
// one full name a short name ends, else the name itself.
func TestDocumentKeys(t *testing.T) {
	doc := [][]Mention{
		{{Name: "qasim muslih", Surface: "Qasim Muslih"}, {Name: "muslih", Surface: "Muslih"}, {Name: "pmu", Surface: "PMU", Canon: "Popular Mobilization Forces"}},
		{{Name: "sadr", Surface: "Sadr"}, {Name: "ali sadr", Surface: "Ali Sadr"}, {Name: "moqtada sadr", Surface: "Moqtada Sadr"}},
		// A compound joined by hyphens is no full name its last word
		// abbreviates.
		{{Name: "dalmar kolby", Surface: "Dalmar-Kolby"}, {Name: "kolby", Surface: "Kolby"}},
	}
	DocumentKeys(doc)
	var got []string
	for _, ms := range doc {
		for _, m := range ms {
			got = append(got, m.Entity)
		}
	}
	want := []string{"qasim muslih", "qasim muslih", "=Popular Mobilization Forces", "sadr", "ali sadr", "moqtada sadr", "dalmar kolby", "kolby"}
	if !slices.Equal(got, want) {
		t.Errorf("keys %q, want %q", got, want)
	}
}

func TestSpellingPrimitives(t *testing.T) {
	if b := SpellingBlock("qassem musleh"); b != SpellingBlock("qasim muslih") || b == "" {
		t.Errorf("blocks of two spellings: %q, %q", b, SpellingBlock("qasim muslih"))
	}
	if b := SpellingBlock("=Kata'ib Hezbollah"); b != "" {
		t.Errorf("an alias entity key has block %q", b)
	}
	if !SameSpelling("qasim muslih", "qassem musleh") || SameSpelling("iran", "iraq") {
		t.Error("SameSpelling does not follow the fuzzy rule")
	}
	al := DefaultAliases()
	if got := al.SpelledEntities("ketaib hezbollahh"); !slices.Equal(got, []string{"=Kata'ib Hezbollah"}) {
		t.Errorf("SpelledEntities(ketaib hezbollahh) = %q", got)
	}
	if got := al.SpelledEntities("qasim muslih"); got != nil {
		t.Errorf("a name the table does not know spells %q", got)
	}
	if got := al.SpelledEntities("=Kata'ib Hezbollah"); got != nil {
		t.Errorf("an alias key spells %q", got)
	}
	var none *Aliases
	if got := none.SpelledEntities("ketaib hezbollahh"); got != nil {
		t.Errorf("a nil table spells %q", got)
	}
}

// The primitives join exactly the keys Resolve joins: the partition of
// document keys built from SpellingBlock, SameSpelling and SpelledEntities
// is Resolve's (on names without short forms, which Resolve alone joins).
func TestSpellingPrimitivesPartitionLikeResolve(t *testing.T) {
	docs := [][]string{
		{"qasim muslih", "muslih", "Kata'ib Hezbollah=kataib hezbollah"},
		{"qassem musleh", "ketaib hezbollahh", "iran", "iraq"},
		{"qasem muslih", "hussein", "hassan", "Popular Mobilization Forces=pmu"},
		{"popular mobilisation forces", "abu mahdi muhandis", "abu mahdi mohandes", "ketaib hezbolah"},
		{"israel", "israeli", "syria", "syrian", "muhandis"},
	}
	got, _ := resolved(docs, DefaultAliases())
	// The same documents, keyed by DocumentKeys and joined by the
	// primitives.
	var keys []string
	for _, names := range docs {
		var ms []Mention
		for _, n := range names {
			m := Mention{Name: n, Surface: n}
			if canon, name, ok := strings.Cut(n, "="); ok {
				m.Canon, m.Name, m.Surface = canon, name, name
			}
			ms = append(ms, m)
		}
		doc := [][]Mention{ms}
		DocumentKeys(doc)
		for _, m := range doc[0] {
			keys = append(keys, m.Entity)
		}
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(k string) string {
		if p, ok := parent[k]; ok && p != k {
			return find(p)
		}
		return k
	}
	union := func(a, b string) { parent[find(a)] = find(b) }
	al := DefaultAliases()
	for i, a := range keys {
		for _, e := range al.SpelledEntities(a) {
			union(a, e)
		}
		for _, b := range keys[:i] {
			if SpellingBlock(a) != "" && SpellingBlock(a) == SpellingBlock(b) && SameSpelling(a, b) {
				union(a, b)
			}
		}
	}
	var flat []string
	for _, d := range got {
		flat = append(flat, d...)
	}
	for i := range keys {
		for j := range keys {
			same := find(keys[i]) == find(keys[j])
			if want := flat[i] == flat[j]; same != want {
				t.Errorf("%q and %q: joined %v by the primitives, %v by Resolve", keys[i], keys[j], same, want)
			}
		}
	}
}
