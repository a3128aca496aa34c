// Package eventsgold reads the gold corpus of invented events in
// corpus/testdata/events (articles as pmureader JSON Lines, one gold file
// per event), checks that the gold agrees with itself, and scores what a
// differences finder predicts against it with the metrics of issue 11:
// conflicts found, compatible pairs reported as conflicts, unrelated
// figures set against each other, entity variant sets merged and wrong
// merges, labels attached to the right entity, and credit names per
// source. TestTargets scores the differences of a real compare.Compare of
// each event and holds them to the targets (go test
// ./internal/eventsgold -run Targets -v prints them).
//
// Only tests import this package. It imports corpus (to load the articles
// with the real loader), corpus/quantity (for classes, relations and
// intervals) and corpus/textnorm; its tests also import corpus/compare and
// corpus/differences. It must not import tui or cmd.
package eventsgold
