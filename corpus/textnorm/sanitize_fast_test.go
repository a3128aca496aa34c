package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanPrefixRunewise is cleanPrefix without its eight-byte ASCII step.
func cleanPrefixRunewise(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if rewrites(r, size) {
			return i
		}
		i += size
	}
	return i
}

func TestCleanPrefixWordStepMatchesRunewise(t *testing.T) {
	// Every byte value at every position of a word.
	pad := strings.Repeat("abcdefg\n", 3)
	for c := 0; c < 256; c++ {
		for k := 0; k < 16; k++ {
			s := pad[:k] + string([]byte{byte(c)}) + pad[k:]
			if got, want := cleanPrefix(s), cleanPrefixRunewise(s); got != want {
				t.Fatalf("cleanPrefix(%q) = %d, want %d", s, got, want)
			}
		}
	}
	pieces := []string{"a", "Z", " ", "\n", "\t", "\r", "\x00", "\x1f", "\x7f", "~", "\u0085", "\u00a0", "é", "’", "\u2028",
		"\u202e", "\ufeff", "\xff", "\xe2\x80", "日本", "word ", "&amp;"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := cleanPrefix(s), cleanPrefixRunewise(s); got != want {
			t.Fatalf("cleanPrefix(%q) = %d, want %d", s, got, want)
		}
	}
}
