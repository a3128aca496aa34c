// Package pool runs the per-item steps of story grouping and passage
// comparison on a bounded number of goroutines: how many workers to use,
// items handed out one at a time, and items handed out in blocks.
//
// It owns only the scheduling: which worker runs which items. Results are
// whatever the callers write into their own slots, so a caller that keeps
// per-worker scratch state indexed by the worker number and writes each
// item's result to the item's own place gets the same answer on any number
// of workers.
//
// It must not import anything of pmureader: it is a leaf below
// corpus/stories and corpus/compare.
package pool
