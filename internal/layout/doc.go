// Package layout holds no code, only a test: the rule that dependencies
// point one way (cmd → tui → corpus, cmd → corpus), checked on the imports
// of every package of the module, so that a wrong import fails the tests
// rather than waiting for a reviewer; and that the package map of the
// README's Development section names every package and its imports.
//
// It must not be imported by anything.
package layout
