package textnorm

import (
	"slices"
	"strings"
	"testing"
)

// TestStemTableIsTheStemmers checks the embedded table entry by entry
// against the stemmer it was made with (scripts/stemtable), so that a new
// version of the stemmer cannot leave stale stems behind: a failure here
// means go run ./scripts/stemtable.
func TestStemTableIsTheStemmers(t *testing.T) {
	n, m := stemTableSize(stemTable)
	if n < 10000 {
		t.Fatalf("the stem table holds %d words; want the lexicon's (tens of thousands)", n)
	}
	prev := ""
	for i := range n {
		word, _ := stemEntry(stemTable, n, m, i)
		if word <= prev {
			t.Fatalf("entry %d %q is not after %q: the table must be sorted and unique", i, word, prev)
		}
		prev = word
		got, ok := tableStem(word)
		if !ok {
			t.Fatalf("tableStem(%q) finds nothing for entry %d", word, i)
		}
		if want := SnowballStem(word); got != want {
			t.Errorf("the table stems %q as %q, the stemmer as %q (go run ./scripts/stemtable)", word, got, want)
		}
	}
}

// TestStemWithAndWithoutTable checks Stem on words in the table, words
// beyond it, and the words it leaves alone.
func TestStemWithAndWithoutTable(t *testing.T) {
	for _, c := range []struct {
		key, want string
		inTable   bool
	}{
		{"strikes", "strike", true},
		{"killing", "kill", true},
		{"militias", "militia", true},
		{"generously", "generous", true},
		{"kataib", "kataib", false},        // not an English word: the stemmer
		{"hezbollahs", "hezbollah", false}, // nor this
		{"27", "27", false},                // numbers are kept
		{"café", "café", false},            // non-Latin letters are kept
	} {
		if got := Stem(c.key); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.key, got, c.want)
		}
		if _, ok := tableStem(c.key); ok != c.inTable {
			t.Errorf("tableStem(%q) found = %v, want %v", c.key, ok, c.inTable)
		}
	}
}

// TestStemTableFormat builds a small table and reads it back, including
// the entries whose stem is the word itself and an empty table.
func TestStemTableFormat(t *testing.T) {
	words := []string{"attacks", "iraq", "strikes"}
	stems := []string{"attack", "iraq", "strike"}
	tbl := string(AppendStemTable(nil, words, stems))
	n, m := stemTableSize(tbl)
	if n != 3 || m != 8 {
		t.Fatalf("entries, slots = %d, %d; want 3, 8", n, m)
	}
	for i := range words {
		w, s := stemEntry(tbl, n, m, i)
		if w != words[i] || (s != stems[i] && (s != "" || stems[i] != w)) {
			t.Errorf("entry %d = %q, %q; want %q, %q", i, w, s, words[i], stems[i])
		}
	}
	if !strings.Contains(tbl, "iraq\x00") || strings.Contains(tbl, "iraq\x00iraq") {
		t.Errorf("an unchanged word must be stored once: %q", tbl)
	}
	if n, _ := stemTableSize(string(AppendStemTable(nil, nil, nil))); n != 0 {
		t.Errorf("empty table: %d entries", n)
	}
	for _, bad := range []string{"STM2\xff\xff\x00\x00\x00\x00\x01\x00", tbl[:len(tbl)-1], "STM1" + tbl[4:], tbl[:8] + "\x07" + tbl[9:]} {
		if n, m := stemTableSize(bad); n != 0 || m != 0 {
			t.Errorf("a table that is not whole must read as empty, got %d entries, %d slots", n, m)
		}
	}
	for _, w := range []string{"attacks", "iraq", "strikes", "attack", "zzz", ""} {
		_, found := tableStemIn(tbl, w)
		if want := slices.Contains(words, w); found != want {
			t.Errorf("lookup of %q found = %v, want %v", w, found, want)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	words := []string{"strikes", "killing", "militias", "reportedly", "demonstrators", "kataib", "hezbollahs"}
	b.Run("table", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			Stem(words[i%len(words)])
		}
	})
	b.Run("snowball", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			SnowballStem(words[i%len(words)])
		}
	})
}

func BenchmarkStemHit(b *testing.B) {
	words := []string{"strikes", "killing", "militias", "reportedly", "demonstrators", "seized", "control"}
	for i := 0; b.Loop(); i++ {
		Stem(words[i%len(words)])
	}
}
