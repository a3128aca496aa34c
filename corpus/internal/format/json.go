package format

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// parseJSON reads a .json file: one article object or an array of them.
// Records without an id get the file's stem and their 1-based position
// ("feed-3"). A record that is not an object is reported and skipped; a
// syntax error ends the file there.
func parseJSON(file string, data []byte) ([]*article.Article, []article.Problem) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark is not JSON
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	lines := lineCounter{data: data, line: 1}
	stem := fileStem(file)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{':
		var r jsonRecord
		if err := decodeJSONRecord(data, &r); err != nil {
			if looksLikeJSONLines(trimmed) {
				arts, probs := parseJSONL(context.Background(), file, data, 1)
				return arts, append([]article.Problem{{Path: file, Warning: true,
					Err: fmt.Errorf("%w: one JSON object per line in a .json file; read as JSON Lines (name it .jsonl)", article.ErrBadRecord)}}, probs...)
			}
			return nil, []article.Problem{jsonProblem(file, data, err)}
		}
		a, probs := r.article(file, lines.at(len(data)-len(trimmed)), lines.at(len(data)))
		if a == nil {
			return nil, probs
		}
		if a.ID == "" {
			a.ID = stem
		}
		return []*article.Article{a}, probs
	case len(trimmed) > 0 && trimmed[0] == '[':
	default:
		return nil, []article.Problem{{Path: file, Line: lines.at(len(data) - len(trimmed)),
			Err: fmt.Errorf("%w: want a JSON object or an array of objects", article.ErrBadRecord)}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the '['
		return nil, []article.Problem{jsonProblem(file, data, err)}
	}
	var arts []*article.Article
	var probs []article.Problem
	for n := 1; dec.More(); n++ {
		off := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			probs = append(probs, jsonProblem(file, data, err))
			break
		}
		// The record starts at its first non-space byte after off.
		startOff := off + len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n,"))
		start := lines.at(startOff)
		endLine := lines.at(int(dec.InputOffset()))
		if len(raw) == 0 || raw[0] != '{' {
			probs = append(probs, article.Problem{Path: file, Line: start, Err: fmt.Errorf("%w: record %d is not a JSON object; skipped", article.ErrBadRecord, n)})
			continue
		}
		var r jsonRecord
		if err := decodeJSONRecord(raw, &r); err != nil {
			probs = append(probs, article.Problem{Path: file, Line: start, Err: fmt.Errorf("%w: record %d: %w; skipped", article.ErrBadRecord, n, err)})
			continue
		}
		a, more := r.article(file, start, endLine)
		probs = append(probs, more...)
		if a == nil {
			continue
		}
		if a.ID == "" {
			a.ID = numberedRecordID(stem, n)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(probs) == 0 {
		probs = append(probs, article.Problem{Path: file, Err: fmt.Errorf("%w: the array is empty", article.ErrNoArticles)})
	}
	return arts, probs
}

// looksLikeJSONLines reports whether data (which failed to decode as one
// object) holds one object per line: its first line is a whole object and
// another line follows.
func looksLikeJSONLines(data []byte) bool {
	first, rest, ok := bytes.Cut(data, []byte{'\n'})
	if !ok || len(bytes.TrimSpace(rest)) == 0 {
		return false
	}
	var r jsonRecord
	return decodeJSONRecord(bytes.TrimSpace(first), &r) == nil
}

// lineCounter turns increasing byte offsets into line numbers without
// recounting from the start each time.
type lineCounter struct {
	data []byte
	off  int
	line int
}

func (c *lineCounter) at(off int) int {
	off = min(max(off, 0), len(c.data))
	if off < c.off { // not increasing: count afresh
		c.off, c.line = 0, 1
	}
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}

// jsonProblem reports a JSON error in data with the line (and column) it
// happened at.
func jsonProblem(file string, data []byte, err error) article.Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.As(err, &te):
		off = int(te.Offset)
	}
	if off < 0 {
		return article.Problem{Path: file, Err: fmt.Errorf("%w: %w", article.ErrBadRecord, err)}
	}
	off = min(off, len(data))
	lc := lineCounter{data: data, line: 1}
	line := lc.at(off)
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return article.Problem{Path: file, Line: line, Err: fmt.Errorf("%w: invalid JSON at column %d: %w", article.ErrBadRecord, col, err)}
}
