package essource

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// ErrBadMapping is wrapped by ParseMapping's errors (exit 2).
var ErrBadMapping = errors.New("bad mapping")

// Mapping says which fields of a hit's _source hold which part of an
// article. Each role lists one or more dotted paths into _source
// ("source.name" is {"source": {"name": …}}, or a key "source.name"); the
// first that holds a non-blank value wins. Query and sort use the first
// path of a role.
type Mapping struct {
	// Name is the preset the mapping started from ("mediacloud", "json")
	// or "custom".
	Name   string
	Title  []string
	Text   []string
	Date   []string
	Outlet []string
	URL    []string
	Author []string
	Dek    []string
	// OutletFilter is the field --outlet filters on with a terms query; it
	// must be a keyword (or wildcard) field. Empty: the first Outlet path.
	OutletFilter string
	// Tiebreak is the sort field that makes the order total on an
	// OpenSearch point in time (which has no _shard_doc before 3.3):
	// "_id" when empty. Elasticsearch always uses _shard_doc.
	Tiebreak string
}

// MediaCloud is the layout of Media Cloud's search index (index template
// mc_search-*, written by mediacloud/story-indexer's importer worker):
// article_title and text_content (text), publication_date (date, "YYYY-MM-DD"
// or a timestamp), canonical_domain (keyword), url (keyword or wildcard),
// original_url, language and indexed_date. An Article has no language, so
// language and indexed_date are not read.
func MediaCloud() *Mapping {
	return &Mapping{
		Name:   "mediacloud",
		Title:  []string{"article_title"},
		Text:   []string{"text_content"},
		Date:   []string{"publication_date"},
		Outlet: []string{"canonical_domain"},
		URL:    []string{"url", "original_url"},
	}
}

// JSONLayout is the field names pmureader's JSON format reads (see
// corpus/format_json.go): news-please, trafilatura, fundus and the
// Media Cloud API's own export, indexed as they are.
func JSONLayout() *Mapping {
	return &Mapping{
		Name:   "json",
		Title:  []string{"title"},
		Text:   []string{"text", "maintext", "plaintext", "body", "content", "raw_text"},
		Date:   []string{"date", "date_publish", "publishing_date", "publish_date"},
		Outlet: []string{"outlet", "sitename", "source-hostname", "publisher", "media_name", "source_domain", "hostname"},
		URL:    []string{"url"},
		Author: []string{"author", "authors"},
		Dek:    []string{"dek", "description", "excerpt"},
	}
}

// presets are the layouts auto-detection tries, in order.
func presets() []*Mapping { return []*Mapping{MediaCloud(), JSONLayout()} }

// ParseMapping reads the --mapping syntax: comma-separated ROLE=PATH pairs,
// optionally after a preset name to start from:
//
//	title=headline,text=body,date=published_at,outlet=source.name,url=link
//	mediacloud,outlet=media_name
//	text=body|content            (alternatives: the first non-blank wins)
//
// Roles: title, text, date, outlet, url, author, dek, outlet_filter,
// tiebreak. Without a preset the unnamed roles stay unmapped, and text must
// be given.
func ParseMapping(spec string) (*Mapping, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, fmt.Errorf("%w: empty; want ROLE=FIELD,… (e.g. title=headline,text=body,date=published_at)", ErrBadMapping)
	}
	var b mappingBuilder
	if err := b.line(spec); err != nil {
		return nil, err
	}
	if b.m == nil || len(b.m.Text) == 0 {
		return nil, fmt.Errorf("%w: %q: no text field; add text=FIELD (the field that holds the article body)", ErrBadMapping, spec)
	}
	return b.m, nil
}

// ParseMappingFile reads a mapping file (name is for the messages): the
// --mapping syntax, with new lines as well as commas between the pairs,
// blank lines, and comments from a "#" at the start of a line or after a
// space to the end of it:
//
//	# The archive of news.example.org
//	json                         # start from the JSON formats' names
//	title = headline
//	text  = body | content       # the first non-blank wins
//	outlet_filter = source.domain
//
// An error names the file and the line.
func ParseMappingFile(name string, data []byte) (*Mapping, error) {
	name = textnorm.Line(name)
	var b mappingBuilder
	for i, line := range strings.Split(string(data), "\n") {
		if err := b.line(stripComment(line)); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
	}
	if b.m == nil || len(b.m.Text) == 0 {
		return nil, fmt.Errorf("%s: %w: no text field; add a line text=FIELD (the field that holds the article body)", name, ErrBadMapping)
	}
	return b.m, nil
}

// stripComment cuts a line at a "#" that starts it or follows a space.
func stripComment(line string) string {
	for i := range len(line) {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			return line[:i]
		}
	}
	return line
}

// mappingBuilder assembles a Mapping from ROLE=FIELD pairs; a preset name
// may come first, before any pair.
type mappingBuilder struct {
	m *Mapping // nil until the first preset or pair
}

// line reads comma-separated parts; blank parts are skipped.
func (b *mappingBuilder) line(s string) error {
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if err := b.part(part); err != nil {
			return err
		}
	}
	return nil
}

// part reads one preset name or ROLE=FIELD pair.
func (b *mappingBuilder) part(part string) error {
	role, value, ok := strings.Cut(part, "=")
	if !ok {
		if b.m != nil {
			return fmt.Errorf("%w: %q: want ROLE=FIELD", ErrBadMapping, part)
		}
		if b.m = preset(part); b.m == nil {
			return fmt.Errorf("%w: %q: unknown preset (want mediacloud or json) and no ROLE=FIELD", ErrBadMapping, part)
		}
		return nil
	}
	if b.m == nil {
		b.m = &Mapping{Name: "custom"}
	}
	return b.m.set(strings.ToLower(strings.TrimSpace(role)), strings.TrimSpace(value))
}

func preset(name string) *Mapping {
	for _, p := range presets() {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			return p
		}
	}
	return nil
}

// set assigns one ROLE=FIELD pair.
func (m *Mapping) set(role, value string) error {
	paths := strings.Split(value, "|")
	for i, p := range paths {
		paths[i] = strings.TrimSpace(p)
		if err := checkPath(paths[i]); err != nil {
			return fmt.Errorf("%w: %s=%s: %w", ErrBadMapping, role, value, err)
		}
	}
	single := func(dst *string) error {
		if len(paths) > 1 {
			return fmt.Errorf("%w: %s=%s: one field only", ErrBadMapping, role, value)
		}
		*dst = paths[0]
		return nil
	}
	switch role {
	case "title":
		m.Title = paths
	case "text", "body":
		m.Text = paths
	case "date":
		m.Date = paths
	case "outlet":
		m.Outlet = paths
	case "url":
		m.URL = paths
	case "author":
		m.Author = paths
	case "dek":
		m.Dek = paths
	case "outlet_filter":
		return single(&m.OutletFilter)
	case "tiebreak":
		return single(&m.Tiebreak)
	default:
		return fmt.Errorf("%w: unknown role %q (want title, text, date, outlet, url, author, dek, outlet_filter or tiebreak)", ErrBadMapping, role)
	}
	return nil
}

// checkPath refuses field paths that cannot be a field name.
func checkPath(p string) error {
	switch {
	case p == "":
		return errors.New("empty field name")
	case strings.ContainsAny(p, " \t\n\"\\=,|*"):
		return fmt.Errorf("field %q: no spaces, quotes, wildcards or any of = , | in a field name", p)
	case strings.HasPrefix(p, ".") || strings.HasSuffix(p, ".") || strings.Contains(p, ".."):
		return fmt.Errorf("field %q: empty part in a dotted path", p)
	}
	return nil
}

// String renders the mapping in the --mapping syntax.
func (m *Mapping) String() string {
	var parts []string
	add := func(role string, paths ...string) {
		if len(paths) > 0 && paths[0] != "" {
			parts = append(parts, role+"="+strings.Join(paths, "|"))
		}
	}
	add("title", m.Title...)
	add("text", m.Text...)
	add("date", m.Date...)
	add("outlet", m.Outlet...)
	add("url", m.URL...)
	add("author", m.Author...)
	add("dek", m.Dek...)
	add("outlet_filter", m.OutletFilter)
	add("tiebreak", m.Tiebreak)
	return strings.Join(parts, ",")
}

// sourceFields lists every path the mapping reads, for the request's
// _source filter.
func (m *Mapping) sourceFields() []string {
	var out []string
	for _, l := range [][]string{m.Title, m.Text, m.Date, m.Outlet, m.URL, m.Author, m.Dek} {
		for _, p := range l {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// queryFields are the fields --query searches: the title and text paths.
func (m *Mapping) queryFields() []string {
	out := slices.Clone(m.Title)
	for _, p := range m.Text {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// dateField is the field --since, --until and the sort use, "" if none.
func (m *Mapping) dateField() string {
	if len(m.Date) == 0 {
		return ""
	}
	return m.Date[0]
}

// outletFilterField is the field --outlet filters on, "" if none.
func (m *Mapping) outletFilterField() string {
	if m.OutletFilter != "" {
		return m.OutletFilter
	}
	if len(m.Outlet) == 0 {
		return ""
	}
	return m.Outlet[0]
}

// hasText reports whether f (one hit's _source) holds a non-blank value
// in one of the text paths.
func (m *Mapping) hasText(f fields) bool {
	return strings.TrimSpace(f.value(m.Text, "\n\n")) != ""
}
