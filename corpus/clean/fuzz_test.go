package clean

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
	"github.com/pmureader/pmureader/seeds"
)

// fuzzSeeds are the starting inputs of the cleaning fuzz targets: the five
// seeds, the synthetic fixtures and the edge cases that broke cleaners
// before (empty, blank, one line, a 10,000-character line, only chrome,
// bullets only, punctuation only).
func fuzzSeeds(f *testing.F) []string {
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil {
		f.Fatal(err)
	}
	var out []string
	for _, n := range names {
		data, err := fs.ReadFile(seeds.FS, n)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, string(data))
	}
	return append(out,
		syntheticArticle, multiItem, "", "\n\n\n", "x", strings.Repeat("a", 10000),
		strings.Repeat("word ", 2000), "Notify of\nView all comments\n",
		"• one\n\n  • two three four five six seven eight nine ten eleven twelve.\n\n• x",
		"Title\n\nBy \n\nVia\n\nAuthor:", ".\n…\n,\n“”", "##\n# \n#x",
		"Title\n\nFirst paragraph here.\n\nSecond one ends:\n\nitem\nitem",
	)
}

func FuzzCleanText(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(textnorm.Sanitize(s), "\n")
		checkInvariants(t, lines, Text("fuzz.txt", lines))
	})
}

func FuzzCleanBody(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(textnorm.Sanitize(s), "\n")
		body, raw, author, via := Body("fuzz.md", lines, func(i int) int { return i + 10 })
		if len(raw) != len(lines) {
			t.Fatalf("%d raw lines for %d lines", len(raw), len(lines))
		}
		for i, l := range raw {
			if l.Number != i+10 || l.Text != lines[i] {
				t.Fatalf("raw %d = %+v", i, l)
			}
		}
		for _, p := range body {
			if p.Text == "" || strings.Contains(p.Text, "\n") || p.Source.StartLine < 10 || p.Source.EndLine >= len(lines)+10 {
				t.Fatalf("bad paragraph %+v", p)
			}
		}
		if strings.Contains(author+via, "\n") {
			t.Fatalf("line break in author %q or via %q", author, via)
		}
	})
}
