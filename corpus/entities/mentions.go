package entities

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// connectors may sit inside a name between capitalised words ("Hashd
// al-Sha’abi", "Mohammed bin Salman", "Islamic State of Iraq").
var connectors = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "of": true,
	"de": true, "du": true, "la": true, "le": true, "van": true, "von": true,
	"der": true, "da": true, "di": true, "and": false,
}

// roleWords are titles and roles written before names.
var roleWords = map[string]bool{
	"president": true, "prime": true, "minister": true, "secretary": true, "general": true,
	"crown": true, "prince": true, "king": true, "queen": true, "ayatollah": true, "sheikh": true,
	"dr": true, "mr": true, "mrs": true, "ms": true, "senator": true, "sen": true, "rep": true,
	"governor": true, "gov": true, "commander": true, "brigadier": true, "colonel": true,
	"col": true, "lt": true, "captain": true, "capt": true, "deputy": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "chief": true, "vice": true, "former": true,
	"caretaking": true, "caretaker": true, "interim": true, "acting": true, "pope": true,
	"imam": true, "cleric": true, "ambassador": true, "judge": true, "justice": true,
	"chairman": true, "director": true, "editor": true, "sergeant": true, "major": true,
	"lieutenant": true, "admiral": true, "officer": true, "mayor": true, "speaker": true,
	"senior": true, "press": true, "emir": true, "sultan": true, "premier": true,
	"gen": true, "maj": true, "prof": true, "professor": true, "rev": true, "sgt": true, "adm": true,
}

// nameFillers are the small words an organisation's name may hold ("Ministry
// of the Interior", "Observatory for Human Rights"); like connectors they
// are left out of name keys.
var nameFillers = map[string]bool{"the": true, "for": true, "and": true}

// orgHeads are the words that end an organisation's name. After one, "of
// the" and "for" go on with the name ("Ministry of the Interior", "Syrian
// Observatory for Human Rights"); a run ending in one is one name even when
// it starts with an acronym ("US Central Command", "VE Holdings"); a
// singular possessive may stand before one ("Prosecutor's Office").
var orgHeads = map[string]bool{
	"agency": true, "alliance": true, "army": true, "association": true, "authority": true,
	"bank": true, "board": true, "brigade": true, "brigades": true, "bureau": true, "campaign": true,
	"centre": true, "center": true, "coalition": true, "command": true, "commission": true,
	"committee": true, "company": true, "corporation": true, "council": true, "court": true,
	"department": true, "federation": true, "force": true, "forces": true, "foundation": true,
	"front": true, "fund": true, "group": true, "guard": true, "holdings": true, "institute": true,
	"league": true, "ministry": true, "movement": true, "network": true, "observatory": true,
	"office": true, "organisation": true, "organization": true, "party": true, "railways": true,
	"service": true, "society": true, "union": true, "university": true, "parliament": true,
	"hospital": true, "school": true, "airport": true, "church": true, "mosque": true,
}

// IsOrgHead reports whether a word key ends an organisation's name
// ("union", "ministry", "holdings").
func IsOrgHead(key string) bool { return orgHeads[key] }

// nameGap reports whether the text between two words lets them belong to
// one name: nothing, a space, or any hyphen or dash ("al-Sadi", "al‑Sadi",
// "al–Sadi").
func nameGap(gap string) bool {
	switch gap {
	case "", " ", "-", "‐", "‑", "–":
		return true
	}
	return false
}

// pluralPossessiveGap reports the gap after a plural possessive inside a
// name: "Workers' Union", "Miners’ Federation".
func pluralPossessiveGap(gap string, prevKey string) bool {
	return (gap == "' " || gap == "’ " || gap == "ʼ ") && strings.HasSuffix(prevKey, "s")
}

// Mention is one naming of an entity in a passage.
type Mention struct {
	Start, End int    // byte range in the passage text
	Surface    string // as written (possessive cut)
	Name       string // name key: word keys without connectors, space-joined
	Canon      string // alias canonical name, "" when the table does not know it
	Entity     string // resolved entity key, set by Resolver.Resolve
	Initial    bool   // the run began the sentence
}

// Capitalisation says how words are capitalised across all the texts
// being grouped or compared, to tell a name ("Sadr said") from a
// capitalised sentence start ("Yesterday, ..."). Workers each observe
// their own texts and merge.
type Capitalisation struct {
	capIn map[string]bool // keys seen capitalised not at a sentence start
}

// NewCapitalisation returns an empty Capitalisation.
func NewCapitalisation() *Capitalisation {
	return &Capitalisation{capIn: map[string]bool{}}
}

// Observe records a passage's capitalisation; a headline (title), where
// every word is capitalised, tells nothing.
func (st *Capitalisation) Observe(toks []tokens.Token, title bool) {
	if title {
		return
	}
	for i, t := range toks {
		if i > 0 && t.Upper && !st.capIn[t.Key] {
			st.capIn[t.Key] = true
		}
	}
}

// Merge adds another Capitalisation's observations (of other passages) to
// st.
func (st *Capitalisation) Merge(o *Capitalisation) {
	for k := range o.capIn {
		st.capIn[k] = true
	}
}

// UsedByMentions reports whether FindMentions can need toks[i]: the first
// word (a run there starts the text), capitalised words and connectors.
// Leaving the other words out gives the same mentions: a run holds only
// names and connectors, and a left-out word between two kept ones shows in
// the text between them, which then is not the space or hyphen a run
// needs. Story grouping keeps only these words between its passes.
func UsedByMentions(toks []tokens.Token, i int) bool {
	return i == 0 || toks[i].Upper || connectors[toks[i].Key]
}

// FindMentions finds the names in one passage: runs of capitalised words
// joined by connectors, acronyms, and within those the longest spans the
// alias table (al, may be nil) knows. title marks a headline, where every
// word is capitalised and only words seen capitalised in running text
// (caps) count.
func FindMentions(text string, toks []tokens.Token, caps *Capitalisation, al *Aliases, title bool) []Mention {
	f := nameFinder{text: text, toks: toks, caps: caps, al: al, title: title}
	var out []Mention
	for i := 0; i < len(toks); {
		if !f.isName(i) {
			i++
			continue
		}
		j := f.runEnd(i)
		out = f.runMentions(out, i, j)
		i = j
	}
	return out
}

// nameFinder is FindMentions' reading of one passage.
type nameFinder struct {
	text  string
	toks  []tokens.Token
	caps  *Capitalisation
	al    *Aliases
	title bool
}

// isName reports whether toks[i] may be a word of a name: capitalised, not
// a number or a calendar word, and in a headline seen capitalised in
// running text or an acronym.
func (f *nameFinder) isName(i int) bool {
	t := f.toks[i]
	if !t.Upper || t.Num || tokens.IsWeekday(t.Key) || tokens.IsMonth(t.Key) {
		return false
	}
	if f.title && !f.caps.capIn[t.Key] && !t.Caps {
		return false
	}
	return true
}

// runEnd grows the run of name words that starts at toks[i]: names, and
// connectors followed by a name, separated by nothing, a space or a
// hyphen; a possessive ends it. It returns the end (exclusive).
func (f *nameFinder) runEnd(i int) int {
	text, toks := f.text, f.toks
	j := i + 1
	if toks[i].Poss && !f.possessiveInside(i) {
		return j
	}
	for j < len(toks) {
		if k, ok := f.orgLink(j - 1); ok {
			j = k + 1 // the name word after "of the" or "for"
			if toks[k].Poss && !f.possessiveInside(k) {
				break
			}
			continue
		}
		gap := text[toks[j-1].End:toks[j].Start]
		if !nameGap(gap) && !pluralPossessiveGap(gap, toks[j-1].Key) {
			break
		}
		if f.isName(j) {
			j++
			if toks[j-1].Poss && !f.possessiveInside(j-1) {
				break
			}
			continue
		}
		if nameGap(gap) && connectors[toks[j].Key] && j+1 < len(toks) && f.isName(j+1) && nameGap(text[toks[j].End:toks[j+1].Start]) {
			j++
			continue
		}
		break
	}
	return j
}

// orgLink lets an organisation's name go on past "of the", "for" or "for
// the" after its head word toks[h] ("Ministry of the Interior"): it
// returns the index of the name word that follows. It reads the text, not
// the tokens in between, so that it finds the same with or without the
// words UsedByMentions leaves out.
func (f *nameFinder) orgLink(h int) (int, bool) {
	if !orgHeads[f.toks[h].Key] || !f.toks[h].Upper {
		return 0, false
	}
	rest := f.text[f.toks[h].End:]
	for _, link := range []string{" of the ", " for the ", " for "} {
		if !strings.HasPrefix(rest, link) {
			continue
		}
		at := f.toks[h].End + len(link)
		for k := h + 1; k < len(f.toks) && k <= h+3; k++ {
			if f.toks[k].Start == at {
				return k, f.isName(k)
			}
		}
	}
	return 0, false
}

// possessiveInside reports a singular possessive inside an organisation's
// name: one capitalised head word follows and ends the name
// ("Prosecutor's Office"), not a longer name ("Iraq’s Popular Mobilization
// Units" is two names).
func (f *nameFinder) possessiveInside(i int) bool {
	toks := f.toks
	if i+1 >= len(toks) || toks[i].Caps || !f.isName(i+1) || !orgHeads[toks[i+1].Key] ||
		f.text[toks[i].End:toks[i+1].Start] != " " {
		return false
	}
	return i+2 >= len(toks) || !f.isName(i+2) || !nameGap(f.text[toks[i+1].End:toks[i+2].Start])
}

// runMentions appends the mentions of the run toks[i:j] to out: alias-table
// spans (longest first), acronyms on their own, and what is left between
// them.
func (f *nameFinder) runMentions(out []Mention, i, j int) []Mention {
	i, initial := f.skipSentenceStart(i, j)
	first := -1 // the word that begins the sentence, if the run starts one
	if initial {
		first = i
	}
	rest := i
	whole := f.wholeOrganisation(i, j)
	for k := i; k < j; {
		n, canon := f.longestAlias(k, j)
		if whole {
			n, canon = 0, ""
		}
		if n == 0 && f.toks[k].Caps && j-i > 1 && !whole && !f.allCaps(i, j) {
			n = 1
		}
		if n == 0 {
			k++
			continue
		}
		out = f.appendPlain(out, rest, k, first)
		out = append(out, newMention(f.text, f.toks, k, k+n, canon, k == first))
		k += n
		rest = k
	}
	return f.appendPlain(out, rest, j, first)
}

// wholeOrganisation reports a run of two or more words that ends in an
// organisation's head word and holds no name of two or more words the alias
// table knows: one name, even when it starts with an acronym or a name the
// table knows alone ("US Central Command", "VE Holdings").
func (f *nameFinder) wholeOrganisation(i, j int) bool {
	if j-i < 2 || !orgHeads[f.toks[j-1].Key] {
		return false
	}
	if f.al == nil {
		return true
	}
	for k := i; k < j; k++ {
		if n, _ := f.longestAlias(k, j); n >= 2 {
			return false
		}
	}
	return true
}

// allCaps reports a run written all in capitals ("KESSARA WORKERS’ UNION"):
// its words are no acronyms.
func (f *nameFinder) allCaps(i, j int) bool {
	for k := i; k < j; k++ {
		if !f.toks[k].Caps && !connectors[f.toks[k].Key] {
			return false
		}
	}
	return true
}

// skipSentenceStart drops the capitalised function words and ordinary
// words that start a sentence from the front of the run toks[i:j] ("The
// Kata’ib", "Meanwhile"), unless the alias table knows the run whole. It
// returns the run's new start and whether that start begins the sentence.
func (f *nameFinder) skipSentenceStart(i, j int) (int, bool) {
	toks := f.toks
	initial := i == 0 || sentenceStartBefore(f.text, toks[i].Start)
	for i < j && initial && (toks[i].Stop || (!toks[i].Caps && !f.caps.capIn[toks[i].Key])) {
		if f.al != nil && j-i > 1 {
			if _, ok := f.al.canon[keysOf(toks[i:j])]; ok {
				break
			}
		}
		if f.firstName(i, j) {
			break
		}
		i++
		initial = false
	}
	return i, initial
}

// firstName reports a sentence-initial word that begins a name whose next
// word is seen capitalised elsewhere: "Marin Tolke, who leads the union,"
// when only "Tolke" is met again. A common English word (among the 5,000
// most frequent), a function word or an adverb in -ly is a sentence's
// start instead: "Yesterday Kirby said", "Police Chief Arne Holt". The
// next word must follow directly ("Observatory for Peace" is no first
// name), read from the text so that the words UsedByMentions leaves out
// change nothing.
func (f *nameFinder) firstName(i, j int) bool {
	toks := f.toks
	if i+1 >= j || toks[i].Stop || !f.caps.capIn[toks[i+1].Key] && !toks[i+1].Caps || strings.HasSuffix(toks[i].Key, "ly") ||
		!nameGap(f.text[toks[i].End:toks[i+1].Start]) {
		return false
	}
	r := lexicon.English().Rank(toks[i].Key)
	return r == 0 || r > commonWords
}

// commonWords is the frequency rank within which a word is an ordinary
// English word rather than a name (the table ranks "yesterday" 2,704,
// "sheikh" 4,903, "ruth" 6,999, "marin" 13,859).
const commonWords = 5000

// longestAlias is the longest span of toks[k:j] starting at k that the
// alias table knows, in words (0 for none), and its canonical name.
func (f *nameFinder) longestAlias(k, j int) (int, string) {
	if f.al == nil {
		return 0, ""
	}
	for m := min(j-k, f.al.maxWords); m >= 1; m-- {
		if c, ok := f.al.canon[keysOf(f.toks[k:k+m])]; ok {
			return m, c
		}
	}
	return 0, ""
}

// appendPlain appends the name in toks[a:b], a stretch of a run the alias
// table does not know, without the roles and titles before it ("Iraqi
// President Barham Saleh" names "Barham Saleh") and the connectors at its
// ends; nothing when only a stop word or a role is left. first is the
// word that begins the sentence (-1 for none).
func (f *nameFinder) appendPlain(out []Mention, a, b, first int) []Mention {
	toks := f.toks
	for k := b - 2; k >= a && !orgHeads[toks[b-1].Key]; k-- {
		if roleWords[toks[k].Key] {
			a = k + 1 // "Iraqi President Barham Saleh"; not "Varo General Hospital"
			break
		}
	}
	for a < b && (connectors[toks[a].Key] || nameFillers[toks[a].Key]) && !toks[a].Caps {
		a++
	}
	for b > a && (connectors[toks[b-1].Key] || nameFillers[toks[b-1].Key]) && !toks[b-1].Caps {
		b--
	}
	if a >= b {
		return out
	}
	if b-a == 1 && (toks[a].Stop && !toks[a].Caps || roleWords[toks[a].Key]) {
		return out // an acronym that spells a word ("OF", "WHO") stays
	}
	return append(out, newMention(f.text, toks, a, b, "", a == first))
}

// newMention is the mention of toks[a:b], with the alias table's
// canonical name when it knows the span.
func newMention(text string, toks []tokens.Token, a, b int, canon string, initial bool) Mention {
	surface := text[toks[a].Start:toks[b-1].End]
	if base, ok := tokens.CutPossessive(surface); ok {
		surface = base
	}
	var parts []string
	for _, t := range toks[a:b] {
		if !connectors[t.Key] && !nameFillers[t.Key] {
			parts = append(parts, t.Key)
		}
	}
	if len(parts) == 0 {
		parts = []string{toks[a].Key}
	}
	return Mention{Start: toks[a].Start, End: toks[b-1].End, Surface: surface,
		Name: strings.Join(parts, " "), Canon: canon, Initial: initial}
}

// keysOf is the alias-table lookup form of some words: their keys,
// space-joined.
func keysOf(toks []tokens.Token) string {
	if len(toks) == 1 {
		return toks[0].Key
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Key)
	}
	return b.String()
}

// sentenceStartBefore reports whether only opening punctuation separates
// offset from the previous sentence end (or the text's start).
func sentenceStartBefore(text string, off int) bool {
	s := strings.TrimRight(text[:off], " \"'“‘([•-–—")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// MentionAt returns the mention of ms that byte offset off lies in, or nil.
func MentionAt(ms []Mention, off int) *Mention {
	for k := range ms {
		if off >= ms[k].Start && off < ms[k].End {
			return &ms[k]
		}
	}
	return nil
}
