package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// paragraphs turns the body and subhead blocks into paragraphs.
func paragraphs(file string, bs []*block, lineNo func(int) int) []article.Paragraph {
	n := 0
	for _, b := range bs {
		if b.role == article.RoleBody || b.role == article.RoleSubhead {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]article.Paragraph, 0, n)
	for _, b := range bs {
		if b.role != article.RoleBody && b.role != article.RoleSubhead {
			continue
		}
		text := b.text
		if b.bullet && !b.lead {
			// A bullet with nothing after it stays as the bare marker, so
			// that no paragraph ends in a space.
			text = strings.TrimSpace(strings.TrimSpace(b.marker) + " " + text)
		}
		out = append(out, article.Paragraph{
			Text:    text,
			Subhead: b.role == article.RoleSubhead,
			Source:  article.Span{File: file, StartLine: lineNo(b.first), EndLine: lineNo(b.last)},
		})
	}
	return out
}

// rawLines lists lines[from..to] with the roles of their blocks.
func rawLines(lines []string, from, to int, bs []*block, lineNo func(int) int) []article.Line {
	out := make([]article.Line, 0, to-from+1)
	k := 0
	for i := from; i <= to; i++ {
		for k < len(bs) && bs[k].last < i {
			k++
		}
		l := article.Line{Number: lineNo(i), Text: lines[i], Role: article.RoleBlank}
		if k < len(bs) && bs[k].first <= i && !isBlank(lines[i]) {
			l.Role = bs[k].role
			if l.Role == article.RoleChrome {
				l.Why = string(bs[k].why)
			}
		}
		out = append(out, l)
	}
	return out
}

// titleMaxRunes is how long a title made from a first sentence may be.
const titleMaxRunes = 90

// DateLine returns the text of the first line cleaning took for a date
// stamp ("March 15, 2024", "Posted Nov 14th 2007 12:41PM", marked chrome
// "date line") among raw, an article's raw lines, before its last body
// line: above the headline, under it, or a publication stamp inside the
// body. A bare date inside the body is a timeline entry and no date line,
// and dates after the body (comments, related stories) are not the
// article's. ok is false when there is none.
func DateLine(raw []article.Line) (text string, ok bool) {
	last := -1
	for i, l := range raw {
		if l.Role == article.RoleBody {
			last = i
		}
	}
	for i := 0; i < last; i++ {
		if l := raw[i]; l.Role == article.RoleChrome && l.Why == string(whyDate) {
			return l.Text, true
		}
	}
	return "", false
}

// DeriveTitle gives an article without a title one made from its body
// (TitleFromBody), or, when the body has no paragraph of text, fallback
// (its id or file name), and marks it TitleDerived so that views show it
// as such and alignment leaves it out: the passage it was made from is in
// the body already. An article with a title is left as it is. It is the
// one rule for every format and source (plain text, Markdown, JSON,
// Elasticsearch).
func DeriveTitle(a *article.Article, fallback string) {
	if a.Title != "" {
		return
	}
	a.Title = TitleFromBody(a.Body)
	if a.Title == "" {
		a.Title = fallback
	}
	a.TitleDerived = true
}

// TitleFromBody makes a title for an item without a headline from the
// first sentence of its first paragraph that is not a subhead, without a
// list marker, shortened at a word boundary (and not after a dangling
// "the", "of", …) with an ellipsis. It is "" when the body has no text.
func TitleFromBody(body []article.Paragraph) string {
	for _, p := range body {
		if p.Subhead {
			continue
		}
		if t := shortTitle(strings.TrimSpace(trimListMarker(p.Text))); t != "" {
			return t
		}
	}
	return ""
}

// trimListMarker drops the bullet that opens a list item ("• ", "- ").
func trimListMarker(s string) string {
	if r, size := utf8.DecodeRuneInString(s); size > 0 && strings.ContainsRune(bullets, r) {
		return strings.TrimLeft(s[size:], " ")
	}
	if strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "+ ") {
		return strings.TrimLeft(s[2:], " ")
	}
	return s
}

func shortTitle(s string) string {
	if e := firstSentenceEnd(s); e > 0 {
		s = s[:e]
	}
	s = strings.TrimRight(s, ". ")
	if utf8.RuneCountInString(s) <= titleMaxRunes {
		return s
	}
	cut := 0
	n := 0
	for i := range s {
		if n == titleMaxRunes {
			break
		}
		if s[i] == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		// one long word: cut at a rune boundary
		cut = len(s)
		n = 0
		for i := range s {
			if n == titleMaxRunes {
				cut = i
				break
			}
			n++
		}
		return s[:cut] + "…"
	}
	words := strings.Fields(s[:cut])
	for len(words) > 1 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ",;:-–—"))
		if !danglingWords[w] && !strings.HasSuffix(words[len(words)-1], ",") {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.TrimRight(strings.Join(words, " "), ",;:-–—") + "…"
}

// danglingWords are not left at the end of a shortened title.
var danglingWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "to": true,
	"for": true, "and": true, "or": true, "but": true, "with": true, "by": true, "at": true,
	"from": true, "as": true, "that": true, "which": true, "who": true, "is": true, "are": true,
	"was": true, "were": true, "will": true, "its": true, "their": true, "his": true,
	"her": true, "into": true, "than": true, "be": true, "has": true, "have": true, "": true,
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"st": true, "jr": true, "sr": true, "vs": true, "no": true, "inc": true, "corp": true,
	"co": true, "ltd": true, "jan": true, "feb": true, "aug": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "maj": true, "adm": true, "brig": true, "pres": true,
}

// firstSentenceEnd returns the byte offset just after the first sentence of
// s (after its final punctuation and closing quotes), or -1 when s holds a
// single sentence. A full stop after an abbreviation or an initial ("U.S.",
// "Mr.", "J.") does not end a sentence.
func firstSentenceEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		size := 1
		if c != '.' && c != '!' && c != '?' {
			if c == 0xE2 && strings.HasPrefix(s[i:], "…") {
				size = len("…")
			} else {
				continue
			}
		}
		j := i + size
		for j < len(s) {
			r, sz := utf8.DecodeRuneInString(s[j:])
			if r != '”' && r != '’' && r != '"' && r != '\'' && r != ')' {
				break
			}
			j += sz
		}
		if j >= len(s) {
			return -1
		}
		if s[j] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '“' && r != '‘' && r != '"' {
			continue
		}
		if c == '.' {
			w := s[:i]
			if k := strings.LastIndexByte(w, ' '); k >= 0 {
				w = w[k+1:]
			}
			w = strings.TrimLeft(w, "(“‘\"'")
			if utf8.RuneCountInString(w) <= 1 || strings.Contains(w, ".") || abbreviations[strings.ToLower(w)] {
				continue
			}
		}
		return j
	}
	return -1
}
