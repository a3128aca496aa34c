package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The defaults New uses for the Options left at zero.
const (
	DefaultConnectTimeout       = 10 * time.Second
	DefaultTimeout              = 30 * time.Second
	DefaultMaxRedirects         = 10
	DefaultMaxBytes       int64 = 10 << 20
	DefaultPerHost              = 4
	DefaultConcurrency          = 8
	Homepage                    = "https://github.com/pmureader/pmureader"
)

// accept states what pmureader can use, best first.
const accept = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml," +
	"application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"

// UserAgent returns the User-Agent pmureader sends:
// "pmureader/VERSION (+https://github.com/pmureader/pmureader)".
func UserAgent(version string) string {
	return "pmureader/" + version + " (+" + Homepage + ")"
}

// Options configure a Client. A zero field means its default.
type Options struct {
	UserAgent      string          // default UserAgent("dev")
	ConnectTimeout time.Duration   // dialling and the TLS handshake; default 10 s
	Timeout        time.Duration   // one whole request, redirects and body included; default 30 s
	MaxRedirects   int             // redirects followed; default 10
	MaxBytes       int64           // body cap after decompression; default 10 MB
	PerHost        int             // requests at once to one host; default 4
	Concurrency    int             // requests at once in FetchAll; default 8
	Transport      *http.Transport // cloned; nil builds one (proxy from the environment)
	Resolver       *net.Resolver   // DNS for the dialler New builds; nil is the system's
}

// Validators are what a conditional request sends back: the ETag and
// Last-Modified a previous response gave.
type Validators struct {
	ETag         string
	LastModified string
}

// IsZero reports whether there is nothing to make a request conditional.
func (v Validators) IsZero() bool { return v.ETag == "" && v.LastModified == "" }

// Response is a fetched document.
type Response struct {
	URL         string      // the final address, after redirects
	Status      int         // HTTP status: 2xx, or 304 with NotModified
	Header      http.Header // as the server sent it (untrusted)
	ContentType string      // media type from the header, lower case; "" if none
	Charset     string      // charset parameter from the header, lower case; "" if none
	Validators  Validators  // for the next conditional request
	NotModified bool        // 304: nothing new since Validators given to Get
	Kind        ContentKind // what Body is; 0 when NotModified
	Body        []byte      // decompressed; nil when NotModified
}

// Client fetches documents. It is safe for concurrent use; make one and
// share it, so that the per-host limit holds across all requests.
type Client struct {
	opts  Options
	hosts *hostLimiter
}

// New returns a Client with opts, defaults filled in.
func New(opts Options) *Client {
	opts = withDefaults(opts)
	return &Client{opts: opts, hosts: newHostLimiter(transport(opts), opts.PerHost)}
}

func withDefaults(o Options) Options {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("dev")
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultPerHost
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	return o
}

// transport clones the given Transport or builds one, and puts the connect
// timeout on the dialler and the TLS handshake.
func transport(o Options) *http.Transport {
	var t *http.Transport
	if o.Transport != nil {
		t = o.Transport.Clone()
	} else {
		t = &http.Transport{
			Proxy:               http.ProxyFromEnvironment,
			ForceAttemptHTTP2:   true,
			MaxIdleConns:        100,
			IdleConnTimeout:     90 * time.Second,
			MaxIdleConnsPerHost: o.PerHost,
		}
	}
	if t.DialContext == nil {
		d := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second, Resolver: o.Resolver}
		t.DialContext = d.DialContext
	}
	if t.TLSHandshakeTimeout == 0 {
		t.TLSHandshakeTimeout = o.ConnectTimeout
	}
	return t
}

// Get fetches rawURL. With cond not zero the request is conditional, and an
// unchanged document comes back as a Response with NotModified set and no
// body. A document that is neither a web page nor a feed is an error
// (ErrContentType), as is any status other than 2xx and 304. Every error is
// an *Error.
func (c *Client) Get(ctx context.Context, rawURL string, cond Validators) (*Response, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	reqCtx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	st := &requestState{timeout: c.opts.Timeout, cancel: cancel}
	defer st.stop()
	req, err := http.NewRequestWithContext(context.WithValue(reqCtx, stateKey{}, st), http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(rawURL, ErrBadURL, err, "not a valid address")
	}
	c.setHeaders(req, cond)

	resp, err := c.httpClient().Do(req)
	if err != nil {
		return nil, c.describe(rawURL, ctx, reqCtx, err)
	}
	defer func() { _ = resp.Body.Close() }()
	r := newResponse(resp)
	switch {
	case resp.StatusCode == http.StatusNotModified:
		r.NotModified = true
		return r, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, statusError(rawURL, resp.StatusCode)
	}
	if r.Body, err = c.readBody(rawURL, resp); err != nil {
		return nil, c.describe(rawURL, ctx, reqCtx, err)
	}
	if r.Kind, err = Classify(resp.Header.Get("Content-Type"), r.Body); err != nil {
		var e *Error
		if errors.As(err, &e) {
			e.URL = rawURL
		}
		return nil, err
	}
	return r, nil
}

func (c *Client) setHeaders(req *http.Request, cond Validators) {
	req.Header.Set("User-Agent", c.opts.UserAgent)
	req.Header.Set("Accept", accept)
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
}

// httpClient is made per request so that cookies a site sets during its
// redirects (consent pages do) stay within that one request.
func (c *Client) httpClient() *http.Client {
	jar, _ := cookiejar.New(nil) // never fails without options
	return &http.Client{Transport: c.hosts, CheckRedirect: c.checkRedirect, Jar: jar}
}

func newResponse(resp *http.Response) *Response {
	media, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil {
		media, params = "", nil
	}
	return &Response{
		URL:         resp.Request.URL.String(),
		Status:      resp.StatusCode,
		Header:      resp.Header,
		ContentType: strings.ToLower(media),
		Charset:     strings.ToLower(params["charset"]),
		Validators: Validators{
			ETag:         resp.Header.Get("ETag"),
			LastModified: resp.Header.Get("Last-Modified"),
		},
	}
}

// readBody reads at most MaxBytes of the decompressed body. Go's transport
// asks for gzip and undoes it itself; a body that is still marked gzip (the
// server sent it unasked, or the transport has compression off) is undone
// here.
func (c *Client) readBody(rawURL string, resp *http.Response) ([]byte, error) {
	limit := c.opts.MaxBytes
	if resp.ContentLength > limit {
		return nil, c.tooLarge(rawURL)
	}
	var r io.Reader = resp.Body
	switch strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		defer func() { _ = zr.Close() }()
		r = zr
	}
	body, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, c.tooLarge(rawURL)
	}
	return body, nil
}

func (c *Client) tooLarge(rawURL string) *Error {
	return newError(rawURL, ErrTooLarge, nil, "larger than %s", byteSize(c.opts.MaxBytes))
}

// checkRedirect follows at most MaxRedirects redirects, only to http(s). A
// chain that goes over the limit is called a loop when it visited an
// address twice: a site may legitimately send a client back once (to set a
// cookie), so a repeat alone is not yet a loop.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if !webScheme(req.URL.Scheme) {
		return &redirectError{kind: ErrBadURL,
			reason: "redirected to " + SafeURL(req.URL.Redacted()) + ", not a web address"}
	}
	if len(via) <= c.opts.MaxRedirects {
		return nil
	}
	seen := make([]string, 0, len(via)+1)
	for _, r := range append(slices.Clone(via), req) {
		u := r.URL.String()
		if slices.Contains(seen, u) {
			return &redirectError{kind: ErrRedirectLoop,
				reason: "redirect loop (" + SafeURL(r.URL.Redacted()) + " comes back)"}
		}
		seen = append(seen, u)
	}
	return &redirectError{kind: ErrTooManyRedirects, reason: "more than " + strconv.Itoa(c.opts.MaxRedirects) + " redirects"}
}

// redirectError carries checkRedirect's verdict through http.Client.
type redirectError struct {
	kind   ErrorKind
	reason string
}

func (e *redirectError) Error() string { return e.reason }

// checkURL accepts absolute http and https addresses.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		var ue *url.Error
		reason := err.Error()
		if errors.As(err, &ue) {
			reason = strings.TrimPrefix(ue.Err.Error(), "net/url: ")
		}
		return nil, newError(rawURL, ErrBadURL, err, "not a valid address (%s)", SafeURL(reason))
	}
	switch {
	case u.Scheme == "":
		return nil, newError(rawURL, ErrBadURL, nil, "not a web address (it needs http:// or https://)")
	case !webScheme(u.Scheme):
		return nil, newError(rawURL, ErrBadURL, nil, "%s: is not supported (only http and https)", strings.ToLower(u.Scheme))
	case u.Hostname() == "":
		return nil, newError(rawURL, ErrBadURL, nil, "no host in the address")
	case !validPort(u.Port()):
		return nil, newError(rawURL, ErrBadURL, nil, "not a valid address (port %s)", SafeURL(u.Port()))
	}
	return u, nil
}

// validPort: none, or a number from 1 to 65535.
func validPort(p string) bool {
	if p == "" {
		return true
	}
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535
}

func webScheme(s string) bool {
	s = strings.ToLower(s)
	return s == "http" || s == "https"
}

// requestState is one Get's whole-request timer. It starts when the first
// round trip has its host slot, so that waiting behind other requests to
// the same host does not count against the timeout.
type requestState struct {
	timeout time.Duration
	cancel  context.CancelCauseFunc
	once    sync.Once
	mu      sync.Mutex
	timer   *time.Timer
}

type stateKey struct{}

// errTimedOut is the cancel cause the whole-request timer sets.
var errTimedOut = errors.New("whole-request timeout")

func (s *requestState) start() {
	s.once.Do(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.timer = time.AfterFunc(s.timeout, func() { s.cancel(errTimedOut) })
	})
}

func (s *requestState) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
}
