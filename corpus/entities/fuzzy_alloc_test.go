package entities

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// fuzzyNameByFields is fuzzyName as first written, over strings.Fields and
// skeleton strings: the allocation-free version must agree with it.
func fuzzyNameByFields(a, b string) bool {
	if a == b {
		return true
	}
	pa, pb := strings.Fields(a), strings.Fields(b)
	if len(pa) != len(pb) {
		return false
	}
	agree, loose := 0, 0
	for i := range pa {
		wa, wb := pa[i], pb[i]
		sa, sb := skeleton(wa), skeleton(wb)
		switch {
		case wa == wb || !strings.HasPrefix(wa, wb) && !strings.HasPrefix(wb, wa) && len(sa) >= 3 && sa == sb &&
			editDistance(wa, wb, wordEditLimit(wa, wb)) <= wordEditLimit(wa, wb):
			agree++
		case looseWordByFields(wa, wb):
			loose++
		default:
			return false
		}
	}
	return loose == 0 || len(pa) >= 2 && agree >= 1
}

func wordEditLimit(a, b string) int {
	if min(len(a), len(b)) < 5 {
		return 1
	}
	return 2
}

func looseWordByFields(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) >= 3 && len(b) == len(a)+1 && strings.HasPrefix(b, a) {
		return true
	}
	return skeleton(a) == skeleton(b) && editDistance(a, b, 1) <= 1
}

// TestFuzzyNameAgreesWithFieldsVersion compares fuzzyName with the
// version over strings.Fields on random names built from near spellings,
// and checks sameSkeleton against skeleton.
func TestFuzzyNameAgreesWithFieldsVersion(t *testing.T) {
	words := []string{"qasim", "qassem", "kasim", "muslih", "musleh", "maren", "marin", "tolk", "tolke",
		"lind", "lindt", "rumi", "roumi", "ren", "renn", "varga", "vargas", "israel", "israeli", "iran",
		"iraq", "hussein", "hassan", "hezbollah", "hezbolah", "kataib", "ketaib", "al", "abu", "a", "y", "'", "-"}
	rng := rand.New(rand.NewPCG(1, 2))
	name := func() string {
		n := 1 + rng.IntN(3)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = words[rng.IntN(len(words))]
		}
		sep := " "
		if rng.IntN(10) == 0 {
			sep = "  "
		}
		return strings.Join(parts, sep)
	}
	joined := 0
	for range 20000 {
		a, b := name(), name()
		got, want := fuzzyName(a, b), fuzzyNameByFields(a, b)
		if got != want {
			t.Fatalf("fuzzyName(%q, %q) = %v, the Fields version says %v", a, b, got, want)
		}
		if got {
			joined++
		}
		wa, wb := words[rng.IntN(len(words))], words[rng.IntN(len(words))]
		same, n := sameSkeleton(wa, wb)
		if same != (skeleton(wa) == skeleton(wb)) || same && n != len(skeleton(wa)) {
			t.Fatalf("sameSkeleton(%q, %q) = %v, %d; skeletons %q, %q", wa, wb, same, n, skeleton(wa), skeleton(wb))
		}
	}
	if joined == 0 {
		t.Fatal("no random pair was a fuzzy spelling: the test compares nothing")
	}
}

// TestFuzzyNameAllocatesNothing keeps the comparison story grouping runs
// for every pair of names with the same initials free of allocations.
func TestFuzzyNameAllocatesNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		fuzzyName("qasim al muslih", "qassem al musleh")
		fuzzyName("maren tolk", "marin tolke")
		fuzzyName("hussein", "hassan")
	})
	if allocs != 0 {
		t.Fatalf("fuzzyName allocates %.0f times per three calls, want 0", allocs)
	}
}
