package format

import (
	"context"
	"path"
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// Kind is an input format; its value is what Article.Format says.
type Kind string

// The formats pmureader reads.
const (
	Text      Kind = "text"     // .txt: scraped text, cleaned (see corpus/clean)
	Markdown  Kind = "markdown" // .md, .markdown: optional YAML front matter
	JSON      Kind = "json"     // .json: one record or an array of them
	JSONLines Kind = "jsonl"    // .jsonl, .ndjson: one record a line
	HTML      Kind = "html"     // .html, .htm: a saved web page (see corpus/webpage)
)

// kindByExt maps a lower-case file extension to the format that reads it.
// Anything else is not an article.
var kindByExt = map[string]Kind{
	".txt":      Text,
	".md":       Markdown,
	".markdown": Markdown,
	".json":     JSON,
	".jsonl":    JSONLines,
	".ndjson":   JSONLines,
	".html":     HTML,
	".htm":      HTML,
}

// Extensions lists the extensions read, for messages.
const Extensions = ".txt, .md, .markdown, .json, .jsonl, .ndjson, .html or .htm"

// MetaFile is the metadata file read beside plain-text articles.
const MetaFile = "meta.yaml"

// KindOf returns the format of a file by its name, or false when the
// extension is not one pmureader reads.
func KindOf(name string) (Kind, bool) {
	k, ok := kindByExt[strings.ToLower(path.Ext(name))]
	return k, ok
}

// File is one input file to parse: its format, its path, and what a parser
// may need beside its bytes.
type File struct {
	Kind Kind
	// Path is the file's path as given. Ids are made from its stem;
	// spans and problems show it sanitised (SafeText).
	Path string
	// Meta, for a text file, returns the meta.yaml record for the file (nil
	// when there is none) and the problems of reading it, which come
	// first among the file's problems. It is called at most once, and
	// only for a file that has text to clean.
	Meta func() (*Meta, []article.Problem)
	// Workers is how many goroutines may parse a large JSON Lines file.
	Workers int
	// MaxRecord, for a JSON Lines file, is the largest record (line) read,
	// in bytes; longer ones are reported and skipped. 0: no limit.
	MaxRecord int64
}

// Parse reads the whole of a file, its bytes in data, into articles. An
// empty or binary file gives one problem and nothing else; invalid UTF-8 is
// repaired (Sanitize) with a warning; what cannot be read is reported and
// the rest loads. Every article gets its Format and Words.
func Parse(ctx context.Context, f File, data []byte) ([]*article.Article, []article.Problem) {
	shown := SafeText(f.Path)
	if p, ok := checkShape(shown, data, f.Kind == HTML && wideText(data)); !ok {
		return nil, []article.Problem{p}
	}
	var probs []article.Problem
	// A JSON Lines file is checked for invalid UTF-8 as it is parsed, on
	// every core; a page is decoded from its own charset.
	if f.Kind != JSONLines && f.Kind != HTML {
		if p, ok := checkUTF8(shown, data); !ok {
			probs = append(probs, p)
		}
	}
	var arts []*article.Article
	var more []article.Problem
	switch f.Kind {
	case Text:
		arts, more = parseText(f.Path, shown, data, f.Meta)
	case Markdown:
		arts, more = parseMarkdown(shown, data)
	case JSON:
		arts, more = parseJSON(shown, data)
	case JSONLines:
		arts, more = parseJSONLines(ctx, shown, data, f.Workers, f.MaxRecord, true)
	case HTML:
		arts, more = parseHTML(pageSource{file: f.Path, shown: shown}, data)
	}
	probs = append(probs, more...)
	for _, a := range arts {
		a.Format = string(f.Kind)
		if f.Kind != JSONLines { // parseJSONLines counted them on its workers
			a.Words = bodyWords(a.Body)
		}
	}
	return arts, probs
}
