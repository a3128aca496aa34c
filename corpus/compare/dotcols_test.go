package compare

import (
	"math"
	"math/rand/v2"
	"testing"
)

// dotCols gives, for every column, the bits dot gives on the column read
// out: the AVX kernels (32 and 8 columns at a time) sum in the same order
// and round each product as Go does, for every width and length, so a
// pair of passages scores the same wherever its column falls.
func TestDotColsMatchesDot(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, dims := range []int{0, 1, 3, 100} {
		for _, n := range []int{0, 1, 7, 8, 9, 31, 32, 33, 40, 77, 100} {
			a := make([]float32, dims)
			for k := range a {
				a[k] = float32(r.NormFloat64())
			}
			bt := make([]float32, dims*n)
			for k := range bt {
				bt[k] = float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(7)-3)))
			}
			out := make([]float32, n)
			for k := range out {
				out[k] = float32(math.NaN()) // every one must be written
			}
			dotCols(a, bt, out)
			col := make([]float32, dims)
			for c := range n {
				for k := range dims {
					col[k] = bt[k*n+c]
				}
				if want := dot(a, col); math.Float32bits(out[c]) != math.Float32bits(want) {
					t.Fatalf("%d dims, %d columns: column %d is %v, dot gives %v", dims, n, c, out[c], want)
				}
			}
		}
	}
}

// transpose turns rows into columns.
func TestTranspose(t *testing.T) {
	got := transpose(nil, []float32{1, 2, 3, 4, 5, 6}, 2, 3)
	want := []float32{1, 4, 2, 5, 3, 6}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("transpose = %v, want %v", got, want)
		}
	}
}
