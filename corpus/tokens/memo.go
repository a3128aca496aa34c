package tokens

import (
	"sync"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Memo caches stems and casualty classes by word key for one worker of
// one call of grouping or comparison: Snowball stemming is the costliest
// step, and news repeats its words. Make one with make(Memo, sizeHint).
//
// The memo numbers the keys it stems, from 0, in the order it meets them
// (the shared memo's numbering when there is one), and tokens carry that
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

// SharedMemo is the memo the workers of one call share, so that a word two
// workers meet is stemmed once. A worker asks it only on a miss in its own
// Memo, so the lock is taken once per distinct word per worker.
type SharedMemo struct {
	mu   sync.Mutex
	memo Memo
}

// NewSharedMemo returns an empty shared memo.
func NewSharedMemo() *SharedMemo { return &SharedMemo{memo: Memo{}} }

// Len is how many word keys the shared memo has numbered.
func (s *SharedMemo) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.memo)
}

// stemOf returns key's stem and casualty class, from memo, share, or the
// stemmer (recording it in both); memo and share may be nil.
func stemOf(key string, memo Memo, share *SharedMemo) memoEntry {
	if e, ok := memo[key]; ok {
		return e
	}
	var e memoEntry
	found := false
	if share != nil {
		share.mu.Lock()
		e, found = share.memo[key]
		share.mu.Unlock()
	}
	if !found {
		e.stem = textnorm.Stem(key)
		e.casualty = casualtyOfStem(e.stem)
		e.id = -1
		if share != nil {
			share.mu.Lock()
			if prev, ok := share.memo[key]; ok {
				e = prev // another worker stemmed it meanwhile
			} else {
				e.id = int32(len(share.memo))
				share.memo[key] = e
			}
			share.mu.Unlock()
		}
	}
	if memo != nil {
		if share == nil {
			e.id = int32(len(memo))
		}
		memo[key] = e
	}
	return e
}
