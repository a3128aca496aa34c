//go:build linux

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair of the given size with nothing but
// the syscall package: the master, and the slave for a child's stdio.
func openPTY(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("open /dev/ptmx: %w", err)
	}
	ioctl := func(req uintptr, arg unsafe.Pointer) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, master.Fd(), req, uintptr(arg)); e != 0 {
			return e
		}
		return nil
	}
	var unlock int32
	var n uint32
	ws := struct{ rows, cols, x, y uint16 }{uint16(rows), uint16(cols), 0, 0}
	if err := ioctl(syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("unlock pty: %w", err)
	}
	if err := ioctl(syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("pty number: %w", err)
	}
	if err := ioctl(syscall.TIOCSWINSZ, unsafe.Pointer(&ws)); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("pty size: %w", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("open pty slave: %w", err)
	}
	return master, slave, nil
}

// timeTo runs argv on a fresh 100×30 pseudo-terminal and returns the time
// from exec to the first output that holds want (for pmureader on the
// bundled seeds, a library row), then sends q and waits for the end.
func timeTo(t *testing.T, want string, argv ...string) time.Duration {
	t.Helper()
	master, slave, err := openPTY(100, 30)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "TERM=xterm-256color"}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	type seen struct {
		at time.Duration
		ok bool
	}
	found := make(chan seen, 1)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", binPath, err)
	}
	slave.Close()
	go func() {
		var out bytes.Buffer
		buf := make([]byte, 64*1024)
		for {
			n, err := master.Read(buf)
			out.Write(buf[:n])
			if bytes.Contains(out.Bytes(), []byte(want)) {
				found <- seen{time.Since(start), true}
				// Keep draining so the program never blocks on output.
				for {
					if _, err := master.Read(buf); err != nil {
						return
					}
				}
			}
			if err != nil {
				found <- seen{ok: false}
				return
			}
		}
	}()
	var s seen
	select {
	case s = <-found:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill() // gone already is as good
		_ = cmd.Wait()         // killed: its status says nothing
		t.Fatalf("no %q within 10 s", want)
	}
	if _, err := master.Write([]byte("q")); err != nil {
		t.Fatalf("type q: %v", err)
	}
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait() // how it exits is not what this measures
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatal("q did not quit")
	}
	if !s.ok {
		t.Fatalf("the program ended without writing %q", want)
	}
	return s.at
}

// TestFirstFrameTime logs how long the real binary takes from exec to its
// first frame with the library on a pseudo-terminal (target: 20 ms). It is
// a measurement, not a timed assertion: it fails only if no frame comes.
func TestFirstFrameTime(t *testing.T) {
	if testing.Short() {
		t.Skip("first-frame measurement skipped in -short mode")
	}
	const runs = 21
	var times []time.Duration
	for range runs {
		times = append(times, timeTo(t, "Antiwar.com", binPath))
	}
	slices.Sort(times)
	var ms []string
	for _, d := range times {
		ms = append(ms, fmt.Sprintf("%.1f", float64(d.Microseconds())/1000))
	}
	t.Logf("exec to first library frame, %d runs sorted (ms): %s; median %.1f ms",
		runs, strings.Join(ms, " "), float64(times[len(times)/2].Microseconds())/1000)
}
