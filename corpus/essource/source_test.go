package essource

import (
	"context"
	"encoding/pem"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSource(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Source
	}{
		{"es+https://es.example.org:9200/mc_search-*", Source{Scheme: "https", Host: "es.example.org:9200", Index: "mc_search-*"}},
		{"es+http://localhost:9200/news", Source{Scheme: "http", Host: "localhost:9200", Index: "news"}},
		{"ES+HTTPS://es.example.org/proxy/elastic/news,archive/", Source{Scheme: "https", Host: "es.example.org", PathPrefix: "/proxy/elastic", Index: "news,archive"}},
		{"es+https://[::1]:9200/_all", Source{Scheme: "https", Host: "[::1]:9200", Index: "_all"}},
	} {
		got, err := ParseSource(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseSource(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	if got := (Source{Scheme: "https", Host: "h:9200", PathPrefix: "/p", Index: "i"}).String(); got != "es+https://h:9200/p/i" {
		t.Errorf("String = %q", got)
	}
}

func TestParseSourceRefuses(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		kind     error
	}{
		{"https://es.example.org:9200/news", "want es+https://", ErrBadSource},
		{"es+https://es.example.org:9200", "no index", ErrBadSource},
		{"es+https://es.example.org:9200/", "no index", ErrBadSource},
		{"es+https:///news", "no host", ErrBadSource},
		{"es+https://es.example.org/news/_search", "address an API", ErrBadSource},
		{"es+https://es.example.org/news?q=iraq", "no ?query", ErrBadSource},
		{"es+https://es.example.org/news#x", "no ?query or #fragment", ErrBadSource},
		{"es+https://es.example.org/a,,b", "empty index name", ErrBadSource},
		{"es+https://reader:s3cret@es.example.org:9200/news", "visible to every user in ps", ErrCredentialsInURL},
		{"es+https://reader@es.example.org:9200/news", "set PMUREADER_ES_USER and PMUREADER_ES_PASSWORD (or PMUREADER_ES_API_KEY)", ErrCredentialsInURL},
	} {
		_, err := ParseSource(tc.in)
		if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseSource(%q) err = %v, want %v with %q", tc.in, err, tc.kind, tc.want)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("ParseSource(%q) repeats the password: %v", tc.in, err)
		}
	}
}

func TestCredentialsFromEnv(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	c, err := CredentialsFromEnv(env(EnvUser, "reader", EnvPassword, "pw", EnvCA, "/etc/ca.pem"))
	if err != nil || c != (Credentials{User: "reader", Password: "pw", CAFile: "/etc/ca.pem"}) {
		t.Errorf("user/password: %+v, %v", c, err)
	}
	c, err = CredentialsFromEnv(env(EnvAPIKey, " a2V5 \n"))
	if err != nil || c.APIKey != "a2V5" {
		t.Errorf("api key: %+v, %v", c, err)
	}
	for _, bad := range [][]string{
		{EnvUser, "reader"},
		{EnvPassword, "pw"},
		{EnvAPIKey, "k", EnvUser, "reader", EnvPassword, "pw"},
	} {
		if _, err := CredentialsFromEnv(env(bad...)); !errors.Is(err, ErrBadCredentials) {
			t.Errorf("%v: err = %v, want ErrBadCredentials", bad, err)
		}
	}
}

// TestCAFile reads from a TLS server whose certificate only the CA file
// vouches for, and fails without it: certificate checks are never off.
func TestCAFile(t *testing.T) {
	f := newFake(t, flavorES, mcDocs(3, shortText))
	f.srv.Close()
	f.srv = newTLSServer(t, f)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	cert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: f.srv.Certificate().Raw})
	if err := os.WriteFile(caFile, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	src := f.source()
	if src.Scheme != "https" {
		t.Fatalf("source %s is not https", src)
	}
	read := func(creds Credentials) error {
		c, err := New(src, creds, Options{MaxAttempts: 1})
		if err != nil {
			return err
		}
		defer func() { _ = c.Close() }()
		_, err = c.Fetch(context.Background(), Query{}, func(Batch) {})
		return err
	}
	if err := read(Credentials{CAFile: caFile}); err != nil {
		t.Errorf("with %s: %v", EnvCA, err)
	}
	if err := read(Credentials{}); err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("without the CA: err = %v, want a certificate error", err)
	}
	missing := filepath.Join(t.TempDir(), "nope.pem")
	if err := read(Credentials{CAFile: missing}); !errors.Is(err, ErrBadCredentials) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing CA file: err = %v, want ErrBadCredentials naming it", err)
	}
	if err := os.WriteFile(caFile, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := read(Credentials{CAFile: caFile}); !errors.Is(err, ErrBadCredentials) || !strings.Contains(err.Error(), "no PEM certificate") {
		t.Errorf("bad CA file: err = %v", err)
	}
	good := filepath.Join(t.TempDir(), "good.pem")
	if err := os.WriteFile(good, cert, 0o600); err != nil {
		t.Fatal(err)
	}
	plain, _ := ParseSource("es+http://127.0.0.1:1/news")
	if _, err := New(plain, Credentials{CAFile: good}, Options{}); !errors.Is(err, ErrBadCredentials) || !strings.Contains(err.Error(), "plain HTTP") {
		t.Errorf("CA with es+http: err = %v", err)
	}
}

func newTLSServer(t *testing.T, f *fakeES) *httptest.Server {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(f.serve))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}
