// Package swar holds the few helpers of pmureader's eight-bytes-at-a-time
// scans (SIMD within a register): loading eight bytes as one word, and
// marking, in the high bit of each byte, the bytes that are zero, equal to a
// given byte or inside a range. The scans that use them (sanitising,
// folding, counting words, finding the end of a JSON string, matching
// cleaning's phrases) each run over every byte of every article, which is
// why they are worth the trick; each is tested against a plain
// byte-at-a-time definition where it is used.
//
// Every mask is exact: no carry or borrow crosses from one byte into the
// next, so a set high bit always means that byte, never a neighbour.
//
// swar imports only the standard library and must not import any other
// package of pmureader: textnorm, the formats and cleaning all build on it.
package swar
