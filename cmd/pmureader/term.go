package main

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
)

// pipeWidth is the width text is wrapped to when stdout is not a terminal.
const pipeWidth = 80

// output describes where stdout goes, decided once per run: whether it is a
// terminal, how wide it is, and whether colour may be used.
type output struct {
	tty   bool
	width int // columns; 0 means unlimited (table rows are not truncated)
	color bool
}

// detectOutput looks at w: colour only on a terminal, never with --no-color,
// NO_COLOR set to anything non-empty (no-color.org) or TERM=dumb.
func detectOutput(w io.Writer, noColor bool, getenv func(string) string) output {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return output{}
	}
	o := output{tty: true, width: pipeWidth}
	if cols, _, err := term.GetSize(f.Fd()); err == nil && cols > 0 {
		o.width = cols
	} else if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
		o.width = n
	}
	o.color = !noColor && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
	return o
}

// wrapWidth is the width paragraphs are wrapped to: the terminal's, or 80
// when piped.
func (o output) wrapWidth() int {
	if o.width <= 0 {
		return pipeWidth
	}
	return o.width
}

// paint applies SGR styles when colour is on. The text it wraps is always
// already sanitised, so the only escape codes in the output are these.
type paint struct{ on bool }

func (p paint) sgr(code, s string) string {
	if !p.on || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p paint) bold(s string) string      { return p.sgr("1", s) }
func (p paint) dim(s string) string       { return p.sgr("2", s) }
func (p paint) italic(s string) string    { return p.sgr("3", s) }
func (p paint) underline(s string) string { return p.sgr("4", s) }
func (p paint) accent(s string) string    { return p.sgr("36", s) }

// highlight marks spans [start,end) (byte offsets into s, sorted, not
// overlapping) in bold; with colour off it returns s unchanged.
func (p paint) highlight(s string, spans [][2]int) string {
	if !p.on || len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		if sp[0] < last || sp[1] > len(s) || sp[0] >= sp[1] {
			continue
		}
		b.WriteString(s[last:sp[0]])
		b.WriteString(p.sgr("1;33", s[sp[0]:sp[1]]))
		last = sp[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
