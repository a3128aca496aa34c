package swar

import "encoding/binary"

// Word constants: Ones has every byte 0x01, High every byte's high bit,
// Low every byte's seven low bits.
const (
	Ones uint64 = 0x0101010101010101
	High uint64 = 0x8080808080808080
	Low  uint64 = 0x7f7f7f7f7f7f7f7f
)

// Load reads the first eight bytes of s as a little-endian word: byte 0
// of s is the word's lowest byte. The compiler makes this one load. s must
// hold at least eight bytes.
func Load(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// LoadBytes is Load for a byte slice.
func LoadBytes(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// Repeat returns the word with every byte c.
func Repeat(c byte) uint64 { return uint64(c) * Ones }

// Zero marks, in the high bit of each byte, the bytes of x that are zero.
func Zero(x uint64) uint64 { return ^(((x & Low) + Low) | x) & High }

// Equal marks, in the high bit of each byte, the bytes of x equal to c.
func Equal(x uint64, c byte) uint64 { return Zero(x ^ Repeat(c)) }

// InRange marks, in the high bit of each byte, the bytes of x from lo to
// hi inclusive. Every byte of x must be below 0x80 (mask x with Low
// first when it may not be), so that no sum carries into the next byte.
func InRange(x uint64, lo, hi byte) uint64 {
	return ((x + (0x80-uint64(lo))*Ones) &^ (x + (0x7f-uint64(hi))*Ones)) & High
}

// ASCII reports whether every byte of x is below 0x80.
func ASCII(x uint64) bool { return x&High == 0 }
