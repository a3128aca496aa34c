package quantity

import (
	"math"
	"strings"
	"testing"
	"unicode"
)

// first parses text and returns its only figure.
func first(t *testing.T, text string) Quantity {
	t.Helper()
	qs := Parse(text)
	if len(qs) != 1 {
		t.Fatalf("Parse(%q) gave %d figures, want 1: %v", text, len(qs), qs)
	}
	return qs[0]
}

func TestRelate(t *testing.T) {
	cases := []struct {
		texts []string
		want  Relation
	}{
		{[]string{"27 were killed", "27 were killed"}, Same},
		{[]string{"at least 25 were killed", "27 were killed"}, Compatible},
		{[]string{"about 30,000 vehicles", "30,000 vehicles"}, Compatible},
		{[]string{"more than 40 were arrested", "47 were arrested"}, Compatible},
		{[]string{"over 50 were wounded", "51 were wounded"}, Compatible},
		{[]string{"Nine people died", "12 people died", "14 people died"}, Conflict},
		{[]string{"12 people died", "13 people died"}, Conflict},
		{[]string{"a crowd of about 10,000", "some 3,000 people marched", "More than 15,000 protesters"}, Conflict},
		{[]string{"About 3,500 people were evacuated", "2,000 residents were evacuated"}, Conflict},
		{[]string{"nearly 50 were hurt", "50 were hurt"}, Conflict},
		{[]string{"nearly 50 were hurt", "48 were hurt"}, Compatible},
		{[]string{"more than 50 were hurt", "50 were hurt"}, Conflict},
		{[]string{"at least 50 were hurt", "50 were hurt"}, Compatible},
		{[]string{"up to 60 were hurt", "fewer than 40 were hurt"}, Compatible},
		{[]string{"between 20 and 30 were held", "dozens were held"}, Compatible},
		{[]string{"hundreds were held", "dozens were held"}, Conflict},
		{[]string{"at least 25 killed", "more than 30 killed", "27 killed"}, Conflict},
		{[]string{"$4 billion was lost", "€4 billion was lost"}, Incomparable},
	}
	for _, c := range cases {
		var qs []Quantity
		for _, text := range c.texts {
			qs = append(qs, first(t, text))
		}
		if got := Relate(qs...); got != c.want {
			t.Errorf("Relate(%q) = %v, want %v", c.texts, got, c.want)
		}
	}
}

func TestIntervalEnds(t *testing.T) {
	inf := math.Inf(1)
	more := Interval{Lo: 40, Hi: inf, LoOpen: true}
	if more.Contains(40) || !more.Contains(40.5) {
		t.Errorf("(40, ∞) must exclude 40 and hold 40.5")
	}
	if got := more.Intersect(Point(40)); !got.Empty() {
		t.Errorf("(40, ∞) ∩ [40, 40] = %v, want empty", got)
	}
	if got := more.Intersect(Interval{Lo: 0, Hi: 45}); got.String() != "(40, 45]" {
		t.Errorf("(40, ∞) ∩ [0, 45] = %v, want (40, 45]", got)
	}
	if RelateIntervals() != Same || Relate() != Same {
		t.Errorf("no values must relate as Same")
	}
}

func TestNamesRoundTrip(t *testing.T) {
	for c := Other; c <= Vehicles; c++ {
		if got, ok := ParseClass(c.String()); !ok || got != c {
			t.Errorf("ParseClass(%q) = %v, %v", c.String(), got, ok)
		}
	}
	for r := Same; r <= Incomparable; r++ {
		if got, ok := ParseRelation(r.String()); !ok || got != r {
			t.Errorf("ParseRelation(%q) = %v, %v", r.String(), got, ok)
		}
	}
	if _, ok := ParseClass("killt"); ok {
		t.Errorf("ParseClass accepted a misspelled class")
	}
}

func TestNounKeyMeetsSingularAndPlural(t *testing.T) {
	pairs := [][2]string{
		{"About 30,000 Vehicles crossed", "one vehicle crossed"},
		{"40 casualties were reported", "one casualty was reported"},
		{"12 buses burned", "one bus burned"},
		{"12 houses burned", "one house burned"},
	}
	for _, p := range pairs {
		a, b := first(t, p[0]), first(t, p[1])
		if a.NounKey == "" || a.NounKey != b.NounKey {
			t.Errorf("NounKey %q (%q) != %q (%q)", a.NounKey, p[0], b.NounKey, p[1])
		}
	}
}

// Label is the short form row summaries list; IsNumberWord is the
// prefilter a caller may use before Parse: on a text with neither digits
// nor number words Parse finds nothing.
func TestLabelAndNumberWords(t *testing.T) {
	for text, want := range map[string]string{
		"killing at least 25":        "25 killed",
		"The strikes hit five bases": "5 base",
		"Turnout was 62 percent":     "62 percent",
	} {
		qs := Parse(text)
		if len(qs) != 1 || qs[0].Label() != want {
			t.Errorf("Parse(%q) labels %v, want %q", text, qs, want)
		}
	}
	for _, w := range []string{"nine", "twenty", "dozen", "thousand", "thousands", "tens", "dozens", "several"} {
		if !IsNumberWord(w) {
			t.Errorf("IsNumberWord(%q) = false", w)
		}
	}
	for _, w := range []string{"the", "killed", "none", "first", "f"} {
		if IsNumberWord(w) {
			t.Errorf("IsNumberWord(%q) = true", w)
		}
	}
	for _, c := range parseCases {
		has := strings.ContainsAny(c.text, "0123456789")
		for _, w := range strings.FieldsFunc(strings.ToLower(c.text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			has = has || IsNumberWord(w)
		}
		if !has && len(c.want) > 0 {
			t.Errorf("%q has figures %v but neither digits nor number words", c.text, c.want)
		}
	}
}
