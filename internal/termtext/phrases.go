package termtext

import (
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// OneLine makes a string safe for a single terminal line: control
// characters shown in caret notation and line breaks and tabs made spaces
// (textnorm.Line). Text that is already safe, with no line break or tab,
// comes back as it is, neither re-decoded nor re-spaced, so byte offsets
// into it (search highlights) still hold.
func OneLine(s string) string {
	if textnorm.Safe(s) && strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return textnorm.Line(s)
}

// Block is OneLine for multi-line text: control characters are shown,
// never obeyed, and line breaks survive.
func Block(s string) string {
	if textnorm.Safe(s) && strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return textnorm.Sanitize(s)
}

// Plural picks the word for n things: one when n is 1, else many.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// DateSpan writes a span of dates, each already formatted: "2019-12-29 –
// 2020-01-02", one date when both are the same or one is missing, "" when
// neither is known.
func DateSpan(first, last string) string {
	switch {
	case first == "" && last == "":
		return ""
	case first == last || last == "":
		return first
	case first == "":
		return last
	}
	return first + " – " + last
}

// Untitled marks a title that was made from the article's text because the
// source had none (corpus.Article.TitleDerived).
const Untitled = "untitled: "

// TitleLabel is how every view and printer shows an article's title, on
// one line: the title as it is; Untitled and the title when it was made
// from the text (derived); "no title (ID)" when there is none. dim is
// true for the last two, which are shown dimmed where there is styling.
func TitleLabel(title, id string, derived bool) (label string, dim bool) {
	switch {
	case title == "":
		return "no title (" + OneLine(id) + ")", true
	case derived:
		return Untitled + OneLine(title), true
	}
	return OneLine(title), false
}
