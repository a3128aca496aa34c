package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// The string fuzzy-matched for an article (its "haystack") is the key form
// (textnorm.Key) of its title, outlet, author and story, non-empty ones
// joined by fieldSep. Keys are made rune by rune (textnorm.AppendKeyRune),
// so that every byte of the haystack can be traced back to the rune of the
// original field it came from, and apostrophes are dropped, as in word
// keys, so that "kataib", "Kata'ib" and "Kata’ib" all match "Kata’ib". A
// rune that folds to nothing (an apostrophe, a combining accent) is
// highlighted together with the rune before it.
const fieldSep = " | "

// field numbers the header fields a haystack is made of.
type field int

// The fields, in haystack order.
const (
	fieldTitle field = iota
	fieldOutlet
	fieldAuthor
	fieldStory
	numFields // how many there are
)

// Highlights are the matched characters of a title hit, per field, as
// merged byte ranges [Start, End) into the original field strings (the
// article's Title, Outlet and Author, and the hit's Story). Ranges always
// start and end on rune boundaries; a combining accent stays with its letter.
type Highlights struct {
	Title, Outlet, Author, Story []Range
}

// field returns a pointer to the ranges of field f.
func (h *Highlights) field(f field) *[]Range {
	switch f {
	case fieldTitle:
		return &h.Title
	case fieldOutlet:
		return &h.Outlet
	case fieldAuthor:
		return &h.Author
	default:
		return &h.Story
	}
}

// buildHay appends the haystack of fields to b and returns it. A NUL rune
// (which cannot occur in sanitised text, but would make sahilm/fuzzy stop
// matching there) becomes a space.
func buildHay(b []byte, fields *[numFields]string) []byte {
	first := true
	for _, f := range fields {
		if f == "" {
			continue
		}
		if !first {
			b = append(b, fieldSep...)
		}
		first = false
		start := len(b)
		b = textnorm.AppendKey(b, f)
		for k := bytes.IndexByte(b[start:], 0); k >= 0; k = bytes.IndexByte(b[start:], 0) {
			b[start+k] = ' '
		}
	}
	return b
}

// highlights maps matched byte offsets of the haystack of fields (sorted
// ascending, as sahilm/fuzzy reports them) back to merged ranges of the
// original fields.
func highlights(fields *[numFields]string, matched []int) Highlights {
	var h Highlights
	if len(matched) == 0 {
		return h
	}
	pos := 0 // haystack offset of the current field's first byte
	mi := 0
	var key []byte // the key of one rune
	first := true
	for fi, f := range fields {
		if f == "" {
			continue
		}
		if !first {
			pos += len(fieldSep)
		}
		first = false
		// Skip matches on the separator.
		for mi < len(matched) && matched[mi] < pos {
			mi++
		}
		out := h.field(field(fi))
		for i := 0; i < len(f) && mi < len(matched); {
			var size int
			key, size = textnorm.AppendKeyRune(key[:0], f, i)
			n := len(key)
			start := i
			i += size
			// Following runes that fold to nothing (combining marks)
			// belong with this one.
			for i < len(f) {
				var s2 int
				key, s2 = textnorm.AppendKeyRune(key[:0], f, i)
				if len(key) != 0 {
					break
				}
				i += s2
			}
			end := i
			hit := false
			for mi < len(matched) && matched[mi] < pos+n {
				hit = true
				mi++
			}
			pos += n
			if hit && !isSpaceRune(f, start) {
				if k := len(*out); k > 0 && (*out)[k-1].End == start {
					(*out)[k-1].End = end
				} else {
					*out = append(*out, Range{start, end})
				}
			}
		}
		if mi >= len(matched) {
			break
		}
	}
	return h
}

// isSpaceRune reports whether the rune at s[i:] is a space: a query's
// spaces match spaces, but a highlighted space is only noise.
func isSpaceRune(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
