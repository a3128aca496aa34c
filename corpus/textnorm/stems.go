package textnorm

import (
	_ "embed" // the stem table
	"encoding/binary"
)

// The Snowball stemmer takes about a microsecond a word (it works on a
// copy of the word in runes), a third of tokenising a passage. The stems of
// the most frequent English words are therefore looked up in a table made
// offline with the same stemmer (scripts/stemtable; its test checks every
// entry against the stemmer, so the two cannot drift apart), and only the
// words the table lacks go to the stemmer.
//
// data/stems.bin, little-endian: "STM2"; the entry count n and the slot
// count m (a power of two, at least 2n) as uint32; n+1 offsets (uint32)
// into the entries; m slots (uint32), a hash table by the FNV-1a hash of
// the word with linear probing, each an entry's index + 1 (0: empty);
// then the entries sorted by word, each the word, a zero byte and its stem
// (empty when the stem is the word itself). A lookup reads one or two
// slots and one entry, where a binary search over 50,000 words read
// sixteen, each a cache miss.
//
//go:embed data/stems.bin
var stemTable string

// stemMagic begins data/stems.bin.
const stemMagic = "STM2"

// stemHeader is the bytes before the offsets: magic, n, m.
const stemHeader = 12

// StemTable is the embedded table of precomputed stems in its file format,
// for scripts/stemtable to compare with what it would write.
func StemTable() string { return stemTable }

// tableStem is key's stem from the embedded table, if the table has key.
func tableStem(key string) (string, bool) { return tableStemIn(stemTable, key) }

// tableStemIn is key's stem from table t (in data/stems.bin's format), if
// t has key.
func tableStemIn(t, key string) (string, bool) {
	n, m := stemTableSize(t)
	if m == 0 {
		return "", false
	}
	slots := stemHeader + 4*(n+1)
	for h := int(fnv1a(key)) & (m - 1); ; h = (h + 1) & (m - 1) {
		e := int(le32(t, slots+4*h))
		if e == 0 || e > n {
			return "", false
		}
		entry := stemEntryBytes(t, n, m, e-1)
		if len(entry) > len(key) && entry[len(key)] == 0 && entry[:len(key)] == key {
			if stem := entry[len(key)+1:]; stem != "" {
				return stem, true
			}
			return key, true
		}
	}
}

// stemTableSize is the entry and slot counts of a table in
// data/stems.bin's format (0, 0 for one that is not whole).
func stemTableSize(t string) (n, m int) {
	if len(t) < stemHeader || t[:4] != stemMagic {
		return 0, 0
	}
	n, m = int(le32(t, 4)), int(le32(t, 8))
	if m < 2*n || m&(m-1) != 0 || len(t) < stemHeader+4*(n+1)+4*m {
		return 0, 0
	}
	base := stemHeader + 4*(n+1) + 4*m
	if last := base + int(le32(t, stemHeader+4*n)); last > len(t) {
		return 0, 0
	}
	return n, m
}

// stemEntryBytes is entry i of a table of n entries and m slots: the
// word, a zero byte, the stem.
func stemEntryBytes(t string, n, m, i int) string {
	base := stemHeader + 4*(n+1) + 4*m
	a := base + int(le32(t, stemHeader+4*i))
	b := base + int(le32(t, stemHeader+4*(i+1)))
	if a > b || b > len(t) {
		return ""
	}
	return t[a:b]
}

// stemEntry is entry i as its word and stem (empty when it is the word).
func stemEntry(t string, n, m, i int) (word, stem string) {
	e := stemEntryBytes(t, n, m, i)
	for k := range len(e) {
		if e[k] == 0 {
			return e[:k], e[k+1:]
		}
	}
	return e, ""
}

// le32 reads the little-endian uint32 at t[off:].
func le32(t string, off int) uint32 {
	return uint32(t[off]) | uint32(t[off+1])<<8 | uint32(t[off+2])<<16 | uint32(t[off+3])<<24
}

// fnv1a is the 32-bit FNV-1a hash of s.
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := range len(s) {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// AppendStemTable appends to dst a table in data/stems.bin's format of the
// given words (sorted, unique) and their stems.
func AppendStemTable(dst []byte, words, stems []string) []byte {
	n := len(words)
	m := 1
	for m < 2*n {
		m <<= 1
	}
	dst = append(dst, stemMagic...)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(n))
	dst = binary.LittleEndian.AppendUint32(dst, uint32(m))
	off := 0
	for i, w := range words {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(off))
		off += len(w) + 1
		if stems[i] != w {
			off += len(stems[i])
		}
	}
	dst = binary.LittleEndian.AppendUint32(dst, uint32(off))
	slots := make([]uint32, m)
	for i, w := range words {
		h := int(fnv1a(w)) & (m - 1)
		for slots[h] != 0 {
			h = (h + 1) & (m - 1)
		}
		slots[h] = uint32(i + 1)
	}
	for _, s := range slots {
		dst = binary.LittleEndian.AppendUint32(dst, s)
	}
	for i, w := range words {
		dst = append(dst, w...)
		dst = append(dst, 0)
		if stems[i] != w {
			dst = append(dst, stems[i]...)
		}
	}
	return dst
}
