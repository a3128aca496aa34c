// Package texttest holds what the tests of several corpus packages share:
// the alphabet of awkward pieces that random texts for the fast paths are
// drawn from. It is imported by tests only.
//
// texttest imports only the standard library.
package texttest
