package differences

import (
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus/quantity"
)

// nounSense is what a figure's counted noun says about what is counted.
type nounSense struct {
	// key is the noun's key, or its kind's for nouns of one kind
	// ("fighters", "militants" and "terrorists" are "combatant"); "" for
	// no noun or a generic one.
	key string
	// generic marks a noun that fits any people counted: "people",
	// "others", or the class's own word ("dead", "hostages",
	// "protesters").
	generic bool
	// wildcard marks no noun at all ("killing 27"): it fits anything.
	wildcard bool
	// things marks a noun that counts no people ("families", "homes"): a
	// generic noun does not fit it.
	things bool
}

// fits reports whether two senses may count the same thing.
func (a nounSense) fits(b nounSense) bool {
	switch {
	case a.wildcard || b.wildcard, a.generic && b.generic:
		return true
	case a.generic:
		return !b.things
	case b.generic:
		return !a.things
	}
	return a.key == b.key
}

// senseOf reads a figure's counted noun.
func senseOf(q quantity.Quantity) nounSense {
	k := q.NounKey
	switch {
	case k == "":
		return nounSense{wildcard: true}
	case genericNouns[k] || classNouns[q.Class][k]:
		return nounSense{generic: true}
	case nounKinds[k] == "home":
		return nounSense{key: "home", things: true}
	case nounKinds[k] != "":
		return nounSense{key: nounKinds[k]}
	}
	return nounSense{key: k, things: thingNouns[k]}
}

// genericNouns fit any people counted (keys are singular).
var genericNouns = map[string]bool{
	"people": true, "person": true, "other": true, "others": true, "individual": true, "men": true,
	"man": true, "live": true, "life": true, "victim": true, "those": true, "one": true,
}

// classNouns are each class's own words: "27 dead", "12 hostages", "More
// than 15,000 protesters".
var classNouns = map[quantity.Class]map[string]bool{
	quantity.Killed:     {"dead": true, "body": true, "bodies": true, "death": true, "fatality": true, "martyr": true},
	quantity.Injured:    {"injured": true, "wounded": true, "injury": true},
	quantity.Casualties: {"casualty": true},
	quantity.Missing:    {"missing": true},
	quantity.Arrested:   {"detainee": true, "prisoner": true, "arrested": true, "suspect": true},
	quantity.Displaced:  {"evacuee": true, "displaced": true, "refugee": true, "resident": true},
	quantity.Crowd:      {"protester": true, "protestor": true, "demonstrator": true, "marcher": true, "participant": true},
	quantity.Hostages:   {"hostage": true, "captive": true},
	quantity.Released:   {"hostage": true, "captive": true},
	quantity.Rescued:    {"survivor": true},
}

// nounKinds gather nouns for the same kind of people.
var nounKinds = map[string]string{
	"fighter": "combatant", "militant": "combatant", "terrorist": "combatant", "insurgent": "combatant",
	"rebel": "combatant", "militiaman": "combatant", "militiamen": "combatant", "gunman": "combatant",
	"gunmen": "combatant", "jihadist": "combatant", "extremist": "combatant",
	"soldier": "soldier", "troop": "soldier", "troops": "soldier", "serviceman": "soldier", "servicemen": "soldier",
	"officer": "police", "policeman": "police", "policemen": "police", "police": "police",
	"civilian": "civilian", "villager": "civilian", "bystander": "civilian",
	"worker": "worker", "employee": "worker", "staff": "worker",
	"child": "child", "children": "child", "minor": "child", "kid": "child",
	"home": "home", "house": "home", "dwelling": "home",
	"student": "student", "pupil": "student", "schoolchildren": "student", "schoolboy": "student",
	"schoolgirl": "student", "passenger": "passenger", "traveller": "passenger", "traveler": "passenger",
	"commuter": "passenger", "journalist": "journalist", "reporter": "journalist",
	"protester": "protester", "protestor": "protester", "demonstrator": "protester", "marcher": "protester",
}

// thingNouns count no people.
var thingNouns = map[string]bool{
	"family": true, "household": true, "building": true, "vehicle": true,
	"car": true, "carriage": true, "shop": true, "village": true, "school": true, "hospital": true,
	"base": true, "site": true, "camp": true, "attack": true, "station": true,
}

// aside reports a figure that is not the event's count: a rate ("30,000
// passengers a day"), or one in a sentence about another time or place
// that names no day of the event ("on Sunday", "yesterday"). The other
// time or place is an earlier year, "last week", "ago" or "elsewhere",
// said before the figure ("In 2013, a fire killed 112"), or after it in
// its clause ("killed four people last week"); not in another clause
// ("killed 12, the worst since 2014") nor of another noun ("in retaliation
// for last week's attack").
func aside(p Passage, q quantity.Quantity, now int) bool {
	if isRate(p.Text, q.End) {
		return true
	}
	from, to := sentenceAround(p.Text, q.Start, q.End)
	other, anchored := false, false
	toks := p.Tokens
	for i, t := range toks {
		if t.Start < from || t.End > to {
			continue
		}
		w := t.Key
		marker := false
		switch {
		case eventDays[w]:
			anchored = true
		case w == "ago" || w == "elsewhere":
			marker = true
		case w == "last" && i+1 < len(toks) && (toks[i+1].Key == "week" || toks[i+1].Key == "month" || toks[i+1].Key == "year"):
			marker = !toks[i+1].Poss || t.End <= q.Start
		case t.Num && isEarlierYear(w, now):
			marker = true
		}
		if marker && (t.Start < q.End || !strings.ContainsAny(p.Text[q.End:t.Start], ",;")) {
			other = true
		}
	}
	return other && !anchored
}

// eventDays name a day of the event being reported.
var eventDays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "overnight": true, "tonight": true,
}

// sentenceAround returns the byte range of the sentence holding [start,
// end) in text: from after the last ". ", "? " or "! " before it to the
// next one.
func sentenceAround(text string, start, end int) (int, int) {
	from, to := 0, len(text)
	for _, sep := range []string{". ", "? ", "! "} {
		if k := strings.LastIndex(text[:start], sep); k >= 0 && k+2 > from {
			from = k + 2
		}
		if k := strings.Index(text[end:], sep); k >= 0 && end+k+1 < to {
			to = end + k + 1
		}
	}
	return from, to
}

// isRate reports a figure followed, within its clause, by "a day", "a
// year", "per week", "each month", "annually" and the like.
func isRate(text string, end int) bool {
	rest := text[end:]
	if k := strings.IndexAny(rest, ",;.:"); k >= 0 {
		rest = rest[:k]
	}
	prev := ""
	for n := 0; n < 6 && rest != ""; n++ {
		rest = strings.TrimLeft(rest, " ")
		k := strings.IndexByte(rest, ' ')
		if k < 0 {
			k = len(rest)
		}
		w := strings.ToLower(rest[:k])
		rest = rest[k:]
		switch {
		case w == "annually" || w == "daily" || w == "yearly" || w == "weekly" || w == "monthly":
			return true
		case periods[w] && (prev == "a" || prev == "an" || prev == "per" || prev == "each" || prev == "every"):
			return true
		}
		prev = w
	}
	return false
}

var periods = map[string]bool{"day": true, "week": true, "month": true, "year": true, "hour": true}

// isEarlierYear reports a year (four digits, 1800–2100) before now.
func isEarlierYear(w string, now int) bool {
	if len(w) != 4 || now == 0 {
		return false
	}
	y := 0
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
		y = y*10 + int(w[i]-'0')
	}
	return y >= 1800 && y < now
}

// nowYear is the year an article reports on: its date's, two months back
// (a piece of 2 January tells of 29 December), else the latest year it
// names, else 0 (no year is earlier).
func nowYear(a Article) int {
	if !a.Date.IsZero() {
		return a.Date.Add(-61 * 24 * time.Hour).Year()
	}
	now := 0
	for _, p := range a.Passages {
		for _, t := range p.Tokens {
			if t.Num && len(t.Key) == 4 && isEarlierYear(t.Key, 2101) {
				now = max(now, int(t.Key[0]-'0')*1000+int(t.Key[1]-'0')*100+int(t.Key[2]-'0')*10+int(t.Key[3]-'0'))
			}
		}
	}
	return now
}
