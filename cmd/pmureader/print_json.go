package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/stories"
	"github.com/pmureader/pmureader/internal/termtext"
)

// schemaVersion is the version of the JSON documents the CLI prints. It goes
// up only when a field is removed, renamed or changes meaning; new fields
// may appear without a bump, so consumers should ignore fields they do not
// know. Version 2: a comparison's number differences are facts (one item
// per article, with a relation) instead of pairs, attribution differences
// are one per article, and a figure's qualifier is corpus/quantity's name
// ("more than", "exact").
//
// Every --json output is one JSON document (not JSON Lines), an object
// whose first key is "schema_version", so `jq` and any JSON parser read it
// whole. The shapes are the *JSON types below; the README documents them.
//
// The CLI's JSON types are its own, not the corpus model's tags: the model
// may change for the program's sake without breaking scripts. All fields are
// always present (empty string, 0, false or [] when there is nothing), so a
// consumer never has to tell "missing" from "empty".
const schemaVersion = 2

// listJSON is `pmureader list --json`.
type listJSON struct {
	SchemaVersion int           `json:"schema_version"`
	Articles      []articleOut  `json:"articles"`
	Problems      []problemJSON `json:"problems"`
}

// showJSON is `pmureader show ID --json`.
type showJSON struct {
	SchemaVersion int           `json:"schema_version"`
	Article       articleOut    `json:"article"`
	Problems      []problemJSON `json:"problems"`
}

// articleOut is one article with all its metadata and its paragraphs.
type articleOut struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// TitleDerived is true when the source had no headline and Title was
	// made from the start of the text.
	TitleDerived  bool   `json:"title_derived"`
	Dek           string `json:"dek"`
	Outlet        string `json:"outlet"`
	Via           string `json:"via"`
	OutletProfile string `json:"outlet_profile"`
	Author        string `json:"author"`
	// Date is "YYYY-MM-DD", "YYYY-MM" or "YYYY" as precise as known, or ""
	// when unknown. An approximate date is a full day; date_note says
	// how it was inferred.
	Date          string `json:"date"`
	DatePrecision string `json:"date_precision"` // day | approximate | month | year | ""
	DateNote      string `json:"date_note"`
	URL           string `json:"url"`
	Event         string `json:"event"`
	// Story is the name of the story the article is in, as grouping found
	// it (`pmureader stories`), else the story its metadata pins; StoryID
	// is that story's id ("" when not grouped).
	Story   string `json:"story"`
	StoryID string `json:"story_id"`
	// CopyOf is the id of the article this one republishes, or "".
	CopyOf     string          `json:"copy_of"`
	Format     string          `json:"format"` // text | markdown | json | jsonl
	Words      int             `json:"words"`
	Source     spanJSON        `json:"source"`
	Paragraphs []paragraphJSON `json:"paragraphs"`
	// Raw is present only with show --json --raw.
	Raw []lineJSON `json:"raw,omitempty"`
}

// storyOut is one story of `pmureader stories --json`: stories.Story with
// every field always present (Related is [] when there is none).
type storyOut struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Articles []string `json:"articles"` // article ids, oldest first
	Outlets  []string `json:"outlets"`
	// Start and End span the members' known dates, as corpus.Date: time,
	// precision and note.
	Start   corpus.Date `json:"start"`
	End     corpus.Date `json:"end"`
	Related []string    `json:"related"`
	Pinned  bool        `json:"pinned"` // named by a story: in metadata
	Score   float64     `json:"score"`
}

func storyJSON(s stories.Story) storyOut {
	nonNil := func(xs []string) []string {
		if xs == nil {
			return []string{}
		}
		return xs
	}
	return storyOut{ID: s.ID, Name: s.Name, Articles: nonNil(s.Articles), Outlets: nonNil(s.Outlets),
		Start: s.Start, End: s.End, Related: nonNil(s.Related), Pinned: s.Pinned, Score: s.Score}
}

// spanJSON is a line range in a source file, 1-based and inclusive.
type spanJSON struct {
	File      string `json:"file"`
	StartLine int    `json:"start_line"`
	EndLine   int    `json:"end_line"`
}

// paragraphJSON is one body paragraph; Index is its 0-based position, the
// number search results refer to.
type paragraphJSON struct {
	Index   int      `json:"index"`
	Text    string   `json:"text"`
	Subhead bool     `json:"subhead"`
	Source  spanJSON `json:"source"`
}

// lineJSON is one raw source line with the role cleaning gave it.
type lineJSON struct {
	Line int    `json:"line"`
	Text string `json:"text"`
	Role string `json:"role"` // title | dek | caption | body | subhead | byline | via | chrome | blank | other
	Why  string `json:"why"`  // for chrome: the rule that removed it
}

// problemJSON is one load problem, as also printed on stderr.
type problemJSON struct {
	Path    string `json:"path"`
	Line    int    `json:"line"` // 0 when no line applies
	Message string `json:"message"`
	Warning bool   `json:"warning"` // true: a repair; the article still loaded
}

func spanOut(s corpus.Span) spanJSON {
	return spanJSON{File: termtext.OneLine(s.File), StartLine: s.StartLine, EndLine: s.EndLine}
}

// dateOut renders a date as precisely as it is known.
func dateOut(d corpus.Date) string {
	if !d.Known() {
		return ""
	}
	switch d.Precision {
	case corpus.PrecisionMonth:
		return d.Time.Format("2006-01")
	case corpus.PrecisionYear:
		return d.Time.Format("2006")
	default:
		return d.Time.Format("2006-01-02")
	}
}

// articleJSON converts an article, naming its story after names; withRaw
// adds its raw lines.
func articleJSON(a *corpus.Article, withRaw bool, names storyNames) articleOut {
	storyID, story := names.of(a)
	out := articleOut{
		ID: a.ID, Title: a.Title, TitleDerived: a.TitleDerived, Dek: a.Dek, Outlet: a.Outlet, Via: a.Via,
		OutletProfile: a.OutletProfile, Author: a.Author,
		Date: dateOut(a.Date), DatePrecision: string(a.Date.Precision), DateNote: a.Date.Note,
		URL: a.URL, Event: a.Event, Story: story, StoryID: storyID, CopyOf: a.CopyOf, Format: a.Format, Words: a.Words,
		Source:     spanOut(a.Source),
		Paragraphs: make([]paragraphJSON, 0, len(a.Body)),
	}
	for i, p := range a.Body {
		out.Paragraphs = append(out.Paragraphs, paragraphJSON{Index: i, Text: p.Text, Subhead: p.Subhead, Source: spanOut(p.Source)})
	}
	if withRaw {
		out.Raw = make([]lineJSON, 0, len(a.Raw))
		for _, l := range a.Raw {
			out.Raw = append(out.Raw, lineJSON{Line: l.Number, Text: l.Text, Role: string(l.Role), Why: l.Why})
		}
	}
	return out
}

// problemsJSON converts load problems. Path and message are sanitised like
// the stderr line: a file name may hold anything, and JSON escaping leaves
// C1 controls and DEL as they are.
func problemsJSON(ps []corpus.Problem) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		msg := ""
		if p.Err != nil {
			msg = termtext.OneLine(p.Err.Error())
		}
		out = append(out, problemJSON{Path: termtext.OneLine(p.Path), Line: p.Line, Message: msg, Warning: p.Warning})
	}
	return out
}

// writeJSON prints v as indented JSON followed by a newline. Every string
// in it is sanitised text, and the encoder escapes C0 controls besides, so
// JSON output holds no escape codes. HTML escaping is off: "<" stays "<".
func (a *app) writeJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// writeListJSON prints the listJSON document one article at a time, so
// that a corpus of many thousand articles is never held twice in memory
// as JSON. The bytes are exactly what writeJSON(listJSON{...}) would print.
// From the library, c holds headers and each article is read whole as it
// is printed (wholeArticle).
func (a *app) writeListJSON(ctx context.Context, c *corpus.Corpus, names storyNames) error {
	// A bufio.Writer keeps its first error and flush reports it, so the
	// writes below need no check of their own.
	w := bufio.NewWriter(a.stdout)
	fmt.Fprintf(w, "{\n  \"schema_version\": %d,\n  \"articles\": [", schemaVersion)
	for i, art := range c.Articles {
		art, err := a.wholeArticle(ctx, art)
		if err != nil {
			return err
		}
		b, err := marshalIndent(articleJSON(art, false, names), "    ")
		if err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
		if i > 0 {
			_ = w.WriteByte(',')
		}
		_, _ = w.WriteString("\n    ")
		_, _ = w.Write(b)
	}
	if len(c.Articles) > 0 {
		_, _ = w.WriteString("\n  ")
	}
	_, _ = w.WriteString("],\n  \"problems\": ")
	b, err := marshalIndent(problemsJSON(c.Problems), "  ")
	if err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	_, _ = w.Write(b)
	_, _ = w.WriteString("\n}\n")
	return flush(w)
}

// marshalIndent is json.MarshalIndent with writeJSON's settings (two-space
// indent, no HTML escaping), without the trailing newline.
func marshalIndent(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
