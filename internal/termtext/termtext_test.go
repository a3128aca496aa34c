package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// sgr wraps s in a bold red SGR sequence, as a styled line would hold it.
func sgr(s string) string { return "\x1b[1;38;2;255;0;0m" + s + "\x1b[m" }

func lines(s string, sps []Span) []string {
	out := make([]string, len(sps))
	for i, sp := range sps {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func TestWrapBreaksAtSpaces(t *testing.T) {
	s := "The quick brown fox jumps over the lazy dog"
	got := lines(s, Wrap(s, 10))
	want := []string{"The quick", "brown fox", "jumps over", "the lazy", "dog"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestWrapHardBreaksLongWords(t *testing.T) {
	s := "a " + strings.Repeat("x", 25) + " b"
	got := lines(s, Wrap(s, 10))
	want := []string{"a", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestWrapKeepsNewlinesAndEmptyLines(t *testing.T) {
	s := "one\n\ntwo three"
	got := lines(s, Wrap(s, 20))
	want := []string{"one", "", "two three"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
	if got := Wrap("", 5); len(got) != 1 {
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
			sps := Wrap(s, w)
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
	got := lines(s, Wrap(s, 4))
	if len(got) != 3 || got[0] != "漢字" {
		t.Fatalf("got %q, want three lines of two characters", got)
	}
}

// WrapLines (what the command prints) keeps every word, cuts only words
// wider than the line, keeps line breaks, and never leaves a line wider
// than the width or with spaces at its ends.
func TestWrapLines(t *testing.T) {
	text := "The quick brown fox jumps over the lazy dog. Supercalifragilisticexpialidocious words are cut; Kata’ib Ḥizb Allāh and 日本語のテキスト too."
	for _, width := range []int{1, 5, 10, 17, 40, 80, 200} {
		lines := WrapLines(text, width)
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > width && (width >= 2 || w != 2) {
				t.Errorf("width %d: line %q is %d wide", width, l, w)
			}
			if l != strings.TrimSpace(l) {
				t.Errorf("width %d: line %q has edge spaces", width, l)
			}
		}
		// Nothing is lost: the text without spaces is the same.
		join := strings.Join(lines, "")
		if strings.ReplaceAll(join, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Errorf("width %d: wrapping changed the text: %q", width, join)
		}
	}
	// Words are not cut when they fit: at width 40 every word survives whole.
	for _, l := range WrapLines(text, 40) {
		for _, w := range strings.Fields(l) {
			if !strings.Contains(text, w) {
				t.Errorf("word %q is not a word of the text", w)
			}
		}
	}
	if got := WrapLines("one\ntwo three", 80); len(got) != 2 || got[1] != "two three" {
		t.Errorf("line breaks not kept: %q", got)
	}
	if got := WrapLines("two  spaces   here", 80); len(got) != 1 || got[0] != "two spaces here" {
		t.Errorf("runs of spaces: %q, want one line with single spaces", got)
	}
}

// A family emoji is 2 cells to terminals that measure graphemes and 8 to
// those that count code points: wrapped lines fit both.
func TestWrapLinesFitsBothMeasures(t *testing.T) {
	text := strings.Repeat("famille 👨‍👩‍👧‍👦 ", 12)
	for _, width := range []int{8, 10, 20, 33} {
		for _, l := range WrapLines(text, width) {
			if g, wc := ansi.StringWidth(l), ansi.StringWidthWc(l); g > width || wc > width {
				t.Errorf("width %d: line %q is %d cells by graphemes, %d by wcwidth", width, l, g, wc)
			}
		}
	}
}

func TestTruncate(t *testing.T) {
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
		got, kept := Truncate(tc.in, tc.w)
		if got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
		if !strings.HasPrefix(tc.in, strings.TrimSuffix(got, "…")) || kept != len(strings.TrimSuffix(got, "…")) {
			t.Errorf("Truncate(%q, %d): kept %d bytes for %q", tc.in, tc.w, kept, got)
		}
	}
}

func TestPad(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"ab", 4, "ab  "},
		{"abcdef", 4, "abc…"},
		{"漢字", 5, "漢字 "},
		{"漢字漢字", 5, "漢字…"},
		{"x", 0, ""},
	} {
		if got := Pad(tc.in, tc.w); got != tc.want {
			t.Errorf("Pad(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
	// A cluster terminals disagree on is padded by the larger measure.
	if got := Pad("👨‍👩‍👧", 10); ansi.StringWidthWc(got) != 10 || ansi.StringWidth(got) > 10 {
		t.Errorf("Pad of a family emoji: %q", got)
	}
}

func TestFitExactWidth(t *testing.T) {
	for _, s := range []string{"", "abc", sgr("styled text here"), "漢字漢字漢字", strings.Repeat("x", 500)} {
		for w := 1; w < 30; w++ {
			if got := ansi.StringWidth(Fit(s, w)); got != w {
				t.Fatalf("Fit(%q, %d) is %d wide", s, w, got)
			}
		}
	}
	if Fit("abc", 0) != "" {
		t.Fatal("Fit to 0 must be empty")
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"short", 10, "short"},
		{"a longer line", 6, "a lon…"},
		{"a longer line", 0, "a longer line"}, // no limit
		{"漢字漢字", 5, "漢字…"},
	} {
		if got := Cut(tc.in, tc.w); got != tc.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
	// Styles survive the cut, and both measures fit.
	s := sgr("styled "+strings.Repeat("👨‍👩‍👧 ", 10)) + " tail"
	for w := 1; w < 40; w++ {
		got := Cut(s, w)
		if g, wc := ansi.StringWidth(got), ansi.StringWidthWc(got); g > w || wc > w {
			t.Fatalf("Cut(%q, %d) = %q: %d cells by graphemes, %d by wcwidth", s, w, got, g, wc)
		}
		if w >= 8 && (!strings.HasPrefix(got, "\x1b[1;") || !strings.HasSuffix(ansi.Strip(got), "…")) {
			t.Fatalf("Cut(%q, %d) = %q: style or ellipsis lost", s, w, got)
		}
	}
}

// Width is at least both terminal measures, and equals them where they
// agree.
func TestWidthMatchesAnsi(t *testing.T) {
	for _, s := range []string{
		"", "plain ascii", "Kata’ib café", "e\u0301e\u0301", "#\ufe0f keycap", "漢字 mixed ascii",
		"👨‍👩‍👧‍👦 family", "a\u200db", "שלום", "☺\ufe0f smile", "👍🏽 skin", sgr("styled Kata’ib") + " tail " + sgr("漢"),
		sgr("x") + "\x1b]8;;http://x\x07link\x1b]8;;\x07", "1\u20e3", "🇫🇷 flag",
	} {
		g, wc := ansi.StringWidth(s), ansi.StringWidthWc(s)
		got := Width(s)
		if got < g || got < wc || (g == wc && got != g) {
			t.Errorf("Width(%q) = %d; ansi.StringWidth %d, StringWidthWc %d", s, got, g, wc)
		}
	}
}

func TestOneLineAndBlock(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain title", "plain title"},
		{"two  spaces &amp; an entity", "two  spaces &amp; an entity"}, // safe: left as it is
		{"line\nbreak\tand tab", "line break and tab"},
		{"esc \x1b[2J here", "esc ^[[2J here"},
	} {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := Block("one\ntwo \x07"); got != "one\ntwo ^G" {
		t.Errorf("Block kept %q", got)
	}
	if s := "safe\nblock"; Block(s) != s {
		t.Errorf("Block changed safe text: %q", Block(s))
	}
}

func TestPluralAndDateSpan(t *testing.T) {
	if Plural(1, "article", "articles") != "article" || Plural(0, "article", "articles") != "articles" ||
		Plural(2, "match", "matches") != "matches" {
		t.Error("Plural picks the wrong word")
	}
	for _, tc := range []struct{ a, b, want string }{
		{"", "", ""},
		{"2019-12-29", "2019-12-29", "2019-12-29"},
		{"2019-12-29", "", "2019-12-29"},
		{"", "2020-01-02", "2020-01-02"},
		{"2019-12-29", "2020-01-02", "2019-12-29 – 2020-01-02"},
	} {
		if got := DateSpan(tc.a, tc.b); got != tc.want {
			t.Errorf("DateSpan(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTitleLabel(t *testing.T) {
	for _, tc := range []struct {
		title, id string
		derived   bool
		want      string
		dim       bool
	}{
		{"Storm Hits Coast", "a1", false, "Storm Hits Coast", false},
		{"Storm hits the coast.", "a1", true, "untitled: Storm hits the coast.", true},
		{"", "coastal_times", false, "no title (coastal_times)", true},
		{"", "coastal_times", true, "no title (coastal_times)", true},
		{"Two\nlines", "x\x1b", false, "Two lines", false},
		{"", "x\x1b", false, "no title (x^[)", true},
	} {
		if got, dim := TitleLabel(tc.title, tc.id, tc.derived); got != tc.want || dim != tc.dim {
			t.Errorf("TitleLabel(%q, %q, %v) = %q, %v; want %q, %v", tc.title, tc.id, tc.derived, got, dim, tc.want, tc.dim)
		}
	}
}
