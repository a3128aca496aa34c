package textnorm

import (
	_ "embed" // the stem table
	"encoding/binary"
	"strings"
)

// The Snowball stemmer takes about a microsecond a word (it works on a
// copy of the word in runes), a third of tokenising a passage. The stems of
// the most frequent English words are therefore looked up in a table made
// offline with the same stemmer (scripts/stemtable; its test checks every
// entry against the stemmer, so the two cannot drift apart), and only the
// words the table lacks go to the stemmer.
//
// data/stems.bin, little-endian: "STM1", the entry count n (uint32), n+1
// offsets (uint32) into the entries that follow, then the entries sorted
// by word, each the word, a zero byte and its stem (empty when the stem is
// the word itself).
//
//go:embed data/stems.bin
var stemTable string

// stemMagic begins data/stems.bin.
const stemMagic = "STM1"

// StemTable is the embedded table of precomputed stems in its file format,
// for scripts/stemtable to compare with what it would write.
func StemTable() string { return stemTable }

// tableStem is key's stem from the embedded table, if the table has key.
func tableStem(key string) (string, bool) {
	n := stemTableLen(stemTable)
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		word, stem := stemEntry(stemTable, n, mid)
		switch c := strings.Compare(word, key); {
		case c == 0:
			if stem == "" {
				return key, true
			}
			return stem, true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return "", false
}

// stemTableLen is the entry count of a table in data/stems.bin's format (0
// for one too short to hold its offsets).
func stemTableLen(t string) int {
	if len(t) < 8 || t[:4] != stemMagic {
		return 0
	}
	n := int(le32(t, 4))
	if len(t) < 8+4*(n+1) {
		return 0
	}
	return n
}

// stemEntry is entry i of a table of n entries: the word and its stem
// (empty when it is the word).
func stemEntry(t string, n, i int) (word, stem string) {
	offs := 8
	base := offs + 4*(n+1)
	a := base + int(le32(t, offs+4*i))
	b := base + int(le32(t, offs+4*(i+1)))
	e := t[a:b]
	word, stem, _ = strings.Cut(e, "\x00")
	return word, stem
}

// le32 reads the little-endian uint32 at t[off:].
func le32(t string, off int) uint32 {
	return uint32(t[off]) | uint32(t[off+1])<<8 | uint32(t[off+2])<<16 | uint32(t[off+3])<<24
}

// AppendStemTable appends to dst a table in data/stems.bin's format of the
// given words (sorted, unique) and their stems.
func AppendStemTable(dst []byte, words, stems []string) []byte {
	dst = append(dst, stemMagic...)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(len(words)))
	off := 0
	for i, w := range words {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(off))
		off += len(w) + 1
		if stems[i] != w {
			off += len(stems[i])
		}
	}
	dst = binary.LittleEndian.AppendUint32(dst, uint32(off))
	for i, w := range words {
		dst = append(dst, w...)
		dst = append(dst, 0)
		if stems[i] != w {
			dst = append(dst, stems[i]...)
		}
	}
	return dst
}
