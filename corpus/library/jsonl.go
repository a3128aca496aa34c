package library

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/pmureader/pmureader/corpus"
)

// recordParser turns runs of lines of a JSON Lines file into articles with
// corpus's own JSON reader (field names of every scraper, cleaning,
// sanitising), so that an imported file gives exactly the articles
// `pmureader FILE` shows.
//
// corpus exports no reader of single records, only loaders of files, so
// each run of lines is handed to corpus.LoadFS as a small file of its own
// in memory, under a name no real id can contain (a random nonce), and
// what the loader numbered from that file is renumbered to the real file:
// paths, line numbers, and the ids of records without one ("STEM-N", N
// counted over the whole file). Should corpus export a record reader, this
// file shrinks to a call.
type recordParser struct {
	source string // the file's path, as problems and spans show it
	stem   string // its name without the extension: ids of records without one
	nonce  string // the stand-in file's stem
}

func newRecordParser(source string) (*recordParser, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	base := filepath.Base(source)
	return &recordParser{
		source: source,
		stem:   strings.TrimSuffix(base, filepath.Ext(base)),
		nonce:  "pmureader-import-" + hex.EncodeToString(b[:]),
	}, nil
}

// chunk is a run of whole lines of the file.
type chunk struct {
	data        []byte
	firstLine   int   // 1-based line number of data's first line
	firstRecord int   // 1-based number of its first non-blank line
	end         int64 // file offset just after data
	lines       int   // lines in data
	records     int   // non-blank lines in data
}

// parse reads a chunk's records. Its error is ctx's, when ctx ends the
// reading; bad records are problems.
func (p *recordParser) parse(ctx context.Context, c *chunk) ([]*corpus.Article, []corpus.Problem, error) {
	if c.records == 0 {
		return nil, nil, nil
	}
	name := p.nonce + ".jsonl"
	fsys := fstest.MapFS{name: &fstest.MapFile{Data: c.data, Mode: 0o444}}
	// Duplicates are the library's to find, against all it has stored, by
	// the same rule (Add): the loader keeps them.
	cp, err := corpus.LoadFS(ctx, fsys, corpus.Options{MaxFileSize: int64(len(c.data)) + 1, Workers: 1, KeepDuplicates: true})
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	if cp == nil {
		return nil, nil, err
	}
	shift := c.firstLine - 1
	for _, a := range cp.Articles {
		p.renumber(a, c, shift)
	}
	probs := make([]corpus.Problem, 0, len(cp.Problems))
	for _, pr := range cp.Problems {
		if pr.Path == name {
			pr.Path = p.source
			if pr.Line > 0 {
				pr.Line += shift
			}
		}
		if pr.Err != nil && strings.Contains(pr.Err.Error(), p.nonce) {
			pr.Err = &renamedError{err: pr.Err, old: name, new: p.source, shift: shift}
		}
		probs = append(probs, pr)
	}
	return cp.Articles, probs, nil
}

// renumber moves an article read from the stand-in file to the real one.
func (p *recordParser) renumber(a *corpus.Article, c *chunk, shift int) {
	if n, ok := strings.CutPrefix(a.ID, p.nonce+"-"); ok {
		if k, err := strconv.Atoi(n); err == nil {
			a.ID = p.stem + "-" + strconv.Itoa(c.firstRecord-1+k)
		}
	}
	move := func(s *corpus.Span) {
		s.File = p.source
		s.StartLine += shift
		s.EndLine += shift
	}
	move(&a.Source)
	for i := range a.Body {
		move(&a.Body[i].Source)
	}
	for i := range a.Raw {
		if a.Raw[i].Number > 0 {
			a.Raw[i].Number += shift
		}
	}
}

// renamedError is a loader's error about the stand-in file, told about
// the real one; errors.Is still sees the loader's error.
type renamedError struct {
	err      error
	old, new string
	shift    int
}

func (e *renamedError) Error() string {
	msg := e.err.Error()
	// "already loaded from NAME:LINE" names a line of the stand-in.
	if i := strings.Index(msg, e.old+":"); i >= 0 {
		rest := msg[i+len(e.old)+1:]
		j := 0
		for j < len(rest) && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if line, err := strconv.Atoi(rest[:j]); err == nil {
			msg = msg[:i] + e.new + ":" + strconv.Itoa(line+e.shift) + rest[j:]
		}
	}
	return strings.ReplaceAll(msg, e.old, e.new)
}

func (e *renamedError) Unwrap() error { return e.err }
