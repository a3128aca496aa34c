// Package termtext is the text plumbing of pmureader's two terminal
// front ends, the TUI (tui) and the command's printers (cmd/pmureader):
// how wide a line is on a terminal, where plain text wraps, and how a line
// is cut or padded to a width.
//
// It owns one measure of width: text is measured grapheme cluster by
// grapheme cluster, each cluster by the larger of its grapheme width and
// its wcwidth (see Width), because terminals disagree and a line that fits
// by the larger measure fits on every one. Wrapping, cutting and padding
// all use it, so a wrapped line is never wider than its width by another
// function's count. It also makes untrusted text safe for one line
// (OneLine, Block: corpus/textnorm's rules, applied only where needed) and
// writes the small phrases both front ends print (Plural, DateSpan).
//
// It must not import Bubble Tea, Bubbles, Lip Gloss, the tui or cmd
// packages, or any corpus package but corpus/textnorm: it holds no styles
// and no state, and knows nothing of articles.
package termtext
