package tokens

import "github.com/pmureader/pmureader/corpus/textnorm"

// Memo caches stems and casualty classes by word key for one worker of
// one call of grouping or comparison: Snowball stemming is the costliest
// step, and news repeats its words. Make one with make(Memo, sizeHint).
//
// The memo numbers the keys it stems, from 0, in the order it meets them,
// and tokens carry that
// number as KeyID, so that callers can index arrays by word instead of
// hashing stems again. Keys with one stem ("strike", "strikes") have
// different numbers.
type Memo map[string]memoEntry

// memoEntry is what a memo knows of a word key.
type memoEntry struct {
	stem     string
	casualty Casualty
	id       int32
}

// stemOf returns key's stem and casualty class, from memo or the stemmer
// (recording it in memo, numbered); memo may be nil.
func stemOf(key string, memo Memo) memoEntry {
	if e, ok := memo[key]; ok {
		return e
	}
	e := memoEntry{stem: textnorm.Stem(key), id: -1}
	e.casualty = casualtyOfStem(e.stem)
	if memo != nil {
		e.id = int32(len(memo))
		memo[key] = e
	}
	return e
}
