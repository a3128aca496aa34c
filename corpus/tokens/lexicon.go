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

// reporting are the words of news that say who told, not what happened:
// reporting verbs ("said", "told", "added"), attribution ("according",
// "quoted") and who is credited in general terms ("spokesman",
// "officials", "sources"), as word keys.
var reporting = map[string]bool{
	"say": true, "says": true, "said": true, "saying": true, "tell": true, "tells": true, "told": true,
	"add": true, "adds": true, "added": true, "according": true, "report": true, "reports": true,
	"reported": true, "reportedly": true, "quoted": true, "quoting": true, "stated": true, "noted": true,
	"explained": true, "claimed": true, "insisted": true, "declared": true, "speaking": true, "spoke": true,
	"comment": true, "comments": true, "commented": true, "statement": true, "statements": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokesmen": true, "official": true,
	"officials": true, "source": true, "sources": true, "reporter": true, "reporters": true, "media": true,
}

// IsReporting reports whether a word key is a reporting verb or an
// attribution word ("said", "according", "spokesman", "officials"): words
// that say who told, which two accounts of different facts share as
// readily as two of the same.
func IsReporting(key string) bool { return reporting[key] }

// lightVerbs are the verbs that carry an action named by their object
// ("carried out attacks", "took place", "made an offer", "held talks"),
// in all their forms: two accounts of different things share them as
// readily as two of the same.
var lightVerbs = map[string]bool{
	"carry": true, "carries": true, "carried": true, "carrying": true,
	"take": true, "takes": true, "took": true, "taken": true, "taking": true,
	"make": true, "makes": true, "made": true, "making": true,
	"give": true, "gives": true, "gave": true, "given": true, "giving": true,
	"hold": true, "holds": true, "held": true, "holding": true,
	"put": true, "puts": true, "putting": true,
	"get": true, "gets": true, "got": true, "gotten": true, "getting": true,
	"do": true, "does": true, "did": true, "done": true, "doing": true,
	"have": true, "has": true, "had": true, "having": true,
	"go": true, "goes": true, "went": true, "gone": true, "going": true,
	"come": true, "comes": true, "came": true, "coming": true,
	"keep": true, "keeps": true, "kept": true, "keeping": true,
}

// IsLightVerb reports whether a word key is a light verb, whose object
// names the action ("carried out", "took place", "made an offer").
func IsLightVerb(key string) bool { return lightVerbs[key] }
