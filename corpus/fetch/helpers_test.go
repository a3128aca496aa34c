package fetch

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// testClient returns a Client for loopback servers: no proxy, short
// timeouts unless opts says otherwise.
func testClient(opts Options) *Client {
	if opts.Transport == nil {
		opts.Transport = &http.Transport{}
	}
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	if opts.ConnectTimeout == 0 {
		opts.ConnectTimeout = 2 * time.Second
	}
	return New(opts)
}

// testCtx bounds a test's requests, so that a bug hangs no test.
func testCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// wantError checks that err is an *Error of kind k for url whose message is
// "url: ..." containing reason, in plain words and safe to print.
func wantError(t *testing.T, err error, k ErrorKind, url, reason string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T): want *fetch.Error", err, err)
	}
	if e.Kind != k || !errors.Is(err, k) {
		t.Errorf("kind %v (%q): want %v", e.Kind, err, k)
	}
	msg := err.Error()
	t.Logf("%v: %s", k, msg)
	if url != "" && !strings.HasPrefix(msg, SafeURL(url)+": ") {
		t.Errorf("message %q does not start with the URL %q", msg, url)
	}
	if !strings.Contains(msg, reason) {
		t.Errorf("message %q: want it to contain %q", msg, reason)
	}
	for _, raw := range []string{"dial tcp", `Get "`, "net/http:", "x509:", "tls:", ": lookup "} {
		if strings.Contains(msg, raw) {
			t.Errorf("message %q carries raw Go error text %q", msg, raw)
		}
	}
	if !textnorm.Safe(msg) {
		t.Errorf("message %q is not safe to print", msg)
	}
}

// nxdomainServer is a DNS server on loopback UDP that answers every query
// "no such name", and a Resolver that asks only it.
func nxdomainServer(t *testing.T) *net.Resolver {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pc.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, addr, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if reply := nxdomain(buf[:n]); reply != nil {
				_, _ = pc.WriteTo(reply, addr)
			}
		}
	}()
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", pc.LocalAddr().String())
		},
	}
}

// nxdomain builds the NXDOMAIN answer to a DNS query: the query's id and
// question, the response bit, recursion available, rcode 3.
func nxdomain(q []byte) []byte {
	if len(q) < 12 {
		return nil
	}
	end := 12
	for end < len(q) && q[end] != 0 {
		end += int(q[end]) + 1
	}
	end += 1 + 4 // the root label, then type and class
	if end > len(q) {
		return nil
	}
	r := make([]byte, end)
	copy(r, q[:end])
	r[2] = 0x80 | (q[2] & 0x79) // QR, the query's opcode and RD
	r[3] = 0x80 | 3             // RA, NXDOMAIN
	r[4], r[5] = 0, 1           // one question
	for i := 6; i < 12; i++ {
		r[i] = 0 // no answers, authority or additional records
	}
	return r
}
