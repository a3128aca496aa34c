// Package texttest holds what the tests of several corpus packages share:
// the alphabet of awkward pieces that random texts for the fast paths are
// drawn from, the invariants every loaded article must keep, and the hard
// cases of folding that every caller of textnorm's folding is tested on
// (FoldCases). It is imported by tests only.
//
// texttest imports corpus/internal/article and corpus/textnorm, and must
// not import the packages whose tests use it.
package texttest
