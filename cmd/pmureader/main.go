// Command pmureader reads and compares news articles about the same event
// from different outlets.
//
// With no subcommand it opens the terminal reader on the given files and
// folders, or on the bundled seed articles when none are given. The
// subcommands list, show, search, stories and compare print the same data
// for people, or as JSON for scripts (--json; see print_json.go for the
// schema).
//
// Exit codes, so that scripts can tell outcomes apart:
//
//	0   success (repair warnings, e.g. invalid UTF-8 replaced, do not count)
//	1   an operation failed after loading (e.g. --aliases file unreadable,
//	    output could not be written)
//	2   usage error: unknown flag or subcommand, bad flag value, missing
//	    or extra arguments
//	3   partial: the command did its work, but some input files or records
//	    could not be loaded (each is named on stderr)
//	4   nothing loaded: not one article could be read from the inputs
//	5   not found: an id matched no article or more than one, or a search
//	    found nothing
//	70  internal error (a bug): reported in one line, never a stack trace
//	    unless PMUREADER_DEBUG=1
//	130 interrupted (Ctrl-C)
//
// When several apply, the most specific wins: 70, then 2, 4, 5, 1, and 3
// last, so 3 always means "the output is complete for what did load".
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run executes one invocation and returns its exit code. It is main without
// the process: tests call it with buffers. A panic anywhere below it (on this
// goroutine; goroutines started by the command recover on their own through
// goSafe) becomes a one-line internal error and exit code 70.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			code = reportPanic(stderr, getenv, r, debug.Stack())
		}
	}()
	a := newApp(stdout, stderr, getenv)
	return a.execute(ctx, args)
}

// reportPanic prints a recovered panic as one line (plus the stack when
// PMUREADER_DEBUG=1) and returns the internal-error exit code.
func reportPanic(stderr io.Writer, getenv func(string) string, r any, stack []byte) int {
	fmt.Fprintf(stderr, "pmureader: internal error: %s\n", oneLine(fmt.Sprint(r)))
	if getenv("PMUREADER_DEBUG") == "1" {
		stderr.Write(stack)
	} else {
		fmt.Fprintln(stderr, "pmureader: this is a bug; run again with PMUREADER_DEBUG=1 for details")
	}
	return exitInternal
}
