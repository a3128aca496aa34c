package fetch

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"syscall"
	"testing"
)

// timeoutErr is a net.Error that timed out, as a dialler's is.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// TestDescribeCauses: failures loopback cannot produce, built as net/http
// returns them, are named in plain words with the cause kept.
func TestDescribeCauses(t *testing.T) {
	const u = "https://news.example.org/a"
	wrap := func(err error) error { return &url.Error{Op: "Get", URL: u, Err: err} }
	dial := func(err error) error {
		return wrap(&net.OpError{Op: "dial", Net: "tcp", Err: err})
	}
	for _, tc := range []struct {
		err    error
		kind   ErrorKind
		reason string
	}{
		{dial(os.NewSyscallError("connect", syscall.EHOSTUNREACH)), ErrConnect, "host unreachable"},
		{dial(os.NewSyscallError("connect", syscall.ENETUNREACH)), ErrConnect, "network unreachable"},
		{dial(timeoutErr{}), ErrConnect, "could not connect within 10 s"},
		{dial(errors.New("socket: too many open files")), ErrConnect, "could not connect (socket: too many open files)"},
		{wrap(&net.DNSError{Err: "server misbehaving", Name: "news.example.org"}), ErrDNS, "DNS lookup of news.example.org failed"},
		{wrap(&net.DNSError{Err: "i/o timeout", Name: "news.example.org", IsTimeout: true}), ErrDNS, "DNS lookup of news.example.org timed out"},
		{wrap(&net.DNSError{Err: "no such host", Name: "x\x1b[2J", IsNotFound: true}), ErrDNS, "host x%1B[2J not found (DNS)"},
		{wrap(&tlsVerify{x509.CertificateInvalidError{Reason: x509.Expired}}), ErrTLS, "TLS certificate expired or not yet valid"},
		{wrap(errors.New("net/http: TLS handshake timeout")), ErrTLS, "TLS handshake not done within 10 s"},
		{wrap(io.ErrUnexpectedEOF), ErrNetwork, "connection closed before the response was complete"},
		{wrap(&net.OpError{Op: "read", Err: os.NewSyscallError("read", syscall.ECONNRESET)}), ErrNetwork, "connection reset by the server"},
		{wrap(timeoutErr{}), ErrTimeout, "no answer in time"},
		{wrap(errors.New("something \x1b[31mnew")), ErrNetwork, "network error (something ^[[31mnew)"},
	} {
		c := New(Options{})
		err := c.describe(u, context.Background(), context.Background(), tc.err)
		wantError(t, err, tc.kind, u, tc.reason)
		if err.Error() != u+": "+tc.reason {
			t.Errorf("message %q, want %q", err, u+": "+tc.reason)
		}
		if !errors.Is(err, tc.err) {
			t.Errorf("%q: cause not kept", err)
		}
	}
}

// tlsVerify wraps an x509 error as crypto/tls does.
type tlsVerify struct{ err error }

func (e *tlsVerify) Error() string {
	return fmt.Sprintf("tls: failed to verify certificate: %v", e.err)
}
func (e *tlsVerify) Unwrap() error { return e.err }
