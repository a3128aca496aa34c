package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus/search"
	"github.com/pmureader/pmureader/internal/termtext"
)

// snippetIndentWidth is the indent of a search result's snippet line.
const snippetIndentWidth = 4

// printSearch prints search results for people: "outlet · title", the
// snippet indented below with the matches highlighted, then the id and
// where the matches are, so that `pmureader show ID` follows easily.
// Paragraph numbers here are 1-based (¶1 is the first); JSON's are 0-based
// indexes.
func (a *app) printSearch(doc searchJSON) error {
	w := bufio.NewWriter(a.stdout)
	p := a.paint
	fit := func(s string) string { return termtext.Cut(s, a.out.width) } // width 0: a pipe
	indent := strings.Repeat(" ", snippetIndentWidth)
	for i, h := range doc.Results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, fit(hitHead(h, doc.Mode, p)))
		if h.Snippet != "" {
			fmt.Fprintln(w, fit(indent+p.highlight(termtext.OneLine(h.Snippet), safeRanges(h.Snippet, h.Highlights.Snippet))))
		}
		where := h.ID
		if h.dateText != "" {
			where += " · " + h.dateText
		}
		if h.Paragraph >= 0 {
			where += fmt.Sprintf(" · ¶%d", h.Paragraph+1)
			if more := len(h.Paragraphs) - 1; more > 0 {
				where += fmt.Sprintf(" (+%d more)", more)
			}
			where += fmt.Sprintf(" · %d %s", h.Matches, termtext.Plural(h.Matches, "match", "matches"))
		}
		fmt.Fprintln(w, fit(indent+p.dim(termtext.OneLine(where))))
	}
	return flush(w)
}

// hitHead is a result's first line: "outlet · title", the matches
// highlighted. The outlet is its label (the id, dimmed, when there is
// none); a title made from the text is marked "untitled: "; in a title
// search, a hit found by its text starts with "¶ ".
func hitHead(h hitJSON, mode string, p paint) string {
	a := h.article
	label, fallback := a.OutletLabel()
	outlet := p.dim(termtext.OneLine(label))
	if !fallback {
		var rs [][2]int
		if strings.HasPrefix(label, a.Outlet) {
			rs = safeRanges(a.Outlet, h.Highlights.Outlet)
		}
		outlet = p.accent(p.highlight(termtext.OneLine(label), rs))
	}
	title, dim := termtext.TitleLabel(a.Title, a.ID, a.TitleDerived)
	switch {
	case a.TitleDerived && a.Title != "":
		title = p.dim(termtext.Untitled + p.highlight(termtext.OneLine(a.Title), safeRanges(a.Title, h.Highlights.Title)))
	case dim:
		title = p.dim(title)
	default:
		title = p.bold(p.highlight(title, safeRanges(a.Title, h.Highlights.Title)))
	}
	if mode == "title" && h.FoundBy == search.FoundByText.String() {
		title = "¶ " + title
	}
	return outlet + " · " + title
}

// safeRanges returns rs when s is already one clean line (so the byte
// offsets still hold after oneLine), and no ranges otherwise.
func safeRanges(s string, rs [][2]int) [][2]int {
	if termtext.OneLine(s) != s {
		return nil
	}
	return rs
}
