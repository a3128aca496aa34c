package compare

import (
	"strconv"
	"strings"
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

// casualty verbs and nouns, by stem, mapped to one word so that
// "killing 27" and "27 dead" count the same thing.
var casualty = map[string]string{
	"kill": "killed", "dead": "killed", "death": "killed", "die": "killed", "fatal": "killed",
	"martyr": "killed", "slain": "killed", "murder": "killed",
	"injur": "injured", "wound": "injured", "hurt": "injured", "injuri": "injured",
	"arrest": "arrested", "detain": "arrested", "captur": "arrested",
	"displac": "displaced", "kidnap": "kidnapped", "abduct": "kidnapped",
}

var casualtyDisplay = map[string]bool{"killed": true, "injured": true, "arrested": true, "displaced": true, "kidnapped": true}

var auxiliaries = map[string]bool{"have": true, "has": true, "had": true, "were": true, "was": true,
	"been": true, "are": true, "is": true, "be": true, "being": true, "reportedly": true, "also": true}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// extractFigures finds the counted numbers in a passage. Years, days of
// the month and numbers that count nothing recognisable are left out.
func extractFigures(text string, toks []token) []figure {
	var out []figure
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var v float64
		switch {
		case t.num:
			x, err := strconv.ParseFloat(strings.ReplaceAll(t.key, ",", ""), 64)
			if err != nil {
				continue
			}
			v = x
		case numberWords[t.key] > 0 && !t.upper:
			v = numberWords[t.key]
		default:
			continue
		}
		start, end := t.start, t.end
		j := i + 1
		if j < len(toks) && multipliers[toks[j].key] > 0 && text[toks[i].end:toks[j].start] == " " {
			v *= multipliers[toks[j].key]
			end = toks[j].end
			j++
		}
		money := strings.HasSuffix(strings.TrimRight(text[:start], " "), "$")
		if money {
			start = strings.LastIndexByte(text[:start], '$')
		}
		// Dates and years count nothing.
		if i > 0 && months[toks[i-1].key] || j < len(toks) && months[toks[j].key] && !money {
			continue
		}
		if t.num && !money && v >= 1900 && v <= 2100 && !strings.Contains(t.key, ",") {
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
					f.what, f.whatText = w, text[toks[k].start:toks[k].end]
				}
			}
		}
		// …or the noun after ("51 injured", "five PMU bases", "20,000 have
		// been killed", "four other locations").
		if f.what == "" {
			for k := j; k < len(toks) && k < j+4; k++ {
				x := toks[k]
				gap := text[toks[k-1].end:x.start]
				if strings.ContainsAny(gap, ",;:.()\"“”") {
					break
				}
				if auxiliaries[x.key] || x.key == "other" || x.key == "more" || x.key == "additional" || x.caps || (x.upper && k > j) {
					continue
				}
				if x.num || x.stop || x.stem == "" {
					break
				}
				if w, ok := casualtyOf(x); ok {
					f.what = w
				} else {
					f.what = x.stem
				}
				f.whatText = text[x.start:x.end]
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
func casualtyOf(t token) (string, bool) { return casualtyClasses[t.cas], t.cas != 0 }

// casualtyClasses are the values of casualty, after "" for none; tokens
// keep an index here.
var casualtyClasses = []string{"", "killed", "injured", "arrested", "displaced", "kidnapped"}

// casualtyIndex is class's index in casualtyClasses (0 for "" and, which
// a test rules out, for a class the list lacks).
func casualtyIndex(class string) uint8 {
	for i, c := range casualtyClasses {
		if c == class {
			return uint8(i)
		}
	}
	return 0
}

// casualtyClass maps a stem to its casualty class, or "".
func casualtyClass(stem string) string {
	if stem == "" {
		return ""
	}
	for n := min(len(stem), 7); n >= 3; n-- {
		if w, ok := casualty[stem[:n]]; ok {
			return w
		}
	}
	return ""
}
