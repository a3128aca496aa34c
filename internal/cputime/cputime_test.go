//go:build unix

package cputime

import (
	"testing"
	"time"
)

// TestProcessGrowsWithWork checks that burning CPU shows in Process, and
// that it never goes backwards.
func TestProcessGrowsWithWork(t *testing.T) {
	before := Process()
	if before <= 0 {
		t.Fatalf("Process() = %v before any work, want > 0 (the test binary has run)", before)
	}
	spinUntil := time.Now().Add(30 * time.Millisecond)
	x := 0
	for time.Now().Before(spinUntil) {
		x++
	}
	after := Process()
	if after <= before {
		t.Fatalf("Process() went from %v to %v over 30 ms of spinning (%d loops)", before, after, x)
	}
}
