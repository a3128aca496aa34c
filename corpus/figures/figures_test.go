package figures

import (
	"testing"

	"github.com/pmureader/pmureader/corpus/tokens"
)

func find(text string) []Figure { return Find(text, tokens.Tokenize(text)) }

func TestFind(t *testing.T) {
	type want struct {
		text, qual, counted, label string
		value                      float64
	}
	for _, tc := range []struct {
		in   string
		want []want
	}{
		{"The strikes targeted five PMU bases, killing at least 25.", []want{
			{"five", "", "base", "5 bases", 5}, {"at least 25", "at least", "killed", "25 killed", 25}}},
		{"killing 27 and injuring 51", []want{{"27", "", "killed", "27 killed", 27}, {"51", "", "injured", "51 injured", 51}}},
		{"over 50 others were wounded", []want{{"over 50", "over", "other", "50 others", 50}}}, // the noun after wins
		{"wounding over 50 others", []want{{"over 50", "over", "injured", "50 injured", 50}}},  // the verb before wins
		{"51 injured", []want{{"51", "", "injured", "51 injured", 51}}},
		{"20,000 have been killed", []want{{"20,000", "", "killed", "20000 killed", 20000}}},
		{"four other locations", []want{{"four", "", "locat", "4 locations", 4}}},
		{"a $20 billion deal", []want{{"$20 billion", "", "dollars", "20000000000 dollars", 2e10}}},
		{"About 250 families left", []want{{"About 250", "about", "famili", "250 families", 250}}},
		{"3.5 tonnes", []want{{"3.5", "", "tonn", "3.5 tonnes", 3.5}}},
		{"on December 29 and 2019 strikes", nil}, // a day of the month, a year
		{"in 2019", nil},
		{"Two people died", nil}, // a capitalised number word is not read
		{"27.", nil},             // counts nothing
	} {
		got := find(tc.in)
		if len(got) != len(tc.want) {
			t.Errorf("Find(%q) = %+v, want %d figures", tc.in, got, len(tc.want))
			continue
		}
		for i, w := range tc.want {
			g := got[i]
			if g.Text != w.text || g.Qualifier != w.qual || g.Counted != w.counted || g.Label() != w.label || g.Value != w.value ||
				tc.in[g.Start:g.End] != g.Text {
				t.Errorf("Find(%q)[%d] = %+v (label %q), want %+v", tc.in, i, g, g.Label(), w)
			}
		}
	}
}

func TestQualifierBefore(t *testing.T) {
	for _, tc := range []struct {
		text  string
		qual  string
		start int
	}{
		{"killing at least 25", "at least", 8},
		{"Over 50", "over", 0},
		{"some of $5", "some of", 0},
		{"the 25", "", 4},
	} {
		start := len(tc.text) - 2
		if tc.text[start-1] == '$' {
			start--
		}
		q, s := qualifierBefore(tc.text, start)
		if q != tc.qual || s != tc.start {
			t.Errorf("qualifierBefore(%q) = %q, %d; want %q, %d", tc.text, q, s, tc.qual, tc.start)
		}
	}
}

func TestCountedName(t *testing.T) {
	for _, tc := range []struct {
		f    Figure
		want string
	}{
		{Figure{Counted: "killed", CountedText: "dead"}, "killed"},
		{Figure{Counted: "base", CountedText: "Bases"}, "bases"},
		{Figure{Counted: "dollars", CountedText: "dollars"}, "dollars"},
	} {
		if got := tc.f.CountedName(); got != tc.want {
			t.Errorf("%+v: CountedName = %q, want %q", tc.f, got, tc.want)
		}
	}
}
