// Package textnorm is the text plumbing every part of pmureader shares:
// neutralising hostile characters once at load (Sanitize, Line, Safe) and
// in addresses (SafeURL), decoding the complete HTML character references
// of a format that is HTML-escaped (DecodeEntities, DecodeEscaped; never
// an address, never a legacy "&reg" without ";"),
// folding case, accents and typographic punctuation so that "Kata’ib",
// "KATA'IB", "Kata`ib" and "kataib" meet, and cutting text into words
// with their byte offsets so that matches can be highlighted in the
// original (Words), with English stems and stop words for grouping.
//
// textnorm is the one owner of folding (fold.go states the rule): word
// keys (Key, Words), title search's haystacks (AppendKey, AppendKeyRune),
// the reader's find-in-article (KeyOffsets) and cleaning's phrase rules
// (Fold, FoldBuffer) all call it, and texttest.FoldCases checks that
// every one of them folds the hard cases the same way. Nothing else in
// pmureader may fold text its own way.
//
// textnorm imports corpus/internal/swar and outside libraries (UAX #29
// words, Snowball stemming, Unicode normalisation); it must not import any
// other package of pmureader, since they all use it.
package textnorm
