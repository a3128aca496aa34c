package figures

// numberWords are the numbers written as words, by key.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
}

// multipliers scale the number before them ("20 billion").
var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "m": 1e6,
}

// qualifiers are the hedges and bounds put before a figure, tried in this
// order.
var qualifiers = []string{
	"at least", "more than", "less than", "fewer than", "as many as", "up to",
	"upwards of", "at most", "over", "under", "almost", "nearly", "about",
	"around", "approximately", "roughly", "some", "some of", "an estimated", "estimated",
}

// auxiliaries may stand between a number and the casualty word it counts
// ("20,000 have been killed").
var auxiliaries = map[string]bool{"have": true, "has": true, "had": true, "were": true, "was": true,
	"been": true, "are": true, "is": true, "be": true, "being": true, "reportedly": true, "also": true}
