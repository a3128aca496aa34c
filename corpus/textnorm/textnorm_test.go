package textnorm

import (
	"reflect"
	"strings"
	"testing"
)

func TestSanitizeNeutralisesControls(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a\x1b]0;pwned\x07b", "a^[]0;pwned^Gb"},
		{"a\x1b[31mred", "a^[[31mred"},
		{"x&#27;[2Jy", "x&#27;[2Jy"}, // entities are the format's business
		{"a?b=1&region=2", "a?b=1&region=2"},
		{"c1\u009b31m", "c1M-^[31m"}, // C1 CSI as UTF-8
		{"nul\x00del\x7f", "nul^@del^?"},
		{"bs\x08", "bs^H"},
		{"crlf\r\nnext\rlast", "crlf\nnext\nlast"},
		{"tab\there", "tab here"},
		{"nbsp\u00a0end\u00a0", "nbsp end"},
		{"trail   \nx", "trail\nx"},
		{"bad\xffutf8", "bad\ufffdutf8"},
		{"sep\u2028line", "sep\nline"},
		{"\ufeffbom", "bom"},
	}
	for _, c := range cases {
		got := Sanitize(c.in)
		if got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
		if !Safe(got) {
			t.Errorf("Sanitize(%q) = %q is not safe", c.in, got)
		}
	}
}

func TestLineCollapses(t *testing.T) {
	if got := Line("  a \n b\t\tc  "); got != "a b c" {
		t.Fatalf("Line = %q", got)
	}
}

func TestWordsOffsetsAndKeys(t *testing.T) {
	s := "The Kata’ib lost 20,000 — Café!"
	ws := Words(s)
	var keys, orig []string
	for _, w := range ws {
		keys = append(keys, w.Key)
		orig = append(orig, s[w.Start:w.End])
	}
	if want := []string{"the", "kataib", "lost", "20,000", "cafe"}; !reflect.DeepEqual(keys, want) {
		t.Fatalf("keys = %q, want %q", keys, want)
	}
	if want := []string{"The", "Kata’ib", "lost", "20,000", "Café"}; !reflect.DeepEqual(orig, want) {
		t.Fatalf("originals = %q, want %q", orig, want)
	}
	if Key("KATA'IB") != Key("Kata’ib") || Key("ketaib") == Key("kataib") {
		t.Fatal("apostrophe forms should meet, different spellings should not")
	}
}

func TestStemAndNumbers(t *testing.T) {
	if Stem("strikes") != Stem("strike") || Stem("killing") != "kill" {
		t.Fatalf("stems: %q %q %q", Stem("strikes"), Stem("strike"), Stem("killing"))
	}
	if !IsNumber("20,000") || !IsNumber("27") || IsNumber("f-15") || IsNumber(",") {
		t.Fatal("IsNumber wrong")
	}
	if !IsStopWord("the") || IsStopWord("strike") {
		t.Fatal("IsStopWord wrong")
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "a\x1b]52;c;aGk=\x07", "\u009b2J", "&#x1b;[H", "\r\n\t\u00a0", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !Safe(out) {
			t.Fatalf("Sanitize(%q) = %q keeps a control character", s, out)
		}
		if Sanitize(out) != out {
			t.Fatalf("Sanitize is not idempotent on %q", out)
		}
		l := Line(s)
		if strings.Contains(l, "\n") || !Safe(l) {
			t.Fatalf("Line(%q) = %q", s, l)
		}
		for _, w := range Words(out) {
			if w.Start < 0 || w.End > len(out) || w.Start >= w.End {
				t.Fatalf("bad word range %v in %q", w, out)
			}
		}
	})
}

// TestCleanPrefixAgreesWithSanitize checks the fast path against the slow one
// for every rune: a rune the fast path copies as it is must be one the
// rune-by-rune path leaves unchanged, and the other way round.
func TestCleanPrefixAgreesWithSanitize(t *testing.T) {
	for r := rune(0); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		s := "a" + string(r) + "b"
		fast := cleanPrefix(s) == len(s)
		unchanged := Sanitize(s) == s
		if fast != unchanged {
			t.Fatalf("rune %U: fast path says clean=%v, Sanitize leaves it unchanged=%v", r, fast, unchanged)
		}
	}
}

func TestSanitizeDropsBidiOverrides(t *testing.T) {
	in := "abc\u202egnp.exe and \u2066x\u2069 שלום \u200f"
	want := "abcgnp.exe and x שלום \u200f"
	if got := Sanitize(in); got != want {
		t.Fatalf("Sanitize(%q) = %q, want %q", in, got, want)
	}
}

func BenchmarkSanitize(b *testing.B) {
	para := strings.Repeat("Iraq’s Popular Mobilization Units (PMU) said “27 killed” on Sunday.\u00a0", 60)
	b.SetBytes(int64(len(para)))
	for b.Loop() {
		Sanitize(para)
	}
}
