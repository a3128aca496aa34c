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
// (which the workers read piece by piece, parsing while reading, with one
// worker or two) and checks that articles and problems equal those of
// parsing the whole file at once: with a byte-order mark, invalid UTF-8,
// CRLF, blank and bad lines, a line longer than a piece, no final line
// break, a NUL byte after an early line break, only white space, and
// records over the size limit (which applies per record).
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
		for _, limit := range []int64{1 << 30, 1 << 20} {
			ref := wholeFile(p, []byte(data), limit)
			one, err1 := Load(context.Background(), []string{p}, Options{Workers: 1, MaxFileSize: limit})
			two, err2 := Load(context.Background(), []string{p}, Options{Workers: 2, MaxFileSize: limit})
			if fmt.Sprint(err1) != fmt.Sprint(err2) || (err1 == nil) != (len(ref.Articles) > 0) {
				t.Fatalf("%s: error %v with two workers, %v with one, %d articles whole", name, err2, err1, len(ref.Articles))
			}
			for _, c := range []*Corpus{one, two} {
				if !reflect.DeepEqual(c.Articles, ref.Articles) {
					t.Fatalf("%s (limit %d): streamed articles differ: %d vs %d", name, limit, len(c.Articles), len(ref.Articles))
				}
				if fmt.Sprint(c.Problems) != fmt.Sprint(ref.Problems) {
					t.Fatalf("%s (limit %d): problems streamed\n%v\nwhole\n%v", name, limit, c.Problems, ref.Problems)
				}
			}
			if name == "plain" && limit == 1<<30 && (len(one.Articles) < 30000 || len(one.Problems) < 60) {
				t.Fatalf("plain: %d articles, %d problems", len(one.Articles), len(one.Problems))
			}
			if strings.Contains(name, "long") && limit == 1<<20 && !strings.Contains(fmt.Sprint(ref.Problems), "record too large: 3.3 MB") {
				t.Fatalf("%s: the long record is not reported: %v", name, ref.Problems)
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

// wholeFile is what loading a JSON Lines file gives when its bytes are
// parsed at once: the reference the streamed loads are held to.
func wholeFile(p string, data []byte, limit int64) *Corpus {
	arts, probs := format.Parse(context.Background(), format.File{Kind: format.JSONLines, Path: p, Workers: 2, MaxRecord: limit}, data)
	for i := range probs {
		probs[i] = format.SafeProblem(probs[i])
	}
	c, _ := collect(context.Background(), oneEvent(load.Event{Articles: arts, Problems: probs}), p, Options{})
	return c
}

// oneEvent is a closed channel holding e.
func oneEvent(e load.Event) <-chan load.Event {
	ch := make(chan load.Event, 1)
	ch <- e
	close(ch)
	return ch
}
