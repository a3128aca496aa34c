package fetch

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// ErrorKind says what kind of failure an Error is. The kinds are also
// errors themselves, so that errors.Is(err, fetch.ErrTimeout) works on any
// error this package returns.
type ErrorKind int

// The kinds of failure, one per thing the user can act on differently.
const (
	ErrBadURL           ErrorKind = iota + 1 // not an http(s) address
	ErrDNS                                   // the host name did not resolve
	ErrConnect                               // refused, unreachable, no answer
	ErrTLS                                   // certificate or handshake failure
	ErrTimeout                               // the whole request took too long
	ErrStatus                                // an HTTP status other than 2xx/304
	ErrRedirectLoop                          // redirects came back where they had been
	ErrTooManyRedirects                      // more redirects than allowed
	ErrTooLarge                              // the body is over the size cap
	ErrContentType                           // not a web page or a feed
	ErrEncoding                              // a corrupt compressed body
	ErrNetwork                               // the connection failed mid-way
	ErrCanceled                              // the caller cancelled
)

var kindText = map[ErrorKind]string{
	ErrBadURL:           "not a web address",
	ErrDNS:              "host not found",
	ErrConnect:          "could not connect",
	ErrTLS:              "TLS error",
	ErrTimeout:          "timeout",
	ErrStatus:           "HTTP error status",
	ErrRedirectLoop:     "redirect loop",
	ErrTooManyRedirects: "too many redirects",
	ErrTooLarge:         "too large",
	ErrContentType:      "not a web page or feed",
	ErrEncoding:         "corrupt compressed body",
	ErrNetwork:          "network error",
	ErrCanceled:         "cancelled",
}

// Error returns the kind's name in plain words.
func (k ErrorKind) Error() string {
	if s, ok := kindText[k]; ok {
		return s
	}
	return "fetch error " + strconv.Itoa(int(k))
}

// String is the same as Error.
func (k ErrorKind) String() string { return k.Error() }

// Error is every failure of Get and Classify. Its message is
// "URL: reason", the reason in plain words; the underlying error, if any,
// is kept for errors.Is and errors.As.
type Error struct {
	URL    string    // the address asked for, as given
	Kind   ErrorKind // what kind of failure
	Reason string    // plain words, without the URL ("timeout after 30 s")
	Status int       // the HTTP status for ErrStatus, else 0
	Err    error     // the cause, or nil
}

// Error returns "URL: reason", the URL with its control characters escaped;
// just the reason when there is no URL.
func (e *Error) Error() string {
	if e.URL == "" {
		return e.Reason
	}
	return SafeURL(e.URL) + ": " + e.Reason
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is this error's kind.
func (e *Error) Is(target error) bool {
	k, ok := target.(ErrorKind)
	return ok && k == e.Kind
}

// KindOf returns the kind of a failure this package returned, or 0 when err
// is nil or not one of its errors.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}

func newError(url string, kind ErrorKind, cause error, format string, args ...any) *Error {
	return &Error{URL: url, Kind: kind, Reason: fmt.Sprintf(format, args...), Err: cause}
}

// SafeURL returns a URL fit to print: textnorm.SafeURL, pmureader's one
// rule for addresses (control, bidirectional and other invisible format
// characters and invalid UTF-8 percent-encoded; no entity decoded, which
// would change a URL: "&region=" is not "®ion=").
func SafeURL(s string) string { return textnorm.SafeURL(s) }

// seconds renders a duration in the messages' style: "30 s", "0.2 s".
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}

// byteSize renders a size cap in the CLI's binary units: "10 MB", "512 KB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
