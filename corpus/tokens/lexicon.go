package tokens

// Casualty is the class of harm a word reports, so that "killing 27" and
// "27 dead" count the same thing. It is a byte, which keeps Token at 64
// bytes.
type Casualty uint8

// Casualty classes.
const (
	NoCasualty Casualty = iota
	Killed
	Injured
	Arrested
	Displaced
	Kidnapped
)

// casualtyNames are the classes' names, by class.
var casualtyNames = [...]string{
	NoCasualty: "", Killed: "killed", Injured: "injured", Arrested: "arrested",
	Displaced: "displaced", Kidnapped: "kidnapped",
}

// String is the class's name ("killed"), "" for NoCasualty.
func (c Casualty) String() string {
	if int(c) < len(casualtyNames) {
		return casualtyNames[c]
	}
	return ""
}

// CasualtyNamed is the class whose name is name ("killed" → Killed), and
// whether there is one.
func CasualtyNamed(name string) (Casualty, bool) {
	for c, n := range casualtyNames {
		if n != "" && n == name {
			return Casualty(c), true
		}
	}
	return NoCasualty, false
}

// casualtyStems maps the stems of casualty verbs and nouns (by their first
// three to seven letters) to their class.
var casualtyStems = map[string]Casualty{
	"kill": Killed, "dead": Killed, "death": Killed, "die": Killed, "fatal": Killed,
	"martyr": Killed, "slain": Killed, "murder": Killed,
	"injur": Injured, "wound": Injured, "hurt": Injured, "injuri": Injured,
	"arrest": Arrested, "detain": Arrested, "captur": Arrested,
	"displac": Displaced, "kidnap": Kidnapped, "abduct": Kidnapped,
}

// casualtyOfStem maps a stem to its casualty class: the longest prefix of
// seven letters or fewer (three at least) that casualtyStems knows.
func casualtyOfStem(stem string) Casualty {
	if stem == "" {
		return NoCasualty
	}
	for n := min(len(stem), 7); n >= 3; n-- {
		if c, ok := casualtyStems[stem[:n]]; ok {
			return c
		}
	}
	return NoCasualty
}

var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "mon": true, "tue": true, "wed": true, "thu": true,
	"fri": true, "sat": true, "sun": true}

// IsMonth reports whether a word key names a month ("december", "dec").
func IsMonth(key string) bool { return months[key] }

// IsWeekday reports whether a word key names a day of the week ("sunday",
// "sun").
func IsWeekday(key string) bool { return weekdays[key] }
