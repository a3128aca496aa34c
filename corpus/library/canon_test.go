package library

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/textnorm"
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
	}
	for _, c := range cases {
		if got := CanonicalURL(c.in); got != c.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFTSTokenIsOneToOneAndKeepsPrefixes(t *testing.T) {
	keys := []string{"kataib", "20,000", "20.000", "20000", "u.s", "a_b", "a:b", "ab", "צה\"ל", "é", "3.5"}
	seen := map[string]string{}
	for _, k := range keys {
		tok := ftsToken(k)
		if prev, ok := seen[tok]; ok {
			t.Errorf("%q and %q share token %q", prev, k, tok)
		}
		seen[tok] = k
		for i := 0; i < len(tok); i++ {
			if c := tok[i]; c < 0x80 && !isAlnum(c) {
				t.Errorf("token %q of %q holds ASCII separator %q", tok, k, c)
			}
		}
		for i := 1; i < len(k); i++ {
			if !strings.HasPrefix(tok, ftsToken(k[:i])) {
				t.Errorf("token of %q does not start with token of its prefix %q", k, k[:i])
			}
		}
	}
}

func TestBodyHashFoldsButKeepsWords(t *testing.T) {
	keys := func(paras ...string) [][]string {
		out := make([][]string, len(paras))
		for i, p := range paras {
			out[i] = textnorm.Keys(p)
		}
		return out
	}
	long := "The Kata’ib Hezbollah sites in western Iraq and eastern Syria were struck by US F-15 jets on Sunday, killing at least 25 fighters."
	a := bodyHash(nil, keys(long))
	b := bodyHash(nil, keys(strings.ToUpper(strings.ReplaceAll(long, "’", "'")), ""))
	cut := strings.Index(long, " in western")
	c := bodyHash(nil, keys(long[:cut], long[cut:]))
	if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
		t.Errorf("case, quote style and paragraph breaks changed the hash")
	}
	if d := bodyHash(nil, keys(strings.Replace(long, "25", "27", 1))); bytes.Equal(a, d) {
		t.Errorf("a different number gave the same hash")
	}
	// Short bodies are told apart by their titles.
	s1 := bodyHash(textnorm.Keys("One title"), keys("Read more"))
	s2 := bodyHash(textnorm.Keys("Other title"), keys("Read more"))
	if bytes.Equal(s1, s2) {
		t.Errorf("short bodies with different titles share a hash")
	}
}
