package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"math/bits"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/pmureader/pmureader/corpus/internal/swar"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

// formatByExt maps a lower-case file extension to the Article.Format of the
// reader that handles it. Anything else is not an article.
var formatByExt = map[string]string{
	".txt":      "text",
	".md":       "markdown",
	".markdown": "markdown",
	".json":     "json",
	".jsonl":    "jsonl",
	".ndjson":   "jsonl",
}

// metaFileName is the metadata file read beside plain-text articles.
const metaFileName = "meta.yaml"

// binarySniff is how much of a file is searched for a NUL byte.
const binarySniff = 8 << 10

// formatOf returns the format for a file name, or false when the extension
// is not one pmureader reads.
func formatOf(name string) (string, bool) {
	f, ok := formatByExt[strings.ToLower(path.Ext(name))]
	return f, ok
}

// Load reads articles from files and directories. Each path is a file or a
// directory walked recursively (following symlinks, with loops detected);
// files are read by extension (.txt with an optional meta.yaml beside it,
// .md/.markdown, .json, .jsonl/.ndjson), in parallel on Options.Workers
// goroutines.
//
// Whatever could not be read is a Problem in the returned Corpus and the rest
// still loads. The error is non-nil only when not one article loaded (it
// wraps ErrNothingLoaded) or ctx was cancelled. Articles are sorted by
// source path, then by position in the file; when two share an id the later
// one is skipped and reported.
func Load(ctx context.Context, paths []string, opt Options) (*Corpus, error) {
	if len(paths) == 0 {
		return New(nil, nil), nothingLoaded(ErrNothingLoaded.Error() + ": no paths given")
	}
	l := newLoader(opt, nil)
	return l.collect(ctx, func(w *walker) { w.walkOS(paths) }, describePaths(paths))
}

// LoadFS is Load for a file system such as the embedded seeds: every file
// of fsys is considered, from its root. Paths in Problems and Source spans
// are fsys paths.
func LoadFS(ctx context.Context, fsys fs.FS, opt Options) (*Corpus, error) {
	l := newLoader(opt, fsys)
	return l.collect(ctx, func(w *walker) { w.walkFS(fsys) }, "the file system")
}

// Stream loads like Load but delivers the articles in batches as files
// finish, so that a user interface can show progress and the first articles
// at once. Batches carry the running counts of files and bytes. Articles
// within a batch are in file order; batches are in the order files finish.
// Duplicate ids are dropped (and reported) in arrival order. The channel is
// closed when loading is done or ctx is cancelled.
func Stream(ctx context.Context, paths []string, opt Options) <-chan Batch {
	l := newLoader(opt, nil)
	l.progressive = true
	events := l.run(ctx, func(w *walker) { w.walkOS(paths) })
	out := make(chan Batch)
	go func() {
		defer close(out)
		seen := map[string]Span{}
		var pending Batch
		dirty := false
		for {
			var send chan Batch
			if dirty {
				send = out
			}
			select {
			case e, ok := <-events:
				if !ok {
					if ctx.Err() == nil {
						select {
						case out <- pending:
						case <-ctx.Done():
						}
					}
					return
				}
				arts, dups := dedupe(e.articles, seen)
				pending.Articles = append(pending.Articles, arts...)
				pending.Problems = append(pending.Problems, e.problems...)
				pending.Problems = append(pending.Problems, dups...)
				pending.FilesTotal += e.found
				pending.BytesTotal += e.foundBytes
				pending.FilesDone += e.done
				pending.BytesDone += e.doneBytes
				dirty = true
			case send <- pending:
				pending = Batch{FilesDone: pending.FilesDone, FilesTotal: pending.FilesTotal,
					BytesDone: pending.BytesDone, BytesTotal: pending.BytesTotal}
				dirty = false
			case <-ctx.Done():
				// Drain so that the walker and workers, which also watch
				// ctx, are never left blocked; then close.
				for range events {
				}
				return
			}
		}
	}()
	return out
}

// loader holds one load's settings and the metadata files read so far.
type loader struct {
	opt   Options
	fsys  fs.FS // nil: the operating system's files
	metas metaCache
	// progressive makes a large JSON Lines file report its records in
	// pieces as they are parsed (Stream), instead of all at the end.
	progressive bool
}

func newLoader(opt Options, fsys fs.FS) *loader {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	return &loader{opt: opt, fsys: fsys, metas: metaCache{dirs: map[string]*dirMeta{}}}
}

// fileJob is one file to read.
type fileJob struct {
	path   string // as shown to the user and in Source spans
	size   int64
	format string
}

// event is what the walker and the workers report to the collector.
type event struct {
	articles []*Article
	problems []Problem
	found    int // files discovered
	done     int // files finished, loaded or not
	// foundBytes and doneBytes count file sizes.
	foundBytes int64
	doneBytes  int64
}

// run starts the walker and the worker pool and returns the channel of
// their events, closed when all are done.
func (l *loader) run(ctx context.Context, walk func(w *walker)) <-chan event {
	events := make(chan event, 64)
	jobs := make(chan fileJob, 64)
	send := func(e event) bool {
		for i := range e.problems {
			e.problems[i] = safeProblem(e.problems[i])
		}
		select {
		case events <- e:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		w := &walker{ctx: ctx, send: send, jobs: jobs, files: map[string]bool{}, dirs: map[string]int{}}
		walk(w)
	}()
	for range l.opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue // drain so the walker is not blocked
				}
				// A large JSON Lines file may report pieces first (emit);
				// the last event finishes the file and its bytes.
				var emitted int64
				var emit func([]*Article, []Problem, int64)
				if l.progressive {
					emit = func(arts []*Article, probs []Problem, n int64) {
						emitted += n
						send(event{articles: arts, problems: probs, doneBytes: n})
					}
				}
				arts, probs := l.loadFile(ctx, j, emit)
				send(event{articles: arts, problems: probs, done: 1, doneBytes: max(j.size-emitted, 0)})
			}
		}()
	}
	go func() {
		wg.Wait()
		close(events)
	}()
	return events
}

// collect runs a whole load and builds the Corpus: sorted, deduplicated,
// with the error Load documents. what names the inputs for that error.
func (l *loader) collect(ctx context.Context, walk func(w *walker), what string) (*Corpus, error) {
	var arts []*Article
	var probs []Problem
	for e := range l.run(ctx, walk) {
		arts = append(arts, e.articles...)
		probs = append(probs, e.problems...)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("load cancelled: %w", err)
	}
	// Articles of one file arrive together and in order, so a stable sort
	// by file keeps the position within each file.
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].Source.File < arts[j].Source.File })
	arts, dups := dedupe(arts, make(map[string]Span, len(arts)))
	probs = append(probs, dups...)
	sortProblems(probs)
	c := New(arts, probs)
	if len(arts) > 0 {
		return c, nil
	}
	failed := map[string]bool{}
	for _, p := range probs {
		if !p.Warning && !errors.Is(p.Err, errEmptyDir) {
			failed[p.Path] = true
		}
	}
	if len(failed) == 0 {
		return c, nothingLoaded("no articles found in " + what)
	}
	return c, nothingLoaded(fmt.Sprintf("%s: %s failed", ErrNothingLoaded, plural(len(failed), "file")))
}

// errEmptyDir is the problem of a directory with no article files in it:
// nothing failed there, there was just nothing to read.
var errEmptyDir = fmt.Errorf("%w in directory", ErrNoArticles)

// safeText returns s unchanged when it could reach a terminal as it is,
// else sanitised to one line. For paths and messages that hold them.
func safeText(s string) string {
	if textnorm.Safe(s) && !strings.Contains(s, "\n") {
		return s
	}
	return textnorm.Line(s)
}

// safeProblem makes a problem's path and message safe to print: both can
// carry a hostile file name or a quoted piece of input.
func safeProblem(p Problem) Problem {
	p.Path = safeText(p.Path)
	if p.Err != nil && safeText(p.Err.Error()) != p.Err.Error() {
		p.Err = safeError{p.Err}
	}
	return p
}

// safeError shows an error's message sanitised and still unwraps to it.
type safeError struct{ err error }

func (e safeError) Error() string { return textnorm.Line(e.err.Error()) }
func (e safeError) Unwrap() error { return e.err }

// nothingLoaded is the error of a load that produced no article: its text
// says why, and it wraps ErrNothingLoaded.
type nothingLoaded string

func (e nothingLoaded) Error() string { return string(e) }
func (e nothingLoaded) Unwrap() error { return ErrNothingLoaded }

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func describePaths(paths []string) string {
	return strings.Join(paths, ", ")
}

// dedupe drops articles whose id is already in seen (id -> where it was
// first loaded), returning a Problem for each, and records the rest. The
// place is kept as a Span and only formatted for a duplicate.
func dedupe(arts []*Article, seen map[string]Span) ([]*Article, []Problem) {
	var probs []Problem
	out := arts[:0]
	for _, a := range arts {
		if first, ok := seen[a.ID]; ok {
			probs = append(probs, Problem{Path: a.Source.File, Line: a.Source.StartLine,
				Err: fmt.Errorf("%w %q: already loaded from %s; skipped", ErrDuplicateID, a.ID, first.String())})
			continue
		}
		seen[a.ID] = a.Source
		out = append(out, a)
	}
	return out, probs
}

// sortProblems orders problems by path, then line, keeping the order of
// problems on the same line.
func sortProblems(p []Problem) {
	sort.SliceStable(p, func(i, j int) bool {
		if p[i].Path != p[j].Path {
			return p[i].Path < p[j].Path
		}
		return p[i].Line < p[j].Line
	})
}

// walker finds the files to read and hands them to the workers.
type walker struct {
	ctx   context.Context
	send  func(event) bool
	jobs  chan<- fileJob
	files map[string]bool // real paths of files already queued
	dirs  map[string]int  // real paths of directories walked -> article files found
}

func (w *walker) problem(p Problem) { w.send(event{problems: []Problem{p}}) }

func (w *walker) submit(j fileJob) {
	if !w.send(event{found: 1, foundBytes: j.size}) {
		return
	}
	select {
	case w.jobs <- j:
	case <-w.ctx.Done():
	}
}

// walkOS resolves the paths given to Load.
func (w *walker) walkOS(paths []string) {
	for _, p := range paths {
		if w.ctx.Err() != nil {
			return
		}
		fi, err := os.Stat(p)
		if err != nil {
			w.problem(Problem{Path: p, Err: osErr(err)})
			continue
		}
		real, err := realPath(p)
		if err != nil {
			w.problem(Problem{Path: p, Err: osErr(err)})
			continue
		}
		if fi.IsDir() {
			if n := w.walkDir(p, real, map[string]string{}); n == 0 && w.ctx.Err() == nil {
				w.problem(Problem{Path: p, Err: fmt.Errorf("%w (nothing ending in .txt, .md, .markdown, .json, .jsonl or .ndjson)", errEmptyDir)})
			}
			continue
		}
		format, ok := formatOf(p)
		switch {
		case filepath.Base(p) == metaFileName:
			w.problem(Problem{Path: p, Err: fmt.Errorf("%w: %s holds metadata for the .txt files beside it; give their directory or the files", ErrUnsupported, metaFileName)})
			continue
		case !ok:
			w.problem(Problem{Path: p, Err: fmt.Errorf("%w %q (want .txt, .md, .markdown, .json, .jsonl or .ndjson)", ErrUnsupported, filepath.Ext(p))})
			continue
		case !fi.Mode().IsRegular():
			w.problem(Problem{Path: p, Err: errors.New("not a regular file")})
			continue
		}
		if w.files[real] {
			continue // the same file named twice
		}
		w.files[real] = true
		w.submit(fileJob{path: p, size: fi.Size(), format: format})
	}
}

// walkDir walks the directory shown as dir, whose real path is real,
// following symlinks. stack maps the real paths of the directories being
// walked to how they are shown, to catch a link back to one of them. It
// returns how many article files the directory holds.
func (w *walker) walkDir(dir, real string, stack map[string]string) int {
	if n, ok := w.dirs[real]; ok {
		return n // reached again by another link: already walked
	}
	w.dirs[real] = 0
	stack[real] = dir
	defer delete(stack, real)
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.problem(Problem{Path: dir, Err: osErr(err)})
	}
	n := 0
	for _, e := range entries {
		if w.ctx.Err() != nil {
			return n
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue // hidden: .git and the like
		}
		p := filepath.Join(dir, name)
		rp := filepath.Join(real, name)
		var info fs.FileInfo
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				w.problem(Problem{Path: p, Err: osErr(err)})
				continue
			}
			if rp, err = realPath(p); err != nil {
				w.problem(Problem{Path: p, Err: osErr(err)})
				continue
			}
			info = fi
		} else if e.IsDir() {
			info = nil
		} else if info, err = e.Info(); err != nil {
			w.problem(Problem{Path: p, Err: osErr(err)})
			continue
		}
		if e.IsDir() || (info != nil && info.IsDir()) {
			if anc, ok := stack[rp]; ok {
				w.problem(Problem{Path: p, Err: fmt.Errorf("%w: %s leads back to %s; not followed", ErrSymlinkLoop, p, anc)})
				continue
			}
			n += w.walkDir(p, rp, stack)
			continue
		}
		format, ok := formatOf(name)
		if !ok || name == metaFileName || !info.Mode().IsRegular() {
			continue
		}
		n++
		if w.files[rp] {
			continue
		}
		w.files[rp] = true
		w.submit(fileJob{path: p, size: info.Size(), format: format})
	}
	w.dirs[real] = n
	return n
}

// walkFS walks a whole fs.FS (which has no symlinks to follow).
func (w *walker) walkFS(fsys fs.FS) {
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if w.ctx.Err() != nil {
			return fs.SkipAll
		}
		if err != nil {
			w.problem(Problem{Path: p, Err: osErr(err)})
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		format, ok := formatOf(p)
		if !ok || d.Name() == metaFileName || !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			w.problem(Problem{Path: p, Err: osErr(err)})
			return nil
		}
		w.submit(fileJob{path: p, size: info.Size(), format: format})
		return nil
	})
	if err != nil {
		w.problem(Problem{Path: ".", Err: osErr(err)})
	}
}

// realPath is the absolute path of p with every symlink resolved: the
// identity of a file or directory, however it was reached.
func realPath(p string) (string, error) {
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	return filepath.Abs(r)
}

// osErr strips the path from an *fs.PathError (a Problem shows it already)
// and names a symlink loop as one.
func osErr(err error) error {
	if errors.Is(err, syscall.ELOOP) {
		return fmt.Errorf("%w: too many levels of symbolic links", ErrSymlinkLoop)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) || errors.Is(pe.Err, fs.ErrPermission) {
			return pe.Err
		}
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// loadFile reads and parses one file. It never panics: a panic in a parser
// becomes a Problem, so that one hostile file cannot take the load down.
//
// emit, when not nil, lets a large JSON Lines file hand over its records in
// file order as they are parsed, with the bytes they came from; what it
// returns then is only what is left.
func (l *loader) loadFile(ctx context.Context, j fileJob, emit func([]*Article, []Problem, int64)) (arts []*Article, probs []Problem) {
	defer func() {
		if r := recover(); r != nil {
			arts = nil
			probs = append(probs, Problem{Path: j.path, Err: fmt.Errorf("internal error while reading: %v", r)})
		}
	}()
	max := l.opt.MaxFileSize
	if j.size > max {
		return nil, []Problem{tooLarge(j.path, j.size, max)}
	}
	if j.format == "jsonl" && j.size >= jsonlParallelMin && l.opt.Workers > 1 {
		return l.streamJSONL(ctx, j, max, emit)
	}
	data, err := l.readFile(j.path, max)
	if err != nil {
		return nil, []Problem{{Path: j.path, Err: osErr(err)}}
	}
	if int64(len(data)) > max {
		return nil, []Problem{tooLarge(j.path, int64(len(data)), max)}
	}
	// A JSON Lines file is checked for invalid UTF-8 as it is parsed, on
	// every core.
	if p, ok := checkShape(safeText(j.path), data); !ok {
		return nil, []Problem{p}
	}
	if j.format != "jsonl" {
		if p, ok := checkUTF8(safeText(j.path), data); !ok {
			probs = append(probs, p)
		}
	}
	// Spans, ids and problems show the path; a hostile file name must not
	// reach the terminal either.
	shown := safeText(j.path)
	var more []Problem
	switch j.format {
	case "text":
		arts, more = l.loadText(j.path, shown, data)
	case "markdown":
		arts, more = loadMarkdown(shown, data)
	case "json":
		arts, more = loadJSON(shown, data)
	case "jsonl":
		arts, more = loadJSONLines(ctx, shown, data, l.opt.Workers, true)
	}
	probs = append(probs, more...)
	for _, a := range arts {
		a.Format = j.format
		if j.format != "jsonl" { // loadJSONLines counted them on its workers
			a.Words = bodyWords(a.Body)
		}
	}
	return arts, probs
}

// checkShape rejects empty and binary files (ok false). Invalid UTF-8 is
// only a warning (checkUTF8): Sanitize repairs it.
func checkShape(file string, data []byte) (p Problem, ok bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return Problem{Path: file, Err: ErrEmptyFile}, false
		}
		return Problem{Path: file, Err: fmt.Errorf("%w (only white space)", ErrEmptyFile)}, false
	}
	if i := bytes.IndexByte(data[:min(len(data), binarySniff)], 0); i >= 0 {
		return Problem{Path: file, Err: fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)}, false
	}
	return Problem{}, true
}

// checkUTF8 returns the warning for invalid UTF-8 in data (ok false), if
// there is any.
func checkUTF8(file string, data []byte) (p Problem, ok bool) {
	if utf8.Valid(data) {
		return Problem{}, true
	}
	off := firstInvalid(data)
	return invalidUTF8(file, off, 1+bytes.Count(data[:off], []byte{'\n'})), false
}

// invalidUTF8 is the warning for a file whose first invalid UTF-8 is at
// byte off, on line line.
func invalidUTF8(file string, off, line int) Problem {
	return Problem{Path: file, Line: line, Warning: true,
		Err: fmt.Errorf("%w replaced with U+FFFD (first at byte %d)", ErrInvalidUTF8, off)}
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func tooLarge(file string, size, max int64) Problem {
	return Problem{Path: file, Err: fmt.Errorf("%w: %s, over the %s limit; not read", ErrTooLarge, humanBytes(size), humanBytes(max))}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// readFile reads at most max+1 bytes of a file, so that a file that grew
// past the limit after the walk is still caught without reading it all.
func (l *loader) readFile(p string, max int64) ([]byte, error) {
	var f fs.File
	var err error
	if l.fsys != nil {
		f, err = l.fsys.Open(p)
	} else {
		f, err = os.Open(p)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Like os.ReadFile: one buffer of the file's size (plus one byte to see
	// the end), grown only if the file grew since it was measured.
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		size = min(fi.Size(), max)
	}
	buf := make([]byte, 0, size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF || int64(len(buf)) > max {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
	}
}

// streamJSONL loads a large JSON Lines file as loadFile would, reading it
// in pieces of whole lines that the workers parse while reading goes on:
// the file is never in memory whole, and its pieces' buffers are reused.
// It makes the checks loadFile makes on the whole file (empty, binary,
// invalid UTF-8, too large) piece by piece, with the same problems.
//
// With emit, the records are handed over chunk by chunk, in file order, as
// soon as every chunk before them is parsed (see jsonlDelivery), and it
// returns only the problems found at the end. A read error after some
// chunks were handed over keeps those records.
func (l *loader) streamJSONL(ctx context.Context, j fileJob, max int64, emit func([]*Article, []Problem, int64)) ([]*Article, []Problem) {
	var f fs.File
	var err error
	if l.fsys != nil {
		f, err = l.fsys.Open(j.path)
	} else {
		f, err = os.Open(j.path)
	}
	if err != nil {
		return nil, []Problem{{Path: j.path, Err: osErr(err)}}
	}
	defer f.Close()
	shown := safeText(j.path)
	p := &jsonlParser{ctx: ctx, file: shown, checkUTF8: true}
	free := make(chan []byte, l.opt.Workers+2)
	next, wait := p.start(l.opt.Workers, free)
	var chunks []*jsonlChunk
	var d *jsonlDelivery
	if emit != nil {
		d = p.deliver(l.opt.Workers+2, func(arts []*Article, probs []Problem, n int64) {
			for _, a := range arts {
				a.Format = j.format
			}
			emit(arts, probs, n)
		})
	}
	// fail stops the workers and drops what they made (what was already
	// handed over stays).
	fail := func(prob Problem) ([]*Article, []Problem) {
		close(next)
		wait()
		if d != nil {
			d.finish()
		}
		return nil, []Problem{prob}
	}
	var r io.Reader = f
	if max < math.MaxInt64 {
		r = io.LimitReader(f, max+1) // one byte over the limit shows a file that grew
	}
	var carry []byte // the start of a line the last piece cut
	var total int64
	line, offset, bom := 1, 0, 0
	blank := true // only white space so far
	for first, eof := true, false; !eof; first = false {
		var buf []byte
		select {
		case buf = <-free:
		default:
			buf = make([]byte, 0, jsonlChunkSize)
		}
		buf = append(buf, carry...)
		// Fill the buffer; a line longer than it grows it.
		end := -1
		for !eof && (end < 0 || len(buf) < cap(buf)) {
			if len(buf) == cap(buf) {
				buf = append(buf, 0)[:len(buf)]
			}
			n, err := r.Read(buf[len(buf):cap(buf)])
			if i := bytes.LastIndexByte(buf[len(buf):len(buf)+n], '\n'); i >= 0 {
				end = len(buf) + i
			}
			buf = buf[:len(buf)+n]
			total += int64(n)
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return fail(Problem{Path: j.path, Err: osErr(fmt.Errorf("read: %w", err))})
			}
		}
		if total > max {
			return fail(tooLarge(j.path, total, max))
		}
		piece := buf
		carry = carry[:0]
		if !eof {
			carry = append(carry, buf[end+1:]...)
			piece = buf[:end+1]
		}
		if first {
			// What checkShape looks at the start of a file for: buf holds
			// all of the file or more than binarySniff bytes of it.
			if i := bytes.IndexByte(buf[:min(len(buf), binarySniff)], 0); i >= 0 {
				return fail(Problem{Path: shown, Err: fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)})
			}
			if bytes.HasPrefix(piece, []byte("\ufeff")) {
				bom = len("\ufeff")
			}
		}
		// Pieces end at line breaks, so no white-space character is cut.
		blank = blank && len(bytes.TrimSpace(piece)) == 0
		data := piece
		if first {
			data = piece[bom:]
		}
		if len(data) == 0 {
			continue
		}
		c := &jsonlChunk{data: data, offset: offset, firstLine: line, size: len(piece)}
		line += bytes.Count(data, []byte{'\n'})
		offset += len(data)
		chunks = append(chunks, c)
		if d != nil {
			c.parsed = make(chan struct{})
			if len(chunks) == 1 {
				d.bom = bom // before the first add, so the deliverer sees it
			}
		}
		select {
		case next <- c:
		case <-ctx.Done():
			return fail(Problem{Path: shown, Err: ctx.Err()})
		}
		if d != nil {
			d.add(c) // after next: a chunk added is always parsed
		}
	}
	if blank {
		if total == 0 {
			return fail(Problem{Path: shown, Err: ErrEmptyFile})
		}
		return fail(Problem{Path: shown, Err: fmt.Errorf("%w (only white space)", ErrEmptyFile)})
	}
	close(next)
	wait()
	if d != nil {
		return nil, d.finish()
	}
	arts, probs := p.merge(chunks, bom)
	for _, a := range arts {
		a.Format = j.format
	}
	return arts, probs
}

// bodyWords counts the words of a body: runs of characters other than
// space and line break. Body text has been through textnorm.Sanitize, which
// turns every other kind of white space into a plain space, so this equals
// strings.Fields without decoding UTF-8 (no byte of a multi-byte character
// is a space or a line break).
func bodyWords(body []Paragraph) int {
	n := 0
	for _, p := range body {
		n += countFields(p.Text)
	}
	return n
}

// countFields counts the runs of bytes other than ' ' and '\n' in s. It
// looks at eight bytes at a time (SWAR): this runs over every byte of every
// body. countFieldsBytewise is the plain definition it is tested against.
func countFields(s string) int {
	n := 0
	// prev has the high bit of byte 0 set when the byte before the
	// current word is a separator (the start of s counts as one).
	prev := uint64(0x80)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s[i : i+8])
		space := swar.Equal(x, ' ') | swar.Equal(x, '\n')
		starts := ^space & swar.High & (space<<8 | prev)
		n += bits.OnesCount64(starts)
		prev = space >> 56
	}
	sep := prev != 0
	for ; i < len(s); i++ {
		cur := s[i] == ' ' || s[i] == '\n'
		if sep && !cur {
			n++
		}
		sep = cur
	}
	return n
}

// fileStem is a file's name without directory and extension: the id of the
// article it holds.
func fileStem(p string) string {
	base := path.Base(filepath.ToSlash(p))
	return safeText(strings.TrimSuffix(base, path.Ext(base)))
}

// numberedID is the id of the n-th (1-based) article of a file whose first
// article has id stem: stem, stem-2, stem-3, …
func numberedID(stem string, n int) string {
	if n <= 1 {
		return stem
	}
	return stem + "-" + strconv.Itoa(n)
}
