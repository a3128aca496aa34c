package corpus

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
)

// FuzzLoadText runs the whole pipeline on a text file with a meta.yaml
// beside it, as LoadFS sees them.
func FuzzLoadText(f *testing.F) {
	f.Add([]byte("Title\n\nBody \x1b]0;x\x07.\n\nVia Someone"), []byte("- file: a.txt\n  outlet: O\n  parts: [{}, {title: T}]\n"))
	f.Add([]byte("  • one\n\n  • two"), []byte("- file: a.txt\n"))
	f.Add([]byte("\xff\xfe\r\rx"), []byte(""))
	f.Fuzz(func(t *testing.T, text, meta []byte) {
		fsys := fstest.MapFS{"a.txt": {Data: text}, "meta.yaml": {Data: meta}}
		c, _ := LoadFS(context.Background(), fsys, Options{Workers: 1})
		for _, p := range c.Problems {
			if strings.Contains(p.Error(), "internal error") {
				t.Fatalf("parser panicked: %v", p)
			}
		}
		texttest.CheckArticles(t, c.Articles, texttest.LineCount(text))
	})
}
