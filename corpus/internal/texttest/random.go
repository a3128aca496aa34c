package texttest

import (
	"math/rand/v2"
	"strings"
)

// Alphabet is what Random draws from: the bytes the fast paths test for
// (spaces, line breaks, quotes, backslashes, controls, upper case,
// punctuation the rules look at) and multi-byte characters that fold or
// that Sanitize rewrites.
var Alphabet = []string{
	" ", " ", " ", "  ", "\n", "\n\n", "a", "b", "z", "A", "Z", "K", "0", "9", ".", ",", ":", "-", "'", "\"",
	"\\", "/", "(", ")", "@", "#", "•", "’", "‘", "“", "”", "–", "—", "…", "é", "É", "ſ", "K", "İ", "Σ",
	"\u00a0", "\u2028", "\u202e", "\ufeff", "\t", "\r", "\x1b", "\x7f", "\u0085", "\xff", "\xe2\x80",
	"on patreon", "support us on", "getty images", "(ap photo", "credit", "follow us on", "Follow Us On",
	"views and opinions expressed", "word", "Word", "thanks for reading", "reader-supported",
}

// Random returns a string of up to maxPieces pieces of Alphabet.
func Random(r *rand.Rand, maxPieces int) string {
	var b strings.Builder
	for n := r.IntN(maxPieces + 1); n > 0; n-- {
		b.WriteString(Alphabet[r.IntN(len(Alphabet))])
	}
	return b.String()
}
