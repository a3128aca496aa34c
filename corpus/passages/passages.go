package passages

import (
	"strings"

	"github.com/pmureader/pmureader/corpus"
)

// Kind is what part of an article a passage is.
type Kind string

// Passage kinds.
const (
	KindTitle   Kind = "title"   // the headline
	KindDek     Kind = "dek"     // the standfirst
	KindBody    Kind = "body"    // a sentence (or paragraph) of prose
	KindSubhead Kind = "subhead" // an in-body heading
)

// Unit is what a body passage is: a sentence or a whole paragraph.
type Unit int

// Passage units.
const (
	UnitSentence  Unit = iota // a sentence of a paragraph (default)
	UnitParagraph             // a whole paragraph
)

// Passage is one unit of an article that a comparison aligns: a sentence
// of a body paragraph (or a whole paragraph with UnitParagraph), the
// headline or the dek. Passages of an article are in its own order.
type Passage struct {
	// Index is this passage's position among its article's passages.
	Index int  `json:"index"`
	Kind  Kind `json:"kind"`
	// Paragraph indexes Article.Body; -1 for the title and the dek.
	Paragraph int `json:"paragraph"`
	// Start and End are the passage's byte range in the paragraph's Text
	// (or in the title / dek).
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Source is where to cite it: the paragraph's lines in its file (the
	// exact line when the paragraph spans several lines and the sentence
	// lies on one).
	Source corpus.Span `json:"source"`
}

// Ref points at one passage of one of several articles: Article indexes
// the articles (a comparison's Articles), Passage that article's passages.
type Ref struct {
	Article int `json:"article"`
	Passage int `json:"passage"`
}

// Cut cuts an article into passages: title, dek, then each body
// paragraph's sentences (or the paragraph whole). Subheads are always
// whole; blank parts give no passage. A title made from the body
// (TitleDerived) is none: its sentence is a passage of the body already,
// and a sentence cut short is no headline to align.
func Cut(a *corpus.Article, unit Unit) []Passage {
	var out []Passage
	add := func(p Passage) {
		p.Index = len(out)
		out = append(out, p)
	}
	if strings.TrimSpace(a.Title) != "" && !a.TitleDerived {
		add(Passage{Kind: KindTitle, Paragraph: -1, Start: 0, End: len(a.Title), Text: a.Title, Source: rawSpan(a, corpus.RoleTitle)})
	}
	if strings.TrimSpace(a.Dek) != "" {
		add(Passage{Kind: KindDek, Paragraph: -1, Start: 0, End: len(a.Dek), Text: a.Dek, Source: rawSpan(a, corpus.RoleDek)})
	}
	for pi, para := range a.Body {
		if strings.TrimSpace(para.Text) == "" {
			continue
		}
		if para.Subhead || unit == UnitParagraph {
			kind := KindBody
			if para.Subhead {
				kind = KindSubhead
			}
			sp := trimmed(para.Text, 0, len(para.Text))
			add(Passage{Kind: kind, Paragraph: pi, Start: sp.Start, End: sp.End, Text: para.Text[sp.Start:sp.End], Source: para.Source})
			continue
		}
		for _, s := range Sentences(para.Text) {
			add(Passage{Kind: KindBody, Paragraph: pi, Start: s.Start, End: s.End, Text: para.Text[s.Start:s.End],
				Source: subSpan(para, s.Start, s.End)})
		}
	}
	return out
}

// rawSpan finds the source line of the title or dek.
func rawSpan(a *corpus.Article, role corpus.Role) corpus.Span {
	for _, l := range a.Raw {
		if l.Role == role {
			return corpus.Span{File: a.Source.File, StartLine: l.Number, EndLine: l.Number}
		}
	}
	return corpus.Span{File: a.Source.File, StartLine: a.Source.StartLine, EndLine: a.Source.StartLine}
}

// subSpan narrows a paragraph's span to the lines a byte range covers,
// when the paragraph keeps one text line per source line.
func subSpan(p corpus.Paragraph, start, end int) corpus.Span {
	sp := p.Source
	nl := strings.Count(p.Text, "\n")
	if nl == 0 || sp.EndLine-sp.StartLine != nl {
		return sp
	}
	first := sp.StartLine + strings.Count(p.Text[:start], "\n")
	last := sp.StartLine + strings.Count(p.Text[:end], "\n")
	return corpus.Span{File: sp.File, StartLine: first, EndLine: last}
}
