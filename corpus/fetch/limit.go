package fetch

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// hostLimiter is a RoundTripper that lets at most limit requests run at
// once against one host name (whatever the port or scheme). A slot is held
// from the request until its body is closed, so it counts downloads too;
// http.Client closes a redirect's body before it follows it, so a chain
// of redirects to one host holds one slot at a time. It counts requests,
// not connections: over HTTP/2 many requests share one connection.
type hostLimiter struct {
	base  http.RoundTripper
	limit int

	mu    sync.Mutex
	hosts map[string]*hostSlots
}

// hostSlots is one host's semaphore and how many requests hold or wait for
// it, so that the entry can go when nobody does.
type hostSlots struct {
	sem   chan struct{}
	users int
}

func newHostLimiter(base http.RoundTripper, limit int) *hostLimiter {
	return &hostLimiter{base: base, limit: limit, hosts: map[string]*hostSlots{}}
}

// RoundTrip waits for a slot at the request's host, starts the request's
// whole-request timer (see requestState), and sends the request.
func (h *hostLimiter) RoundTrip(req *http.Request) (*http.Response, error) {
	host := hostKey(req.URL)
	if err := h.acquire(req.Context(), host); err != nil {
		return nil, err
	}
	if st, ok := req.Context().Value(stateKey{}).(*requestState); ok {
		st.start()
	}
	resp, err := h.base.RoundTrip(req)
	if err != nil {
		h.release(host)
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: sync.OnceFunc(func() { h.release(host) })}
	return resp, nil
}

func hostKey(u *url.URL) string { return strings.ToLower(u.Hostname()) }

func (h *hostLimiter) acquire(ctx context.Context, host string) error {
	h.mu.Lock()
	s := h.hosts[host]
	if s == nil {
		s = &hostSlots{sem: make(chan struct{}, h.limit)}
		h.hosts[host] = s
	}
	s.users++
	h.mu.Unlock()
	select {
	case s.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		h.leave(host, s)
		return context.Cause(ctx)
	}
}

func (h *hostLimiter) release(host string) {
	h.mu.Lock()
	s := h.hosts[host]
	h.mu.Unlock()
	<-s.sem
	h.leave(host, s)
}

func (h *hostLimiter) leave(host string, s *hostSlots) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s.users--
	if s.users == 0 {
		delete(h.hosts, host)
	}
}

// inFlight is how many requests hold or wait for a slot at host (tests).
func (h *hostLimiter) inFlight(host string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if s := h.hosts[host]; s != nil {
		return s.users
	}
	return 0
}

// releasingBody frees the host slot when the body is closed.
type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
