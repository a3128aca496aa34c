package format

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// TestParseLinesMatchesParse cuts a JSON Lines file at random line breaks
// and parses each run with ParseLines: together they give exactly what
// Parse gives for the whole file (ids of records without one, spans, line
// numbers of problems), but for the invalid-UTF-8 warning, which each run
// holding invalid bytes gives.
func TestParseLinesMatchesParse(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		switch {
		case i%37 == 5:
			b.WriteString("not json\n")
		case i%23 == 3:
			b.WriteString("\n  \n")
		case i%2 == 0:
			fmt.Fprintf(&b, `{"title": "Record %d", "text": "Body of record %d.\n\nSecond paragraph."}`+"\n", i, i)
		default:
			fmt.Fprintf(&b, `{"id": "r%d", "title": "Record %d", "text": "Body %d"}`+"\n", i, i, i)
		}
	}
	b.WriteString(`{"title": "bad \xff byte", "text": "x"}` + "\n" + `{"title": "last", "text": "no newline"}`)
	data := []byte(b.String())
	f := File{Kind: JSONLines, Path: "dump.jsonl", Workers: 1}
	wantArts, wantProbs := Parse(context.Background(), f, data)

	r := rand.New(rand.NewPCG(1, 2))
	for round := range 5 {
		var arts []*article.Article
		var probs []article.Problem
		line, record, records := 1, 1, 0
		for rest, off := data, 0; len(rest) > 0; {
			n := 0
			for k := 1 + r.IntN(40); k > 0 && n < len(rest); k-- {
				i := bytes.IndexByte(rest[n:], '\n')
				if i < 0 {
					n = len(rest)
					break
				}
				n += i + 1
			}
			a, p, recs := ParseLines(context.Background(), f, Lines{Data: rest[:n], Offset: int64(off), FirstLine: line, FirstRecord: record})
			arts, probs = append(arts, a...), append(probs, p...)
			line += bytes.Count(rest[:n], []byte{'\n'})
			record += recs
			records += recs
			rest, off = rest[n:], off+n
		}
		if !reflect.DeepEqual(arts, wantArts) {
			t.Fatalf("round %d: articles differ from Parse's (%d against %d)", round, len(arts), len(wantArts))
		}
		if got, want := problemStrings(probs), problemStrings(wantProbs); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: problems\n%s\nwant\n%s", round, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if nonBlank := len(bytes.Fields(data)); records == 0 || records > nonBlank {
			t.Fatalf("round %d: %d records counted", round, records)
		}
	}
}

func problemStrings(ps []article.Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = fmt.Sprintf("%s:%d %v %v", p.Path, p.Line, p.Warning, p.Err)
	}
	return out
}

// TestParseLinesWarnsOfInvalidUTF8 names the file offset and line of the
// first invalid byte of the run.
func TestParseLinesWarnsOfInvalidUTF8(t *testing.T) {
	run := []byte("{\"title\": \"a\", \"text\": \"b\"}\n{\"title\": \"\xff\", \"text\": \"c\"}\n")
	_, probs, recs := ParseLines(context.Background(), File{Kind: JSONLines, Path: "d.jsonl"},
		Lines{Data: run, Offset: 1000, FirstLine: 50, FirstRecord: 40})
	if recs != 2 || len(probs) != 1 || !errors.Is(probs[0].Err, article.ErrInvalidUTF8) || probs[0].Line != 51 ||
		!strings.Contains(probs[0].Err.Error(), fmt.Sprintf("byte %d", 1000+bytes.IndexByte(run, 0xff))) {
		t.Fatalf("records %d, problems %v", recs, probs)
	}
}
