package quantity

// The word tables of the grammar. All keys are folded (lower case, ASCII
// apostrophes and dashes). They are immutable after package init.

// cardinals are the spelled-out numbers below a hundred.
var cardinals = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// scales multiply what stands before them: "two thousand", "1.2 million".
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// suffixScales are the multipliers written against digits: "4bn", "20k".
// "m" is a million only after a currency sign ("$10m"); elsewhere metres.
var suffixScales = map[string]float64{"k": 1e3, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}

// vagueWords are the plurals that state a band, not a value.
var vagueWords = map[string][2]float64{
	"dozens": {20, 99}, "scores": {40, 99}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"millions": {2e6, 999e6}, "billions": {2e9, 999e9},
}

// currencySigns and currencyWords give a money figure its Unit.
var currencySigns = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR",
	"dinars": "dinar", "dinar": "dinar", "shillings": "shilling", "francs": "franc", "pesos": "peso",
	"rand": "ZAR", "lira": "lira", "riyals": "riyal", "naira": "NGN", "rubles": "RUB", "roubles": "RUB",
	"marks": "mark", "crowns": "crown", "krona": "krona", "kronor": "krona",
}

// units are measures written after a figure, with their class and the
// unit name kept in Quantity.Unit.
type unitInfo struct {
	class Class
	unit  string
}

var units = map[string]unitInfo{
	"%": {Percent, "%"}, "percent": {Percent, "%"}, "pct": {Percent, "%"},
	"km": {Distance, "km"}, "kilometres": {Distance, "km"}, "kilometers": {Distance, "km"},
	"kilometre": {Distance, "km"}, "kilometer": {Distance, "km"}, "miles": {Distance, "mile"},
	"mile": {Distance, "mile"}, "metres": {Distance, "m"}, "meters": {Distance, "m"},
	"metre": {Distance, "m"}, "meter": {Distance, "m"}, "m": {Distance, "m"}, "feet": {Distance, "ft"},
	"foot": {Distance, "ft"}, "ft": {Distance, "ft"}, "yards": {Distance, "yd"}, "cm": {Distance, "cm"},
	"mm": {Distance, "mm"}, "millimetres": {Distance, "mm"}, "millimeters": {Distance, "mm"},
	"centimetres": {Distance, "cm"}, "centimeters": {Distance, "cm"}, "inches": {Distance, "in"},
	"seconds": {Duration, "second"}, "second": {Duration, "second"}, "minutes": {Duration, "minute"},
	"minute": {Duration, "minute"}, "hours": {Duration, "hour"}, "hour": {Duration, "hour"},
	"days": {Duration, "day"}, "day": {Duration, "day"}, "weeks": {Duration, "week"},
	"week": {Duration, "week"}, "months": {Duration, "month"}, "month": {Duration, "month"},
	"years": {Duration, "year"}, "year": {Duration, "year"}, "decades": {Duration, "decade"},
	"decade":   {Duration, "decade"},
	"hectares": {Area, "ha"}, "hectare": {Area, "ha"}, "ha": {Area, "ha"}, "acres": {Area, "acre"},
	"acre":   {Area, "acre"},
	"tonnes": {Weight, "t"}, "tonne": {Weight, "t"}, "tons": {Weight, "t"}, "ton": {Weight, "t"},
	"kg": {Weight, "kg"}, "kilograms": {Weight, "kg"}, "kilogrammes": {Weight, "kg"},
}

// strong words fix what a figure counts wherever they stand in its clause:
// the verb or predicate ("27 people were killed", "2,000 residents fled").
var strong = map[string]Class{
	"killed": Killed, "dead": Killed, "died": Killed, "die": Killed, "dies": Killed, "perished": Killed,
	"slain": Killed, "murdered": Killed, "drowned": Killed, "deaths": Killed, "fatalities": Killed,
	"bodies": Killed, "death": Killed, "executed": Killed,
	"injured": Injured, "wounded": Injured, "hurt": Injured, "injuries": Injured,
	"hospitalised": Injured, "hospitalized": Injured,
	"casualties": Casualties,
	"missing":    Missing, "unaccounted": Missing, "disappeared": Missing,
	"trapped": Trapped, "rescued": Rescued,
	"arrested": Arrested, "detained": Arrested, "jailed": Arrested, "arrests": Arrested,
	"apprehended": Arrested, "custody": Arrested,
	"charged": Charged, "indicted": Charged,
	"evacuated": Displaced, "displaced": Displaced, "fled": Displaced, "flee": Displaced,
	"homeless": Displaced, "relocated": Displaced, "uprooted": Displaced,
	"marched": Crowd, "gathered": Crowd, "rallied": Crowd, "protested": Crowd, "demonstrated": Crowd,
	"attended": Crowd,
	"hostage":  Hostages, "kidnapped": Hostages, "abducted": Hostages, "captive": Hostages,
	"released": Released, "freed": Released,
}

// weak words are nouns that say what is counted only when no verb does:
// "15,000 protesters gathered" (crowd), but "40 protesters were arrested".
var weak = map[string]Class{
	"protesters": Crowd, "protestors": Crowd, "demonstrators": Crowd, "marchers": Crowd,
	"crowd": Crowd, "crowds": Crowd, "participants": Crowd,
	"hostages": Hostages, "captives": Hostages,
	"detainees": Arrested, "prisoners": Arrested,
	"evacuees": Displaced, "refugees": Displaced,
	"survivors": Rescued,
	"homes":     Buildings, "houses": Buildings, "buildings": Buildings, "dwellings": Buildings,
	"structures": Buildings, "shops": Buildings,
	"vehicles": Vehicles, "cars": Vehicles, "trucks": Vehicles, "lorries": Vehicles, "buses": Vehicles,
}

// verbsBefore are active verbs that take the figure as their object:
// "killing 27", "evacuated about 3,500 people", "wounding over 50 others".
var verbsBefore = map[string]Class{
	"killing": Killed, "killed": Killed, "kill": Killed, "kills": Killed, "claimed": Killed,
	"claiming": Killed,
	"wounding": Injured, "wounded": Injured, "injuring": Injured, "injured": Injured, "injures": Injured,
	"hurting": Injured, "hospitalising": Injured,
	"evacuated": Displaced, "evacuating": Displaced, "evacuate": Displaced, "displacing": Displaced,
	"displaced": Displaced, "displace": Displaced,
	"arrested": Arrested, "arresting": Arrested, "detained": Arrested, "detaining": Arrested,
	"arrest": Arrested, "detain": Arrested,
	"charged": Charged, "charging": Charged, "indicted": Charged,
	"rescued": Rescued, "rescuing": Rescued,
	"freed": Released, "freeing": Released, "released": Released, "releasing": Released,
	"free": Released, "frees": Released, "release": Released, "releases": Released,
	"kidnapped": Hostages, "abducted": Hostages, "kidnapping": Hostages, "abducting": Hostages,
	"seized": Hostages,
	"drew":   Crowd, "drawing": Crowd, "attracted": Crowd,
}

// nounsOf name an event whose "of" takes the figure: "the arrest of 40".
var nounsOf = map[string]Class{
	"killing": Killed, "killings": Killed, "deaths": Killed, "death": Killed,
	"arrest": Arrested, "arrests": Arrested, "detention": Arrested,
	"evacuation": Displaced, "displacement": Displaced,
	"release": Released, "rescue": Rescued, "kidnapping": Hostages, "abduction": Hostages,
	"crowd": Crowd, "crowds": Crowd, "rally": Crowd, "gathering": Crowd,
	"march": Crowd, "demonstration": Crowd, "protest": Crowd, "throng": Crowd,
	"toll": Killed,
}

// tallyFill are the words that may stand between a tally noun and its
// figure: "the death toll rose to", "a crowd estimated at".
var tallyFill = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "at": true, "from": true, "rose": true, "risen": true,
	"climbed": true, "jumped": true, "reached": true, "stood": true, "stands": true, "is": true,
	"was": true, "has": true, "have": true, "had": true, "been": true, "now": true, "increased": true,
	"grew": true, "hit": true, "put": true, "estimated": true, "numbering": true, "number": true,
	"total": true, "figure": true, "official": true, "death": true, "final": true, "climbing": true,
	"rising": true, "up": true, "went": true, "gone": true, "by": true, "police": true, "organisers": true, "organizers": true,
	"later": true, "then": true, "thought": true, "believed": true,
	"be": true, "people": true,
}

// phrases are multi-word predicates found after a figure: "lost their
// lives", "took to the streets", "taken into custody".
var phrases = []struct {
	words []string
	class Class
}{
	{[]string{"lost", "their", "lives"}, Killed},
	{[]string{"took", "to", "the", "streets"}, Crowd},
	{[]string{"take", "to", "the", "streets"}, Crowd},
	{[]string{"taken", "into", "custody"}, Arrested},
	{[]string{"held", "hostage"}, Hostages},
	{[]string{"taken", "hostage"}, Hostages},
	{[]string{"held", "captive"}, Hostages},
	{[]string{"set", "free"}, Released},
	{[]string{"forced", "from", "their", "homes"}, Displaced},
	{[]string{"forced", "to", "flee"}, Displaced},
	{[]string{"from", "their", "homes"}, Displaced},
	{[]string{"left", "their", "homes"}, Displaced},
	{[]string{"treated", "for"}, Injured},
	{[]string{"treated", "in", "hospital"}, Injured},
	{[]string{"taken", "to", "hospital"}, Injured},
	{[]string{"admitted", "to", "hospital"}, Injured},
	{[]string{"to", "safety"}, Rescued},
	{[]string{"out", "alive"}, Rescued},
	{[]string{"pulled", "alive"}, Rescued},
	{[]string{"back", "with", "their", "families"}, Released},
	{[]string{"back", "home"}, Released},
	{[]string{"returned", "home"}, Released},
	{[]string{"reunited", "with"}, Released},
}

// attributive are the strong words that also stand before a noun as an
// adjective: "four injured passengers died" counts the dead.
var attributive = map[string]bool{
	"injured": true, "wounded": true, "dead": true, "missing": true, "trapped": true, "displaced": true,
	"detained": true, "arrested": true, "evacuated": true, "kidnapped": true, "abducted": true,
	"freed": true, "released": true, "rescued": true, "hospitalised": true, "hospitalized": true,
}

// partMarkers introduce a part of the figure before: "including 12
// children", "among them three journalists", "of whom nine".
var partMarkers = map[string]bool{"including": true, "includes": true, "include": true, "among": true, "whom": true, "them": true, "mostly": true}

// npStop are the function words that end a figure's noun phrase.
var npStop = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"from": true, "by": true, "for": true, "with": true, "near": true, "after": true, "before": true,
	"during": true, "across": true, "into": true, "inside": true, "outside": true, "since": true,
	"as": true, "than": true, "among": true, "including": true, "per": true, "and": true, "or": true,
	"but": true, "who": true, "which": true, "that": true, "while": true, "when": true, "where": true,
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true,
	"been": true, "be": true, "will": true, "would": true, "could": true, "may": true, "might": true,
	"remain": true, "remained": true, "remains": true, "reportedly": true, "also": true, "still": true,
	"said": true, "say": true, "says": true, "this": true, "these": true, "those": true, "their": true,
	"his": true, "her": true, "its": true, "our": true, "they": true, "it": true, "not": true,
	"all": true, "each": true, "every": true, "now": true, "then": true, "there": true, "here": true,
	"over": true, "under": true, "about": true, "around": true, "up": true, "out": true,
	"being": true, "so": true, "more": true, "less": true, "fewer": true,
	"whose": true, "what": true, "we": true, "i": true, "you": true,
	"overnight": true, "yesterday": true, "today": true, "tonight": true, "already": true,
	"earlier": true, "later": true, "again": true, "far": true, "alone": true, "apiece": true,
	"last": true, "next": true,
	"he": true, "she": true, "them": true, "him": true, "if": true, "because": true, "though": true,
}

// npSkip are adjectives passed over on the way to the counted noun.
var npSkip = map[string]bool{"other": true, "more": true, "additional": true, "further": true, "extra": true}

// irregularPlurals are counted nouns that do not end in "s".
var irregularPlurals = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "police": true, "personnel": true,
	"staff": true, "crew": true, "cattle": true, "livestock": true, "militia": true, "youth": true,
	"dead": true, "wounded": true, "injured": true, "missing": true, "folk": true, "faithful": true,
	"troops": true, "person": true, "man": true, "woman": true, "child": true,
}

// clauseEnd are the words that end the search for what a figure counts:
// what follows them is another statement ("…, officials said").
var clauseEnd = map[string]bool{
	"said": true, "says": true, "told": true, "according": true, "added": true,
	"after": true, "before": true, "because": true, "but": true, "while": true, "although": true,
	"whereas": true, "since": true, "compared": true, "than": true, "versus": true,
}

// idNouns are nouns that a number names rather than counts: "Route 9",
// "Resolution 2334", "Flight 370", "category 4".
var idNouns = map[string]bool{
	"route": true, "flight": true, "resolution": true, "article": true, "chapter": true, "section": true,
	"room": true, "gate": true, "platform": true, "category": true, "level": true, "phase": true,
	"line": true, "number": true, "no": true, "nos": true, "page": true, "paragraph": true,
	"item": true, "grade": true, "channel": true, "unit": true, "bus": true, "highway": true,
	"road": true, "day": true, "week": true, "round": true, "stage": true, "block": true,
	"building": true, "district": true, "ward": true, "zone": true, "sector": true, "terminal": true,
	"pier": true, "lot": true, "exit": true, "junction": true, "precinct": true, "station": true,
	"shaft": true, "tunnel": true, "bay": true, "tower": true, "wing": true, "floor": true,
	"apartment": true, "flat": true, "suite": true, "box": true, "code": true, "model": true,
	"version": true, "season": true, "episode": true, "term": true, "act": true, "bill": true,
	"law": true, "decree": true, "order": true, "case": true, "file": true, "docket": true,
	"patrol": true, "battalion": true, "brigade": true, "division": true, "regiment": true,
	"squad": true, "company": true, "corps": true, "team": true, "group": true, "cell": true,
	"train": true, "carriage": true, "car": true, "coach": true, "track": true, "runway": true,
	"mile": true, "km": true, "kilometre": true, "kilometer": true, "marker": true, "post": true,
	"camp": true, "checkpoint": true, "sub": true, "grid": true, "vote": true,
}

// capitalsBefore are capitalised words that may open a sentence before a
// figure without naming it: "The 27 victims", "About 3,500 people".
var capitalsBefore = map[string]bool{
	"the": true, "a": true, "an": true, "some": true, "about": true, "around": true, "over": true,
	"nearly": true, "almost": true, "approximately": true, "roughly": true, "more": true, "fewer": true,
	"less": true, "up": true, "between": true, "only": true, "just": true, "another": true, "all": true,
	"at": true, "and": true, "but": true, "of": true, "in": true, "by": true, "with": true, "to": true,
	"estimated": true, "close": true, "well": true, "as": true, "those": true,
	"these": true, "its": true, "their": true, "his": true, "her": true, "our": true, "police": true,
	"officials": true, "rescuers": true, "authorities": true, "organisers": true, "organizers": true,
	"killing": true, "wounding": true, "injuring": true, "upwards": true, "upward": true,
	"exactly": true, "precisely": true, "under": true, "below": true, "above": true,
	"if": true, "when": true, "after": true, "while": true, "since": true,
	"on": true, "for": true, "from": true, "least": true, "than": true,
}

// months mark dates: "May 24", "24 May".
var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// timeMarks follow a clock time: "10 a.m.", "9pm", "14 GMT".
var timeMarks = map[string]bool{"am": true, "pm": true, "gmt": true, "utc": true, "o'clock": true, "hrs": true}

// pronounOne are the words before "one" that make it a pronoun: "no one",
// "the one", "at one point".
var pronounOne = map[string]bool{
	"no": true, "the": true, "this": true, "that": true, "which": true, "any": true, "every": true,
	"each": true, "at": true, "someone": true, "anyone": true, "only": true, "last": true, "another": true,
}

// shareFill are the words that may stand between a percentage and what it
// is a share of, written before it: "turnout of about 60 percent",
// "unemployment is above 30 percent", "inflation, which stood at 11
// percent", "Turnout nationwide reached 62%".
var shareFill = map[string]bool{
	"of": true, "at": true, "to": true, "is": true, "was": true, "are": true, "were": true,
	"reached": true, "stood": true, "stands": true, "rose": true, "fell": true, "dropped": true,
	"climbed": true, "hit": true, "by": true, "has": true, "had": true, "have": true, "been": true,
	"which": true, "that": true, "estimated": true, "put": true, "nationwide": true, "overall": true,
	"officially": true, "now": true, "a": true, "an": true, "the": true, "just": true, "only": true,
	"be": true, "will": true, "would": true,
}
