package dedupe

import (
	"github.com/pmureader/pmureader/corpus/internal/article"
)

// Relation is what an article is to those already in an Index.
type Relation int

// The relations Check finds.
const (
	// Independent: no article of the index is the same or a copy.
	Independent Relation = iota
	// Duplicate: the same article as Verdict.Other (see the package
	// rule); it is not added.
	Duplicate
	// Copy: one of the two republishes the other: the new article is a
	// copy of Verdict.Other, or, with Verdict.Swap, Other is a copy of it.
	Copy
)

// Reason says which half of the rule two articles met.
type Reason string

// The reasons of a Verdict.
const (
	SameText     Reason = "the same text"
	SameAddress  Reason = "the same address and title"
	Contained    Reason = "one text within the other"
	Elsewhere    Reason = "the same text at another address"
	minContained        = 50 // words of a body found within another, at least
	// maxHolders is how many articles a paragraph is looked up in; a
	// paragraph in more (boilerplate that passed sigWords) is no evidence.
	maxHolders = 8
)

// Verdict is what Check found.
type Verdict struct {
	Relation Relation
	// Other is the article of the index the new one duplicates or copies
	// (for Copy, the original: a copy of a copy points to the first).
	Other  *article.Article
	Reason Reason
	// Swap, for Copy, says that Other is the copy and the new article the
	// original (never in a settled index).
	Swap  bool
	other int32 // Other's entry
}

// entry is an article of the index.
type entry struct {
	a     *article.Article
	print *Print
	orig  int32 // the entry this one is a copy of, or -1
}

// Index holds the articles of one load, to tell each new one whether it
// duplicates or copies one of them. Articles are added in the order they
// are read. It is not safe for concurrent use.
type Index struct {
	settled bool
	entries []entry
	byTold  map[uint64]int32 // the same text from the same teller
	byBody  map[uint64]int32 // the same text (its first holder)
	byURL   map[uint64]int32
	byPara  map[uint64]int32   // a paragraph's first holder (originals only)
	more    map[uint64][]int32 // its further holders, up to maxHolders
}

// NewIndex returns an empty index for about n articles (0 when unknown).
// A settled index never marks an article already added as a copy (Swap):
// for articles already handed over (a streaming load), the later one is
// the copy.
func NewIndex(settled bool, n int) *Index {
	return &Index{settled: settled, entries: make([]entry, 0, n),
		byTold: make(map[uint64]int32, n), byBody: make(map[uint64]int32, n), byURL: make(map[uint64]int32, n),
		byPara: make(map[uint64]int32, 8*n), more: map[uint64][]int32{}}
}

// Check tells what a, with print p, is to the articles added so far: the
// same article as one (Duplicate), a republication of one or republished
// by it (Copy), or Independent. It changes nothing.
func (ix *Index) Check(a *article.Article, p *Print) Verdict {
	if k, ok := ix.byTold[p.told]; ok && ix.entries[k].print.account == p.account {
		// Two addresses make two publications of one text: a copy.
		if q := ix.entries[k].print; p.addr == 0 || q.addr == 0 || p.addr == q.addr {
			return Verdict{Relation: Duplicate, Other: ix.entries[k].a, Reason: SameText, other: k}
		}
	}
	if p.url != 0 {
		if k, ok := ix.byURL[p.url]; ok {
			return Verdict{Relation: Duplicate, Other: ix.entries[k].a, Reason: SameAddress, other: k}
		}
	}
	if k, ok := ix.byBody[p.body]; ok {
		why := SameText
		if ix.entries[k].print.account == p.account {
			why = Elsewhere
		}
		return ix.copyVerdict(a, k, why, false, false)
	}
	if k, inOther, otherIn := ix.contained(p); k >= 0 {
		return ix.copyVerdict(a, k, Contained, inOther, otherIn)
	}
	return Verdict{}
}

// Add adds a with print p and the verdict Check gave it: nothing for a
// Duplicate; for a Copy it sets a.CopyOf (or, with Swap, the other's) to
// the original's id. The print must not change afterwards.
func (ix *Index) Add(a *article.Article, p *Print, v Verdict) {
	if v.Relation == Duplicate {
		return
	}
	k := int32(len(ix.entries))
	ix.entries = append(ix.entries, entry{a: a, print: p, orig: -1})
	if _, ok := ix.byTold[p.told]; !ok {
		ix.byTold[p.told] = k
	}
	if _, ok := ix.byBody[p.body]; !ok {
		ix.byBody[p.body] = k
	}
	if _, ok := ix.byURL[p.url]; !ok && p.url != 0 {
		ix.byURL[p.url] = k
	}
	if v.Relation == Copy {
		other := v.other
		if !v.Swap {
			ix.entries[k].orig = other
			a.CopyOf = v.Other.ID
			return // a copy's paragraphs are the original's: not indexed
		}
		ix.entries[other].orig = k
		v.Other.CopyOf = a.ID
	}
	for _, h := range p.paras {
		ix.addHolder(h, k)
	}
}

// Resolve points every copy at its first original, where a Swap made a
// copy of an article that others were copies of. It is for an index that
// is not settled, once all is added.
func (ix *Index) Resolve() {
	for k := range ix.entries {
		e := &ix.entries[k]
		if e.orig < 0 {
			continue
		}
		root := ix.root(int32(k))
		e.a.CopyOf = ix.entries[root].a.ID
	}
}

// copyVerdict is the Copy verdict for new article a and entry
// k, which share their text (aInK: a's paragraphs all in k's; kInA: the
// other way).
func (ix *Index) copyVerdict(a *article.Article, k int32, why Reason, aInK, kInA bool) Verdict {
	root := ix.root(k)
	other := ix.entries[root].a
	swap := !ix.settled && root == k && isCopy(other, a, aInK && !kInA, kInA && !aInK)
	return Verdict{Relation: Copy, Other: other, Reason: why, Swap: swap, other: root}
}

// isCopy reports whether the earlier article x, rather than the later y,
// is the republication of the two: the one with a "Via" when only one has
// one; else the later when both are dated and the dates differ; else the
// one with extra paragraphs (xExtra: y's text is within x's, not the other
// way); else not (the later one read is the copy).
func isCopy(x, y *article.Article, xExtra, yExtra bool) bool {
	switch {
	case (x.Via != "") != (y.Via != ""):
		return x.Via != ""
	case x.Date.Known() && y.Date.Known() && !x.Date.Time.Equal(y.Date.Time):
		return x.Date.Time.After(y.Date.Time)
	case xExtra != yExtra:
		return xExtra
	}
	return false
}

// root follows the copies from entry k to the original.
func (ix *Index) root(k int32) int32 {
	for n := 0; ix.entries[k].orig >= 0 && n < len(ix.entries); n++ {
		k = ix.entries[k].orig
	}
	return k
}

// addHolder records that entry k holds paragraph h.
func (ix *Index) addHolder(h uint64, k int32) {
	if _, ok := ix.byPara[h]; !ok {
		ix.byPara[h] = k
		return
	}
	if hs := ix.more[h]; len(hs) < maxHolders-1 {
		ix.more[h] = append(hs, k)
	}
}

// contained finds the entry whose paragraphs contain all of p's, or are
// all in p's, sharing the most with p; -1 when none does (see the package
// rule for the sizes).
func (ix *Index) contained(p *Print) (k int32, pInK, kInP bool) {
	if len(p.paras) == 0 {
		return -1, false, false
	}
	var shared map[int32]int
	for _, h := range p.paras {
		first, ok := ix.byPara[h]
		if !ok {
			continue
		}
		if shared == nil {
			shared = map[int32]int{}
		}
		shared[first]++
		for _, m := range ix.more[h] {
			shared[m]++
		}
	}
	best, bestN := int32(-1), 0
	for c, n := range shared {
		q := ix.entries[c].print
		in := n == len(p.paras) && within(p, q)
		holds := n == len(q.paras) && within(q, p)
		if (in || holds) && (n > bestN || n == bestN && c < best) {
			best, bestN, pInK, kInP = c, n, in, holds
		}
	}
	return best, pInK, kInP
}

// within reports whether a body the size of x's may be counted a copy of
// one the size of y's when all its paragraphs are in y: it has two
// paragraphs that count and minContained words at least, and at least half
// of y's words.
func within(x, y *Print) bool {
	return len(x.paras) >= 2 && x.words >= minContained && 2*x.words >= y.words
}

// RelateSameText tells what article a is to b, an article with the same body
// text (the same BodyHash), by the half of the rule that Check applies to
// such a pair, for a store that finds b by its hash: the same article
// (Duplicate, SameText) when the same outlet and via tell both and their
// canonical addresses do not differ (one has none, or both the same);
// else a republication, a the copy (Copy): Elsewhere when one teller
// published the text at two addresses, SameText when another outlet or
// via tells it.
func RelateSameText(a, b *article.Article) (Relation, Reason) {
	if TitleKey(a.Outlet) != TitleKey(b.Outlet) || TitleKey(a.Via) != TitleKey(b.Via) {
		return Copy, SameText
	}
	ua, ub := CanonicalURL(a.URL), CanonicalURL(b.URL)
	if ua == "" || ub == "" || ua == ub {
		return Duplicate, SameText
	}
	return Copy, Elsewhere
}
