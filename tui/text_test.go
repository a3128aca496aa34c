package tui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func lines(s string, sps []span) []string {
	out := make([]string, len(sps))
	for i, sp := range sps {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func TestWrapBreaksAtSpaces(t *testing.T) {
	s := "The quick brown fox jumps over the lazy dog"
	got := lines(s, wrapSpans(s, 10))
	want := []string{"The quick", "brown fox", "jumps over", "the lazy", "dog"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestWrapHardBreaksLongWords(t *testing.T) {
	s := "a " + strings.Repeat("x", 25) + " b"
	got := lines(s, wrapSpans(s, 10))
	want := []string{"a", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestWrapKeepsNewlinesAndEmptyLines(t *testing.T) {
	s := "one\n\ntwo three"
	got := lines(s, wrapSpans(s, 20))
	want := []string{"one", "", "two three"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := wrapSpans("", 5); len(got) != 1 {
		t.Fatalf("empty text: %d lines, want 1", len(got))
	}
}

// Display widths, not bytes or runes, decide where lines break: CJK is two
// cells a character, combining marks none, and no grapheme is split.
func TestWrapUsesDisplayWidth(t *testing.T) {
	for _, s := range []string{
		"漢字漢字漢字漢字漢字漢字漢字漢字",
		"e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301",
		strings.Repeat("👨‍👩‍👧‍👦", 9),
		"Kata’ib Hezbollah’s “response” — café résumé naïve " + strings.Repeat("é", 40),
		"שלום עולם مرحبا بالعالم שלום עולם مرحبا بالعالم",
	} {
		for w := 1; w <= 17; w++ {
			sps := wrapSpans(s, w)
			var rebuilt []string
			for _, l := range lines(s, sps) {
				if !utf8.ValidString(l) {
					t.Fatalf("w=%d: line cut inside a character: %q", w, l)
				}
				if lw := ansi.StringWidth(l); lw > max(w, 2) {
					t.Fatalf("w=%d: line %q is %d cells", w, l, lw)
				}
				rebuilt = append(rebuilt, l)
			}
			// Nothing but spaces is lost.
			if strings.ReplaceAll(strings.Join(rebuilt, ""), " ", "") != strings.ReplaceAll(s, " ", "") {
				t.Fatalf("w=%d: text changed: %q", w, rebuilt)
			}
		}
	}
}

func TestCJKWrapsByCells(t *testing.T) {
	s := "漢字漢字漢字"
	got := lines(s, wrapSpans(s, 4))
	if len(got) != 3 || got[0] != "漢字" {
		t.Fatalf("got %q, want three lines of two characters", got)
	}
}

func TestTruncPlain(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"hello", 10, "hello"},
		{"hello world", 6, "hello…"},
		{"Kata’ib", 5, "Kata…"},
		{"漢字漢字", 5, "漢字…"},
		{"漢字漢字", 4, "漢…"},
		{"abc", 0, ""},
		{"abc", 1, "…"},
	} {
		got, kept := truncPlain(tc.in, tc.w)
		if got != tc.want {
			t.Errorf("truncPlain(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
		if !strings.HasPrefix(tc.in, strings.TrimSuffix(got, "…")) || kept != len(strings.TrimSuffix(got, "…")) {
			t.Errorf("truncPlain(%q, %d): kept %d bytes for %q", tc.in, tc.w, kept, got)
		}
	}
}

func TestFitExactWidth(t *testing.T) {
	st := lipgloss.NewStyle().Bold(true)
	for _, s := range []string{"", "abc", st.Render("styled text here"), "漢字漢字漢字", strings.Repeat("x", 500)} {
		for w := 1; w < 30; w++ {
			if got := ansi.StringWidth(fit(s, w)); got != w {
				t.Fatalf("fit(%q, %d) is %d wide", s, w, got)
			}
		}
	}
	if fit("abc", 0) != "" {
		t.Fatal("fit to 0 must be empty")
	}
}

// Highlights are byte ranges into the original: with ’ (3 bytes) and é (2
// bytes) before and inside the match, exactly the matched characters must
// be styled, never half a character and never the neighbours.
func TestHighlightMultiByte(t *testing.T) {
	base := lipgloss.NewStyle()
	hl := lipgloss.NewStyle().Underline(true)
	s := "Shi’ite café Kata’ib"
	start := strings.Index(s, "Kata’ib")
	out := highlight(s, []span{{start, start + len("Kata’ib")}}, base, hl)
	if ansi.Strip(out) != s {
		t.Fatalf("text changed: %q", ansi.Strip(out))
	}
	want := compile(hl).Render("Kata’ib")
	if !strings.Contains(out, want) {
		t.Fatalf("highlight %q does not contain %q", out, want)
	}
	// A span that starts inside a multi-byte character is widened to it.
	e := strings.Index(s, "é")
	out = highlight(s, []span{{e + 1, e + 2}}, base, hl)
	if !strings.Contains(out, compile(hl).Render("é")) || !utf8.ValidString(ansi.Strip(out)) {
		t.Fatalf("mid-character span: %q", out)
	}
	// Out-of-range and overlapping spans are clipped and merged.
	out = highlight("abc", []span{{-5, 2}, {1, 99}}, base, hl)
	if ansi.Strip(out) != "abc" || !strings.Contains(out, compile(hl).Render("abc")) {
		t.Fatalf("clipping: %q", out)
	}
}

func TestCellClipsSpansToShownText(t *testing.T) {
	base := lipgloss.NewStyle()
	hl := lipgloss.NewStyle().Bold(true)
	s := "Réponse à l’attaque américaine"
	a := strings.Index(s, "américaine")
	out := cell(s, []span{{0, len("Réponse")}, {a, a + len("américaine")}}, 12, base, hl)
	if got := ansi.Strip(out); got != "Réponse à l…" {
		t.Fatalf("cell = %q", got)
	}
	if ansi.StringWidth(out) != 12 || !strings.Contains(out, compile(hl).Render("Réponse")) {
		t.Fatalf("cell %q", out)
	}
}

// displayWidth is at least both terminal measures, and equals them where
// they agree.
func TestDisplayWidthMatchesAnsi(t *testing.T) {
	st := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#ff0000"))
	for _, s := range []string{
		"", "plain ascii", "Kata’ib café", "e\u0301e\u0301", "#\ufe0f keycap", "漢字 mixed ascii",
		"👨‍👩‍👧‍👦 family", "a\u200db", "שלום", "☺\ufe0f smile", "👍🏽 skin", st.Render("styled Kata’ib") + " tail " + st.Render("漢"),
		compile(st).Render("x") + "\x1b]8;;http://x\x07link\x1b]8;;\x07", "1\u20e3", "🇫🇷 flag",
	} {
		g, wc := ansi.StringWidth(s), ansi.StringWidthWc(s)
		got := displayWidth(s)
		if got < g || got < wc || (g == wc && got != g) {
			t.Errorf("displayWidth(%q) = %d; ansi.StringWidth %d, StringWidthWc %d", s, got, g, wc)
		}
	}
}
