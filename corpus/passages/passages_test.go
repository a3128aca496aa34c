package passages

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/pmureader/pmureader/corpus"
)

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ", nil},
		{"One. Two.", []string{"One.", "Two."}},
		{"Killed 27. Many were hurt!", []string{"Killed 27.", "Many were hurt!"}},
		// A numeral opens no sentence (news style spells it out), except
		// a year.
		{"The Jays shot 46. 8 percent for the game.", []string{"The Jays shot 46. 8 percent for the game."}},
		{"It was 1999. 2000 came.", []string{"It was 1999.", "2000 came."}},
		{"Rates fell in 2019. 20000 lost jobs.", []string{"Rates fell in 2019. 20000 lost jobs."}},
		// A single lower-case letter is no sentence's end.
		{"He had a. 38 revolver at 3: 30 p. m. Saturday.", []string{"He had a. 38 revolver at 3: 30 p. m. Saturday."}},
		// A straight quote with a space after it closes; a stray quote at
		// the end stays with its sentence.
		{`"Did you feel it? " site, asked. "Yes."`, []string{`"Did you feel it? " site, asked.`, `"Yes."`}},
		{`We take it very seriously. "`, []string{`We take it very seriously. "`}},
		{`He said "stop. " Then he left.`, []string{`He said "stop. "`, "Then he left."}},
		{"Dr. Smith met U.S. envoys. They left.", []string{"Dr. Smith met U.S. envoys.", "They left."}},
		{"J. Smith said so. Then he left.", []string{"J. Smith said so.", "Then he left."}},
		{"He said “stop.” Then he left.", []string{"He said “stop.”", "Then he left."}},
		{"Is it? yes it is.", []string{"Is it? yes it is."}}, // lower case after: no break
		{"Wait... What?", []string{"Wait...", "What?"}},
		{"It ended… Then", []string{"It ended…", "Then"}},
		{"Sources said. (Reuters) More.", []string{"Sources said.", "(Reuters) More."}},
		{"A line.\nNext line.", []string{"A line.", "Next line."}},
		{" padded. ", []string{"padded."}},
		{"No stop at all", []string{"No stop at all"}},
		{"Ends with a stop.", []string{"Ends with a stop."}},
	} {
		var got []string
		for _, sp := range Sentences(tc.in) {
			got = append(got, tc.in[sp.Start:sp.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsAbbreviation(t *testing.T) {
	for text, want := range map[string]bool{
		"met Dr": true, "the U.S": true, "(Gen": true, "J": true, "said A": true,
		"Iraq": false, "the end": false, "": false, "a": true, "p": true, "(Mr": true, "Dep": true,
	} {
		if got := isAbbreviation(text); got != want {
			t.Errorf("isAbbreviation(%q) = %v", text, got)
		}
	}
}

func TestCut(t *testing.T) {
	a := &corpus.Article{
		Title: "Flood hits Marlow", Dek: "Hundreds leave",
		Source: corpus.Span{File: "f.txt", StartLine: 1, EndLine: 9},
		Raw:    []corpus.Line{{Number: 1, Role: corpus.RoleTitle}, {Number: 2, Role: corpus.RoleDek}},
		Body: []corpus.Paragraph{
			{Text: "Rain fell. Rivers rose.", Source: corpus.Span{File: "f.txt", StartLine: 4, EndLine: 4}},
			{Text: "   ", Source: corpus.Span{File: "f.txt", StartLine: 5, EndLine: 5}},
			{Text: "Help arrives", Subhead: true, Source: corpus.Span{File: "f.txt", StartLine: 6, EndLine: 6}},
			{Text: "First line.\nSecond line.", Source: corpus.Span{File: "f.txt", StartLine: 7, EndLine: 8}},
		},
	}
	type want struct {
		kind               Kind
		para, start, end   int
		text               string
		startLine, endLine int
	}
	for _, tc := range []struct {
		unit Unit
		want []want
	}{
		{UnitSentence, []want{
			{KindTitle, -1, 0, 17, "Flood hits Marlow", 1, 1},
			{KindDek, -1, 0, 14, "Hundreds leave", 2, 2},
			{KindBody, 0, 0, 10, "Rain fell.", 4, 4},
			{KindBody, 0, 11, 23, "Rivers rose.", 4, 4},
			{KindSubhead, 2, 0, 12, "Help arrives", 6, 6},
			{KindBody, 3, 0, 11, "First line.", 7, 7}, // one text line per source line: the exact line
			{KindBody, 3, 12, 24, "Second line.", 8, 8},
		}},
		{UnitParagraph, []want{
			{KindTitle, -1, 0, 17, "Flood hits Marlow", 1, 1},
			{KindDek, -1, 0, 14, "Hundreds leave", 2, 2},
			{KindBody, 0, 0, 23, "Rain fell. Rivers rose.", 4, 4},
			{KindSubhead, 2, 0, 12, "Help arrives", 6, 6},
			{KindBody, 3, 0, 24, "First line.\nSecond line.", 7, 8},
		}},
	} {
		got := Cut(a, tc.unit)
		if len(got) != len(tc.want) {
			t.Fatalf("unit %d: %d passages %+v, want %d", tc.unit, len(got), got, len(tc.want))
		}
		for i, w := range tc.want {
			p := got[i]
			if p.Index != i || p.Kind != w.kind || p.Paragraph != w.para || p.Start != w.start || p.End != w.end ||
				p.Text != w.text || p.Source.File != "f.txt" || p.Source.StartLine != w.startLine || p.Source.EndLine != w.endLine {
				t.Errorf("unit %d passage %d = %+v, want %+v", tc.unit, i, p, w)
			}
		}
	}
}

// A title with no line of its own in the source is cited at the
// article's first line; blank titles and deks give no passage.
func TestCutWithoutRawLines(t *testing.T) {
	a := &corpus.Article{Title: "Headline", Dek: " ", Source: corpus.Span{File: "g.md", StartLine: 3, EndLine: 20}}
	got := Cut(a, UnitSentence)
	if len(got) != 1 || got[0].Kind != KindTitle || got[0].Source != (corpus.Span{File: "g.md", StartLine: 3, EndLine: 3}) {
		t.Errorf("Cut = %+v", got)
	}
}

// A title made from the first sentence of the body (TitleDerived) is no
// passage: the sentence is aligned once, as the body's, and the dek and
// body keep their places.
func TestCutDerivedTitle(t *testing.T) {
	body := []corpus.Paragraph{{Text: "Rain fell on Marlow for a week. Rivers rose."}}
	derived := &corpus.Article{Title: "Rain fell on Marlow for a week", TitleDerived: true, Dek: "Hundreds leave", Body: body}
	got := Cut(derived, UnitSentence)
	var texts []string
	for i, p := range got {
		if p.Index != i || p.Kind == KindTitle {
			t.Errorf("passage %d = %+v", i, p)
		}
		texts = append(texts, p.Text)
	}
	if want := []string{"Hundreds leave", "Rain fell on Marlow for a week.", "Rivers rose."}; !slices.Equal(texts, want) {
		t.Errorf("derived title: passages %q, want %q", texts, want)
	}
	// The same article with a headline of its own keeps it.
	own := *derived
	own.TitleDerived = false
	if got := Cut(&own, UnitSentence); len(got) != 4 || got[0].Kind != KindTitle {
		t.Errorf("own title: %+v", got)
	}
	// A derived title and nothing else: no passages at all.
	if got := Cut(&corpus.Article{Title: "Only this", TitleDerived: true}, UnitSentence); len(got) != 0 {
		t.Errorf("derived title alone: %+v", got)
	}
}

// A typed Kind marshals as the plain string it always was.
func TestKindJSON(t *testing.T) {
	b, err := json.Marshal(Passage{Kind: KindSubhead})
	if err != nil || string(b) != `{"index":0,"kind":"subhead","paragraph":0,"start":0,"end":0,"text":"","source":{"file":"","start_line":0,"end_line":0}}` {
		t.Errorf("json %s %v", b, err)
	}
}

// Issue 12 item 5: a title made from the body (TitleDerived) is no
// passage: the sentence it was made from is one already, and a cut-off
// sentence is no headline to align.
func TestCutLeavesOutDerivedTitles(t *testing.T) {
	a := &corpus.Article{ID: "x", Title: "Floods forced 2,000 residents to …", TitleDerived: true,
		Body: []corpus.Paragraph{{Text: "Floods forced 2,000 residents to leave their homes on Friday. Roads were cut."}}}
	ps := Cut(a, UnitSentence)
	var texts []string
	for _, p := range ps {
		if p.Kind == KindTitle {
			t.Errorf("a derived title is a passage: %+v", p)
		}
		texts = append(texts, p.Text)
	}
	if len(ps) != 2 || ps[0].Index != 0 {
		t.Errorf("passages %q", texts)
	}
	a.TitleDerived = false
	if ps := Cut(a, UnitSentence); len(ps) != 3 || ps[0].Kind != KindTitle {
		t.Errorf("a real title is no passage: %+v", ps)
	}
}
