package format

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// TestStreamReadsWholeLines reads with buffers of 16 bytes: every piece
// but the last ends at a line break, a line longer than the buffer grows
// it, and the pieces are the file.
func TestStreamReadsWholeLines(t *testing.T) {
	data := "aaa\nbbbb\ncc\n" + strings.Repeat("d", 40) + "\neee\nf"
	s := newJSONLStream(context.Background(), File{Kind: JSONLines, Path: "f.jsonl", Workers: 1}, nil)
	defer s.stop()
	r := strings.NewReader(data)
	var got strings.Builder
	for eof := false; !eof; {
		s.free <- make([]byte, 0, 16)
		_, piece, atEOF, err := s.read(r)
		if err != nil {
			t.Fatal(err)
		}
		eof = atEOF
		if !eof && (len(piece) == 0 || piece[len(piece)-1] != '\n') {
			t.Fatalf("piece %q does not end a line", piece)
		}
		got.Write(piece)
	}
	if got.String() != data || s.total != int64(len(data)) {
		t.Fatalf("pieces %q (%d bytes read), want %q", got.String(), s.total, data)
	}
}

func TestStreamCheckStart(t *testing.T) {
	s := &jsonlStream{p: &jsonlParser{file: "f.jsonl"}}
	if p, ok := s.checkStart([]byte("{}\n\x00"), []byte("{}\n")); ok || !errors.Is(p.Err, article.ErrBinary) {
		t.Errorf("NUL byte: ok %v problem %v", ok, p)
	}
	if _, ok := s.checkStart([]byte("\ufeff{}\n"), []byte("\ufeff{}\n")); !ok || s.bom != len("\ufeff") {
		t.Errorf("byte-order mark: ok %v bom %d", ok, s.bom)
	}
}

// TestStreamMatchesParse checks Stream against Parse of the whole file,
// with and without handing records over as they are parsed, and that a
// read error is returned.
func TestStreamMatchesParse(t *testing.T) {
	var b strings.Builder
	for i := range 30000 {
		if i%1000 == 8 {
			b.WriteString("not json\n")
		}
		fmt.Fprintf(&b, `{"title": "Title %d", "text": "First paragraph, said officials on Sunday.\n\nSecond."}`+"\n", i)
	}
	data := []byte(b.String())
	f := File{Kind: JSONLines, Path: "f.jsonl", Workers: 2}
	want, wantProbs := Parse(context.Background(), f, data)
	arts, probs, err := Stream(context.Background(), f, bytes.NewReader(data), nil)
	if err != nil || !reflect.DeepEqual(arts, want) || !reflect.DeepEqual(probs, wantProbs) {
		t.Fatalf("streamed: %d articles, %d problems, error %v; whole: %d, %d", len(arts), len(probs), err, len(want), len(wantProbs))
	}
	var emitted []*article.Article
	var emittedProbs []article.Problem
	var n int64
	arts, probs, err = Stream(context.Background(), f, bytes.NewReader(data), func(a []*article.Article, p []article.Problem, size int64) {
		emitted, emittedProbs, n = append(emitted, a...), append(emittedProbs, p...), n+size
	})
	if err != nil || len(arts) != 0 || len(probs) != 0 || n != int64(len(data)) ||
		!reflect.DeepEqual(emitted, want) || !reflect.DeepEqual(emittedProbs, wantProbs) {
		t.Fatalf("emitted %d articles, %d problems, %d bytes; returned %d, %v, %v", len(emitted), len(emittedProbs), n, len(arts), probs, err)
	}
	broken := errors.New("disk gone")
	r := io.MultiReader(bytes.NewReader(data[:2<<20+100]), iotest.ErrReader(broken))
	if arts, probs, err := Stream(context.Background(), f, r, nil); !errors.Is(err, broken) || arts != nil || probs != nil {
		t.Fatalf("read error: %v, %d articles, problems %v", err, len(arts), probs)
	}
}
