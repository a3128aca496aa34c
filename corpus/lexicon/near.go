package lexicon

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"sync"
)

// Near lists: for every word of a table, the words whose vectors' cosine
// with its own (SimilarIDs, smaller ID first) is NearFloor or more. They
// are computed offline over all pairs of words (EncodeNear, run by
// scripts/lexicon) and embedded beside the table, so that asking whether
// two words are near costs a binary search in a short list instead of a
// 100-d dot product: with the dot product, the near words of the compare
// guard were a fifth of comparing six articles.
//
// The layout, all integers little-endian:
//
//	magic   "PMUNEAR1"
//	header  n uint32 (the table's words), floor float32, the FNV-1a 64
//	        hash of the table it was computed from (uint64)
//	offs    n+1 uint32: word i's near words are ids[offs[i]:offs[i+1]]
//	ids     uint32 each, ascending within a word; never the word itself
//
// The embedded table's lists hold 359,134 entries (179,567 pairs of the
// 50,000 words) at NearFloor; 0.6 would hold twice as many, 0.7 half.

// NearFloor is the least cosine the near lists hold: IsNear is a look-up
// for thresholds at or above it and a dot product below.
const NearFloor = 0.65

const (
	nearMagic  = "PMUNEAR1"
	nearHeader = len(nearMagic) + 4 + 4 + 8
)

// nearLists is a decoded view of near lists: offsets into their blob.
type nearLists struct {
	raw   string
	n     int
	floor float32
	hash  uint64
	ids   int // offset of the ids section
}

// decodeNear checks the header and sizes of raw against a table of n
// words and returns its view.
func decodeNear(raw string, n int) (*nearLists, error) {
	if len(raw) < nearHeader || raw[:len(nearMagic)] != nearMagic {
		return nil, fmt.Errorf("not near lists (bad magic)")
	}
	nl := &nearLists{raw: raw}
	nl.n = int(le32(raw, 8))
	nl.floor = math.Float32frombits(le32(raw, 12))
	nl.hash = uint64(le32(raw, 16)) | uint64(le32(raw, 20))<<32
	if nl.n != n {
		return nil, fmt.Errorf("near lists of %d words for a table of %d", nl.n, n)
	}
	nl.ids = nearHeader + 4*(n+1)
	if len(raw) < nl.ids {
		return nil, errShort
	}
	prev := 0
	for i := range n + 1 {
		o := nl.off(i)
		if o < prev {
			return nil, fmt.Errorf("near lists: word %d's offset %d before %d", i, o, prev)
		}
		prev = o
	}
	if nl.ids+4*prev != len(raw) {
		return nil, fmt.Errorf("near lists: size %d, header says %d", len(raw), nl.ids+4*prev)
	}
	return nl, nil
}

func (nl *nearLists) off(i int) int { return int(le32(nl.raw, nearHeader+4*i)) }

// has reports whether y is among the ids of entries lo..hi-1 (a word's
// list).
func (nl *nearLists) has(lo, hi int, y int32) bool {
	end := hi
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if int32(le32(nl.raw, nl.ids+4*h)) < y {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo < end && int32(le32(nl.raw, nl.ids+4*lo)) == y
}

// list is x's near words.
func (nl *nearLists) list(x int32) []int32 {
	lo, hi := nl.off(int(x)), nl.off(int(x)+1)
	out := make([]int32, 0, hi-lo)
	for k := lo; k < hi; k++ {
		out = append(out, int32(le32(nl.raw, nl.ids+4*k)))
	}
	return out
}

// le32 is the little-endian uint32 at raw[off:].
func le32(raw string, off int) uint32 {
	r := raw[off : off+4]
	return uint32(r[0]) | uint32(r[1])<<8 | uint32(r[2])<<16 | uint32(r[3])<<24
}

// near is the lexicon's near lists, decoded on first use; nil when it
// has none or they do not fit its table.
func (l *Lexicon) near() *nearLists {
	l.nearOnce.Do(func() {
		if l.nearRaw == "" || len(l.raw) < headerSize {
			return
		}
		l.nl, l.nearErr = decodeNear(l.nearRaw, int(le32(l.raw, len(magic))))
		if l.nearErr != nil {
			l.nearErr = fmt.Errorf("lexicon: %w", l.nearErr)
		}
	})
	return l.nl
}

// IsNear reports whether SimilarIDs of words x and y, the smaller ID
// first, is thr or more: the same answer, whatever the order of x and y,
// and with near lists and thr at least NearFloor a look-up for the many
// pairs of words that are not near.
func (l *Lexicon) IsNear(x, y int32, thr float32) bool {
	nb := l.Neighbours(x, thr)
	return nb.Has(y)
}

// Neighbours is what IsNear asks of one word, for a caller that asks it
// of many others: its near list, read once.
type Neighbours struct {
	l      *Lexicon
	x      int32
	thr    float32
	listed bool // the near lists answer: y is near only if in ids[lo:hi]
	nl     *nearLists
	lo, hi int
}

// Neighbours is word x's neighbours at thr (see IsNear).
func (l *Lexicon) Neighbours(x int32, thr float32) Neighbours {
	nb := Neighbours{l: l, x: x, thr: thr}
	if nl := l.near(); nl != nil && thr >= nl.floor && x >= 0 && int(x) < nl.n {
		nb.listed, nb.nl, nb.lo, nb.hi = true, nl, nl.off(int(x)), nl.off(int(x)+1)
	}
	return nb
}

// AppendIn appends to dst the words of x's near list that are in set (a
// bit a word, by ID: word y is bit y%64 of set[y/64]), ascending, and
// reports true: Has can be true only for them. Without near lists to say
// which words may be near, it appends nothing and reports false.
func (nb *Neighbours) AppendIn(dst []int32, set []uint64) ([]int32, bool) {
	if !nb.listed {
		return dst, false
	}
	for k := nb.lo; k < nb.hi; k++ {
		y := le32(nb.nl.raw, nb.nl.ids+4*k)
		if int(y>>6) < len(set) && set[y>>6]&(1<<(y&63)) != 0 {
			dst = append(dst, int32(y))
		}
	}
	return dst, true
}

// Has is IsNear(x, y, thr).
func (nb *Neighbours) Has(y int32) bool {
	if nb.listed && y != nb.x && !nb.nl.has(nb.lo, nb.hi, y) {
		return false
	}
	return nb.l.SimilarIDs(min(nb.x, y), max(nb.x, y)) >= nb.thr
}

// NearHash is the hash near lists record of the table they were computed
// from (FNV-1a 64 of the encoded table).
func NearHash(table string) uint64 {
	h := fnv.New64a()
	_, _ = io.WriteString(h, table)
	return h.Sum64()
}

// EncodeNear writes the near lists of an encoded table (see Encode) at
// floor, comparing every pair of its words on workers goroutines (all of
// GloVe's 50,000: 1.25 billion pairs, about 35 s on two cores).
func EncodeNear(w io.Writer, table string, floor float32, workers int) error {
	l := New(table)
	if err := l.Err(); err != nil {
		return fmt.Errorf("encode near lists: %w", err)
	}
	n := int32(l.Len())
	lists := make([][]int32, n) // word x's near words above x
	workers = max(workers, 1)
	var wg sync.WaitGroup
	for k := range workers {
		wg.Go(func() {
			for x := int32(k); x < n; x += int32(workers) {
				for y := x + 1; y < n; y++ {
					if l.SimilarIDs(x, y) >= floor {
						lists[x] = append(lists[x], y)
					}
				}
			}
		})
	}
	wg.Wait()
	// Each pair is found once, by its smaller word; both words list it.
	full := make([][]int32, n)
	for x, ys := range lists {
		for _, y := range ys {
			full[y] = append(full[y], int32(x)) // x ascending: before y's own
		}
	}
	for x, ys := range lists {
		full[x] = append(full[x], ys...)
	}
	bw := bufio.NewWriter(w)
	put := func(v uint32) { _ = binary.Write(bw, binary.LittleEndian, v) }
	_, _ = bw.WriteString(nearMagic)
	put(uint32(n))
	put(math.Float32bits(floor))
	_ = binary.Write(bw, binary.LittleEndian, NearHash(table))
	off := 0
	put(0)
	for _, ys := range full {
		off += len(ys)
		put(uint32(off))
	}
	for _, ys := range full {
		for _, y := range ys {
			put(uint32(y))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode near lists: %w", err)
	}
	return nil
}

// WithoutNear is the same table without its near lists: IsNear computes
// every answer (to check the lists, and measure what they buy).
func (l *Lexicon) WithoutNear() *Lexicon { return &Lexicon{raw: l.raw, top: l.top} }
