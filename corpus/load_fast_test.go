package corpus

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// fastPathAlphabet is what randomText draws from: the bytes the fast paths
// test for (spaces, line breaks, quotes, backslashes, controls, upper case,
// punctuation the rules look at) and multi-byte characters that fold or
// that Sanitize rewrites.
var fastPathAlphabet = []string{
	" ", " ", " ", "  ", "\n", "\n\n", "a", "b", "z", "A", "Z", "K", "0", "9", ".", ",", ":", "-", "'", "\"",
	"\\", "/", "(", ")", "@", "#", "•", "’", "‘", "“", "”", "–", "—", "…", "é", "É", "ſ", "K", "İ", "Σ",
	"\u00a0", "\u2028", "\u202e", "\ufeff", "\t", "\r", "\x1b", "\x7f", "\u0085", "\xff", "\xe2\x80",
	"on patreon", "support us on", "getty images", "(ap photo", "credit", "follow us on", "Follow Us On",
	"views and opinions expressed", "word", "Word", "thanks for reading", "reader-supported",
}

// randomText returns a string of up to max pieces of fastPathAlphabet.
func randomText(r *rand.Rand, max int) string {
	var b strings.Builder
	for n := r.IntN(max + 1); n > 0; n-- {
		b.WriteString(fastPathAlphabet[r.IntN(len(fastPathAlphabet))])
	}
	return b.String()
}

// countFieldsBytewise is the definition countFields implements.
func countFieldsBytewise(s string) int {
	n, prev := 0, true
	for i := 0; i < len(s); i++ {
		cur := s[i] == ' ' || s[i] == '\n'
		if prev && !cur {
			n++
		}
		prev = cur
	}
	return n
}

func TestCountFieldsMatchesBytewise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := randomText(r, 40)
		// every alignment of the eight-byte words
		for off := 0; off < 8 && off <= len(s); off++ {
			if got, want := countFields(s[off:]), countFieldsBytewise(s[off:]); got != want {
				t.Fatalf("countFields(%q) = %d, want %d", s[off:], got, want)
			}
		}
		if got, want := countFields(s), len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' })); got != want {
			t.Fatalf("countFields(%q) = %d, FieldsFunc %d", s, got, want)
		}
	}
}

func FuzzCountFields(f *testing.F) {
	f.Add("two words\n\nand  more ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := countFields(s), countFieldsBytewise(s); got != want {
			t.Fatalf("countFields(%q) = %d, want %d", s, got, want)
		}
	})
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
		s := randomText(r, 12)
		if got, want := collapse(s), collapseSlow(s); got != want {
			t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestJSONLinesUTF8CheckMatchesWholeFile checks that the invalid UTF-8
// warning a large JSON Lines file gets from its chunks (checked on the
// workers) is the one checking the whole file gives: same byte, same line,
// first among the problems, with or without a byte-order mark.
func TestJSONLinesUTF8CheckMatchesWholeFile(t *testing.T) {
	var b strings.Builder
	for i := range 12000 {
		fmt.Fprintf(&b, `{"id": "a%d", "title": "Title %d", "text": "First paragraph, said officials on Sunday.\n\nSecond one – with “quotes”."}`+"\n", i, i)
	}
	base := b.String()
	for _, bom := range []string{"", "\ufeff"} {
		for _, at := range []int{-1, 10, len(base) / 3, len(base)/2 + 7, len(base) - 30} {
			data := []byte(bom + base)
			if at >= 0 {
				// inside a text, where the record stays valid JSON
				at := len(bom) + at + strings.Index(base[at:], "First")
				data[at], data[at+20] = 0xff, 0xc3
			}
			want, valid := checkUTF8("f.jsonl", data)
			arts, probs := loadJSONLines(context.Background(), "f.jsonl", data, 2, true)
			if len(arts) != 12000 {
				t.Fatalf("bom %q, invalid at %d: %d articles", bom, at, len(arts))
			}
			switch {
			case valid && len(probs) != 0:
				t.Fatalf("bom %q: valid file, problems %v", bom, probs)
			case !valid && (len(probs) == 0 || probs[0].Line != want.Line || probs[0].Err.Error() != want.Err.Error() || !probs[0].Warning):
				t.Fatalf("bom %q, invalid at %d: problems %v, want first %v (line %d)", bom, at, probs, want.Err, want.Line)
			}
			for _, a := range arts[:50] {
				if a.Words != bodyWords(a.Body) || a.Words == 0 {
					t.Fatalf("%s: Words %d, body has %d", a.ID, a.Words, bodyWords(a.Body))
				}
			}
		}
	}
}
