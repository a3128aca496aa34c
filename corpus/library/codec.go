package library

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/pmureader/pmureader/corpus"
)

// document is what the documents table holds for an article, as JSON
// compressed with DEFLATE: the body and the raw source lines. The two are
// stored together because for most formats the raw lines repeat the body,
// which compression then stores once.
type document struct {
	Body []corpus.Paragraph `json:"body"`
	Raw  []corpus.Line      `json:"raw,omitempty"`
}

// flateLevel trades size for speed: level 1 compresses a 4 KB body in
// tens of microseconds to about half its size.
const flateLevel = flate.BestSpeed

// writers reuses DEFLATE compressors, which are costly to allocate.
var writers = sync.Pool{New: func() any {
	w, err := flate.NewWriter(nil, flateLevel)
	if err != nil {
		panic(err) // only for a bad level, a constant
	}
	return w
}}

// deflate compresses b.
func deflate(b []byte) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(len(b)/2 + 64)
	w := writers.Get().(*flate.Writer)
	defer writers.Put(w)
	w.Reset(&out)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// inflate reverses deflate.
func inflate(b []byte) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(b))
	defer r.Close()
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return out, nil
}

// encodeDocument packs an article's body and raw lines.
func encodeDocument(a *corpus.Article) ([]byte, error) {
	j, err := json.Marshal(document{Body: a.Body, Raw: a.Raw})
	if err != nil {
		return nil, fmt.Errorf("encode body: %w", err)
	}
	return deflate(j)
}

// decodeDocument unpacks what encodeDocument packed.
func decodeDocument(b []byte) (document, error) {
	var d document
	j, err := inflate(b)
	if err != nil {
		return d, err
	}
	if err := json.Unmarshal(j, &d); err != nil {
		return d, fmt.Errorf("decode body: %w", err)
	}
	for i := range d.Body {
		neutralize(&d.Body[i].Text, &d.Body[i].Source.File)
	}
	for i := range d.Raw {
		role := string(d.Raw[i].Role)
		neutralize(&d.Raw[i].Text, &d.Raw[i].Why, &role)
		d.Raw[i].Role = corpus.Role(role)
	}
	return d, nil
}
