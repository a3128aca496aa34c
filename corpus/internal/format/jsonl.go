package format

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

// jsonlParallelMin is the size from which a JSON Lines file is cut into
// chunks parsed in parallel.
const jsonlParallelMin = 1 << 20

// parseJSONL reads a JSON Lines file: one article object per line, blank
// lines skipped. A bad line is reported with its number and skipped; the
// others load. Records without an id get the file's stem and their 1-based
// record number. Large files are cut at line ends into chunks parsed on
// workers goroutines.
func parseJSONL(ctx context.Context, file string, data []byte, workers int) ([]*article.Article, []article.Problem) {
	return parseJSONLines(ctx, file, data, workers, 0, false)
}

// jsonlChunkSize is the size of the pieces a large JSON Lines file is cut
// into: small enough that the cores finish together, large enough that
// handing them out costs nothing.
const jsonlChunkSize = 2 << 20

// parseJSONLines is parseJSONL, skipping lines longer than maxRecord bytes
// (0: no limit); with checkUTF8 it also does checkUTF8's work (on every
// core, chunk by chunk, instead of over the whole file before parsing): its
// warning, if any, comes first among the problems. It fills each article's
// Words.
func parseJSONLines(ctx context.Context, file string, data []byte, workers int, maxRecord int64, checkUTF8 bool) ([]*article.Article, []article.Problem) {
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
	p := &jsonlParser{ctx: ctx, file: file, maxRecord: maxRecord, checkUTF8: checkUTF8}
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
	arts      []*article.Article
	recNo     []int // local record number of each article
	records   int
	probs     []article.Problem
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
	maxRecord int64 // longest line read; 0: no limit
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
		size := len(l)
		l = bytes.TrimSpace(l)
		if len(l) == 0 {
			continue
		}
		c.records++
		if p.maxRecord > 0 && int64(size) > p.maxRecord {
			c.probs = append(c.probs, RecordTooLarge(file, n, int64(size), p.maxRecord))
			continue
		}
		if l[0] != '{' {
			c.probs = append(c.probs, article.Problem{Path: file, Line: n, Err: fmt.Errorf("%w: line is not a JSON object; skipped", article.ErrBadRecord)})
			continue
		}
		var r jsonRecord
		if err := decodeJSONRecordWith(l, &r, &sc.json); err != nil {
			p := jsonProblem(file, l, err)
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
func (p *jsonlParser) deliver(queue int, emit func([]*article.Article, []article.Problem, int64)) *jsonlDelivery {
	d := &jsonlDelivery{p: p, order: make(chan *jsonlChunk, queue), done: make(chan struct{})}
	stem := fileStem(p.file)
	go func() {
		defer close(d.done)
		for c := range d.order {
			<-c.parsed
			var probs []article.Problem
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
func (d *jsonlDelivery) finish() []article.Problem {
	close(d.order)
	<-d.done
	if d.records == 0 {
		return []article.Problem{{Path: d.p.file, Err: fmt.Errorf("%w: no JSON lines", article.ErrNoArticles)}}
	}
	return nil
}

// merge joins the chunks' articles and problems in file order, numbering
// the records without an id; bom is the length of the byte-order mark the
// file started with.
func (p *jsonlParser) merge(chunks []*jsonlChunk, bom int) ([]*article.Article, []article.Problem) {
	var arts []*article.Article
	var probs []article.Problem
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
		arts = make([]*article.Article, 0, n)
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
		probs = append(probs, article.Problem{Path: p.file, Err: fmt.Errorf("%w: no JSON lines", article.ErrNoArticles)})
	}
	return arts, probs
}
