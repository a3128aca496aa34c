package stories

import (
	"slices"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/entities"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// ctok is a word kept between Group's passes: its byte range, its key (an
// index in the worker's keys, or -1 when the key is the word as written)
// and the flags entities.FindMentions reads.
type ctok struct {
	start, end int32
	key        int32
	flags      uint8
}

// ctok flags.
const (
	fStop = 1 << iota
	fNum
	fUpper
	fCaps
	fPoss
)

// stemCount is one distinct stem of an article.
type stemCount struct {
	stem int32 // index in the worker's stems
	part int32 // the part it first appears in
	n    int32 // occurrences, title and dek counted twice
}

// storyArticle is what Group's first pass keeps of an article.
type storyArticle struct {
	worker int32   // the worker whose keys and stems the indexes refer to
	toks   []ctok  // the words entities.UsedByMentions keeps
	parts  []int32 // part k's words are toks[parts[k]:parts[k+1]]
	stems  []stemCount
}

// storyWorker is one worker's state in Group's first pass: its memo,
// interned strings and scratch buffers.
type storyWorker struct {
	memo    tokens.Memo
	keyID   map[string]int32
	keys    []string
	keyStem []int32 // memo key number (Token.KeyID) → stem index, -1 until needed
	stemID  map[string]int32
	stems   []string
	caps    *entities.Capitalisation

	toks   []tokens.Token
	ctoks  []ctok
	counts []stemCount
	seenAt []int32 // stem index → the stamp of the article that last counted it
	slot   []int32 // stem index → its position in that article's counts
}

func newStoryWorker() *storyWorker {
	return &storyWorker{memo: make(tokens.Memo, 4096), keyID: make(map[string]int32, 4096),
		stemID: make(map[string]int32, 4096), caps: entities.NewCapitalisation()}
}

// partWeight is how much a word of part k counts: the title and dek
// twice.
func partWeight(k int) int32 {
	if k < 2 {
		return 2
	}
	return 1
}

// first is Group's first pass over one article: tokens, capitalisation,
// stem counts, and the words the second pass needs. stamp is unique to the
// article among the worker's articles.
func (wk *storyWorker) first(a *corpus.Article, art *storyArticle, worker, stamp int32) {
	art.worker = worker
	wk.ctoks, wk.counts = wk.ctoks[:0], wk.counts[:0]
	nparts := 2 + len(a.Body)
	art.parts = make([]int32, 0, nparts+1)
	for k := 0; k < nparts; k++ {
		art.parts = append(art.parts, int32(len(wk.ctoks)))
		text := partText(a, k)
		if text == "" {
			continue
		}
		wk.toks = tokens.TokenizeInto(wk.toks, text, wk.memo, nil)
		toks := wk.toks
		wk.caps.Observe(toks, k == 0)
		weight := partWeight(k)
		for x, t := range toks {
			if t.Stem != "" {
				wk.countStem(t, int32(k), weight, stamp)
			}
			if entities.UsedByMentions(toks, x) {
				wk.ctoks = append(wk.ctoks, wk.compact(text, t))
			}
		}
	}
	art.parts = append(art.parts, int32(len(wk.ctoks)))
	art.toks = slices.Clone(wk.ctoks)
	art.stems = slices.Clone(wk.counts)
}

// compact is the word the second pass keeps of t: most keys are the word
// as written (lower case ASCII); the others are interned.
func (wk *storyWorker) compact(text string, t tokens.Token) ctok {
	var f uint8
	if t.Stop {
		f |= fStop
	}
	if t.Num {
		f |= fNum
	}
	if t.Upper {
		f |= fUpper
	}
	if t.Caps {
		f |= fCaps
	}
	if t.Poss {
		f |= fPoss
	}
	kid := int32(-1)
	if t.Key != text[t.Start:t.End] {
		var ok bool
		if kid, ok = wk.keyID[t.Key]; !ok {
			kid = int32(len(wk.keys))
			wk.keyID[t.Key] = kid
			wk.keys = append(wk.keys, t.Key)
		}
	}
	return ctok{int32(t.Start), int32(t.End), kid, f}
}

// expand is the token FindMentions reads of a kept word of text (it reads
// no stem or casualty class), keys interned by worker wk.
func (wk *storyWorker) expand(text string, t ctok) tokens.Token {
	key := text[t.start:t.end]
	if t.key >= 0 {
		key = wk.keys[t.key]
	}
	return tokens.Token{Start: int(t.start), End: int(t.end), Key: key,
		Stop: t.flags&fStop != 0, Num: t.flags&fNum != 0, Upper: t.flags&fUpper != 0,
		Caps: t.flags&fCaps != 0, Poss: t.flags&fPoss != 0}
}

// countStem adds a word to the current article's stem counts.
func (wk *storyWorker) countStem(t tokens.Token, part, weight, stamp int32) {
	// A word's stem depends on its key alone: look the stem up once per key
	// (t.KeyID numbers this worker's keys).
	for int(t.KeyID) >= len(wk.keyStem) {
		wk.keyStem = append(wk.keyStem, -1)
	}
	sid := wk.keyStem[t.KeyID]
	if sid < 0 {
		var ok bool
		if sid, ok = wk.stemID[t.Stem]; !ok {
			sid = int32(len(wk.stems))
			wk.stemID[t.Stem] = sid
			wk.stems = append(wk.stems, t.Stem)
			wk.seenAt = append(wk.seenAt, 0)
			wk.slot = append(wk.slot, 0)
		}
		wk.keyStem[t.KeyID] = sid
	}
	if wk.seenAt[sid] == stamp {
		wk.counts[wk.slot[sid]].n += weight
	} else {
		wk.seenAt[sid] = stamp
		wk.slot[sid] = int32(len(wk.counts))
		wk.counts = append(wk.counts, stemCount{sid, part, weight})
	}
}

// partText is part k of an article as Group reads it: the title, the dek,
// then the body paragraphs.
func partText(a *corpus.Article, k int) string {
	switch k {
	case 0:
		return a.Title
	case 1:
		return a.Dek
	}
	return a.Body[k-2].Text
}
