package library

import (
	"strings"
	"testing"
)

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
