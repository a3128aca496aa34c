// Package tfidf holds the sparse TF-IDF term vectors that story grouping
// and passage comparison score texts by: the Vector, its dot product (the
// cosine of two L2-normalised vectors), the term weight both use, and the
// IDF that mixes a word's rarity in English with its rarity in the texts
// compared (passage comparison).
//
// It owns only the arithmetic; which terms a text has, and how term ids
// are given, is the callers' business. It must not import anything of
// pmureader: it is a leaf below corpus/stories and corpus/compare.
package tfidf
