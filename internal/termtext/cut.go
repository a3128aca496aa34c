package termtext

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Ellipsis ends text that was cut.
const Ellipsis = "…"

// Truncate cuts plain text to width w, ending in "…" when cut. It returns
// the shown text and how many bytes of s it kept, so that spans into s can
// be clipped to what is shown.
func Truncate(s string, w int) (shown string, kept int) {
	if w <= 0 {
		return "", 0
	}
	n, _ := prefixWidth(s, w)
	if n == len(s) {
		return s, n
	}
	n, _ = prefixWidth(s, w-1)
	return s[:n] + Ellipsis, n
}

// Pad makes plain text exactly w cells wide: cut with "…" when too wide,
// padded with spaces when too narrow.
func Pad(s string, w int) string {
	t, _ := Truncate(s, w)
	if tw := Width(t); tw < w {
		t += strings.Repeat(" ", w-tw)
	}
	return t
}

// Fit makes a (possibly styled) line exactly w cells wide: cut when too
// wide, padded with spaces when too narrow. Every line the TUI draws goes
// through Fit, which is what makes "no line wider than the terminal" hold
// for any text.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := Width(s)
	for cut := w; sw > w && cut > 0; cut -= sw - w {
		// ansi.Truncate measures graphemes only; cut until both measures fit.
		s = ansi.Truncate(s, cut, "")
		sw = Width(s)
	}
	if sw > w {
		return strings.Repeat(" ", w)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// Cut shortens a (possibly styled) line to at most w cells, ending in "…"
// when it was cut. w <= 0 means no limit: s comes back whole.
func Cut(s string, w int) string {
	if w <= 0 || Width(s) <= w {
		return s
	}
	// ansi.Truncate measures graphemes only, which is never more than
	// Width: when its cut to w is still too wide by Width, find the
	// longest cut that fits.
	if t := ansi.Truncate(s, w, Ellipsis); Width(t) <= w {
		return t
	}
	lo, hi := 0, w-1 // Truncate(s, lo) fits; the cut is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if Width(ansi.Truncate(s, mid, Ellipsis)) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return ansi.Truncate(s, lo, Ellipsis)
}
