package dedupe

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/article"
)

func TestCanonicalURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"https://News.Example.COM/a/B?x=1", "https://news.example.com/a/B?x=1"},
		{"  HTTP://example.com:80/a  ", "http://example.com/a"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"http://example.com:443/a", "http://example.com:443/a"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com./a#section-2", "https://example.com/a"},
		{"https://example.com/a?utm_source=tw&utm_MEDIUM=x&id=7&fbclid=abc&gclid=z", "https://example.com/a?id=7"},
		{"https://example.com/a?b=2&a=1&b=1", "https://example.com/a?a=1&b=2&b=1"},
		{"https://example.com/a?", "https://example.com/a"},
		{"https://example.com/a/", "https://example.com/a/"},
		{"https://[::1]:443/a", "https://[::1]/a"},
		{"not a url", ""},
		{"/relative/path", ""},
		{"mailto:x@example.com", ""},
		{"", ""},
		{"https://news.example.org/2019/12/29/strikes-1", "https://news.example.org/2019/12/29/strikes-1"},
		{"https://news.example.org./a", "https://news.example.org/a"},
		{"https://news.example.org/a b", "https://news.example.org/a%20b"},
		{"https://news.example.org/%41", "https://news.example.org/%41"},
		{"http://x.example/a\x7f", ""},
		{"http://.#0000000", ""},
	}
	for _, c := range cases {
		if got := CanonicalURL(c.in); got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
		// The shortcut gives what parsing gives.
		if raw := strings.TrimSpace(c.in); canonicalAlready(raw) && parsedCanonical(raw) != raw {
			t.Errorf("%q is taken as canonical, but parsing gives %q", raw, parsedCanonical(raw))
		}
	}
}

func TestBodyHashFoldsButKeepsWords(t *testing.T) {
	body := func(paras ...string) []article.Paragraph {
		out := make([]article.Paragraph, len(paras))
		for i, p := range paras {
			out[i] = article.Paragraph{Text: p}
		}
		return out
	}
	long := "The Kata’ib Hezbollah sites in western Iraq and eastern Syria were struck by US F-15 jets on Sunday, killing at least 25 fighters."
	a := BodyHash("", body(long))
	b := BodyHash("", body(strings.ToUpper(strings.ReplaceAll(long, "’", "'")), ""))
	cut := strings.Index(long, " in western")
	c := BodyHash("Another title", body(long[:cut], long[cut:]))
	e := BodyHash("", body(" "+strings.ReplaceAll(strings.ReplaceAll(long, "F-15", "F–15"), "é", "e\u0301")+" "))
	if !bytes.Equal(a, b) || !bytes.Equal(a, c) || !bytes.Equal(a, e) {
		t.Errorf("case, quote and dash style, accents, spacing or paragraph breaks changed the hash")
	}
	if d := BodyHash("", body(strings.Replace(long, "25", "27", 1))); bytes.Equal(a, d) {
		t.Errorf("a different number gave the same hash")
	}
	// Short bodies are told apart by their titles.
	s1 := BodyHash("One title", body("Read more"))
	s2 := BodyHash("Other title", body("Read more"))
	if bytes.Equal(s1, s2) || len(s1) != 16 {
		t.Errorf("short bodies with different titles share a hash")
	}
}

// parsedCanonical is CanonicalURL without its shortcut.
func parsedCanonical(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	u.Host = strings.ToLower(u.Host)
	u.RawQuery = canonicalQuery(u.RawQuery)
	return u.String()
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://a.example/x", "http://A.example:80/?utm_source=1&b=2#f", "https://x.example/a b", "https://x./", "A://::", "http://[::1]:8080/a", "http://[fe80::1%25eth0]/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if canonicalAlready(raw) && parsedCanonical(raw) != raw {
			t.Fatalf("%q is taken as canonical, but parsing gives %q", raw, parsedCanonical(raw))
		}
		if c := CanonicalURL(raw); c != "" && CanonicalURL(c) != c {
			t.Fatalf("CanonicalURL(%q) = %q, whose own canonical form is %q", raw, c, CanonicalURL(c))
		}
	})
}
