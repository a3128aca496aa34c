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

	"github.com/pmureader/pmureader/internal/termtext"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// run executes one invocation and returns its exit code. It is main without
// the process, so that tests can call it with buffers.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	return guard(stderr, getenv, func() int {
		return newApp(stdout, stderr, getenv).execute(ctx, args)
	})
}

// guard calls f and turns a panic in it into a one-line internal error and
// exit code 70: users see what happened, never a stack trace, unless
// PMUREADER_DEBUG=1 asks for one. Goroutines the command starts run their
// bodies under guard too, since a panic cannot be recovered from another
// goroutine.
func guard(stderr io.Writer, getenv func(string) string, f func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			if getenv("PMUREADER_DEBUG") == "1" {
				fmt.Fprintf(stderr, "pmureader: internal error: %s\n%s", termtext.OneLine(fmt.Sprint(r)), debug.Stack())
			} else {
				fmt.Fprintf(stderr, "pmureader: internal error: %s (a bug; PMUREADER_DEBUG=1 shows where)\n", termtext.OneLine(fmt.Sprint(r)))
			}
			code = exitInternal
		}
	}()
	return f()
}
