package essource

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"github.com/elastic/elastic-transport-go/v8/elastictransport"

	"github.com/pmureader/pmureader/corpus"
)

// Paging is how a read walks through the hits.
type Paging string

// The paging methods. Auto tries an Elasticsearch point in time, then an
// OpenSearch one, then a scroll, and keeps the first the cluster supports.
const (
	PagingAuto          Paging = ""
	PagingPIT           Paging = "pit"            // Elasticsearch 7.10+: POST /INDEX/_pit, DELETE /_pit
	PagingOpenSearchPIT Paging = "opensearch-pit" // OpenSearch 2.4+: POST /INDEX/_search/point_in_time
	PagingScroll        Paging = "scroll"         // any version: ?scroll=, /_search/scroll
)

// Defaults of Options.
const (
	DefaultKeepAlive      = 5 * time.Minute
	DefaultRequestTimeout = 60 * time.Second
	DefaultMaxAttempts    = 5
	DefaultBackoff        = 500 * time.Millisecond
	DefaultMaxBackoff     = 30 * time.Second
	DefaultMaxRetryWait   = 2 * time.Minute
	// DefaultMaxResponse caps one response body: a page of 1,000 long
	// articles is tens of megabytes.
	DefaultMaxResponse = 512 << 20
)

// closeTimeout bounds closing a point in time or scroll, which happens
// even when the read was cancelled.
const closeTimeout = 10 * time.Second

// BodyFunc turns an article's sanitised text into paragraphs and raw lines;
// file is the document's reference, for the spans. The default splits as
// the JSON formats do (paragraphs at blank lines, or at every line when
// there are none) without their chrome cleaning.
type BodyFunc func(file, text string) (body []corpus.Paragraph, raw []corpus.Line)

// Options tunes a Client. The zero value is ready to use.
type Options struct {
	// Mapping is the field layout; nil detects it: Media Cloud's, or else
	// the JSON format's field names, from the first hits.
	Mapping *Mapping
	// Paging forces a paging method; PagingAuto negotiates.
	Paging Paging
	// PageSize is how many hits a request asks for (DefaultPageSize).
	PageSize int
	// KeepAlive is how long the cluster keeps the point in time or scroll
	// between two requests (DefaultKeepAlive).
	KeepAlive time.Duration
	// RequestTimeout bounds one attempt of one request
	// (DefaultRequestTimeout).
	RequestTimeout time.Duration
	// MaxAttempts bounds the tries of one request (DefaultMaxAttempts).
	MaxAttempts int
	// Backoff is the wait before the first retry, doubled after each
	// (DefaultBackoff), up to MaxBackoff (DefaultMaxBackoff). A
	// Retry-After header replaces it.
	Backoff, MaxBackoff time.Duration
	// MaxRetryWait is the longest Retry-After honoured; a longer one ends
	// the read with ErrUnavailable (DefaultMaxRetryWait).
	MaxRetryWait time.Duration
	// MaxResponse caps one response body in bytes (DefaultMaxResponse).
	MaxResponse int64
	// Transport carries the requests; nil is a clone of
	// http.DefaultTransport. The CA of Credentials is added to it.
	Transport http.RoundTripper
	// Body splits article text; nil is the JSON formats' split.
	Body BodyFunc
}

func (o Options) withDefaults() Options {
	def := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.KeepAlive, DefaultKeepAlive)
	def(&o.RequestTimeout, DefaultRequestTimeout)
	def(&o.Backoff, DefaultBackoff)
	def(&o.MaxBackoff, DefaultMaxBackoff)
	def(&o.MaxRetryWait, DefaultMaxRetryWait)
	if o.PageSize <= 0 {
		o.PageSize = DefaultPageSize
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.MaxResponse <= 0 {
		o.MaxResponse = DefaultMaxResponse
	}
	if o.Body == nil {
		o.Body = splitBody
	}
	return o
}

// Client reads articles from one source. It serves one Fetch at a time.
type Client struct {
	src   Source
	opt   Options
	tp    *elastictransport.Client
	creds Credentials
	// sleep waits between attempts; tests replace it to record waits.
	sleep func(ctx context.Context, d time.Duration) error
	// buf holds the answer being decoded (see attempt).
	buf bytes.Buffer
}

// New makes a client for src. It reads the CA file, if any, and fails
// naming it when it is unreadable or holds no certificate.
func New(src Source, creds Credentials, opt Options) (*Client, error) {
	opt = opt.withDefaults()
	rt, err := transport(src, creds, opt.Transport)
	if err != nil {
		return nil, err
	}
	topts := []elastictransport.Option{
		elastictransport.WithURLs(src.baseURL()),
		elastictransport.WithTransport(rt),
		elastictransport.WithUserAgent("pmureader"),
		// Retries are ours: the transport's backoff cannot see a
		// Retry-After header.
		elastictransport.WithDisableRetry(),
	}
	switch {
	case creds.APIKey != "":
		topts = append(topts, elastictransport.WithAPIKey(creds.APIKey))
	case creds.User != "":
		topts = append(topts, elastictransport.WithBasicAuth(creds.User, creds.Password))
	}
	tp, err := elastictransport.NewClient(topts...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src, err)
	}
	return &Client{src: src, opt: opt, tp: tp, creds: creds, sleep: sleepCtx}, nil
}

// transport returns the round tripper with the CA file's certificates
// trusted (besides the system's). Certificate checks are never switched
// off: a cluster with a private CA needs EnvCA.
func transport(src Source, creds Credentials, rt http.RoundTripper) (http.RoundTripper, error) {
	pem, err := creds.readCA()
	if err != nil {
		return nil, err
	}
	if pem == nil {
		if rt == nil {
			return http.DefaultTransport.(*http.Transport).Clone(), nil
		}
		return rt, nil
	}
	if src.Scheme != "https" {
		return nil, fmt.Errorf("%w: %s is set but %s is plain HTTP; use es+https://", ErrBadCredentials, EnvCA, src)
	}
	if rt == nil {
		rt = http.DefaultTransport
	}
	ht, ok := rt.(*http.Transport)
	if !ok {
		return nil, fmt.Errorf("%w: %s: cannot add a CA to a %T", ErrBadCredentials, EnvCA, rt)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%w: %s=%s: no PEM certificate in the file", ErrBadCredentials, EnvCA, creds.CAFile)
	}
	ht = ht.Clone()
	if ht.TLSClientConfig == nil {
		ht.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	ht.TLSClientConfig.RootCAs = pool
	return ht, nil
}

// Close releases the client's connections.
func (c *Client) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
	defer cancel()
	return c.tp.Close(ctx)
}

// Source is what the client reads.
func (c *Client) Source() Source { return c.src }

// request is one API call.
type request struct {
	method string
	path   string // from the cluster root, without the source's prefix
	query  url.Values
	body   any // marshalled as JSON; nil sends no body
}

// do sends r and decodes a 2xx answer's body into out (when not nil). It
// retries 429, 502–504, timeouts and dropped connections up to
// MaxAttempts times, waiting Backoff (doubling) or what Retry-After asks.
// Other answers return at once as an *HTTPError.
func (c *Client) do(ctx context.Context, r request, out any) error {
	var payload []byte
	if r.body != nil {
		var err error
		if payload, err = json.Marshal(r.body); err != nil {
			return fmt.Errorf("%s: %s %s: %w", c.src, r.method, r.path, err)
		}
	}
	wait := c.opt.Backoff
	for attempt := 1; ; attempt++ {
		body, err := c.attempt(ctx, r, payload)
		if err == nil {
			if out == nil {
				return nil
			}
			if err := json.Unmarshal(body, out); err != nil {
				return fmt.Errorf("%s: %s %s: %w: %w", c.src, r.method, r.path, ErrBadResponse, err)
			}
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: %w", c.src, ctx.Err())
		}
		retry, after := retryable(err)
		if !retry || attempt >= c.opt.MaxAttempts {
			return c.giveUp(err, attempt, retry)
		}
		if after > c.opt.MaxRetryWait {
			return fmt.Errorf("%s: %w: the cluster asks to retry after %s, longer than %s: %w",
				c.src, ErrUnavailable, after, c.opt.MaxRetryWait, err)
		}
		d := wait
		if after > 0 {
			d = after
		}
		if err := c.sleep(ctx, d); err != nil {
			return fmt.Errorf("%s: %w", c.src, err)
		}
		wait = min(2*wait, c.opt.MaxBackoff)
	}
}

// giveUp wraps the last error of a request: a retryable one that ran out
// of attempts says how many were made.
func (c *Client) giveUp(err error, attempts int, retried bool) error {
	if !retried {
		return fmt.Errorf("%s: %w", c.src, err)
	}
	kind := ErrUnavailable
	if errors.Is(err, ErrTimeout) {
		kind = ErrTimeout
	}
	return fmt.Errorf("%s: %w after %d attempts: %w", c.src, kind, attempts, noKind{err})
}

// noKind hides an error's own classification (an HTTPError unwraps to
// ErrUnavailable) where the wrapper has already given one, while keeping
// it reachable with errors.As.
type noKind struct{ err error }

func (e noKind) Error() string { return e.err.Error() }

// As lets errors.As find the *HTTPError inside.
func (e noKind) As(target any) bool { return errors.As(e.err, target) }

// attempt sends r once, within RequestTimeout, and returns a 2xx body.
func (c *Client) attempt(ctx context.Context, r request, payload []byte) ([]byte, error) {
	actx, cancel := context.WithTimeout(ctx, c.opt.RequestTimeout)
	defer cancel()
	u := &url.URL{Path: r.path}
	if len(r.query) > 0 {
		u.RawQuery = r.query.Encode()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(actx, r.method, u.String(), body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := c.tp.Perform(req)
	if err != nil {
		return nil, c.transportError(ctx, actx, r, err)
	}
	defer func() { _ = res.Body.Close() }()
	// One buffer serves every answer of the client: a page is megabytes,
	// and its bytes are garbage once decoded (Unmarshal copies strings).
	buf := &c.buf
	buf.Reset()
	if n := res.ContentLength; n > 0 && n <= c.opt.MaxResponse {
		buf.Grow(int(n) + 1)
	}
	if _, err := buf.ReadFrom(io.LimitReader(res.Body, c.opt.MaxResponse+1)); err != nil {
		return nil, c.transportError(ctx, actx, r, err)
	}
	data := buf.Bytes()
	if int64(len(data)) > c.opt.MaxResponse {
		return nil, fmt.Errorf("%s %s: %w: the answer is larger than %d bytes; lower the page size", r.method, r.path, ErrBadResponse, c.opt.MaxResponse)
	}
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return nil, decodeHTTPError(r.method, r.path, res.StatusCode, res.Header, data)
	}
	return data, nil
}

// transportError names a failure to get an answer: a timeout of this
// attempt (not the caller's cancellation), or the network's error.
func (c *Client) transportError(ctx, actx context.Context, r request, err error) error {
	if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s %s: %w: no answer within %s", r.method, r.path, ErrTimeout, c.opt.RequestTimeout)
	}
	return fmt.Errorf("%s %s: %w", r.method, r.path, err)
}

// retryable says whether err is worth another attempt, and the wait the
// server asked for.
func retryable(err error) (bool, time.Duration) {
	var he *HTTPError
	if errors.As(err, &he) {
		return retryableStatus(he.Status), he.RetryAfter
	}
	if errors.Is(err, ErrTimeout) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true, 0
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout(), 0
}

// sleepCtx waits d, or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
