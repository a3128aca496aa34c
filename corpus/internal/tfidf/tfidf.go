package tfidf

import "math"

// Vector is a sparse term vector: weight W[k] for term IDs[k], term ids
// ascending. The callers L2-normalise it, so Dot of two is their cosine.
type Vector struct {
	IDs []int32
	W   []float32
}

// Dot is the dot product of two vectors: the sum, in ascending term id,
// of the products of the weights of the terms both have.
func Dot(a, b Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.IDs) && j < len(b.IDs) {
		switch {
		case a.IDs[i] < b.IDs[j]:
			i++
		case a.IDs[i] > b.IDs[j]:
			j++
		default:
			s += float64(a.W[i]) * float64(b.W[j])
			i++
			j++
		}
	}
	return s
}

// Weight is the TF-IDF weight of a term counted tf times in a text, found
// in df of the docs texts: (1 + ln tf) · ln(1 + docs/df), the sublinear
// term frequency with a smoothed inverse document frequency.
func Weight(tf, docs float64, df int32) float64 {
	return (1 + math.Log(tf)) * SmoothIDF(docs, df)
}

// SmoothIDF is the smoothed inverse document frequency of a term found in
// df of docs texts: ln(1 + docs/df). df is at least 1.
func SmoothIDF(docs float64, df int32) float64 { return math.Log(1 + docs/float64(df)) }

// MixedIDF is an inverse document frequency that mixes a word's rarity in
// English (background, its IDF over a large corpus) with its rarity among
// the texts compared (own, their SmoothIDF):
//
//	bgMix × max(0, background − floor) + (1 − bgMix) × own
//
// The floor takes the common words' background out: a word no rarer than
// floor in English weighs only by the texts' own statistics, and words
// rare everywhere weigh most.
func MixedIDF(background, floor, bgMix, own float64) float64 {
	return bgMix*max(0, background-floor) + (1-bgMix)*own
}
