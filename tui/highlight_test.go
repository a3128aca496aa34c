package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Highlights are byte ranges into the original: with ’ (3 bytes) and é (2
// bytes) before and inside the match, exactly the matched characters must
// be styled, never half a character and never the neighbours.
func TestHighlightMultiByte(t *testing.T) {
	base := compile(lipgloss.NewStyle())
	hl := compile(lipgloss.NewStyle().Underline(true))
	s := "Shi’ite café Kata’ib"
	start := strings.Index(s, "Kata’ib")
	out := highlight(s, []span{{start, start + len("Kata’ib")}}, base, hl)
	if ansi.Strip(out) != s {
		t.Fatalf("text changed: %q", ansi.Strip(out))
	}
	want := hl.Render("Kata’ib")
	if !strings.Contains(out, want) {
		t.Fatalf("highlight %q does not contain %q", out, want)
	}
	// A span that starts inside a multi-byte character is widened to it.
	e := strings.Index(s, "é")
	out = highlight(s, []span{{e + 1, e + 2}}, base, hl)
	if !strings.Contains(out, hl.Render("é")) || !utf8.ValidString(ansi.Strip(out)) {
		t.Fatalf("mid-character span: %q", out)
	}
	// Out-of-range and overlapping spans are clipped and merged.
	out = highlight("abc", []span{{-5, 2}, {1, 99}}, base, hl)
	if ansi.Strip(out) != "abc" || !strings.Contains(out, hl.Render("abc")) {
		t.Fatalf("clipping: %q", out)
	}
}

func TestCellClipsSpansToShownText(t *testing.T) {
	base := compile(lipgloss.NewStyle())
	hl := compile(lipgloss.NewStyle().Bold(true))
	s := "Réponse à l’attaque américaine"
	a := strings.Index(s, "américaine")
	out := cell(s, []span{{0, len("Réponse")}, {a, a + len("américaine")}}, 12, base, hl)
	if got := ansi.Strip(out); got != "Réponse à l…" {
		t.Fatalf("cell = %q", got)
	}
	if ansi.StringWidth(out) != 12 || !strings.Contains(out, hl.Render("Réponse")) {
		t.Fatalf("cell %q", out)
	}
}
