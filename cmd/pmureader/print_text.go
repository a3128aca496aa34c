package main

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/pmureader/pmureader/corpus"
)

// printList prints the article list: a table for people or the list JSON.
func (a *app) printList(c *corpus.Corpus, asJSON bool) error {
	if asJSON {
		return a.writeListJSON(c)
	}
	w := bufio.NewWriter(a.stdout)
	writeTable(w, a.paint, a.out.width, table{rows: listRows(c.Articles), right: map[int]bool{3: true}, capCol: 2, capWidth: maxOutletCol})
	return flush(w)
}

// maxOutletCol is the widest the list's outlet column gets on a terminal.
const maxOutletCol = 24

// listRows is the list table: a header, then one row per article.
func listRows(arts []*corpus.Article) [][]string {
	rows := [][]string{{"ID", "DATE", "OUTLET", "WORDS", "TITLE"}}
	for _, art := range arts {
		outlet := art.Outlet
		if outlet == "" {
			outlet = art.Via
		}
		rows = append(rows, []string{
			oneLine(art.ID), art.Date.String(), oneLine(outlet), strconv.Itoa(art.Words), oneLine(art.Title),
		})
	}
	return rows
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
			cw := ansi.StringWidth(cell)
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
				cell = ansi.Truncate(cell, t.capWidth, "…")
			}
			pad := strings.Repeat(" ", max(widths[i]-ansi.StringWidth(cell), 0))
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
		if width > 0 {
			line = ansi.Truncate(line, width, "…")
		}
		if ri == 0 {
			line = p.bold(line)
		}
		fmt.Fprintln(w, line)
	}
}

// printArticle prints an article for reading: header, then paragraphs
// wrapped at word boundaries to the terminal's width, or 80 when piped.
func (a *app) printArticle(art *corpus.Article) error {
	w := bufio.NewWriter(a.stdout)
	width := a.out.wrapWidth()
	p := a.paint
	para := func(text string, style func(string) string) {
		for _, l := range wrap(text, width) {
			fmt.Fprintln(w, style(l))
		}
	}
	para(oneLine(art.Title), p.bold)
	if art.Dek != "" {
		para(oneLine(art.Dek), p.italic)
	}
	fmt.Fprintln(w)
	var meta []string
	if s := oneLine(art.Byline()); s != "" {
		meta = append(meta, s)
	}
	if art.Author != "" {
		meta = append(meta, "by "+oneLine(art.Author))
	}
	if d := art.Date.String(); d != "" {
		meta = append(meta, d)
	}
	if len(meta) > 0 {
		para(strings.Join(meta, " · "), p.accent)
	}
	if art.OutletProfile != "" {
		para("Outlet: "+oneLine(art.OutletProfile), p.dim)
	}
	if art.Date.Note != "" {
		para("Date: "+oneLine(art.Date.Note), p.dim)
	}
	if art.URL != "" {
		// An address is never wrapped: terminals make it clickable whole.
		fmt.Fprintln(w, p.underline(oneLine(art.URL)))
	}
	if art.Event != "" {
		para("Event: "+oneLine(art.Event), p.dim)
	}
	para(fmt.Sprintf("Source: %s · %d words · id %s", oneLine(art.Source.String()), art.Words, oneLine(art.ID)), p.dim)
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
	fmt.Fprintln(w, p.bold(fmt.Sprintf("%s  (%s)", oneLine(art.Title), oneLine(art.Source.String()))))
	for _, l := range art.Raw {
		text := strings.ReplaceAll(l.Text, "\n", " ")
		line := fmt.Sprintf("%5d  %-7s  %s", l.Number, l.Role, text)
		switch l.Role {
		case corpus.RoleChrome:
			why := l.Why
			if why == "" {
				why = "chrome"
			}
			line = p.dim(line + "  [" + oneLine(why) + "]")
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

// wrap breaks text into lines of at most width display columns, at spaces;
// a word longer than width is cut. Line breaks in text are kept.
func wrap(text string, width int) []string {
	if width < 1 {
		width = 1
	}
	var out []string
	for _, src := range strings.Split(text, "\n") {
		var line strings.Builder
		lw := 0
		for _, word := range strings.Fields(src) {
			ww := ansi.StringWidth(word)
			if lw > 0 && lw+1+ww <= width {
				line.WriteByte(' ')
				line.WriteString(word)
				lw += 1 + ww
				continue
			}
			if lw > 0 {
				out = append(out, line.String())
				line.Reset()
				lw = 0
			}
			for ww > width { // a word wider than the line: cut it
				head := ansi.Truncate(word, width, "")
				if head == "" { // one character wider than the line: it goes alone
					_, size := utf8.DecodeRuneInString(word)
					head = word[:size]
				}
				out = append(out, head)
				word = word[len(head):]
				ww = ansi.StringWidth(word)
			}
			line.WriteString(word)
			lw = ww
		}
		out = append(out, line.String())
	}
	return out
}

// flush writes out buffered output, naming a write failure (a closed pipe).
func flush(w *bufio.Writer) error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}
