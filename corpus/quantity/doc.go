// Package quantity reads the figures in news text and says what they count:
// "at least 25 people were killed" → 25 or more, killed, "people". It owns
// the grammar of numbers (digits with separators, spelled-out cardinals,
// multipliers, vague plurals such as "dozens"), of qualifiers ("at least",
// "about", "between 20 and 30") turned into intervals, of the things that
// are not counts (years, dates, times, ages, identifiers such as "F-15" or
// "Resolution 2334", phone numbers, scores), of what a figure counts (a
// normalised Class such as Killed or Displaced plus the counted noun as
// written) and of how several stated values relate (Same, Compatible or
// Conflict, by interval intersection).
//
// It works on one passage at a time and knows nothing of articles, outlets
// or alignment: deciding which figures are counterparts belongs to the
// caller. It imports only corpus/textnorm and the standard library, and
// must not import other corpus packages, tui or cmd.
//
// # Qualifiers and their intervals
//
// A stated value v becomes an interval (see Qualifier for the full table):
//
//	exact         "27"                         [v, v]
//	AtLeast       "at least", "no fewer than"  [v, ∞)
//	MoreThan      "more than", "over"          (v, ∞)
//	AtMost        "up to", "as many as"        [0, v]
//	LessThan      "less than", "under"         [0, v)
//	About         "about", "some", "roughly"   [v−t, v+t], t = 10% of v (at least 1 for a plain count)
//	Nearly        "nearly", "almost"           [v−10%, v)
//	JustOver      "just over", "a little over" (v, v+10%]
//	Range         "between 20 and 30", "20-30" [a, b]
//	Vague         "dozens", "hundreds"         a fixed band, e.g. dozens = [20, 99]
//
// "a dozen", "a hundred" and "a thousand" (with the article) are read as
// About. "a handful", "several" and "a few" on their own are not figures:
// they state no value a fact-checker could set against another.
package quantity
