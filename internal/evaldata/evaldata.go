// Package evaldata finds and reads the labelled news data used to measure
// cleaning, story grouping and alignment (../shared/eval beside the module
// root). The data lives beside the project, not in it, so tests that use it
// skip where it is absent; CI has it. Only tests import this package.
package evaldata

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
)

// ErrAbsent is wrapped by NewsECBDir when the data is not beside the module.
var ErrAbsent = errors.New("evaluation data is absent (it lives beside the project, in ../shared/eval)")

// NewsECBDir returns the news_ecb folder beside the module root (the nearest
// folder above the working directory that holds go.mod), or an error
// wrapping ErrAbsent that says where it looked.
func NewsECBDir() (string, error) { return Dir("news_ecb") }

// NewsSynthDevDir returns the news_synth_dev folder (the development half
// of news_synth) beside the module root, as NewsECBDir does.
func NewsSynthDevDir() (string, error) { return Dir("news_synth_dev") }

// Dir returns the data set folder ../shared/eval/NAME beside the module
// root (the nearest folder above the working directory that holds go.mod),
// or an error wrapping ErrAbsent that says where it looked.
//
// In -short mode (the race detector's step of CI) it reports the data
// absent: the quality measurements run in the full test step.
func Dir(name string) (string, error) {
	if testing.Short() {
		return "", fmt.Errorf("%s not read in -short mode: %w", name, ErrAbsent)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find evaluation data: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory: %w", ErrAbsent)
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "eval", name)
	if _, err := os.Stat(filepath.Join(d, "docs.json")); errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s: %w", d, ErrAbsent)
	} else if err != nil {
		return "", fmt.Errorf("find evaluation data: %w", err)
	}
	return d, nil
}

// Docs reads dir/docs.json: for each document id, its sentences in order.
// A sentence index missing from the file leaves an empty string, so that
// sentence i is always element i (gold links refer to indexes).
func Docs(dir string) (map[string][]string, error) {
	path := filepath.Join(dir, "docs.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var docs map[string]map[string]string
	if err := json.Unmarshal(raw, &docs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	out := make(map[string][]string, len(docs))
	for id, sents := range docs {
		idx := make([]int, 0, len(sents))
		for k := range sents {
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("parse %s: document %s: bad sentence index %q", path, id, k)
			}
			idx = append(idx, n)
		}
		sort.Ints(idx)
		var lines []string
		if len(idx) > 0 {
			lines = make([]string, idx[len(idx)-1]+1)
		}
		for _, n := range idx {
			lines[n] = sents[strconv.Itoa(n)]
		}
		out[id] = lines
	}
	return out, nil
}

// Link is one linked document pair of links.json: for each sentence of
// Doc1 (by index), the sentences of Doc2 it is linked to.
type Link struct {
	Doc1  string
	Doc2  string
	Links map[int][]int
}

// Links reads dir/links.json, ordered by link id so that callers can split
// it into halves the same way every run.
func Links(dir string) ([]Link, error) {
	path := filepath.Join(dir, "links.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var links map[string]struct {
		Doc1  string              `json:"doc1"`
		Doc2  string              `json:"doc2"`
		Links map[string][]string `json:"links"`
	}
	if err := json.Unmarshal(raw, &links); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	ids := make([]string, 0, len(links))
	for id := range links {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make([]Link, 0, len(ids))
	for _, id := range ids {
		l := links[id]
		m := make(map[int][]int, len(l.Links))
		for src, tgts := range l.Links {
			s, err := strconv.Atoi(src)
			if err != nil {
				return nil, fmt.Errorf("parse %s: link %s: bad sentence index %q", path, id, src)
			}
			for _, x := range tgts {
				t, err := strconv.Atoi(x)
				if err != nil {
					return nil, fmt.Errorf("parse %s: link %s: bad sentence index %q", path, id, x)
				}
				m[s] = append(m[s], t)
			}
		}
		out = append(out, Link{Doc1: l.Doc1, Doc2: l.Doc2, Links: m})
	}
	return out, nil
}
