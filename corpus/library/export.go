package library

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus"
)

// Format is a file format Export writes.
type Format string

// The formats Export writes: pmureader's own JSON record (the "pmureader"
// row of the README's table of JSON formats), as one JSON array or as
// JSON Lines. Both load back with corpus.Load.
const (
	FormatJSON  Format = "json"
	FormatJSONL Format = "jsonl"
)

// Record is one article in pmureader's JSON shape: the fields the JSON
// loader reads under pmureader's names (corpus/format_json.go). Text is
// the body, paragraphs separated by a blank line.
type jsonRecord struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Dek           string `json:"dek,omitempty"`
	Text          string `json:"text"`
	Date          string `json:"date,omitempty"`
	DatePrecision string `json:"date_precision,omitempty"`
	DateNote      string `json:"date_note,omitempty"`
	Outlet        string `json:"outlet,omitempty"`
	Via           string `json:"via,omitempty"`
	OutletProfile string `json:"outlet_profile,omitempty"`
	Author        string `json:"author,omitempty"`
	URL           string `json:"url,omitempty"`
	Event         string `json:"event,omitempty"`
	Story         string `json:"story,omitempty"`
}

// exportDate writes a date so that the loader reads back the same one:
// a date at midnight UTC as its precision shows it (2019-12-29, 2019-12,
// 2019), any other time as RFC 3339.
func exportDate(d corpus.Date) string {
	if !d.Known() {
		return ""
	}
	t := d.Time
	_, off := t.Zone()
	if off != 0 || t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
		return t.Format(time.RFC3339)
	}
	switch d.Precision {
	case corpus.PrecisionMonth:
		return t.Format("2006-01")
	case corpus.PrecisionYear:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

func toJSONRecord(a *corpus.Article) jsonRecord {
	paras := make([]string, len(a.Body))
	for i, p := range a.Body {
		paras[i] = p.Text
	}
	title := a.Title
	if a.TitleDerived { // the loader makes it again, and marks it
		title = ""
	}
	return jsonRecord{
		ID: a.ID, Title: title, Dek: a.Dek, Text: strings.Join(paras, "\n\n"),
		Date: exportDate(a.Date), DatePrecision: string(a.Date.Precision), DateNote: a.Date.Note,
		Outlet: a.Outlet, Via: a.Via, OutletProfile: a.OutletProfile, Author: a.Author,
		URL: a.URL, Event: a.Event, Story: a.Story,
	}
}

// exportBatch is how many articles Export reads per query.
const exportBatch = 500

// Export writes every article, in the order they were added, to w in
// format f, streaming: memory does not grow with the library. It returns
// how many articles it wrote.
func (l *Library) Export(ctx context.Context, w io.Writer, f Format) (int, error) {
	if f != FormatJSON && f != FormatJSONL {
		return 0, l.fail("export", fmt.Errorf("unknown format %q (want json or jsonl)", f))
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	count := 0
	write := func(s string) error {
		_, err := bw.WriteString(s)
		return err
	}
	if f == FormatJSON {
		if err := write("["); err != nil {
			return 0, l.fail("export", err)
		}
	}
	var after int64
	for {
		recs, err := l.records(ctx, after, exportBatch)
		if err != nil {
			return count, l.fail("export", err)
		}
		if len(recs) == 0 {
			break
		}
		for _, r := range recs {
			if f == FormatJSON {
				sep := ",\n"
				if count == 0 {
					sep = "\n"
				}
				if err := write(sep); err != nil {
					return count, l.fail("export", err)
				}
			}
			if err := enc.Encode(toJSONRecord(r.Article)); err != nil {
				return count, l.fail("export", err)
			}
			count++
		}
		after = recs[len(recs)-1].N
	}
	if f == FormatJSON {
		if err := write("]\n"); err != nil {
			return count, l.fail("export", err)
		}
	}
	return count, l.fail("export", bw.Flush())
}

// records reads up to n whole records after number after.
func (l *Library) records(ctx context.Context, after int64, n int) ([]*Record, error) {
	rows, err := l.r.QueryContext(ctx, `SELECT `+articleCols+`, d.doc FROM articles a
		JOIN documents d ON d.n = a.n WHERE a.n > ? ORDER BY a.n LIMIT ?`, after, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Record
	for rows.Next() {
		var doc []byte
		r, err := scanRecord(scanTail{rows, []any{&doc}})
		if err != nil {
			return nil, err
		}
		d, err := decodeDocument(doc)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", r.Article.ID, err)
		}
		r.Article.Body, r.Article.Raw = d.Body, d.Raw
		out = append(out, r)
	}
	return out, rows.Err()
}
