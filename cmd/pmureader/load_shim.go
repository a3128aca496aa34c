package main

// TEMPORARY: a stand-in for corpus.Load/LoadFS until the loader lands, so
// that the command can be built and tested end to end. Deleted then.

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

func shimLoadFS(ctx context.Context, fsys fs.FS, opt corpus.Options) (*corpus.Corpus, error) {
	var arts []*corpus.Article
	var probs []corpus.Problem
	entries, _ := fs.ReadDir(fsys, ".")
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			probs = append(probs, corpus.Problem{Path: e.Name(), Err: err})
			continue
		}
		arts = append(arts, shimParse(e.Name(), string(b)))
	}
	if len(arts) == 0 {
		return corpus.New(nil, probs), corpus.ErrNothingLoaded
	}
	return corpus.New(arts, probs), nil
}

func shimLoad(ctx context.Context, paths []string, opt corpus.Options) (*corpus.Corpus, error) {
	var arts []*corpus.Article
	var probs []corpus.Problem
	max := opt.MaxFileSize
	if max == 0 {
		max = corpus.DefaultMaxFileSize
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			probs = append(probs, corpus.Problem{Path: p, Err: err})
			continue
		}
		files := []string{p}
		if st.IsDir() {
			files, _ = filepath.Glob(filepath.Join(p, "*.txt"))
		}
		for _, f := range files {
			st, err := os.Stat(f)
			if err == nil && st.Size() > max {
				probs = append(probs, corpus.Problem{Path: f, Err: fmt.Errorf("file is %d bytes, over the %d byte limit", st.Size(), max)})
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				probs = append(probs, corpus.Problem{Path: f, Err: err})
				continue
			}
			if len(strings.TrimSpace(string(b))) == 0 {
				probs = append(probs, corpus.Problem{Path: f, Line: 1, Err: fmt.Errorf("empty file")})
				continue
			}
			arts = append(arts, shimParse(f, string(b)))
		}
	}
	if len(arts) == 0 {
		return corpus.New(nil, probs), fmt.Errorf("load: %w", corpus.ErrNothingLoaded)
	}
	return corpus.New(arts, probs), nil
}

func shimParse(file, text string) *corpus.Article {
	a := &corpus.Article{ID: strings.TrimSuffix(path.Base(filepath.ToSlash(file)), ".txt"), Format: "text"}
	lines := strings.Split(textnorm.Sanitize(text), "\n")
	a.Source = corpus.Span{File: file, StartLine: 1, EndLine: len(lines)}
	for i, l := range lines {
		n := i + 1
		switch {
		case strings.TrimSpace(l) == "":
			a.Raw = append(a.Raw, corpus.Line{Number: n, Text: l, Role: corpus.RoleBlank})
		case a.Title == "":
			a.Title = textnorm.Line(l)
			a.Raw = append(a.Raw, corpus.Line{Number: n, Text: l, Role: corpus.RoleTitle})
		case strings.HasPrefix(l, "Author: "):
			a.Author = strings.TrimPrefix(l, "Author: ")
			a.Raw = append(a.Raw, corpus.Line{Number: n, Text: l, Role: corpus.RoleByline})
		default:
			a.Body = append(a.Body, corpus.Paragraph{Text: strings.TrimSpace(l), Source: corpus.Span{File: file, StartLine: n, EndLine: n}})
			a.Raw = append(a.Raw, corpus.Line{Number: n, Text: l, Role: corpus.RoleBody})
			a.Words += len(strings.Fields(l))
		}
	}
	return a
}
