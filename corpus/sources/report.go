package sources

import (
	"errors"

	"github.com/pmureader/pmureader/corpus"
	"github.com/pmureader/pmureader/corpus/fetch"
	"github.com/pmureader/pmureader/corpus/library"
)

// Report says what became of every reference given to Add, or of every
// feed Update fetched.
type Report struct {
	Added      []Added
	Duplicates []Duplicate
	Feeds      []FeedResult
	Failures   []Failure
	// Problems are repairs and skipped records worth knowing about
	// (warnings, and records of an article file that did not load while
	// the rest did).
	Problems []corpus.Problem
}

// Added is an article stored.
type Added struct {
	// Article is the article as stored: its ID is the library's.
	Article *corpus.Article
	// From is where it came from: the address or file given, or the
	// feed item's address.
	From string
}

// Duplicate is an article not stored because the library has it already.
type Duplicate struct {
	From     string
	Title    string
	Existing string // the stored article's id
	Reason   library.DupReason
}

// FeedResult is one feed fetched.
type FeedResult struct {
	URL   string
	Title string
	// Items is how many items the feed holds; New how many of them had not
	// been taken before (and so were added, found to be duplicates, or
	// failed).
	Items, New int
	// NotModified: the server said nothing changed since the last fetch.
	NotModified bool
}

// Failure is one reference, feed or feed item that could not be added.
// Its message is "REF: reason", the reference fit to print.
type Failure struct {
	Ref string
	Err error // the reason, without the reference
}

func (f Failure) Error() string { return safeRef(f.Ref) + ": " + f.Reason() }

// Reason is what went wrong, in plain words, without the reference.
func (f Failure) Reason() string {
	var fe *fetch.Error
	if errors.As(f.Err, &fe) {
		bare := *fe
		bare.URL = ""
		return bare.Error()
	}
	return f.Err.Error()
}

// Unwrap returns the reason, for errors.Is (fetch.ErrTimeout,
// webpage.ErrNoText, feed.ErrNoItems…).
func (f Failure) Unwrap() error { return f.Err }

// Progress is reported after each request or file is done.
type Progress struct {
	Done   int // requests and files done
	Total  int // known so far: feeds add their items as they are read
	Failed int
	Added  int    // articles stored so far
	Last   string // the reference just done, fit to print
}

// SomeFailed reports whether anything failed.
func (r *Report) SomeFailed() bool { return len(r.Failures) > 0 }
