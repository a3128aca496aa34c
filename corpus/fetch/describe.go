package fetch

import (
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// describe turns what net/http returned into an *Error in plain words. ctx
// is the caller's context, reqCtx the request's own (with the timer).
func (c *Client) describe(rawURL string, ctx, reqCtx context.Context, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	switch {
	case ctx.Err() != nil:
		return newError(rawURL, ErrCanceled, context.Cause(ctx), "cancelled")
	case errors.Is(context.Cause(reqCtx), errTimedOut):
		return newError(rawURL, ErrTimeout, err, "timeout after %s", seconds(c.opts.Timeout))
	}
	var re *redirectError
	if errors.As(err, &re) {
		return newError(rawURL, re.kind, err, "%s", re.reason)
	}
	if e := c.describeConnect(rawURL, err); e != nil {
		return e
	}
	return describeTransfer(rawURL, err)
}

// describeConnect names failures before any response: DNS, connecting, TLS.
func (c *Client) describeConnect(rawURL string, err error) *Error {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		host := SafeURL(dnsErr.Name)
		switch {
		case dnsErr.IsNotFound:
			return newError(rawURL, ErrDNS, err, "host %s not found (DNS)", host)
		case dnsErr.IsTimeout:
			return newError(rawURL, ErrDNS, err, "DNS lookup of %s timed out", host)
		}
		return newError(rawURL, ErrDNS, err, "DNS lookup of %s failed", host)
	}
	if reason := tlsReason(err); reason != "" {
		return newError(rawURL, ErrTLS, err, "%s", reason)
	}
	if strings.Contains(err.Error(), "TLS handshake timeout") {
		return newError(rawURL, ErrTLS, err, "TLS handshake not done within %s", seconds(c.opts.ConnectTimeout))
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" {
		return nil
	}
	switch {
	case op.Timeout():
		return newError(rawURL, ErrConnect, err, "could not connect within %s", seconds(c.opts.ConnectTimeout))
	case errors.Is(err, syscall.ECONNREFUSED):
		return newError(rawURL, ErrConnect, err, "connection refused")
	case errors.Is(err, syscall.EHOSTUNREACH):
		return newError(rawURL, ErrConnect, err, "host unreachable")
	case errors.Is(err, syscall.ENETUNREACH):
		return newError(rawURL, ErrConnect, err, "network unreachable")
	}
	return newError(rawURL, ErrConnect, err, "could not connect (%s)", innermost(err))
}

// tlsReason says why a TLS connection failed, or "" when err is not about TLS.
func tlsReason(err error) string {
	var (
		unknown   x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
		record    tls.RecordHeaderError
		alert     tls.AlertError
		verifyErr *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &unknown):
		return "TLS certificate not trusted (signed by an unknown authority)"
	case errors.As(err, &hostname):
		return "TLS certificate is for another host"
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return "TLS certificate expired or not yet valid"
		}
		return "TLS certificate not valid"
	case errors.As(err, &verifyErr):
		return "TLS certificate not valid"
	case errors.As(err, &record), strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return "the server does not speak TLS"
	case errors.As(err, &alert):
		return "TLS handshake refused by the server"
	case strings.Contains(err.Error(), "tls: "):
		return "TLS handshake failed"
	}
	return ""
}

// describeTransfer names failures after the connection was made.
func describeTransfer(rawURL string, err error) *Error {
	var ne net.Error
	switch {
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum), isFlateError(err):
		return newError(rawURL, ErrEncoding, err, "corrupt gzip body")
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return newError(rawURL, ErrNetwork, err, "connection closed before the response was complete")
	case errors.Is(err, syscall.ECONNRESET):
		return newError(rawURL, ErrNetwork, err, "connection reset by the server")
	case errors.As(err, &ne) && ne.Timeout():
		return newError(rawURL, ErrTimeout, err, "no answer in time")
	case strings.Contains(err.Error(), "unsupported protocol scheme"):
		return newError(rawURL, ErrBadURL, err, "not a web address (only http and https)")
	}
	return newError(rawURL, ErrNetwork, err, "network error (%s)", innermost(err))
}

func isFlateError(err error) bool {
	var c flate.CorruptInputError
	return errors.As(err, &c)
}

// innermost is the text of the deepest wrapped error, which for net errors
// is the part in plain words ("connection reset by peer"), one line, with
// no control characters.
func innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			break
		}
		err = next
	}
	return textnorm.Line(err.Error())
}

func statusError(rawURL string, status int) *Error {
	text := http.StatusText(status)
	reason := "HTTP " + strconv.Itoa(status)
	if text != "" {
		reason += " " + text
	}
	return &Error{URL: rawURL, Kind: ErrStatus, Reason: reason, Status: status}
}
