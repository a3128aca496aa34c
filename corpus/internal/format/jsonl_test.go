package format

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestJSONLinesUTF8CheckMatchesWholeFile checks that the invalid UTF-8
// warning a large JSON Lines file gets from its chunks (checked on the
// workers) is the one checking the whole file gives: same byte, same line,
// first among the problems, with or without a byte-order mark.
func TestJSONLinesUTF8CheckMatchesWholeFile(t *testing.T) {
	var b strings.Builder
	for i := range 12000 {
		fmt.Fprintf(&b, `{"id": "a%d", "title": "Title %d", "text": "First paragraph, said officials on Sunday.\n\nSecond one – with “quotes”."}`+"\n", i, i)
	}
	base := b.String()
	for _, bom := range []string{"", "\ufeff"} {
		for _, at := range []int{-1, 10, len(base) / 3, len(base)/2 + 7, len(base) - 30} {
			data := []byte(bom + base)
			if at >= 0 {
				// inside a text, where the record stays valid JSON
				at := len(bom) + at + strings.Index(base[at:], "First")
				data[at], data[at+20] = 0xff, 0xc3
			}
			want, valid := checkUTF8("f.jsonl", data)
			arts, probs := parseJSONLines(context.Background(), "f.jsonl", data, 2, 0, true)
			if len(arts) != 12000 {
				t.Fatalf("bom %q, invalid at %d: %d articles", bom, at, len(arts))
			}
			switch {
			case valid && len(probs) != 0:
				t.Fatalf("bom %q: valid file, problems %v", bom, probs)
			case !valid && (len(probs) == 0 || probs[0].Line != want.Line || probs[0].Err.Error() != want.Err.Error() || !probs[0].Warning):
				t.Fatalf("bom %q, invalid at %d: problems %v, want first %v (line %d)", bom, at, probs, want.Err, want.Line)
			}
			for _, a := range arts[:50] {
				if a.Words != bodyWords(a.Body) || a.Words == 0 {
					t.Fatalf("%s: Words %d, body has %d", a.ID, a.Words, bodyWords(a.Body))
				}
			}
		}
	}
}
