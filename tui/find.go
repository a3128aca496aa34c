package tui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Find-in-article: case-, accent- and apostrophe-insensitive substring
// search inside one article, with matches reported as byte spans into the
// original text. This is the reader's "/" and is not corpus search: it
// looks for what the reader typed in the text on screen, like less does.

// folded is a string in search form together with, for each of its bytes,
// the byte offset in the original of the rune that produced it.
type folded struct {
	s   string
	src []int // len(src) == len(s)+1; src[len(s)] == len(original)
}

// foldText puts s in key form with textnorm.KeyOffsets (folded, apostrophes
// dropped, so "Kataib" finds "Kata’ib"), the form word search and title
// search match too, and remembers where each byte came from.
func foldText(s string) folded {
	key, src := textnorm.KeyOffsets(s)
	return folded{s: key, src: src}
}

// foldQuery puts a query in the same form as foldText, with runs of spaces
// collapsed and quotes around a phrase removed.
func foldQuery(q string) string {
	q = strings.TrimSpace(strings.Trim(strings.TrimSpace(q), `"“”`))
	return foldText(textnorm.CollapseSpaces(q)).s
}

// findAll returns the spans in the original text of every non-overlapping
// occurrence of any of the folded terms, in order.
func (f folded) findAll(terms []string, orig string) []span {
	var out []span
	for _, t := range terms {
		if t == "" {
			continue
		}
		from := 0
		for {
			i := strings.Index(f.s[from:], t)
			if i < 0 {
				break
			}
			a := from + i
			e := a + len(t)
			out = append(out, span{f.src[a], f.origEnd(e, orig)})
			from = e
		}
	}
	return normSpans(orig, out)
}

// origEnd maps the end of a folded match to the end of the original rune
// that produced its last byte (a rune can fold to several bytes: "ß").
func (f folded) origEnd(e int, orig string) int {
	last := f.src[e-1]
	_, size := utf8.DecodeRuneInString(orig[last:])
	end := last + size
	// Combining marks after the match (they fold to nothing) belong to it.
	for end < len(orig) {
		r, n := utf8.DecodeRuneInString(orig[end:])
		if !unicode.Is(unicode.Mn, r) {
			break
		}
		end += n
	}
	return end
}

// queryTerms turns a word query into the terms to highlight: each word, or
// each "quoted phrase", folded.
func queryTerms(q string) []string {
	var out []string
	for {
		i := strings.IndexAny(q, `"“”`)
		if i < 0 {
			break
		}
		_, qs := utf8.DecodeRuneInString(q[i:])
		rest := q[i+qs:]
		j := strings.IndexAny(rest, `"“”`)
		if j < 0 {
			q = q[:i] + " " + rest
			break
		}
		if p := foldQuery(rest[:j]); p != "" {
			out = append(out, p)
		}
		_, qe := utf8.DecodeRuneInString(rest[j:])
		q = q[:i] + " " + rest[j+qe:]
	}
	for _, w := range strings.Fields(q) {
		if t := foldQuery(w); t != "" {
			out = append(out, t)
		}
	}
	return out
}
