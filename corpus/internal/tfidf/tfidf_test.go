package tfidf

import (
	"math"
	"testing"
)

func TestDot(t *testing.T) {
	v := func(ids []int32, w []float32) Vector { return Vector{IDs: ids, W: w} }
	for _, tc := range []struct {
		name string
		a, b Vector
		want float64
	}{
		{"empty", v(nil, nil), v([]int32{1}, []float32{1}), 0},
		{"no shared term", v([]int32{1, 3}, []float32{1, 1}), v([]int32{2, 4}, []float32{1, 1}), 0},
		{"one shared term", v([]int32{1, 3}, []float32{0.5, 2}), v([]int32{3, 4}, []float32{0.25, 9}), 0.5},
		{"all shared", v([]int32{0, 7}, []float32{0.6, 0.8}), v([]int32{0, 7}, []float32{0.6, 0.8}), float64(float32(0.6))*float64(float32(0.6)) + float64(float32(0.8))*float64(float32(0.8))},
	} {
		if got := Dot(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: Dot = %v, want %v", tc.name, got, tc.want)
		}
		if got := Dot(tc.b, tc.a); got != tc.want {
			t.Errorf("%s: Dot is not symmetric: %v", tc.name, got)
		}
	}
}

func TestWeight(t *testing.T) {
	for _, tc := range []struct {
		tf, docs float64
		df       int32
		want     float64
	}{
		{1, 10, 10, math.Log(2)},                   // once, in every text
		{1, 10, 1, math.Log(11)},                   // once, in one text
		{math.E, 10, 1, 2 * math.Log(11)},          // sublinear in tf
		{2, 4, 2, (1 + math.Log(2)) * math.Log(3)}, // the formula as written
	} {
		if got := Weight(tc.tf, tc.docs, tc.df); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Weight(%v, %v, %d) = %v, want %v", tc.tf, tc.docs, tc.df, got, tc.want)
		}
	}
}

func TestMixedIDF(t *testing.T) {
	for _, tc := range []struct {
		bg, floor, mix, docs float64
		df                   int32
		want                 float64
	}{
		{9, 3, 0.5, 10, 1, 0.5*6 + 0.5*math.Log(11)}, // rare everywhere
		{2, 3, 0.5, 10, 1, 0.5 * math.Log(11)},       // common in English: the floor takes it all
		{9, 3, 0.5, 10, 10, 0.5*6 + 0.5*math.Log(2)}, // in every text compared
		{9, 3, 0, 10, 2, math.Log(6)},                // own statistics only: the smoothed IDF
		{9, 3, 1, 10, 2, 6},                          // background only
	} {
		if got := MixedIDF(tc.bg, tc.floor, tc.mix, SmoothIDF(tc.docs, tc.df)); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("MixedIDF(%+v) = %v, want %v", tc, got, tc.want)
		}
	}
}
