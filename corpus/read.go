package corpus

import (
	"context"
	"fmt"

	"github.com/pmureader/pmureader/corpus/internal/format"
	"github.com/pmureader/pmureader/corpus/internal/load"
)

// Source is one input file Load would read, as Sources finds it.
type Source struct {
	Path string // as given, or joined to the directory it was found in
	Size int64
	// Format is the Article.Format of its articles: "text", "markdown",
	// "json" or "jsonl".
	Format string
}

// JSONLines is the Format of a JSON Lines source, which a caller storing
// a large one in batches reads itself, in runs of lines (ParseLines).
const JSONLines = string(format.JSONLines)

// Sources walks paths as Load does (directories recursively, following
// symlinks, with loops caught, each file once) and lists the files it would
// read, in the order found, without reading them, with the problems Load
// reports for paths it cannot use (missing, unsupported, an empty
// directory). A caller that stores what it reads (an import into the
// library) reads each source with a Reader, at its own pace.
func Sources(ctx context.Context, paths []string) ([]Source, []Problem) {
	files, probs := load.List(ctx, paths)
	out := make([]Source, len(files))
	for i, f := range files {
		out[i] = Source{Path: f.Path, Size: f.Size, Format: string(f.Kind)}
	}
	return out, probs
}

// A Reader reads single sources as Load reads them: the same articles,
// cleaned and sanitised, with the same problems. It keeps every meta.yaml
// it reads, so that the .txt files of one folder share one reading of it.
// Safe for concurrent use.
type Reader struct {
	r *load.Reader
}

// NewReader returns a Reader with Load's options.
func NewReader(opt Options) *Reader {
	return &Reader{r: load.NewReader(opt.loaderOptions())}
}

// Read reads a source whole (a file over Options.MaxFileSize is a problem,
// as for Load). A large JSON Lines source is better read a run of lines at
// a time with ParseLines.
func (r *Reader) Read(ctx context.Context, s Source) ([]*Article, []Problem) {
	kind := format.Kind(s.Format)
	switch kind {
	case format.Text, format.Markdown, format.JSON, format.JSONLines:
	default:
		return nil, []Problem{{Path: format.SafeText(s.Path), Err: fmt.Errorf("%w format %q", ErrUnsupported, s.Format)}}
	}
	return r.r.Read(ctx, load.File{Path: s.Path, Size: s.Size, Kind: kind})
}

// Lines is a run of whole lines of a JSON Lines file, cut by a caller that
// reads the file itself, in batches, and may resume in its middle.
type Lines struct {
	Data []byte
	// Offset is where Data starts in the file (a caller skips a
	// byte-order mark): the position an invalid-UTF-8 warning names.
	Offset int64
	// FirstLine is the 1-based number of Data's first line in the file;
	// FirstRecord that of its first record (non-blank line).
	FirstLine, FirstRecord int
}

// ParseLines parses a run of lines of the JSON Lines file at path as Load
// parses the whole file: the same articles, with the same ids (a record
// without one is numbered by its record number in the file), spans and
// problems. What concerns the file as a whole is the caller's: an empty or
// binary file, a byte-order mark, and a line too long to read (reported
// as ErrBadRecord, say); invalid UTF-8 is repaired with a warning for each
// run that has some. It also returns how many records the run holds, to
// number the next run's.
func ParseLines(ctx context.Context, path string, l Lines) ([]*Article, []Problem, int) {
	arts, probs, records := format.ParseLines(ctx, format.File{Kind: format.JSONLines, Path: path},
		format.Lines{Data: l.Data, Offset: l.Offset, FirstLine: l.FirstLine, FirstRecord: l.FirstRecord})
	for i := range probs {
		probs[i] = format.SafeProblem(probs[i])
	}
	return arts, probs, records
}
