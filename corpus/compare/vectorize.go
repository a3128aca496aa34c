package compare

import (
	"math"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/tfidf"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// entityWeight is how much a resolved entity counts in a passage's vector:
// half a word on top of its own words, enough to join "PMU" and "Popular
// Mobilization Forces" without letting names outweigh what happened
// (checked, not fitted, on ../shared/eval/news_ecb).
const entityWeight = 0.5

// vectorize builds every passage's TF-IDF vector. Terms are word stems,
// numbers, casualty classes and entity keys (so "PMU" meets "Popular
// Mobilization Forces"); IDF is over all passages of all articles. keys is
// how many word keys the stem memo numbered (Token.KeyID).
func vectorize(an [][]analysed, keys int) {
	passages, words := 0, 0
	for i := range an {
		passages += len(an[i])
		for j := range an[i] {
			words += len(an[i][j].toks)
		}
	}
	tc := newTermCounter(keys)
	// Every passage's counts, one after another: passage x's are
	// all[off[x]:off[x+1]], by id.
	all := make([]termCount, 0, words)
	off := make([]int, 1, passages+1)
	for i := range an {
		for j := range an[i] {
			start := len(all)
			for _, t := range tc.countPassage(&an[i][j]) {
				if t.n > 0 {
					all = append(all, t)
				}
			}
			slices.SortFunc(all[start:], func(a, b termCount) int { return int(a.id - b.id) })
			off = append(off, len(all))
		}
	}
	weighPassages(an, all, off, tc.df)
}

// termCount is a term of a passage and its weighted count.
type termCount struct {
	id int32
	n  float64
}

// termCounter counts the terms of passages one after another. Term ids
// are given in order of first appearance; the four kinds of term have
// their own tables, as if prefixed ("#27", "~killed", "@entity"), so they
// never meet. A word's stem term is looked up once per word key, not once
// per occurrence.
type termCounter struct {
	stems, nums, cas, ents map[string]int32
	df                     []int32 // term id → passages counting it
	// While a passage is counted, its term id's entry in cur is
	// slot[id], valid when seen[id] is the passage's stamp.
	slot, seen []int32
	cur        []termCount
	stamp      int32
	keys       int
	keyTerm    []int32 // Token.KeyID → stem term id + 1, 0 unknown
}

func newTermCounter(keys int) *termCounter {
	return &termCounter{stems: make(map[string]int32, keys), nums: map[string]int32{}, cas: map[string]int32{},
		ents: map[string]int32{}, df: make([]int32, 0, keys), slot: make([]int32, 0, keys),
		seen: make([]int32, 0, keys), keys: keys, keyTerm: make([]int32, keys)}
}

// intern is the id of term in the table m of its kind, new if need be.
func (tc *termCounter) intern(m map[string]int32, term string) int32 {
	id, ok := m[term]
	if !ok {
		id = int32(len(tc.df))
		m[term] = id
		tc.df = append(tc.df, 0)
		tc.slot = append(tc.slot, 0)
		tc.seen = append(tc.seen, -1)
	}
	return id
}

// add counts w more of term id in the current passage.
func (tc *termCounter) add(id int32, w float64) {
	if tc.seen[id] != tc.stamp {
		tc.seen[id] = tc.stamp
		tc.slot[id] = int32(len(tc.cur))
		tc.cur = append(tc.cur, termCount{id, 0})
		tc.df[id]++
	}
	tc.cur[tc.slot[id]].n += w
}

// stemTerm is the term id of a word's stem.
func (tc *termCounter) stemTerm(t tokens.Token) int32 {
	if t.KeyID < 0 || int(t.KeyID) >= tc.keys {
		return tc.intern(tc.stems, t.Stem)
	}
	id := tc.keyTerm[t.KeyID] - 1
	if id < 0 {
		id = tc.intern(tc.stems, t.Stem)
		tc.keyTerm[t.KeyID] = id + 1
	}
	return id
}

// countPassage counts a passage's terms, in order of first appearance: its
// numbers, casualty classes ("killed", "dead", "death" are one term) and
// stems, then its entities. A dateline ("Posted Nov 14th 2007 12:41PM")
// states nothing, so it has no terms: it would only match other dates. The
// result is valid until the next call.
func (tc *termCounter) countPassage(a *analysed) []termCount {
	tc.stamp++
	tc.cur = tc.cur[:0]
	if isDateline(a.toks) {
		return tc.cur
	}
	for _, t := range a.toks {
		switch {
		case t.Num:
			tc.add(tc.intern(tc.nums, t.Key), 1)
		case t.Stem != "":
			if t.Casualty != tokens.NoCasualty {
				tc.add(tc.intern(tc.cas, t.Casualty.String()), 1)
			} else {
				tc.add(tc.stemTerm(t), 1)
			}
		}
	}
	for _, m := range a.ments {
		tc.add(tc.intern(tc.ents, m.Entity), entityWeight)
	}
	return tc.cur
}

// weighPassages sets every passage's vector from its counts
// (all[off[x]:off[x+1]] for the x-th passage), weighted by TF-IDF over all
// the passages and L2-normalised. The vectors share two arrays.
func weighPassages(an [][]analysed, all []termCount, off []int, df []int32) {
	N := float64(len(off) - 1)
	ids := make([]int32, len(all))
	ws := make([]float32, len(all))
	x := 0
	for i := range an {
		for j := range an[i] {
			lo, hi := off[x], off[x+1]
			x++
			v := tfidf.Vector{IDs: ids[lo:hi:hi], W: ws[lo:hi:hi]}
			var norm float64
			for k, t := range all[lo:hi] {
				w := tfidf.Weight(t.n, N, df[t.id])
				v.IDs[k] = t.id
				v.W[k] = float32(w)
				norm += w * w
			}
			if norm > 0 {
				inv := 1 / math.Sqrt(norm)
				for k := range v.W {
					v.W[k] = float32(float64(v.W[k]) * inv)
				}
			}
			an[i][j].vec = v
		}
	}
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
