package tui

import (
	"strings"

	"github.com/pmureader/pmureader/internal/termtext"
)

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
