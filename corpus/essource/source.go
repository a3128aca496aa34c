package essource

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/pmureader/pmureader/corpus/textnorm"
)

// The environment variables a source reads its secrets from. Credentials
// never come from the command line: a URL is visible to every user in ps
// and stays in the shell's history.
const (
	EnvUser     = "PMUREADER_ES_USER"
	EnvPassword = "PMUREADER_ES_PASSWORD"
	EnvAPIKey   = "PMUREADER_ES_API_KEY"
	EnvCA       = "PMUREADER_ES_CA"
)

// The schemes of a source URL.
const (
	schemeHTTPS = "es+https"
	schemeHTTP  = "es+http"
)

// Errors ParseSource and CredentialsFromEnv wrap, for errors.Is. They are
// mistakes in how pmureader was called (exit 2).
var (
	ErrBadSource        = errors.New("bad source")
	ErrCredentialsInURL = errors.New("credentials in the source URL")
	ErrBadCredentials   = errors.New("bad credentials in the environment")
)

// Source is where the articles are: one Elasticsearch or OpenSearch index
// (or index pattern, or comma-separated list) on one cluster.
type Source struct {
	// Scheme is "https" or "http".
	Scheme string
	// Host is host:port as given ("es.example.org:9200").
	Host string
	// PathPrefix is the path under which a proxy serves the cluster
	// ("/elastic"), "" when the cluster answers at the root.
	PathPrefix string
	// Index is the last path segment: an index, alias, pattern
	// ("mc_search-*") or comma-separated list.
	Index string
}

// IsSource reports whether s is meant as an Elasticsearch source (starts
// with es+https:// or es+http://), so that the command can tell it from a
// file path before parsing it.
func IsSource(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, schemeHTTPS+"://") || strings.HasPrefix(l, schemeHTTP+"://")
}

// ParseSource reads "es+https://HOST[:PORT][/PREFIX]/INDEX". A user name or
// password in the URL is refused (ErrCredentialsInURL): they belong in the
// environment (EnvUser and EnvPassword, or EnvAPIKey). Query strings and
// fragments are refused too: the query and paging are flags.
func ParseSource(s string) (Source, error) {
	if !IsSource(s) {
		return Source{}, fmt.Errorf("%w: %q: want es+https://HOST:9200/INDEX or es+http://HOST:9200/INDEX", ErrBadSource, redact(s))
	}
	u, err := url.Parse(s)
	if err != nil {
		return Source{}, fmt.Errorf("%w: %q: %v", ErrBadSource, redact(s), redactErr(err))
	}
	if u.User != nil {
		return Source{}, fmt.Errorf("%w: %s: refused, because a URL is visible to every user in ps and stays in the shell history; "+
			"set %s and %s (or %s) in the environment instead", ErrCredentialsInURL, redact(s), EnvUser, EnvPassword, EnvAPIKey)
	}
	src := Source{Scheme: strings.TrimPrefix(strings.ToLower(u.Scheme), "es+"), Host: u.Host}
	if src.Host == "" || u.Hostname() == "" {
		return Source{}, fmt.Errorf("%w: %q: no host", ErrBadSource, s)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return Source{}, fmt.Errorf("%w: %q: no ?query or #fragment in the source; use --query, --since, --until and --limit", ErrBadSource, s)
	}
	path := strings.Trim(u.Path, "/")
	if path == "" {
		return Source{}, fmt.Errorf("%w: %q: no index; add it as the last path segment (es+https://HOST:9200/INDEX)", ErrBadSource, s)
	}
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		src.PathPrefix, src.Index = "/"+path[:i], path[i+1:]
	} else {
		src.Index = path
	}
	if err := checkIndex(src.Index); err != nil {
		return Source{}, fmt.Errorf("%w: %q: %w", ErrBadSource, s, err)
	}
	return src, nil
}

// checkIndex refuses index expressions that would address another API
// ("_search", "_pit") or that no cluster accepts.
func checkIndex(index string) error {
	for part := range strings.SplitSeq(index, ",") {
		switch {
		case part == "":
			return errors.New("empty index name in the list")
		case strings.HasPrefix(part, "_") && part != "_all":
			return fmt.Errorf("index %q: names starting with _ address an API, not an index", part)
		case strings.ContainsAny(part, ` "\<>|?#`):
			return fmt.Errorf("index %q: index names cannot contain spaces or any of \" \\ < > | ? #", part)
		}
	}
	return nil
}

// String renders the source as given, without credentials: the name
// problems and article spans cite.
func (s Source) String() string {
	return "es+" + s.Scheme + "://" + s.Host + s.PathPrefix + "/" + s.Index
}

// baseURL is the cluster's root: scheme, host and path prefix.
func (s Source) baseURL() *url.URL {
	return &url.URL{Scheme: s.Scheme, Host: s.Host, Path: s.PathPrefix}
}

// docRef names one document for a Span: SOURCE-ROOT/INDEX/_doc/ID, the
// URL of the document API that returns it, with index and id escaped so
// that no character of them reaches a terminal.
func (s Source) docRef(index, id string) string {
	return "es+" + s.Scheme + "://" + s.Host + s.PathPrefix + "/" + url.PathEscape(index) + "/_doc/" + url.PathEscape(id)
}

// Credentials are how the client authenticates: a user and password, or an
// API key, and optionally a CA certificate file for a cluster whose
// certificate a private authority signed.
type Credentials struct {
	User     string
	Password string
	APIKey   string
	CAFile   string
}

// CredentialsFromEnv reads the credentials from getenv (os.Getenv, or a
// map in tests). Setting both a user and an API key is refused, as is a
// user without a password or a password without a user: each is a likely
// mistake that would otherwise surface as a puzzling 401.
func CredentialsFromEnv(getenv func(string) string) (Credentials, error) {
	c := Credentials{
		User:     getenv(EnvUser),
		Password: getenv(EnvPassword),
		APIKey:   strings.TrimSpace(getenv(EnvAPIKey)),
		CAFile:   getenv(EnvCA),
	}
	switch {
	case c.APIKey != "" && (c.User != "" || c.Password != ""):
		return Credentials{}, fmt.Errorf("%w: both %s and %s/%s are set; set one", ErrBadCredentials, EnvAPIKey, EnvUser, EnvPassword)
	case c.User != "" && c.Password == "":
		return Credentials{}, fmt.Errorf("%w: %s is set but %s is not", ErrBadCredentials, EnvUser, EnvPassword)
	case c.User == "" && c.Password != "":
		return Credentials{}, fmt.Errorf("%w: %s is set but %s is not", ErrBadCredentials, EnvPassword, EnvUser)
	}
	return c, nil
}

// any reports whether some credential is set.
func (c Credentials) any() bool { return c.User != "" || c.APIKey != "" }

// readCA reads the CA file, naming it in the error.
func (c Credentials) readCA() ([]byte, error) {
	if c.CAFile == "" {
		return nil, nil
	}
	pem, err := os.ReadFile(c.CAFile)
	if err != nil {
		return nil, fmt.Errorf("%w: %s=%s: %w", ErrBadCredentials, EnvCA, textnorm.Line(c.CAFile), err)
	}
	return pem, nil
}

// redact removes the user information from a URL-like string so that an
// error message never repeats a password.
func redact(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return textnorm.Line(s)
	}
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	if at := strings.LastIndexByte(rest[:hostEnd], '@'); at >= 0 {
		rest = "***@" + rest[at+1:]
	}
	return textnorm.Line(scheme + "://" + rest)
}

// redactErr renders a url.Parse error without the URL it quotes, which may
// hold a password.
func redactErr(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
