package entities

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/corpus/tokens"
	"github.com/pmureader/pmureader/seeds"
)

func TestFuzzyNames(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"qasim muslih", "qassem musleh", true},
		{"ketaib hezbolah", "kataib hezbollah", true},
		{"barham saleh", "barham salih", true},
		{"iran", "iraq", false},
		{"hussein", "hassan", false},
		{"israel", "israeli", false},
		{"syria", "syrian", false},
		{"qasim muslih", "qasim", false},
		// One or two edits when the rest of the name agrees: a letter
		// added at the end, a short word's vowel.
		{"maren tolk", "marin tolke", true},
		{"anja lind", "anja lindt", true},
		{"ida varga", "ida vargas", true},
		{"pavel orsk", "pavel orsky", true},
		{"sofia renn", "sofia ren", true},
		{"hamad rumi", "hamad roumi", true},
		{"oskar brandt", "oscar brandt", true},
		{"jonas reiter", "jonas ritter", true},
		// …but never look-alikes.
		{"port alden", "port allen", false},
		{"amir taleb", "karim taleb", false},
		{"oskar brandt", "emil brandt", false},
		{"niger", "nigeria", false},
		{"lind", "lindt", false},
	} {
		if got := fuzzyName(tc.a, tc.b); got != tc.same {
			t.Errorf("fuzzyName(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestSkeleton(t *testing.T) {
	for w, want := range map[string]string{
		"qassem": "ksm", "qasim": "ksm", "hezbollah": "hzblh", "hezbolah": "hzblh",
		"kata'ib": "ktb", "al-sadr": "lsdr", "iraq": "rk", "iran": "rn", "": "",
	} {
		if got := skeleton(w); got != want {
			t.Errorf("skeleton(%q) = %q, want %q", w, got, want)
		}
	}
	if got := nameSkeleton("qasim  muslih"); got != "ksm mslh" {
		t.Errorf("nameSkeleton = %q", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"muslih", "musleh", 2, 1},
		{"qasim", "qassem", 2, 2},
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 1, 2}, // over the limit: limit+1
		{"a", "abcd", 2, 3},         // lengths too far apart
		{"", "", 0, 0},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}

// mentionsOf finds the mentions of texts read as one document, with the
// capitalisation of all of them, and returns each text's surfaces.
func mentionsOf(texts []string, title map[int]bool, al *Aliases) [][]Mention {
	caps := NewCapitalisation()
	toks := make([][]tokens.Token, len(texts))
	for i, s := range texts {
		toks[i] = tokens.Tokenize(s)
		caps.Observe(toks[i], title[i])
	}
	out := make([][]Mention, len(texts))
	for i, s := range texts {
		out[i] = FindMentions(s, toks[i], caps, al, title[i])
	}
	return out
}

func surfaces(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Surface)
	}
	return out
}

func TestFindMentions(t *testing.T) {
	al := DefaultAliases()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Iraqi President Barham Saleh said so.", []string{"Barham Saleh"}}, // the same at a sentence start
		{"So said Iraqi President Barham Saleh.", []string{"Barham Saleh"}}, // a role, and what comes before it, is no name
		{"The Kata’ib Hezbollah denied it.", []string{"Kata’ib Hezbollah"}}, // a sentence-start "The"
		{"Meanwhile, the PMU said.", []string{"PMU"}},                       // an ordinary word starting a sentence
		{"Hashd al-Sha’abi fighters", []string{"Hashd al-Sha’abi"}},         // connectors inside a name
		{"Mohammed bin Salman met them.", []string{"Salman"}},               // an unknown word starting a sentence goes, then the connector
		{"They met Mohammed bin Salman and the Bank of England.", []string{"Mohammed bin Salman", "Bank of England"}},
		{"Iraq’s PMU", []string{"Iraq", "PMU"}},                                                    // a possessive ends a run
		{"US-PMU talks on Sunday in December", []string{"US", "PMU"}},                              // acronyms apart; calendar words are no names
		{"He spoke to Popular Mobilisation Units leaders", []string{"Popular Mobilisation Units"}}, // the alias table's longest span
		{"no names here at all", nil},
		// Organisations kept whole: plural and singular possessives, "of
		// the" and "for" after an organisation's word, an acronym before one.
		{"He said the Kessara Workers' Union would strike.", []string{"Kessara Workers' Union"}},
		{"He said the Kessara Workers’ Union would strike.", []string{"Kessara Workers’ Union"}},
		{"He said the Financial Crimes Prosecutor's Office agreed.", []string{"Financial Crimes Prosecutor's Office"}},
		{"He said the Ministry of the Interior agreed.", []string{"Ministry of the Interior"}},
		{"He said the Syrian Observatory for Human Rights agreed.", []string{"Syrian Observatory for Human Rights"}},
		{"He said US Central Command agreed.", []string{"US Central Command"}},
		{"The plant is owned by VE Holdings, one of the largest.", []string{"VE Holdings"}},
		{"He met Sofia Renn of the Party of Democratic Unity.", []string{"Sofia Renn", "Party of Democratic Unity"}},
		{"He met Iraq’s Popular Mobilisation Units.", []string{"Iraq", "Popular Mobilisation Units"}},
		{"He met Brandt's lawyer, Helga Moe.", []string{"Brandt", "Helga Moe"}},
		// A name may start a sentence when its next word is met capitalised
		// elsewhere; a common word may not.
		{"Marin Tolke, who leads the union, spoke.", []string{"Marin Tolke"}},
		{"Yesterday Saleh spoke.", []string{"Saleh"}},
		{"Police Chief Arne Holt spoke.", []string{"Arne Holt"}},
		{"It is known as the OF.", []string{"OF"}},
		// Every dash joins a name; titles go.
		{"He met Abu Karrar al‑Sadi and Hamad al–Rumi.", []string{"Abu Karrar al‑Sadi", "Hamad al–Rumi"}},
		{"So said Gen. Rafe Corran and Prof. Ruth Ibsen.", []string{"Rafe Corran", "Ruth Ibsen"}},
	} {
		got := surfaces(mentionsOf([]string{tc.text, "Later the Bank said Sadr and Saleh met Hezbollah in Iraq, and Tolke too."}, nil, al)[0])
		if !slices.Equal(got, tc.want) {
			t.Errorf("FindMentions(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFindMentionsFields(t *testing.T) {
	text := "Popular Mobilisation Units and Qasim Muslih’s men met."
	ms := mentionsOf([]string{text}, nil, DefaultAliases())[0]
	want := []Mention{
		{Start: 0, End: 26, Surface: "Popular Mobilisation Units", Name: "popular mobilisation units", Canon: "Popular Mobilization Forces", Initial: true},
		{Start: 31, End: 47, Surface: "Qasim Muslih", Name: "qasim muslih"},
	}
	if !reflect.DeepEqual(ms, want) {
		t.Errorf("mentions %+v, want %+v", ms, want)
	}
}

// In a headline every word is capitalised: only words seen capitalised in
// running text, and acronyms, count as names.
func TestFindMentionsInTitle(t *testing.T) {
	texts := []string{"US Strikes Hit Kata’ib Hezbollah Bases", "Officials said Kata’ib Hezbollah was hit."}
	got := surfaces(mentionsOf(texts, map[int]bool{0: true}, nil)[0])
	if !slices.Equal(got, []string{"US", "Kata’ib Hezbollah"}) {
		t.Errorf("title mentions %q", got)
	}
}

func TestMentionAt(t *testing.T) {
	ms := []Mention{{Start: 0, End: 4}, {Start: 10, End: 15}}
	for off, want := range map[int]int{0: 0, 3: 0, 4: -1, 10: 1, 14: 1, 15: -1, 99: -1} {
		got := MentionAt(ms, off)
		if (want < 0) != (got == nil) || want >= 0 && got != &ms[want] {
			t.Errorf("MentionAt(%d) = %v, want mention %d", off, got, want)
		}
	}
}

func TestSentenceStartBefore(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"X", true}, {"He left. X", true}, {"He said: “X", true}, {"Wait… (X", true},
		{"the X", false}, {"He left, X", false},
	} {
		if got := sentenceStartBefore(tc.text, len(tc.text)-1); got != tc.want {
			t.Errorf("sentenceStartBefore(%q) = %v", tc.text, got)
		}
	}
}

// resolved runs the resolver over documents of mention names (a name in
// "Canon=" form carries that canonical name) and returns each mention's
// entity by document, and the resolver.
func resolved(docs [][]string, al *Aliases) ([][]string, *Resolver) {
	in := make([][][]Mention, len(docs))
	for d, names := range docs {
		var ms []Mention
		for _, n := range names {
			m := Mention{Name: strings.ToLower(n), Surface: n}
			if canon, name, ok := strings.Cut(n, "="); ok {
				m.Canon, m.Name, m.Surface = canon, name, name
			}
			ms = append(ms, m)
		}
		in[d] = [][]Mention{ms}
	}
	r := NewResolver(al)
	r.Resolve(in)
	out := make([][]string, len(docs))
	for d := range in {
		for _, m := range in[d][0] {
			out[d] = append(out[d], m.Entity)
		}
	}
	return out, r
}

func TestResolve(t *testing.T) {
	for _, tc := range []struct {
		name string
		docs [][]string
		same [][2][2]int // pairs of (doc, mention) that must share an entity
		diff [][2][2]int // pairs that must not
	}{
		{"short name to the one full name of its document",
			[][]string{{"qasim muslih", "muslih"}, {"muslih"}},
			[][2][2]int{{{0, 0}, {0, 1}}}, [][2][2]int{{{0, 1}, {1, 0}}}},
		{"two full names: the short one stays apart",
			[][]string{{"qasim muslih", "ali muslih", "muslih"}},
			nil, [][2][2]int{{{0, 0}, {0, 2}}, {{0, 1}, {0, 2}}}},
		{"fuzzy spellings across documents",
			[][]string{{"qasim muslih"}, {"qassem musleh"}},
			[][2][2]int{{{0, 0}, {1, 0}}}, nil},
		{"the skeleton guard",
			[][]string{{"iran"}, {"iraq"}},
			nil, [][2][2]int{{{0, 0}, {1, 0}}}},
		{"alias canonical names",
			[][]string{{"Popular Mobilization Forces=pmu"}, {"Popular Mobilization Forces=hashd"}},
			[][2][2]int{{{0, 0}, {1, 0}}}, nil},
		{"a fuzzy spelling of an alias variant",
			[][]string{{"Kata'ib Hezbollah=kataib hezbollah"}, {"ketaib hezbollahh"}},
			[][2][2]int{{{0, 0}, {1, 0}}}, nil},
		{"a spelling one letter longer, the rest agreeing",
			[][]string{{"maren tolk"}, {"marin tolke"}, {"anja lind"}, {"anja lindt"}},
			[][2][2]int{{{0, 0}, {1, 0}}, {{2, 0}, {3, 0}}}, nil},
		{"look-alikes of different entities",
			[][]string{{"port alden", "amir taleb", "niger"}, {"port allen", "karim taleb", "nigeria"}},
			nil, [][2][2]int{{{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}, {{0, 2}, {1, 2}}}},
		{"acronyms and their full names",
			[][]string{{"kessara workers union", "lindmark civil protection agency", "party democratic unity", "us central command", "castell energy holdings", "ostral front"},
				{"KWU", "LCPA", "PDU", "CENTCOM", "CE Holdings", "OF"}},
			[][2][2]int{{{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}, {{0, 2}, {1, 2}}, {{0, 3}, {1, 3}}, {{0, 4}, {1, 4}}, {{0, 5}, {1, 5}}}, nil},
		{"a name without its leading place or its trailing company word",
			[][]string{{"us central command", "lindmark civil protection agency", "castell energy holdings"},
				{"central command", "civil protection agency", "castell energy"}},
			[][2][2]int{{{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}, {{0, 2}, {1, 2}}}, nil},
		{"an acronym of a name also written shorter",
			[][]string{{"us central command", "CENTCOM"}, {"central command"}},
			[][2][2]int{{{0, 0}, {0, 1}}, {{0, 0}, {1, 0}}}, nil},
		{"a place is not the organisation named after it",
			[][]string{{"terrin coal company", "kessara workers union", "dalmar university"}, {"terrin", "kessara", "dalmar"}},
			nil, [][2][2]int{{{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}, {{0, 2}, {1, 2}}}},
		{"an acronym two names could stand for stays apart",
			[][]string{{"national rail board", "national rescue brigade"}, {"NRB"}},
			nil, [][2][2]int{{{0, 0}, {1, 0}}, {{0, 1}, {1, 0}}}},
	} {
		got, _ := resolved(tc.docs, DefaultAliases())
		for _, p := range tc.same {
			if a, b := got[p[0][0]][p[0][1]], got[p[1][0]][p[1][1]]; a != b {
				t.Errorf("%s: %v is %q, %v is %q; want one entity", tc.name, p[0], a, p[1], b)
			}
		}
		for _, p := range tc.diff {
			if a, b := got[p[0][0]][p[0][1]], got[p[1][0]][p[1][1]]; a == b {
				t.Errorf("%s: %v and %v are both %q", tc.name, p[0], p[1], a)
			}
		}
	}
}

func TestDisplayAndKeyName(t *testing.T) {
	docs := [][]string{{"Popular Mobilization Forces=pmu", "qasim muslih", "qasim muslih"}, {"qassem musleh"}}
	got, r := resolved(docs, DefaultAliases())
	if d := r.Display(got[0][0]); d != "Popular Mobilization Forces" {
		t.Errorf("alias entity shows %q", d)
	}
	if d := r.Display(got[1][0]); d != "qasim muslih" { // the most common spelling
		t.Errorf("Muslih shows %q", d)
	}
	// The full name shows, however often the short one is written.
	full, r2 := resolved([][]string{{"Anja Lind", "Lind", "Lind"}, {"KWU", "KWU", "Kessara Workers Union"}}, nil)
	if d := r2.Display(full[0][1]); d != "Anja Lind" {
		t.Errorf("Lind shows %q", d)
	}
	if d := r2.Display(full[1][0]); d != "Kessara Workers Union" {
		t.Errorf("KWU shows %q", d)
	}
	if k := KeyName(got[0][0]); k != "Popular Mobilization Forces" {
		t.Errorf("KeyName of an alias entity = %q", k)
	}
	if k := KeyName("qasim muslih"); k != "qasim muslih" {
		t.Errorf("KeyName of a name key = %q", k)
	}
}

func TestStripConnectors(t *testing.T) {
	for in, want := range map[string]string{"hashd al shaabi": "hashd shaabi", "bank of england": "bank england", "al": "al", "of al": "of al"} {
		if got := stripConnectors(in); got != want {
			t.Errorf("stripConnectors(%q) = %q, want %q", in, got, want)
		}
	}
}

// Story grouping keeps only the words UsedByMentions picks between its
// passes: names found among those alone must be the names found among all
// words.
func TestForNamesKeepsMentions(t *testing.T) {
	var texts []string
	c, err := corpus.LoadFS(context.Background(), seeds.FS, corpus.Options{})
	if err != nil {
		t.Fatalf("load seeds: %v", err)
	}
	for _, a := range c.Articles {
		texts = append(texts, a.Title, a.Dek)
		for _, p := range a.Body {
			texts = append(texts, p.Text)
		}
	}
	for _, a := range synth.Articles(40, 8) {
		texts = append(texts, a.Title)
		for _, p := range a.Body {
			texts = append(texts, p.Text)
		}
	}
	texts = append(texts, "said Iraq", "the Bank of England said", "of Iraq", "Mohammed bin Salman and al-Sadr",
		"Hashd al-Sha’abi, the PMU’s arm", "US-Iran talks of the U.N. in Geneva-based Bank", "x", "",
		"the Syrian Observatory for Human Rights and the Ministry of the Interior", "the Ministry for Defence",
		"the Kessara Workers' Union and the Prosecutor's Office of the Bank for Peace")
	st := NewCapitalisation()
	toks := make([][]tokens.Token, len(texts))
	for i, s := range texts {
		toks[i] = tokens.Tokenize(s)
		st.Observe(toks[i], i%7 == 0)
	}
	al := DefaultAliases()
	for i, s := range texts {
		var kept []tokens.Token
		for x := range toks[i] {
			if UsedByMentions(toks[i], x) {
				kept = append(kept, toks[i][x])
			}
		}
		for _, title := range []bool{false, true} {
			want := FindMentions(s, toks[i], st, al, title)
			got := FindMentions(s, kept, st, al, title)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q (title %v): names from kept words %+v, from all %+v", s, title, got, want)
			}
		}
	}
}

func TestAcronymOf(t *testing.T) {
	for _, tc := range []struct {
		a     string
		words []string
		want  bool
	}{
		{"kwu", []string{"kessara", "workers", "union"}, true},
		{"centcom", []string{"central", "command"}, true},
		{"ce", []string{"castell", "energy"}, true},
		{"kwu", []string{"kessara", "union"}, false},
		{"kw", []string{"kessara", "workers", "union"}, false}, // every word gives a letter
		{"kwux", []string{"kessara", "workers", "union"}, false},
		{"", nil, true},
		{"aaaaaaaaaaaaaab", []string{"aaaaaaaa", "aaaaaaaa", "aaaaaaaa", "aaaaaaaa", "aaaaaaaa", "aaaaaaaa", "aaaaaaac"}, false}, // fast, not exponential
	} {
		if got := acronymOf(tc.a, tc.words); got != tc.want {
			t.Errorf("acronymOf(%q, %q) = %v", tc.a, tc.words, got)
		}
	}
}

// Display may be called from several goroutines once Resolve has returned
// (the differences are found on two): each gets what one goroutine gets.
// Run with -race, this also checks its cache is guarded.
func TestDisplayConcurrent(t *testing.T) {
	docs := [][]string{{"Anja Lind", "Lind", "KWU", "Kessara Workers Union", "qasim muslih"}, {"Lind", "KWU", "qassem musleh", "Castell Energy"}}
	keys, want := resolved(docs, nil)
	_, r := resolved(docs, nil)
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for g := range got {
		wg.Go(func() {
			for _, d := range keys {
				for _, k := range d {
					got[g] = append(got[g], r.Display(k))
				}
			}
		})
	}
	wg.Wait()
	for g := range got {
		n := 0
		for _, d := range keys {
			for _, k := range d {
				if got[g][n] != want.Display(k) {
					t.Fatalf("goroutine %d: Display(%q) = %q, want %q", g, k, got[g][n], want.Display(k))
				}
				n++
			}
		}
	}
}

// wordCount counts the words strings.Fields would return.
func TestWordCount(t *testing.T) {
	for _, s := range []string{"", " ", "Anja Lind", "  Kessara  Workers’\tUnion ", "a\u00a0b\u2003c", "x\xffy z", "\n"} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// nameSkeleton and initials, written without the lists of words, give
// what the word-by-word definitions give: the words' skeletons
// space-joined (empty parts kept), and each skeleton's first byte (the
// word's first when it has no consonant).
func TestNameSkeletonAndInitials(t *testing.T) {
	for _, name := range []string{"", "qasim muslih", "  kataib   hezbollah ", "a ou ai", "u.s army", "abu al-qaeda", "x\xff y"} {
		parts := strings.Fields(name)
		var ini strings.Builder
		for i, p := range parts {
			parts[i] = skeleton(p)
			if parts[i] == "" {
				ini.WriteByte(p[0])
			} else {
				ini.WriteByte(parts[i][0])
			}
		}
		if got, want := nameSkeleton(name), strings.Join(parts, " "); got != want {
			t.Errorf("nameSkeleton(%q) = %q, want %q", name, got, want)
		}
		if got := initials(name); got != ini.String() {
			t.Errorf("initials(%q) = %q, want %q", name, got, ini.String())
		}
	}
}
