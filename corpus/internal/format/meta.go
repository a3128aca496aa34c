package format

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pmureader/pmureader/corpus/internal/article"
	"github.com/pmureader/pmureader/corpus/textnorm"
	"go.yaml.in/yaml/v3"
)

// Meta is what metadata (a meta.yaml record, a part of one, Markdown
// front matter, a JSON record) says about an article. Empty fields say
// nothing; every string is already sanitised to one line.
type Meta struct {
	File          string // meta.yaml only: the file the record describes
	Path          string // the meta.yaml or Markdown file the record is in
	Line          int    // where the record starts, for problems
	ID            string
	Title         string
	Dek           string
	Outlet        string
	Via           string
	OutletProfile string
	Author        string
	URL           string
	Event         string
	Story         string
	Date          article.Date
	DateNote      string
	// Parts overrides fields of the 1st, 2nd, … article of a file that
	// holds several (meta.yaml only).
	Parts []*Meta
}

// apply sets the fields the record knows on a, overriding what cleaning
// found (a title of its own replaces one cleaning derived).
func (m *Meta) apply(a *article.Article) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	if m.Title != "" {
		a.Title, a.TitleDerived = m.Title, false
	}
	set(&a.Dek, m.Dek)
	set(&a.Outlet, m.Outlet)
	set(&a.Via, m.Via)
	set(&a.OutletProfile, m.OutletProfile)
	set(&a.Author, m.Author)
	set(&a.URL, m.URL)
	set(&a.Event, m.Event)
	set(&a.Story, m.Story)
	if m.Date.Known() {
		a.Date = m.Date
	}
	set(&a.Date.Note, m.DateNote)
}

// metaContext says where fields are being read, which decides the fields
// allowed and whether unknown ones are worth a warning.
type metaContext int

const (
	inMetaFile    metaContext = iota // a record of meta.yaml
	inPart                           // an item of a record's parts
	inFrontMatter                    // Markdown front matter: other tools' fields are normal there
)

// yamlLine finds "line N" in a yaml error: the parser's position.
var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// yamlProblem turns a YAML syntax error in text into a Problem whose line
// is the file's line: the YAML's line plus offset.
func yamlProblem(file, text string, err error, offset int, kind error) article.Problem {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = msg[len(m[0]):]
	}
	if l := firstBadLine(text); l > 0 {
		line = l
	}
	return article.Problem{Path: file, Line: line + offset, Err: fmt.Errorf("%w: %s", kind, msg)}
}

// firstBadLine finds the line of a YAML syntax error as the shortest run of
// leading lines that fails to parse, by bisection; 0 if none does. The
// yaml package's own line numbers are 0-based for some errors and 1-based
// for others, and often name where a construct began rather than where it
// broke.
func firstBadLine(text string) int {
	lines := strings.SplitAfter(text, "\n")
	fails := func(k int) bool {
		var n yaml.Node
		return yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &n) != nil
	}
	if !fails(len(lines)) {
		return 0
	}
	lo, hi := 0, len(lines) // lines[:lo] parses, lines[:hi] fails
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// parseYAML parses sanitised YAML text into its root node; nil for an empty
// document.
func parseYAML(text string) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return resolve(doc.Content[0]), nil
}

func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// ParseMeta reads a meta.yaml: a list of records keyed by file. Records
// or fields it cannot use are reported with their line and left out; the
// rest is used.
func ParseMeta(file string, data []byte) (map[string]*Meta, []article.Problem) {
	recs, probs := parseMeta(file, data)
	// YAML places a node it makes up (the empty document of "---") on the
	// line after the last; a problem names a line of the file.
	last := strings.Count(string(data), "\n")
	if len(data) > 0 && data[len(data)-1] != '\n' {
		last++
	}
	for i := range probs {
		probs[i].Line = min(probs[i].Line, max(last, 1))
	}
	return recs, probs
}

func parseMeta(file string, data []byte) (map[string]*Meta, []article.Problem) {
	var probs []article.Problem
	if !textnorm.ValidUTF8(string(data)) {
		probs = append(probs, article.Problem{Path: file, Warning: true, Err: fmt.Errorf("%w replaced with U+FFFD", article.ErrInvalidUTF8)})
	}
	text := textnorm.Sanitize(string(data))
	root, err := parseYAML(text)
	if err != nil {
		return nil, append(probs, yamlProblem(file, text, err, 0, article.ErrMeta))
	}
	if root == nil {
		return nil, probs
	}
	if root.Kind != yaml.SequenceNode {
		return nil, append(probs, article.Problem{Path: file, Line: root.Line,
			Err: fmt.Errorf("%w: want a list of records (\"- file: NAME.txt\" …)", article.ErrMeta)})
	}
	recs := map[string]*Meta{}
	for _, n := range root.Content {
		n = resolve(n)
		if n.Kind != yaml.MappingNode {
			probs = append(probs, article.Problem{Path: file, Line: n.Line, Err: fmt.Errorf("%w: a record must be a mapping of fields", article.ErrMeta)})
			continue
		}
		rec, more := decodeMeta(file, n, 0, inMetaFile)
		probs = append(probs, more...)
		switch {
		case rec.File == "":
			probs = append(probs, article.Problem{Path: file, Line: n.Line, Err: fmt.Errorf("%w: record has no file: field; ignored", article.ErrMeta)})
		case recs[rec.File] != nil:
			probs = append(probs, article.Problem{Path: file, Line: n.Line,
				Err: fmt.Errorf("%w: second record for %s (first at line %d); ignored", article.ErrMeta, rec.File, recs[rec.File].Line)})
		default:
			recs[rec.File] = rec
		}
	}
	return recs, probs
}

// metaDecoder reads the fields of one mapping node into a Meta, and
// collects the warnings about single fields.
type metaDecoder struct {
	file   string
	offset int // added to YAML line numbers to give file lines
	where  metaContext
	rec    *Meta
	probs  []article.Problem
	// The date and its precision are read together once all fields are.
	date, precision         string
	dateNode, precisionNode *yaml.Node
}

// decodeMeta reads the fields of one mapping node. offset is added to YAML
// line numbers to give file lines (1 for front matter after its fence).
// Problems with single fields are warnings: the article still loads.
func decodeMeta(file string, n *yaml.Node, offset int, where metaContext) (*Meta, []article.Problem) {
	d := &metaDecoder{file: file, offset: offset, where: where, rec: &Meta{Path: file, Line: n.Line + offset}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		d.field(resolve(n.Content[i]), resolve(n.Content[i+1]))
	}
	d.finishDate()
	return d.rec, d.probs
}

// warn records a warning about the field at node at.
func (d *metaDecoder) warn(at *yaml.Node, format string, args ...any) {
	d.probs = append(d.probs, article.Problem{Path: d.file, Line: at.Line + d.offset, Warning: true,
		Err: fmt.Errorf("%w: %s", article.ErrMeta, fmt.Sprintf(format, args...))})
}

// field reads the field with key node k and value node v.
func (d *metaDecoder) field(k, v *yaml.Node) {
	key := strings.ToLower(k.Value)
	switch key {
	case "date":
		if s, ok := d.scalar(key, v); ok {
			d.date, d.dateNode = s, v
		}
		return
	case "date_precision":
		if s, ok := d.scalar(key, v); ok {
			d.precision, d.precisionNode = s, v
		}
		return
	case "parts":
		if d.where == inMetaFile {
			d.parts(v)
			return
		}
	}
	dst := d.text(key)
	if dst == nil {
		if d.where != inFrontMatter {
			d.warn(k, "unknown field %q; ignored", k.Value)
		}
		return
	}
	if s, ok := d.scalar(key, v); ok {
		*dst = s
	}
}

// text returns where the text field key goes, or nil for a field that is
// not one here.
func (d *metaDecoder) text(key string) *string {
	rec := d.rec
	switch key {
	case "file":
		if d.where == inMetaFile {
			return &rec.File
		}
	case "id":
		if d.where == inFrontMatter {
			return &rec.ID
		}
	case "title":
		return &rec.Title
	case "dek", "description", "subtitle":
		return &rec.Dek
	case "outlet":
		return &rec.Outlet
	case "via":
		return &rec.Via
	case "outlet_profile":
		return &rec.OutletProfile
	case "author", "authors":
		return &rec.Author
	case "url":
		return &rec.URL
	case "event":
		return &rec.Event
	case "story":
		return &rec.Story
	case "date_note":
		return &rec.DateNote
	}
	return nil
}

// scalar returns the value of a one-value field, sanitised (authors may
// be a list: they are joined by ", "), or warns.
func (d *metaDecoder) scalar(key string, v *yaml.Node) (string, bool) {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return "", true
	case v.Kind == yaml.ScalarNode:
		return yamlValue(key, v.Value), true
	case (key == "author" || key == "authors") && v.Kind == yaml.SequenceNode:
		var names []string
		for _, c := range v.Content {
			if c = resolve(c); c.Kind == yaml.ScalarNode && c.Value != "" {
				names = append(names, yamlValue(key, c.Value))
			}
		}
		return strings.Join(names, ", "), true
	}
	d.warn(v, "field %s: want a single value", key)
	return "", false
}

// parts reads a record's parts: one mapping of fields per item of the
// file, {} or null for none.
func (d *metaDecoder) parts(v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		d.warn(v, "parts: want a list with one entry per item of the file")
		return
	}
	for _, c := range v.Content {
		c = resolve(c)
		switch {
		case c.Kind == yaml.MappingNode:
			part, more := decodeMeta(d.file, c, d.offset, inPart)
			d.probs = append(d.probs, more...)
			d.rec.Parts = append(d.rec.Parts, part)
		case c.Kind == yaml.ScalarNode && c.Tag == "!!null":
			d.rec.Parts = append(d.rec.Parts, &Meta{Line: c.Line + d.offset})
		default:
			d.warn(c, "parts: each entry must be a mapping of fields ({} for none)")
			d.rec.Parts = append(d.rec.Parts, &Meta{Line: c.Line + d.offset})
		}
	}
}

// finishDate reads the date with its precision, once both are known. A bad
// precision is dropped (the date's own is used); a bad date is left out.
func (d *metaDecoder) finishDate() {
	if d.precision != "" {
		if _, err := parsePrecision(d.precision); err != nil {
			d.warn(d.precisionNode, "%v; the date's own precision is used", err)
			d.precision = ""
		}
	}
	if d.date == "" {
		return
	}
	date, err := parseDate(d.date, d.precision)
	if err != nil {
		d.warn(d.dateNode, "%v", err)
		return
	}
	d.rec.Date = date
}

// yamlValue sanitises the value of field key decoded from YAML: the YAML
// text was sanitised already, but YAML escapes ("\e", "\x9b") can have put
// control characters back. Nothing is entity-decoded (YAML is not HTML),
// and an address is made safe as an address (textnorm.SafeURL).
func yamlValue(key, v string) string {
	if key == "url" {
		return textnorm.SafeURL(strings.TrimSpace(v))
	}
	return textnorm.Line(v)
}
