// Package load is the loading pipeline behind corpus.Load, LoadFS and
// Stream: it walks the paths given (or an fs.FS), following symlinks and
// catching loops, hands every article file to a pool of workers that read
// it (whole, or a large JSON Lines file in pieces) and parse it with
// corpus/internal/format, reads each directory's meta.yaml once for the
// text files beside it, and reports what it finds as Events on a channel:
// articles, problems (made safe to print), and the files and bytes found
// and done, for a progress bar.
//
// Ordering, deduplication and the error of a load that found nothing are
// corpus's: load only produces the events. A panic while parsing a file
// becomes that file's problem.
//
// load imports corpus/internal/article and corpus/internal/format. It must
// not import corpus (which imports it), nor anything of the terminal.
package load
