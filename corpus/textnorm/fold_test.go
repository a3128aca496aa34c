package textnorm_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// foldSlow is the folding rule as its documentation states it, one rune at
// a time: what the fast paths (eight ASCII bytes at a time, the Latin
// table, the decomposition lookup) must give.
func foldSlow(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '’', '‘', 'ʼ', '′', '`', '´', 'ʻ':
			b.WriteByte('\'')
			continue
		case '“', '”', '„', '″', '«', '»':
			b.WriteByte('"')
			continue
		case '–', '—', '‐', '‑', '−':
			b.WriteByte('-')
			continue
		case 'ß':
			b.WriteString("ss")
			continue
		case 'æ', 'Æ':
			b.WriteString("ae")
			continue
		case 'ø', 'Ø':
			b.WriteByte('o')
			continue
		case 'ı':
			b.WriteByte('i')
			continue
		}
		for _, d := range norm.NFD.String(string(r)) {
			if !unicode.Is(unicode.Mn, d) {
				b.WriteRune(unicode.ToLower(d))
			}
		}
	}
	return b.String()
}

func keySlow(s string) string { return strings.ReplaceAll(foldSlow(s), "'", "") }

// TestFoldCases: the hard cases every caller is tested on (see
// texttest.FoldCases), through every way textnorm folds.
func TestFoldCases(t *testing.T) {
	for _, c := range texttest.FoldCases {
		if got := textnorm.Fold(c.In); got != c.Fold {
			t.Errorf("Fold(%q) = %q, want %q", c.In, got, c.Fold)
		}
		if got := textnorm.Key(c.In); got != c.Key {
			t.Errorf("Key(%q) = %q, want %q", c.In, got, c.Key)
		}
		if got := string(textnorm.AppendFold([]byte("x"), c.In)); got != "x"+c.Fold {
			t.Errorf("AppendFold(%q) = %q", c.In, got)
		}
		if got := string(textnorm.AppendKey([]byte("x"), c.In)); got != "x"+c.Key {
			t.Errorf("AppendKey(%q) = %q", c.In, got)
		}
		var fb textnorm.FoldBuffer
		if got := fb.Fold(c.In); got != c.Fold {
			t.Errorf("FoldBuffer.Fold(%q) = %q", c.In, got)
		}
		if key, _ := textnorm.KeyOffsets(c.In); key != c.Key {
			t.Errorf("KeyOffsets(%q) = %q, want %q", c.In, key, c.Key)
		}
		if got := keyByRune(c.In); got != c.Key {
			t.Errorf("AppendKeyRune over %q = %q, want %q", c.In, got, c.Key)
		}
		if foldSlow(c.In) != c.Fold {
			t.Errorf("the definition folds %q to %q, the table says %q", c.In, foldSlow(c.In), c.Fold)
		}
	}
}

// keyByRune is the key of s made rune by rune with AppendKeyRune.
func keyByRune(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		var size int
		b, size = textnorm.AppendKeyRune(b, s, i)
		i += size
	}
	return string(b)
}

// TestFoldEveryRune folds every character alone and between ASCII, as
// the definition does.
func TestFoldEveryRune(t *testing.T) {
	var buf []byte
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		s := string(r)
		want := foldSlow(s)
		var size int
		buf, size = textnorm.AppendFoldRune(buf[:0], s, 0)
		if string(buf) != want || size != len(s) {
			t.Fatalf("AppendFoldRune(%U) = %q (size %d), want %q", r, buf, size, want)
		}
		if r%97 == 0 {
			if got := textnorm.Fold("AbCdEfGh" + s + "IjKlMnOp"); got != "abcdefgh"+want+"ijklmnop" {
				t.Fatalf("Fold around %U = %q", r, got)
			}
		}
	}
}

// TestFoldMatchesSlow checks the fast paths on random texts made of the
// awkward pieces the fast paths look for, at every alignment.
func TestFoldMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		s := texttest.Random(r, 16) + "`'" + texttest.Random(r, 8)
		checkFold(t, s[min(r.IntN(8), len(s)):]) // at any alignment
	}
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	want := foldSlow(s)
	if got := textnorm.Fold(s); got != want {
		t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
	}
	if got := textnorm.Key(s); got != keySlow(s) {
		t.Fatalf("Key(%q) = %q, want %q", s, got, keySlow(s))
	}
	if got := string(textnorm.AppendKey(nil, s)); got != keySlow(s) {
		t.Fatalf("AppendKey(%q) = %q, want %q", s, got, keySlow(s))
	}
	if got := string(textnorm.AppendFold(nil, s)); got != want {
		t.Fatalf("AppendFold(%q) = %q, want %q", s, got, want)
	}
	key, src := textnorm.KeyOffsets(s)
	if key != keySlow(s) || len(src) != len(key)+1 || src[len(key)] != len(s) {
		t.Fatalf("KeyOffsets(%q) = %q %v", s, key, src)
	}
	starts := map[int]bool{} // where the runes of s start, as decoding steps
	for i := 0; i < len(s); {
		starts[i] = true
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	for k, o := range src[:len(key)] {
		// Every byte comes from the start of a rune of s, in order.
		if !starts[o] || k > 0 && o < src[k-1] {
			t.Fatalf("KeyOffsets(%q): byte %d from offset %d", s, k, o)
		}
	}
}

func FuzzFold(f *testing.F) {
	f.Add("Kata’ib “Hezbollah” — SUPPORT US ON Patreon İ K ſ")
	f.Fuzz(func(t *testing.T, s string) {
		checkFold(t, s)
	})
}

// TestFoldBufferKeepsEarlierTexts folds many strings into one buffer, as
// the lines of a text are folded for cleaning, and checks that every
// folded text stays what the definition gives while later ones are
// appended (the buffer grows into fresh arrays, never over texts handed
// out).
func TestFoldBufferKeepsEarlierTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	var fb textnorm.FoldBuffer
	for round := range 50 {
		fb.Reset() // a new text
		var ins, outs []string
		for range 200 {
			s := texttest.Random(r, 20)
			ins, outs = append(ins, s), append(outs, fb.Fold(s))
		}
		for i, s := range ins {
			if want := foldSlow(s); outs[i] != want {
				t.Fatalf("round %d, text %d: %q folded to %q, want %q", round, i, s, outs[i], want)
			}
		}
	}
}

func BenchmarkFold(b *testing.B) {
	line := "Iraq’s Popular Mobilization Units (PMU) said “27 killed” on Sunday, CAFÉ ZÜRICH."
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		textnorm.Fold(line)
	}
}
