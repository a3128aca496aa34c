package main

import "fmt"

// Exit codes; the package comment in main.go explains each.
const (
	exitOK          = 0
	exitFailed      = 1
	exitUsage       = 2
	exitPartial     = 3
	exitNothing     = 4
	exitNotFound    = 5
	exitInternal    = 70
	exitInterrupted = 130
)

// exitError is an error that knows the exit code it should end the process
// with. Commands return it; execute turns it into a message and a code.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErrorf reports a mistake in how the command was called (exit 2).
func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// notFound reports an id or query that matched nothing usable (exit 5).
func notFound(err error) error {
	return &exitError{code: exitNotFound, err: err}
}

// failed reports an operation that could not be done (exit 1).
func failed(err error) error {
	return &exitError{code: exitFailed, err: err}
}
