package compare

import "golang.org/x/sys/cpu"

// The AVX kernels of dotCols (dotcols_amd64.s). b points at column c0 of
// row 0 of a matrix of stride floats a row; dims rows are read.
//
//go:noescape
func dotCols32(a *float32, b *float32, stride int, dims int, out *float32)

//go:noescape
func dotCols8(a *float32, b *float32, stride int, dims int, out *float32)

// dotCols sets out[c] to the dot product of a with column c of bt, a
// matrix of len(a) rows and len(out) columns stored row by row (the
// transpose of the vectors a is compared with), each summed in order as
// dot sums it: eight or thirty-two columns at a time where the CPU has
// AVX, the same bits as one at a time.
func dotCols(a, bt, out []float32) {
	n, dims := len(out), len(a)
	if dims == 0 || n == 0 {
		clear(out)
		return
	}
	_ = bt[(dims-1)*n+n-1] // every element the kernels read is in bt
	c := 0
	if cpu.X86.HasAVX {
		for ; c+32 <= n; c += 32 {
			dotCols32(&a[0], &bt[c], n, dims, &out[c])
		}
		for ; c+8 <= n; c += 8 {
			dotCols8(&a[0], &bt[c], n, dims, &out[c])
		}
	}
	dotColsGo(a, bt, out, c)
}
