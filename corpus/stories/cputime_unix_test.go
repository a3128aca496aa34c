//go:build unix

package stories

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the process has used so far,
// over all threads. Benchmarks report it beside wall time, which a busy
// shared machine inflates; for the parallel parts it is the sum over both
// cores, so it can exceed wall time on an idle machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
