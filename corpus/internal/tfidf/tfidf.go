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
	return (1 + math.Log(tf)) * math.Log(1+docs/float64(df))
}
