package quantity

import (
	"math"
	"strconv"
	"strings"
)

// Quantity is one figure found in a passage: its value as an interval,
// how it was qualified and what it counts.
type Quantity struct {
	// Text is the figure as written with its qualifier and currency or
	// unit sign: "at least 25", "$4 billion", "between 20 and 30".
	Text string
	// Start and End are the byte range of Text in the parsed string.
	Start, End int
	// Value is the stated value (25 for "at least 25"); for a Range or a
	// Vague figure it is the low end and Value2 the high end.
	Value, Value2 float64
	// Qualifier is how the value was hedged or bounded.
	Qualifier Qualifier
	// Interval holds every value the statement allows.
	Interval Interval
	// Unit is the currency ("USD", "EUR", "GBP", or the currency word),
	// "%" or the unit of measure ("km", "day", "tonne"); "" for a count.
	Unit string
	// Class is what is counted, normalised.
	Class Class
	// Noun is the counted noun as written ("people", "others",
	// "residents"), "" when the figure stands alone ("killing 27").
	Noun string
	// NounKey is Noun folded and stemmed, for comparing nouns
	// ("Vehicles" and "vehicle" meet).
	NounKey string
	// Part is set when the figure is a part of the one before it in the
	// same sentence ("27 killed, including 12 children"); it inherits that
	// figure's Class.
	Part bool
}

// String renders the figure for people: "at least 25 killed (people)".
func (q Quantity) String() string {
	var b strings.Builder
	b.WriteString(q.Text)
	b.WriteByte(' ')
	b.WriteString(q.Class.String())
	if q.Noun != "" {
		b.WriteString(" (")
		b.WriteString(q.Noun)
		b.WriteByte(')')
	}
	return b.String()
}

// Interval is a set of real values between Lo and Hi; an open end
// excludes its bound. Hi is +Inf for "at least" and "more than".
type Interval struct {
	Lo, Hi         float64
	LoOpen, HiOpen bool
}

// Point is the interval holding only v.
func Point(v float64) Interval { return Interval{Lo: v, Hi: v} }

// Empty reports whether no value lies in the interval.
func (a Interval) Empty() bool {
	return a.Lo > a.Hi || a.Lo == a.Hi && (a.LoOpen || a.HiOpen)
}

// Contains reports whether x lies in the interval.
func (a Interval) Contains(x float64) bool {
	if x < a.Lo || x > a.Hi {
		return false
	}
	return (x != a.Lo || !a.LoOpen) && (x != a.Hi || !a.HiOpen)
}

// Intersect returns the values in both intervals (possibly Empty).
func (a Interval) Intersect(b Interval) Interval {
	out := a
	if b.Lo > out.Lo || b.Lo == out.Lo && b.LoOpen {
		out.Lo, out.LoOpen = b.Lo, b.LoOpen
	}
	if b.Hi < out.Hi || b.Hi == out.Hi && b.HiOpen {
		out.Hi, out.HiOpen = b.Hi, b.HiOpen
	}
	return out
}

// String renders the interval in the usual notation: "[25, ∞)", "(40, ∞)".
func (a Interval) String() string {
	var b strings.Builder
	if a.LoOpen {
		b.WriteByte('(')
	} else {
		b.WriteByte('[')
	}
	b.WriteString(FormatValue(a.Lo))
	b.WriteString(", ")
	if math.IsInf(a.Hi, 1) {
		b.WriteString("∞)")
		return b.String()
	}
	b.WriteString(FormatValue(a.Hi))
	if a.HiOpen {
		b.WriteByte(')')
	} else {
		b.WriteByte(']')
	}
	return b.String()
}

// FormatValue renders a value without a needless fraction: 25, 3.5, 1200000.
func FormatValue(v float64) string {
	if math.IsInf(v, 1) {
		return "∞"
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Label renders the figure briefly for lists: the value and what it
// counts, "25 killed", "5 bases" (the noun for Other), or the value alone
// when nothing says what it counts.
func (q Quantity) Label() string {
	v := FormatValue(q.Value)
	switch {
	case q.Class != Other:
		return v + " " + q.Class.String()
	case q.NounKey != "":
		return v + " " + q.NounKey
	}
	return v
}

// IsNumberWord reports whether a folded word can begin or make up a
// spelled-out figure ("nine", "dozen", "thousands", "tens"): with digits,
// these are the words a text must hold for Parse to find anything, so a
// caller holding a passage's words can skip Parse on the rest.
func IsNumberWord(w string) bool {
	if cardinals[w] > 0 || scales[w] > 0 {
		return true
	}
	_, vague := vagueWords[w]
	return vague || w == "dozen" || w == "tens" || w == "several"
}
