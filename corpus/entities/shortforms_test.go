package entities

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// leads.mayLead must be a necessary condition of standsFor: joinShortForms
// skips the long names it rules out, so it must never rule out one that
// the full check would accept. Names are drawn from a few letters so that
// acronyms, fuzzy spellings, company words and dropped leading words all
// occur.
func TestMayLeadNeverRulesOutAShortForm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"kessara", "kesara", "workers", "union", "central", "command", "us", "castell", "energy",
		"holdings", "co", "group", "ce", "kwu", "centcom", "cesara", "ksr", "kessra", "wu", "abdel", "ebdel", "obeida", "ubaida"}
	word := func() string {
		if rng.IntN(3) == 0 {
			// an acronym of random initials, or a random short word
			var b strings.Builder
			for range 2 + rng.IntN(3) {
				b.WriteByte("kwucseh"[rng.IntN(7)])
			}
			return b.String()
		}
		return pieces[rng.IntN(len(pieces))]
	}
	var r Resolver
	accepted, ruledOut := 0, 0
	for range 200000 {
		short := make([]string, 1+rng.IntN(2))
		caps := make([]bool, len(short))
		for k := range short {
			short[k], caps[k] = word(), rng.IntN(2) == 0
		}
		long := make([]string, 2+rng.IntN(3))
		for k := range long {
			long[k] = word()
		}
		if rng.IntN(2) == 0 {
			long = derived(rng, short, pieces)
		}
		stands := r.standsFor(short, caps, long)
		if !leadsOf(long).mayLead(short[0]) {
			ruledOut++
			if stands {
				t.Fatalf("mayLead rules out %q for %q (caps %v), which standsFor accepts", short, long, caps)
			}
		}
		if stands {
			accepted++
		}
	}
	if accepted < 3000 || ruledOut < 1000 {
		t.Fatalf("%d accepted, %d ruled out: the test checks too little", accepted, ruledOut)
	}
}

// derived is a long name made from a short one as a short form stands for
// it, roughly: maybe a leading word, each short word as written, with a
// vowel changed, or spelt out as words starting with its letters, and
// maybe company words after.
func derived(rng *rand.Rand, short, pieces []string) []string {
	var long []string
	if rng.IntN(2) == 0 {
		long = append(long, pieces[rng.IntN(len(pieces))])
	}
	for _, w := range short {
		switch rng.IntN(3) {
		case 0:
			long = append(long, w)
		case 1: // another vowel first ("Abdel", "Ebdel"): a fuzzy spelling
			long = append(long, "aeiou"[rng.IntN(5):][:1]+strings.TrimLeft(w, "aeiou"))
		default:
			for k := range len(w) {
				long = append(long, w[k:k+1]+"ar"[:rng.IntN(3)])
			}
		}
	}
	for range rng.IntN(3) {
		long = append(long, []string{"holdings", "group", "co"}[rng.IntN(3)])
	}
	return long
}
