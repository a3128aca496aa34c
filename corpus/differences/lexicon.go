package differences

// labelHeads are nouns that describe an armed or political group.
var labelHeads = map[string]bool{
	"militia": true, "militias": true, "militiamen": true, "group": true, "groups": true,
	"movement": true, "movements": true, "forces": true, "force": true, "fighters": true,
	"units": true, "organisation": true, "organization": true, "organisations": true,
	"organizations": true, "paramilitary": true, "paramilitaries": true, "faction": true,
	"factions": true, "alliance": true, "network": true, "proxies": true, "proxy": true,
	"brigades": true, "terrorists": true, "insurgents": true, "rebels": true, "militants": true,
}

// labelModifiers may describe such a group ("popular grassroots militias").
var labelModifiers = map[string]bool{
	"popular": true, "grassroots": true, "armed": true, "resistance": true, "terrorist": true,
	"terror": true, "volunteer": true, "paramilitary": true, "militant": true, "extremist": true,
	"rebel": true, "insurgent": true, "jihadist": true, "radical": true, "rogue": true, "proxy": true,
	"allied": true, "national": true, "local": true, "powerful": true, "people": true, "peoples": true,
	"shia": true, "shiite": true, "sunni": true, "islamist": true, "sectarian": true, "pro": true,
	"anti": true, "backed": true, "sponsored": true, "supported": true, "aligned": true,
	"hardline": true, "notorious": true, "outlawed": true, "banned": true, "irregular": true,
	"defence": true, "defense": true, "security": true, "umbrella": true, "described": true,
}

// groupWords mark an entity as a group, whose labels are worth comparing.
var groupWords = []string{"forces", "force", "units", "unit", "militia", "brigades", "hezbollah",
	"hizbollah", "kataib", "hashd", "movement", "party", "army", "corps", "group", "front",
	"organisation", "organization", "council", "guard", "mobilization", "mobilisation",
	"committee", "state", "hamas", "taliban", "qaeda", "isis", "daesh", "haq"}

// stateModifiers mark a state's own forces: "Iraqi security forces",
// "US-led forces", "the government’s forces".
var stateModifiers = map[string]bool{"security": true, "government": true, "led": true, "coalition": true}

// stateNationals mark them as a bare adjective ("American forces"), but
// not as the backer in "US-backed".
var stateNationals = map[string]bool{"american": true, "us": true, "british": true, "western": true, "foreign": true}

// apposition is what may stand between a group's name and a label that
// follows it: "Kata’ib Hezbollah, a paramilitary group", "Daesh and other
// terrorist groups", "the PMU umbrella group".
var apposition = map[string]bool{"": true, "a": true, "an": true, "the": true, "and other": true,
	"or other": true, "and its": true, "as a": true}
