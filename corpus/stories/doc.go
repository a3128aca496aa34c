// Package stories groups articles into stories: the accounts of one
// event. It owns Group, the Story value (`pmureader stories --json` prints
// it as it is, so its JSON field names are stable) and Options, and the
// steps of grouping: per-article features (TF-IDF over stems and resolved
// names, title and dek counted twice), a candidate index of each article's
// strongest terms, candidate edges scaled by date distance, average-linkage
// clustering under the outlet and pin rules, and related stories.
//
// It builds on corpus (articles), corpus/tokens and corpus/entities, with
// the worker pool and TF-IDF helpers of corpus/internal. It
// must not import corpus/compare or corpus/differences (comparing passages
// is a separate idea), nor anything that draws on a terminal.
package stories
