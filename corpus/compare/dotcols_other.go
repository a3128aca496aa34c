//go:build !amd64

package compare

// dotCols sets out[c] to the dot product of a with column c of bt, a
// matrix of len(a) rows and len(out) columns stored row by row, each
// summed in order as dot sums it.
func dotCols(a, bt, out []float32) { dotColsGo(a, bt, out, 0) }
