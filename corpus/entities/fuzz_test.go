package entities

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/tokens"
)

// FuzzFindMentions feeds random text to FindMentions and the resolver: it
// must end, give mentions inside the text in order, and find the same
// among the words UsedByMentions keeps as among all (story grouping relies
// on it).
func FuzzFindMentions(f *testing.F) {
	for _, s := range []string{
		"The Kessara Workers' Union and the Financial Crimes Prosecutor's Office of the Bank for Peace",
		"Marin Tolke, who leads the KWU, said US Central Command and CENTCOM and Central Command met.",
		"Abu Karrar al‑Sadi and Hamad al–Rumi of the Ministry for Defence", "OF of OF", "Ministry of the",
		"Observatory for ", "OBservAtorY for A", "A B C D E F G", "",
	} {
		f.Add(s)
	}
	al := DefaultAliases()
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 600 {
			return
		}
		toks := tokens.Tokenize(s)
		caps := NewCapitalisation()
		caps.Observe(toks, false)
		ms := FindMentions(s, toks, caps, al, false)
		last := 0
		for _, m := range ms {
			if m.Start < last || m.End <= m.Start || m.End > len(s) || m.Name == "" {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			last = m.End
		}
		var kept []tokens.Token
		for i := range toks {
			if UsedByMentions(toks, i) {
				kept = append(kept, toks[i])
			}
		}
		if got := FindMentions(s, kept, caps, al, false); !reflect.DeepEqual(got, ms) {
			t.Fatalf("%q: names from kept words %+v, from all %+v", s, got, ms)
		}
		r := NewResolver(al)
		r.Resolve([][][]Mention{{ms}, {ms}})
		for _, m := range ms {
			_ = r.Display(m.Entity)
		}
	})
}
