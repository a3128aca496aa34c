package swar

import (
	"math/rand/v2"
	"testing"
)

// bytewise computes a mask the plain way: the high bit of byte k is set
// when keep holds for byte k of x.
func bytewise(x uint64, keep func(b byte) bool) uint64 {
	var m uint64
	for k := range 8 {
		if keep(byte(x >> (8 * k))) {
			m |= 0x80 << (8 * k)
		}
	}
	return m
}

// words returns test words: every byte value at every position among
// neighbours that provoke carries (0x00, 0x7f, 0x80, 0xff), and random
// words.
func words() []uint64 {
	var out []uint64
	for _, fill := range []uint64{0, Repeat(0x7f), Repeat(0x80), Repeat(0xff), Repeat('a')} {
		for c := range 256 {
			for k := range 8 {
				out = append(out, fill&^(0xff<<(8*k))|uint64(c)<<(8*k))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		out = append(out, r.Uint64())
	}
	return out
}

func TestLoadIsLittleEndian(t *testing.T) {
	s := "\x01\x02\x03\x04\x05\x06\x07\x08tail"
	if got := Load(s); got != 0x0807060504030201 {
		t.Fatalf("Load = %#x", got)
	}
	if got := LoadBytes([]byte(s)); got != Load(s) {
		t.Fatalf("LoadBytes = %#x, Load %#x", got, Load(s))
	}
}

func TestMasksMatchBytewise(t *testing.T) {
	for _, x := range words() {
		if got, want := Zero(x), bytewise(x, func(b byte) bool { return b == 0 }); got != want {
			t.Fatalf("Zero(%#x) = %#x, want %#x", x, got, want)
		}
		for _, c := range []byte{0, ' ', '\n', '"', 0x7f, 0x80, 0xff} {
			if got, want := Equal(x, c), bytewise(x, func(b byte) bool { return b == c }); got != want {
				t.Fatalf("Equal(%#x, %#x) = %#x, want %#x", x, c, got, want)
			}
		}
		a := x & Low
		for _, r := range [][2]byte{{'A', 'Z'}, {'a', 'z'}, {'0', '9'}, {0, 0x7f}, {'-', '-'}} {
			if got, want := InRange(a, r[0], r[1]), bytewise(a, func(b byte) bool { return r[0] <= b && b <= r[1] }); got != want {
				t.Fatalf("InRange(%#x, %q, %q) = %#x, want %#x", a, r[0], r[1], got, want)
			}
		}
		if got, want := ASCII(x), bytewise(x, func(b byte) bool { return b >= 0x80 }) == 0; got != want {
			t.Fatalf("ASCII(%#x) = %v", x, got)
		}
	}
}
