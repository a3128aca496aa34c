package format

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
)

// countFieldsBytewise is the definition countFields implements.
func countFieldsBytewise(s string) int {
	n, prev := 0, true
	for i := 0; i < len(s); i++ {
		cur := s[i] == ' ' || s[i] == '\n'
		if prev && !cur {
			n++
		}
		prev = cur
	}
	return n
}

func TestCountFieldsMatchesBytewise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := texttest.Random(r, 40)
		// every alignment of the eight-byte words
		for off := 0; off < 8 && off <= len(s); off++ {
			if got, want := countFields(s[off:]), countFieldsBytewise(s[off:]); got != want {
				t.Fatalf("countFields(%q) = %d, want %d", s[off:], got, want)
			}
		}
		if got, want := countFields(s), len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' })); got != want {
			t.Fatalf("countFields(%q) = %d, FieldsFunc %d", s, got, want)
		}
	}
}

func FuzzCountFields(f *testing.F) {
	f.Add("two words\n\nand  more ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), countFieldsBytewise(s); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
}
