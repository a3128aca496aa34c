package essource

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// Errors a read can end with, for errors.Is; each names the source in its
// message. How the command maps them to exit codes is in the README.
var (
	// ErrAuth: the cluster refused the credentials (401), or asked for
	// some and none were set.
	ErrAuth = errors.New("authentication failed")
	// ErrForbidden: the credentials are valid but may not read the index
	// (403).
	ErrForbidden = errors.New("permission denied")
	// ErrIndexNotFound: no index, alias or pattern match of that name
	// (404 index_not_found_exception).
	ErrIndexNotFound = errors.New("index not found")
	// ErrUnavailable: the cluster kept answering 429 or 502–504, or the
	// connection kept failing, until the attempts ran out.
	ErrUnavailable = errors.New("cluster unavailable")
	// ErrTimeout: a request got no answer within Options.RequestTimeout,
	// on every attempt.
	ErrTimeout = errors.New("request timed out")
	// ErrNoTextField: no hit of the index has a value in the mapping's
	// text field; the message names the fields the hits do have.
	ErrNoTextField = errors.New("no text field")
	// ErrRequest: any other refusal (a 400 for a malformed query, a 500).
	ErrRequest = errors.New("request refused")
	// ErrBadResponse: a 2xx answer that is not the JSON the API documents.
	ErrBadResponse = errors.New("unexpected response")
)

// Warnings a read reports as corpus.Problem (Warning true) while the
// articles still load.
var (
	// ErrShardFailure: some shards failed (_shards.failures); the results
	// lack their documents.
	ErrShardFailure = errors.New("shard failure")
	// ErrLimited: more articles matched than the limit let through.
	ErrLimited = errors.New("limit reached")
)

// HTTPError is a non-2xx answer, with the cluster's own account of it.
type HTTPError struct {
	Method string
	Path   string // the API path, e.g. "/mc_search-*/_pit"
	Status int
	// Type and Reason are the error's type ("index_not_found_exception")
	// and reason, sanitised: they come from the server.
	Type   string
	Reason string
	// RetryAfter is the Retry-After header's wait, 0 when absent.
	RetryAfter time.Duration
}

// Error renders "POST /idx/_search: 404 index_not_found_exception: no such
// index [idx]".
func (e *HTTPError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %d", e.Method, e.Path, e.Status)
	if t := http.StatusText(e.Status); t != "" && e.Type == "" {
		b.WriteString(" " + t)
	}
	if e.Type != "" {
		b.WriteString(" " + e.Type)
	}
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	return b.String()
}

// Unwrap classifies the error by status and type.
func (e *HTTPError) Unwrap() error {
	switch {
	case e.Status == http.StatusUnauthorized:
		return ErrAuth
	case e.Status == http.StatusForbidden:
		return ErrForbidden
	case e.Type == "index_not_found_exception":
		return ErrIndexNotFound
	case retryableStatus(e.Status):
		return ErrUnavailable
	}
	return ErrRequest
}

// retryableStatus is true for the statuses worth another try: too many
// requests, and a gateway or node that is briefly away.
func retryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// maxRetryAfterSecs keeps a huge Retry-After from overflowing a Duration.
const maxRetryAfterSecs = 1 << 30

// reasonMax caps how much of a server's error text is repeated.
const reasonMax = 300

// errorCause is the documented error object (ErrorCause).
type errorCause struct {
	Type      string       `json:"type"`
	Reason    string       `json:"reason"`
	RootCause []errorCause `json:"root_cause"`
}

// decodeHTTPError reads the documented error body, {"error": ErrorCause
// or a string, "status": N}; any other body is quoted in part.
func decodeHTTPError(method, path string, status int, header http.Header, body []byte) *HTTPError {
	e := &HTTPError{Method: method, Path: path, Status: status, RetryAfter: parseRetryAfter(header.Get("Retry-After"), time.Now())}
	var env struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &env) == nil && len(env.Error) > 0 {
		var cause errorCause
		var text string
		switch {
		case json.Unmarshal(env.Error, &cause) == nil:
			e.Type, e.Reason = cause.Type, cause.Reason
			if len(cause.RootCause) > 0 && cause.RootCause[0].Reason != "" && e.Reason == "" {
				e.Type, e.Reason = cause.RootCause[0].Type, cause.RootCause[0].Reason
			}
		case json.Unmarshal(env.Error, &text) == nil:
			e.Reason = text
		}
	} else {
		e.Reason = string(body)
	}
	e.Type, e.Reason = clean(e.Type), clean(e.Reason)
	return e
}

// clean makes server text fit for a one-line message: sanitised, one
// line, at most reasonMax runes.
func clean(s string) string { return clip(textnorm.Line(s)) }

// clip cuts s to reasonMax runes.
func clip(s string) string {
	n := 0
	for i := range s {
		if n == reasonMax {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// parseRetryAfter reads Retry-After: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0
		}
		return time.Duration(min(secs, maxRetryAfterSecs)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
