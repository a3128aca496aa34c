// Package cputime reads the CPU time the process has used, which
// benchmarks report beside wall time: on a busy shared machine wall time
// is inflated by other work, CPU time much less so.
//
// It owns that one measurement and imports only the standard library.
package cputime
