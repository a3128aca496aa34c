package stories

import (
	"context"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/synth"
	"github.com/pmureader/pmureader/internal/cputime"
)

func benchmarkGroup(b *testing.B, n int) {
	arts := synth.Articles(n, 1)
	b.ReportAllocs()
	cpu0, ops := cputime.Process(), 0
	for b.Loop() {
		if _, err := Group(context.Background(), arts, Options{}); err != nil {
			b.Fatal(err)
		}
		ops++
	}
	reportCPU(b, cpu0, ops)
}

func BenchmarkGroup1k(b *testing.B)  { benchmarkGroup(b, 1000) }
func BenchmarkGroup10k(b *testing.B) { benchmarkGroup(b, 10000) }

// reportCPU adds the process CPU time per op (all threads) beside wall
// time: on a loaded machine wall time measures the neighbours too.
func reportCPU(b *testing.B, cpu0 time.Duration, ops int) {
	if ops > 0 {
		b.ReportMetric(float64(cputime.Process()-cpu0)/1e6/float64(ops), "cpu-ms/op")
	}
}
