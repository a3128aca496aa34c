package lexicon

import (
	"unsafe"

	"golang.org/x/sys/cpu"
)

// addScaled8 is addScaled's AVX2 kernel (addscaled_amd64.s).
//
//go:noescape
func addScaled8(dst *float32, src *byte, n int, w float32)

// addScaled adds w × the int8 components stored in src to dst (as far as
// the shorter goes): eight at a time where the CPU has AVX2, with the
// same bits as addScaledGo.
func addScaled(dst []float32, src string, w float32) {
	n := min(len(dst), len(src))
	k := 0
	if cpu.X86.HasAVX2 && n >= 8 {
		k = n &^ 7
		addScaled8(&dst[0], unsafe.StringData(src), k, w)
	}
	addScaledGo(dst[:n], src, w, k)
}
