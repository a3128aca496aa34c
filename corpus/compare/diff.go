package compare

import (
	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/tokens"
)

// Range is a byte range [Start, End) in a passage's Text.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// WordDiff says which words of two passages differ: A holds ranges of a's
// text whose words b lacks, B ranges of b's text whose words a lacks.
// Adjacent differing words form one range (the space between included), so
// a highlighter paints phrases, not confetti.
type WordDiff struct {
	A []Range `json:"a"`
	B []Range `json:"b"`
}

// Diff compares the words of two passages (usually counterparts in a row).
// Out-of-range refs give an empty diff.
func (c *Comparison) Diff(a, b passages.Ref) WordDiff {
	if !c.valid(a) || !c.valid(b) {
		return WordDiff{}
	}
	return diffTokens(c.toks[a.Article][a.Passage], c.toks[b.Article][b.Passage])
}

// DiffWords compares the words of two texts: words are compared by their
// folded key (case, accents and apostrophes do not count as differences),
// aligned with a Myers diff over word symbols, and the differing words are
// returned as byte ranges of each original text.
func DiffWords(a, b string) WordDiff {
	return diffTokens(tokens.Tokenize(a), tokens.Tokenize(b))
}

// diffTokens compares two passages' words by their keys; the ranges are
// the tokens' byte ranges in their texts.
func diffTokens(ta, tb []tokens.Token) WordDiff {
	sym := map[string]rune{}
	runes := func(ts []tokens.Token) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := sym[t.Key]
			if !ok {
				r = symbol(len(sym))
				sym[t.Key] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := runes(ta), runes(tb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var out WordDiff
	ia, ib := 0, 0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			out.A = appendRange(out.A, ta, ia, ia+n)
			ia += n
		case diffmatchpatch.DiffInsert:
			out.B = appendRange(out.B, tb, ib, ib+n)
			ib += n
		}
	}
	return out
}

// symbol maps the i-th distinct word to a rune from the private use areas,
// so that no word symbol is a surrogate or collides with another.
func symbol(i int) rune {
	if i < 0xF8FF-0xE000 {
		return rune(0xE000 + i)
	}
	return rune(0xF0000 + i)
}

// appendRange adds the byte range covering tokens [from, to).
func appendRange(rs []Range, ts []tokens.Token, from, to int) []Range {
	if from >= to || to > len(ts) {
		return rs
	}
	return append(rs, Range{Start: ts[from].Start, End: ts[to-1].End})
}
