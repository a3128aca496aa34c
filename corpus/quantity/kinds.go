package quantity

import "math"

// Qualifier is how a stated value is hedged or bounded.
type Qualifier uint8

// The qualifiers, each with the words that state it and the interval it
// gives a stated value v (t is Tolerance: 10% of v).
const (
	Exact    Qualifier = iota // "27", "exactly 27": [v, v]
	AtLeast                   // at least, no fewer/less than, a minimum of, upwards of, or more, -plus: [v, ∞)
	MoreThan                  // more than, over, above, in excess of, well over: (v, ∞)
	AtMost                    // up to, at most, as many as, no more than, a maximum of, or fewer: [0, v]
	LessThan                  // less than, fewer than, under, below: [0, v)
	About                     // about, around, approximately, roughly, some, an estimated, close to, or so, -odd: [v−t, v+t]
	Nearly                    // nearly, almost, just under, not quite, just shy of: [v−t, v)
	JustOver                  // just over, a little over, slightly more than: (v, v+t]
	Range                     // between a and b, a to b, a-b, a or b: [a, b]
	Vague                     // dozens, hundreds, thousands, tens of thousands: a fixed band
)

var qualifierNames = [...]string{"exact", "at least", "more than", "at most", "less than", "about", "nearly", "just over", "range", "vague"}

// String names the qualifier: "at least", "exact".
func (k Qualifier) String() string {
	if int(k) < len(qualifierNames) {
		return qualifierNames[k]
	}
	return "qualifier?"
}

// Tolerance is the relative margin of About, Nearly and JustOver: "about
// 30,000" allows 27,000 to 33,000, "nearly 50" 45 up to but not 50.
const Tolerance = 0.10

// interval turns a stated value (or range) under qualifier k into the
// interval of values it allows. count says the figure counts whole things
// (no unit), so About allows at least ±1.
func interval(k Qualifier, v, v2 float64, count bool) Interval {
	t := v * Tolerance
	if count && t < 1 {
		t = 1
	}
	inf := math.Inf(1)
	switch k {
	case AtLeast:
		return Interval{Lo: v, Hi: inf}
	case MoreThan:
		return Interval{Lo: v, Hi: inf, LoOpen: true}
	case AtMost:
		return Interval{Lo: 0, Hi: v}
	case LessThan:
		return Interval{Lo: 0, Hi: v, HiOpen: true}
	case About:
		return Interval{Lo: v - t, Hi: v + t}
	case Nearly:
		return Interval{Lo: v - t, Hi: v, HiOpen: true}
	case JustOver:
		return Interval{Lo: v, Hi: v + t, LoOpen: true}
	case Range, Vague:
		return Interval{Lo: v, Hi: v2}
	default:
		return Point(v)
	}
}

// Class is what a figure counts, normalised so that "killing 27", "27
// dead" and "the death toll rose to 27" meet.
type Class uint8

// The classes. Other keeps the counted noun (Quantity.NounKey) as the only
// thing to match on.
const (
	Other      Class = iota // anything else: "30,000 vehicles", "12 carriages"
	Killed                  // killed, dead, died, death toll, fatalities, bodies
	Injured                 // injured, wounded, hurt, hospitalised
	Casualties              // casualties (killed and injured together)
	Missing                 // missing, unaccounted for
	Trapped                 // trapped (miners underground)
	Rescued                 // rescued, pulled out alive
	Arrested                // arrested, detained, taken into custody
	Charged                 // charged, indicted
	Displaced               // displaced, evacuated, fled, left homeless
	Crowd                   // crowd size: protesters, marched, gathered, a crowd of
	Hostages                // held hostage, kidnapped, abducted
	Released                // released, freed
	Money                   // an amount of money (Unit is the currency)
	Percent                 // a percentage (Unit "%")
	Distance                // km, miles, metres (Unit)
	Duration                // hours, days, years (Unit)
	Area                    // hectares, acres, square kilometres (Unit)
	Weight                  // tonnes, kilograms (Unit)
	Buildings               // homes, houses, buildings
	Vehicles                // vehicles, cars, trucks, buses
)

var classNames = [...]string{"other", "killed", "injured", "casualties", "missing", "trapped", "rescued",
	"arrested", "charged", "displaced", "crowd", "hostages", "released", "money", "percent",
	"distance", "duration", "area", "weight", "buildings", "vehicles"}

// String names the class: "killed", "crowd".
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "class?"
}

// ParseClass returns the class a name (as String gives it) stands for.
func ParseClass(name string) (Class, bool) {
	for i, n := range classNames {
		if n == name {
			return Class(i), true
		}
	}
	return Other, false
}

// Relation is how several stated values of one fact relate.
type Relation uint8

// The relations, from agreement to disagreement.
const (
	Same         Relation = iota // the same value stated the same way
	Compatible                   // some value satisfies every statement ("at least 25" and 27)
	Conflict                     // no value satisfies every statement (9 and 12)
	Incomparable                 // different units or currencies: nothing to compare
)

var relationNames = [...]string{"same", "compatible", "conflict", "incomparable"}

// String names the relation: "conflict".
func (r Relation) String() string {
	if int(r) < len(relationNames) {
		return relationNames[r]
	}
	return "relation?"
}

// ParseRelation returns the relation a name (as String gives it) stands for.
func ParseRelation(name string) (Relation, bool) {
	for i, n := range relationNames {
		if n == name {
			return Relation(i), true
		}
	}
	return Same, false
}

// Relate says how the stated values relate: Same when every one states
// the same value with the same qualifier and unit, Compatible when their
// intervals share a value, Conflict when they do not, Incomparable when
// their units differ. Fewer than two values are Same.
func Relate(qs ...Quantity) Relation {
	if len(qs) < 2 {
		return Same
	}
	same := true
	for _, q := range qs[1:] {
		if q.Unit != qs[0].Unit {
			return Incomparable
		}
		if q.Qualifier != qs[0].Qualifier || q.Value != qs[0].Value || q.Value2 != qs[0].Value2 {
			same = false
		}
	}
	if same {
		return Same
	}
	ivs := make([]Interval, len(qs))
	for i, q := range qs {
		ivs[i] = q.Interval
	}
	return RelateIntervals(ivs...)
}

// RelateIntervals says whether the intervals share a value: Compatible or
// Conflict (Same when they are all equal).
func RelateIntervals(ivs ...Interval) Relation {
	if len(ivs) == 0 {
		return Same
	}
	all := ivs[0]
	equal := true
	for _, iv := range ivs[1:] {
		if iv != ivs[0] {
			equal = false
		}
		all = all.Intersect(iv)
	}
	switch {
	case all.Empty():
		return Conflict
	case equal:
		return Same
	default:
		return Compatible
	}
}
