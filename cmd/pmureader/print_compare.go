package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/compare"
	"github.com/pmureader/pmureader/corpus/differences"
	"github.com/pmureader/pmureader/corpus/passages"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/termtext"
)

// printStories prints each story as a bold name, a dim line with its id,
// dates and size, and one indented line per member article (id, outlet,
// title), cut to the terminal's width.
func (a *app) printStories(c *corpus.Corpus, stories []stories.Story) error {
	w := bufio.NewWriter(a.stdout)
	p := a.paint
	for i, s := range stories {
		if i > 0 {
			fmt.Fprintln(w)
		}
		for _, l := range termtext.WrapLines(termtext.OneLine(s.Name), a.out.wrapWidth()) {
			fmt.Fprintln(w, p.bold(l))
		}
		meta := []string{"story " + termtext.OneLine(s.ID)}
		if d := termtext.DateSpan(s.Start.String(), s.End.String()); d != "" {
			meta = append(meta, d)
		}
		meta = append(meta, fmt.Sprintf("%d %s", len(s.Articles), termtext.Plural(len(s.Articles), "article", "articles")))
		if len(s.Articles) > 1 {
			meta = append(meta, fmt.Sprintf("similarity %.2f", s.Score))
		}
		fmt.Fprintln(w, termtext.Cut(p.dim(strings.Join(meta, " · ")), a.out.width))
		rows := make([][]string, 0, len(s.Articles))
		for _, id := range s.Articles {
			art, ok := c.ByID(id)
			if !ok {
				continue
			}
			rows = append(rows, []string{"  " + termtext.OneLine(art.ID), outletCell(art, p), titleCell(art, p)})
		}
		writeTable(w, paint{}, a.out.width, table{rows: rows, capCol: 1, capWidth: maxOutletCol})
	}
	return flush(w)
}

// printComparison prints a comparison for reading: the articles numbered
// [1]..[n] (and, for part of a story, which of its articles were left
// out), the differences, the aligned rows with each article's passage,
// and what is unique to each article. Passages are wrapped under a
// hanging "[k] " label; sources are cited as (FILE:LINE). Styles are put
// on whole lines or labels, never inside text that wrap splits.
func (a *app) printComparison(cmp *compare.Comparison, pick storyPick) error {
	w := bufio.NewWriter(a.stdout)
	p := a.paint
	width := a.out.wrapWidth()
	label := func(i int) string { return fmt.Sprintf("[%d]", i+1) }
	outlet := func(i int) string {
		if s := cmp.Articles[i].Outlet; s != "" {
			return termtext.OneLine(s)
		}
		return p.dim(termtext.OneLine(cmp.Articles[i].ID)) // the outlet label's fallback
	}
	// block prints text wrapped to width under indent, the first line
	// starting with head (of the same width as indent).
	block := func(indent, head, text string, style func(string) string) {
		lines := termtext.WrapLines(text, max(width-termtext.Width(indent), 20))
		for i, l := range lines {
			prefix := indent
			if i == 0 {
				prefix = head
			}
			fmt.Fprintln(w, prefix+style(l))
		}
	}

	heading := fmt.Sprintf("Side by side: %d articles", len(cmp.Articles))
	if n := len(pick.story.Articles); len(pick.leftOut) > 0 {
		heading = fmt.Sprintf("Side by side: %d of the story's %d articles", len(cmp.Articles), n)
	}
	fmt.Fprintln(w, p.bold(heading))
	if len(pick.leftOut) > 0 {
		block("  ", "  ", "Left out: "+leftOutList(pick.leftOut)+" (--only chooses)", p.dim)
	}
	for i, art := range cmp.Articles {
		// An article without an outlet is named by its id in its place.
		meta := []string{termtext.OneLine(art.ID)}
		if by := termtext.OneLine(art.Byline); by != "" {
			meta = []string{by}
		}
		if d := art.Date.String(); d != "" {
			meta = append(meta, d)
		}
		if art.Byline != "" {
			meta = append(meta, termtext.OneLine(art.ID))
		}
		title, dim := termtext.TitleLabel(art.Title, art.ID, art.TitleDerived)
		if dim {
			title = p.dim(title)
		}
		block("    ", p.accent(label(i))+" ", title+" — "+strings.Join(meta, " · "), noStyle)
	}

	fmt.Fprintln(w)
	printDifferences(w, p, cmp.Differences, block, label)

	fmt.Fprintln(w)
	fmt.Fprintln(w, p.bold(fmt.Sprintf("Aligned passages (%d %s)", len(cmp.Rows), termtext.Plural(len(cmp.Rows), "row", "rows"))))
	for ri, r := range cmp.Rows {
		head := fmt.Sprintf("Row %d · similarity %.2f", ri+1, r.Score)
		if r.Weak {
			head += " · weak" // may tell related things rather than one
		}
		if sh := sharedSummary(r.Shared); sh != "" {
			head += " · shared: " + sh
		}
		fmt.Fprintln(w)
		block("  ", "  ", head, p.dim)
		for _, ref := range r.Passages {
			ps, ok := cmp.Passage(ref)
			if !ok {
				continue
			}
			block("        ", "    "+p.accent(label(ref.Article))+" ", ps.Text+" ("+termtext.OneLine(ps.Source.String())+")", noStyle)
		}
	}

	for i := range cmp.Articles {
		var refs []passages.Ref
		for _, u := range cmp.Unique {
			if u.Article == i {
				refs = append(refs, u)
			}
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, p.bold(fmt.Sprintf("Only in %s %s (%d)", label(i), outlet(i), len(refs))))
		for _, ref := range refs {
			ps, ok := cmp.Passage(ref)
			if !ok {
				continue
			}
			block("    ", "  • ", ps.Text+" ("+termtext.OneLine(ps.Source.String())+")", noStyle)
		}
	}
	return flush(w)
}

// leftOutList names articles by id and outlet.
func leftOutList(arts []*corpus.Article) string {
	names := make([]string, len(arts))
	for i, art := range arts {
		names[i] = termtext.OneLine(art.ID)
		if label, fallback := art.OutletLabel(); !fallback {
			names[i] += " (" + termtext.OneLine(label) + ")"
		}
	}
	return strings.Join(names, ", ")
}

// sharedSummary renders what a row's passages share, entities and numbers
// first, at most six items.
func sharedSummary(s compare.Shared) string {
	items := append(append(append([]string(nil), s.Entities...), s.Numbers...), s.Words...)
	if len(items) > 6 {
		items = items[:6]
	}
	for i := range items {
		items[i] = termtext.OneLine(items[i])
	}
	return strings.Join(items, ", ")
}

// printDifferences prints the differences by section: the facts (what is
// counted, how the figures relate, then every article's figure under its
// [k] label), then credits and labels as their summaries.
func printDifferences(w *bufio.Writer, p paint, ds []differences.Difference, block func(indent, head, text string, style func(string) string), label func(int) string) {
	fmt.Fprintln(w, p.bold(fmt.Sprintf("Differences (%d)", len(ds))))
	if len(ds) == 0 {
		fmt.Fprintln(w, "  none found")
	}
	for _, sec := range differenceSections {
		var in []differences.Difference
		for _, d := range ds {
			if sec.holds(d) {
				in = append(in, d)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintln(w, "  "+p.dim(fmt.Sprintf("%s (%d)", sec.title, len(in))))
		for _, d := range in {
			if d.Kind != differences.KindNumber {
				block("    ", "  • ", termtext.OneLine(d.Summary), noStyle)
				continue
			}
			block("    ", "  • ", termtext.OneLine(d.Topic)+" — "+termtext.OneLine(relationOf(d)), noStyle)
			for _, it := range d.Items {
				block("          ", "      "+p.accent(label(it.Article))+" ", termtext.OneLine(it.Text)+" — "+termtext.OneLine(it.Outlet), noStyle)
			}
		}
	}
}

// differenceSections are the kinds of difference the text output lists,
// in order: conflicts first, then figures that differ in precision only,
// then those stated alike, credits and labels.
var differenceSections = []struct {
	title string
	holds func(differences.Difference) bool
}{
	{"Figures that conflict", factOf("conflict")},
	{"Figures that differ in precision only", factOf("compatible")},
	{"Figures every account states alike", factOf("same")},
	{"Who each account credits", kindOf(differences.KindAttribution)},
	{"What each outlet calls the actors", kindOf(differences.KindLabel)},
}

func factOf(relation string) func(differences.Difference) bool {
	return func(d differences.Difference) bool { return d.Kind == differences.KindNumber && d.Relation == relation }
}

func kindOf(k differences.Kind) func(differences.Difference) bool {
	return func(d differences.Difference) bool { return d.Kind == k }
}

// relationOf is what a fact's summary says of its relation: "conflict: no
// value fits every account".
func relationOf(d differences.Difference) string {
	if at := strings.LastIndex(d.Summary, " — "); at >= 0 {
		return d.Summary[at+len(" — "):]
	}
	return d.Relation
}
