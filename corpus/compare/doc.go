// Package compare lines up what 2 to 6 accounts of one event say: it cuts
// each article into passages (corpus/passages), scores every pair of
// passages from different articles (cosine of TF-IDF vectors over stems,
// numbers and resolved entities, with two mild news priors), groups the
// passages that report the same thing into rows, lists the passages unique
// to one outlet and what each row shares, and asks corpus/differences how
// the accounts differ. Compare returns one Comparison value that the TUI's
// compare view, the CLI's `compare --json` and the Markdown report
// (Markdown) all render; Diff and DiffWords give the words that differ
// between two passages.
//
// Everything here is a pure function of articles: nothing prints to a
// terminal or keeps state between calls. JSON field names on the exported
// types are stable: the CLI's --json output is these values marshalled as
// they are.
//
// It builds on corpus/passages, corpus/tokens, corpus/entities,
// corpus/quantity and corpus/differences, with the worker pool and TF-IDF
// helpers of corpus/internal. It must not import corpus/stories (grouping
// is a separate idea), nor anything that draws on a terminal.
package compare
