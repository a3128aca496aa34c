#include "textflag.h"

// func addScaled8(dst *float32, src *byte, n int, w float32)
//
// dst[k] += w × float32(int8(src[k])) for k in 0..n-1 (n a positive
// multiple of 8), eight at a time: the product rounded, then added
// (VMULPS, then VADDPS), as Go computes it one at a time.
TEXT ·addScaled8(SB), NOSPLIT, $0-28
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ n+16(FP), CX
	VBROADCASTSS w+24(FP), Y0

loop:
	VPMOVSXBD (SI), Y1
	VCVTDQ2PS Y1, Y1
	VMULPS Y0, Y1, Y1
	VADDPS (DI), Y1, Y1
	VMOVUPS Y1, (DI)
	ADDQ $8, SI
	ADDQ $32, DI
	SUBQ $8, CX
	JNZ loop
	VZEROUPPER
	RET
