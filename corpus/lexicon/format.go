package lexicon

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The table's binary layout, all integers little-endian:
//
//	magic      "PMULEX1\n"
//	header     n, dims, slots, vocab: uint32 each
//	ends       n uint32: word i's key is keys[ends[i-1]:ends[i]] (ends[-1] = 0)
//	ranks      n uint32: frequency rank in the source vocabulary, 1 = most frequent
//	scales     n float32: word i's vector is scales[i] × its int8 components
//	slots      slots uint32: open-addressing hash of the keys (FNV-1a,
//	           linear probing), word index + 1, 0 for an empty slot
//	vectors    n × dims int8
//	keys       the keys, concatenated
//
// Words are stored most frequent first. Lookups hash into the slots and
// compare key bytes in place, so decoding is only checking the header and
// slicing: nothing is copied or rebuilt on first use.
const (
	magic      = "PMULEX1\n"
	headerSize = len(magic) + 4*4
)

// Entry is one word for Encode: its key (a textnorm.Key form), its frequency
// rank in the source vocabulary (1 = most frequent) and its vector (any
// length; Encode stores it L2-normalised and quantised to int8).
type Entry struct {
	Key    string
	Rank   int
	Vector []float32
}

// Encode writes entries as a table. vocab is the size of the source
// vocabulary the ranks come from (it sets the frequency of the words the
// table leaves out). Entries must have distinct, non-empty keys, ranks from
// 1 to vocab, and vectors of dims components.
func Encode(w io.Writer, entries []Entry, dims, vocab int) error {
	if err := checkEntries(entries, dims, vocab); err != nil {
		return fmt.Errorf("encode lexicon: %w", err)
	}
	es := slices.Clone(entries)
	slices.SortStableFunc(es, func(a, b Entry) int { return a.Rank - b.Rank })
	n := len(es)
	slots := 1
	for slots < n+n/2+1 {
		slots *= 2
	}
	bw := bufio.NewWriter(w)
	put := func(v uint32) { _ = binary.Write(bw, binary.LittleEndian, v) }
	_, _ = bw.WriteString(magic)
	for _, v := range []int{n, dims, slots, vocab} {
		put(uint32(v))
	}
	end := 0
	for _, e := range es {
		end += len(e.Key)
		put(uint32(end))
	}
	for _, e := range es {
		put(uint32(e.Rank))
	}
	qs := make([]int8, n*dims)
	for i, e := range es {
		scale := quantise(qs[i*dims:(i+1)*dims], e.Vector)
		put(math.Float32bits(scale))
	}
	table := make([]uint32, slots)
	for i, e := range es {
		h := hash(e.Key) & uint32(slots-1)
		for table[h] != 0 {
			h = (h + 1) & uint32(slots-1)
		}
		table[h] = uint32(i + 1)
	}
	for _, v := range table {
		put(v)
	}
	for _, q := range qs {
		_ = bw.WriteByte(byte(q))
	}
	for _, e := range es {
		_, _ = bw.WriteString(e.Key)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("encode lexicon: %w", err)
	}
	return nil
}

func checkEntries(entries []Entry, dims, vocab int) error {
	if dims <= 0 {
		return fmt.Errorf("dims %d: want at least 1", dims)
	}
	seen := make(map[string]bool, len(entries))
	for i, e := range entries {
		switch {
		case e.Key == "":
			return fmt.Errorf("entry %d: empty key", i)
		case seen[e.Key]:
			return fmt.Errorf("entry %d: key %q twice", i, e.Key)
		case e.Rank < 1 || e.Rank > vocab:
			return fmt.Errorf("entry %d (%q): rank %d outside 1..%d", i, e.Key, e.Rank, vocab)
		case len(e.Vector) != dims:
			return fmt.Errorf("entry %d (%q): %d components, want %d", i, e.Key, len(e.Vector), dims)
		}
		seen[e.Key] = true
	}
	return nil
}

// quantise stores v, L2-normalised, in q as int8 and returns the scale that
// maps q back: v/|v| ≈ scale × q. A zero vector stays zero with scale 0.
func quantise(q []int8, v []float32) float32 {
	var norm, most float64
	for _, x := range v {
		norm += float64(x) * float64(x)
	}
	norm = math.Sqrt(norm)
	if norm == 0 {
		return 0
	}
	for _, x := range v {
		most = max(most, math.Abs(float64(x))/norm)
	}
	scale := most / 127
	for k, x := range v {
		q[k] = int8(math.Round(float64(x) / norm / scale))
	}
	return float32(scale)
}

// hash is 32-bit FNV-1a.
func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// table is a decoded view of the blob: offsets of its sections.
type table struct {
	raw                     string
	n, dims, slots, vocab   int
	ends, ranks, scales, ht int // section offsets in raw
	vecs, keys              int
	// limit, when above 0, hides the words from index limit on (Top).
	limit int
}

var errShort = errors.New("truncated")

// decode checks the header and sizes of raw and returns its sections.
func decode(raw string) (*table, error) {
	if len(raw) < headerSize || raw[:len(magic)] != magic {
		return nil, errors.New("not a lexicon table (bad magic)")
	}
	t := &table{raw: raw}
	u := func(off int) int { return int(t.u32(off)) }
	t.n, t.dims, t.slots, t.vocab = u(8), u(12), u(16), u(20)
	if t.dims == 0 || t.slots&(t.slots-1) != 0 || t.slots <= t.n || t.vocab < t.n {
		return nil, fmt.Errorf("bad header: %d words, %d dims, %d slots, vocabulary %d", t.n, t.dims, t.slots, t.vocab)
	}
	t.ends = headerSize
	t.ranks = t.ends + 4*t.n
	t.scales = t.ranks + 4*t.n
	t.ht = t.scales + 4*t.n
	t.vecs = t.ht + 4*t.slots
	t.keys = t.vecs + t.n*t.dims
	if len(raw) < t.keys {
		return nil, errShort
	}
	if err := t.check(); err != nil {
		return nil, err
	}
	return t, nil
}

// check verifies what lookups rely on: key ends ascending within the blob,
// ranks within the vocabulary, and slots naming words that exist, with at
// least one empty slot so that every probe ends.
func (t *table) check() error {
	prev := 0
	for i := range t.n {
		e := t.end(i)
		if e <= prev || t.keys+e > len(t.raw) {
			return fmt.Errorf("word %d: key end %d out of order or past the end", i, e)
		}
		prev = e
		if r := t.rank(i); r < 1 || r > t.vocab {
			return fmt.Errorf("word %d: rank %d outside 1..%d", i, r, t.vocab)
		}
	}
	if t.keys+prev != len(t.raw) {
		return fmt.Errorf("size %d, header says %d", len(t.raw), t.keys+prev)
	}
	empty := false
	for h := range t.slots {
		x := int(t.u32(t.ht + 4*h))
		if x > t.n {
			return fmt.Errorf("slot %d names word %d of %d", h, x-1, t.n)
		}
		empty = empty || x == 0
	}
	if !empty {
		return errors.New("hash table has no empty slot")
	}
	return nil
}

func (t *table) u32(off int) uint32 { return le32(t.raw, off) }

func (t *table) end(i int) int { return int(t.u32(t.ends + 4*i)) }

// key returns word i's key.
func (t *table) key(i int) string {
	start := 0
	if i > 0 {
		start = t.end(i - 1)
	}
	return t.raw[t.keys+start : t.keys+t.end(i)]
}

// find returns the index of key, or -1.
func (t *table) find(key string) int {
	mask := uint32(t.slots - 1)
	for h := hash(key) & mask; ; h = (h + 1) & mask {
		x := int(t.u32(t.ht + 4*int(h)))
		if x == 0 {
			return -1
		}
		if t.key(x-1) == key {
			if t.limit > 0 && x-1 >= t.limit {
				return -1
			}
			return x - 1
		}
	}
}

func (t *table) rank(i int) int { return int(t.u32(t.ranks + 4*i)) }

func (t *table) scale(i int) float32 { return math.Float32frombits(t.u32(t.scales + 4*i)) }
