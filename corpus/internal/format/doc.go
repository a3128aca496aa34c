// Package format reads the bytes of one input file into articles: plain
// text (cleaned by corpus/clean, with the metadata of a meta.yaml beside
// it), Markdown with YAML front matter, JSON and JSON Lines records under
// the field names of the common scrapers, and saved web pages (read by
// corpus/webpage; html.go maps a Page onto an Article). It owns everything about a
// file's content: which extensions are read (Kind, KindOf), what makes a
// file no article at all (empty, binary, too large), the repair of invalid
// UTF-8, ids and fallback titles, dates, the meta.yaml format (ParseMeta),
// and showing a hostile path or message safely (SafeText, SafeProblem).
// New formats go here: a Kind, its extensions and a parse function called
// from Parse. Each format decides which of its fields are HTML-escaped
// (textnorm.DecodeEntities before sanitising): Markdown text always, JSON
// fields that read as escaped, never a URL, plain text, YAML or a page the
// HTML parser has decoded already.
//
// Parse reads a file already in memory; Stream reads a large JSON Lines
// file from an io.Reader and parses its pieces on several cores while it
// is read. JSON records are decoded by a hand-written one-pass scanner
// (json_scan.go) that falls back to encoding/json whenever it is not sure;
// it is kept because it is about 2.5 times faster per record
// (BenchmarkDecodeJSONRecord: 8.3 µs against 20.7 µs for a 4 KB record on
// the reference machine), which is most of the time a large corpus takes
// to load. FuzzDecodeJSONRecord checks the two agree.
//
// format imports corpus/internal/article (the types it fills),
// corpus/clean, corpus/textnorm, corpus/webpage (pages, and the date
// reader for date lines) and corpus/internal/swar. It reads no
// files itself (the loader, corpus/internal/load, does) and must not import
// corpus or the loader, nor anything of the terminal.
package format
