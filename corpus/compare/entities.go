package compare

import (
	"sort"
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
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
}

// mention is one naming of an entity in a passage.
type mention struct {
	start, end int    // byte range in the passage text
	surface    string // as written (possessive cut)
	name       string // name key: word keys without connectors, space-joined
	canon      string // alias canonical name, "" when the table does not know it
	entity     string // resolved entity key, set by resolver
	initial    bool   // the run began the sentence
}

// textStats says how words are capitalised across all texts being
// compared, to tell a name ("Sadr said") from a capitalised sentence start
// ("Yesterday, ...").
type textStats struct {
	capIn map[string]bool // keys seen capitalised not at a sentence start
}

func newTextStats() *textStats {
	return &textStats{capIn: map[string]bool{}}
}

// observe records a passage's capitalisation.
func (st *textStats) observe(toks []tokens.Token, title bool) {
	if title {
		return
	}
	for i, t := range toks {
		if i > 0 && t.Upper && !st.capIn[t.Key] {
			st.capIn[t.Key] = true
		}
	}
}

// merge adds another textStats' observations (of other passages) to st.
func (st *textStats) merge(o *textStats) {
	for k := range o.capIn {
		st.capIn[k] = true
	}
}

// forNames reports whether extractMentions can need toks[i]: the first
// word (a run there starts the text), capitalised words and connectors.
// Leaving the other words out gives the same mentions: a run holds only
// names and connectors, and a left-out word between two kept ones shows in
// the text between them, which then is not the space or hyphen a run
// needs. Group keeps only these words between its passes.
func forNames(toks []tokens.Token, i int) bool {
	return i == 0 || toks[i].Upper || connectors[toks[i].Key]
}

// extractMentions finds the names in one passage: runs of capitalised
// words joined by connectors, acronyms, and within those the longest spans
// the alias table knows. title marks a headline, where every word is
// capitalised and only words seen capitalised in running text count.
func extractMentions(text string, toks []tokens.Token, st *textStats, al *Aliases, title bool) []mention {
	var out []mention
	isName := func(i int) bool {
		t := toks[i]
		if !t.Upper || t.Num || tokens.IsWeekday(t.Key) || tokens.IsMonth(t.Key) {
			return false
		}
		if title && !st.capIn[t.Key] && !t.Caps {
			return false
		}
		return true
	}
	for i := 0; i < len(toks); {
		if !isName(i) {
			i++
			continue
		}
		// Grow the run: names, and connectors followed by a name, separated
		// by nothing, a space or a hyphen.
		j := i + 1
		if !toks[i].Poss {
			for j < len(toks) {
				gap := text[toks[j-1].End:toks[j].Start]
				if gap != "" && gap != " " && gap != "-" && gap != "‐" {
					break
				}
				if isName(j) {
					j++
					if toks[j-1].Poss {
						break
					}
					continue
				}
				if connectors[toks[j].Key] && j+1 < len(toks) && isName(j+1) {
					g2 := text[toks[j].End:toks[j+1].Start]
					if g2 == " " || g2 == "-" || g2 == "" {
						j++
						continue
					}
				}
				break
			}
		}
		out = append(out, runMentions(text, toks, i, j, st, al)...)
		i = j
	}
	return out
}

// runMentions splits the run toks[i:j] into mentions: alias-table spans
// (longest first), acronyms on their own, and what is left.
func runMentions(text string, toks []tokens.Token, i, j int, st *textStats, al *Aliases) []mention {
	var out []mention
	initial := i == 0 || sentenceStartBefore(text, toks[i].Start)
	// A capitalised function word or ordinary word starting a sentence is
	// not part of a name ("The Kata’ib", "Meanwhile").
	for i < j && initial && (toks[i].Stop || (!toks[i].Caps && !st.capIn[toks[i].Key])) {
		if al != nil && j-i > 1 {
			if _, ok := al.canon[keysOf(toks[i:j])]; ok {
				break
			}
		}
		i++
		initial = false
	}
	rest := i
	flush := func(a, b int) {
		// Roles and titles are not part of a name: "Iraqi President
		// Barham Saleh" names "Barham Saleh".
		for k := b - 2; k >= a; k-- {
			if roleWords[toks[k].Key] {
				a = k + 1
				break
			}
		}
		for a < b && connectors[toks[a].Key] {
			a++
		}
		for b > a && connectors[toks[b-1].Key] {
			b--
		}
		if a >= b {
			return
		}
		if b-a == 1 && (toks[a].Stop || roleWords[toks[a].Key]) {
			return
		}
		out = append(out, newMention(text, toks, a, b, "", initial && a == i))
	}
	for k := i; k < j; {
		// Longest alias span starting at k.
		n := 0
		canon := ""
		if al != nil {
			for m := min(j-k, al.maxWords); m >= 1; m-- {
				if c, ok := al.canon[keysOf(toks[k:k+m])]; ok {
					n, canon = m, c
					break
				}
			}
		}
		if n == 0 && toks[k].Caps && j-i > 1 {
			n = 1
		}
		if n == 0 {
			k++
			continue
		}
		flush(rest, k)
		out = append(out, newMention(text, toks, k, k+n, canon, initial && k == i))
		k += n
		rest = k
	}
	flush(rest, j)
	return out
}

func newMention(text string, toks []tokens.Token, a, b int, canon string, initial bool) mention {
	surface := text[toks[a].Start:toks[b-1].End]
	if base, ok := tokens.CutPossessive(surface); ok {
		surface = base
	}
	var parts []string
	for _, t := range toks[a:b] {
		if !connectors[t.Key] {
			parts = append(parts, t.Key)
		}
	}
	if len(parts) == 0 {
		parts = []string{toks[a].Key}
	}
	return mention{start: toks[a].Start, end: toks[b-1].End, surface: surface,
		name: strings.Join(parts, " "), canon: canon, initial: initial}
}

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
	s := strings.TrimRight(text[:off], " \"'“‘(‘[•-–—")
	if s == "" {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return strings.HasSuffix(s, "…")
}

// skeleton is a word's consonant outline: vowels dropped, doubled letters
// once, q and c as k, so transliterations meet ("qassem", "qasim" → "ksm";
// "hezbolah", "hezbollah" → "hzbl").
func skeleton(w string) string {
	var b strings.Builder
	var last byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y', '-', '.', '\'':
			continue
		case 'q', 'c':
			c = 'k'
		}
		if c == last {
			continue
		}
		b.WriteByte(c)
		last = c
	}
	return b.String()
}

// nameSkeleton is the skeleton of every word of a name key.
func nameSkeleton(name string) string {
	parts := strings.Fields(name)
	for i, p := range parts {
		parts[i] = skeleton(p)
	}
	return strings.Join(parts, " ")
}

// fuzzyWord reports whether two name words are spellings of one another:
// equal, or the same consonant skeleton (at least three consonants) and at
// most two edits apart (one for short words). The skeleton guard keeps
// "Iran" from "Iraq"; the edit bound keeps "Hussein" from "Hassan".
func fuzzyWord(a, b string) bool {
	if a == b {
		return true
	}
	// "Israel"/"Israeli", "Syria"/"Syrian": a name and its adjective.
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return false
	}
	sa := skeleton(a)
	if len(sa) < 3 || sa != skeleton(b) {
		return false
	}
	n := min(len(a), len(b))
	limit := 2
	if n < 5 {
		limit = 1
	}
	return editDistance(a, b, limit) <= limit
}

// fuzzyName reports whether two name keys name the same thing: same number
// of words, each pair fuzzyWord.
func fuzzyName(a, b string) bool {
	if a == b {
		return true
	}
	pa, pb := strings.Fields(a), strings.Fields(b)
	if len(pa) != len(pb) {
		return false
	}
	for i := range pa {
		if !fuzzyWord(pa[i], pb[i]) {
			return false
		}
	}
	return true
}

// editDistance is the Levenshtein distance of a and b (bytes), or limit+1
// as soon as it must exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// resolver gives every mention an entity key, joining spellings: the alias
// table first, then a short name to the one longer name in the same
// article it abbreviates ("Muslih" → "Qasim Muslih"), then fuzzy matching
// of names with the same consonant skeleton across articles.
type resolver struct {
	al      *Aliases
	parent  map[string]string // union-find over entity keys
	surface map[string]map[string]int
	// counts totals spellings per resolved entity; built by the first
	// display call, after resolve.
	counts map[string]map[string]int
}

func newResolver(al *Aliases) *resolver {
	return &resolver{al: al, parent: map[string]string{}, surface: map[string]map[string]int{}}
}

func (r *resolver) find(k string) string {
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

func (r *resolver) union(a, b string) {
	ra, rb := r.find(a), r.find(b)
	if ra == rb {
		return
	}
	// Alias-table keys ("=" prefix) stay roots so that the canonical name
	// shows.
	if strings.HasPrefix(rb, "=") && !strings.HasPrefix(ra, "=") {
		ra, rb = rb, ra
	}
	r.parent[rb] = ra
	if _, ok := r.parent[ra]; !ok {
		r.parent[ra] = ra
	}
}

// resolve assigns entity keys to the mentions of several documents
// (docs[d] holds document d's mentions, by passage).
func (r *resolver) resolve(docs [][][]mention) {
	// 1. Alias table and per-document short names.
	for _, doc := range docs {
		full := map[string][]string{} // last word → multi-word names in this doc
		for _, ms := range doc {
			for _, m := range ms {
				if m.canon == "" && strings.Contains(m.name, " ") {
					last := m.name[strings.LastIndexByte(m.name, ' ')+1:]
					if !containsStr(full[last], m.name) {
						full[last] = append(full[last], m.name)
					}
				}
			}
		}
		for pi := range doc {
			for mi := range doc[pi] {
				m := &doc[pi][mi]
				switch {
				case m.canon != "":
					m.entity = "=" + m.canon
				case !strings.Contains(m.name, " ") && len(full[m.name]) == 1:
					m.entity = full[m.name][0]
				default:
					m.entity = m.name
				}
				if _, ok := r.parent[m.entity]; !ok {
					r.parent[m.entity] = m.entity
				}
				if r.surface[m.entity] == nil {
					r.surface[m.entity] = map[string]int{}
				}
				r.surface[m.entity][m.surface]++
			}
		}
	}
	// 2. Fuzzy: names (and alias variants) that share a skeleton.
	blocks := map[string][]string{}
	for k := range r.parent {
		if strings.HasPrefix(k, "=") {
			continue
		}
		blocks[nameSkeleton(k)] = append(blocks[nameSkeleton(k)], k)
	}
	if r.al != nil {
		for v, c := range r.al.canon {
			sk := nameSkeleton(stripConnectors(v))
			if ks, ok := blocks[sk]; ok {
				for _, k := range ks {
					if fuzzyName(k, stripConnectors(v)) {
						r.union("="+c, k)
					}
				}
			}
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
	for _, doc := range docs {
		for pi := range doc {
			for mi := range doc[pi] {
				doc[pi][mi].entity = r.find(doc[pi][mi].entity)
			}
		}
	}
}

// display names an entity key: the canonical name for alias entities, else
// the most common spelling (longest on ties).
func (r *resolver) display(key string) string {
	if strings.HasPrefix(key, "=") {
		return key[1:]
	}
	if r.counts == nil {
		// Resolution is done: total the spellings of every root once.
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
	counts := r.counts[key]
	best, bn := key, 0
	for s, n := range counts {
		if n > bn || (n == bn && (len(s) > len(best) || (len(s) == len(best) && s < best))) {
			best, bn = s, n
		}
	}
	return best
}

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

// aliasEntityKey is the entity key of an alias-table name.
func aliasEntityKey(canon string) string { return "=" + canon }

var _ = textnorm.Key
