package termtext

import "github.com/charmbracelet/x/ansi"

// Terminals disagree on the width of some characters: those that measure
// by grapheme cluster (and tell Bubble Tea so, mode 2027) draw a family
// emoji 👨‍👩‍👧 in 2 cells, those that measure by code point (wcwidth: tmux,
// most others) in 6; a text-presentation symbol with VS16 (☺️) goes the
// other way. So every cluster is measured by the larger of the two: a line
// that fits by that measure fits on every terminal.

// Width is the width of a line in cells, by the larger of the two
// measures, cluster by cluster. It is at least ansi.StringWidth and
// ansi.StringWidthWc, and equal to both where they agree. SGR sequences
// count nothing, so a styled line can be measured too. Printable ASCII
// counts one cell a byte without grapheme segmentation, which makes it
// several times faster than ansi.StringWidth on the lines views draw.
func Width(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < 0x20 {
			return width(s)
		}
	}
	return len(s)
}

// width is Width without the whole-string fast path.
func width(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// CSI: parameters, then one final byte in 0x40–0x7e.
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j + 1
		case c >= 0x20 && c < 0x7f && (i+1 == len(s) || s[i+1] < 0x80):
			// ASCII not followed by a combining or joining character.
			w++
			i++
		case c < 0x20 || c == 0x7f:
			// Another escape or control: let ansi measure the rest.
			rest := s[i:]
			return w + max(ansi.StringWidth(rest), ansi.StringWidthWc(rest))
		default:
			cl, cw := cluster(s[i:])
			if len(cl) == 0 {
				rest := s[i:]
				return w + max(ansi.StringWidth(rest), ansi.StringWidthWc(rest))
			}
			w += cw
			i += len(cl)
		}
	}
	return w
}

// cluster returns the first grapheme cluster of s and its width in cells,
// the larger of its grapheme width and its wcwidth.
func cluster(s string) (string, int) {
	cl, gw := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
	if len(cl) > 1 {
		if wc := ansi.StringWidthWc(cl); wc > gw {
			return cl, wc
		}
	}
	return cl, gw
}

// prefixWidth returns the byte length of the longest prefix of plain text s
// whose width is at most w, and that prefix's width. It never cuts inside a
// grapheme cluster.
func prefixWidth(s string, w int) (n, width int) {
	for n < len(s) {
		if c := s[n]; c < 0x80 && c >= 0x20 {
			// ASCII fast path: one byte, one cell.
			if width+1 > w {
				return n, width
			}
			n++
			width++
			continue
		}
		cl, cw := cluster(s[n:])
		if len(cl) == 0 {
			break
		}
		if width+cw > w {
			return n, width
		}
		n += len(cl)
		width += cw
	}
	return n, width
}
