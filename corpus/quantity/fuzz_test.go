package quantity

import (
	"math"
	"strings"
	"testing"
)

// FuzzParse checks what must hold for any text: spans lie inside it and
// say what Text says, intervals are not empty, the stated value lies in
// its interval (or at its open end) and Parse does not panic.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.text)
	}
	f.Add("between 3 and 2 million — 1,000,000-plus, $., 5--6, 10–20%, a a dozen dozen")
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Parse(text) {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("span [%d, %d) outside %q", q.Start, q.End, text)
			}
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("Text %q, span says %q", q.Text, text[q.Start:q.End])
			}
			if q.Interval.Empty() || math.IsNaN(q.Interval.Lo) || math.IsNaN(q.Interval.Hi) {
				t.Fatalf("%q: bad interval %v", q.Text, q.Interval)
			}
			iv := q.Interval
			if !iv.Contains(q.Value) && q.Value != iv.Lo && q.Value != iv.Hi {
				t.Fatalf("%q: value %v outside %v", q.Text, q.Value, iv)
			}
			if strings.ContainsAny(q.Noun, " \n") {
				t.Fatalf("%q: noun %q is more than a word", q.Text, q.Noun)
			}
		}
	})
}
