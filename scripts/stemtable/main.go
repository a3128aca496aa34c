// Command stemtable writes corpus/textnorm/data/stems.bin, the table of
// precomputed English stems that textnorm.Stem looks words up in before it
// runs the Snowball stemmer (which takes about a microsecond a word).
//
// The words are corpus/lexicon's (the most frequent English words, from
// GloVe's vocabulary; see scripts/lexicon) that Stem would stem: plain
// lower-case ASCII words of two letters or more that are not stop words.
// Their stems come from textnorm.SnowballStem, the stemmer Stem falls back
// to, so looking a word up gives what stemming it gives; textnorm's tests
// check every entry against the stemmer.
//
// Usage: go run ./scripts/stemtable [-check] [-o corpus/textnorm/data/stems.bin]
// With -check it writes nothing and exits 1 if the embedded table is not
// what it would write.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/pmureader/pmureader/corpus/lexicon"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

func main() {
	out := flag.String("o", "corpus/textnorm/data/stems.bin", "the table to write")
	check := flag.Bool("check", false, "compare the embedded table with what would be written; write nothing")
	flag.Parse()
	if err := run(*out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "stemtable:", err)
		os.Exit(1)
	}
}

func run(out string, check bool) error {
	words := tableWords(lexicon.English())
	stems := make([]string, len(words))
	changed := 0
	for i, w := range words {
		stems[i] = textnorm.SnowballStem(w)
		if stems[i] != w {
			changed++
		}
	}
	table := textnorm.AppendStemTable(nil, words, stems)
	if check {
		if !bytes.Equal(table, []byte(textnorm.StemTable())) {
			return fmt.Errorf("the embedded table differs from the lexicon and stemmer of this build: run go run ./scripts/stemtable")
		}
		fmt.Printf("the embedded table is up to date (%d words)\n", len(words))
		return nil
	}
	if err := writeAtomic(out, table); err != nil {
		return err
	}
	fmt.Printf("%s: %d words (%d whose stem differs), %d bytes\n", out, len(words), changed, len(table))
	return nil
}

// tableWords are the lexicon's words that Stem would stem, sorted.
func tableWords(lex *lexicon.Lexicon) []string {
	var words []string
	for id := range lex.Len() {
		w := lex.Key(int32(id))
		if len(w) >= 2 && lowerASCII(w) && !textnorm.IsStopWord(w) {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return slices.Compact(words)
}

func lowerASCII(w string) bool {
	for i := range len(w) {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// writeAtomic writes data to path through a temporary file and a rename.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".stems-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
