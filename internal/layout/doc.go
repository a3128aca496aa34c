// Package layout holds no code, only a test: the rule that dependencies
// point one way (cmd → tui → corpus, cmd → corpus), checked on the imports
// of every package of the module, so that a wrong import fails the tests
// rather than waiting for a reviewer.
//
// It must not be imported by anything.
package layout
