// Package procstat reads what the measuring scripts print beside their
// figures: the machine's load, the process's CPU time and its peak
// resident memory (Linux; elsewhere they say they are unknown).
package procstat

import (
	"os"
	"strings"
	"syscall"
	"time"
)

// LoadAverage is the machine's load average as "load 1.2 0.9 0.7", for
// reading the numbers beside it.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "load average unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "load average unknown"
	}
	return "load " + strings.Join(f[:3], " ")
}

// CPUSeconds is the CPU time (user and system) the process has used.
func CPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// PeakRSS is the process's resident high-water mark as Linux reports it
// (VmHWM, "812344 kB"), or "unknown" elsewhere.
func PeakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
