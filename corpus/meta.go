package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
	"go.yaml.in/yaml/v3"
)

// metaRecord is what metadata (a meta.yaml record, a part of one, Markdown
// front matter, a JSON record) says about an article. Empty fields say
// nothing; every string is already sanitised to one line.
type metaRecord struct {
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
	Date          Date
	DateNote      string
	// Parts overrides fields of the 1st, 2nd, … article of a file that
	// holds several (meta.yaml only).
	Parts []*metaRecord
}

// apply sets the fields the record knows on a, overriding what cleaning
// found.
func (m *metaRecord) apply(a *Article) {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&a.Title, m.Title)
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
func yamlProblem(file, text string, err error, offset int, kind error) Problem {
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
	return Problem{Path: file, Line: line + offset, Err: fmt.Errorf("%w: %s", kind, msg)}
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

// parseMetaFile reads a meta.yaml: a list of records keyed by file. Records
// or fields it cannot use are reported with their line and left out; the
// rest is used.
func parseMetaFile(file string, data []byte) (map[string]*metaRecord, []Problem) {
	var probs []Problem
	if !textnorm.ValidUTF8(string(data)) {
		probs = append(probs, Problem{Path: file, Warning: true, Err: fmt.Errorf("%w replaced with U+FFFD", ErrInvalidUTF8)})
	}
	text := textnorm.Sanitize(string(data))
	root, err := parseYAML(text)
	if err != nil {
		return nil, append(probs, yamlProblem(file, text, err, 0, ErrMeta))
	}
	if root == nil {
		return nil, probs
	}
	if root.Kind != yaml.SequenceNode {
		return nil, append(probs, Problem{Path: file, Line: root.Line,
			Err: fmt.Errorf("%w: want a list of records (\"- file: NAME.txt\" …)", ErrMeta)})
	}
	recs := map[string]*metaRecord{}
	for _, n := range root.Content {
		n = resolve(n)
		if n.Kind != yaml.MappingNode {
			probs = append(probs, Problem{Path: file, Line: n.Line, Err: fmt.Errorf("%w: a record must be a mapping of fields", ErrMeta)})
			continue
		}
		rec, more := decodeMeta(file, n, 0, inMetaFile)
		probs = append(probs, more...)
		switch {
		case rec.File == "":
			probs = append(probs, Problem{Path: file, Line: n.Line, Err: fmt.Errorf("%w: record has no file: field; ignored", ErrMeta)})
		case recs[rec.File] != nil:
			probs = append(probs, Problem{Path: file, Line: n.Line,
				Err: fmt.Errorf("%w: second record for %s (first at line %d); ignored", ErrMeta, rec.File, recs[rec.File].Line)})
		default:
			recs[rec.File] = rec
		}
	}
	return recs, probs
}

// decodeMeta reads the fields of one mapping node. offset is added to YAML
// line numbers to give file lines (1 for front matter after its fence).
// Problems with single fields are warnings: the article still loads.
func decodeMeta(file string, n *yaml.Node, offset int, where metaContext) (*metaRecord, []Problem) {
	rec := &metaRecord{Path: file, Line: n.Line + offset}
	var probs []Problem
	warn := func(at *yaml.Node, format string, args ...any) {
		probs = append(probs, Problem{Path: file, Line: at.Line + offset, Warning: true,
			Err: fmt.Errorf("%w: %s", ErrMeta, fmt.Sprintf(format, args...))})
	}
	var date, precision string
	var dateNode, precisionNode *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), resolve(n.Content[i+1])
		key := strings.ToLower(k.Value)
		// scalar returns the value of a one-value field, sanitised.
		scalar := func() (string, bool) {
			switch {
			case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
				return "", true
			case v.Kind == yaml.ScalarNode:
				return yamlLine1(v.Value), true
			case key == "author" || key == "authors":
				if v.Kind == yaml.SequenceNode {
					var names []string
					for _, c := range v.Content {
						if c = resolve(c); c.Kind == yaml.ScalarNode && c.Value != "" {
							names = append(names, yamlLine1(c.Value))
						}
					}
					return strings.Join(names, ", "), true
				}
			}
			warn(v, "field %s: want a single value", key)
			return "", false
		}
		var dst *string
		switch key {
		case "file":
			if where == inMetaFile {
				dst = &rec.File
			}
		case "id":
			if where == inFrontMatter {
				dst = &rec.ID
			}
		case "title":
			dst = &rec.Title
		case "dek", "description", "subtitle":
			dst = &rec.Dek
		case "outlet":
			dst = &rec.Outlet
		case "via":
			dst = &rec.Via
		case "outlet_profile":
			dst = &rec.OutletProfile
		case "author", "authors":
			dst = &rec.Author
		case "url":
			dst = &rec.URL
		case "event":
			dst = &rec.Event
		case "story":
			dst = &rec.Story
		case "date_note":
			dst = &rec.DateNote
		case "date":
			if s, ok := scalar(); ok {
				date, dateNode = s, v
			}
			continue
		case "date_precision":
			if s, ok := scalar(); ok {
				precision, precisionNode = s, v
			}
			continue
		case "parts":
			if where != inMetaFile {
				break
			}
			if v.Kind != yaml.SequenceNode {
				warn(v, "parts: want a list with one entry per item of the file")
				continue
			}
			for _, c := range v.Content {
				c = resolve(c)
				switch {
				case c.Kind == yaml.MappingNode:
					part, more := decodeMeta(file, c, offset, inPart)
					probs = append(probs, more...)
					rec.Parts = append(rec.Parts, part)
				case c.Kind == yaml.ScalarNode && c.Tag == "!!null":
					rec.Parts = append(rec.Parts, &metaRecord{Line: c.Line + offset})
				default:
					warn(c, "parts: each entry must be a mapping of fields ({} for none)")
					rec.Parts = append(rec.Parts, &metaRecord{Line: c.Line + offset})
				}
			}
			continue
		}
		if dst == nil {
			if where != inFrontMatter {
				warn(k, "unknown field %q; ignored", k.Value)
			}
			continue
		}
		if s, ok := scalar(); ok {
			*dst = s
		}
	}
	if precision != "" {
		if _, err := parsePrecision(precision); err != nil {
			warn(precisionNode, "%v; the date's own precision is used", err)
			precision = ""
		}
	}
	if date != "" {
		d, err := parseDate(date, precision)
		if err != nil {
			warn(dateNode, "%v", err)
		} else {
			rec.Date = d
		}
	}
	return rec, probs
}

// yamlLine1 sanitises a value decoded from YAML. The YAML text was already
// sanitised, entities included, so only YAML escapes ("\e", "\x9b") can have
// put control characters back; "&" is escaped so that entities are not
// decoded a second time.
func yamlLine1(v string) string {
	if strings.IndexByte(v, '&') >= 0 {
		v = strings.ReplaceAll(v, "&", "&amp;")
	}
	return textnorm.Line(v)
}

// parsePrecision checks a date_precision value.
func parsePrecision(s string) (Precision, error) {
	switch p := Precision(strings.ToLower(strings.TrimSpace(s))); p {
	case PrecisionDay, PrecisionApproximate, PrecisionMonth, PrecisionYear:
		return p, nil
	}
	return "", fmt.Errorf("date_precision %q: want day, approximate, month or year", s)
}

// dateLayouts are the date forms accepted, with the precision each implies.
var dateLayouts = []struct {
	layout    string
	precision Precision
}{
	{"2006-01-02", PrecisionDay},
	{time.RFC3339, PrecisionDay},
	{"2006-01-02 15:04:05", PrecisionDay},
	{"2006-01-02T15:04:05", PrecisionDay},
	{"2006-01-02 15:04:05Z07:00", PrecisionDay},
	{"2006-01-02T15:04:05Z0700", PrecisionDay},
	{"2006-01-02 15:04:05Z0700", PrecisionDay},
	{"2006-01-02 15:04:05 -0700", PrecisionDay},
	{"2006-01-02 15:04:05 -0700 MST", PrecisionDay},
	{"2006-01-02T15:04", PrecisionDay},
	{"2006-01-02 15:04", PrecisionDay},
	{"2006-01", PrecisionMonth},
	{"2006", PrecisionYear},
	{"2006/01/02", PrecisionDay},
	{"2006.01.02", PrecisionDay},
	{time.RFC1123, PrecisionDay},
	{time.RFC1123Z, PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 -0700", PrecisionDay},
	{"Mon, 2 Jan 2006 15:04:05 MST", PrecisionDay},
	{time.RFC850, PrecisionDay},
	{time.ANSIC, PrecisionDay},
	{"January 2, 2006", PrecisionDay},
	{"Jan 2, 2006", PrecisionDay},
	{"2 January 2006", PrecisionDay},
	{"2 Jan 2006", PrecisionDay},
	{"January 2006", PrecisionMonth},
	{"Jan 2006", PrecisionMonth},
}

// parseDate reads a date in one of the common forms ("2019-12-29",
// "2019-12-29 10:31:00", RFC 3339, "2019-12", "2019", "29 December 2019",
// …). precision, when not empty, overrides the one the form implies.
func parseDate(s, precision string) (Date, error) {
	s = strings.TrimSpace(s)
	var p Precision
	if precision != "" {
		var err error
		if p, err = parsePrecision(precision); err != nil {
			return Date{}, err
		}
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1 || t.Year() > 9999 {
			break
		}
		if p == "" {
			p = l.precision
		}
		return Date{Time: t, Precision: p}, nil
	}
	return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD, YYYY-MM, YYYY or a full timestamp", s)
}

// metaCache reads each directory's meta.yaml once, however many files of
// the directory the workers load at the same time.
type metaCache struct {
	mu   sync.Mutex
	dirs map[string]*dirMeta
}

type dirMeta struct {
	once  sync.Once
	recs  map[string]*metaRecord
	probs []Problem
}

// metaFor returns the meta.yaml records for the directory of file, keyed by
// file name. The problems of a meta.yaml are returned to the first caller
// only, so that they are reported once.
func (l *loader) metaFor(file string) (map[string]*metaRecord, []Problem) {
	var dir, mpath string
	if l.fsys != nil {
		dir = path.Dir(file)
		mpath = path.Join(dir, metaFileName)
	} else {
		dir = filepath.Dir(file)
		mpath = filepath.Join(dir, metaFileName)
	}
	l.metas.mu.Lock()
	d := l.metas.dirs[dir]
	if d == nil {
		d = &dirMeta{}
		l.metas.dirs[dir] = d
	}
	l.metas.mu.Unlock()
	var probs []Problem
	d.once.Do(func() {
		d.recs, d.probs = l.readMeta(mpath)
		probs = d.probs
	})
	return d.recs, probs
}

// readMeta reads and parses one meta.yaml; a missing file is no problem.
func (l *loader) readMeta(mpath string) (map[string]*metaRecord, []Problem) {
	var info fs.FileInfo
	var err error
	if l.fsys != nil {
		info, err = fs.Stat(l.fsys, mpath)
	} else {
		info, err = os.Stat(mpath)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, []Problem{{Path: mpath, Err: osErr(err)}}
	}
	if info.Size() > l.opt.MaxFileSize {
		return nil, []Problem{tooLarge(mpath, info.Size(), l.opt.MaxFileSize)}
	}
	data, err := l.readFile(mpath, l.opt.MaxFileSize)
	if err != nil {
		return nil, []Problem{{Path: mpath, Err: osErr(err)}}
	}
	recs, probs := parseMetaFile(mpath, data)
	// A misspelt file name would leave its metadata silently unused.
	for name, rec := range recs {
		var err error
		if l.fsys != nil {
			_, err = fs.Stat(l.fsys, path.Join(path.Dir(mpath), name))
		} else {
			_, err = os.Stat(filepath.Join(filepath.Dir(mpath), name))
		}
		if errors.Is(err, fs.ErrNotExist) {
			probs = append(probs, Problem{Path: mpath, Line: rec.Line, Warning: true,
				Err: fmt.Errorf("%w: no file %s beside it; record unused", ErrMeta, name)})
		}
	}
	return recs, probs
}
