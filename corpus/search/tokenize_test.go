package search

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// scanAll returns the words wordScanner finds, in textnorm.Word form.
func scanAll(text string) []textnorm.Word {
	var s wordScanner
	var out []textnorm.Word
	s.scan(text, func(start, end int, key []byte) {
		out = append(out, textnorm.Word{Start: start, End: end, Key: string(key)})
	})
	return out
}

func checkScanner(t *testing.T, text string) {
	t.Helper()
	got, want := scanAll(text), textnorm.Words(text)
	if len(got) != len(want) {
		t.Fatalf("%q: scanner found %d words %v, textnorm.Words %d %v", text, len(got), got, len(want), want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: word %d: scanner %+v, textnorm.Words %+v", text, i, got[i], want[i])
		}
	}
}

// scannerAlphabet mixes every class the fast path knows with a few runes it
// does not (which send text to the slow path).
var scannerAlphabet = []string{
	"a", "Z", "é", "Ä", "ß", "ł", "Œ", "0", "7", "_", ":", ".", "'", "’", "‘", ",", ";",
	" ", " ", "\n", "“", "”", "–", "—", "…", "-", "!", "(", "/", "×", "\"",
}

var scannerRare = []string{"·", "ﬁ", "א", "カ", "\u0301", "\u00ad", "😀", "ª", "٣"}

func randomText(r *rand.Rand, n int, rare bool) string {
	var b strings.Builder
	for range n {
		if rare && r.IntN(20) == 0 {
			b.WriteString(scannerRare[r.IntN(len(scannerRare))])
			continue
		}
		b.WriteString(scannerAlphabet[r.IntN(len(scannerAlphabet))])
	}
	return b.String()
}

func TestWordScannerMatchesTextnorm(t *testing.T) {
	for _, s := range []string{
		"The Kata’ib lost 20,000 — Café!",
		"e.g. a.b.c 1.5.3 3,5; a:b a'1 1'2 _x x_ __ a_1 “quoted” it’s ‘twas",
		"Ketaib Hezbollah, also spelled Kata'ib: 25 fighters… 3.5% up",
		"naïve façade ŒUVRE Łódź straße",
		"", " ", "...", "'a'", "a.", ".a", "1,", ",1",
	} {
		checkScanner(t, s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		checkScanner(t, randomText(r, 1+r.IntN(30), i%2 == 0))
	}
}

func FuzzWordScanner(f *testing.F) {
	f.Add("The Kata’ib lost 20,000 — Café!")
	f.Add("a.b 1,2 x_y it’s")
	f.Fuzz(func(t *testing.T, s string) {
		checkScanner(t, s)
	})
}
