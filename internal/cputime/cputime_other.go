//go:build !unix

package cputime

import "time"

// Process is not measured off unix; benchmarks then report 0 CPU time.
func Process() time.Duration { return 0 }
