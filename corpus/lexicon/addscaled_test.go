package lexicon

import (
	"math"
	"math/rand/v2"
	"testing"
)

// addScaled gives the bits of the plain loop for every length, the AVX2
// kernel's eight at a time included, and stops at the shorter slice.
func TestAddScaledMatchesLoop(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17, 100} {
		src := make([]byte, n)
		for k := range src {
			src[k] = byte(r.IntN(256))
		}
		dst := make([]float32, n)
		for k := range dst {
			dst[k] = float32(r.NormFloat64())
		}
		w := float32(r.Float64() / 100)
		want := append([]float32(nil), dst...)
		for k := range want {
			want[k] += float32(w * float32(int8(src[k])))
		}
		addScaled(dst, string(src), w)
		for k := range want {
			if math.Float32bits(dst[k]) != math.Float32bits(want[k]) {
				t.Fatalf("n %d: component %d is %v, the loop gives %v", n, k, dst[k], want[k])
			}
		}
		if n > 1 {
			short := []float32{0}
			addScaled(short, string(src), 1) // a shorter dst takes the first components
			if short[0] != float32(int8(src[0])) {
				t.Fatalf("n %d: short dst got %v", n, short[0])
			}
		}
	}
}
