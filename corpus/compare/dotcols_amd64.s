#include "textflag.h"

// func dotCols32(a *float32, b *float32, stride int, dims int, out *float32)
//
// out[c] = Σ_k a[k] × b[k×stride + c] for c in 0..31, each lane summed in
// order of k from zero, a product rounded before it is added (VMULPS,
// then VADDPS: no fused multiply-add), as dot sums: the same bits.
TEXT ·dotCols32(SB), NOSPLIT, $0-40
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ stride+16(FP), DX
	SHLQ $2, DX
	MOVQ dims+24(FP), CX
	MOVQ out+32(FP), R8
	VXORPS Y4, Y4, Y4
	VXORPS Y5, Y5, Y5
	VXORPS Y6, Y6, Y6
	VXORPS Y7, Y7, Y7
	TESTQ CX, CX
	JZ done32

loop32:
	VBROADCASTSS (SI), Y0
	VMULPS (DI), Y0, Y1
	VADDPS Y1, Y4, Y4
	VMULPS 32(DI), Y0, Y2
	VADDPS Y2, Y5, Y5
	VMULPS 64(DI), Y0, Y3
	VADDPS Y3, Y6, Y6
	VMULPS 96(DI), Y0, Y1
	VADDPS Y1, Y7, Y7
	ADDQ $4, SI
	ADDQ DX, DI
	DECQ CX
	JNZ loop32

done32:
	VMOVUPS Y4, (R8)
	VMOVUPS Y5, 32(R8)
	VMOVUPS Y6, 64(R8)
	VMOVUPS Y7, 96(R8)
	VZEROUPPER
	RET

// func dotCols8(a *float32, b *float32, stride int, dims int, out *float32)
//
// dotCols32 for 8 columns.
TEXT ·dotCols8(SB), NOSPLIT, $0-40
	MOVQ a+0(FP), SI
	MOVQ b+8(FP), DI
	MOVQ stride+16(FP), DX
	SHLQ $2, DX
	MOVQ dims+24(FP), CX
	MOVQ out+32(FP), R8
	VXORPS Y4, Y4, Y4
	TESTQ CX, CX
	JZ done8

loop8:
	VBROADCASTSS (SI), Y0
	VMULPS (DI), Y0, Y1
	VADDPS Y1, Y4, Y4
	ADDQ $4, SI
	ADDQ DX, DI
	DECQ CX
	JNZ loop8

done8:
	VMOVUPS Y4, (R8)
	VZEROUPPER
	RET
