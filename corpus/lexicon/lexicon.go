package lexicon

import (
	_ "embed"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
)

// Lexicon answers questions about English words from an encoded table
// (see Encode). It decodes the table on first use, once, and is safe for
// concurrent use; after that it never changes.
type Lexicon struct {
	raw string
	// top, when above 0, limits the table to its top most frequent words.
	top  int
	once sync.Once
	t    *table
	err  error
	// decoded is set once the table has been decoded (see Decoded).
	decoded atomic.Bool
	// common is the SIF common direction (see Common), computed on its
	// first use.
	commonOnce sync.Once
	common     []float32
	// nearRaw is the encoded near lists (see IsNear), "" for none; nl
	// their view, decoded on first use.
	nearRaw  string
	nearOnce sync.Once
	nl       *nearLists
	nearErr  error
}

// New returns a Lexicon over an encoded table. Nothing is decoded until the
// first question; a table that does not decode answers every question as
// for an unknown word, and Err says why.
func New(raw string) *Lexicon { return &Lexicon{raw: raw} }

//go:embed data/lexicon.bin
var embedded string

//go:embed data/near.bin
var embeddedNear string

// english is the built-in table. It is the one package-level value here:
// a pointer fixed at initialisation to a Lexicon whose only change is its
// own once-guarded decode, so it behaves as an immutable table that costs
// nothing until used.
var english = &Lexicon{raw: embedded, nearRaw: embeddedNear}

// English returns the built-in table: the most frequent English words of
// GloVe 6B (Wikipedia 2014 and Gigaword 5 news), with 100-d vectors.
func English() *Lexicon { return english }

// Top returns the same table limited to its n most frequent words (all of
// them when n is 0 or more than it has), to measure what a smaller table
// would give; the words left out count as rare.
func (l *Lexicon) Top(n int) *Lexicon { return &Lexicon{raw: l.raw, nearRaw: l.nearRaw, top: n} }

func (l *Lexicon) table() *table {
	l.once.Do(func() {
		l.t, l.err = decode(l.raw)
		if l.err != nil {
			l.err = fmt.Errorf("lexicon: %w", l.err)
			l.t = nil
			return
		}
		if l.top > 0 && l.top < l.t.n {
			l.t.n, l.t.limit = l.top, l.top
		}
		l.decoded.Store(true)
	})
	return l.t
}

// Decoded reports whether the table has been decoded yet (by any question
// asked of it), without decoding it, so that a program can check that its
// start-up does not pay for the table.
func (l *Lexicon) Decoded() bool { return l.decoded.Load() }

// Err reports whether the table decoded; nil when it did.
func (l *Lexicon) Err() error {
	l.table()
	return l.err
}

// Len is how many words the table has.
func (l *Lexicon) Len() int {
	if t := l.table(); t != nil {
		return t.n
	}
	return 0
}

// Dims is the length of the word vectors.
func (l *Lexicon) Dims() int {
	if t := l.table(); t != nil {
		return t.dims
	}
	return 0
}

// ID is a word's index in the table (words are numbered most frequent
// first), for callers that look one word up many times; ok is false for a
// word the table does not have.
func (l *Lexicon) ID(key string) (id int32, ok bool) {
	t := l.table()
	if t == nil {
		return -1, false
	}
	i := t.find(key)
	return int32(i), i >= 0
}

// Key returns the word with the given ID, "" for none.
func (l *Lexicon) Key(id int32) string {
	t := l.table()
	if t == nil || id < 0 || int(id) >= t.n {
		return ""
	}
	return t.key(int(id))
}

// Rank is a word's frequency rank in the source corpus (1 is the most
// frequent word); 0 for a word the table does not have.
func (l *Lexicon) Rank(key string) int {
	id, ok := l.ID(key)
	if !ok {
		return 0
	}
	return l.table().rank(int(id))
}

// Zipf's law makes the frequency of the word of rank r about
// 1/(r × H), H being the harmonic number of the vocabulary size (ln V +
// 0.577); a sentence of sentenceWords words then holds it with
// probability 1 − exp(−sentenceWords/(r × H)). This is the background
// "document" frequency: documents here are sentences, the unit passages
// are aligned in. 25 words is the length of a typical news sentence (the
// passages of news_ecb and news_synth average 24 and 26 words).
const sentenceWords = 25

// DocFreq estimates the share of English news sentences that contain the
// word, from its frequency rank (see sentenceWords). A word the table does
// not have is taken to be as rare as the words just past its end.
func (l *Lexicon) DocFreq(key string) float64 {
	t := l.table()
	if t == nil {
		return 0
	}
	r := t.vocab + 1
	if i := t.find(key); i >= 0 {
		r = t.rank(i)
	} else if t.n > 0 {
		r = t.rank(t.n-1) + 1
	}
	return docFreq(r, t.vocab)
}

func docFreq(rank, vocab int) float64 {
	h := math.Log(float64(vocab)) + 0.5772
	return -math.Expm1(-sentenceWords / (float64(rank) * h))
}

// IDF is the background inverse document frequency of a word, ln(1/DocFreq):
// about 0.2 for "the", 2 for "said", 6 for "further", 9 for "militia".
// 0 when the table did not decode.
func (l *Lexicon) IDF(key string) float64 {
	df := l.DocFreq(key)
	if df <= 0 {
		return 0
	}
	return -math.Log(df)
}

// IDFOf is IDF by ID (a word the table has).
func (l *Lexicon) IDFOf(id int32) float64 {
	t := l.table()
	if t == nil || id < 0 || int(id) >= t.n {
		return 0
	}
	return -math.Log(docFreq(t.rank(int(id)), t.vocab))
}

// AddVector adds weight × the word's unit vector to dst, which must have
// Dims components (a shorter dst takes the first components). It does
// nothing for an unknown ID.
func (l *Lexicon) AddVector(dst []float32, id int32, weight float32) {
	t := l.table()
	if t == nil || id < 0 || int(id) >= t.n {
		return
	}
	w := weight * t.scale(int(id))
	addScaled(dst, t.raw[t.vecs+int(id)*t.dims:t.vecs+(int(id)+1)*t.dims], w)
}

// addScaledGo is addScaled in Go, for the components from k0 on (dst no
// longer than src).
func addScaledGo(dst []float32, src string, w float32, k0 int) {
	for k := k0; k < len(dst); k++ {
		dst[k] += float32(w * float32(int8(src[k]))) // rounded before the sum: never a fused multiply-add
	}
}

// Vector returns the word's unit vector (dequantised), or nil and false.
func (l *Lexicon) Vector(key string) ([]float32, bool) {
	id, ok := l.ID(key)
	if !ok {
		return nil, false
	}
	v := make([]float32, l.Dims())
	l.AddVector(v, id, 1)
	return v, true
}

// Similar is the cosine similarity (−1..1) of two words' vectors, 0 when
// either is unknown; int8 quantisation costs it under 0.01.
func (l *Lexicon) Similar(a, b string) float32 {
	x, okx := l.ID(a)
	y, oky := l.ID(b)
	if !okx || !oky {
		return 0
	}
	return l.SimilarIDs(x, y)
}

// SimilarIDs is Similar by ID.
func (l *Lexicon) SimilarIDs(x, y int32) float32 {
	t := l.table()
	if t == nil || x < 0 || y < 0 || int(x) >= t.n || int(y) >= t.n {
		return 0
	}
	// Stored vectors are unit length before quantising, so the scaled dot
	// product is the cosine up to quantisation error (under 0.01).
	a := t.raw[t.vecs+int(x)*t.dims : t.vecs+(int(x)+1)*t.dims]
	b := t.raw[t.vecs+int(y)*t.dims : t.vecs+(int(y)+1)*t.dims]
	return float32(dotInt8(a, b)) * t.scale(int(x)) * t.scale(int(y))
}

// dotInt8 is the dot product of two int8 vectors stored as bytes, of the
// same length. Four running sums let the CPU overlap the multiplications
// (integer sums, so the order does not change the result); this is a
// fifth of comparing six articles (the guard's near words).
func dotInt8(a, b string) int32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 int32
	k := 0
	for ; k+4 <= len(a); k += 4 {
		s0 += int32(int8(a[k])) * int32(int8(b[k]))
		s1 += int32(int8(a[k+1])) * int32(int8(b[k+1]))
		s2 += int32(int8(a[k+2])) * int32(int8(b[k+2]))
		s3 += int32(int8(a[k+3])) * int32(int8(b[k+3]))
	}
	for ; k < len(a); k++ {
		s0 += int32(int8(a[k])) * int32(int8(b[k]))
	}
	return s0 + s1 + s2 + s3
}

// SIFA is the a of smooth inverse frequency (SIF) weighting: a word of
// probability p weighs a/(a+p) in a sentence vector, so "the" counts for
// almost nothing and a rare word for almost 1 (Arora, Liang and Ma, "A
// Simple but Tough-to-Beat Baseline for Sentence Embeddings", 2017, whose
// recommended range is 1e-4 to 1e-3).
const SIFA = 1e-3

// Word is what the table says of one word key (see Look).
type Word struct {
	ID    int32   // its index, -1 when the table does not have it
	IDF   float64 // IDF: background inverse document frequency
	SIF   float32 // SIFWeight, 0 when the table does not have it
	Known bool    // the table has it (and so a vector)
}

// Look answers ID, IDF and SIFWeight for one key with one lookup.
func (l *Lexicon) Look(key string) Word {
	t := l.table()
	if t == nil {
		return Word{ID: -1}
	}
	i := t.find(key)
	if i < 0 {
		return Word{ID: -1, IDF: l.IDF(key)}
	}
	id := int32(i)
	return Word{ID: id, IDF: l.IDFOf(id), SIF: l.SIFWeight(id), Known: true}
}

// Prob is the probability of the word with the given ID in English text,
// from its frequency rank by Zipf's law: 1/(rank × (ln V + 0.577)), V
// being the source vocabulary; 0 for an unknown ID.
func (l *Lexicon) Prob(id int32) float64 {
	t := l.table()
	if t == nil || id < 0 || int(id) >= t.n {
		return 0
	}
	return 1 / (float64(t.rank(int(id))) * (math.Log(float64(t.vocab)) + 0.5772))
}

// SIFWeight is the word's SIF weight, SIFA/(SIFA + Prob); 0 for an unknown
// ID.
func (l *Lexicon) SIFWeight(id int32) float32 {
	p := l.Prob(id)
	if p <= 0 {
		return 0
	}
	return float32(SIFA / (SIFA + p))
}

// Common is the direction every SIF sentence vector shares: the expected
// SIF-weighted vector of a word drawn from English text (every word of the
// table weighted by Prob × SIFWeight), unit length. Removing it from
// sentence vectors leaves what tells one sentence from another (the SIF
// paper removes the first principal component of the sentences compared;
// a fixed direction makes a pair's similarity independent of the other
// sentences around it). It is computed on first use (about 3 ms), once,
// and must not be modified; nil when the table did not decode.
func (l *Lexicon) Common() []float32 {
	l.commonOnce.Do(func() {
		t := l.table()
		if t == nil || t.n == 0 {
			return
		}
		h := math.Log(float64(t.vocab)) + 0.5772
		d := make([]float64, t.dims)
		for i := range t.n {
			p := 1 / (float64(t.rank(i)) * h)
			w := p * SIFA / (SIFA + p) * float64(t.scale(i))
			row := t.raw[t.vecs+i*t.dims : t.vecs+(i+1)*t.dims]
			for k := range d {
				d[k] += w * float64(int8(row[k]))
			}
		}
		var n float64
		for _, x := range d {
			n += x * x
		}
		if n == 0 {
			return
		}
		l.common = make([]float32, t.dims)
		for k, x := range d {
			l.common[k] = float32(x / math.Sqrt(n))
		}
	})
	return l.common
}
