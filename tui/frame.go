package tui

import (
	"strings"

	"github.com/pmureader/pmureader/internal/termtext"
)

// frame draws a view into exactly h lines of exactly w cells: its bar on
// the first line, the body under it, and its status line at the bottom.
// Body lines beyond the room are dropped, missing ones left blank, and
// every line is fitted to the width (termtext.Fit), whatever its text;
// a bar or status line too long for it ends in "…", so that what is cut
// shows as cut.
func frame(w, h int, bar string, body []string, status string) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < h; i++ {
		var l string
		switch {
		case i == h-1:
			l = termtext.Cut(status, w)
		case i == 0:
			l = termtext.Cut(bar, w)
		case i-1 < len(body):
			l = body[i-1]
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(termtext.Fit(l, w))
	}
	return b.String()
}

// footed cuts or pads lines to h-1 and puts the status line under them.
func footed(lines []string, h int, status string) []string {
	if h <= 0 {
		return nil
	}
	for len(lines) < h-1 {
		lines = append(lines, "")
	}
	return append(lines[:h-1], status)
}

// screen joins lines into exactly h lines of exactly w cells.
func screen(lines []string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		b.WriteString(termtext.Fit(l, w))
	}
	return b.String()
}
