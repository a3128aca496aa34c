package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/format"
	"github.com/pmureader/pmureader/corpus/internal/load"
)

// TestStreamedJSONLinesMatchesWholeFile loads large JSON Lines files
// (which two workers read piece by piece, parsing while reading) and
// checks that articles and problems equal those of one worker, which
// reads the whole file first: with a byte-order mark, invalid UTF-8, CRLF,
// blank and bad lines, a line longer than a piece, no final line break, a
// NUL byte after an early line break, only white space, and over the
// size limit.
func TestStreamedJSONLinesMatchesWholeFile(t *testing.T) {
	var b strings.Builder
	for i := range 30000 {
		switch i % 1000 {
		case 7:
			b.WriteString("\n   \n")
		case 8:
			b.WriteString("not json\n")
		case 9:
			b.WriteString(`{"title": "broken"` + "\n")
		case 10:
			fmt.Fprintf(&b, `{"title": "no id %d", "text": "Untitled record.\r\n\r\nSecond."}`+"\r\n", i)
		}
		fmt.Fprintf(&b, `{"id": "a%d", "title": "Title %d", "text": "First paragraph, said officials on Sunday.\n\nSecond one – with “quotes”.\n\nNotify of"}`+"\n", i, i)
	}
	base := b.String()
	cut := 3<<20 + strings.IndexByte(base[3<<20:], '\n') + 1
	long := `{"id": "long", "title": "Long", "text": "` + strings.Repeat("word ", 700_000) + `end."}`
	cases := map[string]string{
		"plain":      base,
		"bom":        "\ufeff" + base,
		"invalid":    base[:len(base)/2] + "\xff" + base[len(base)/2:],
		"long line":  base[:cut] + long + "\n" + base[cut:],
		"no final":   strings.TrimSuffix(base, "\n") + long,
		"nul early":  "{}\n" + strings.Repeat(" ", 100) + "\x00" + base,
		"nul late":   base[:20000] + "\x00" + base[20000:],
		"blank":      strings.Repeat(" \n\t\u00a0\n", 400_000),
		"bom blank":  "\ufeff" + strings.Repeat(" \n", 800_000),
		"first long": long + "\n" + base,
	}
	dir := t.TempDir()
	for name, data := range cases {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".jsonl")
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if int64(len(data)) < format.StreamMin {
			t.Fatalf("%s: %d bytes is too small to be streamed", name, len(data))
		}
		for _, limit := range []int64{1 << 30, int64(len(data)) - 1} {
			one, err1 := Load(context.Background(), []string{p}, Options{Workers: 1, MaxFileSize: limit})
			two, err2 := Load(context.Background(), []string{p}, Options{Workers: 2, MaxFileSize: limit})
			if fmt.Sprint(err1) != fmt.Sprint(err2) {
				t.Fatalf("%s: error %v streamed, %v whole", name, err2, err1)
			}
			if !reflect.DeepEqual(one.Articles, two.Articles) {
				t.Fatalf("%s (limit %d): streamed articles differ: %d vs %d", name, limit, len(two.Articles), len(one.Articles))
			}
			if fmt.Sprint(one.Problems) != fmt.Sprint(two.Problems) {
				t.Fatalf("%s (limit %d): problems streamed\n%v\nwhole\n%v", name, limit, two.Problems, one.Problems)
			}
			if name == "plain" && limit == 1<<30 && (len(one.Articles) < 30000 || len(one.Problems) < 60) {
				t.Fatalf("plain: %d articles, %d problems", len(one.Articles), len(one.Problems))
			}
			// As Stream reads it: the same articles and problems, handed
			// over in pieces, in file order, while the file is parsed.
			var arts []*Article
			var probs []Problem
			pieces := 0
			var bytesDone int64
			for e := range load.Paths(context.Background(), []string{p}, load.Options{Workers: 2, MaxFileSize: limit, Progressive: true}) {
				if len(e.Articles) > 0 {
					pieces++
				}
				arts = append(arts, e.Articles...)
				probs = append(probs, e.Problems...)
				bytesDone += e.DoneBytes
			}
			sortProblems(probs)
			if len(arts) != len(one.Articles) || len(arts) > 0 && !reflect.DeepEqual(arts, one.Articles) {
				t.Fatalf("%s (limit %d): progressive articles differ: %d vs %d", name, limit, len(arts), len(one.Articles))
			}
			if fmt.Sprint(one.Problems) != fmt.Sprint(probs) {
				t.Fatalf("%s (limit %d): problems progressive\n%v\nwhole\n%v", name, limit, probs, one.Problems)
			}
			if bytesDone != int64(len(data)) {
				t.Fatalf("%s (limit %d): progress counted %d of %d bytes", name, limit, bytesDone, len(data))
			}
			if name == "plain" && limit == 1<<30 && pieces < 2 {
				t.Fatalf("plain: the records came in %d piece(s), not as they were parsed", pieces)
			}
		}
	}
}
