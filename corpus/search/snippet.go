package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// occurrence is one place a term of a query occurs in a paragraph: the byte
// range of the word (or of the whole phrase) in the paragraph's text.
type occurrence struct {
	Start, End int
	term       int // index into wordQuery.terms
}

// occurrences finds every occurrence of every term of wq among the words
// of one paragraph, in text order (a phrase occurrence starts at its first
// word; overlapping phrase occurrences all count).
func occurrences(ws []textnorm.Word, wq *wordQuery) []occurrence {
	var out []occurrence
	for i, w := range ws {
		for ti, t := range wq.terms {
			if len(t.keys) == 1 {
				if t.matchKey(w.Key) {
					out = append(out, occurrence{w.Start, w.End, ti})
				}
				continue
			}
			if i+len(t.keys) > len(ws) || w.Key != t.keys[0] {
				continue
			}
			ok := true
			for j := 1; j < len(t.keys); j++ {
				if ws[i+j].Key != t.keys[j] {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, occurrence{w.Start, ws[i+len(t.keys)-1].End, ti})
			}
		}
	}
	return out
}

// WordDetail says where a word hit's words are in its article.
type WordDetail struct {
	// Paragraph is the index (into Article.Body) of the best matching
	// paragraph: the one with the most different query terms, then the
	// most occurrences, then the first.
	Paragraph int
	// Paragraphs are the indexes of all paragraphs where any query term
	// occurs, ascending, so a reader can jump from one to the next.
	Paragraphs []int
	// Snippet is about one line of the best paragraph around its first
	// match, cut at word boundaries, with "…" where text was cut, and line
	// breaks made spaces.
	Snippet string
	// Highlights are the matched words (or phrases) as byte ranges into
	// Snippet, on rune boundaries, merged and ascending.
	Highlights []Range
}

const ellipsis = "…"

// detail computes a WordDetail for article body paras. width is the
// snippet's rough size in runes (excluding the ellipses); <= 0 means 80.
func detail(paras []string, wq *wordQuery, width int) WordDetail {
	if width <= 0 {
		width = 80
	}
	d := WordDetail{Paragraph: -1}
	bestTerms, bestOcc := 0, 0
	var bestWords []textnorm.Word
	var bestOccs []occurrence
	for pi, text := range paras {
		ws := textnorm.Words(text)
		occ := occurrences(ws, wq)
		if len(occ) == 0 {
			continue
		}
		d.Paragraphs = append(d.Paragraphs, pi)
		seen := make(map[int]bool, len(wq.terms))
		for _, o := range occ {
			seen[o.term] = true
		}
		if len(seen) > bestTerms || (len(seen) == bestTerms && len(occ) > bestOcc) {
			bestTerms, bestOcc = len(seen), len(occ)
			d.Paragraph = pi
			bestWords, bestOccs = ws, occ
		}
	}
	if d.Paragraph < 0 {
		return d
	}
	d.Snippet, d.Highlights = snippet(paras[d.Paragraph], bestWords, bestOccs, width)
	return d
}

// snippet cuts about width runes of text around the first occurrence,
// starting and ending at word boundaries.
func snippet(text string, ws []textnorm.Word, occ []occurrence, width int) (string, []Range) {
	first := occ[0]
	// Start: up to a third of the width before the match, at a word start.
	start := first.Start
	back := width / 3
	for i := start; i > 0 && back > 0; back-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
		start = i
	}
	if start > 0 {
		// Move forward to the first word starting at or after start.
		for _, w := range ws {
			if w.Start >= start {
				start = min(w.Start, first.Start)
				break
			}
		}
	}
	// End: width runes after start, cut back to the end of a word, but
	// never before the end of the first match.
	limit := start
	for n := 0; limit < len(text) && n < width; n++ {
		_, size := utf8.DecodeRuneInString(text[limit:])
		limit += size
	}
	end := first.End
	if limit >= len(text) {
		end = len(text)
	} else {
		for _, w := range ws {
			if w.End <= limit && w.End > end {
				end = w.End
			}
		}
	}
	var b strings.Builder
	shift := -start
	if start > 0 {
		b.WriteString(ellipsis)
		shift += len(ellipsis)
	}
	b.WriteString(strings.ReplaceAll(text[start:end], "\n", " "))
	if end < len(text) {
		b.WriteString(ellipsis)
	}
	var hl []Range
	for _, o := range occ {
		s, e := max(o.Start, start), min(o.End, end)
		if s >= e {
			continue
		}
		hl = append(hl, Range{s + shift, e + shift})
	}
	return b.String(), mergeRanges(hl)
}

// mergeRanges sorts ranges and merges those that overlap or touch.
func mergeRanges(rs []Range) []Range {
	if len(rs) < 2 {
		return rs
	}
	slices.SortFunc(rs, func(a, b Range) int { return a.Start - b.Start })
	out := rs[:1]
	for _, r := range rs[1:] {
		last := &out[len(out)-1]
		if r.Start <= last.End {
			last.End = max(last.End, r.End)
			continue
		}
		out = append(out, r)
	}
	return out
}
