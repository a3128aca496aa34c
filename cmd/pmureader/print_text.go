package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/internal/termtext"
)

// printList prints the article list: a table for people or the list JSON,
// which names each article's story after names.
func (a *app) printList(ctx context.Context, c *corpus.Corpus, asJSON bool, names storyNames) error {
	if asJSON {
		return a.writeListJSON(ctx, c, names)
	}
	w := bufio.NewWriter(a.stdout)
	writeTable(w, a.paint, a.out.width, table{rows: listRows(c.Articles, a.paint), right: map[int]bool{3: true}, capCol: 2, capWidth: maxOutletCol})
	return flush(w)
}

// maxOutletCol is the widest the list's outlet column gets on a terminal.
const maxOutletCol = 24

// listRows is the list table: a header, then one row per article. The
// outlet and the title are labelled as in every view (outletCell,
// titleCell): the id stands in for a missing outlet, dimmed, and a title
// made from the text is marked.
func listRows(arts []*corpus.Article, p paint) [][]string {
	rows := [][]string{{"ID", "DATE", "OUTLET", "WORDS", "TITLE"}}
	for _, art := range arts {
		rows = append(rows, []string{
			termtext.OneLine(art.ID), art.Date.String(), outletCell(art, p), strconv.Itoa(art.Words), titleCell(art, p),
		})
	}
	return rows
}

// outletCell is the article's outlet for a table column: the outlet
// alone ("(via X)" does not fit a column; show prints it), else the rest
// of its outlet label (corpus.Article.OutletLabel): the original outlet,
// or the id standing in for one, dimmed.
func outletCell(art *corpus.Article, p paint) string {
	if art.Outlet != "" {
		return termtext.OneLine(art.Outlet)
	}
	label, fallback := art.OutletLabel()
	if fallback {
		return p.dim(termtext.OneLine(label))
	}
	return termtext.OneLine(label)
}

// titleCell is the article's title label (termtext.TitleLabel), dimmed
// when it was made from the text or is missing.
func titleCell(art *corpus.Article, p paint) string {
	label, dim := termtext.TitleLabel(art.Title, art.ID, art.TitleDerived)
	if dim {
		return p.dim(label)
	}
	return label
}

// colGap separates table columns.
const colGap = "  "

// table is rows of cells to print in aligned columns; the first row is the
// header.
type table struct {
	rows [][]string
	// right lists the right-aligned columns (numbers).
	right map[int]bool
	// On a terminal, cells of column capCol are cut to capWidth so that the
	// last column (a title) keeps most of the width. capWidth 0: no cap.
	capCol, capWidth int
}

// writeTable prints t in aligned columns, the header bold. With width > 0
// (a terminal) the capped column is cut to its cap and every line to width,
// with "…"; with width 0 (a pipe) nothing is cut. The last column has no
// trailing padding.
func writeTable(w io.Writer, p paint, width int, t table) {
	if len(t.rows) == 0 {
		return
	}
	capped := func(i int) bool { return width > 0 && t.capWidth > 0 && i == t.capCol }
	widths := make([]int, len(t.rows[0]))
	for _, r := range t.rows {
		for i, cell := range r {
			cw := termtext.Width(cell)
			if capped(i) {
				cw = min(cw, t.capWidth)
			}
			widths[i] = max(widths[i], cw)
		}
	}
	for ri, r := range t.rows {
		var b strings.Builder
		for i, cell := range r {
			if capped(i) {
				cell = termtext.Cut(cell, t.capWidth)
			}
			pad := strings.Repeat(" ", max(widths[i]-termtext.Width(cell), 0))
			switch {
			case i == len(r)-1 && !t.right[i]:
				b.WriteString(cell)
			case t.right[i]:
				b.WriteString(pad + cell + colGap)
			default:
				b.WriteString(cell + pad + colGap)
			}
		}
		line := strings.TrimRight(b.String(), " ")
		line = termtext.Cut(line, width) // width 0: a pipe, never cut
		if ri == 0 {
			line = p.bold(line)
		}
		fmt.Fprintln(w, line)
	}
}

// printArticle prints an article for reading: header, then paragraphs
// wrapped at word boundaries to the terminal's width, or 80 when piped.
// names gives the story it is in.
func (a *app) printArticle(art *corpus.Article, names storyNames) error {
	w := bufio.NewWriter(a.stdout)
	width := a.out.wrapWidth()
	p := a.paint
	para := func(text string, style func(string) string) {
		for _, l := range termtext.WrapLines(text, width) {
			fmt.Fprintln(w, style(l))
		}
	}
	if title, dim := termtext.TitleLabel(art.Title, art.ID, art.TitleDerived); dim {
		para(title, p.dim)
	} else {
		para(title, p.bold)
	}
	if art.Dek != "" {
		para(termtext.OneLine(art.Dek), p.italic)
	}
	fmt.Fprintln(w)
	var meta []string
	if label, fallback := art.OutletLabel(); !fallback {
		meta = append(meta, termtext.OneLine(label))
	}
	if art.Author != "" {
		meta = append(meta, "by "+termtext.OneLine(art.Author))
	}
	if d := art.Date.String(); d != "" {
		meta = append(meta, d)
	}
	if len(meta) > 0 {
		para(strings.Join(meta, " · "), p.accent)
	}
	if art.OutletProfile != "" {
		para("Outlet: "+termtext.OneLine(art.OutletProfile), p.dim)
	}
	if art.Date.Note != "" {
		para("Date: "+termtext.OneLine(art.Date.Note), p.dim)
	}
	if art.URL != "" {
		// An address is never wrapped: terminals make it clickable whole.
		fmt.Fprintln(w, p.underline(termtext.OneLine(art.URL)))
	}
	if art.Event != "" {
		para("Event: "+termtext.OneLine(art.Event), p.dim)
	}
	if id, name := names.of(art); name != "" {
		story := "Story: " + termtext.OneLine(name)
		if id != "" {
			story += " (story " + termtext.OneLine(id) + ")"
		}
		para(story, p.dim)
	}
	if art.CopyOf != "" {
		para("Copy of: "+termtext.OneLine(art.CopyOf), p.dim)
	}
	para(fmt.Sprintf("Source: %s · %d words · id %s", termtext.OneLine(art.Source.String()), art.Words, termtext.OneLine(art.ID)), p.dim)
	for _, par := range art.Body {
		fmt.Fprintln(w)
		if par.Subhead {
			para("## "+par.Text, p.bold)
			continue
		}
		para(par.Text, noStyle)
	}
	return flush(w)
}

// printRaw prints the article's source lines: number, role, text. Chrome
// lines carry the rule that removed them in brackets and are dimmed on a
// terminal. Lines are not wrapped, so each output line is one source line
// (grep-able); a terminal wraps them itself.
func (a *app) printRaw(art *corpus.Article) error {
	w := bufio.NewWriter(a.stdout)
	p := a.paint
	title, _ := termtext.TitleLabel(art.Title, art.ID, art.TitleDerived)
	fmt.Fprintln(w, p.bold(fmt.Sprintf("%s  (%s)", title, termtext.OneLine(art.Source.String()))))
	for _, l := range art.Raw {
		text := strings.ReplaceAll(l.Text, "\n", " ")
		line := fmt.Sprintf("%5d  %-7s  %s", l.Number, l.Role, text)
		switch l.Role {
		case corpus.RoleChrome:
			why := l.Why
			if why == "" {
				why = "chrome"
			}
			line = p.dim(line + "  [" + termtext.OneLine(why) + "]")
		case corpus.RoleOther, corpus.RoleBlank:
			line = p.dim(line)
		case corpus.RoleTitle, corpus.RoleSubhead:
			line = p.bold(line)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	return flush(w)
}

func noStyle(s string) string { return s }

// flush writes out buffered output, naming a write failure (a closed pipe).
func flush(w *bufio.Writer) error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
