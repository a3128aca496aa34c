// Package passages cuts an article into the units a comparison lines up:
// the headline, the dek, and each body sentence (or paragraph), each with
// its byte range and the source lines to cite. It owns the Passage value
// and its Kind, the Unit of cutting, the news-aware sentence splitter that
// knows abbreviations and initials ("Dr.", "U.S.", "J. Smith"), and Ref,
// which points at one passage of one of several compared articles.
//
// JSON field names of Passage and Ref are stable: `pmureader compare
// --json` prints them as they are.
//
// It imports corpus (articles) only. It must not import the packages that
// compare passages or find differences between them (corpus/compare,
// corpus/differences): they build on it.
package passages
