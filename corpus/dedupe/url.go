package dedupe

import (
	"net/netip"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that say how a reader reached a page,
// not which page it is; CanonicalURL drops them (and every utm_* one).
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "yclid": true, "_hsenc": true, "_hsmi": true,
}

// CanonicalURL returns the form of an article's address under which two
// copies of one page meet, or "" when raw is not an absolute http(s) or
// other hierarchical URL with a host:
//   - surrounding spaces are trimmed; scheme and host are lower-cased, a
//     trailing dot of the host and the scheme's default port (:80 for
//     http, :443 for https) are dropped; a host with a colon must be an
//     IPv6 address (no zone);
//   - the fragment (#…) is dropped;
//   - tracking parameters are dropped from the query: every utm_* one and
//     fbclid, gclid, gclsrc, dclid, msclkid, mc_cid, mc_eid, igshid, yclid,
//     _hsenc, _hsmi; the parameters left are sorted by name (stable, so
//     repeated names keep their order), spaces around a parameter are
//     dropped, and an empty query is dropped;
//   - an empty path becomes "/". The path is otherwise kept as it is
//     (case and trailing slash can matter to a server); http and https stay
//     different addresses.
//
// Nothing is entity-decoded: "&region=" is a parameter named "region".
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || canonicalAlready(raw) {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	host = strings.TrimRight(host, ".")
	if host == "" {
		return ""
	}
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		// An IPv6 literal, bracketed again; anything else with a colon
		// ("A://::") is no host, and without a zone, which would need
		// escaping to survive the round trip.
		if ip, err := netip.ParseAddr(host); err != nil || ip.Zone() != "" {
			return ""
		}
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	return u.String()
}

// canonicalAlready reports an address that is its own canonical form, the
// common case, so that it needs no parsing: http or https, a host of lower
// case letters, digits, dots and dashes with no port and no final dot, a
// path of characters a URL keeps as they are, and no query or fragment.
func canonicalAlready(raw string) bool {
	rest, ok := strings.CutPrefix(raw, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(raw, "http://"); !ok {
			return false
		}
	}
	slash := strings.IndexByte(rest, '/')
	if slash <= 0 || rest[slash-1] == '.' || strings.ContainsAny(rest, "?#%") {
		return false
	}
	for i := 0; i < slash; i++ {
		c := rest[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '.' && c != '-' {
			return false
		}
	}
	for i := slash; i < len(rest); i++ {
		c := rest[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && !strings.ContainsRune(pathPunct, rune(c)) {
			return false // for url.Parse to refuse or escape
		}
	}
	return true
}

// pathPunct is the punctuation a path keeps as it is (RFC 3986's
// unreserved and sub-delims, ":", "@" and "/"): url.URL.String escapes
// any other.
const pathPunct = "-._~!$&'()*+,;=:@/"

// canonicalQuery drops tracking parameters from a raw query and sorts the
// rest by name, keeping each parameter's text as it was written.
func canonicalQuery(q string) string {
	if q == "" {
		return ""
	}
	type param struct{ name, text string }
	var kept []param
	for _, p := range strings.Split(q, "&") {
		// Spaces around a parameter (raw, before a fragment) say nothing
		// of the page, and the address read back would lose the last.
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "utm_") || trackingParams[lower] {
			continue
		}
		kept = append(kept, param{name, p})
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].name < kept[j].name })
	parts := make([]string, len(kept))
	for i, p := range kept {
		parts[i] = p.text
	}
	return strings.Join(parts, "&")
}
