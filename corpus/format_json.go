package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/clean"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// jsonRecord holds the fields pmureader reads from a JSON article, under
// the names the common scrapers use:
//
//	news-please:  title, maintext, description, date_publish, source_domain, url, authors[]
//	trafilatura:  title, text, raw_text, description, excerpt, date, sitename, source-hostname,
//	              hostname, source, url, author
//	fundus:       title, plaintext, body, publishing_date, publisher, authors[]
//	Media Cloud:  title, text, publish_date, media_name, url
//	pmureader:    id, title, dek, outlet, via, outlet_profile, author, date,
//	              date_precision, date_note, url, event, story, text
//
// Other fields are ignored. Any field may be a string, a number, a list or
// null (see flex), so one odd field never costs the record.
type jsonRecord struct {
	ID    flex `json:"id"`
	Title flex `json:"title"`
	// Body text, first non-empty wins in this order.
	Text      flex     `json:"text"`
	Maintext  flex     `json:"maintext"`
	Plaintext flex     `json:"plaintext"`
	Body      flexBody `json:"body"`
	Content   flex     `json:"content"`
	RawText   flex     `json:"raw_text"`

	Dek         flex `json:"dek"`
	Description flex `json:"description"`
	Excerpt     flex `json:"excerpt"`

	Outlet       flex `json:"outlet"`
	Sitename     flex `json:"sitename"`
	SourceHost   flex `json:"source-hostname"`
	Publisher    flex `json:"publisher"`
	MediaName    flex `json:"media_name"`
	SourceDomain flex `json:"source_domain"`
	Hostname     flex `json:"hostname"`

	URL    flex `json:"url"`
	Source flex `json:"source"` // trafilatura: the URL; elsewhere often the outlet's name

	Author  flex `json:"author"`
	Authors flex `json:"authors"`

	Date           flex `json:"date"`
	DatePublish    flex `json:"date_publish"`
	PublishingDate flex `json:"publishing_date"`
	PublishDate    flex `json:"publish_date"`
	DatePrecision  flex `json:"date_precision"`
	DateNote       flex `json:"date_note"`

	Via           flex `json:"via"`
	OutletProfile flex `json:"outlet_profile"`
	Event         flex `json:"event"`
	Story         flex `json:"story"`
}

// flex is a JSON value read as text: a string as is, a number or boolean as
// written, a list as its items joined by ", ", an object by its "name" (as in
// authors: [{"name": …}]), null as "".
type flex string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flex) UnmarshalJSON(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		if bytes.IndexByte(b, '\\') < 0 {
			*f = flex(b[1 : len(b)-1]) // no escapes: the bytes are the string
			return nil
		}
		p := jsonScanner{b: b}
		if s, ok := p.str(); ok && p.i == len(b) {
			*f = flex(s)
			return nil
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flex(s)
	case '[':
		var items []flex
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		var parts []string
		for _, it := range items {
			if s := strings.TrimSpace(string(it)); s != "" {
				parts = append(parts, s)
			}
		}
		*f = flex(strings.Join(parts, ", "))
	case '{':
		var named struct {
			Name flex `json:"name"`
		}
		if err := json.Unmarshal(b, &named); err != nil {
			return err
		}
		*f = named.Name
	case 'n':
		*f = ""
	default:
		*f = flex(b)
	}
	return nil
}

// flexBody is a body field: text, or fundus's structured body
// ({"summary": [...], "sections": [{"headline": [...], "paragraphs": [...]}]}),
// flattened to paragraphs separated by blank lines.
type flexBody string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexBody) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] != '{' {
		var s flex
		err := s.UnmarshalJSON(b)
		*f = flexBody(s)
		return err
	}
	var fb struct {
		Summary  []flex `json:"summary"`
		Sections []struct {
			Headline   []flex `json:"headline"`
			Paragraphs []flex `json:"paragraphs"`
		} `json:"sections"`
	}
	if err := json.Unmarshal(b, &fb); err != nil {
		return err
	}
	var parts []string
	add := func(items []flex) {
		for _, it := range items {
			parts = append(parts, string(it))
		}
	}
	add(fb.Summary)
	for _, s := range fb.Sections {
		add(s.Headline)
		add(s.Paragraphs)
	}
	*f = flexBody(strings.Join(parts, "\n\n"))
	return nil
}

// first returns the first of vs that is not blank.
func first(vs ...flex) string {
	for _, v := range vs {
		if strings.TrimSpace(string(v)) != "" {
			return string(v)
		}
	}
	return ""
}

// article turns a record into an Article. The record spans lines
// start..end of file; every paragraph cites start. It returns a nil article
// (and a problem) for a record with neither title nor text.
func (r *jsonRecord) article(file string, start, end int) (*Article, []Problem) {
	return r.articleWith(nil, file, start, end)
}

// scratch is one JSON Lines worker's space, reused from one record to the
// next: cleaning's, and the buffer the scanner unescapes strings into.
type scratch struct {
	clean clean.Cleaner
	json  []byte
}

// cleaner returns the scratch's Cleaner; nil, which allocates afresh, for
// a nil scratch.
func (s *scratch) cleaner() *clean.Cleaner {
	if s == nil {
		return nil
	}
	return &s.clean
}

// articleWith is article, cleaning the text with sc's space.
func (r *jsonRecord) articleWith(sc *scratch, file string, start, end int) (*Article, []Problem) {
	text := first(r.Text, r.Maintext, r.Plaintext, flex(r.Body), r.Content, r.RawText)
	title := textnorm.Line(string(r.Title))
	if title == "" && strings.TrimSpace(text) == "" {
		return nil, []Problem{{Path: file, Line: start, Err: fmt.Errorf("%w: no title and no text (want title and one of text, maintext, plaintext, body)", ErrBadRecord)}}
	}
	var body []Paragraph
	var raw []Line
	var author, via string
	if text != "" {
		cl := sc.cleaner()
		lines := cl.Split(textnorm.Sanitize(text))
		body, raw, author, via = cl.Body(file, lines, func(int) int { return start })
	}
	url, source := textnorm.Line(string(r.URL)), textnorm.Line(string(r.Source))
	if url == "" && strings.Contains(source, "://") {
		url, source = source, ""
	} else if strings.Contains(source, "://") {
		source = ""
	}
	a := &Article{
		ID:            textnorm.Line(string(r.ID)),
		Title:         title,
		Dek:           textnorm.Line(first(r.Dek, r.Description, r.Excerpt)),
		Outlet:        textnorm.Line(first(r.Outlet, r.Sitename, r.SourceHost, r.Publisher, r.MediaName, flex(source), r.SourceDomain, r.Hostname)),
		Via:           textnorm.Line(first(r.Via, flex(via))),
		OutletProfile: textnorm.Line(string(r.OutletProfile)),
		Author:        textnorm.Line(first(r.Author, r.Authors, flex(author))),
		URL:           url,
		Event:         textnorm.Line(string(r.Event)),
		Story:         textnorm.Line(string(r.Story)),
		Body:          body,
		Raw:           raw,
		Source:        Span{File: file, StartLine: start, EndLine: end},
	}
	if a.Title == "" {
		a.Title = untitled(a.Body, fileStem(file))
	}
	var probs []Problem
	if d := textnorm.Line(first(r.Date, r.DatePublish, r.PublishingDate, r.PublishDate)); d != "" {
		date, err := parseDate(d, textnorm.Line(string(r.DatePrecision)))
		if err != nil {
			probs = append(probs, Problem{Path: file, Line: start, Warning: true, Err: fmt.Errorf("%w: %v; loaded without a date", ErrBadRecord, err)})
		} else {
			a.Date = date
		}
	}
	a.Date.Note = textnorm.Line(string(r.DateNote))
	return a, probs
}

// loadJSON reads a .json file: one article object or an array of them.
// Records without an id get the file's stem and their 1-based position
// ("feed-3"). A record that is not an object is reported and skipped; a
// syntax error ends the file there.
func loadJSON(file string, data []byte) ([]*Article, []Problem) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // a byte-order mark is not JSON
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	lines := lineCounter{data: data, line: 1}
	stem := fileStem(file)
	switch {
	case len(trimmed) > 0 && trimmed[0] == '{':
		var r jsonRecord
		if err := decodeJSONRecord(data, &r); err != nil {
			if looksLikeJSONLines(trimmed) {
				arts, probs := loadJSONL(context.Background(), file, data, 1)
				return arts, append([]Problem{{Path: file, Warning: true,
					Err: fmt.Errorf("%w: one JSON object per line in a .json file; read as JSON Lines (name it .jsonl)", ErrBadRecord)}}, probs...)
			}
			return nil, []Problem{jsonProblem(file, data, 0, err)}
		}
		a, probs := r.article(file, lines.at(len(data)-len(trimmed)), lines.at(len(data)))
		if a == nil {
			return nil, probs
		}
		if a.ID == "" {
			a.ID = stem
		}
		return []*Article{a}, probs
	case len(trimmed) > 0 && trimmed[0] == '[':
	default:
		return nil, []Problem{{Path: file, Line: lines.at(len(data) - len(trimmed)),
			Err: fmt.Errorf("%w: want a JSON object or an array of objects", ErrBadRecord)}}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the '['
		return nil, []Problem{jsonProblem(file, data, 0, err)}
	}
	var arts []*Article
	var probs []Problem
	for n := 1; dec.More(); n++ {
		off := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			probs = append(probs, jsonProblem(file, data, 0, err))
			break
		}
		// The record starts at its first non-space byte after off.
		startOff := off + len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n,"))
		start := lines.at(startOff)
		endLine := lines.at(int(dec.InputOffset()))
		if len(raw) == 0 || raw[0] != '{' {
			probs = append(probs, Problem{Path: file, Line: start, Err: fmt.Errorf("%w: record %d is not a JSON object; skipped", ErrBadRecord, n)})
			continue
		}
		var r jsonRecord
		if err := decodeJSONRecord(raw, &r); err != nil {
			probs = append(probs, Problem{Path: file, Line: start, Err: fmt.Errorf("%w: record %d: %v; skipped", ErrBadRecord, n, err)})
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
		probs = append(probs, Problem{Path: file, Err: fmt.Errorf("%w: the array is empty", ErrNoArticles)})
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

// numberedRecordID is the id of the n-th record of a JSON file that gives
// none: "stem-n".
func numberedRecordID(stem string, n int) string {
	return fmt.Sprintf("%s-%d", stem, n)
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

// jsonProblem reports a JSON error with the line (and column) it happened
// at; base is the offset in data where the decoded text began.
func jsonProblem(file string, data []byte, base int, err error) Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &se):
		off = base + int(se.Offset)
	case errors.As(err, &te):
		off = base + int(te.Offset)
	}
	if off < 0 {
		return Problem{Path: file, Err: fmt.Errorf("%w: %v", ErrBadRecord, err)}
	}
	off = min(off, len(data))
	lc := lineCounter{data: data, line: 1}
	line := lc.at(off)
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return Problem{Path: file, Line: line, Err: fmt.Errorf("%w: invalid JSON at column %d: %v", ErrBadRecord, col, err)}
}

// jsonlParallelMin is the size from which a JSON Lines file is cut into
// chunks parsed in parallel.
const jsonlParallelMin = 1 << 20

// loadJSONL reads a JSON Lines file: one article object per line, blank
// lines skipped. A bad line is reported with its number and skipped; the
// others load. Records without an id get the file's stem and their 1-based
// record number. Large files are cut at line ends into chunks parsed on
// workers goroutines.
func loadJSONL(ctx context.Context, file string, data []byte, workers int) ([]*Article, []Problem) {
	return loadJSONLines(ctx, file, data, workers, false)
}

// jsonlChunkSize is the size of the pieces a large JSON Lines file is cut
// into: small enough that the cores finish together, large enough that
// handing them out costs nothing.
const jsonlChunkSize = 2 << 20

// loadJSONLines is loadJSONL; with checkUTF8 it also does checkUTF8's work
// (on every core, chunk by chunk, instead of over the whole file before
// parsing): its warning, if any, comes first among the problems. It fills
// each article's Words.
func loadJSONLines(ctx context.Context, file string, data []byte, workers int, checkUTF8 bool) ([]*Article, []Problem) {
	bom := 0
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		bom = len("\ufeff")
		data = data[bom:]
	}
	nChunks := 1
	if len(data) >= jsonlParallelMin && workers > 1 {
		nChunks = max(workers*4, len(data)/jsonlChunkSize)
	}
	chunks := make([]*jsonlChunk, 0, nChunks)
	line := 1
	for rest := data; len(rest) > 0; {
		size := len(data) / nChunks
		if size >= len(rest) || len(chunks) == nChunks-1 {
			size = len(rest)
		} else if i := bytes.IndexByte(rest[size:], '\n'); i >= 0 {
			size += i + 1
		} else {
			size = len(rest)
		}
		chunks = append(chunks, &jsonlChunk{data: rest[:size], offset: len(data) - len(rest), firstLine: line})
		line += bytes.Count(rest[:size], []byte{'\n'})
		rest = rest[size:]
	}
	p := &jsonlParser{ctx: ctx, file: file, checkUTF8: checkUTF8}
	if len(chunks) == 1 {
		p.parse(chunks[0], &scratch{})
	} else {
		next, wait := p.start(workers, nil)
		for _, c := range chunks {
			next <- c
		}
		close(next)
		wait()
	}
	return p.merge(chunks, bom)
}

// jsonlChunk is a run of whole lines of a JSON Lines file, and what
// parsing them gave.
type jsonlChunk struct {
	data      []byte
	offset    int // of data in the file, after any byte-order mark
	firstLine int
	arts      []*Article
	recNo     []int // local record number of each article
	records   int
	probs     []Problem
	invalid   int // offset in data of the first invalid UTF-8 (if invalidAt > 0)
	invalidAt int // line of that byte; 0 when the chunk is valid UTF-8
	size      int // bytes of the file it covers, with any byte-order mark
	// parsed, when not nil, is closed once the chunk is parsed (or its
	// parsing given up), for a jsonlDelivery waiting on it.
	parsed chan struct{}
}

// jsonlParser parses the chunks of one JSON Lines file.
type jsonlParser struct {
	ctx       context.Context
	file      string
	checkUTF8 bool
}

// start starts workers goroutines that parse the chunks sent on next, each
// with scratch space of its own; wait closes nothing and returns when next is
// closed and every chunk parsed. When done is not nil, each parsed chunk's
// data is offered to it for reuse (parsing copies what it keeps).
func (p *jsonlParser) start(workers int, done chan<- []byte) (next chan<- *jsonlChunk, wait func()) {
	ch := make(chan *jsonlChunk, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc scratch
			for c := range ch {
				p.parse(c, &sc)
				if c.parsed != nil {
					close(c.parsed)
				}
				if done != nil {
					select {
					case done <- c.data[:0]:
					default:
					}
				}
				c.data = nil
			}
		}()
	}
	return ch, wg.Wait
}

// parse parses the lines of one chunk.
func (p *jsonlParser) parse(c *jsonlChunk, sc *scratch) {
	file := p.file
	// Chunks end at line breaks, which are never inside a UTF-8
	// sequence: the file is valid when every chunk is.
	if p.checkUTF8 && !utf8.Valid(c.data) {
		c.invalid = firstInvalid(c.data)
		c.invalidAt = c.firstLine + bytes.Count(c.data[:c.invalid], []byte{'\n'})
	}
	n := c.firstLine
	for rest := c.data; len(rest) > 0; n++ {
		if n%1024 == 0 && p.ctx.Err() != nil {
			return
		}
		var l []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			l, rest = rest, nil
		}
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		c.records++
		if l[0] != '{' {
			c.probs = append(c.probs, Problem{Path: file, Line: n, Err: fmt.Errorf("%w: line is not a JSON object; skipped", ErrBadRecord)})
			continue
		}
		var r jsonRecord
		if err := decodeJSONRecordWith(l, &r, &sc.json); err != nil {
			p := jsonProblem(file, l, 0, err)
			p.Line = n
			p.Err = fmt.Errorf("%w; skipped", p.Err)
			c.probs = append(c.probs, p)
			continue
		}
		a, more := r.articleWith(sc, file, n, n)
		c.probs = append(c.probs, more...)
		if a != nil {
			a.Words = bodyWords(a.Body)
			c.arts = append(c.arts, a)
			c.recNo = append(c.recNo, c.records)
		}
	}
}

// jsonlDelivery hands a streamed file's parsed chunks over in file order
// as soon as each and all before it are parsed, numbering records without
// an id exactly as merge does, so that a user interface shows the first
// records of a 400 MB file within a moment instead of at its end.
type jsonlDelivery struct {
	p       *jsonlParser
	order   chan *jsonlChunk
	done    chan struct{}
	bom     int  // length of the file's byte-order mark
	records int  // records in the chunks handed over
	invalid bool // the invalid UTF-8 warning was given
}

// deliver starts the goroutine that hands chunks to emit; add queues
// chunks in file order (blocking while queue chunks wait), finish waits
// for the rest and returns the problems only the end can tell.
func (p *jsonlParser) deliver(queue int, emit func([]*Article, []Problem, int64)) *jsonlDelivery {
	d := &jsonlDelivery{p: p, order: make(chan *jsonlChunk, queue), done: make(chan struct{})}
	stem := fileStem(p.file)
	go func() {
		defer close(d.done)
		for c := range d.order {
			<-c.parsed
			var probs []Problem
			if c.invalidAt > 0 && !d.invalid {
				d.invalid = true
				probs = append(probs, invalidUTF8(p.file, d.bom+c.offset+c.invalid, c.invalidAt))
			}
			for i, a := range c.arts {
				if a.ID == "" {
					a.ID = numberedRecordID(stem, d.records+c.recNo[i])
				}
			}
			d.records += c.records
			emit(c.arts, append(probs, c.probs...), int64(c.size))
		}
	}()
	return d
}

func (d *jsonlDelivery) add(c *jsonlChunk) { d.order <- c }

// finish is called once every chunk added has been parsed or given up.
func (d *jsonlDelivery) finish() []Problem {
	close(d.order)
	<-d.done
	if d.records == 0 {
		return []Problem{{Path: d.p.file, Err: fmt.Errorf("%w: no JSON lines", ErrNoArticles)}}
	}
	return nil
}

// merge joins the chunks' articles and problems in file order, numbering
// the records without an id; bom is the length of the byte-order mark the
// file started with.
func (p *jsonlParser) merge(chunks []*jsonlChunk, bom int) ([]*Article, []Problem) {
	var arts []*Article
	var probs []Problem
	for _, c := range chunks {
		if c.invalidAt > 0 {
			probs = append(probs, invalidUTF8(p.file, bom+c.offset+c.invalid, c.invalidAt))
			break
		}
	}
	stem := fileStem(p.file)
	records, n := 0, 0
	for _, c := range chunks {
		n += len(c.arts)
	}
	if n > 0 {
		arts = make([]*Article, 0, n)
	}
	for _, c := range chunks {
		for i, a := range c.arts {
			if a.ID == "" {
				a.ID = numberedRecordID(stem, records+c.recNo[i])
			}
		}
		records += c.records
		arts = append(arts, c.arts...)
		probs = append(probs, c.probs...)
	}
	if records == 0 {
		probs = append(probs, Problem{Path: p.file, Err: fmt.Errorf("%w: no JSON lines", ErrNoArticles)})
	}
	return arts, probs
}
