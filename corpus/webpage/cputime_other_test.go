//go:build !unix

package webpage

import "time"

// processCPU is not measured here; benchmarks then report 0 CPU time.
func processCPU() time.Duration { return 0 }
