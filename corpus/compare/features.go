package compare

import (
	"math"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/internal/pool"
	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// What a passage is scored by (see the README's "How passages are lined
// up"): its content terms, each with how rare it is in English, and a
// sentence vector of what its words mean. Both are made once per
// comparison; what depends on the pair of articles scored (the pair's own
// document frequencies) is added when the pair is scored, so a pair scores
// the same in a comparison of two and of six.

// Background IDFs (corpus/lexicon's scale: about 2 for "said", 9 for
// "militia") of the terms that are not words, and the floor under which a
// word says nothing of what happened.
const (
	// contentFloor: a word whose background IDF is under it (about the
	// 2,000 most frequent English words: "further", "carried") is left
	// out; above it, its weight counts from the floor up.
	contentFloor = 3
	// dateIDF is a number that is part of a date (a year, a day beside a
	// month): as common as the floor, so only the pair's own statistics
	// weigh it.
	dateIDF = 3
	// numberIDF is any other number ("27 killed"): an anchor, but "two"
	// and "27" recur in unrelated sentences too.
	numberIDF = 6
	// entityIDF is a resolved entity, counted at entityWeight beside its
	// own words (so "PMU" meets "Popular Mobilization Forces").
	entityIDF = 7
	// entityWeight is how much an entity counts: half a word on top of
	// its own words, enough to join spellings without letting names
	// outweigh what happened.
	entityWeight = 0.5
)

// term is one term of a passage: its comparison-wide id, its sublinear
// term frequency (1 + ln count), its background IDF, the lexicon id of its
// word (-1 for numbers, entities and words the lexicon lacks) and whether
// it is a name (a resolved entity or a word inside one).
type term struct {
	id   int32
	tf   float32
	bg   float32
	word int32
	name bool
}

// featurizer makes every passage's terms and sentence vector, one passage
// after another. Term ids are given in order of first appearance; the four
// kinds of term (numbers, casualty classes, stems, entities) have their
// own tables, as if prefixed, so they never meet. What the lexicon says of
// a word is looked up once per word key (Token.KeyID), not per occurrence.
type featurizer struct {
	lex                    *lexicon.Lexicon
	common                 []float32
	casualtyBG             float32 // background IDF of a casualty class: that of "killed"
	stems, nums, cas, ents map[string]int32
	vocab                  int32
	keys                   []keyInfo // by Token.KeyID
	// While a passage is counted, term id's entry in cur is slot[id],
	// valid when seen[id] is the passage's stamp.
	slot, seen []int32
	cur        []term
	counts     []float64 // by entry of cur
	stamp      int32
	// names are the terms by canonical id, once canonical has run.
	names []termName
}

// termName is what a term stands for: its kind (0 number, 1 casualty
// class, 2 stem, 3 entity) and its text.
type termName struct {
	kind byte
	text string
}

// keyInfo is what the lexicon says of one word key, and its stem term.
type keyInfo struct {
	known bool // filled
	keep  bool // a content word (see keepWord)
	word  int32
	bg    float32
	sif   float32 // SIF weight, 0 without a vector
	stem  int32   // stem term id + 1, 0 not yet given
}

func newFeaturizer(lex *lexicon.Lexicon, keys int) *featurizer {
	return &featurizer{lex: lex, common: lex.Common(), casualtyBG: float32(lex.IDF("killed")), stems: make(map[string]int32, keys), nums: map[string]int32{},
		cas: map[string]int32{}, ents: map[string]int32{}, keys: make([]keyInfo, keys),
		slot: make([]int32, 0, keys), seen: make([]int32, 0, keys)}
}

// intern is the id of term in the table m of its kind, new if need be.
func (f *featurizer) intern(m map[string]int32, t string) int32 {
	id, ok := m[t]
	if !ok {
		id = f.vocab
		f.vocab++
		m[t] = id
		f.slot = append(f.slot, 0)
		f.seen = append(f.seen, -1)
	}
	return id
}

// add counts w more of a term in the current passage.
func (f *featurizer) add(id int32, w float64, bg float32, word int32, name bool) {
	if f.seen[id] != f.stamp {
		f.seen[id] = f.stamp
		f.slot[id] = int32(len(f.cur))
		f.cur = append(f.cur, term{id: id, bg: bg, word: word, name: name})
		f.counts = append(f.counts, 0)
	}
	x := f.slot[id]
	f.counts[x] += w
	f.cur[x].name = f.cur[x].name || name
}

// info is what the lexicon says of a token's word. Only words with a stem
// (not stop words, not numbers) carry a KeyID, and only they can be kept.
func (f *featurizer) info(t tokens.Token) keyInfo {
	if t.Stem == "" {
		return keyInfo{}
	}
	if t.KeyID >= 0 && int(t.KeyID) < len(f.keys) {
		if k := &f.keys[t.KeyID]; k.known {
			return *k
		}
	}
	w := f.lex.Look(t.Key)
	k := keyInfo{known: true, word: w.ID, sif: w.SIF, bg: float32(w.IDF)}
	k.keep = keepWord(t, float64(k.bg))
	if t.KeyID >= 0 && int(t.KeyID) < len(f.keys) {
		f.keys[t.KeyID] = k
	}
	return k
}

// keepWord reports whether a word (not a number) says something of what
// happened: not a function word, a reporting or attribution word, a light
// verb ("carried out"), a month or weekday, nor a word as common in
// English as contentFloor.
func keepWord(t tokens.Token, bg float64) bool {
	return t.Stem != "" && !t.Stop && !tokens.IsReporting(t.Key) && !tokens.IsLightVerb(t.Key) && !tokens.IsMonth(t.Key) &&
		!tokens.IsWeekday(t.Key) && bg >= contentFloor
}

// stemTerm is the term id of a word's stem.
func (f *featurizer) stemTerm(t tokens.Token) int32 {
	if t.KeyID < 0 || int(t.KeyID) >= len(f.keys) {
		return f.intern(f.stems, t.Stem)
	}
	k := &f.keys[t.KeyID]
	if k.stem == 0 {
		k.stem = f.intern(f.stems, t.Stem) + 1
	}
	return k.stem - 1
}

// passage computes a passage's terms (into dst's storage; canonical
// sorts them) and adds its SIF vector to vec (dims long, zero), returning the
// terms and whether the vector has anything in it. A dateline ("Posted
// Nov 14th 2007 12:41PM") states nothing, so it has neither.
func (f *featurizer) passage(a *analysed, dst []term, words []weightedWord) ([]term, []weightedWord) {
	f.stamp++
	f.cur, f.counts = f.cur[:0], f.counts[:0]
	if isDateline(a.toks) {
		return dst, words
	}
	for i, t := range a.toks {
		if t.Num {
			bg := float32(numberIDF)
			if isDateNumber(a.toks, i) {
				bg = dateIDF
			}
			f.add(f.intern(f.nums, t.Key), 1, bg, -1, false)
			continue
		}
		k := f.info(t)
		if !k.keep {
			continue
		}
		if d, ok := numberWords[t.Key]; ok {
			// "eight" is the number 8, as rare as the word.
			f.add(f.intern(f.nums, d), 1, min(k.bg, numberIDF), -1, false)
			continue
		}
		name := entities.MentionAt(a.ments, t.Start) != nil
		if k.sif > 0 {
			words = append(words, weightedWord{k.word, k.sif})
		}
		if t.Casualty != tokens.NoCasualty {
			// "killing", "dead" and "death" are one term, as common as
			// "killed".
			f.add(f.intern(f.cas, t.Casualty.String()), 1, f.casualtyBG, k.word, name)
		} else {
			f.add(f.stemTerm(t), 1, k.bg, k.word, name)
		}
	}
	for _, m := range a.ments {
		f.add(f.intern(f.ents, m.Entity), entityWeight, entityIDF, -1, true)
	}
	for x := range f.cur {
		f.cur[x].tf = float32(max(1+math.Log(f.counts[x]), 0.3))
	}
	dst = append(dst, f.cur...) // sorted by canonical
	return dst, words
}

// weightedWord is a word of a passage that has a vector, and its SIF
// weight: what the passage's sentence vector sums.
type weightedWord struct {
	word int32
	sif  float32
}

// sentenceVectors fills f's passage vectors from the words each passage
// has vectors for (words[off[j]:off[j+1]] for passage j), summed in the
// order of the text, and marks which passages have one. It reads the
// lexicon only, so the articles' vectors are made in parallel.
func (f *artFeatures) sentenceVectors(lex *lexicon.Lexicon, common []float32, words []weightedWord, off []int32) {
	dims := f.dims
	for j := range f.hasVec {
		v := f.vecs[j*dims : (j+1)*dims : (j+1)*dims]
		ws := words[off[j]:off[j+1]]
		for _, w := range ws {
			lex.AddVector(v, w.word, w.sif)
		}
		f.hasVec[j] = len(ws) > 0 && sentenceVector(v, common)
		if !f.hasVec[j] {
			clear(v) // scoring reads every passage's vector
		}
	}
}

// sentenceVector makes a sum of SIF-weighted word vectors a sentence
// vector: unit length, with the common direction of English sentences
// projected out (and unit length again). It reports false for a vector
// with nothing left.
func sentenceVector(v, common []float32) bool {
	if !normalise(v) {
		return false
	}
	if len(common) == len(v) {
		d := dot(v, common)
		for k := range v {
			v[k] -= d * common[k]
		}
	}
	return normalise(v)
}

// normalise scales v to unit length; false (and v unchanged) when it is
// zero.
func normalise(v []float32) bool {
	var n float64
	for _, x := range v {
		n += float64(x) * float64(x)
	}
	if n < 1e-12 {
		return false
	}
	inv := float32(1 / math.Sqrt(n))
	for k := range v {
		v[k] *= inv
	}
	return true
}

// numberWords are the numbers news style spells out, as the digits other
// outlets write them with, so that "eight years" meets "8 years".
var numberWords = map[string]string{"two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12",
	"thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17",
	"eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
	"sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100"}

// isDateNumber reports whether the number at toks[i] is part of a date: a
// year (1900–2099) or a day beside a month name ("29 December", "Dec.
// 29").
func isDateNumber(toks []tokens.Token, i int) bool {
	k := toks[i].Key
	if len(k) == 4 && (strings.HasPrefix(k, "19") || strings.HasPrefix(k, "20")) {
		return true
	}
	for _, j := range [...]int{i - 1, i + 1, i + 2} {
		if j >= 0 && j < len(toks) && tokens.IsMonth(toks[j].Key) {
			return true
		}
	}
	return false
}

var timeWords = map[string]bool{"am": true, "pm": true, "a.m": true, "p.m": true, "gmt": true, "utc": true,
	"edt": true, "est": true, "pdt": true, "pst": true, "cet": true, "bst": true, "posted": true,
	"updated": true, "published": true, "last": true, "at": true, "on": true, "by": true, "date": true,
	"time": true, "modified": true}

// isDateline reports whether a passage is only a date or time stamp.
func isDateline(toks []tokens.Token) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		k := t.Key
		if t.Num || tokens.IsMonth(k) || tokens.IsWeekday(k) || timeWords[k] {
			continue
		}
		if n := strings.TrimRight(k, "abcdefghijklmnopqrstuvwxyz"); n != "" && n != k && textnorm.IsNumber(n) {
			switch k[len(n):] {
			case "st", "nd", "rd", "th", "am", "pm", "h":
				continue
			}
		}
		return false
	}
	return true
}

// artFeatures is what scoring needs of one article: every passage's terms
// (passage p's are terms[off[p]:off[p+1]], by id ascending), its sentence
// vector (vecs[p*dims:(p+1)*dims], when hasVec[p]), and in how many of its
// passages each term occurs (df, by term id, filled by index).
type artFeatures struct {
	terms  []term
	off    []int32
	vecs   []float32 // zero for a passage without a vector
	hasVec []bool
	dims   int
	df     []int32
	post   postings
	pos    []int32 // by passage: how many passages before it have content
	// The comparison's words numbered from 0 (numberComparisonWords):
	// wordNum[x] is terms[x]'s number (-1 for a term that is not a word);
	// words is how many the comparison has.
	wordNum []int32
	words   int
}

// wordNumsOf is passage p's terms' word numbers (see artFeatures).
func (f *artFeatures) wordNumsOf(p int) []int32 { return f.wordNum[f.off[p]:f.off[p+1]] }

// numberComparisonWords numbers the comparison's words from 0, in order of
// first appearance, article after article (artFeatures.wordNum, words).
func numberComparisonWords(fs []artFeatures) {
	num := make(map[int32]int32)
	for i := range fs {
		f := &fs[i]
		f.wordNum = make([]int32, len(f.terms))
		for x, t := range f.terms {
			if t.word < 0 {
				f.wordNum[x] = -1
				continue
			}
			l, ok := num[t.word]
			if !ok {
				l = int32(len(num))
				num[t.word] = l
			}
			f.wordNum[x] = l
		}
	}
	for i := range fs {
		fs[i].words = len(num)
	}
}

// n is how many passages the article has.
func (f *artFeatures) n() int { return len(f.off) - 1 }

// termsOf is passage p's terms.
func (f *artFeatures) termsOf(p int) []term { return f.terms[f.off[p]:f.off[p+1]] }

// vec is passage p's sentence vector, nil when it has none.
func (f *artFeatures) vec(p int) []float32 {
	if !f.hasVec[p] {
		return nil
	}
	return f.vecs[p*f.dims : (p+1)*f.dims : (p+1)*f.dims]
}

// features computes every passage's terms and sentence vector, article by
// article. keys is how many word keys the stem memo numbered. It returns
// the features and the number of term ids given.
func features(an [][]analysed, lex *lexicon.Lexicon, keys, workers int) ([]artFeatures, int32) {
	f := newFeaturizer(lex, keys)
	dims := lex.Dims()
	out := make([]artFeatures, len(an))
	words := make([][]weightedWord, len(an))
	offs := make([][]int32, len(an))
	for i := range an {
		n := 0
		for j := range an[i] {
			n += len(an[i][j].toks) + len(an[i][j].ments)
		}
		af := artFeatures{terms: make([]term, 0, n), off: make([]int32, 1, len(an[i])+1),
			vecs: make([]float32, len(an[i])*dims), hasVec: make([]bool, len(an[i])), dims: dims}
		ws, off := make([]weightedWord, 0, n), make([]int32, 1, len(an[i])+1)
		for j := range an[i] {
			af.terms, ws = f.passage(&an[i][j], af.terms, ws)
			af.off = append(af.off, int32(len(af.terms)))
			off = append(off, int32(len(ws)))
		}
		out[i], words[i], offs[i] = af, ws, off
	}
	f.canonical(out)
	// The vectors are the costly part (a 100-d sum per word) and need no
	// shared state: one article per task.
	pool.ForEach(len(out), workers, func(_, i int) {
		out[i].sentenceVectors(lex, f.common, words[i], offs[i])
	})
	numberComparisonWords(out)
	return out, f.vocab
}

// canonical renumbers the terms in an order that depends only on the
// terms themselves (their kind, a 30-bit hash of their text, then their
// text) and sorts each passage's terms again: two terms then compare the
// same way in any comparison that has both, so the sums scoring makes
// over a pair's terms run in the same order, and a pair scores exactly
// the same in a comparison of two and of six.
func (f *featurizer) canonical(fs []artFeatures) {
	texts := make([]string, f.vocab)
	kinds := make([]byte, f.vocab)
	keys := make([]uint64, 0, f.vocab) // kind, hash, then the old id
	for k, m := range []map[string]int32{f.nums, f.cas, f.stems, f.ents} {
		for text, id := range m {
			texts[id], kinds[id] = text, byte(k)
			keys = append(keys, uint64(k)<<62|(fnv64(text)>>34)<<32|uint64(uint32(id)))
		}
	}
	slices.Sort(keys)
	// Terms of one kind and hash are ordered by their text.
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi]>>32 == keys[lo]>>32 {
			hi++
		}
		if hi-lo > 1 {
			slices.SortFunc(keys[lo:hi], func(a, b uint64) int { return strings.Compare(texts[uint32(a)], texts[uint32(b)]) })
		}
		lo = hi
	}
	renum := make([]int32, f.vocab)
	f.names = make([]termName, len(keys))
	for n, k := range keys {
		id := int32(uint32(k))
		renum[id] = int32(n)
		f.names[n] = termName{kind: kinds[id], text: texts[id]}
	}
	for i := range fs {
		af := &fs[i]
		for x := range af.terms {
			af.terms[x].id = renum[af.terms[x].id]
		}
		for p := range af.n() {
			ts := af.terms[af.off[p]:af.off[p+1]]
			slices.SortFunc(ts, func(x, y term) int { return int(x.id - y.id) })
		}
	}
}

// fnv64 is the 64-bit FNV-1a hash of s.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
