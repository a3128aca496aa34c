package textnorm_test

import (
	"html"
	"strings"
	"testing"

	"github.com/pmureader/pmureader/corpus/internal/texttest"
	"github.com/pmureader/pmureader/corpus/textnorm"
)

func TestLegacyEntityNamesAreLegacy(t *testing.T) {
	if len(texttest.LegacyEntityNames) != 106 {
		t.Fatalf("%d legacy names, HTML has 106", len(texttest.LegacyEntityNames))
	}
	for _, name := range texttest.LegacyEntityNames {
		// What makes them a trap: html decodes them with no ";".
		if in := "a&" + name + "ion=1"; html.UnescapeString(in) == in {
			t.Errorf("%s: html.UnescapeString does not decode it without \";\"; not a legacy name", name)
		}
	}
}

func TestSanitizeDecodesNoEntity(t *testing.T) {
	for _, name := range texttest.LegacyEntityNames {
		for _, in := range []string{"https://x.example/a?b=1&" + name + "ion=Footer", "Q&" + name + " 2019", "&" + name + ";"} {
			if got := textnorm.Sanitize(in); got != in {
				t.Errorf("Sanitize(%q) = %q; it must decode nothing", in, got)
			}
			if got := textnorm.Line(in); got != in {
				t.Errorf("Line(%q) = %q; it must decode nothing", in, got)
			}
		}
	}
}

func TestDecodeEntitiesCompleteOnly(t *testing.T) {
	for _, name := range texttest.LegacyEntityNames {
		// Without ";" a legacy name stays, in a URL's query and in text.
		for _, in := range []string{"?action=click&" + name + "ion=Footer", "&" + name + " 2019", "x&" + name} {
			if got := textnorm.DecodeEntities(in); got != in {
				t.Errorf("DecodeEntities(%q) = %q; a reference without \";\" must stay", in, got)
			}
		}
		// With it, it is decoded as HTML decodes it.
		ref := "&" + name + ";"
		if got, want := textnorm.DecodeEntities("a"+ref+"b"), "a"+html.UnescapeString(ref)+"b"; got != want {
			t.Errorf("DecodeEntities(%q) = %q, want %q", "a"+ref+"b", got, want)
		}
	}
	for in, want := range map[string]string{
		"Tom &amp; Jerry":         "Tom & Jerry",
		"Shi&#8217;ite &#x2019;s": "Shi’ite ’s",
		"&amp;lt;b&amp;gt;":       "&lt;b&gt;", // decoded once
		"AT&T; &foo; & &;":        "AT&T; &foo; & &;",
		"&notit; &copyright;":     "&notit; &copyright;", // a legacy name only begins them
		"&semi;&#59;":             ";;",
		"&#;&#x;&#xZZ;&#12a;":     "&#;&#x;&#xZZ;&#12a;",
		"&#0;&#xD800;":            "\ufffd\ufffd",
		"end &amp":                "end &amp",
	} {
		if got := textnorm.DecodeEntities(in); got != want {
			t.Errorf("DecodeEntities(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecodedIsSanitisedAfter(t *testing.T) {
	// The guarantee decoding first used to give: a reference to a control
	// character never reaches a terminal, because what is decoded is
	// sanitised after.
	for _, in := range []string{"x&#27;]0;pwned&#7;y", "&#x1b;[2J", "&#155;31m", "&#0;&#127;", "&#x202e;evil"} {
		out := textnorm.Sanitize(textnorm.DecodeEntities(in))
		if !textnorm.Safe(out) || strings.ContainsRune(out, '\u202e') {
			t.Errorf("Sanitize(DecodeEntities(%q)) = %q is not safe", in, out)
		}
	}
	if got := textnorm.Sanitize(textnorm.DecodeEntities("x&#27;[2Jy")); got != "x^[[2Jy" {
		t.Errorf("got %q", got)
	}
}

func TestLooksEscaped(t *testing.T) {
	for in, want := range map[string]bool{
		"Tom &amp; Jerry":              true,
		"Shi&#8217;ite":                true,
		"plain":                        false,
		"AT&T":                         false,
		"AT&T &amp; Verizon":           false,
		"Q&A &copy 2019":               false,
		"?a=1&region=2":                false,
		"&lt;p&gt; written &amp; read": true,
	} {
		if got := textnorm.LooksEscaped(in); got != want {
			t.Errorf("LooksEscaped(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1&region=2": "https://example.org/a?b=1&region=2",
		"https://example.org/ünïcode/مرحبا":  "https://example.org/ünïcode/مرحبا",
		"http://x/\x1b[2J\x07":               "http://x/%1B[2J%07",
		"http://x/\u202eevil\u2066":          "http://x/%E2%80%AEevil%E2%81%A6",
		"http://x/\u0085\u2028\ufeff\u200b":  "http://x/%C2%85%E2%80%A8%EF%BB%BF%E2%80%8B",
		"http://x/\xff\xfe":                  "http://x/%FF%FE",
		"http://x/a\nb\tc\x7f":               "http://x/a%0Ab%09c%7F",
		"http://x/&#27;&amp;":                "http://x/&#27;&amp;",
	} {
		if got := textnorm.SafeURL(in); got != want {
			t.Errorf("SafeURL(%q) = %q, want %q", in, got, want)
		}
		if got := textnorm.SafeURL(in); !textnorm.Safe(got) || strings.ContainsAny(got, "\n\u202e") {
			t.Errorf("SafeURL(%q) = %q is not safe", in, got)
		}
	}
	for _, name := range texttest.LegacyEntityNames {
		u := "https://www.nytimes.com/x.html?action=click&module=RelatedCoverage&pgtype=Article&" + name + "ion=Footer"
		if got := textnorm.SafeURL(u); got != u {
			t.Errorf("SafeURL(%q) = %q", u, got)
		}
	}
}

func FuzzDecodeEntities(f *testing.F) {
	for _, s := range []string{"&amp;", "&#27;", "&region=", "&notit;", "&#x110000;", "&&&;;", "&semi;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := textnorm.DecodeEntities(s)
		if !strings.Contains(s, "&") && out != s {
			t.Fatalf("DecodeEntities(%q) = %q changed text without a reference", s, out)
		}
		if !textnorm.Safe(textnorm.Sanitize(out)) {
			t.Fatalf("not safe after sanitising: %q", out)
		}
		if len(out) > len(s)*2+8 {
			t.Fatalf("DecodeEntities(%q) grew to %d bytes", s, len(out))
		}
		if u := textnorm.SafeURL(s); !textnorm.Safe(u) {
			t.Fatalf("SafeURL(%q) = %q is not safe", s, u)
		}
	})
}
