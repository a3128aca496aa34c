package figures

import (
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus/tokens"
)

// Figure is a number in a text with what it counts: "killing at least 25"
// → {25, "at least", "killed"}; "five PMU bases" → {5, "", "base"}.
type Figure struct {
	Value     float64
	Text      string // the number as written, with its qualifier: "at least 25"
	Qualifier string // "at least", "over", "about", … or ""
	// Counted is what is counted, for matching: a casualty class
	// ("killed", "injured"), "dollars", or the counted noun's stem.
	Counted string
	// CountedText is the counted word as written: "killing", "bases".
	CountedText string
	Start, End  int // byte range of Text in the text
}

// Label renders the figure for lists: "25 killed", "5 bases".
func (f Figure) Label() string {
	return formatValue(f.Value) + " " + f.CountedName()
}

// CountedName names what is counted for people: the casualty class, else
// the counted word as written, in lower case.
func (f Figure) CountedName() string {
	if _, ok := tokens.CasualtyNamed(f.Counted); ok {
		return f.Counted
	}
	return strings.ToLower(f.CountedText)
}

func formatValue(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Find reads the counted numbers of a text, in order.
func Find(text string, toks []tokens.Token) []Figure {
	var out []Figure
	for i := 0; i < len(toks); i++ {
		f, next, ok := figureAt(text, toks, i)
		if !ok {
			continue
		}
		out = append(out, f)
		i = next - 1
	}
	return out
}

// figureAt reads the figure whose number is toks[i], if it is one: the
// figure, and the index of the first token after its number (and the
// multiplier: "20 billion").
func figureAt(text string, toks []tokens.Token, i int) (Figure, int, bool) {
	t := toks[i]
	v, ok := numberValue(t)
	if !ok {
		return Figure{}, 0, false
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
	if isDate(toks, i, j, v, money) {
		return Figure{}, 0, false
	}
	qual, qStart := qualifierBefore(text, start)
	f := Figure{Value: v, Qualifier: qual}
	if money {
		f.Counted, f.CountedText = "dollars", "dollars"
	}
	if f.Counted == "" {
		f.Counted, f.CountedText = casualtyBefore(text, toks, i, qual)
	}
	if f.Counted == "" {
		f.Counted, f.CountedText = nounAfter(text, toks, j)
	}
	if f.Counted == "" {
		return Figure{}, 0, false
	}
	f.Start, f.End = qStart, end
	f.Text = text[qStart:end]
	return f, j, true
}

// numberValue is the value of a number token ("1,200", "3.5") or a
// lower-case number word ("five", "dozens").
func numberValue(t tokens.Token) (float64, bool) {
	switch {
	case t.Num:
		x, err := strconv.ParseFloat(strings.ReplaceAll(t.Key, ",", ""), 64)
		if err != nil {
			return 0, false
		}
		return x, true
	case numberWords[t.Key] > 0 && !t.Upper:
		return numberWords[t.Key], true
	}
	return 0, false
}

// isDate reports whether the number toks[i] (value v, its words ending
// before toks[j]) is part of a date: next to a month name (unless it is
// money), or a year.
func isDate(toks []tokens.Token, i, j int, v float64, money bool) bool {
	if i > 0 && tokens.IsMonth(toks[i-1].Key) || j < len(toks) && tokens.IsMonth(toks[j].Key) && !money {
		return true
	}
	t := toks[i]
	return t.Num && !money && v >= 1900 && v <= 2100 && !strings.Contains(t.Key, ",")
}

// qualifierBefore finds the qualifier written just before a number that
// starts at byte start ("at least 25"): the qualifier and where it starts,
// or "" and start.
func qualifierBefore(text string, start int) (string, int) {
	before := strings.ToLower(strings.TrimRight(text[:start], " $"))
	for _, q := range qualifiers {
		if strings.HasSuffix(before, " "+q) || before == q {
			return q, len(strings.TrimRight(text[:start], " $")) - len(q)
		}
	}
	return "", start
}

// casualtyBefore is the casualty verb just before the number toks[i] and
// its qualifier ("killing 27", "killing at least 25"): its class and the
// word as written, or "" when there is none.
func casualtyBefore(text string, toks []tokens.Token, i int, qual string) (string, string) {
	k := i - 1
	if qual != "" {
		k = i - 1 - len(strings.Fields(qual))
	}
	if k >= 0 && k < i && toks[k].Casualty != tokens.NoCasualty {
		return toks[k].Casualty.String(), text[toks[k].Start:toks[k].End]
	}
	return "", ""
}

// nounAfter is what the number before toks[j] counts, read from the words
// after it ("51 injured", "five PMU bases", "20,000 have been killed",
// "four other locations"): a casualty class or a noun's stem, and the word
// as written; "" when punctuation, another number or a stop word comes
// first, or nothing within four words.
func nounAfter(text string, toks []tokens.Token, j int) (string, string) {
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
		if x.Casualty != tokens.NoCasualty {
			return x.Casualty.String(), text[x.Start:x.End]
		}
		return x.Stem, text[x.Start:x.End]
	}
	return "", ""
}
