package compare

import (
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus/tokens"
)

// figure is a number in a passage with what it counts: "killing at least
// 25" → {25, "at least", "killed"}; "five PMU bases" → {5, "", "bases"}.
type figure struct {
	value      float64
	text       string // the number as written, with its qualifier: "at least 25"
	qualifier  string // "at least", "over", "about", … or ""
	what       string // canonical thing counted: "killed", "injured", or the noun's stem
	whatText   string // the counted word as written: "killing", "bases"
	start, end int    // byte range of text in the passage
}

// label renders "25 killed" / "5 bases" for Shared.Numbers.
func (f figure) label() string {
	return formatValue(f.value) + " " + f.display()
}

// display names what is counted for people.
func (f figure) display() string {
	if _, ok := casualtyDisplay[f.what]; ok {
		return f.what
	}
	return strings.ToLower(f.whatText)
}

func formatValue(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}

var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "m": 1e6,
}

// qualifiers are the hedges and bounds put before a figure, longest first.
var qualifiers = []string{
	"at least", "more than", "less than", "fewer than", "as many as", "up to",
	"upwards of", "at most", "over", "under", "almost", "nearly", "about",
	"around", "approximately", "roughly", "some", "some of", "an estimated", "estimated",
}

var casualtyDisplay = map[string]bool{"killed": true, "injured": true, "arrested": true, "displaced": true, "kidnapped": true}

var auxiliaries = map[string]bool{"have": true, "has": true, "had": true, "were": true, "was": true,
	"been": true, "are": true, "is": true, "be": true, "being": true, "reportedly": true, "also": true}

// extractFigures finds the counted numbers in a passage. Years, days of
// the month and numbers that count nothing recognisable are left out.
func extractFigures(text string, toks []tokens.Token) []figure {
	var out []figure
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var v float64
		switch {
		case t.Num:
			x, err := strconv.ParseFloat(strings.ReplaceAll(t.Key, ",", ""), 64)
			if err != nil {
				continue
			}
			v = x
		case numberWords[t.Key] > 0 && !t.Upper:
			v = numberWords[t.Key]
		default:
			continue
		}
		start, end := t.Start, t.End
		j := i + 1
		if j < len(toks) && multipliers[toks[j].Key] > 0 && text[toks[i].End:toks[j].Start] == " " {
			v *= multipliers[toks[j].Key]
			end = toks[j].End
			j++
		}
		money := strings.HasSuffix(strings.TrimRight(text[:start], " "), "$")
		if money {
			start = strings.LastIndexByte(text[:start], '$')
		}
		// Dates and years count nothing.
		if i > 0 && tokens.IsMonth(toks[i-1].Key) || j < len(toks) && tokens.IsMonth(toks[j].Key) && !money {
			continue
		}
		if t.Num && !money && v >= 1900 && v <= 2100 && !strings.Contains(t.Key, ",") {
			continue
		}
		qual := ""
		qStart := start
		before := strings.ToLower(strings.TrimRight(text[:start], " $"))
		for _, q := range qualifiers {
			if strings.HasSuffix(before, " "+q) || before == q {
				qual = q
				qStart = len(strings.TrimRight(text[:start], " $")) - len(q)
				break
			}
		}
		f := figure{value: v, qualifier: qual}
		if money {
			f.what, f.whatText = "dollars", "dollars"
		}
		// What it counts: a casualty verb just before ("killing 27",
		// "killing at least 25")…
		if f.what == "" {
			k := i - 1
			if qual != "" {
				k = i - 1 - len(strings.Fields(qual))
			}
			if k >= 0 && k < i {
				if w, ok := casualtyOf(toks[k]); ok {
					f.what, f.whatText = w, text[toks[k].Start:toks[k].End]
				}
			}
		}
		// …or the noun after ("51 injured", "five PMU bases", "20,000 have
		// been killed", "four other locations").
		if f.what == "" {
			for k := j; k < len(toks) && k < j+4; k++ {
				x := toks[k]
				gap := text[toks[k-1].End:x.Start]
				if strings.ContainsAny(gap, ",;:.()\"“”") {
					break
				}
				if auxiliaries[x.Key] || x.Key == "other" || x.Key == "more" || x.Key == "additional" || x.Caps || (x.Upper && k > j) {
					continue
				}
				if x.Num || x.Stop || x.Stem == "" {
					break
				}
				if w, ok := casualtyOf(x); ok {
					f.what = w
				} else {
					f.what = x.Stem
				}
				f.whatText = text[x.Start:x.End]
				break
			}
		}
		if f.what == "" {
			continue
		}
		f.start, f.end = qStart, end
		f.text = text[qStart:end]
		out = append(out, f)
		i = j - 1
	}
	return out
}

// casualtyOf maps a word to its casualty class ("wounding" → "injured").
func casualtyOf(t tokens.Token) (string, bool) {
	return t.Casualty.String(), t.Casualty != tokens.NoCasualty
}
