package clean

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// containsPhraseSlow is the plain definition of containsPhrase: the why of
// the first phrase that starts at the start of a word, trying words from
// the left and, at each word, the rules in table order.
func containsPhraseSlow(l string) reason {
	for i := 0; i < len(l); i++ {
		if !isWordByte(rune(l[i])) || i > 0 && isWordByte(rune(l[i-1])) {
			continue
		}
		j := i
		for j < len(l) && isWordByte(rune(l[j])) {
			j++
		}
		for _, r := range containsRules {
			if firstWord(r.phrase) == l[i:j] && strings.HasPrefix(l[i:], r.phrase) {
				return r.why
			}
		}
	}
	return ""
}

// isCaptionSlow is isCaption without its prefilter.
func isCaptionSlow(l string) bool {
	for _, p := range captionPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	for _, s := range captionCredits {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// TestPhrasesMatchSlow checks the phrase and caption scans of folded
// lines against their plain definitions.
func TestPhrasesMatchSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var phrases []string
	for _, c := range containsRules {
		phrases = append(phrases, c.phrase, strings.ToUpper(c.phrase))
	}
	phrases = append(phrases, captionCredits...)
	phrases = append(phrases, captionPrefixes...)
	for n := range 100000 {
		s := texttest.Random(r, 16)
		if n%2 == 0 {
			k := r.IntN(len(s) + 1)
			s = s[:k] + phrases[r.IntN(len(phrases))] + s[k:]
		}
		l := textnorm.Fold(s)
		if got, want := containsPhrase(l), containsPhraseSlow(l); got != want {
			t.Fatalf("containsPhrase(%q) = %q, want %q", l, got, want)
		}
		if got, want := isCaption(l), isCaptionSlow(l); got != want {
			t.Fatalf("isCaption(%q) = %v, want %v", l, got, want)
		}
	}
}

func FuzzContainsPhrase(f *testing.F) {
	f.Add("Kata’ib “Hezbollah” — SUPPORT US ON Patreon İ K ſ")
	f.Fuzz(func(t *testing.T, s string) {
		l := textnorm.Fold(s)
		if got, want := containsPhrase(l), containsPhraseSlow(l); got != want {
			t.Fatalf("containsPhrase(%q) = %q, want %q", l, got, want)
		}
	})
}

func TestCollapseCountMatchesCollapse(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		s := texttest.Random(r, 14)
		got, n := collapseCount(s)
		if want := collapse(s); got != want {
			t.Fatalf("collapseCount(%q) = %q, collapse %q", s, got, want)
		}
		if n >= 0 && n != countWords(got) {
			t.Fatalf("collapseCount(%q) counts %d words, countWords %d", s, n, countWords(got))
		}
		if n < 0 && !strings.Contains(s, "\n") && !strings.Contains(s, "  ") && !strings.HasPrefix(s, " ") {
			t.Fatalf("collapseCount(%q) did not count a line that needs no change", s)
		}
	}
}

// TestCleanerReuseMatchesFresh cleans a run of different texts with one
// cleaner, as a JSON Lines worker does, and checks each result against
// cleaning with fresh scratch space: nothing of one text leaks into the
// next.
func TestCleanerReuseMatchesFresh(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	chrome := []string{"Notify of", "Share this:", "By Jane Doe", "Via Antiwar.com", "Support us on Patreon!",
		"Related", "• A bulleted lead of running text that goes on for a while, as such leads do.", "# Heading", ""}
	var cl Cleaner
	for n := range 3000 {
		var lines []string
		for k := r.IntN(30); k >= 0; k-- {
			if r.IntN(3) == 0 {
				lines = append(lines, chrome[r.IntN(len(chrome))])
			} else {
				lines = append(lines, texttest.Random(r, 25))
			}
		}
		text := textnorm.Sanitize(strings.Join(lines, "\n"))
		lineNo := func(i int) int { return i + 1 }
		b1, r1, a1, v1 := cl.Body("f.jsonl", cl.Split(text), lineNo)
		b2, r2, a2, v2 := Body("f.jsonl", strings.Split(text, "\n"), lineNo)
		if !reflect.DeepEqual(b1, b2) || !reflect.DeepEqual(r1, r2) || a1 != a2 || v1 != v2 {
			t.Fatalf("text %d %q: reused cleaner gave\n%+v %+v %q %q\nfresh\n%+v %+v %q %q", n, text, b1, r1, a1, v1, b2, r2, a2, v2)
		}
	}
}

func TestWordByteMaskMatchesTable(t *testing.T) {
	for c := 0; c < 256; c++ {
		for k := 0; k < 8; k++ {
			x := uint64(0x2020202020202020) &^ (0xff << (8 * k)) // spaces around
			x |= uint64(c) << (8 * k)
			want := uint64(0)
			if wordBytes[c] {
				want = 0x80 << (8 * k)
			}
			if got := wordByteMask(x); got != want {
				t.Fatalf("byte %#x at %d: mask %#x, want %#x", c, k, got, want)
			}
		}
	}
}

// collapseSlow is collapse as first written: one byte at a time.
func collapseSlow(s string) string {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' && prev == ' ' || c == '\n' {
			return collapseSpacesJoined(s)
		}
		prev = c
	}
	if prev == ' ' {
		return strings.TrimRight(s, " ")
	}
	return s
}

func collapseSpacesJoined(s string) string {
	return textnorm.CollapseSpaces(strings.ReplaceAll(s, "\n", " "))
}

func TestCollapseMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		s := texttest.Random(r, 12)
		if got, want := collapse(s), collapseSlow(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}
